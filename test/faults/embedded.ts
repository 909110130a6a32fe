import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

import pg from "pg";

import { attachEmbeddedCluster, freePort } from "../../src/db/embedded";
import type { Context } from "./context";
import { summarise } from "./database-outage";
import { type Answer, type Client, Ledger, Load, post, signIn, verifyWrites } from "./load";
import { childrenOf, GatewayProcess, isAlive, postmasterOf, sleep, tempDir, waitForLockWaiters, waitUntilGone } from "./processes";
import type { Report } from "./report";

/**
 * The gateway with its own embedded PostgreSQL (no DATABASE_URL), as
 * `npm start` runs it: SIGTERM under load, then SIGKILL of the gateway, then
 * SIGKILL of the gateway and its PostgreSQL together. Between them the data
 * directory must carry every acknowledged write.
 */

const GRACE_MS = 8_000;
const DEMO_PASSWORD = "nexus-demo";
const WRITE = "mutation($name: String!) { createUserGroup(input: { userGroup: { name: $name } }) { userGroup { rowId } } }";

export interface Embedded {
  dataDir: string;
  port: number;
  ledger: Ledger;
}

function logSince(dataDir: string, offset: number): string {
  return readFileSync(path.join(dataDir, "postgres.log"), "utf8").slice(offset);
}

function logLength(dataDir: string): number {
  return existsSync(path.join(dataDir, "postgres.log")) ? readFileSync(path.join(dataDir, "postgres.log"), "utf8").length : 0;
}

async function start(embedded: Embedded, name: string): Promise<{ gateway: GatewayProcess; clients: Client[]; adminUrl: string }> {
  const gateway = await GatewayProcess.start(
    name,
    { NEXUS_SHUTDOWN_GRACE_MS: String(GRACE_MS), NEXUS_LOG_LEVEL: "info" },
    { dataDir: embedded.dataDir, port: embedded.port },
  );
  const cluster = await attachEmbeddedCluster(embedded.dataDir);
  const clients: Client[] = [];
  for (const email of ["admin@acme.test", "admin@globex.test"]) {
    const token = await signIn(gateway.url, email, DEMO_PASSWORD);
    const tenantId = JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString()).tenant_id as string;
    clients.push({ url: gateway.url, token, tenantId });
  }
  return { gateway, clients, adminUrl: cluster.url("nexus") };
}

/** SIGTERM under load: in-flight requests finish, new ones are refused, exit 0, PostgreSQL stopped cleanly. */
export async function gracefulShutdown(context: Context, report: Report, embedded: Embedded): Promise<void> {
  const { tally } = context;
  const first = await start(embedded, "embedded");
  const loadStarted = Date.now();
  const writers = 3;
  const load = new Load({ tally, ledger: embedded.ledger, clients: first.clients, writers, readers: 3, prefix: "shutdown", settleMs: 0 });
  await sleep(1_500);

  // In flight for sure: inserts waiting on a lock the suite holds across the signal.
  const blocker = new pg.Client({ connectionString: first.adminUrl });
  blocker.on("error", () => undefined);
  await blocker.connect();
  await blocker.query("begin");
  await blocker.query("lock table platform.user_groups in share mode");
  const inFlightKeys = Array.from({ length: 4 }, (_, i) => `shutdown-inflight-${i}`);
  const inFlight = Promise.all(
    inFlightKeys.map((name, i) =>
      post(tally, `${first.gateway.url}/graphql`, "write", { query: WRITE, variables: { name } }, first.clients[i % 2]!.token, 20_000),
    ),
  );
  // The load's writers come to wait on the lock too.
  await waitForLockWaiters(blocker, inFlightKeys.length + writers);
  const signalled = Date.now();
  first.gateway.signal("SIGTERM");
  await sleep(700);
  const refused = await post(tally, `${first.gateway.url}/graphql`, "read", { query: "{ __typename }" });
  await blocker.query("commit");
  await blocker.end();
  const answers: Answer[] = await inFlight;
  const code = await Promise.race([first.gateway.exited, sleep(GRACE_MS + 10_000).then(() => "still running" as const)]);
  const stoppedIn = Date.now() - signalled;
  await load.stop();
  answers.forEach((answer, i) => answer.kind === "ok" && embedded.ledger.acknowledged.add(inFlightKeys[i]!));

  report.check(
    "requests in flight at SIGTERM complete with success",
    answers.every((a) => a.kind === "ok"),
    answers.map((a) => `${a.kind} ${a.ms} ms`).join(", "),
  );
  report.check(
    "a new request after SIGTERM is refused",
    refused.kind === "refused",
    `${refused.kind}${refused.detail ? ` ${refused.detail}` : ""}`,
  );
  const beforeSignal = tally.since(loadStarted, signalled).filter((s) => s.at + s.ms < signalled);
  report.check(
    "before the signal every request succeeds",
    beforeSignal.every((s) => s.kind === "ok"),
    summarise(beforeSignal),
  );
  report.check(
    `the gateway exits 0 within the drain timeout (${GRACE_MS} ms)`,
    code === 0 && stoppedIn < GRACE_MS && first.gateway.output().includes("gateway stopped"),
    `exit ${code} after ${stoppedIn} ms`,
  );
  const log = logSince(embedded.dataDir, 0);
  report.check(
    "the embedded PostgreSQL shut down cleanly",
    !existsSync(path.join(embedded.dataDir, "pg", "postmaster.pid")) && /database system is shut down\s*$/.test(log.trimEnd() + "\n"),
    log.trim().split("\n").slice(-1)[0] ?? "",
  );

  const offset = logLength(embedded.dataDir);
  const second = await start(embedded, "embedded again");
  const startLog = logSince(embedded.dataDir, offset);
  report.check(
    "the next start needs no recovery",
    /database system was shut down at/.test(startLog) && !/interrupted|not properly shut down|automatic recovery/.test(startLog),
    startLog
      .split("\n")
      .find((l) => /database system was/.test(l))
      ?.replace(/^.*LOG:\s*/, "") ?? "no start line",
  );
  report.verified("across the graceful restart", await verifyWrites(second.adminUrl, embedded.ledger, "shutdown"));
  await second.gateway.stop();
}

/**
 * SIGKILL of the gateway under load: its PostgreSQL runs detached and
 * survives; the next start stops that orphan and carries on. Then SIGKILL of
 * both at once (as a power cut would): the next start runs crash recovery.
 */
export async function killedGateway(context: Context, report: Report, embedded: Embedded): Promise<void> {
  const { tally } = context;
  for (const mode of ["gateway", "gateway and PostgreSQL"] as const) {
    const prefix = mode === "gateway" ? "kill-gateway" : "kill-both";
    const running = await start(embedded, "embedded");
    const postmaster = postmasterOf(path.join(embedded.dataDir, "pg"))!;
    const load = new Load({ tally, ledger: embedded.ledger, clients: running.clients, writers: 4, readers: 2, prefix, settleMs: 0 });
    await sleep(2_000);
    if (mode === "gateway and PostgreSQL") {
      const backends = childrenOf(postmaster);
      running.gateway.signal("SIGKILL");
      process.kill(postmaster, "SIGKILL");
      await waitUntilGone([postmaster, ...backends], 15_000);
    } else {
      running.gateway.signal("SIGKILL");
    }
    await running.gateway.exited;
    await load.stop();
    if (mode === "gateway") {
      await sleep(500);
      report.check(
        "PostgreSQL keeps running detached when its gateway is killed",
        isAlive(postmaster),
        `postmaster ${postmaster} ${isAlive(postmaster) ? "alive" : "gone"}`,
      );
    }
    const offset = logLength(embedded.dataDir);
    const next = await start(embedded, "embedded after kill");
    const startLog = logSince(embedded.dataDir, offset);
    const line =
      startLog
        .split("\n")
        .find((l) => /database system was/.test(l))
        ?.replace(/^.*LOG:\s*/, "") ?? "no start line";
    if (mode === "gateway") {
      report.check(
        "the next start stops the orphaned PostgreSQL and starts without recovery",
        !isAlive(postmaster) && /was shut down at/.test(startLog),
        line,
      );
    } else {
      report.check(
        "the next start recovers the data directory (crash recovery)",
        /interrupted|not properly shut down/.test(startLog) && /ready to accept connections/.test(startLog),
        line,
      );
    }
    report.verified(`after SIGKILL of the ${mode}`, await verifyWrites(next.adminUrl, embedded.ledger, prefix));
    report.check(
      "the recovered gateway serves writes",
      (
        await post(
          tally,
          `${next.gateway.url}/graphql`,
          "write",
          { query: WRITE, variables: { name: `${prefix}-after` } },
          next.clients[0]!.token,
        )
      ).kind === "ok",
    );
    if (mode === "gateway and PostgreSQL") {
      const code = await next.gateway.stop();
      report.check("the last gateway stops with exit 0", code === 0, `exit ${code}`);
    } else {
      await next.gateway.stop();
    }
  }
}

export async function embeddedDirectory(): Promise<Embedded> {
  return { dataDir: await tempDir("embedded"), port: await freePort(), ledger: new Ledger() };
}
