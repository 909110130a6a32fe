import { createTenant, signIn, type TenantFixture, withAdmin } from "./support/fixtures";
import { startTestGateway, type TestGateway } from "./support/gateway";

/**
 * Filtering, ordering and aggregates, generated from the catalog where the
 * property holds for every table: every scalar column can be filtered by
 * (RLS bounds the scan to one tenant); only columns that lead a btree index
 * (or follow tenant_id in one) can be ordered by.
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

  test("every scalar column is filterable, only index-led columns are orderable, on every table", async () => {
    const cheap = await withAdmin(async (client) => {
      const { rows } = await client.query<{ tbl: string; col: string }>(`
        select c.relname as tbl, a.attname as col
        from pg_index i
        join pg_class c on c.oid = i.indrelid
        join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'platform'
        join pg_attribute a on a.attrelid = c.oid
        join pg_class ic on ic.oid = i.indexrelid
        join pg_am am on am.oid = ic.relam and am.amname = 'btree'
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
      const expected = [...cheap.get(table)!]
        .map(camel)
        .filter((f) => objectFields.has(f))
        .sort();
      const scalarFilters = type
        .inputFields!.filter((f) => types.get(f.type.name ?? "")?.inputFields?.some((o) => o.name === "equalTo"))
        .map((f) => f.name);
      // Every orderable column is filterable, and so are the others.
      expect({ table, missing: expected.filter((f) => !scalarFilters.includes(f)) }).toEqual({ table, missing: [] });
      expect(scalarFilters.length).toBeGreaterThanOrEqual(expected.length);
      const orderBy = types.get(`${object.name}OrderBy`);
      if (orderBy) {
        const columns = orderBy
          .enumValues!.map((v) => v.name)
          .filter((v) => v.endsWith("_ASC") && v !== "PRIMARY_KEY_ASC")
          .map((v) => v.slice(0, -4));
        expect({ table, orderable: columns.sort() }).toEqual({
          table,
          orderable: expected.map((f) => upperSnake(snakeOf(f) === "row_id" ? "id" : snakeOf(f))).sort(),
        });
      }
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(8);
  });

  test("an unindexed column is filterable but not orderable: ordering by it says which index would expose it", async () => {
    const userFilter = types.get("UserFilter")!.inputFields!.map((f) => f.name);
    expect(userFilter).toEqual(expect.arrayContaining(["email", "phoneNumber", "createdAt"]));
    const { body: filtered } = await gateway.graphql("{ users(filter: { phoneNumber: { isNull: true } }) { totalCount } }", {
      token: tokenA,
    });
    expect(filtered.errors).toBeUndefined();
    expect(filtered.data.users.totalCount).toBe(4);
    const { body } = await gateway.graphql("{ users(orderBy: [PHONE_NUMBER_ASC]) { totalCount } }", { token: tokenA });
    expect(body.errors[0]).toMatchObject({ extensions: { code: "NOT_INDEXED" } });
    expect(body.errors[0].message).toMatch(/platform\.users\.phone_number.*create index .* on platform\.users \(tenant_id, phone_number\)/);
  });

  test("substring and prefix operators exist only on columns with a trigram index, and match case-insensitively", async () => {
    expect(types.get("StringFilter")!.inputFields!.map((f) => f.name)).not.toContain("includesInsensitive");
    expect(types.get("SearchableStringFilter")!.inputFields!.map((f) => f.name)).toEqual(
      expect.arrayContaining(["includesInsensitive", "startsWithInsensitive", "equalTo"]),
    );
    const domain = a.admin.email.split("@")[1]!.toUpperCase();
    const { body } = await gateway.graphql(`{ users(filter: { email: { includesInsensitive: "${domain}" } }) { totalCount } }`, {
      token: tokenA,
    });
    expect(body.data.users.totalCount).toBe(4);
    // Quotes, backslashes and LIKE wildcards in the input match literally (the pattern is written into the SQL).
    for (const text of ["o'_%\\", "_", "%", "' or ''='"]) {
      const { body: tricky } = await gateway.graphql(
        "query($t: String!) { users(filter: { email: { includesInsensitive: $t } }) { totalCount } }",
        { token: tokenA, variables: { t: text } },
      );
      expect({ text, errors: tricky.errors, count: tricky.data?.users.totalCount }).toEqual({ text, errors: undefined, count: 0 });
    }
    const { body: prefix } = await gateway.graphql(`{ users(filter: { email: { startsWithInsensitive: "ADMIN@" } }) { totalCount } }`, {
      token: tokenA,
    });
    expect(prefix.data.users.totalCount).toBe(1);
    const { body: refused } = await gateway.graphql('{ users(filter: { phoneNumber: { includesInsensitive: "1" } }) { totalCount } }', {
      token: tokenA,
    });
    expect(refused.errors[0]).toMatchObject({ extensions: { code: "NOT_INDEXED" } });
    expect(refused.errors[0].message).toMatch(/gin \(tenant_id, phone_number extensions\.gin_trgm_ops\)/);
  });

  test("created_at and updated_at order both ways with stable cursor paging", async () => {
    const page = async (orderBy: string, after?: string) =>
      (
        await gateway.graphql(
          `query($after: Cursor) { users(orderBy: [${orderBy}], first: 2, after: $after) { nodes { rowId createdAt } pageInfo { endCursor hasNextPage } } }`,
          { token: tokenA, variables: { after } },
        )
      ).body.data.users;
    for (const orderBy of ["CREATED_AT_ASC", "CREATED_AT_DESC", "UPDATED_AT_ASC", "UPDATED_AT_DESC"]) {
      const first = await page(orderBy);
      const second = await page(orderBy, first.pageInfo.endCursor);
      const ids = [...first.nodes, ...second.nodes].map((n: { rowId: string }) => n.rowId);
      expect(new Set(ids).size).toBe(4);
      const times = [...first.nodes, ...second.nodes].map((n: { createdAt: string }) => Date.parse(n.createdAt));
      if (orderBy === "CREATED_AT_ASC") expect(times).toEqual([...times].sort((x, y) => x - y));
      if (orderBy === "CREATED_AT_DESC") expect(times).toEqual([...times].sort((x, y) => y - x));
    }
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
    const { body } = await gateway.graphql("{ users(first: 1) { nodes { createdAt } aggregates { distinctCount { rowId } } } }", {
      token: tokenA,
    });
    expect(body.data.users.nodes[0].createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/);
    expect(typeof body.data.users.aggregates.distinctCount.rowId).toBe("string");
  });
});
