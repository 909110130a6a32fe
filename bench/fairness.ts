/*
 * npm run bench:fairness [-- --duration 10 --flood 64 --lookups 4 --shares 10,4,20 --assets-per-tenant 5000]
 *
 * The noisy neighbour: tenant A floods heavy aggregates (the bench's
 * count-by-type query) at --flood connections while tenant B runs point
 * lookups at --lookups connections. Reports B's p99 alone and beside the
 * flood, for the gateway as configured (NEXUS_TENANT_MAX_CONNECTIONS at its
 * default, half the pool), with each other share of --shares (4 by default)
 * and with the fair share off (a tenant may hold the whole pool), in one
 * run. Budgets are off in all: this measures the scheduler, not refusals.
 * On an embedded PostgreSQL of its own (.nexus-bench-fairness/, kept
 * between runs), 127.0.0.1 only; the gateway in a process of its own.
 * Writes bench/results/fairness.md and prints it.
 */
import { type ChildProcess, fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import autocannon from "autocannon";
import pg from "pg";

import { GATEWAY_NODE_FLAGS } from "../src/cli/runtime";
import { loadConfig } from "../src/config";
import { openDatabase } from "../src/db/database";
import { argCount, argValue, BENCH_PASSWORD, type BenchTenant, loadBenchData } from "./data";
import { GRAPHQL } from "./scenarios";

const RESULTS_FILE = path.join("bench", "results", "fairness.md");
const POOL_MAX = 20;

interface Server {
  child: ChildProcess;
  url: string;
}

function startGateway(env: NodeJS.ProcessEnv, logFile: string): Promise<Server> {
  const log = fs.openSync(logFile, "w");
  const child = fork(path.join(__dirname, "server.js"), ["gateway"], {
    env,
    execArgv: [...GATEWAY_NODE_FLAGS],
    stdio: ["ignore", log, log, "ipc"],
  });
  fs.closeSync(log);
  return new Promise((resolve, reject) => {
    child.once("message", (message: { port: number }) => resolve({ child, url: `http://127.0.0.1:${message.port}` }));
    child.once("exit", (code) => reject(new Error(`the gateway exited (${code}) before listening; see ${logFile}`)));
  });
}

async function stop(server: Server): Promise<void> {
  if (server.child.exitCode !== null) return;
  const exited = new Promise((resolve) => server.child.once("exit", resolve));
  server.child.kill("SIGTERM");
  await exited;
}

async function signIn(url: string, tenant: BenchTenant): Promise<string> {
  const response = await fetch(`${url}/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: tenant.adminEmail, password: BENCH_PASSWORD }),
  });
  const body = (await response.json()) as { accessToken: string };
  if (response.status !== 200) throw new Error(`sign-in of ${tenant.adminEmail} failed: ${response.status}`);
  return body.accessToken;
}

interface Measured {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

/** One autocannon run cycling through `bodies` as `token`. */
async function run(url: string, connections: number, seconds: number, token: string, bodies: string[]): Promise<Measured> {
  let i = 0;
  let bodyErrors = 0;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    timeout: 30,
    requests: [
      {
        method: "POST",
        path: "/graphql",
        setupRequest: (request) => ({
          ...request,
          headers: { "content-type": "application/json", accept: "application/json", authorization: `Bearer ${token}` },
          body: bodies[i++ % bodies.length]!,
        }),
        onResponse: (status, body) => {
          if (status === 200 && body.includes('"errors":')) bodyErrors++;
        },
      },
    ],
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx + bodyErrors,
  };
}

async function ids(adminUrl: string, sql: string, tenantId: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return (await client.query<{ id: string }>(sql, [tenantId])).rows.map((row) => row.id);
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const seconds = argCount(argv, "duration", 10);
  const flood = argCount(argv, "flood", 64);
  const lookups = argCount(argv, "lookups", 4);
  const shares = argValue(argv, "shares", `${Math.ceil(POOL_MAX / 2)},4,${POOL_MAX}`)
    .split(",")
    .map((share) => {
      const n = Number(share);
      if (!Number.isInteger(n) || n < 1 || n > POOL_MAX) throw new Error(`--shares: ${share} is not a whole number from 1 to ${POOL_MAX}`);
      return n;
    });
  const config = loadConfig({
    ...process.env,
    NODE_ENV: "development",
    NEXUS_DATA_DIR: argValue(argv, "data-dir", ".nexus-bench-fairness"),
    NEXUS_DEMO: "0",
  });
  const database = await openDatabase(config);
  const servers: Server[] = [];
  try {
    const [noisy, quiet] = (await loadBenchData(database, {
      tenants: 2,
      assets: argCount(argv, "assets-per-tenant", 5_000),
      seed: "nexus",
    })) as [BenchTenant, BenchTenant];
    const assetIds = await ids(
      database.adminUrl,
      "select id from assets.assets where tenant_id = $1 order by md5(id::text) limit 500",
      quiet.tenantId,
    );
    const manufacturers = await ids(database.adminUrl, "select id from assets.asset_manufacturers where tenant_id = $1", noisy.tenantId);
    const lookupBodies = assetIds.map((id) => JSON.stringify({ query: GRAPHQL.point, variables: { id } }));
    const aggregateBodies = manufacturers.map((manufacturer) => JSON.stringify({ query: GRAPHQL.aggregate, variables: { manufacturer } }));
    const baseEnv: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      GRAPHILE_ENV: "production",
      NEXUS_LOG_LEVEL: "warn",
      JWT_SECRET: randomBytes(48).toString("base64"),
      JWT_ACCESS_TTL_SECONDS: "3600",
      NEXUS_DB_POOL_MAX: String(POOL_MAX),
      // A flood of 64 waits longer than the default 5 s for its turn: measured here, not refused.
      NEXUS_DB_CONNECT_TIMEOUT_MS: "60000",
      NEXUS_TENANT_QUEUE_MAX: "1000",
      NEXUS_TENANT_REQUESTS_PER_MINUTE: "0",
      NEXUS_TENANT_COST_PER_MINUTE: "0",
      NEXUS_BENCH_AUTHENTICATOR_URL: database.authenticatorUrl,
    };
    // Each share a gateway of its own: the default (half the pool), the pool (no fair share), and any other --shares.
    const variants: Array<[string, NodeJS.ProcessEnv]> = shares.map((share) => [
      share === POOL_MAX
        ? `fair share off (a tenant may hold all ${POOL_MAX})`
        : `fair share (at most ${share} of ${POOL_MAX} connections per tenant${share === Math.ceil(POOL_MAX / 2) ? ", the default" : ""})`,
      share === Math.ceil(POOL_MAX / 2) ? baseEnv : { ...baseEnv, NEXUS_TENANT_MAX_CONNECTIONS: String(share) },
    ]);
    const lines = [
      `# Noisy neighbour (${new Date().toISOString().slice(0, 10)})`,
      "",
      `Tenant A: ${flood} connections of count-by-type aggregates; tenant B: ${lookups} connections of point lookups; ${seconds} s each; pool of ${POOL_MAX}.`,
      "",
      "| gateway | B alone p50 / p99 (ms) | B beside A p50 / p99 (ms) | B p99 ratio | B req/s alone / beside | A req/s | errors |",
      "|---|---|---|---|---|---|---|",
    ];
    for (const [label, env] of variants) {
      const server = await startGateway(env, path.join(config.dataDir, "fairness-gateway.log"));
      servers.push(server);
      const [noisyToken, quietToken] = [await signIn(server.url, noisy), await signIn(server.url, quiet)];
      // Warm-up: plans, prepared statements and caches for both queries.
      await run(server.url, lookups, 2, quietToken, lookupBodies);
      await run(server.url, 8, 2, noisyToken, aggregateBodies);
      const alone = await run(server.url, lookups, seconds, quietToken, lookupBodies);
      const [beside, flooding] = await Promise.all([
        run(server.url, lookups, seconds, quietToken, lookupBodies),
        run(server.url, flood, seconds, noisyToken, aggregateBodies),
      ]);
      const ratio = beside.p99 / Math.max(alone.p99, 1);
      lines.push(
        `| ${label} | ${alone.p50} / ${alone.p99} | ${beside.p50} / ${beside.p99} | ${ratio.toFixed(2)}x | ${alone.rps.toFixed(0)} / ${beside.rps.toFixed(0)} | ${flooding.rps.toFixed(0)} | ${alone.errors + beside.errors + flooding.errors} |`,
      );
      process.stdout.write(`${lines.at(-1)}\n`);
      await stop(server);
    }
    const markdown = `${lines.join("\n")}\n`;
    fs.mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
    fs.writeFileSync(RESULTS_FILE, markdown);
    process.stdout.write(`\n${markdown}`);
  } finally {
    await Promise.all(servers.map(stop));
    await database.close();
  }
}

main().catch((error) => {
  process.stderr.write(`bench:fairness: ${(error as Error).stack}\n`);
  process.exitCode = 1;
});
