import "./graphile-env";

import net from "node:net";
import type { Duplex } from "node:stream";

import type { Config } from "../config";
import { type Database, openDatabase } from "../db/database";
import { DataDirectoryInUseError } from "../db/embedded";
import { isDatabaseUnavailable } from "../db/unavailable";
import { loadDemoDataOnce } from "../demo";
import { GRAPHIQL_PATH, GRAPHQL_PATH } from "../graphql/preset";
import { createGateway, type Gateway } from "../http/app";
import { createLogger, type Logger } from "../observability/logger";
import { aggregateMetricsThroughPrimary, databaseOfPrimary, isGatewayWorker, startWorkers, type WorkerMessage } from "./cluster";
import { configOrExit, fail, requireNode22 } from "./runtime";

function portAvailable(host: string, port: number): Promise<boolean> {
  if (port === 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => resolve(error.code !== "EADDRINUSE"));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}

function listen(server: net.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve((server.address() as net.AddressInfo).port);
    });
  });
}

/** `work`'s value, or undefined once `ms` have passed (errors count as done). */
function bounded<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    work.catch(() => undefined),
    new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), Math.max(0, ms)))),
  ]).finally(() => clearTimeout(timer));
}

function banner(config: Config, port: number, metricsPort: number | null, database: Database): string {
  const base = `http://localhost:${port}`;
  const lines = [
    `Nexus Gateway is running (${config.env})`,
    `  GraphQL   ${base}${GRAPHQL_PATH}`,
    ...(config.graphiql ? [`  GraphiQL  ${base}${GRAPHIQL_PATH}`] : []),
    `  Health    ${base}/health  (ready: ${base}/ready)`,
    ...(metricsPort !== null ? [`  Metrics   http://localhost:${metricsPort}/metrics`] : []),
    ...(config.workers > 1 ? [`  Workers   ${config.workers} processes (NEXUS_WORKERS)`] : []),
    `  Database  ${database.description}`,
    ...(database.embedded && config.demo ? ["  Demo      admin@acme.test / nexus-demo (see README for all demo users)"] : []),
  ];
  return lines.join("\n") + "\n";
}

async function main(): Promise<void> {
  requireNode22();
  const config = configOrExit();
  const logger = createLogger(config.log);
  // A background task that loses the database mid-flight may leave a rejected
  // promise nobody awaits: graphile-worker 0.17 does when it cannot record a
  // failed job during an outage. An outage is answered with 503s and ends on
  // its own; it does not end the process. Anything else still does, as Node would.
  process.on("unhandledRejection", (reason) => {
    if (isDatabaseUnavailable(reason)) {
      logger.warn({ err: reason }, "a background task lost the database; the gateway keeps running");
      return;
    }
    logger.fatal({ err: reason }, "unhandled promise rejection");
    process.exit(1);
  });
  // A worker of NEXUS_WORKERS: the primary checked the port and owns the database.
  const worker = isGatewayWorker();

  if (!worker && !(await portAvailable(config.host, config.port))) {
    fail(`port ${config.port} is in use (is another gateway running?); stop it or set PORT`);
  }

  let database: Database;
  try {
    database = worker ? databaseOfPrimary() : await openDatabase(config);
  } catch (error) {
    if (error instanceof DataDirectoryInUseError) fail(error.message);
    fail(`cannot prepare the database: ${(error as Error).message}`);
  }
  if (!worker && config.workers > 1) return runPrimary(config, logger, database);

  let gateway: Gateway;
  let port: number;
  let metricsPort: number | null = null;
  try {
    if (!worker && database.embedded && config.demo) await loadDemoDataOnce(config.dataDir, database.authenticatorUrl);
    gateway = await createGateway({
      config,
      authenticatorUrl: database.authenticatorUrl,
      listenerUrl: database.listenerUrl,
      replicaUrls: database.replicaUrls,
      replicationUrl: config.realtime.replicationUrl ?? database.adminUrl,
      logger,
      jobsUrl: database.adminUrl,
    });
    port = await listen(gateway.server, config.port, config.host);
    if (gateway.metricsServer) metricsPort = await listen(gateway.metricsServer, config.metrics.port!, config.host);
  } catch (error) {
    await database.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") fail(`port ${config.port} is in use (is another gateway running?); stop it or set PORT`);
    fail(`cannot start: ${(error as Error).message}`);
  }
  // Upgraded connections (WebSockets) leave the HTTP server's books: kept here so shutdown can end them.
  const upgraded = new Set<Duplex>();
  gateway.server.on("upgrade", (_req, socket: Duplex) => {
    upgraded.add(socket);
    socket.once("close", () => upgraded.delete(socket));
  });
  if (worker) {
    aggregateMetricsThroughPrimary(gateway.metrics);
    // Logged before the primary hears of it: its banner, printed once every
    // worker listens, then comes after every worker's line.
    logger.info({ workerPid: process.pid }, "gateway worker started");
    process.send!({ type: "nexus:listening", port, metricsPort } satisfies WorkerMessage);
  } else {
    process.stdout.write(banner(config, port, metricsPort, database));
    logger.info({ port, metricsPort, env: config.env }, "gateway started");
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down: finishing in-flight requests");
    // Whatever a socket, the pool or the listener does, the process ends by
    // grace + cap: an upgraded WebSocket keeps server.close() from ever
    // calling back, and pool.end() or a listener's end() waits for a server
    // that may never answer (a connection stuck on a dead or silent peer).
    const deadline = Date.now() + config.shutdownGraceMs + config.shutdownCapMs;
    setTimeout(() => {
      logger.error(
        { signal, graceMs: config.shutdownGraceMs, capMs: config.shutdownCapMs },
        "shutdown did not finish in time; exiting anyway",
      );
      process.exit(1);
    }, config.shutdownGraceMs + config.shutdownCapMs).unref();
    const closed = new Promise<void>((resolve) => gateway.server.close(() => resolve()));
    // A keep-alive connection whose request finishes after the signal turns
    // idle then, not before: answers say "Connection: close", and idle
    // connections are closed as they appear, so the drain ends with the
    // last request instead of at the grace timeout.
    gateway.server.on("request", (_req, res) => res.setHeader("Connection", "close"));
    gateway.server.closeIdleConnections();
    const sweep = setInterval(() => gateway.server.closeIdleConnections(), 100);
    await bounded(closed, config.shutdownGraceMs);
    clearInterval(sweep);
    // Past the grace: every connection still open goes, WebSockets included.
    gateway.server.closeAllConnections();
    for (const socket of upgraded) socket.destroy();
    const released = await bounded(
      gateway.release().then(() => true),
      deadline - Date.now(),
    );
    const stopped = await bounded(
      database.close().then(() => true),
      deadline - Date.now(),
    );
    if (!released || !stopped)
      logger.warn({ released: !!released, databaseStopped: !!stopped }, "shutdown: gave up waiting for the database connections");
    logger.info("gateway stopped");
    process.exit(released && stopped ? 0 : 1);
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
  // A worker whose primary has gone (killed without a signal to pass on) drains and ends too.
  if (worker) process.once("disconnect", () => void shutdown("disconnect"));
}

/**
 * NEXUS_WORKERS > 1: this process owns the database (started and migrated
 * above, the demo data loaded here, once) and runs the workers; each of them
 * is a whole gateway on the one port (src/cli/cluster.ts).
 */
async function runPrimary(config: Config, logger: Logger, database: Database): Promise<void> {
  try {
    if (database.embedded && config.demo) await loadDemoDataOnce(config.dataDir, database.authenticatorUrl);
  } catch (error) {
    await database.close();
    fail(`cannot start: ${(error as Error).message}`);
  }
  const primary = startWorkers(config.workers, database);
  primary.onUnexpectedExit((pid, code, signal) => logger.error({ pid, code, signal }, "a gateway worker exited; starting another"));
  let ports: { port: number; metricsPort: number | null };
  try {
    ports = await primary.listening;
  } catch (error) {
    await primary.stop("SIGTERM");
    await database.close();
    fail(`cannot start: ${(error as Error).message}`);
  }
  process.stdout.write(banner(config, ports.port, ports.metricsPort, database));
  logger.info({ ...ports, env: config.env, workers: config.workers }, "gateway started");

  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down: every worker finishes its in-flight requests");
    // Each worker bounds its own drain by grace + cap; this is for a worker that hangs regardless.
    setTimeout(
      () => {
        logger.error({ signal }, "shutdown did not finish in time; exiting anyway");
        process.exit(1);
      },
      config.shutdownGraceMs + 2 * config.shutdownCapMs,
    ).unref();
    const drained = await primary.stop(signal);
    const stopped = await bounded(
      database.close().then(() => true),
      config.shutdownCapMs,
    );
    if (!drained) logger.warn("shutdown: a worker did not stop cleanly");
    logger.info("gateway stopped");
    process.exit(drained && stopped ? 0 : 1);
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((error: unknown) => fail((error as Error).stack ?? String(error)));
