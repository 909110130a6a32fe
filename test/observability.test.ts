import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { Writable } from "node:stream";

import { GraphQLError } from "postgraphile/graphql";

import { makeMaskError } from "../src/graphql/errors";
import { createLogger } from "../src/observability/logger";
import { GatewayMetrics, MAX_ERROR_CODES, MAX_OPERATION_NAMES } from "../src/observability/metrics";
import { createTenant, PASSWORD, signIn, type TenantFixture } from "./support/fixtures";
import { startTestGateway, testConfig, type TestGateway } from "./support/gateway";

/** Every JSON line the gateway logs, parsed. */
function captureLogs() {
  const lines: Record<string, any>[] = [];
  let raw = "";
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      raw += chunk.toString();
      for (const line of chunk.toString().split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, raw: () => raw, logger: createLogger({ level: "info", pretty: false }, stream) };
}

describe("structured request logs", () => {
  const logs = captureLogs();
  let gateway: TestGateway;
  let tenant: TenantFixture;
  beforeAll(async () => {
    tenant = await createTenant("Logs");
    gateway = await startTestGateway({ logger: logs.logger });
  });
  afterAll(() => gateway.close());

  test("a request's line carries its id (also in X-Request-Id), the user and the tenant, and never the token or password", async () => {
    const session = await signIn(gateway, tenant.admin.email);
    const reply = await gateway.graphql("query Me { __typename }", {
      token: session.accessToken,
      headers: { "x-request-id": "trace-0123456789" },
    });
    expect(reply.headers.get("x-request-id")).toBe("trace-0123456789");
    const line = logs.lines.find((entry) => entry.requestId === "trace-0123456789");
    expect(line).toMatchObject({
      req: { method: "POST", path: "/graphql" },
      res: { statusCode: 200 },
      userId: tenant.admin.userId,
      tenantId: tenant.tenantId,
    });
    expect(typeof line!.durationMs).toBe("number");
    for (const secret of [session.accessToken, session.refreshToken, PASSWORD]) expect(logs.raw()).not.toContain(secret);
  });

  test("a GraphQL request's line names its operation and the error codes of its answer (which came with 200)", async () => {
    const session = await signIn(gateway, tenant.admin.email);
    const headers = { "x-request-id": "trace-too-large-0001" };
    const reply = await gateway.graphql("query TooLarge { users(first: 100000) { nodes { id } } }", {
      token: session.accessToken,
      headers,
    });
    expect(reply.body.errors[0].extensions.code).toBe("PAGE_TOO_LARGE");
    expect(logs.lines.find((entry) => entry.requestId === headers["x-request-id"])).toMatchObject({
      operation: "TooLarge",
      errorCodes: ["PAGE_TOO_LARGE"],
      msg: `POST /graphql ${reply.status}`,
    });
    await gateway.graphql("query Fine { __typename }", { headers: { "x-request-id": "trace-fine-00000001" } });
    const fine = logs.lines.find((entry) => entry.requestId === "trace-fine-00000001");
    expect(fine).toMatchObject({ operation: "Fine" });
    expect(fine).not.toHaveProperty("errorCodes");
  });

  test("a refused CORS request logs the origin and the reason", async () => {
    const origin = "https://not-listed.example";
    const reply = await fetch(`${gateway.url}/auth/login`, {
      method: "OPTIONS",
      headers: { origin, "access-control-request-method": "POST" },
    });
    expect(reply.status).toBe(403);
    const refusal = logs.lines.find((entry) => entry.origin === origin);
    expect(refusal).toMatchObject({
      level: 40,
      msg: `CORS preflight refused for ${origin}`,
      reason: expect.stringContaining("NEXUS_CORS_ORIGINS"),
    });
    expect(logs.lines.find((entry) => entry.requestId === refusal!.requestId && entry.res)).toMatchObject({
      errorCodes: ["ORIGIN_NOT_ALLOWED"],
    });
  });

  test("an unusable incoming request id is replaced by a generated one", async () => {
    const reply = await gateway.get("/health", { headers: { "x-request-id": "bad id with spaces" } });
    const id = reply.headers.get("x-request-id")!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(logs.lines.some((entry) => entry.requestId === id && entry.req.path === "/health")).toBe(true);
  });

  test("an unexpected GraphQL error is one error line with the id the client gets", () => {
    const { lines, logger } = captureLogs();
    const masked = makeMaskError({ hideSuggestions: true, logger })(
      new GraphQLError("boom", { originalError: new Error("connection lost"), path: ["users"] }),
    );
    expect(masked.message).toMatch(/^An error occurred \(logged with hash: '[^']+', id: '[^']+'\)$/);
    expect(lines).toEqual([
      expect.objectContaining({
        level: 50,
        msg: "masked GraphQL error",
        errorId: masked.extensions.errorId,
        path: ["users"],
        err: expect.objectContaining({ message: "connection lost" }),
      }),
    ]);
  });

  test("headers that could sign someone in are redacted", () => {
    const { raw, logger } = captureLogs();
    logger.info(
      { req: { headers: { authorization: "Bearer abc.def.ghi", cookie: "nexus_refresh=nxr_x" } }, password: "hunter2hunter2" },
      "probe",
    );
    expect(raw()).not.toMatch(/abc\.def\.ghi|nxr_x|hunter2/);
    expect(raw()).toContain("[redacted]");
  });
});

describe("/metrics", () => {
  let gateway: TestGateway;
  let tenant: TenantFixture;
  beforeAll(async () => {
    tenant = await createTenant("Metrics");
    // Its own: the counts must be of this test's requests only (the shared gateway counts every file's).
    gateway = await startTestGateway({ own: true });
  });
  afterAll(() => gateway.close());

  const scrape = async (target: TestGateway, token?: string) => target.get("/metrics", token ? { token } : {});

  test("counts GraphQL requests and latency by operation name, pools, auth failures and revocations", async () => {
    const session = await signIn(gateway, tenant.admin.email);
    await gateway.graphql("query MetricsProbe { __typename }", { token: session.accessToken });
    await gateway.graphql("{ __typename }");
    await gateway.post("/graphql", { documentId: "sha256:0000" });
    await gateway.post("/auth/login", { email: tenant.admin.email, password: "wrong password" });
    await gateway.post("/auth/logout", {}, { token: session.accessToken });
    const { status, body, headers } = await scrape(gateway);
    expect(status).toBe(200);
    expect(headers.get("content-type")).toContain("text/plain");
    expect(body).toMatch(/nexus_graphql_requests_total\{operation="MetricsProbe",status="200",code="ok"\} 1/);
    expect(body).toMatch(/nexus_graphql_requests_total\{operation="anonymous",status="200",code="ok"\} 1/);
    expect(body).toMatch(/nexus_graphql_requests_total\{operation="persisted",status="\d+",code="[A-Za-z_]+"\} 1/);
    expect(body).toMatch(/nexus_graphql_request_duration_seconds_bucket\{le="[^"]+",operation="MetricsProbe"\}/);
    expect(body).toMatch(/nexus_db_pool_connections_total\{pool="graphql"\} \d+/);
    expect(body).toMatch(/nexus_db_pool_waiting_requests\{pool="auth"\} 0/);
    expect(body).toMatch(/nexus_auth_failures_total\{reason="INVALID_CREDENTIALS"\} 1/);
    expect(body).toMatch(/nexus_revocations_total\{kind="session"\} [1-9]/);
  });

  // On metrics of their own: a flooded gateway would count every later name and code as other, whatever order the tests run in.
  test("operation names and error codes are capped: past the cap they count as other", () => {
    const metrics = new GatewayMetrics({});
    for (let i = 0; i < MAX_OPERATION_NAMES; i++) metrics.operationLabel(`Flood${i}`);
    expect(metrics.operationLabel("OneTooMany")).toBe("other");
    expect(metrics.operationLabel("Flood0")).toBe("Flood0");
    for (let i = 0; i < MAX_ERROR_CODES; i++) metrics.codeLabel([`FLOOD_${i}`]);
    expect(metrics.codeLabel(["ONE_TOO_MANY"])).toBe("other");
    expect(metrics.codeLabel(["FLOOD_0", "OTHER"])).toBe("FLOOD_0");
    expect(metrics.codeLabel([])).toBe("ok");
  });

  test("a failed operation counts by the first error's code, under 200 too", async () => {
    const session = await signIn(gateway, tenant.admin.email);
    await gateway.graphql("query TooLarge { users(first: 100000) { nodes { id } } }", { token: session.accessToken });
    await gateway.graphql("query Misspelt { nosuchField }");
    const { body } = await scrape(gateway);
    expect(body).toMatch(/nexus_graphql_requests_total\{operation="TooLarge",status="200",code="PAGE_TOO_LARGE"\} 1/);
    expect(body).toMatch(/nexus_graphql_requests_total\{operation="Misspelt",status="\d+",code="GRAPHQL_VALIDATION_FAILED"\} 1/);
  });

  test("every metric the example alert rules and Grafana dashboard use is one the gateway serves", async () => {
    const { body } = await scrape(gateway);
    const served = new Set([...body.matchAll(/^# TYPE (\S+) /gm)].map((match) => match[1]));
    for (const file of ["alerts.yml", "grafana-dashboard.json"]) {
      const text = readFileSync(path.join(__dirname, "..", "docs", "monitoring", file), "utf8");
      const used = new Set([...text.matchAll(/\bnexus_[a-z0-9_]+/g)].map((match) => match[0].replace(/_(bucket|sum|count)$/, "")));
      expect(used.size).toBeGreaterThan(4);
      expect([...used].filter((name) => !served.has(name))).toEqual([]);
    }
  });

  test("with NEXUS_METRICS_TOKEN, /metrics needs it", async () => {
    const token = "a-metrics-token-of-some-length";
    const guarded = await startTestGateway({ config: testConfig({ NEXUS_METRICS_TOKEN: token }) });
    try {
      expect((await scrape(guarded)).status).toBe(401);
      expect((await scrape(guarded, "wrong-token-of-some-length")).status).toBe(401);
      expect((await scrape(guarded, token)).status).toBe(200);
    } finally {
      await guarded.close();
    }
  });

  test("with NEXUS_METRICS_PORT, /metrics is served there and not on the public port", async () => {
    const separate = await startTestGateway({ config: testConfig({ NEXUS_METRICS_PORT: "0" }) });
    const server = separate.gateway.metricsServer!;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      expect((await scrape(separate)).status).toBe(404);
      const own = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`);
      expect(own.status).toBe(200);
      expect(await own.text()).toContain("nexus_graphql_requests_total");
    } finally {
      await separate.close();
    }
  });

  test("production without a metrics port or token serves no metrics on the public port (nor, without GraphiQL, the schema event stream)", async () => {
    const production = await startTestGateway({
      config: testConfig({ NODE_ENV: "production", JWT_SECRET: "x".repeat(48), NEXUS_SCHEMA_RELOAD: "1" }),
    });
    try {
      expect((await scrape(production)).status).toBe(404);
      expect((await production.get("/graphql/stream", { headers: { accept: "text/event-stream" } })).status).toBe(404);
    } finally {
      await production.close();
    }
  });
});
