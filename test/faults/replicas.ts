import path from "node:path";

import { StreamingReplica } from "../support/replica";
import { clientsOf, type Context } from "./context";
import { summarise } from "./database-outage";
import { Load, verifyWrites } from "./load";
import { GatewayProcess, sleep, tempDir, trackPostmaster } from "./processes";
import type { Report } from "./report";

/**
 * A gateway reading from a real streaming replica of the suite database
 * while readers and writers run: the replica is killed and comes back, or
 * stops replaying (its lag grows past NEXUS_REPLICA_MAX_LAG_MS). No request
 * may fail: queries move to the primary and come back to the replica.
 */

const MAX_LAG_MS = 500;
const CHECK_MS = 100;
/** How soon after the replica is back (or replaying again) queries must run on it again. */
const RECOVERY_LIMIT_MS = 10_000;

interface Setup {
  replica: StreamingReplica;
  gateway: GatewayProcess;
}

/** One replica and one gateway, made for the first of the two scenarios and kept for the second. */
let shared: Promise<Setup> | null = null;

function setUp(context: Context): Promise<Setup> {
  shared ??= (async () => {
    const dir = await tempDir("replica");
    trackPostmaster(path.join(dir, "pg", "postmaster.pid"));
    const replica = await StreamingReplica.create(context.database.adminUrl, context.database.authenticatorPassword, dir);
    const replicaUrl = new URL(context.database.adminUrl);
    replicaUrl.port = String(replica.port);
    const gateway = await GatewayProcess.start("replicas", {
      ...context.database.gatewayEnv(),
      NEXUS_DB_CONNECT_TIMEOUT_MS: String(context.connectTimeoutMs),
      NEXUS_REPLICA_URLS: replicaUrl.toString(),
      NEXUS_REPLICA_MAX_LAG_MS: String(MAX_LAG_MS),
      NEXUS_REPLICA_CHECK_MS: String(CHECK_MS),
    });
    return { replica, gateway };
  })();
  return shared;
}

/** The gateway's metrics that say where queries ran and how the replica is. */
async function replicaMetrics(gateway: GatewayProcess, replica: StreamingReplica) {
  const text = await (await fetch(`${gateway.url}/metrics`)).text();
  const value = (pattern: RegExp) => Number(pattern.exec(text)?.[1] ?? 0);
  const name = `127.0.0.1:${replica.port}`.replace(/\./g, "\\.");
  return {
    onReplica: value(new RegExp(`^nexus_graphql_queries_total\\{target="${name}"\\} (\\d+)`, "m")),
    onPrimary: value(/^nexus_graphql_queries_total\{target="primary"\} (\d+)/m),
    healthy: value(new RegExp(`^nexus_replica_healthy\\{replica="${name}"\\} (\\d+)`, "m")),
    lagSeconds: value(new RegExp(`^nexus_replica_lag_seconds\\{replica="${name}"\\} ([0-9.e+-]+)`, "m")),
  };
}

type Metrics = Awaited<ReturnType<typeof replicaMetrics>>;

/** Polls the metrics until `condition` holds; the time it took, or null past the deadline. */
async function untilMetrics(setup: Setup, condition: (now: Metrics) => boolean, timeoutMs: number): Promise<number | null> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (condition(await replicaMetrics(setup.gateway, setup.replica))) return Date.now() - started;
    await sleep(50);
  }
  return null;
}

/** Queries run on the replica again: its count grows by `count` within the limit. */
async function servingAgain(setup: Setup, count = 20): Promise<number | null> {
  const from = (await replicaMetrics(setup.gateway, setup.replica)).onReplica;
  return untilMetrics(setup, (now) => now.onReplica >= from + count, RECOVERY_LIMIT_MS);
}

/** Killed (SIGKILL of its postmaster and backends) under read load, then started again. */
export async function replicaKilled(context: Context, report: Report): Promise<void> {
  const setup = await setUp(context);
  const { gateway, replica } = setup;
  const prefix = "replica-killed";
  const started = Date.now();
  const load = new Load({
    tally: context.tally,
    ledger: context.ledger,
    clients: clientsOf(context, [gateway.url]),
    writers: 2,
    readers: 4,
    prefix,
  });
  try {
    report.check("before the fault queries run on the replica", (await servingAgain(setup)) !== null);
    const before = await replicaMetrics(gateway, replica);
    await replica.kill();
    const killed = Date.now();
    const movedIn = await untilMetrics(setup, (now) => now.healthy === 0 && now.onPrimary >= before.onPrimary + 20, RECOVERY_LIMIT_MS);
    report.check(
      "with the replica gone, queries run on the primary",
      movedIn !== null,
      `out of rotation and 20 queries on the primary after ${movedIn} ms`,
    );
    // Kept down while the load goes on: 50 more queries served by the primary without it.
    const primaryFrom = (await replicaMetrics(gateway, replica)).onPrimary;
    await untilMetrics(setup, (now) => now.onPrimary >= primaryFrom + 50, RECOVERY_LIMIT_MS);
    const restarting = Date.now();
    await replica.start();
    report.note(`replica down for ${restarting - killed} ms, ready again after ${Date.now() - restarting} ms`);
    const backIn = await servingAgain(setup);
    report.check(
      `within ${RECOVERY_LIMIT_MS / 1000} s of its restart queries run on the replica again`,
      backIn !== null,
      `after ${backIn} ms`,
    );
  } finally {
    await load.stop();
  }
  const all = context.tally.since(started).filter((s) => s.op !== "health");
  report.check("no request failed, before, during or after", all.length > 0 && all.every((s) => s.kind === "ok"), summarise(all));
  report.check("no read saw another tenant's rows", load.leaks === 0, `${load.leaks} leaks`);
  report.verified("replica killed", await verifyWrites(context.database.adminUrl, context.ledger, prefix));
}

/** Replay paused while writes go on: lag grows past the limit, queries leave the replica, and return once it replays again. */
export async function replicaPaused(context: Context, report: Report): Promise<void> {
  const setup = await setUp(context);
  const { gateway, replica } = setup;
  const prefix = "replica-paused";
  const started = Date.now();
  const load = new Load({
    tally: context.tally,
    ledger: context.ledger,
    clients: clientsOf(context, [gateway.url]),
    writers: 2,
    readers: 4,
    prefix,
  });
  try {
    report.check("before the pause queries run on the replica", (await servingAgain(setup)) !== null);
    await replica.pauseReplay();
    const paused = Date.now();
    // Lagging past the limit, then no query on it for a second while the primary serves them.
    const lagging = await untilMetrics(setup, (now) => now.lagSeconds * 1000 > MAX_LAG_MS, RECOVERY_LIMIT_MS);
    report.check(`the lag grows past NEXUS_REPLICA_MAX_LAG_MS (${MAX_LAG_MS} ms)`, lagging !== null, `after ${lagging} ms`);
    // While it lags, a stretch of 50 queries (all on the primary) leaves the replica's count where it was.
    const during = await replicaMetrics(gateway, replica);
    await untilMetrics(setup, (now) => now.onPrimary >= during.onPrimary + 50, RECOVERY_LIMIT_MS);
    const after = await replicaMetrics(gateway, replica);
    report.check(
      "while it lags queries leave the replica for the primary",
      after.onReplica === during.onReplica && after.onPrimary > during.onPrimary && after.healthy === 1,
      `in 50 queries: replica ${after.onReplica - during.onReplica}, primary ${after.onPrimary - during.onPrimary}; lag ${after.lagSeconds} s`,
    );
    await replica.resumeReplay();
    report.note(`replay paused for ${Date.now() - paused} ms`);
    const backIn = await servingAgain(setup);
    report.check(
      `within ${RECOVERY_LIMIT_MS / 1000} s of replaying again queries run on the replica again`,
      backIn !== null,
      `after ${backIn} ms`,
    );
  } finally {
    await load.stop();
    await gateway.stop();
    await replica.remove();
  }
  const all = context.tally.since(started).filter((s) => s.op !== "health");
  report.check("no request failed", all.length > 0 && all.every((s) => s.kind === "ok"), summarise(all));
  report.verified("replica paused", await verifyWrites(context.database.adminUrl, context.ledger, prefix));
}
