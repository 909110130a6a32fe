import { createTenant, signIn, type TenantFixture } from "./support/fixtures";
import { startTestGateway, type TestGateway } from "./support/gateway";

/**
 * SQL metacharacters in every string filter of every connection, generated
 * from the schema: each answer is clean (data of the caller's tenant only,
 * or a clean GraphQL error), never a database error, and the gateway keeps
 * answering other clients throughout.
 */
const NASTY = [
  "'",
  "''; drop table platform.users; --",
  "\\",
  "%",
  "_",
  "$$",
  '"',
  "') or 1=1 --",
  "\u0000",
  "x'); select pg_sleep(10); --",
  "😀".repeat(100),
];

interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}
const named = (type: TypeRef): string => (type.name ? type.name : named(type.ofType!));

describe("SQL metacharacters in string filters", () => {
  let gateway: TestGateway;
  let tenant: TenantFixture;
  let token: string;
  const targets: Array<{ list: string; filterType: string; field: string }> = [];

  beforeAll(async () => {
    gateway = await startTestGateway();
    tenant = await createTenant("Nasty", 1);
    token = (await signIn(gateway, tenant.admin.email)).accessToken;
    const { body } = await gateway.graphql(
      `{ __schema { queryType { fields { name args { name type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } }
         types { name kind inputFields { name type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }`,
    );
    const types = new Map<string, { inputFields: Array<{ name: string; type: TypeRef }> | null }>(
      body.data.__schema.types.map((t: { name: string }) => [t.name, t]),
    );
    for (const field of body.data.__schema.queryType.fields as Array<{
      name: string;
      args: Array<{ name: string; type: TypeRef }>;
      type: TypeRef;
    }>) {
      const filter = field.args.find((a) => a.name === "filter");
      if (!filter) continue;
      const filterType = named(filter.type);
      for (const input of types.get(filterType)?.inputFields ?? []) {
        if (named(input.type) === "StringFilter") targets.push({ list: field.name, filterType, field: input.name });
      }
    }
  });
  afterAll(async () => gateway.close());

  test("every string filter takes them as plain values", async () => {
    expect(targets.length).toBeGreaterThan(20);
    let cases = 0;
    for (const target of targets) {
      for (const value of NASTY) {
        const { status, body } = await gateway.graphql(
          `query($filter: ${target.filterType}!) { ${target.list}(filter: $filter, first: 5) { totalCount nodes { __typename } } }`,
          { token, variables: { filter: { [target.field]: { equalTo: value }, or: [{ [target.field]: { in: [value, "plain"] } }] } } },
        );
        cases += 1;
        expect(status).toBe(200);
        if (body.errors && body.errors[0].extensions?.code !== "INVALID_INPUT") {
          throw new Error(`${target.list}.${target.field} = ${JSON.stringify(value)}: ${JSON.stringify(body.errors)}`);
        }
        if (body.errors) {
          // A value PostgreSQL cannot hold in text (NUL) is refused cleanly, never as a masked internal error.
          expect(body.errors[0].extensions?.code).toBe("INVALID_INPUT");
          expect(value).toBe("\u0000");
        } else {
          expect(body.data[target.list].totalCount).toBe(0);
        }
      }
    }
    // and the gateway still answers
    const { body } = await gateway.graphql("{ users { totalCount } }", { token });
    expect(body.data.users.totalCount).toBe(2);
    process.stdout.write(`string filter abuse: ${targets.length} filters × ${NASTY.length} values = ${cases} requests\n`);
  });
});
