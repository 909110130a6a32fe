import { randomUUID } from "node:crypto";

import { createTenant, signIn, type TenantFixture, withAdmin } from "./support/fixtures";
import { startTestGateway, type TestGateway } from "./support/gateway";

describe("census: persons, identities and schools", () => {
  let gateway: TestGateway;
  let tenant: TenantFixture;
  let other: TenantFixture;
  let userToken: string;
  let adminToken: string;
  let otherToken: string;

  const gql = (token: string, query: string, variables?: Record<string, unknown>) => gateway.body(token, query, variables);

  const personWithIdentity = async (token: string, firstName: string, lastName: string) => {
    const body = await gql(
      token,
      "mutation($f: String!, $l: String!) { createPersonWithIdentity(input: { firstName: $f, lastName: $l }) { person { rowId currentIdentityId currentIdentity { firstName lastName } } } }",
      { f: firstName, l: lastName },
    );
    expect(body.errors).toBeUndefined();
    return body.data.createPersonWithIdentity.person;
  };

  beforeAll(async () => {
    gateway = await startTestGateway();
    tenant = await createTenant("Census", 1);
    other = await createTenant("OtherCensus", 1);
    userToken = (await signIn(gateway, tenant.users[0]!.email)).accessToken;
    adminToken = (await signIn(gateway, tenant.admin.email)).accessToken;
    otherToken = (await signIn(gateway, other.users[0]!.email)).accessToken;
  });
  afterAll(async () => gateway.close());

  test("a person, their identity and the current-identity link, as a sequence of requests", async () => {
    const created = await gql(userToken, "mutation { createPerson(input: { person: {} }) { person { rowId currentIdentityId } } }");
    expect(created.errors).toBeUndefined();
    const personId = created.data.createPerson.person.rowId;
    expect(created.data.createPerson.person.currentIdentityId).toBeNull();
    const identity = await gql(
      userToken,
      'mutation($p: UUID!) { createIdentity(input: { identity: { personId: $p, firstName: "Ada", lastName: "Lovelace", middleName: "Augusta" } }) { identity { rowId person { rowId } } } }',
      { p: personId },
    );
    expect(identity.errors).toBeUndefined();
    const identityId = identity.data.createIdentity.identity.rowId;
    const linked = await gql(
      userToken,
      "mutation($p: UUID!, $i: UUID!) { updatePerson(input: { rowId: $p, patch: { currentIdentityId: $i } }) { person { currentIdentity { firstName lastName middleName } identities { totalCount } } } }",
      { p: personId, i: identityId },
    );
    expect(linked.errors).toBeUndefined();
    expect(linked.data.updatePerson.person).toEqual({
      currentIdentity: { firstName: "Ada", lastName: "Lovelace", middleName: "Augusta" },
      identities: { totalCount: 1 },
    });
  });

  test("createPersonWithIdentity does all three in one call", async () => {
    const person = await personWithIdentity(userToken, "Grace", "Hopper");
    expect(person.currentIdentity).toEqual({ firstName: "Grace", lastName: "Hopper" });
  });

  test("the person → identity key is checked at commit, so both rows can be written in either order", async () => {
    const personId = randomUUID();
    const identityId = randomUUID();
    await withAdmin(async (client) => {
      await client.query("begin");
      await client.query("insert into census.persons (id, tenant_id, current_identity_id) values ($1, $2, $3)", [
        personId,
        tenant.tenantId,
        identityId,
      ]);
      await client.query(
        "insert into census.identities (id, tenant_id, person_id, first_name, last_name) values ($3, $2, $1, 'Alan', 'Turing')",
        [personId, tenant.tenantId, identityId],
      );
      await client.query("commit");
    });
    const body = await gql(userToken, "query($id: UUID!) { person(rowId: $id) { currentIdentity { lastName } } }", { id: personId });
    expect(body.data.person.currentIdentity.lastName).toBe("Turing");
  });

  test("a person's current identity must be one of their own", async () => {
    const alice = await personWithIdentity(userToken, "Alice", "Liddell");
    const bob = await personWithIdentity(userToken, "Bob", "Builder");
    const body = await gql(
      userToken,
      "mutation($p: UUID!, $i: UUID!) { updatePerson(input: { rowId: $p, patch: { currentIdentityId: $i } }) { person { rowId } } }",
      {
        p: alice.rowId,
        i: bob.currentIdentityId,
      },
    );
    expect(body.errors[0].extensions.code).toBe("INVALID_REFERENCE");
    const stored = await withAdmin(
      async (c) => (await c.query("select current_identity_id from census.persons where id = $1", [alice.rowId])).rows[0],
    );
    expect(stored.current_identity_id).toBe(alice.currentIdentityId);
  });

  test("deleting the current identity clears the link; deleting the person removes identities and unlinks accounts", async () => {
    const person = await personWithIdentity(userToken, "Katherine", "Johnson");
    const dropIdentity = await gql(adminToken, "mutation($id: UUID!) { deleteIdentity(input: { rowId: $id }) { identity { rowId } } }", {
      id: person.currentIdentityId,
    });
    expect(dropIdentity.errors).toBeUndefined();
    const after = await gql(userToken, "query($id: UUID!) { person(rowId: $id) { currentIdentityId } }", { id: person.rowId });
    expect(after.data.person.currentIdentityId).toBeNull();

    const other = await personWithIdentity(userToken, "Dorothy", "Vaughan");
    const link = await gql(
      userToken,
      "mutation($u: UUID!, $p: UUID!) { updateUser(input: { rowId: $u, patch: { personId: $p } }) { user { person { currentIdentity { firstName } } } } }",
      {
        u: tenant.users[0]!.userId,
        p: other.rowId,
      },
    );
    expect(link.errors).toBeUndefined();
    expect(link.data.updateUser.user.person.currentIdentity.firstName).toBe("Dorothy");
    const drop = await gql(adminToken, "mutation($id: UUID!) { deletePerson(input: { rowId: $id }) { person { rowId } } }", {
      id: other.rowId,
    });
    expect(drop.errors).toBeUndefined();
    const rows = await withAdmin(async (c) => ({
      identities: (await c.query("select count(*)::int as n from census.identities where person_id = $1", [other.rowId])).rows[0].n,
      user: (await c.query("select id, person_id from platform.users where id = $1", [tenant.users[0]!.userId])).rows[0],
    }));
    expect(rows.identities).toBe(0);
    expect(rows.user).toEqual({ id: tenant.users[0]!.userId, person_id: null });
  });

  test("an identity cannot be attached to another tenant's person", async () => {
    const foreign = await personWithIdentity(otherToken, "Eve", "Outsider");
    const body = await gql(
      userToken,
      'mutation($p: UUID!) { createIdentity(input: { identity: { personId: $p, firstName: "Mallory", lastName: "X" } }) { identity { rowId } } }',
      {
        p: foreign.rowId,
      },
    );
    expect(body.errors[0].extensions.code).toBe("INVALID_REFERENCE");
    const count = await withAdmin(
      async (c) => (await c.query("select count(*)::int as n from census.identities where person_id = $1", [foreign.rowId])).rows[0].n,
    );
    expect(count).toBe(1);
  });

  test("a school year ends on or after it starts; employments likewise", async () => {
    const year = await gql(
      userToken,
      'mutation { createSchoolYear(input: { schoolYear: { name: "Backwards", startDate: "2026-09-01", endDate: "2026-08-01" } }) { schoolYear { rowId } } }',
    );
    expect(year.errors[0].extensions.code).toBe("INVALID_INPUT");
    expect(year.errors[0].extensions.constraint).toBe("school_years_dates_ordered");
    const person = await personWithIdentity(userToken, "Edsger", "Dijkstra");
    const employment = await gql(
      userToken,
      'mutation($p: UUID!) { createSchoolEmployment(input: { schoolEmployment: { personId: $p, startDate: "2026-09-01", endDate: "2025-01-01" } }) { schoolEmployment { rowId } } }',
      { p: person.rowId },
    );
    expect(employment.errors[0].extensions.constraint).toBe("school_employments_dates_ordered");
  });

  test("a school with its year, calendar, enrollment and staff assignment", async () => {
    const person = await personWithIdentity(userToken, "Maria", "Montessori");
    const school = await gql(userToken, 'mutation { createSchool(input: { school: { name: "North School" } }) { school { rowId } } }');
    const schoolId = school.data.createSchool.school.rowId;
    const year = await gql(
      userToken,
      'mutation { createSchoolYear(input: { schoolYear: { name: "2026/27", startDate: "2026-09-01", endDate: "2027-07-15" } }) { schoolYear { rowId } } }',
    );
    const calendar = await gql(
      userToken,
      'mutation($s: UUID!, $y: UUID!) { createSchoolCalendar(input: { schoolCalendar: { schoolId: $s, calendarId: $y, name: "Main" } }) { schoolCalendar { rowId schoolYear { name } } } }',
      { s: schoolId, y: year.data.createSchoolYear.schoolYear.rowId },
    );
    expect(calendar.errors).toBeUndefined();
    expect(calendar.data.createSchoolCalendar.schoolCalendar.schoolYear.name).toBe("2026/27");
    const calendarId = calendar.data.createSchoolCalendar.schoolCalendar.rowId;
    const enroll = await gql(
      userToken,
      "mutation($p: UUID!, $c: UUID!) { createSchoolEnrollment(input: { schoolEnrollment: { personId: $p, calendarId: $c } }) { schoolEnrollment { calendar { school { name } } } } }",
      {
        p: person.rowId,
        c: calendarId,
      },
    );
    expect(enroll.errors).toBeUndefined();
    expect(enroll.data.createSchoolEnrollment.schoolEnrollment.calendar.school.name).toBe("North School");
    const assign = await gql(
      userToken,
      'mutation($p: UUID!, $s: UUID!) { createSchoolEmploymentAssignment(input: { schoolEmploymentAssignment: { personId: $p, schoolId: $s, startDate: "2026-09-01" } }) { schoolEmploymentAssignment { school { name } } } }',
      { p: person.rowId, s: schoolId },
    );
    expect(assign.errors).toBeUndefined();
    const duplicate = await gql(userToken, 'mutation { createSchool(input: { school: { name: "North School" } }) { school { rowId } } }');
    expect(duplicate.errors[0].extensions.code).toBe("CONFLICT");
    const elsewhere = await gql(otherToken, 'mutation { createSchool(input: { school: { name: "North School" } }) { school { rowId } } }');
    expect(elsewhere.errors).toBeUndefined();
  });
});
