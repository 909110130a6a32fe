import { FairPool } from "../src/db/fair-pool";
import { createTenant, signIn } from "./support/fixtures";
import { startTestGateway, testConfig, type TestGateway } from "./support/gateway";

/** Resolves once `condition` holds, checking after each turn of the event loop. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise<void>((resolve) => setImmediate(resolve));
}

const codeOf = (error: unknown) => (error as { extensions?: { code?: string } }).extensions?.code;

/** A unit of work the test finishes when it chooses. */
function held() {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { done, finish };
}

describe("the fair share of the pool", () => {
  test("a tenant holds at most its share, and freed connections go round-robin across waiting tenants", async () => {
    const pool = new FairPool({ capacity: 3, perTenant: 2, queuePerTenant: 10, timeoutMs: 60_000 });
    const order: string[] = [];
    const works = new Map<string, ReturnType<typeof held>>();
    const start = (tenant: string, name: string) =>
      pool.run(tenant, async () => {
        order.push(name);
        const work = held();
        works.set(name, work);
        await work.done;
      });
    const running = [start("a", "a1"), start("a", "a2"), start("a", "a3"), start("a", "a4"), start("b", "b1"), start("b", "b2")];
    // a holds its share (2) though a connection is free; b takes the third; a3, a4, b2 wait.
    await until(() => order.length === 3);
    expect(order).toEqual(["a1", "a2", "b1"]);
    expect(pool.snapshot()).toEqual({ inUse: 3, waiting: 3, holding: { a: 2, b: 1 } });
    const served = (name: string) => until(() => order.includes(name));
    works.get("a1")!.finish();
    // a queued first, so a1's slot goes to a; then a goes to the back of the line, behind b.
    await served("a3");
    works.get("b1")!.finish();
    await served("b2");
    works.get("a2")!.finish();
    await served("a4");
    expect(order).toEqual(["a1", "a2", "b1", "a3", "b2", "a4"]);
    for (const name of ["a3", "b2", "a4"]) works.get(name)!.finish();
    await Promise.all(running);
    expect(pool.snapshot()).toEqual({ inUse: 0, waiting: 0, holding: {} });
  });

  test("one waiting lookup of a quiet tenant is served before the flood queued ahead of it", async () => {
    const pool = new FairPool({ capacity: 2, perTenant: 2, queuePerTenant: 100, timeoutMs: 60_000 });
    const order: string[] = [];
    const gates: Array<() => void> = [];
    let draining = false;
    const start = (tenant: string, name: string) =>
      pool.run(tenant, async () => {
        order.push(name);
        if (!draining) await new Promise<void>((resolve) => gates.push(resolve));
      });
    const flood = Array.from({ length: 20 }, (_, i) => start("noisy", `noisy${i}`));
    const lookup = start("quiet", "quiet");
    const served = (length: number) => until(() => order.length >= length);
    await served(2);
    // The flood's turn came first, so the first freed connection is its; the next is the quiet tenant's.
    gates[0]!();
    await served(3);
    gates[1]!();
    await served(4);
    expect(order).toEqual(["noisy0", "noisy1", "noisy2", "quiet"]);
    draining = true;
    for (const gate of gates.splice(0)) gate();
    await Promise.all([...flood, lookup]);
    expect(order).toHaveLength(21);
  });

  test("past its queue a tenant is refused at once, and a wait past the deadline is refused", async () => {
    const pool = new FairPool({ capacity: 1, perTenant: 1, queuePerTenant: 1, timeoutMs: 50 });
    const work = held();
    const holding = pool.run("a", () => work.done);
    await until(() => pool.snapshot().inUse === 1);
    const waiting = pool.run("a", async () => undefined);
    const refused = await pool.run("a", async () => undefined).catch((error: unknown) => error);
    expect(codeOf(refused)).toBe("TENANT_QUEUE_FULL");
    expect(codeOf(await waiting.catch((error: unknown) => error))).toBe("TENANT_QUEUE_TIMEOUT");
    work.finish();
    await holding;
    expect(pool.snapshot()).toEqual({ inUse: 0, waiting: 0, holding: {} });
  });
});

describe("per-tenant budgets and metrics", () => {
  let first: TestGateway;
  let second: TestGateway;
  const env = { NEXUS_TENANT_REQUESTS_PER_MINUTE: "4", NEXUS_TENANT_COST_PER_MINUTE: "100", NEXUS_METRICS_TOP_TENANTS: "1" };
  const count = "{ users(first: 1) { totalCount } }";

  beforeAll(async () => {
    first = await startTestGateway({ config: testConfig(env) });
    second = await startTestGateway({ config: testConfig(env) });
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
  });

  test("a tenant past its operations for the window gets 429 with Retry-After, on every instance; other tenants go on", async () => {
    const spender = await createTenant("Budget");
    const other = await createTenant("Bystander");
    const token = (await signIn(first, spender.admin.email)).accessToken;
    const bystander = (await signIn(first, other.admin.email)).accessToken;
    // Spread over two instances: the count is the tenant's, in the database, not one instance's.
    for (const gateway of [first, second, first, second]) {
      const { status, body } = await gateway.graphql(count, { token });
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
    }
    for (const gateway of [first, second]) {
      const refused = await gateway.graphql(count, { token });
      expect(refused.status).toBe(429);
      expect(refused.body.errors.map((e: any) => e.extensions.code)).toEqual(["TENANT_BUDGET_EXCEEDED"]);
      const retryAfter = Number(refused.headers.get("retry-after"));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(refused.body.errors[0].extensions.retryAfter).toBe(retryAfter);
    }
    expect((await second.graphql(count, { token: bystander })).status).toBe(200);
  });

  test("the cost budget counts each operation's estimated cost", async () => {
    const tenant = await createTenant("Costly", 3);
    const token = (await signIn(first, tenant.admin.email)).accessToken;
    // Each costs 20 (the page) x (1 + 1 for nodes) = 40: two fit in 100, the third does not, well within 4 operations.
    const page = "{ users(first: 20) { nodes { rowId } } }";
    for (let i = 0; i < 2; i++) expect((await first.graphql(page, { token })).status).toBe(200);
    const refused = await second.graphql(page, { token });
    expect(refused.status).toBe(429);
    expect(refused.body.errors[0].extensions.code).toBe("TENANT_BUDGET_EXCEEDED");
  });

  test("a mutation goes through the fair share too, and its time is counted for its tenant", async () => {
    const tenant = await createTenant("Writer");
    const token = (await signIn(first, tenant.admin.email)).accessToken;
    const created = await first.graphql("mutation($p: ProjectInput!) { createProject(input: { project: $p }) { project { rowId key } } }", {
      token,
      variables: { p: { key: "FAIR", name: "Fairness" } },
    });
    expect(created.status).toBe(200);
    expect(created.body.errors).toBeUndefined();
    expect(created.body.data.createProject.project.key).toBe("FAIR");
  });

  test("per-tenant metrics name the top tenants and sum the rest as other, database time included", async () => {
    const busy = await createTenant("Busy");
    const quiet = await createTenant("Quiet");
    const busyToken = (await signIn(second, busy.admin.email)).accessToken;
    const quietToken = (await signIn(second, quiet.admin.email)).accessToken;
    // Five: the fifth is past the budget, an error of the busiest tenant on this instance.
    for (let i = 0; i < 4; i++) expect((await second.graphql(count, { token: busyToken })).status).toBe(200);
    expect((await second.graphql(count, { token: busyToken })).status).toBe(429);
    expect((await second.graphql(count, { token: quietToken })).status).toBe(200);
    const { body } = await second.get("/metrics");
    const text = String(body);
    const series = (name: string) => text.split("\n").filter((line) => line.startsWith(`${name}{`));
    const requests = series("nexus_tenant_requests_total");
    expect(requests).toHaveLength(2);
    expect(requests).toContain(`nexus_tenant_requests_total{tenant="${busy.tenantId}"} 5`);
    expect(series("nexus_tenant_errors_total")).toContain(`nexus_tenant_errors_total{tenant="${busy.tenantId}"} 1`);
    expect(requests.some((line) => line.startsWith('nexus_tenant_requests_total{tenant="other"}'))).toBe(true);
    expect(text).not.toContain(quiet.tenantId);
    const dbTime = series("nexus_tenant_db_seconds_total").find((line) => line.includes(busy.tenantId));
    expect(Number(dbTime?.split(" ")[1])).toBeGreaterThan(0);
  });
});
