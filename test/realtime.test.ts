import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import { createTenant, signIn, type TenantFixture } from "./support/fixtures";
import { startTestGateway, type TestGateway } from "./support/gateway";
import { startGatewayProcess, type GatewayProcess } from "./support/gateway-process";

/** Row-change subscriptions over GraphQL-over-WebSocket, with the same JWT and the same RLS as HTTP. */
describe("realtime row changes", () => {
  let gateway: TestGateway;
  let wsUrl: string;
  let child: GatewayProcess | undefined;
  let a: TenantFixture;
  let b: TenantFixture;
  let tokenA: string;
  let tokenB: string;
  const clients: Client[] = [];

  const connect = (token: string | null, extra: { closed?: (code: number) => void } = {}) => {
    const client = createClient({
      url: `${wsUrl.replace("http", "ws")}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: false,
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      on: { closed: (event) => extra.closed?.((event as { code: number }).code) },
    });
    clients.push(client);
    return client;
  };
  const collect = (client: Client, query: string) => {
    const events: any[] = [];
    const errors: unknown[] = [];
    client.subscribe({ query }, { next: (e) => events.push(e), error: (e) => errors.push(e), complete: () => undefined });
    return { events, errors };
  };
  const until = async (check: () => boolean, ms = 3000) => {
    const end = Date.now() + ms;
    while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 25));
  };
  const createGroup = async (token: string, name: string) =>
    (await gateway.graphql(`mutation($n: String!) { createUserGroup(input: { userGroup: { name: $n } }) { userGroup { rowId } } }`, { token, variables: { n: name } })).body
      .data.createUserGroup.userGroup.rowId as string;

  beforeAll(async () => {
    gateway = await startTestGateway();
    child = await startGatewayProcess();
    wsUrl = child.url;
    [a, b] = await Promise.all([createTenant("RealtimeA", 0), createTenant("RealtimeB", 0)]);
    tokenA = (await signIn(gateway, a.admin.email)).accessToken;
    tokenB = (await signIn(gateway, b.admin.email)).accessToken;
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    // Wait for the exit: a child still running (and its pipes) when the file ends keeps the jest worker from exiting.
    await child?.stop();
    await gateway?.close();
  });

  test("a subscriber sees its own tenant's changes, read through RLS, and nothing of another tenant", async () => {
    const subA = collect(connect(tokenA), `subscription { rowChanged(table: "user_groups") { table op rowId node { ... on UserGroup { name tenantId } } } }`);
    const subB = collect(connect(tokenB), `subscription { rowChanged { table op rowId } }`);
    await new Promise((r) => setTimeout(r, 300));
    const idA = await createGroup(tokenA, "Realtime A group");
    await until(() => subA.events.length > 0);
    expect(subA.errors).toEqual([]);
    expect(subA.events[0].data.rowChanged).toEqual({ table: "user_groups", op: "insert", rowId: idA, node: { name: "Realtime A group", tenantId: a.tenantId } });
    await new Promise((r) => setTimeout(r, 300));
    expect(subB.events).toEqual([]);
    await createGroup(tokenB, "Realtime B group");
    // B's own change arrives (its audit entry may arrive too, also B's).
    await until(() => subB.events.some((e) => e.data.rowChanged.table === "user_groups"));
    expect(subB.events.map((e) => e.data.rowChanged.table)).toContain("user_groups");
    await new Promise((r) => setTimeout(r, 300));
    expect(subA.events.every((e) => e.data.rowChanged.node?.tenantId === a.tenantId)).toBe(true);
    expect(JSON.stringify(subA.events)).not.toContain(b.tenantId);
  });

  test("a bad token is refused", async () => {
    const sub = collect(connect("a.b.c"), `subscription { rowChanged { table } }`);
    await until(() => sub.errors.length > 0);
    expect(sub.errors.length).toBeGreaterThan(0);
    expect(sub.events).toEqual([]);
  });

  test("revoking the session closes its sockets", async () => {
    const session = await signIn(gateway, a.admin.email);
    let closedWith: number | null = null;
    const client = connect(session.accessToken, { closed: (code) => (closedWith = code) });
    collect(client, `subscription { rowChanged { table } }`);
    await new Promise((r) => setTimeout(r, 300));
    await gateway.post("/auth/logout", { scope: "local" }, { token: session.accessToken });
    await until(() => closedWith !== null);
    expect(closedWith).toBe(4403);
  });
});
