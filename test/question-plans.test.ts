import { fillTables } from "./support/bulk-fill";
import { loadDemoInto } from "./support/demo";
import { createTenant, signIn } from "./support/fixtures";
import { startTestGateway, type TestGateway } from "./support/gateway";
import { describePlan, explain, nodes, type PlanNode, readsClaimOnce, recordStatements } from "./support/plans";
import { QUESTIONS } from "./support/questions";

/*
 * The written questions (test/support/questions.ts) on tables with 100,000
 * rows in one tenant: each statement they send must read the question's
 * table through an index, never by a sequential scan, and read the tenant
 * claim once. The rows are copies of the demo rows (test/support/bulk-fill.ts
 * says how they are made valid and distinct), loaded as a restore would
 * load them, then analyzed. Aggregates over the whole tenant (`wholeTenant`)
 * read every row of this tenant, which here is the table: only their claim
 * is checked.
 */
const ROWS = 100_000;
/** Every table a question reads. */
const FILLED = [...new Set(QUESTIONS.map((q) => q.table))];

const seconds = (ms: number) => (ms / 1000).toFixed(1).padStart(6);

describe("query plans of the written questions, 100,000 rows in one tenant", () => {
  let gateway: TestGateway;
  let token: string;
  let session: { tenantId: string; userId: string };
  const planned = QUESTIONS.filter((q) => FILLED.includes(q.table));

  beforeAll(async () => {
    const fixture = await createTenant("QuestionPlans", 1);
    await loadDemoInto(fixture);
    // A session row to copy (the sessions question reads them).
    // Its own, in process: recordStatements sees the statements of this process only.
    gateway = await startTestGateway({ own: true });
    await signIn(gateway, fixture.admin.email);
    const started = performance.now();
    const timings = await fillTables(process.env.NEXUS_TEST_ADMIN_URL!, FILLED, fixture.tenantId, ROWS);
    // Once per run: where the fill's time goes (seconds; two tables fill at a time).
    console.log(
      [
        `filled ${timings.length} tables in ${seconds(performance.now() - started)} s (insert, indexes, vacuum analyze):`,
        ...timings.map((t) => `${seconds(t.insertMs)} ${seconds(t.indexMs)} ${seconds(t.analyzeMs)}  ${t.table} (${t.rows} rows)`),
      ].join("\n"),
    );
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
