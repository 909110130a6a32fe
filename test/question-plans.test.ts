import pg from "pg";

import { loadAssetsDemo } from "../src/demo/assets";
import { loadCensusDemo } from "../src/demo/census";
import { loadItsmDemo } from "../src/demo/itsm";
import { loadLocationsDemo } from "../src/demo/locations";
import { loadSchoolDemo } from "../src/demo/school";
import { loadServicesDemo } from "../src/demo/services";
import type { DemoTenant } from "../src/demo/tenant";
import { createTenant, signIn, withAdmin } from "./support/fixtures";
import { startTestGateway, type TestGateway } from "./support/gateway";
import { describePlan, explain, nodes, type PlanNode, readsClaimOnce, recordStatements } from "./support/plans";
import { QUESTIONS } from "./support/questions";

/*
 * The written questions (test/support/questions.ts) on tables with 100,000
 * rows in one tenant: each statement they send must read the question's
 * table through an index, never by a sequential scan, and read the tenant
 * claim once. The rows are copies of the demo rows with fresh ids, unique
 * text made unique, searched text (columns of a GIN index or a search
 * document) made distinct, so a search term matches the few rows it would
 * match in real data, and timestamps spread over time; one INSERT … SELECT
 * generate_series per table with triggers off (as a restore would), then
 * analyzed. Aggregates over the whole tenant (`wholeTenant`) read every row
 * of this tenant, which here is the table: only their claim is checked.
 */
const ROWS = 100_000;
/** Every table a question reads. */
const FILLED = [...new Set(QUESTIONS.map((q) => q.table))];

interface Column {
  name: string;
  text: boolean;
  type: string;
  unique: boolean;
  searched: boolean;
}

async function fill(client: pg.Client, table: string, tenantId: string): Promise<void> {
  const [schema, name] = table.split(".") as [string, string];
  const { rows: columns } = await client.query<Column>(
    `select a.attname as name, (select t.typcategory = 'S' from pg_type t where t.oid = a.atttypid) as text, format_type(a.atttypid, null) as type,
            exists (select 1 from pg_index i where i.indrelid = a.attrelid and i.indisunique
                      and (a.attnum = any(i.indkey) or pg_get_expr(i.indexprs, i.indrelid) ~ ('\\m' || a.attname || '\\M'))) as unique,
            a.attname in ('title', 'description', 'subject', 'body', 'notes')
              or exists (select 1 from pg_index i join pg_class ic on ic.oid = i.indexrelid join pg_am am on am.oid = ic.relam
                         where i.indrelid = a.attrelid and am.amname = 'gin' and a.attnum = any(i.indkey) and a.attname <> 'tenant_id') as searched
     from pg_attribute a
     where a.attrelid = format('%I.%I', $1::text, $2::text)::regclass and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''`,
    [schema, name],
  );
  const value = (column: Column) => {
    const quoted = `"${column.name}"`;
    // An address keeps its shape (a CHECK may ask for one): the part before the @ is made distinct.
    const distinct = `'r' || md5(g::text || '${column.name}')`;
    if (column.searched && column.text)
      return `case when t.${quoted} is null then null when t.${quoted} like '%@%' then ${distinct} || '@' || split_part(t.${quoted}, '@', 2) else ${distinct} end`;
    if (column.name === "id") return "gen_random_uuid()";
    if (column.name === "created_at" || column.name === "updated_at") return "now() - g * interval '1 minute'";
    if (column.unique && column.text)
      return `case when t.${quoted} like '%@%' then g || '.' || t.${quoted} else t.${quoted} || '-' || g end`;
    // A copy keeps the keys of a unique index distinct: dates move on by a day per copy, a key column that
    // is a uuid (a link) points nowhere new (foreign keys are not checked during the fill, as in a restore).
    if (column.unique && column.name !== "tenant_id" && column.type === "date") return `t.${quoted} + g`;
    if (column.unique && column.name !== "tenant_id" && column.type.startsWith("timestamp")) return `t.${quoted} + g * interval '1 day'`;
    if (column.unique && column.name !== "tenant_id" && column.type === "uuid")
      return `case when t.${quoted} is null then null else gen_random_uuid() end`;
    return `t.${quoted}`;
  };
  const list = columns.map((c) => `"${c.name}"`).join(", ");
  await client.query(
    `insert into ${schema}.${name} (${list})
     select ${columns.map(value).join(", ")}
     from generate_series(1, ${ROWS}) g
     join (select *, row_number() over (order by id) - 1 as rn, count(*) over () as n from ${schema}.${name} where tenant_id = $1) t on t.rn = g % t.n`,
    [tenantId],
  );
  // VACUUM, not only ANALYZE: it also merges the GIN indexes' pending lists, as autovacuum would after a bulk load.
  await client.query(`vacuum analyze ${schema}.${name}`);
}

describe("query plans of the written questions, 100,000 rows in one tenant", () => {
  let gateway: TestGateway;
  let token: string;
  let session: { tenantId: string; userId: string };
  const planned = QUESTIONS.filter((q) => FILLED.includes(q.table));

  beforeAll(async () => {
    const fixture = await createTenant("QuestionPlans", 1);
    const tenant: DemoTenant = {
      name: fixture.name,
      tenantId: fixture.tenantId,
      adminUserId: fixture.admin.userId,
      userId: fixture.users[0]!.userId,
    };
    const pool = new pg.Pool({ connectionString: process.env.NEXUS_TEST_AUTHENTICATOR_URL, max: 2 });
    try {
      for (const load of [loadCensusDemo, loadLocationsDemo, loadAssetsDemo, loadItsmDemo, loadSchoolDemo, loadServicesDemo])
        await load(pool, tenant);
    } finally {
      await pool.end();
    }
    // A session row to copy (the sessions question reads them).
    gateway = await startTestGateway();
    await signIn(gateway, fixture.admin.email);
    await withAdmin(async (client) => {
      await client.query("set session_replication_role = replica");
      for (const table of FILLED) await fill(client, table, fixture.tenantId);
    });
    token = (await signIn(gateway, fixture.admin.email)).accessToken;
    session = { tenantId: fixture.tenantId, userId: fixture.admin.userId };
  }, 900_000);
  afterAll(async () => gateway?.close());

  test("every written question is plan-checked", () => {
    expect(planned.length).toBe(QUESTIONS.length);
  });

  test.each(planned.map((q) => [`${q.module}: ${q.question}`, q] as const))("%s", async (_name, q) => {
    const recording = recordStatements();
    try {
      const { body } = await gateway.graphql(q.query, { token });
      expect(body.errors).toBeUndefined();
    } finally {
      recording.stop();
    }
    const [schema, table] = q.table.split(".");
    const statements = recording.statements.filter(
      (s) => s.text.includes(`"${schema}"."${table}"`) || s.text.includes(`"${schema}"."search_`),
    );
    expect(statements.length).toBeGreaterThan(0);
    for (const statement of statements) {
      const plan: PlanNode = await explain(statement, session);
      const seqScans = nodes(plan).filter(
        (node) => node["Node Type"] === "Seq Scan" && node.Schema === schema && node["Relation Name"] === table,
      );
      if (!q.wholeTenant)
        expect({ seqScans: seqScans.length, plan: describePlan(plan) }).toEqual({ seqScans: 0, plan: describePlan(plan) });
      readsClaimOnce(plan);
    }
  });
});
