import { createClient, CreateUserGroupDocument, UserGroupsDocument } from "../sdk/client";
import { GatewaySession } from "../src/browser/session";
import { createTenant, PASSWORD, signIn } from "./support/fixtures";
import { startTestGateway, testConfig, type TestGateway } from "./support/gateway";
import { StreamingReplica } from "./support/replica";

/**
 * GraphQL queries on a real streaming replica of the test database, with
 * read-your-writes through the consistency token. Where each query ran is
 * read from the gateway's metrics (nexus_graphql_queries_total by target).
 */

const CREATE = "mutation($name: String!) { createUserGroup(input: { userGroup: { name: $name } }) { userGroup { rowId } } }";
const READ = "query($name: String!) { userGroups(condition: { name: $name }) { nodes { rowId } } }";
const WAIT_MS = 3_000;

let replica: StreamingReplica;
let gateway: TestGateway;
let token: string;

beforeAll(async () => {
  const authenticatorPassword = decodeURIComponent(new URL(process.env.NEXUS_TEST_AUTHENTICATOR_URL!).password);
  replica = await StreamingReplica.create(process.env.NEXUS_TEST_ADMIN_URL!, authenticatorPassword);
  gateway = await startTestGateway({
    config: testConfig({ NEXUS_REPLICA_CHECK_MS: "50", NEXUS_REPLICA_WAIT_MS: String(WAIT_MS), NEXUS_REPLICA_MAX_LAG_MS: "60000" }),
    replicaUrls: [replica.authenticatorUrl],
  });
  const tenant = await createTenant("Replicas");
  token = (await signIn(gateway, tenant.admin.email)).accessToken;
  // A base backup, a second PostgreSQL and a gateway: slower than one test's default on a busy machine.
}, 150_000);

afterAll(async () => {
  await gateway?.close();
  await replica?.remove();
});

const replicaName = () => `127.0.0.1:${replica.port}`;

/** Queries run so far, by target. */
async function served(): Promise<Record<string, number>> {
  const metric = await gateway.gateway.metrics.registry.getSingleMetric("nexus_graphql_queries_total")!.get();
  return Object.fromEntries(metric.values.map((value) => [String(value.labels.target), value.value]));
}

/** Runs `work` and says where the queries it sent ran. */
async function targetsOf(work: () => Promise<unknown>): Promise<Record<string, number>> {
  const before = await served();
  await work();
  const after = await served();
  return Object.fromEntries(
    Object.entries(after).flatMap(([target, n]) => (n - (before[target] ?? 0) > 0 ? [[target, n - (before[target] ?? 0)]] : [])),
  );
}

async function healthy(): Promise<number | undefined> {
  const metric = await gateway.gateway.metrics.registry.getSingleMetric("nexus_replica_healthy")!.get();
  return metric.values.find((value) => value.labels.replica === replicaName())?.value;
}

async function until(what: string, condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function write(name: string): Promise<{ consistency: string; rowId: unknown }> {
  const reply = await gateway.graphql(CREATE, { token, variables: { name } });
  expect(reply.body.errors).toBeUndefined();
  const consistency = reply.headers.get("nexus-consistency");
  expect(consistency).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
  expect(reply.body.extensions?.consistency).toBe(consistency);
  return { consistency: consistency!, rowId: reply.body.data.createUserGroup.userGroup.rowId };
}

async function read(name: string, consistency?: string): Promise<unknown[]> {
  const reply = await gateway.graphql(READ, {
    token,
    variables: { name },
    headers: consistency ? { "nexus-consistency": consistency } : {},
  });
  expect(reply.body.errors).toBeUndefined();
  return reply.body.data.userGroups.nodes.map((node: { rowId: unknown }) => node.rowId);
}

describe("read replicas", () => {
  test("a read with the token of a write sees the new row, served by the replica", async () => {
    for (let i = 0; i < 5; i++) {
      const { consistency, rowId } = await write(`after write ${i}`);
      let rows: unknown[] = [];
      expect(await targetsOf(async () => (rows = await read(`after write ${i}`, consistency)))).toEqual({ [replicaName()]: 1 });
      expect(rows).toEqual([rowId]);
    }
  });

  test("while the replica has not replayed the write, the read waits for it (bounded), then reads there", async () => {
    await replica.pauseReplay();
    const { consistency, rowId } = await write("while paused");
    let rows: unknown[] = [];
    const targets = targetsOf(async () => (rows = await read("while paused", consistency)));
    await replica.resumeReplay();
    expect(await targets).toEqual({ [replicaName()]: 1 });
    expect(rows).toEqual([rowId]);
  });

  test("a replica that does not replay the write in time leaves the read to the primary", async () => {
    await replica.pauseReplay();
    try {
      const { consistency, rowId } = await write("never replayed in time");
      let rows: unknown[] = [];
      expect(await targetsOf(async () => (rows = await read("never replayed in time", consistency)))).toEqual({ primary: 1 });
      expect(rows).toEqual([rowId]);
    } finally {
      await replica.resumeReplay();
    }
  });

  test("the same read without the token is routed to the replica", async () => {
    expect(await targetsOf(() => read("x"))).toEqual({ [replicaName()]: 1 });
  });

  test("a token that is not one is refused with a code", async () => {
    const reply = await gateway.graphql(READ, { token, variables: { name: "x" }, headers: { "nexus-consistency": "yesterday" } });
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe("INVALID_CONSISTENCY_TOKEN");
  });

  test("a stopped replica: queries still succeed, on the primary; after its restart it is back in rotation", async () => {
    // A row of its own, on the replica before the stop, so the test stands alone in any order.
    const { consistency } = await write("before the stop");
    expect(await read("before the stop", consistency)).toHaveLength(1);
    await replica.stop();
    let stopped = true;
    try {
      // Whatever the monitor has noticed yet, every read answers.
      for (let i = 0; i < 5; i++) expect(await read("before the stop")).toHaveLength(1);
      await until("replica out of rotation", async () => (await healthy()) === 0);
      expect(await targetsOf(() => read("before the stop"))).toEqual({ primary: 1 });
      await replica.start();
      stopped = false;
      await until("replica back in rotation", async () => (await healthy()) === 1);
      expect(await targetsOf(() => read("before the stop"))).toEqual({ [replicaName()]: 1 });
    } finally {
      // A failure here must not leave the other tests without their replica.
      if (stopped) await replica.start();
    }
  });

  /** A fetch that keeps the consistency header each request sent and each answer carried. */
  function recordingFetch(): { fetch: typeof fetch; sent: Array<string | null>; received: Array<string | null> } {
    const sent: Array<string | null> = [];
    const received: Array<string | null> = [];
    return {
      sent,
      received,
      fetch: async (input, init) => {
        sent.push(new Headers(init?.headers).get("nexus-consistency"));
        const response = await fetch(input, init);
        received.push(response.headers.get("nexus-consistency"));
        return response;
      },
    };
  }

  test("the SDK sends the token of its last mutation with the next query, which reads the row on the replica", async () => {
    const recorded = recordingFetch();
    const nexus = createClient({ url: `${gateway.url}/graphql`, token, fetch: recorded.fetch });
    let groups: Array<{ name: string }> = [];
    const targets = await targetsOf(async () => {
      await nexus.request(CreateUserGroupDocument, { name: "through the sdk" });
      groups = ((await nexus.request(UserGroupsDocument)) as { userGroups: { nodes: Array<{ name: string }> } }).userGroups.nodes;
    });
    expect(recorded.sent[0]).toBeNull();
    expect(recorded.received[0]).toMatch(/\//);
    expect(recorded.sent[1]).toBe(recorded.received[0]);
    expect(groups.map((group) => group.name)).toContain("through the sdk");
    expect(targets).toEqual({ [replicaName()]: 1 });
  });

  test("the GraphiQL page's session sends the token of its last mutation with the next query", async () => {
    const recorded = recordingFetch();
    const session = new GatewaySession({ gatewayUrl: gateway.url, onChange: () => undefined, fetch: recorded.fetch });
    const tenant = await createTenant("ReplicasPage");
    await session.login(tenant.admin.email, PASSWORD);
    const ask = (query: string, variables: Record<string, unknown>) =>
      session.fetch(`${gateway.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query, variables }),
      });
    await (await ask(CREATE, { name: "from the page" })).json();
    const answer = (await (await ask(READ, { name: "from the page" })).json()) as { data: { userGroups: { nodes: unknown[] } } };
    await session.logout();
    // [login, mutation, query, logout]
    expect(recorded.received[1]).toMatch(/\//);
    expect(recorded.sent[2]).toBe(recorded.received[1]);
    expect(answer.data.userGroups.nodes).toHaveLength(1);
  });

  test("mutations run on the primary and say so nowhere else", async () => {
    expect(await targetsOf(() => write("a write"))).toEqual({});
  });
});
