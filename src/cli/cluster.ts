/*
 * NEXUS_WORKERS=N (or auto: one per core): `npm start` as a primary process
 * that owns the database (starts the embedded PostgreSQL, migrates, loads the
 * demo data: once) and N worker processes (node:cluster) that each run a
 * whole gateway on the one port. Each worker has its own pools, its own
 * revocation listener (a revocation notified by PostgreSQL reaches every
 * worker, as it reaches every instance behind a load balancer) and its own
 * realtime decoder candidate (the advisory lock lets one of them decode).
 *
 * Shutdown: SIGTERM or SIGINT to the primary is passed to every worker; each
 * drains as a single gateway does (NEXUS_SHUTDOWN_GRACE_MS), then the primary
 * stops the database and exits, 0 when every worker did.
 *
 * Metrics: a scrape reaches one worker; that worker asks the primary, which
 * collects every worker's registry (prom-client's AggregatorRegistry: counters
 * and histograms summed, per the metric's aggregator) and answers for all.
 */
import cluster, { type Worker } from "node:cluster";

import { AggregatorRegistry } from "prom-client";

import type { Database } from "../db/database";
import type { GatewayMetrics } from "../observability/metrics";

/** The environment variable that carries the primary's database to its workers (JSON). */
const DATABASE_ENV = "NEXUS_CLUSTER_DATABASE";

interface SharedDatabase {
  adminUrl: string;
  shadowUrl?: string;
  authenticatorUrl: string;
  listenerUrl: string;
  /** The read replicas, with the authenticator's credentials (every worker routes its queries to them). */
  replicaUrls: string[];
  description: string;
}

/** What a worker tells its primary. */
export type WorkerMessage = { type: "nexus:listening"; port: number; metricsPort: number | null } | { type: "nexus:metrics"; id: number };

/** What a primary answers a worker's metrics request with. */
type PrimaryMessage = { type: "nexus:metrics"; id: number; text?: string; error?: string };

/** Whether this process is a worker of a NEXUS_WORKERS primary. */
export function isGatewayWorker(): boolean {
  return cluster.isWorker && process.env[DATABASE_ENV] !== undefined;
}

/**
 * In a worker: the primary's database. Closing it is the primary's business
 * (it stops the embedded cluster after the last worker has gone).
 */
export function databaseOfPrimary(): Database {
  const shared = JSON.parse(process.env[DATABASE_ENV]!) as SharedDatabase;
  return { ...shared, embedded: null, close: async () => undefined };
}

/** In a worker: /metrics answers for every worker, through the primary. */
export function aggregateMetricsThroughPrimary(metrics: GatewayMetrics): void {
  AggregatorRegistry.setRegistries([metrics.registry]);
  // prom-client answers the primary's collection requests only in a process
  // that has constructed an AggregatorRegistry: this one is for that alone.
  new AggregatorRegistry();
  let next = 0;
  const waiting = new Map<number, { resolve: (text: string) => void; reject: (error: Error) => void }>();
  process.on("message", (message: PrimaryMessage) => {
    if (message?.type !== "nexus:metrics") return;
    const pending = waiting.get(message.id);
    if (!pending) return;
    waiting.delete(message.id);
    if (message.text !== undefined) pending.resolve(message.text);
    else pending.reject(new Error(message.error ?? "the primary did not collect the metrics"));
  });
  metrics.render = () =>
    new Promise<string>((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve, reject });
      process.send!({ type: "nexus:metrics", id } satisfies WorkerMessage);
    });
}

export interface Primary {
  /** Resolves with the port once every worker listens; rejects when one exits before. */
  listening: Promise<{ port: number; metricsPort: number | null }>;
  /** Passes the signal to every worker; resolves with whether every one exited cleanly. */
  stop(signal: NodeJS.Signals): Promise<boolean>;
  /** Called with a worker that exited on its own after start-up (the primary forks a new one). */
  onUnexpectedExit(listener: (pid: number | undefined, code: number | null, signal: string | null) => void): void;
}

/** In the primary: forks `count` workers on `database` and serves their metrics requests. */
export function startWorkers(count: number, database: Database): Primary {
  const shared: SharedDatabase = {
    adminUrl: database.adminUrl,
    shadowUrl: database.shadowUrl,
    authenticatorUrl: database.authenticatorUrl,
    listenerUrl: database.listenerUrl,
    replicaUrls: database.replicaUrls,
    description: database.description,
  };
  const aggregator = new AggregatorRegistry();
  let stopping = false;
  let started = false;
  let unexpected: (pid: number | undefined, code: number | null, signal: string | null) => void = () => undefined;
  const exits = new Map<Worker, Promise<boolean>>();

  const fork = (): Worker => {
    const worker = cluster.fork({ [DATABASE_ENV]: JSON.stringify(shared) });
    exits.set(
      worker,
      new Promise((resolve) =>
        worker.once("exit", (code, signal) => {
          exits.delete(worker);
          resolve(code === 0);
          if (!stopping && started) {
            unexpected(worker.process.pid, code, signal);
            fork();
          }
        }),
      ),
    );
    worker.on("message", (message: WorkerMessage) => {
      if (message?.type !== "nexus:metrics") return;
      aggregator.clusterMetrics().then(
        (text) => worker.isConnected() && worker.send({ type: "nexus:metrics", id: message.id, text } satisfies PrimaryMessage),
        (error: Error) => worker.isConnected() && worker.send({ type: "nexus:metrics", id: message.id, error: error.message }),
      );
    });
    return worker;
  };

  const workers = Array.from({ length: count }, fork);
  const listening = Promise.all(
    workers.map(
      (worker) =>
        new Promise<{ port: number; metricsPort: number | null }>((resolve, reject) => {
          worker.on("message", (message: WorkerMessage) => {
            if (message?.type === "nexus:listening") resolve({ port: message.port, metricsPort: message.metricsPort });
          });
          worker.once("exit", (code) => reject(new Error(`a worker exited (${code}) before it listened`)));
        }),
    ),
  ).then((ports) => {
    started = true;
    return ports[0]!;
  });

  return {
    listening,
    onUnexpectedExit(listener) {
      unexpected = listener;
    },
    async stop(signal) {
      stopping = true;
      const pending = [...exits.values()];
      for (const worker of exits.keys()) if (worker.process.exitCode === null) worker.process.kill(signal);
      return (await Promise.all(pending)).every(Boolean);
    },
  };
}
