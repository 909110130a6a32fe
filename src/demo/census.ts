import type pg from "pg";

import { asTenantAdmin, type DemoTenant } from "./tenant";

const PEOPLE = [
  { firstName: "Ada", lastName: "Lovelace", middleName: "Augusta" },
  { firstName: "Grace", lastName: "Hopper", middleName: "Brewster" },
  { firstName: "Alan", lastName: "Turing", middleName: "Mathison" },
  { firstName: "Katherine", lastName: "Johnson", middleName: null },
];

/** Persons with their current identity, and a school with this year's calendar, a teacher and two students. */
export async function loadCensusDemo(pool: pg.Pool, tenant: DemoTenant): Promise<void> {
  await asTenantAdmin(pool, tenant, async (client) => {
    const personIds: string[] = [];
    for (const person of PEOPLE) {
      const { rows } = await client.query("select id from census.create_person_with_identity($1, $2, $3)", [
        person.firstName,
        person.lastName,
        person.middleName,
      ]);
      personIds.push(rows[0].id);
    }
    const [teacher, studentA, studentB] = personIds;
    // A second, earlier name of Grace's: the person keeps one id, every name stays on record.
    await client.query(
      "insert into census.identities (person_id, first_name, last_name, middle_name) values ($1, 'Grace', 'Murray', 'Brewster')",
      [studentA],
    );

    const { rows: schools } = await client.query("insert into census.schools (name) values ($1) returning id", [`${tenant.name} Academy`]);
    const schoolId = schools[0].id;
    const { rows: years } = await client.query(
      "insert into census.school_years (name, start_date, end_date) values ('2026/27', '2026-09-01', '2027-07-15') returning id",
    );
    const { rows: calendars } = await client.query(
      "insert into census.school_calendars (school_id, calendar_id, name) values ($1, $2, 'Main calendar 2026/27') returning id",
      [schoolId, years[0].id],
    );
    for (const student of [studentA, studentB]) {
      await client.query("insert into census.school_enrollments (person_id, calendar_id) values ($1, $2)", [student, calendars[0].id]);
    }
    await client.query("insert into census.school_employments (person_id, start_date) values ($1, '2020-08-15')", [teacher]);
    await client.query(
      "insert into census.school_employment_assignments (person_id, school_id, start_date) values ($1, $2, '2020-08-15')",
      [teacher, schoolId],
    );
  });
}
