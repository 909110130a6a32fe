import { readFileSync } from "node:fs";

import { loadDemoInto } from "./support/demo";
import { createTenant, signIn, withAdmin } from "./support/fixtures";
import { startTestGateway, type TestGateway } from "./support/gateway";
import { QUESTIONS } from "./support/questions";

/*
 * Every written question of docs/access-paths.md, as GraphQL, on a tenant
 * filled by the demo loaders: it must run, and its answer must satisfy the
 * question (filtered, ordered, grouped as asked). The index each question
 * names must exist, tenant_id first.
 */
describe("the written questions on the demo data", () => {
  let gateway: TestGateway;
  let token: string;

  beforeAll(async () => {
    const fixture = await createTenant("Questions", 1);
    await loadDemoInto(fixture);
    gateway = await startTestGateway();
    token = (await signIn(gateway, fixture.admin.email)).accessToken;
  }, 180_000);
  afterAll(async () => gateway?.close());

  test("there are at least 40, across every module", () => {
    expect(QUESTIONS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(QUESTIONS.map((q) => q.module)).size).toBeGreaterThanOrEqual(10);
  });

  test("docs/access-paths.md lists every question with its index", () => {
    const page = readFileSync("docs/access-paths.md", "utf8");
    const missing = QUESTIONS.filter(
      (q) => !page.split("\n").some((line) => line.startsWith(`| ${q.question} | \`${q.table}\` | \`${q.index}\``)),
    );
    expect(missing.map((q) => q.question)).toEqual([]);
  });

  test("each question's index exists and starts with tenant_id", async () => {
    const indexes = await withAdmin(async (client) => {
      const { rows } = await client.query<{ name: string; tbl: string; first: string }>(`
        select i.relname as name, n.nspname || '.' || c.relname as tbl, a.attname as first
        from pg_index x
        join pg_class i on i.oid = x.indexrelid
        join pg_class c on c.oid = x.indrelid
        join pg_namespace n on n.oid = c.relnamespace
        join pg_attribute a on a.attrelid = c.oid and a.attnum = x.indkey[0]`);
      return new Map(rows.map((r) => [r.name, r]));
    });
    for (const q of QUESTIONS) {
      expect({
        question: q.question,
        index: indexes.get(q.index) && { tbl: indexes.get(q.index)!.tbl, first: indexes.get(q.index)!.first },
      }).toEqual({
        question: q.question,
        index: { tbl: q.table, first: "tenant_id" },
      });
    }
  });

  test.each(QUESTIONS.map((q) => [`${q.module}: ${q.question}`, q] as const))("%s", async (_name, q) => {
    const { body } = await gateway.graphql(q.query, { token });
    expect(body.errors).toBeUndefined();
    const rows = q.rows(body.data);
    if (!q.mayBeEmpty) expect(rows.length).toBeGreaterThan(0);
    q.check?.(rows, body.data);
  });
});
