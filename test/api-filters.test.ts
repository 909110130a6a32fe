import { withAdmin, createTenant, signIn, type TenantFixture } from "./support/fixtures";
import { startTestGateway, type TestGateway } from "./support/gateway";

/**
 * Filtering, ordering and aggregates, generated from the catalog where the
 * property holds for every table: only columns that lead an index (or
 * follow tenant_id in one) can be filtered or ordered by.
 */
interface InputType {
  name: string;
  kind: string;
  inputFields: Array<{ name: string; type: { name: string | null; kind: string } }> | null;
  fields: Array<{ name: string }> | null;
  enumValues: Array<{ name: string }> | null;
}

const camel = (snake: string) => (snake === "id" ? "rowId" : snake.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()));
const upperSnake = (snake: string) => (snake === "id" ? "ROW_ID" : snake.toUpperCase());
const snakeOf = (pascal: string) => pascal.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();

describe("filters, ordering and aggregates", () => {
  let gateway: TestGateway;
  let a: TenantFixture;
  let b: TenantFixture;
  let tokenA: string;
  let tokenB: string;
  let types: Map<string, InputType>;

  beforeAll(async () => {
    gateway = await startTestGateway();
    [a, b] = await Promise.all([createTenant("FilterA", 3), createTenant("FilterB", 1)]);
    tokenA = (await signIn(gateway, a.admin.email)).accessToken;
    tokenB = (await signIn(gateway, b.admin.email)).accessToken;
    const { body } = await gateway.graphql(
      "{ __schema { types { name kind fields { name } inputFields { name type { name kind } } enumValues { name } } } }",
    );
    types = new Map((body.data.__schema.types as InputType[]).map((t) => [t.name, t]));
  });
  afterAll(async () => gateway.close());

  test("only index-led columns are filterable or orderable, on every table", async () => {
    const cheap = await withAdmin(async (client) => {
      const { rows } = await client.query<{ tbl: string; col: string }>(`
        select c.relname as tbl, a.attname as col
        from pg_index i
        join pg_class c on c.oid = i.indrelid
        join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'platform'
        join pg_attribute a on a.attrelid = c.oid
        where i.indpred is null
          and (a.attnum = i.indkey[0]
               or (a.attnum = i.indkey[1]
                   and i.indkey[0] = (select t.attnum from pg_attribute t where t.attrelid = c.oid and t.attname = 'tenant_id')))`);
      const byTable = new Map<string, Set<string>>();
      for (const row of rows) byTable.set(row.tbl, (byTable.get(row.tbl) ?? new Set()).add(row.col));
      return byTable;
    });
    let checked = 0;
    for (const [name, type] of types) {
      if (!name.endsWith("Filter") || type.kind !== "INPUT_OBJECT") continue;
      const object = types.get(name.slice(0, -"Filter".length));
      if (object?.kind !== "OBJECT") continue;
      const table = [`${snakeOf(object.name)}s`, `${snakeOf(object.name)}es`].find((t) => cheap.has(t));
      if (!table) continue;
      const objectFields = new Set(object.fields!.map((f) => f.name));
      const expected = [...cheap.get(table)!].map(camel).filter((f) => objectFields.has(f)).sort();
      const scalarFilters = type.inputFields!.filter((f) => types.get(f.type.name ?? "")?.inputFields?.some((o) => o.name === "equalTo")).map((f) => f.name);
      expect({ table, filterable: scalarFilters.sort() }).toEqual({ table, filterable: expected });
      const orderBy = types.get(`${object.name}OrderBy`);
      if (orderBy) {
        const columns = orderBy.enumValues!.map((v) => v.name).filter((v) => v.endsWith("_ASC") && v !== "PRIMARY_KEY_ASC").map((v) => v.slice(0, -4));
        expect({ table, orderable: columns.sort() }).toEqual({ table, orderable: expected.map((f) => upperSnake(snakeOf(f) === "row_id" ? "id" : snakeOf(f))).sort() });
      }
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(8);
  });

  test("an unindexed column has no filter field: filtering by it is a validation error", async () => {
    const userFilter = types.get("UserFilter")!.inputFields!.map((f) => f.name);
    expect(userFilter).not.toContain("email"); // indexed only as lower(email)
    expect(userFilter).not.toContain("createdAt");
    const { body } = await gateway.graphql('{ users(filter: { email: { equalTo: "x" } }) { totalCount } }', { token: tokenA });
    expect(body.errors[0].message).toMatch(/"email" is not defined by type "UserFilter"/);
  });

  test("filters combine with and/or/not, through relations, and only ever within RLS", async () => {
    const { body: mine } = await gateway.graphql("{ users { nodes { rowId } } }", { token: tokenA });
    const ids: string[] = mine.data.users.nodes.map((n: { rowId: string }) => n.rowId);
    const { body: theirs } = await gateway.graphql("{ users { nodes { rowId } } }", { token: tokenB });
    const bId: string = theirs.data.users.nodes[0].rowId;
    const query = `query($f: UserFilter) { users(filter: $f) { totalCount nodes { rowId } } }`;
    const run = async (f: unknown) => (await gateway.graphql(query, { token: tokenA, variables: { f } })).body.data.users;
    expect((await run({ rowId: { equalTo: bId } })).totalCount).toBe(0);
    expect((await run({ rowId: { in: [bId, ids[0]] } })).nodes).toEqual([{ rowId: ids[0] }]);
    expect((await run({ or: [{ rowId: { equalTo: ids[0] } }, { rowId: { equalTo: bId } }] })).totalCount).toBe(1);
    expect((await run({ not: { rowId: { equalTo: ids[0] } } })).totalCount).toBe(ids.length - 1);
    expect((await run({ tenant: { rowId: { equalTo: b.tenantId } } })).totalCount).toBe(0);
    expect((await run({ userGroupMembershipsExist: true })).totalCount).toBe(ids.length);
  });

  test("aggregates count only the caller's rows, grouped or not", async () => {
    const q = `{ userGroupMemberships { totalCount aggregates { distinctCount { rowId userId } }
                 groupedAggregates(groupBy: [USER_GROUP_ID]) { keys distinctCount { userId } } } }`;
    const { body } = await gateway.graphql(q, { token: tokenA });
    expect(body.errors).toBeUndefined();
    const m = body.data.userGroupMemberships;
    expect(m.aggregates.distinctCount.rowId).toBe(String(m.totalCount)); // BigInt: a string
    expect(m.aggregates.distinctCount.userId).toBe("4");
    const grouped = m.groupedAggregates.map((g: { distinctCount: { userId: string } }) => Number(g.distinctCount.userId));
    expect(grouped.reduce((x: number, y: number) => x + y, 0)).toBe(m.totalCount);
    const { body: other } = await gateway.graphql(q, { token: tokenB });
    expect(other.data.userGroupMemberships.aggregates.distinctCount.userId).toBe("2");
  });

  test("timestamps are ISO strings and counts are strings", async () => {
    const { body } = await gateway.graphql("{ users(first: 1) { nodes { createdAt } aggregates { distinctCount { rowId } } } }", { token: tokenA });
    expect(body.data.users.nodes[0].createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/);
    expect(typeof body.data.users.aggregates.distinctCount.rowId).toBe("string");
  });
});
