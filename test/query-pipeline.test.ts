import { createTenant, signIn } from "./support/fixtures";
import { startTestGateway, testConfig, type TestGateway } from "./support/gateway";

/**
 * Queries run on pipelined round trips (src/graphql/request-transaction.ts):
 * begin, the caller's settings and the first statement travel together, the
 * statements of one request share the transaction, and the connection keeps
 * a bounded set of prepared statements. One connection in the pool, so every
 * request reuses it.
 */
describe("pipelined query transactions", () => {
  let gateway: TestGateway;
  let token: string;
  const ask = (query: string) => gateway.body(token, query);

  beforeAll(async () => {
    gateway = await startTestGateway({ config: testConfig({ NEXUS_DB_POOL_MAX: "1" }) });
    const tenant = await createTenant("Pipeline", 2);
    token = (await signIn(gateway, tenant.admin.email)).accessToken;
  });
  afterAll(async () => gateway.close());

  test("a statement that fails in PostgreSQL takes none of the query's other fields with it, whichever runs first", async () => {
    // Valid GraphQL, refused by PostgreSQL: not an address inet can read.
    const bad = `auditLogs(filter: { ipAddress: { equalTo: "999.1.1.1" } }) { totalCount }`;
    const good = "users { totalCount }";
    for (const query of [`{ bad: ${bad} good: ${good} }`, `{ good: ${good} bad: ${bad} }`]) {
      const body = await ask(query);
      expect(body.errors?.map((error: { path: string[] }) => error.path[0])).toEqual(["bad"]);
      expect(body.data.good.totalCount).toBe(3);
    }
    // Two statements of one text (arguments differ) are parsed once: behind
    // a failure the second is refused as an unknown statement, not as an
    // aborted transaction, and must run again all the same.
    const byId = (n: number) => `users(condition: { rowId: "00000000-0000-0000-0000-00000000000${n}" }) { totalCount }`;
    const shared = await ask(`{ bad: ${bad} a: ${byId(1)} b: ${byId(2)} }`);
    expect(shared.errors?.map((error: { path: string[] }) => error.path[0])).toEqual(["bad"]);
    expect(shared.data).toMatchObject({ a: { totalCount: 0 }, b: { totalCount: 0 } });
    // And the connection is clean for the next request.
    expect((await gateway.data(token, `{ ${good} }`)).users.totalCount).toBe(3);
  });

  test("more distinct statements than a connection keeps prepared: the oldest are deallocated, and run again when asked", async () => {
    const schema = await gateway.data(token, "{ __schema { queryType { fields { name type { name } } } } }");
    const lists: string[] = schema.__schema.queryType.fields
      .filter((field: { type: { name: string | null } }) => field.type.name?.endsWith("Connection"))
      .map((field: { name: string }) => field.name);
    // Two statements per list: over 100 (PREPARED_STATEMENTS_PER_CONNECTION) on the one connection.
    const queries = lists.flatMap((list) => [`{ ${list} { totalCount } }`, `{ ${list}(first: 1) { nodes { __typename } } }`]);
    expect(queries.length).toBeGreaterThan(120);
    for (let pass = 0; pass < 2; pass++) {
      for (const query of queries) {
        const body = await ask(query);
        expect({ query, errors: body.errors }).toEqual({ query, errors: undefined });
      }
    }
  });
});
