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
    let requests = 0;
    // Per filter, one request asks with every value at once (an alias each): a database error in any of
    // them fails the request and names its alias. NUL, which PostgreSQL cannot hold in text, goes alone.
    const values = NASTY.filter((value) => value !== "\u0000");
    const condition = (field: string, value: string) => ({ [field]: { equalTo: value }, or: [{ [field]: { in: [value, "plain"] } }] });
    for (const target of targets) {
      const variables = Object.fromEntries(values.map((value, i) => [`f${i}`, condition(target.field, value)]));
      const query = `query(${values.map((_, i) => `$f${i}: ${target.filterType}!`).join(", ")}) {
        ${values.map((_, i) => `v${i}: ${target.list}(filter: $f${i}, first: 5) { totalCount nodes { __typename } }`).join("\n")} }`;
      const { status, body } = await gateway.graphql(query, { token, variables });
      cases += values.length;
      expect(status).toBe(200);
      if (body.errors) throw new Error(`${target.list}.${target.field}: ${JSON.stringify(body.errors)}`);
      for (let i = 0; i < values.length; i++) expect([values[i], body.data[`v${i}`].totalCount]).toEqual([values[i], 0]);

      const nul = await gateway.graphql(
        `query($filter: ${target.filterType}!) { ${target.list}(filter: $filter, first: 5) { totalCount nodes { __typename } } }`,
        { token, variables: { filter: condition(target.field, "\u0000") } },
      );
      cases += 1;
      requests += 2;
      expect(nul.status).toBe(200);
      // Refused cleanly when the column cannot hold it, never as a masked internal error; else nothing matches.
      if (nul.body.errors)
        expect([target.list, target.field, nul.body.errors[0].extensions?.code]).toEqual([target.list, target.field, "INVALID_INPUT"]);
      else expect(nul.body.data[target.list].totalCount).toBe(0);
    }
    // and the gateway still answers
    const { body } = await gateway.graphql("{ users { totalCount } }", { token });
    expect(body.data.users.totalCount).toBe(2);
    process.stdout.write(
      `string filter abuse: ${targets.length} filters × ${NASTY.length} values = ${cases} cases in ${requests} requests\n`,
    );
  });
});
