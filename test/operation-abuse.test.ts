import { createTenant, signIn } from "./support/fixtures";
import { startTestGateway, testConfig, type TestGateway } from "./support/gateway";

/**
 * Operations written to make the gateway work far more than they look:
 * fragments spread into each other, page sizes hidden behind variable
 * defaults, grouped aggregates past the page limits. Each is refused (or
 * bounded) before it costs anything, and a sibling request is not kept
 * waiting meanwhile.
 */
describe("expensive operations in disguise", () => {
  let gateway: TestGateway;
  let token: string;
  const codes = (body: any): string[] => (body.errors ?? []).map((e: any) => e.extensions?.code);

  /** `{ ...F0 }` where each fragment spreads the next one twice: 2^levels copies of `leaf`. */
  const fanOut = (levels: number, leaf: string) =>
    `{ ...F0 } ${Array.from({ length: levels }, (_, i) => `fragment F${i} on Query { __typename ...F${i + 1} ...F${i + 1} }`).join(" ")} fragment F${levels} on Query { ${leaf} }`;

  beforeAll(async () => {
    gateway = await startTestGateway({
      config: testConfig({ NEXUS_DEFAULT_PAGE_SIZE: "2", NEXUS_MAX_PAGE_SIZE: "3", NEXUS_MAX_QUERY_COST: "20" }),
    });
    const tenant = await createTenant("Disguise", 5);
    token = (await signIn(gateway, tenant.admin.email)).accessToken;
  }, 180_000);
  afterAll(async () => gateway.close());

  test("a fragment fan-out is measured expanded and refused before planning, while /health answers at once", async () => {
    const attack = fanOut(20, "users(first: 1) { totalCount }");
    expect(attack.length).toBeLessThan(2_000);
    const started = performance.now();
    const refused = gateway.graphql(attack);
    // Sent right behind the attack: it waits only if the attack holds the process.
    const health = gateway.get("/health").then((reply) => ({ reply, ms: performance.now() - started }));
    const [{ body }, sibling] = await Promise.all([refused, health]);
    expect(body.data).toBeUndefined();
    expect(codes(body)).toEqual(["QUERY_TOO_LARGE"]);
    expect(body.errors[0].message).toMatch(/fields once its fragments are expanded; at most 2000/);
    expect(sibling.reply.status).toBe(200);
    // Unguarded, this document planned for 35 s; /health waited behind it.
    expect(sibling.ms).toBeLessThan(2_000);
    // __typename-only fragments count too: they are what planning works through.
    expect(codes((await gateway.graphql(fanOut(17, "__typename"))).body)).toEqual(["QUERY_TOO_LARGE"]);
    // Renaming the fragments changes nothing: the measure is of the expansion, not of the names.
    expect(codes((await gateway.graphql(fanOut(20, "users(first: 1) { totalCount }").replaceAll("F", "G"))).body)).toEqual([
      "QUERY_TOO_LARGE",
    ]);
    const fine = await gateway.graphql(fanOut(3, "users(first: 1) { totalCount }"), { token });
    expect(fine.body.errors).toBeUndefined();
  });

  test("planning has a time budget of its own", async () => {
    const tight = await startTestGateway({ config: testConfig({ NEXUS_PLANNING_TIMEOUT_MS: "1", NEXUS_MAX_QUERY_FIELDS: "1000000" }) });
    try {
      const { body } = await tight.graphql(fanOut(9, "users(first: 1) { totalCount }"), { token });
      expect(body.errors?.[0]?.message).toMatch(/took too long to plan/);
    } finally {
      await tight.close();
    }
  }, 180_000);

  test("the cost is computed with the variable values the request carries, not the defaults", async () => {
    const query = "query($a: Int = 1, $b: Int = 1) { users(first: $a) { nodes { userGroupMemberships(first: $b) { nodes { rowId } } } } }";
    // At the defaults: 1 × (1 + 1 × (1 + 1)) ... = 4 objects.
    expect((await gateway.graphql(query, { token })).body.errors).toBeUndefined();
    // With the values sent: 3 users × (1 + 1 + 3 memberships × 2) = 24 objects, above 20.
    const { body } = await gateway.graphql(query, { token, variables: { a: 3, b: 3 } });
    expect(codes(body)).toEqual(["QUERY_TOO_COSTLY"]);
    expect(body.data).toBeUndefined();
    // A variable without a default counts at the value it is sent with.
    const sent = await gateway.graphql("query($a: Int) { users(first: $a) { nodes { rowId } } }", { token, variables: { a: 2 } });
    expect(sent.body.errors).toBeUndefined();
  });

  test("groupedAggregates returns at most a page of groups, and the cost counts them", async () => {
    const grouped = await gateway.graphql("{ userGroupMemberships { totalCount groupedAggregates(groupBy: [USER_ID]) { keys } } }", {
      token,
    });
    expect(grouped.body.errors).toBeUndefined();
    // Six users with a membership each: six groups, bounded to the page maximum of 3.
    expect(Number(grouped.body.data.userGroupMemberships.totalCount)).toBeGreaterThan(3);
    expect(grouped.body.data.userGroupMemberships.groupedAggregates).toHaveLength(3);
    // Three users, each with a page of memberships and a full page of groups: well above 20.
    const nested = await gateway.graphql(
      "{ users(first: 3) { nodes { userGroupMemberships { groupedAggregates(groupBy: [USER_GROUP_ID]) { keys distinctCount { userId } } } } } }",
      { token },
    );
    expect(codes(nested.body)).toEqual(["QUERY_TOO_COSTLY"]);
  });
});
