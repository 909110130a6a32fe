import { loadSchoolDemo } from "../src/demo/school";
import { loadDemoInto } from "./support/demo";
import { createTenant, signIn, type TenantFixture, tenantPair, withAdmin } from "./support/fixtures";
import { startTestGateway, type TestGateway } from "./support/gateway";

const ARCHIVED = { "X-Nexus-Include-Archived": "1" };
const lower = (type: string) => type[0]!.toLowerCase() + type.slice(1);

describe("school operations", () => {
  let gateway: TestGateway;
  let acme: TenantFixture;
  let adminToken: string;
  let userToken: string;
  let globexAdminToken: string;

  beforeAll(async () => {
    gateway = await startTestGateway();
    ({ acme, adminToken, userToken, globexAdminToken } = await tenantPair(gateway, "School", "Rival"));
  });
  afterAll(async () => gateway.close());

  /** createX through GraphQL; returns the whole reply body. */
  const create = (token: string, type: string, input: Record<string, unknown>, fields = "rowId") =>
    gateway
      .graphql(`mutation($input: ${type}Input!) { create${type}(input: { ${lower(type)}: $input }) { ${lower(type)} { ${fields} } } }`, {
        token,
        variables: { input },
      })
      .then((reply) => reply.body);

  /** createX that must succeed; returns the created row. */
  async function created(token: string, type: string, input: Record<string, unknown>, fields = "rowId"): Promise<any> {
    const body = await create(token, type, input, fields);
    if (body.errors) throw new Error(`create${type}: ${JSON.stringify(body.errors)}`);
    return body.data[`create${type}`][lower(type)];
  }

  const query = (token: string, text: string, variables: Record<string, unknown> = {}, headers?: Record<string, string>) =>
    gateway.graphql(text, { token, variables, ...(headers ? { headers } : {}) }).then((reply) => reply.body);

  describe("tables, enums and authorship", () => {
    test("a user creates a campus and a student; tenant and authorship come from the token", async () => {
      const campus = await created(
        userToken,
        "Campus",
        { name: "North", code: "N1", isOnline: false },
        "rowId tenantId createdBy updatedBy",
      );
      expect(campus).toMatchObject({ tenantId: acme.tenantId, createdBy: acme.users[0]!.userId, updatedBy: acme.users[0]!.userId });
      const student = await created(
        userToken,
        "Student",
        { firstName: "Ada", lastName: "Lovelace", gender: "FEMALE", status: "ENROLLED", campusId: campus.rowId },
        "rowId gender status campus { name } creator { rowId }",
      );
      expect(student).toMatchObject({
        gender: "FEMALE",
        status: "ENROLLED",
        campus: { name: "North" },
        creator: { rowId: acme.users[0]!.userId },
      });

      const updated = await query(
        adminToken,
        'mutation($id: UUID!) { updateStudent(input: { rowId: $id, patch: { lastName: "Byron" } }) { student { lastName createdBy updatedBy } } }',
        { id: student.rowId },
      );
      expect(updated.data.updateStudent.student).toEqual({
        lastName: "Byron",
        createdBy: acme.users[0]!.userId,
        updatedBy: acme.admin.userId,
      });
    });

    test("a client cannot set who created or changed a row", async () => {
      const body = await create(userToken, "Subject", { name: "Forgery", createdBy: acme.admin.userId });
      expect(body.errors[0].message).toMatch(/createdBy/);
      const patch = await query(userToken, '{ __type(name: "SubjectPatch") { inputFields { name } } }');
      const names = patch.data.__type.inputFields.map((f: { name: string }) => f.name);
      expect(names).not.toEqual(expect.arrayContaining(["createdBy"]));
      expect(names.filter((n: string) => ["createdBy", "updatedBy", "tenantId", "rowId", "createdAt", "updatedAt"].includes(n))).toEqual(
        [],
      );
      const refused = await withAdmin(async (client) => {
        await client.query("begin");
        try {
          await client.query("set local role nexus_user");
          await client.query("insert into academics.subjects (name, created_by) values ('x', null)");
          return null;
        } catch (error) {
          return (error as { code?: string }).code;
        } finally {
          await client.query("rollback");
        }
      });
      expect(refused).toBe("42501");
    });

    test("enumerations are GraphQL enums", async () => {
      const body = await create(userToken, "Student", { firstName: "Bad", gender: "robot" });
      expect(body.errors[0].message).toMatch(/robot/);
      const type = await query(userToken, '{ __type(name: "DayOfWeek") { kind enumValues { name } } }');
      expect(type.data.__type.kind).toBe("ENUM");
      expect(type.data.__type.enumValues.map((v: { name: string }) => v.name)).toContain("MONDAY");
    });

    test.each([
      ["Campus", { name: "  " }, "campuses_name_not_blank"],
      ["Campus", { email: "not-an-email" }, "campuses_email_format"],
      ["Student", { dateOfBirth: "2015-01-01T00:00:00Z", enrollmentDate: "2014-01-01T00:00:00Z" }, "students_enrolled_after_birth"],
      ["Student", { email: "nope" }, "students_email_format"],
      ["Guardian", { email: "nope" }, "guardians_email_format"],
      ["AcademicYear", { startDate: "2026-09-01T00:00:00Z", endDate: "2026-08-01T00:00:00Z" }, "academic_years_dates_ordered"],
      ["Grade", { sortOrder: -1 }, "grades_sort_order_nonnegative"],
      ["Class", { capacity: 0 }, "classes_capacity_positive"],
      ["ClassEnrollment", { enrolledOn: "2026-09-01T00:00:00Z", endedOn: "2026-08-01T00:00:00Z" }, "class_enrollments_dates_ordered"],
      ["Timetable", { effectiveFrom: "2026-09-01T00:00:00Z", effectiveTo: "2026-08-01T00:00:00Z" }, "timetables_dates_ordered"],
      ["TimetablePeriod", { startsAt: "2026-09-01T09:00:00Z", endsAt: "2026-09-01T08:00:00Z" }, "timetable_periods_times_ordered"],
      ["Assessment", { maxScore: "0" }, "assessments_max_score_positive"],
      ["Assessment", { assignedAt: "2026-09-02T00:00:00Z", dueAt: "2026-09-01T00:00:00Z" }, "assessments_dates_ordered"],
      ["AssessmentResult", { score: "-1" }, "assessment_results_score_nonnegative"],
      ["AttendanceRecord", { minutesLate: -5 }, "attendance_records_minutes_late_nonnegative"],
      ["CampusAttendanceConfig", { campusKey: " " }, "campus_attendance_config_campus_key_not_blank"],
      [
        "CampusAttendanceSummary",
        {
          campusKey: "north",
          attendanceDate: "2026-09-01",
          totalEnrolled: 10,
          totalPresent: -1,
          totalAbsent: 0,
          attendancePercentage: "50",
        },
        "campus_attendance_summaries_totals_nonnegative",
      ],
      [
        "CampusAttendanceSummary",
        {
          campusKey: "north",
          attendanceDate: "2026-09-01",
          totalEnrolled: 10,
          totalPresent: 10,
          totalAbsent: 0,
          attendancePercentage: "101",
        },
        "campus_attendance_summaries_percentage_range",
      ],
      ["FeePlan", { totalAmount: "-1" }, "fee_plans_total_amount_nonnegative"],
      ["Invoice", { subtotal: "-5" }, "invoices_amounts_nonnegative"],
      ["Invoice", { issueDate: "2026-09-02T00:00:00Z", dueDate: "2026-09-01T00:00:00Z" }, "invoices_dates_ordered"],
      ["Payment", { amount: "0" }, "payments_amount_positive"],
      ["CommunicationEvent", { title: " ", eventDate: "2026-09-01", eventType: "meeting" }, "communication_events_title_not_blank"],
      [
        "CommunicationEvent",
        { title: "Drill", eventDate: "2026-09-01", eventType: "drill", roles: { all: true } },
        "communication_events_roles_array",
      ],
      [
        "SafetyQuizResult",
        {
          quizId: "q1",
          quizTitle: "Fire",
          weekOf: "2026-W36",
          score: 11,
          totalQuestions: 10,
          answers: [],
          userName: "Ann",
          userRole: "teacher",
          completedAt: "2026-09-01T00:00:00Z",
        },
        "safety_quiz_results_score_range",
      ],
      [
        "WalkthroughCheckin",
        {
          teacherName: "T",
          classroom: "R1",
          directorName: "D",
          checkInDate: "2026-09-01",
          checkInTime: "09:30:00",
          attitudeRating: 6,
          classroomManagementRating: 3,
          cleanlinessRating: 3,
          vibesRating: 3,
          teamDynamicsRating: 3,
          emergencyExitRating: 3,
          lessonPlanRating: 3,
        },
        "walkthrough_checkins_ratings_range",
      ],
      ["Subject", { name: "Art", importHash: " " }, "subjects_import_hash_not_blank"],
    ])("%s refuses %j (%s)", async (type, input, constraint) => {
      const body = await create(userToken, type as string, input as Record<string, unknown>);
      expect(body.errors?.[0]?.extensions?.code).toBe("INVALID_INPUT");
      expect(body.errors[0].extensions.constraint).toBe(constraint);
      expect(body.data?.[`create${type}`] ?? null).toBeNull();
    });

    test("a row cannot reference another tenant's row", async () => {
      const theirs = await created(globexAdminToken, "Campus", { name: "Rival campus" });
      const body = await create(userToken, "Student", { firstName: "Spy", campusId: theirs.rowId });
      expect(body.errors[0].extensions.code).toBe("INVALID_REFERENCE");
      const written = await withAdmin(
        async (c) => (await c.query("select count(*)::int as n from campus.students where first_name = 'Spy'")).rows[0].n,
      );
      expect(written).toBe(0);
    });
  });

  describe("soft delete", () => {
    /** A campus with one student of its own, so each test counts only its rows (tests may run in any order). */
    async function freshStudent(name: string): Promise<{ campusId: string; studentId: string }> {
      const campusId = (await created(adminToken, "Campus", { name: `${name} campus` })).rowId;
      const studentId = (await created(userToken, "Student", { firstName: name, lastName: "Hopper", campusId })).rowId;
      return { campusId, studentId };
    }

    /** A student an admin has archived. */
    async function archivedStudent(name: string): Promise<{ campusId: string; studentId: string }> {
      const row = await freshStudent(name);
      const body = await query(adminToken, "mutation($id: UUID!) { deleteStudent(input: { rowId: $id }) { deletedStudentId } }", {
        id: row.studentId,
      });
      if (body.errors) throw new Error(`deleteStudent: ${JSON.stringify(body.errors)}`);
      return row;
    }

    const visibility = async (
      { campusId, studentId }: { campusId: string; studentId: string },
      token: string,
      headers?: Record<string, string>,
    ) => {
      const body = await query(
        token,
        `query($student: UUID!, $campus: UUID!) {
          student(rowId: $student) { rowId deletedAt }
          students(condition: { campusId: $campus }) { totalCount nodes { rowId } }
          campus(rowId: $campus) { students { totalCount } }
        }`,
        { student: studentId, campus: campusId },
        headers,
      );
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return {
        lookup: body.data.student,
        list: body.data.students.nodes.map((n: { rowId: string }) => n.rowId),
        total: body.data.students.totalCount,
        relation: body.data.campus.students.totalCount,
      };
    };

    test("a plain user may not delete (no DELETE_ permission), and the row stays", async () => {
      const row = await freshStudent("Kept");
      const { studentId } = row;
      const body = await query(userToken, "mutation($id: UUID!) { deleteStudent(input: { rowId: $id }) { deletedStudentId } }", {
        id: studentId,
      });
      expect(body.errors[0].extensions).toEqual({ code: "FORBIDDEN", permission: "DELETE_STUDENTS" });
      expect((await visibility(row, userToken)).total).toBe(1);
    });

    test("a user may not archive through an update either", async () => {
      const { studentId } = await freshStudent("Unarchived");
      const body = await query(
        userToken,
        'mutation($id: UUID!) { updateStudent(input: { rowId: $id, patch: { deletedAt: "2020-01-01T00:00:00Z" } }) { student { rowId } } }',
        {
          id: studentId,
        },
      );
      expect(body.errors[0].extensions.code).toBe("FORBIDDEN");
    });

    test("an admin's delete archives the row: gone from lookup, list, relation and count, still in the database", async () => {
      const row = await freshStudent("Grace");
      const { studentId } = row;
      const body = await query(
        adminToken,
        'mutation($id: UUID!) { deleteStudent(input: { rowId: $id, clientMutationId: "m1" }) { clientMutationId deletedStudentId student { rowId } } }',
        { id: studentId },
      );
      expect(body.errors).toBeUndefined();
      expect(body.data.deleteStudent).toMatchObject({ clientMutationId: "m1", student: null });
      expect(body.data.deleteStudent.deletedStudentId).toEqual(expect.any(String));
      for (const token of [userToken, adminToken]) {
        expect(await visibility(row, token)).toEqual({ lookup: null, list: [], total: 0, relation: 0 });
      }
      const stored = await withAdmin(
        async (c) => (await c.query("select deleted_at, updated_by from campus.students where id = $1", [studentId])).rows[0],
      );
      expect(stored.deleted_at).toBeInstanceOf(Date);
      expect(stored.updated_by).toBe(acme.admin.userId);
    });

    test("deleting by node id archives too", async () => {
      const subject = await created(adminToken, "Subject", { name: "Latin" }, "id rowId");
      const body = await query(adminToken, "mutation($id: ID!) { deleteSubjectById(input: { id: $id }) { deletedSubjectId } }", {
        id: subject.id,
      });
      expect(body.errors).toBeUndefined();
      expect(body.data.deleteSubjectById.deletedSubjectId).toBe(subject.id);
      expect(
        (await query(adminToken, "query($id: UUID!) { subject(rowId: $id) { rowId } }", { id: subject.rowId })).data.subject,
      ).toBeNull();
      const [row] = await withAdmin(
        async (c) => (await c.query("select deleted_at from academics.subjects where id = $1", [subject.rowId])).rows,
      );
      expect(row.deleted_at).toBeInstanceOf(Date);
    });

    test("deleting an archived row again finds nothing", async () => {
      const { studentId } = await archivedStudent("Twice");
      const body = await query(
        adminToken,
        "mutation($id: UUID!) { deleteStudent(input: { rowId: $id }) { deletedStudentId } }",
        { id: studentId },
        ARCHIVED,
      );
      expect(body.errors[0].extensions.code).toBe("NOT_FOUND");
    });

    test("a plain user cannot see archived rows even with the header, nor restore them", async () => {
      const row = await archivedStudent("Hidden");
      const { studentId } = row;
      expect(await visibility(row, userToken, ARCHIVED)).toEqual({ lookup: null, list: [], total: 0, relation: 0 });
      const body = await query(
        userToken,
        "mutation($id: UUID!) { updateStudent(input: { rowId: $id, patch: { deletedAt: null } }) { student { rowId } } }",
        { id: studentId },
        ARCHIVED,
      );
      expect(body.data?.updateStudent?.student ?? null).toBeNull();
      const still = await withAdmin(
        async (c) => (await c.query("select deleted_at from campus.students where id = $1", [studentId])).rows[0].deleted_at,
      );
      expect(still).not.toBeNull();
    });

    test("another tenant's admin sees nothing of it, header or not", async () => {
      const { studentId } = await archivedStudent("Foreign");
      for (const headers of [ARCHIVED, undefined]) {
        const body = await query(globexAdminToken, "query($id: UUID!) { student(rowId: $id) { rowId } }", { id: studentId }, headers);
        expect(body.data.student).toBeNull();
      }
    });

    test("an admin with the header sees the archived row and restores it", async () => {
      const row = await archivedStudent("Restored");
      const { studentId } = row;
      const seen = await visibility(row, adminToken, ARCHIVED);
      expect(seen.lookup).toMatchObject({ rowId: studentId, deletedAt: expect.any(String) });
      expect(seen.list).toEqual([studentId]);
      const body = await query(
        adminToken,
        "mutation($id: UUID!) { updateStudent(input: { rowId: $id, patch: { deletedAt: null } }) { student { rowId deletedAt } } }",
        { id: studentId },
        ARCHIVED,
      );
      expect(body.errors).toBeUndefined();
      expect(body.data.updateStudent.student).toEqual({ rowId: studentId, deletedAt: null });
      expect(await visibility(row, userToken)).toEqual({
        lookup: { rowId: studentId, deletedAt: null },
        list: [studentId],
        total: 1,
        relation: 1,
      });
    });
  });

  describe("content catalog", () => {
    let operatorToken: string;

    beforeAll(async () => {
      // Only nexus_auth (the host's functions) may hand out a global role; given
      // through a group here (authorization.test.ts counts direct ones).
      await withAdmin(async (c) => {
        await c.query("begin");
        await c.query("set local role nexus_auth");
        const group = await c.query("insert into platform.user_groups (tenant_id, name) values ($1, 'Operators') returning id", [
          acme.tenantId,
        ]);
        await c.query(
          "insert into platform.group_roles (tenant_id, user_group_id, role_id) select $1, $2, id from platform.roles where name = 'platform_operator'",
          [acme.tenantId, group.rows[0].id],
        );
        await c.query("insert into platform.user_group_memberships (tenant_id, user_id, user_group_id) values ($1, $2, $3)", [
          acme.tenantId,
          acme.users[1]!.userId,
          group.rows[0].id,
        ]);
        await c.query("commit");
      });
      operatorToken = (await signIn(gateway, acme.users[1]!.email)).accessToken;
    });

    test("only the platform operator writes it; every signed-in user of every tenant reads it", async () => {
      const denied = await create(adminToken, "ContentCatalog", { contentType: "tenant-try", payload: {} });
      expect(denied.errors[0].extensions.code).toBe("FORBIDDEN");
      const entry = await created(
        operatorToken,
        "ContentCatalog",
        { contentType: "safety-tips", payload: { tips: ["Walk, do not run"] } },
        "rowId active",
      );
      expect(entry.active).toBe(true);
      for (const token of [userToken, globexAdminToken]) {
        const body = await query(token, '{ contentCatalogs(condition: { contentType: "safety-tips" }) { nodes { payload } } }');
        expect(body.data.contentCatalogs.nodes).toEqual([{ payload: { tips: ["Walk, do not run"] } }]);
      }
      const blank = await create(operatorToken, "ContentCatalog", { contentType: " ", payload: {} });
      expect(blank.errors[0].extensions).toMatchObject({ constraint: "content_catalog_content_type_not_blank", fields: ["contentType"] });
    });

    test("a tenant admin cannot delete an entry; the operator's delete archives it", async () => {
      const entry = await created(operatorToken, "ContentCatalog", { contentType: "old-news", payload: [] });
      const denied = await query(
        adminToken,
        "mutation($id: UUID!) { deleteContentCatalog(input: { rowId: $id }) { deletedContentCatalogId } }",
        { id: entry.rowId },
      );
      expect(denied.errors[0].extensions).toEqual({ code: "FORBIDDEN", permission: "PLATFORM_OPERATOR" });
      const done = await query(
        operatorToken,
        "mutation($id: UUID!) { deleteContentCatalog(input: { rowId: $id }) { deletedContentCatalogId } }",
        { id: entry.rowId },
      );
      expect(done.errors).toBeUndefined();
      const visible = await query(userToken, "query($id: UUID!) { contentCatalog(rowId: $id) { rowId } }", { id: entry.rowId });
      expect(visible.data.contentCatalog).toBeNull();
      const archived = await query(
        operatorToken,
        "query($id: UUID!) { contentCatalog(rowId: $id) { deletedAt } }",
        { id: entry.rowId },
        ARCHIVED,
      );
      expect(archived.data.contentCatalog.deletedAt).toEqual(expect.any(String));
    });
  });

  test("the demo loader writes a school for a tenant, visible to its users", async () => {
    const fresh = await createTenant("Demo", 1);
    await loadDemoInto(fresh, loadSchoolDemo);
    const token = (await signIn(gateway, fresh.users[0]!.email)).accessToken;
    const body = await query(
      token,
      `{ campuses { nodes { name students { totalCount } staffMembers { totalCount } } }
         academicYears { totalCount } classes { totalCount } timetablePeriods { totalCount }
         attendanceRecords { totalCount } invoices { nodes { payments { totalCount } } } messages { totalCount } frameEntries { totalCount } }`,
    );
    expect(body.errors).toBeUndefined();
    const [campus] = body.data.campuses.nodes;
    expect(campus.students.totalCount).toBeGreaterThanOrEqual(3);
    expect(campus.staffMembers.totalCount).toBeGreaterThanOrEqual(2);
    expect(body.data.academicYears.totalCount).toBe(1);
    expect(body.data.classes.totalCount).toBeGreaterThan(0);
    expect(body.data.timetablePeriods.totalCount).toBeGreaterThan(0);
    expect(body.data.attendanceRecords.totalCount).toBeGreaterThan(0);
    expect(body.data.invoices.nodes[0].payments.totalCount).toBe(1);
    expect(body.data.messages.totalCount).toBeGreaterThan(0);
    expect(body.data.frameEntries.totalCount).toBeGreaterThan(0);
  });
});
