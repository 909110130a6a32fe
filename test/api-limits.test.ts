import { brotliCompressSync, deflateSync, gzipSync } from "node:zlib";

import { getIntrospectionQuery } from "postgraphile/graphql";

import { createTenant, signIn } from "./support/fixtures";
import { startTestGateway, testConfig, type TestGateway } from "./support/gateway";

/**
 * Every limit of src/graphql/limits.ts, each with an abusive operation: a
 * clean GraphQL error with a stable code, and the gateway goes on
 * answering everyone else.
 */
describe("operation limits", () => {
  let gateway: TestGateway;
  let token: string;
  const ask = (query: string, variables?: Record<string, unknown>) =>
    gateway.graphql(query, { token, ...(variables ? { variables } : {}) });
  const codes = (body: any): string[] => (body.errors ?? []).map((e: any) => e.extensions?.code);
  const stillAnswers = async () => {
    const { body } = await ask("{ users(first: 1) { totalCount } }");
    expect(body.errors).toBeUndefined();
    expect(Number(body.data.users.totalCount)).toBeGreaterThan(0);
  };

  beforeAll(async () => {
    gateway = await startTestGateway({
      config: testConfig({ NEXUS_DEFAULT_PAGE_SIZE: "2", NEXUS_MAX_PAGE_SIZE: "50", NEXUS_MAX_QUERY_COST: "50000" }),
    });
    const tenant = await createTenant("Limits", 4);
    token = (await signIn(gateway, tenant.admin.email)).accessToken;
  });
  afterAll(async () => gateway.close());

  test("a connection without first or last returns the default page size", async () => {
    const { body } = await ask("{ users { totalCount nodes { rowId } } }");
    expect(body.data.users.totalCount).toBe(5);
    expect(body.data.users.nodes).toHaveLength(2);
    const nested = await ask("{ userGroups(first: 1) { nodes { userGroupMemberships { nodes { rowId } } } } }");
    expect(nested.body.errors).toBeUndefined();
    expect(nested.body.data.userGroups.nodes[0].userGroupMemberships.nodes.length).toBeLessThanOrEqual(2);
    const last = await ask("{ users(last: 3) { nodes { rowId } } }");
    expect(last.body.data.users.nodes).toHaveLength(3);
  });

  test("first above the maximum is refused, as a literal and as a variable", async () => {
    const literal = await ask("{ users(first: 100000) { nodes { rowId } } }");
    expect(codes(literal.body)).toEqual(["PAGE_TOO_LARGE"]);
    expect(literal.body.errors[0].message).toMatch(/at most 50 rows/);
    const variable = await ask("query($n: Int) { users(first: $n) { nodes { rowId } } }", { n: 100000 });
    expect(codes(variable.body)).toEqual(["PAGE_TOO_LARGE"]);
    const last = await ask("query($n: Int) { users(last: $n) { totalCount } }", { n: 51 });
    expect(codes(last.body)).toEqual(["PAGE_TOO_LARGE"]);
    await stillAnswers();
  });

  test("a deeply nested operation is refused by depth", async () => {
    let inner = "rowId";
    for (let i = 0; i < 10; i++) inner = `tenant { users(first: 1) { nodes { ${inner} } } }`;
    const { body } = await ask(`{ users(first: 1) { nodes { ${inner} } } }`);
    expect(codes(body)).toContain("QUERY_TOO_DEEP");
    expect(body.data).toBeUndefined();
    await stillAnswers();
  });

  test("the standard introspection query stays within the limits", async () => {
    const { body } = await ask(getIntrospectionQuery());
    expect(body.errors).toBeUndefined();
  });

  test("too many aliases are refused", async () => {
    const fields = Array.from({ length: 31 }, (_, i) => `a${i}: viewerPermissions`).join(" ");
    const { body } = await ask(`{ ${fields} }`);
    expect(codes(body)).toEqual(["TOO_MANY_ALIASES"]);
    await stillAnswers();
  });

  test("nested connections whose pages multiply past the cost limit are refused before any SQL", async () => {
    const { body } = await ask(
      "{ users(first: 50) { nodes { userGroupMemberships(first: 50) { nodes { userGroup { userGroupMemberships(first: 50) { nodes { rowId } } } } } } } }",
    );
    expect(codes(body)).toEqual(["QUERY_TOO_COSTLY"]);
    expect(body.errors[0].message).toMatch(/at most 50000/);
    await stillAnswers();
  });

  test("fragment cycles are rejected cleanly, and the limit rules do not loop on them", async () => {
    const started = Date.now();
    const { body } = await ask(
      "query { users { nodes { ...A } } } fragment A on User { tenant { users { nodes { ...B } } } } fragment B on User { ...A }",
    );
    expect(body.errors[0].message).toMatch(/Cannot spread fragment/);
    expect(Date.now() - started).toBeLessThan(5_000);
    await stillAnswers();
  });

  test("fragments spread exponentially are measured once each, and refused as expanded", async () => {
    const fragments = Array.from({ length: 30 }, (_, i) => `fragment F${i} on User { ...F${i + 1} ...F${i + 1} tenant { rowId } }`).join(
      " ",
    );
    const started = Date.now();
    const { body } = await ask(`{ users { nodes { ...F0 } } } ${fragments} fragment F30 on User { rowId }`);
    expect(codes(body)).toEqual(["QUERY_TOO_LARGE"]);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  test("a batch (JSON array of operations) is refused", async () => {
    const response = await fetch(`${gateway.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify(Array.from({ length: 1000 }, () => ({ query: "{ users { totalCount } }" }))),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as any).errors[0].extensions.code).toBe("BATCH_NOT_ALLOWED");
    await stillAnswers();
  });

  test("a request body over the size limit is refused", async () => {
    const response = await fetch(`${gateway.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ query: `{ users { totalCount } } # ${"x".repeat(2 * 1024 * 1024)}` }),
    });
    expect(response.status).toBe(413);
    await stillAnswers();
  });

  test("a compressed body is decoded, and the size limit applies to what it decodes to", async () => {
    const post = (body: Buffer, encoding: string) =>
      fetch(`${gateway.url}/graphql`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "application/json",
          authorization: `Bearer ${token}`,
          "content-encoding": encoding,
        },
        body,
      });
    const operation = Buffer.from(JSON.stringify({ query: "{ users(first: 1) { totalCount } }" }));
    for (const [encoding, encode] of [
      ["gzip", gzipSync],
      ["deflate", deflateSync],
      ["br", brotliCompressSync],
    ] as const) {
      const response = await post(encode(operation), encoding);
      expect(response.status).toBe(200);
      expect(((await response.json()) as any).data.users.totalCount).toBeGreaterThan(0);
    }
    // 2 MiB of spaces compress to a few KiB: the limit is on the decoded size.
    const bomb = gzipSync(Buffer.concat([operation.subarray(0, -1), Buffer.alloc(2 * 1024 * 1024, " "), Buffer.from("}")]));
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect((await post(bomb, "gzip")).status).toBe(413);
    expect((await post(operation, "gzip")).status).toBe(400);
    const unknown = await post(operation, "compress");
    expect(unknown.status).toBe(415);
    expect(((await unknown.json()) as any).error.code).toBe("UNSUPPORTED_ENCODING");
    await stillAnswers();
  });

  test("GET serves queries and refuses mutations", async () => {
    const get = (query: string) =>
      fetch(`${gateway.url}/graphql?query=${encodeURIComponent(query)}`, {
        headers: { accept: "application/json", authorization: `Bearer ${token}` },
      });
    const query = await get("{ users(first: 1) { totalCount } }");
    expect(query.status).toBe(200);
    expect(((await query.json()) as any).data.users.totalCount).toBe(5);
    const mutation = await get('mutation { createUserGroup(input: { userGroup: { name: "via GET" } }) { userGroup { rowId } } }');
    expect(mutation.status).toBe(405);
    expect(((await mutation.json()) as any).errors[0].message).toMatch(/Only queries/);
    const groups = await ask("{ userGroups { nodes { name } } }");
    expect(groups.body.data.userGroups.nodes.map((g: { name: string }) => g.name)).not.toContain("via GET");
  });
});

describe("production error messages", () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway({ config: testConfig({ NODE_ENV: "production", JWT_SECRET: "p".repeat(48) }) });
  });
  afterAll(async () => gateway.close());

  test("carry no field suggestions", async () => {
    const { body } = await gateway.graphql("{ usrs { nodes { rowId } } }");
    expect(body.errors[0].message).toMatch(/Cannot query field "usrs"/);
    expect(JSON.stringify(body)).not.toMatch(/Did you mean/);
    const argument = await gateway.graphql("{ users(frist: 1) { totalCount } }");
    expect(JSON.stringify(argument.body)).not.toMatch(/Did you mean/);
  });
});

describe("development error messages", () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway();
  });
  afterAll(async () => gateway.close());

  test("keep suggestions, for people exploring", async () => {
    const { body } = await gateway.graphql("{ usrs { nodes { rowId } } }");
    expect(body.errors[0].message).toMatch(/Did you mean/);
  });
});
