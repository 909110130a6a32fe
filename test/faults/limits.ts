import pg from "pg";

import { clientsOf, type Context } from "./context";
import { summarise } from "./database-outage";
import { Ledger, Load, post, verifyWrites } from "./load";
import { GatewayProcess, rssBytes, sleep, waitForLockWaiters, withClient } from "./processes";
import { mb, type Report } from "./report";

const POOL_MAX = 4;
const CONNECT_TIMEOUT_MS = 1_000;
const STATEMENT_TIMEOUT_MS = 2_000;
/**
 * V8 grows its heap lazily, to a size that follows the allocation rate, and
 * keeps what it took: RSS climbs for a while under load whether or not
 * anything leaks. So the soak's gateway runs with its old space capped
 * (a leak then ends it, or fails requests, within the soak), and RSS must
 * level off: over the last third of the soak it may move this much, no more.
 */
const HEAP_CAP_MB = 256;
const RSS_LAST_THIRD_LIMIT = 48 * 1024 * 1024;
const RSS_CEILING = 1024 * 1024 * 1024;

const WRITE = "mutation($name: String!) { createUserGroup(input: { userGroup: { name: $name } }) { userGroup { rowId } } }";
const READ = "{ userGroups(first: 5) { totalCount nodes { name } } }";

/**
 * A small pool (NEXUS_DB_POOL_MAX=4) under requests that cannot finish: the
 * suite holds a SHARE lock on platform.user_groups from a session of its
 * own, so every insert waits on it like a slow statement would, until
 * statement_timeout (NEXUS_STATEMENT_TIMEOUT_MS) cancels it. No test-only
 * SQL is needed, and reads of the table still run. Then a burst larger than
 * the pool, and a soak that watches the gateway's memory.
 */
export async function poolLimits(context: Context, report: Report): Promise<void> {
  const { tally, database } = context;
  const gateway = await GatewayProcess.start("limits", {
    ...database.gatewayEnv(),
    NEXUS_DB_POOL_MAX: String(POOL_MAX),
    // One tenant fills the whole pool here: the fair share (half the pool by default) is tested on its own.
    NEXUS_TENANT_MAX_CONNECTIONS: String(POOL_MAX),
    NEXUS_DB_CONNECT_TIMEOUT_MS: String(CONNECT_TIMEOUT_MS),
    NEXUS_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS),
    NODE_OPTIONS: `--max-old-space-size=${HEAP_CAP_MB}`,
  });
  const [token] = context.tokens;
  const graphql = `${gateway.url}/graphql`;
  try {
    const blocker = new pg.Client({ connectionString: database.adminUrl });
    blocker.on("error", () => undefined);
    await blocker.connect();
    const slowKeys = Array.from({ length: POOL_MAX }, (_, i) => `limits-slow-${i}`);
    let slow: Awaited<ReturnType<typeof post>>[];
    let queued: Awaited<ReturnType<typeof post>>[];
    try {
      await blocker.query("begin");
      await blocker.query("lock table platform.user_groups in share mode");
      const writes = Promise.all(slowKeys.map((name) => post(tally, graphql, "write", { query: WRITE, variables: { name } }, token)));
      await waitForLockWaiters(blocker, POOL_MAX);
      // Every connection is held by a waiting insert: these wait for one, at most the connect timeout.
      queued = await Promise.all(Array.from({ length: 3 * POOL_MAX }, () => post(tally, graphql, "read", { query: READ }, token)));
      slow = await writes;
    } finally {
      await blocker.query("rollback").catch(() => undefined);
      await blocker.end().catch(() => undefined);
    }
    report.check(
      `inserts stuck behind a lock are cancelled by statement_timeout (${STATEMENT_TIMEOUT_MS} ms) with TIMEOUT`,
      slow.every((a) => a.kind === "timeout" && a.ms >= STATEMENT_TIMEOUT_MS - 200 && a.ms < STATEMENT_TIMEOUT_MS + 2_000),
      slow.map((a) => `${a.kind} in ${a.ms} ms`).join(", "),
    );
    report.check(
      `requests beyond the full pool wait at most the connect timeout (${CONNECT_TIMEOUT_MS} ms), then get 503 (TENANT_QUEUE_TIMEOUT or DATABASE_UNAVAILABLE)`,
      queued.every((a) => a.kind === "unavailable" && a.ms < CONNECT_TIMEOUT_MS + 1_000),
      `${queued.length} requests: ${queued
        .map((a) => `${a.kind} ${a.ms} ms`)
        .slice(0, 4)
        .join(", ")}, …`,
    );
    const cancelled = await withClient(
      database.adminUrl,
      async (client) =>
        (await client.query("select count(*)::int as n from platform.user_groups where name like 'limits-slow-%'")).rows[0].n as number,
    );
    report.check("a cancelled insert is not stored", cancelled === 0, `${cancelled} stored`);

    const freed = await Promise.all(Array.from({ length: POOL_MAX }, () => post(tally, graphql, "read", { query: READ }, token)));
    report.check(
      "the cancelled statements freed their connections",
      freed.every((a) => a.kind === "ok" && a.ms < CONNECT_TIMEOUT_MS),
      freed.map((a) => `${a.kind} ${a.ms} ms`).join(", "),
    );

    const burst = await Promise.all(Array.from({ length: 15 * POOL_MAX }, () => post(tally, graphql, "read", { query: READ }, token)));
    report.check(
      `a burst of ${burst.length} quick requests on ${POOL_MAX} connections queues and succeeds`,
      burst.every((a) => a.kind === "ok"),
      `${burst.filter((a) => a.kind === "ok").length} ok; slowest ${Math.max(...burst.map((a) => a.ms))} ms`,
    );

    // Soak: steady mixed load on the small pool; the gateway's memory must level off.
    const ledger = new Ledger();
    const clients = clientsOf(context, [gateway.url]);
    const load = new Load({ tally, ledger, clients, writers: 4, readers: 8, prefix: "soak", pauseMs: 5 });
    await sleep(5_000);
    const soakStart = Date.now();
    const before = rssBytes(gateway.pid);
    const timeline = [before];
    while (Date.now() - soakStart < context.soakSeconds * 1000) {
      await sleep(Math.min(5_000, soakStart + context.soakSeconds * 1000 - Date.now()));
      timeline.push(rssBytes(gateway.pid));
    }
    const after = timeline.at(-1)!;
    report.note(`RSS every 5 s: ${timeline.map((b) => (b / 1024 / 1024).toFixed(0)).join(" ")} MB`);
    await load.stop();
    const soak = tally.since(soakStart - 5_000);
    report.note(
      `RSS of the gateway over a ${context.soakSeconds} s soak: ${mb(before)} before, ${mb(after)} after (${soak.length} requests, ${(soak.length / ((Date.now() - soakStart + 5_000) / 1000)).toFixed(0)}/s)`,
    );
    const twoThirds = timeline[Math.floor((timeline.length * 2) / 3)]!;
    report.check(
      `memory levels off during the soak (old space capped at ${HEAP_CAP_MB} MB; RSS grows under ${mb(RSS_LAST_THIRD_LIMIT)} over the last third, stays under ${mb(RSS_CEILING)})`,
      gateway.running && after - twoThirds < RSS_LAST_THIRD_LIMIT && Math.max(...timeline) < RSS_CEILING,
      `${mb(twoThirds)} at two thirds, ${mb(after)} at the end; gateway ${gateway.running ? "running" : "GONE"}`,
    );
    // The pool is small and its wait short on purpose: on a busy machine a few requests may get the clean 503.
    const unavailable = soak.filter((s) => s.kind === "unavailable").length;
    report.check(
      "every request of the soak succeeds, or (at most 1 %) waits too long for the small pool and gets DATABASE_UNAVAILABLE",
      soak.every((s) => s.kind === "ok" || s.kind === "unavailable") && unavailable <= soak.length / 100 && load.leaks === 0,
      summarise(soak),
    );
    report.verified("soak", await verifyWrites(database.adminUrl, ledger, "soak"));
  } finally {
    await gateway.stop();
  }
}
