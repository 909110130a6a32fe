/*
 * npm run bench [-- --duration 10 --warmup 3 --connections 16,64
 *                  --tenants 10 --assets-per-tenant 10000 --only list,point]
 *
 * Measures the production gateway (NODE_ENV=production, real access tokens,
 * row level security) against the baseline of bench/baseline.ts, on an
 * embedded PostgreSQL of its own (.nexus-bench/, kept between runs, the
 * bench data loaded or completed first). Everything listens on 127.0.0.1
 * only. Each scenario runs at every connection count, after a warm-up, with
 * autocannon in this process and each server in a process of its own.
 * Writes the Markdown table to bench/results/latest.md and prints it; any
 * error (connection error, timeout, non-2xx, GraphQL error) fails the run.
 * See bench/README.md.
 */
import { type ChildProcess, fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";

import autocannon from "autocannon";
import pg from "pg";

import { GATEWAY_NODE_FLAGS } from "../src/cli/runtime";
import { loadConfig } from "../src/config";
import { openDatabase } from "../src/db/database";
import { cpuSeconds } from "./cpu";
import { argCount, argValue, BENCH_PASSWORD, type BenchTenant, dataOptions, loadBenchData } from "./data";
import { normalise, PEER_GRAPHQL, type PeerKind } from "./peers";
import { countsByType, CREATE_ASSET, GRAPHQL, READ_SCENARIOS, type ReadScenario, SEARCH_FRAGMENTS } from "./scenarios";
import type { ServerKind } from "./server";

const RESULTS_FILE = path.join("bench", "results", "latest.md");
const SAMPLE_ASSETS_PER_TENANT = 200;
const CREATED_SERIAL_PREFIX = "BENCH-NEW-";

interface Options {
  duration: number;
  warmup: number;
  connections: number[];
  only: Set<string> | null;
  /** --cpu-prof <dir>: each server writes a V8 CPU profile, <kind>.cpuprofile, there when it stops. */
  profileDir: string | null;
  /** --peers postgraphile5,postgraphile4 (the default) or none: the peers measured beside the baseline. */
  peers: PeerKind[];
}

function options(argv: string[]): Options {
  const connections = argValue(argv, "connections", "16,64").split(",").map(Number);
  if (connections.some((n) => !Number.isInteger(n) || n < 1)) throw new Error("--connections must list positive integers");
  const only = argValue(argv, "only", "");
  return {
    duration: argCount(argv, "duration", 10),
    warmup: argCount(argv, "warmup", 3),
    connections,
    only: only ? new Set(only.split(",")) : null,
    profileDir: argValue(argv, "cpu-prof", "") ? path.resolve(argValue(argv, "cpu-prof", "")) : null,
    peers: peerKinds(argValue(argv, "peers", "postgraphile5,postgraphile4")),
  };
}

function peerKinds(list: string): PeerKind[] {
  if (list === "none") return [];
  const kinds = list.split(",");
  for (const kind of kinds)
    if (!(kind in PEER_GRAPHQL)) throw new Error(`--peers: unknown peer "${kind}" (postgraphile5, postgraphile4, none)`);
  return kinds as PeerKind[];
}

interface Target {
  kind: ServerKind;
  child: ChildProcess;
  url: string;
}

/**
 * A server in a process of its own. Its output (the gateway logs a JSON line
 * per request, as in production) goes to `<kind>.log` in the bench's data
 * directory, not to the bench's own output.
 */
function startServer(kind: ServerKind, env: NodeJS.ProcessEnv, logDir: string, profileDir: string | null): Promise<Target> {
  const log = fs.openSync(path.join(logDir, `${kind}.log`), "w");
  // The gateway's own Node flags, for the baseline too: both run as the gateway would.
  const execArgv = [
    ...GATEWAY_NODE_FLAGS,
    ...(profileDir ? ["--cpu-prof", "--cpu-prof-dir", profileDir, "--cpu-prof-name", `${kind}.cpuprofile`] : []),
  ];
  const child = fork(path.join(__dirname, "server.js"), [kind], { env, execArgv, stdio: ["ignore", log, log, "ipc"] });
  fs.closeSync(log);
  return new Promise((resolve, reject) => {
    child.once("message", (message: { port: number }) => resolve({ kind, child, url: `http://127.0.0.1:${message.port}` }));
    child.once("exit", (code) => reject(new Error(`the ${kind} server exited (${code}) before listening`)));
  });
}

function stopServer(target: Target): Promise<void> {
  if (target.child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => target.child.kill("SIGKILL"), 10_000);
    target.child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    target.child.kill("SIGTERM");
  });
}

/** One request autocannon sends: a variant is picked per request, round robin. */
interface Variant {
  method: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  body?: string;
}

interface Measured {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  /** The server process's CPU time (user + system) per response, in µs; null where /proc is not there. */
  cpuUs: number | null;
  /** PostgreSQL's time (planning and execution) per response, in µs, from pg_stat_statements; null without it. */
  dbUs: number | null;
}

/**
 * PostgreSQL's own time for what a server sent: pg_stat_statements is reset
 * before a measurement and summed after it, over the statements of every
 * role but the bench's own (planning included: the database is set to
 * track it). Null when the extension cannot be used, e.g. on a DATABASE_URL
 * whose server does not preload it.
 */
class StatementTime {
  private constructor(private readonly admin: pg.Client) {}

  static async open(adminUrl: string): Promise<StatementTime | null> {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query("create extension if not exists pg_stat_statements");
      await admin.query("select pg_stat_statements_reset()");
      const { rows } = await admin.query<{ name: string }>("select current_database() as name");
      // Applies to the servers' sessions, opened after this.
      await admin.query(`alter database ${admin.escapeIdentifier(rows[0]!.name)} set pg_stat_statements.track_planning = on`);
      return new StatementTime(admin);
    } catch (error) {
      process.stdout.write(`bench: no PostgreSQL time per request (pg_stat_statements: ${(error as Error).message})\n`);
      await admin.end();
      return null;
    }
  }

  async reset(): Promise<void> {
    await this.admin.query("select pg_stat_statements_reset()");
  }

  /** Milliseconds PostgreSQL spent on the servers' statements since the last reset. */
  async spentMs(): Promise<number> {
    const { rows } = await this.admin.query<{ ms: number | null }>(
      "select sum(total_exec_time + total_plan_time)::float8 as ms from pg_stat_statements where userid <> (select oid from pg_roles where rolname = current_user)",
    );
    return rows[0]?.ms ?? 0;
  }

  close(): Promise<void> {
    return this.admin.end();
  }
}

let statementTime: StatementTime | null = null;

/**
 * A load at `connections` for `seconds`. A response counts as an error
 * when it is not 2xx or, for GraphQL, when it carries `errors`.
 * `onBody` sees each response body with the connection's context (the
 * refresh scenario keeps each connection's current refresh token there).
 */
async function load(
  target: Target,
  connections: number,
  seconds: number,
  next: (context: Record<string, unknown>) => Variant,
  onBody?: (body: string, context: Record<string, unknown>) => void,
): Promise<Measured> {
  let bodyErrors = 0;
  await statementTime?.reset();
  const cpuBefore = cpuSeconds(target.child.pid);
  const result = await autocannon({
    url: target.url,
    connections,
    duration: seconds,
    timeout: 10,
    requests: [
      {
        setupRequest: (request, context) => ({ ...request, ...next(context as Record<string, unknown>) }),
        onResponse: (status, body, context) => {
          if (status >= 200 && status < 300 && body.includes('"errors":')) bodyErrors++;
          else if (status >= 200 && status < 300) onBody?.(body, context as Record<string, unknown>);
        },
      },
    ],
  });
  const cpuAfter = cpuSeconds(target.child.pid);
  const responses = result.requests.total;
  const cpuUs = cpuBefore !== null && cpuAfter !== null && responses > 0 ? ((cpuAfter - cpuBefore) * 1e6) / responses : null;
  const dbUs = statementTime && responses > 0 ? ((await statementTime.spentMs()) * 1000) / responses : null;
  const failed = result.errors + result.timeouts + result.non2xx + bodyErrors;
  if (failed > 0 && bodyErrors > 0) process.stderr.write(`  ${bodyErrors} responses with GraphQL errors\n`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: failed, cpuUs, dbUs };
}

function roundRobin(variants: Variant[]): () => Variant {
  let i = 0;
  return () => variants[i++ % variants.length]!;
}

const json = (token: string | null): Record<string, string> => ({
  "content-type": "application/json",
  accept: "application/json",
  ...(token ? { authorization: `Bearer ${token}` } : {}),
});

interface Session {
  tenant: BenchTenant;
  accessToken: string;
  refreshToken: string;
}

async function signIn(gatewayUrl: string, tenant: BenchTenant): Promise<Session> {
  const response = await fetch(`${gatewayUrl}/auth/login`, {
    method: "POST",
    headers: json(null),
    body: JSON.stringify({ email: tenant.adminEmail, password: BENCH_PASSWORD }),
  });
  const body = (await response.json()) as { accessToken: string; refreshToken: string };
  if (response.status !== 200) throw new Error(`sign-in of ${tenant.adminEmail} failed: ${response.status} ${JSON.stringify(body)}`);
  return { tenant, accessToken: body.accessToken, refreshToken: body.refreshToken };
}

/** Per tenant: the parameters the scenarios pick from. */
interface TenantParams {
  session: Session;
  assetIds: string[];
  manufacturerIds: string[];
  modelIds: string[];
}

async function tenantParams(adminUrl: string, sessions: Session[]): Promise<TenantParams[]> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const params: TenantParams[] = [];
    for (const session of sessions) {
      const ids = async (sql: string) => (await admin.query<{ id: string }>(sql, [session.tenant.tenantId])).rows.map((row) => row.id);
      params.push({
        session,
        assetIds: await ids(`select id from assets.assets where tenant_id = $1 order by md5(id::text) limit ${SAMPLE_ASSETS_PER_TENANT}`),
        manufacturerIds: await ids("select id from assets.asset_manufacturers where tenant_id = $1 order by name"),
        modelIds: await ids("select id from assets.asset_models where tenant_id = $1 order by name"),
      });
    }
    return params;
  } finally {
    await admin.end();
  }
}

/** The parameter of a read scenario's request: an asset, a manufacturer, or none. */
function scenarioParams(scenario: ReadScenario, tenant: TenantParams): Array<string | null> {
  if (scenario === "point") return tenant.assetIds;
  if (scenario === "aggregate") return tenant.manufacturerIds;
  if (scenario === "search") return SEARCH_FRAGMENTS;
  return [null];
}

type MakeVariant = (scenario: ReadScenario, token: string, param: string | null) => Variant;

function gatewayVariant(scenario: ReadScenario, token: string, param: string | null): Variant {
  return graphqlVariant(GRAPHQL[scenario], scenario, token, param);
}

/** A peer's request: its own operation for the scenario (bench/peers.ts), the gateway's variables. */
const peerVariant =
  (kind: PeerKind): MakeVariant =>
  (scenario, token, param) =>
    graphqlVariant(PEER_GRAPHQL[kind][scenario]!, scenario, token, param);

function graphqlVariant(query: string, scenario: ReadScenario, token: string, param: string | null): Variant {
  const variables =
    scenario === "point"
      ? { id: param }
      : scenario === "aggregate"
        ? { manufacturer: param }
        : scenario === "search"
          ? { text: param }
          : undefined;
  return { method: "POST", path: "/graphql", headers: json(token), body: JSON.stringify({ query, variables }) };
}

function baselineVariant(scenario: ReadScenario, token: string, param: string | null): Variant {
  return { method: "GET", path: param === null ? `/${scenario}` : `/${scenario}?id=${encodeURIComponent(param)}`, headers: json(token) };
}

function variants(scenario: ReadScenario, tenants: TenantParams[], make: MakeVariant): Variant[] {
  const all: Variant[] = [];
  const lists = tenants.map((tenant) => scenarioParams(scenario, tenant));
  const longest = Math.max(...lists.map((list) => list.length));
  // Interleaved, so consecutive requests come from different tenants.
  for (let i = 0; i < longest; i++) {
    tenants.forEach((tenant, t) => {
      const list = lists[t]!;
      all.push(make(scenario, tenant.session.accessToken, list[i % list.length]!));
    });
  }
  return all;
}

async function send(base: string, variant: Variant): Promise<unknown> {
  const response = await fetch(`${base}${variant.path}`, { method: variant.method, headers: variant.headers, body: variant.body ?? null });
  const body = await response.json();
  if (response.status !== 200) throw new Error(`${variant.method} ${variant.path}: ${response.status} ${JSON.stringify(body)}`);
  return body;
}

/** A server the gateway is measured against, and how it asks each scenario. */
interface Reference {
  target: Target;
  name: string;
  make: MakeVariant;
  /** Whether it can ask the scenario at all (the peers have no search). */
  asks: (scenario: ReadScenario) => boolean;
  /** Its answer with the gateway's field names. */
  normalise: (answer: unknown) => unknown;
}

/** Before any load: the gateway and the reference give the same answers. */
async function checkSameAnswers(gateway: string, reference: Reference, tenants: TenantParams[]): Promise<void> {
  for (const scenario of READ_SCENARIOS.filter(reference.asks)) {
    const fromGateway = variants(scenario, tenants, gatewayVariant).slice(0, 10);
    const fromReference = variants(scenario, tenants, reference.make).slice(0, 10);
    for (let i = 0; i < fromGateway.length; i++) {
      let a = await send(gateway, fromGateway[i]!);
      let b = reference.normalise(await send(reference.target.url, fromReference[i]!));
      if (scenario === "aggregate") [a, b] = [countsByType(a as never), countsByType(b as never)];
      if (!isDeepStrictEqual(a, b)) {
        throw new Error(`${scenario}: the gateway and ${reference.name} disagree:\n${JSON.stringify(a)}\n${JSON.stringify(b)}`);
      }
    }
  }
}

interface Row {
  scenario: string;
  connections: number;
  gateway: Measured;
  reference: Measured | null;
  /** What the reference is: the baseline, or the gateway without the revocation check. */
  referenceName: string;
}

const fmt = (n: number, digits = 0) => n.toFixed(digits);

function table(rows: Row[], setup: string): string {
  const lines = [
    `# Nexus Gateway bench: latest run`,
    "",
    setup,
    "",
    "| scenario | conns | gateway req/s | p50 ms | p99 ms | errors | CPU µs/req | PG µs/req | reference | ref req/s | ref p50 | ref p99 | ref errors | ref CPU µs/req | ref PG µs/req | req/s ratio | p99 ratio |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  const us = (value: number | null) => (value === null ? "–" : fmt(value));
  for (const { scenario, connections, gateway: g, reference: r, referenceName } of rows) {
    const ref = r
      ? [
          referenceName,
          fmt(r.rps),
          fmt(r.p50),
          fmt(r.p99),
          String(r.errors),
          us(r.cpuUs),
          us(r.dbUs),
          fmt(g.rps / r.rps, 2),
          fmt(g.p99 / Math.max(r.p99, 1), 2),
        ]
      : ["–", "", "", "", "", "", "", "", ""];
    lines.push(
      `| ${scenario} | ${connections} | ${fmt(g.rps)} | ${fmt(g.p50)} | ${fmt(g.p99)} | ${g.errors} | ${us(g.cpuUs)} | ${us(g.dbUs)} | ${ref.join(" | ")} |`,
    );
  }
  return lines.join("\n") + "\n";
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const opts = options(argv);
  const data = dataOptions(argv);
  const runs = (name: string) => !opts.only || opts.only.has(name);
  const config = loadConfig({
    ...process.env,
    NODE_ENV: "development",
    NEXUS_DATA_DIR: argValue(argv, "data-dir", ".nexus-bench"),
    NEXUS_DEMO: "0",
  });
  process.stdout.write(`bench: database in ${config.dataDir}; data ${data.tenants} tenants x ${data.assets} assets\n`);
  const database = await openDatabase(config);
  const targets: Target[] = [];
  let failed = false;
  try {
    const tenants = await loadBenchData(database, data);
    statementTime = await StatementTime.open(database.adminUrl);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      GRAPHILE_ENV: "production",
      JWT_SECRET: randomBytes(48).toString("base64"),
      JWT_ACCESS_TTL_SECONDS: "3600",
      // Every sign-in of the login scenario comes from 127.0.0.1.
      NEXUS_LOGIN_RATE_PER_IP: "10000",
      NEXUS_LOGIN_RATE_PER_ACCOUNT: "10000",
      NEXUS_BENCH_AUTHENTICATOR_URL: database.authenticatorUrl,
    };
    const [gateway, noRevocation, baseline, preparedBaseline, ...peerTargets] = await Promise.all(
      (["gateway", "gateway-no-revocation", "baseline", "baseline-prepared", ...opts.peers] as const).map(async (kind) => {
        const target = await startServer(kind, env, config.dataDir, opts.profileDir);
        targets.push(target);
        return target;
      }),
    );
    // Only for the workers scenario: the same gateway as two workers of one port.
    const twoWorkers = runs("workers") ? await startServer("gateway-2-workers", env, config.dataDir, opts.profileDir) : null;
    if (twoWorkers) targets.push(twoWorkers);
    const sessions = await Promise.all(tenants.map((tenant) => signIn(gateway!.url, tenant)));
    const params = await tenantParams(database.adminUrl, sessions);
    const same = { make: baselineVariant, asks: () => true, normalise: (answer: unknown) => answer };
    const references: Reference[] = [
      { target: baseline!, name: "baseline", ...same },
      { target: preparedBaseline!, name: "baseline, prepared", ...same },
      ...peerTargets.map((target, i) => {
        const kind = opts.peers[i]!;
        return {
          target,
          name: kind === "postgraphile5" ? "PostGraphile 5 (stock)" : "PostGraphile 4.14",
          make: peerVariant(kind),
          asks: (scenario: ReadScenario) => PEER_GRAPHQL[kind][scenario] !== null,
          normalise: (answer: unknown) => normalise(kind, answer),
        };
      }),
    ];
    for (const reference of references) await checkSameAnswers(gateway!.url, reference, params);

    const rows: Row[] = [];
    type Next = (context: Record<string, unknown>) => Variant;
    const measure = async (target: Target, connections: number, next: Next, onBody?: Parameters<typeof load>[4]) => {
      await load(target, connections, opts.warmup, next, onBody);
      return load(target, connections, opts.duration, next, onBody);
    };
    /**
     * Two servers under the same load, in A B B A order (each half of the
     * duration at a time), so that a change in what else the machine is
     * doing weighs on both alike. Rates are averaged; so are p50 and p99
     * of the two halves (an approximation of the whole run's percentiles).
     */
    const compare = async (connections: number, ...servers: Array<{ target: Target; next: Next }>): Promise<Measured[]> => {
      for (const { target, next } of servers) await load(target, connections, opts.warmup, next);
      const half = Math.max(1, Math.round(opts.duration / 2));
      const first: Measured[] = [];
      for (const { target, next } of servers) first.push(await load(target, connections, half, next));
      const second: Measured[] = [];
      for (const { target, next } of [...servers].reverse()) second.unshift(await load(target, connections, half, next));
      const mean = (x: Measured, y: Measured): Measured => ({
        rps: (x.rps + y.rps) / 2,
        p50: (x.p50 + y.p50) / 2,
        p99: (x.p99 + y.p99) / 2,
        errors: x.errors + y.errors,
        cpuUs: x.cpuUs !== null && y.cpuUs !== null ? (x.cpuUs + y.cpuUs) / 2 : null,
        dbUs: x.dbUs !== null && y.dbUs !== null ? (x.dbUs + y.dbUs) / 2 : null,
      });
      return first.map((measured, i) => mean(measured, second[i]!));
    };
    const report = (row: Row) => {
      rows.push(row);
      const ratio = row.reference ? ` (${fmt(row.gateway.rps / row.reference.rps, 2)}x ${row.referenceName})` : "";
      const cpu = (m: Measured) =>
        (m.cpuUs === null ? "" : `, ${fmt(m.cpuUs)} µs CPU/req`) + (m.dbUs === null ? "" : `, ${fmt(m.dbUs)} µs PG/req`);
      const refCpu = row.reference?.cpuUs == null ? "" : ` (${row.referenceName}${cpu(row.reference)})`;
      process.stdout.write(
        `  ${row.scenario} @${row.connections}: ${fmt(row.gateway.rps)} req/s, p99 ${fmt(row.gateway.p99)} ms, ${row.gateway.errors} errors${cpu(row.gateway)}${ratio}${refCpu}\n`,
      );
    };

    // First, while both gateways are equally fresh: the one that served
    // every other scenario before would otherwise be the better warmed up.
    if (runs("revocation")) {
      for (const connections of opts.connections) {
        const point = roundRobin(variants("point", params, gatewayVariant));
        const [on, off] = await compare(connections, { target: gateway!, next: point }, { target: noRevocation!, next: point });
        report({ scenario: "point, revocation check on", connections, gateway: on, reference: off, referenceName: "check off" });
      }
    }
    // 1 worker against 2 (NEXUS_WORKERS=2), the load generator in this process.
    if (twoWorkers) {
      for (const scenario of ["point", "list"] as const) {
        for (const connections of opts.connections) {
          const next = roundRobin(variants(scenario, params, gatewayVariant));
          const [two, one] = await compare(connections, { target: twoWorkers, next }, { target: gateway!, next });
          report({ scenario: `${scenario}, 2 workers`, connections, gateway: two!, reference: one!, referenceName: "1 worker" });
        }
      }
    }
    // Every server in each round, in order and then in reverse (A B C … C B A):
    // the gateway, the baseline, the prepared baseline (the practical limit), the peers.
    for (const scenario of READ_SCENARIOS) {
      if (!runs(scenario)) continue;
      const asking = references.filter((reference) => reference.asks(scenario));
      for (const connections of opts.connections) {
        const [g, ...measured] = await compare(
          connections,
          { target: gateway!, next: roundRobin(variants(scenario, params, gatewayVariant)) },
          ...asking.map((reference) => ({ target: reference.target, next: roundRobin(variants(scenario, params, reference.make)) })),
        );
        measured.forEach((m, i) => report({ scenario, connections, gateway: g!, reference: m, referenceName: asking[i]!.name }));
      }
    }
    if (runs("create")) {
      let serial = 0;
      const models = params.flatMap((tenant) => tenant.modelIds.map((modelId) => ({ token: tenant.session.accessToken, modelId })));
      const next = (): Variant => {
        const { token, modelId } = models[serial % models.length]!;
        const input = {
          asset: { name: `zz bench created ${serial}`, serialNumber: `${CREATED_SERIAL_PREFIX}${Date.now()}-${serial++}`, modelId },
        };
        return {
          method: "POST",
          path: "/graphql",
          headers: json(token),
          body: JSON.stringify({ query: CREATE_ASSET, variables: { input } }),
        };
      };
      for (const connections of opts.connections)
        report({
          scenario: "create",
          connections,
          gateway: await measure(gateway!, connections, next),
          reference: null,
          referenceName: "",
        });
    }
    if (runs("login")) {
      const bodies = tenants.map((tenant) => JSON.stringify({ email: tenant.adminEmail, password: BENCH_PASSWORD }));
      const next = roundRobin(bodies.map((body) => ({ method: "POST", path: "/auth/login", headers: json(null), body })));
      for (const connections of opts.connections)
        report({ scenario: "login", connections, gateway: await measure(gateway!, connections, next), reference: null, referenceName: "" });
    }
    if (runs("refresh")) {
      // A refresh token rotates on every use: each connection keeps the
      // current token of a session of its own.
      const most = Math.max(...opts.connections);
      const refreshSessions = await Promise.all(Array.from({ length: most }, (_, i) => signIn(gateway!.url, tenants[i % tenants.length]!)));
      const tokens = refreshSessions.map((session) => session.refreshToken);
      let claimed = 0;
      const next = (context: Record<string, unknown>): Variant => {
        if (context.slot === undefined) context.slot = claimed++ % tokens.length;
        return {
          method: "POST",
          path: "/auth/refresh",
          headers: json(null),
          body: JSON.stringify({ refreshToken: tokens[context.slot as number] }),
        };
      };
      const onBody = (body: string, context: Record<string, unknown>) => {
        tokens[context.slot as number] = (JSON.parse(body) as { refreshToken: string }).refreshToken;
      };
      for (const connections of opts.connections) {
        claimed = 0;
        report({
          scenario: "refresh",
          connections,
          gateway: await measure(gateway!, connections, next, onBody),
          reference: null,
          referenceName: "",
        });
      }
    }

    const setup =
      `${new Date().toISOString()}; ${data.tenants} tenants x ${data.assets} assets; ${opts.duration} s per measurement after ${opts.warmup} s of warm-up (every server in each round, in order and then in reverse); ` +
      `autocannon, gateway and baseline in separate processes on one machine (Node ${process.version}).`;
    const markdown = table(rows, setup);
    fs.mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
    fs.writeFileSync(RESULTS_FILE, markdown);
    process.stdout.write(`\n${markdown}`);
    const errors = rows.reduce((sum, row) => sum + row.gateway.errors + (row.reference?.errors ?? 0), 0);
    if (errors > 0) {
      process.stderr.write(`bench: ${errors} errors: the run fails\n`);
      failed = true;
    }
  } finally {
    await Promise.all(targets.map(stopServer));
    await statementTime?.close();
    await removeCreatedAssets(database.adminUrl).catch(() => undefined);
    await database.close();
  }
  if (failed) process.exitCode = 1;
}

/** The create scenario's assets, so that the next run measures the same data. */
async function removeCreatedAssets(adminUrl: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query("delete from assets.assets where serial_number like $1", [`${CREATED_SERIAL_PREFIX}%`]);
  } finally {
    await admin.end();
  }
}

main().catch((error) => {
  process.stderr.write(`bench: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
