import type pg from "pg";

import { asTenantAdmin, type DemoTenant } from "./tenant";

/** Inserts one row as the tenant admin (through RLS) and returns its id. */
async function insert(client: pg.ClientBase, table: string, row: Record<string, unknown>): Promise<string> {
  const columns = Object.keys(row);
  const { rows } = await client.query<{ id: string }>(
    `insert into ${table} (${columns.join(", ")}) values (${columns.map((_, i) => `$${i + 1}`).join(", ")}) returning id`,
    Object.values(row).map((value) =>
      value !== null && typeof value === "object" && !(value instanceof Date) ? JSON.stringify(value) : value,
    ),
  );
  return rows[0]!.id;
}

/**
 * A small school for each demo tenant: one campus with staff, students and
 * guardians, an academic year with grades, subjects, a class and its
 * timetable, an attendance session, a fee plan with an invoice and a
 * payment, an announcement, and some product-module content.
 */
export async function loadSchoolDemo(pool: pg.Pool, tenant: DemoTenant): Promise<void> {
  await asTenantAdmin(pool, tenant, async (client) => {
    const campus = await insert(client, "campus.campuses", {
      name: `${tenant.name} Academy`,
      code: "MAIN",
      address: "1 School Lane",
      email: `office@${tenant.name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}.test`,
      mascot: "Owls",
      color: "#1f4e79",
      is_online: false,
      active: true,
    });
    const teacher = await insert(client, "campus.staff", {
      campus_id: campus,
      user_id: tenant.userId,
      employee_number: "E-001",
      job_title: "Mathematics teacher",
      staff_type: "teacher",
      status: "active",
      hire_date: "2021-08-15",
    });
    const bursar = await insert(client, "campus.staff", {
      campus_id: campus,
      employee_number: "E-002",
      job_title: "Bursar",
      staff_type: "administrator",
      status: "active",
      hire_date: "2019-01-07",
    });
    const students: string[] = [];
    for (const [number, first, last, gender] of [
      ["S-1001", "Amara", "Okafor", "female"],
      ["S-1002", "Luca", "Rossi", "male"],
      ["S-1003", "Mei", "Tanaka", "female"],
    ] as const) {
      const student = await insert(client, "campus.students", {
        campus_id: campus,
        student_number: number,
        first_name: first,
        last_name: last,
        gender,
        status: "enrolled",
        date_of_birth: "2014-05-01",
        enrollment_date: "2025-09-01",
      });
      await insert(client, "campus.guardians", {
        student_id: student,
        full_name: `Parent of ${first} ${last}`,
        relationship: "parent",
        primary_contact: true,
        phone: "+1 555 0100",
      });
      students.push(student);
    }

    const year = await insert(client, "academics.academic_years", {
      name: "2025/26",
      start_date: "2025-09-01",
      end_date: "2026-07-15",
      current: true,
    });
    const grade = await insert(client, "academics.grades", { name: "Grade 6", code: "G6", sort_order: 6 });
    const maths = await insert(client, "academics.subjects", { name: "Mathematics", code: "MATH" });
    await insert(client, "academics.subjects", { name: "English", code: "ENG" });
    const klass = await insert(client, "academics.classes", {
      campus_id: campus,
      academic_year_id: year,
      grade_id: grade,
      homeroom_teacher_id: teacher,
      name: "6A",
      section: "A",
      capacity: 25,
      status: "active",
    });
    for (const student of students) {
      await insert(client, "academics.class_enrollments", {
        class_id: klass,
        student_id: student,
        enrolled_on: "2025-09-01",
        status: "active",
      });
    }
    const classMaths = await insert(client, "academics.class_subjects", {
      class_id: klass,
      subject_id: maths,
      teacher_id: teacher,
      status: "active",
    });
    const timetable = await insert(client, "academics.timetables", {
      campus_id: campus,
      academic_year_id: year,
      name: "Autumn term",
      effective_from: "2025-09-01",
      effective_to: "2025-12-19",
      status: "published",
    });
    await insert(client, "academics.timetable_periods", {
      timetable_id: timetable,
      class_subject_id: classMaths,
      day_of_week: "monday",
      starts_at: "2025-09-01T08:30:00Z",
      ends_at: "2025-09-01T09:15:00Z",
      room: "B12",
    });
    const quiz = await insert(client, "academics.assessments", {
      class_subject_id: classMaths,
      name: "Fractions quiz",
      assessment_type: "quiz",
      assigned_at: "2025-09-15",
      due_at: "2025-09-22",
      max_score: 20,
      status: "graded",
    });
    await insert(client, "academics.assessment_results", { assessment_id: quiz, student_id: students[0], score: 18, grade_letter: "a" });

    const session = await insert(client, "attendance.attendance_sessions", {
      campus_id: campus,
      class_id: klass,
      class_subject_id: classMaths,
      taken_by_id: teacher,
      session_date: "2025-09-01T08:30:00Z",
      session_type: "lesson",
    });
    for (const [i, student] of students.entries()) {
      await insert(client, "attendance.attendance_records", {
        attendance_session_id: session,
        student_id: student,
        status: i === 2 ? "late" : "present",
        minutes_late: i === 2 ? 5 : null,
      });
    }
    await insert(client, "attendance.campus_attendance_summaries", {
      campus_id: campus,
      campus_key: "main",
      attendance_date: "2025-09-01",
      total_enrolled: 3,
      total_present: 3,
      total_absent: 0,
      total_tardy: 1,
      attendance_percentage: 100,
    });

    const plan = await insert(client, "billing.fee_plans", {
      academic_year_id: year,
      grade_id: grade,
      name: "Grade 6 tuition",
      billing_cycle: "termly",
      total_amount: 1200,
      active: true,
    });
    const invoice = await insert(client, "billing.invoices", {
      campus_id: campus,
      student_id: students[0],
      fee_plan_id: plan,
      invoice_number: "INV-2025-0001",
      issue_date: "2025-09-01",
      due_date: "2025-09-30",
      subtotal: 400,
      discount_amount: 0,
      tax_amount: 0,
      total_amount: 400,
      balance_due: 150,
      status: "partially_paid",
    });
    await insert(client, "billing.payments", {
      invoice_id: invoice,
      received_by_id: bursar,
      receipt_number: "R-0001",
      paid_at: "2025-09-10",
      amount: 250,
      method: "bank_transfer",
      reference_code: "TRX-7781",
    });

    const message = await insert(client, "messaging.messages", {
      campus_id: campus,
      sent_by: tenant.adminUserId,
      subject: "Welcome back",
      body: "School starts on Monday at 8:30.",
      channel: "in_app",
      audience: "guardians",
      status: "sent",
      sent_at: "2025-08-28T10:00:00Z",
    });
    await insert(client, "messaging.message_recipients", {
      message_id: message,
      recipient_type: "guardian",
      recipient_label: "Parent of Amara Okafor",
      delivery_status: "delivered",
    });
    await insert(client, "messaging.communication_events", {
      campus_id: campus,
      title: "Fire drill",
      event_date: "2025-09-12",
      event_type: "drill",
      roles: ["teacher", "staff"],
    });

    await insert(client, "content.documents", {
      campus_id: campus,
      entity_type: "student",
      entity_reference: "S-1001",
      name: "Enrollment form",
      category: "enrollment",
    });
    await insert(client, "content.frame_entries", {
      campus_id: campus,
      week_of: "2025-09-01",
      posted_date: "2025-09-01",
      formal: "Greet every student by name.",
      recognition: "Thank the bus drivers.",
      application: "Use the new seating plan.",
      management: "Hallway transitions in silence.",
      emotional: "Check in with new students.",
      author: "Principal",
    });
    await insert(client, "content.user_progress", {
      campus_id: campus,
      user_id: tenant.userId,
      progress_type: "sign_learning",
      item_id: "hello",
      score: 3,
    });

    await insert(client, "attendance.campus_attendance_config", {
      campus_id: campus,
      campus_key: "main",
      attendance_link: "https://forms.example.test/attendance/main",
      updated_by_label: "Front office",
    });
    await insert(client, "attendance.staff_attendance_records", {
      campus_id: campus,
      user_id: tenant.userId,
      attendance_date: "2025-09-08",
      status: "present",
      user_name: "Demo User",
      user_role: "teacher",
    });
    await insert(client, "content.safety_quiz_results", {
      campus_id: campus,
      user_id: tenant.userId,
      quiz_id: "fire-safety-1",
      quiz_title: "Fire safety basics",
      week_of: "2025-09-01",
      score: 4,
      total_questions: 5,
      answers: { q1: "b", q2: "a", q3: "d", q4: "c", q5: "a" },
      user_name: "Demo User",
      user_role: "teacher",
      completed_at: "2025-09-03T15:20:00Z",
    });
    await insert(client, "content.personality_quiz_results", {
      campus_id: campus,
      user_id: tenant.userId,
      personality_type: "Collaborator",
      quiz_answers: { energy: "team", planning: "flexible" },
      completed_at: "2025-09-04T09:00:00Z",
    });
    await insert(client, "content.walkthrough_checkins", {
      campus_id: campus,
      teacher_name: "Grace Hopper",
      classroom: "Room 12",
      director_name: "Principal",
      check_in_date: "2025-09-09",
      check_in_time: "10:15",
      attitude_rating: 5,
      classroom_management_rating: 4,
      cleanliness_rating: 4,
      vibes_rating: 5,
      team_dynamics_rating: 4,
      emergency_exit_rating: 5,
      lesson_plan_rating: 4,
      overall_notes: "Calm, focused start to the year.",
    });
    await insert(client, "content.files", {
      belongs_to: "content.documents",
      belongs_to_column: "file",
      name: "enrollment-form.pdf",
      size_in_bytes: 48213,
      public_url: "https://files.example.test/enrollment-form.pdf",
    });
  });
}
