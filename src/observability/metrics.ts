import type { IncomingMessage, ServerResponse } from "node:http";

import type { Pool } from "pg";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

import type { MetricsConfig, NodeEnv } from "../config";
import { TenantMetrics } from "./tenant-metrics";

/** What the metrics read of the read replicas (src/db/replicas.ts ReplicaSet): their state, and hooks for where queries ran. */
export interface WatchedReplicas {
  status(): ReadonlyArray<{ name: string; lagMs: number | null; healthy: boolean }>;
  onRouted: (target: string) => void;
  onFallback: (replica: string) => void;
}

const refusals = new WeakMap<ServerResponse, string>();

/** Notes the error code a response was refused with, for `record` (src/http/errors.ts sendError calls it). */
export function noteRefusal(res: ServerResponse, code: string): void {
  refusals.set(res, code);
}

/** The error code a response was refused with, if it was. */
export function refusalCode(res: ServerResponse): string | undefined {
  return refusals.get(res);
}

/** Distinct operation names kept as labels; later ones count as "other", so a client cannot grow the series without bound. */
export const MAX_OPERATION_NAMES = 100;
/** Distinct error codes kept as labels (the gateway's own codes are far fewer); later ones count as "other". */
export const MAX_ERROR_CODES = 50;
const ERROR_CODE = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const OPERATION_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;
const FIRST_OPERATION = /^\s*(?:#[^\n]*\n\s*)*(query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/;

const executedOperations = new WeakMap<IncomingMessage, string>();

/**
 * The name of the operation GraphQL ran for this request (from the grafast
 * context, which has the parsed document): "anonymous" when it has none.
 */
export function noteOperation(req: IncomingMessage, name: string | null | undefined): void {
  executedOperations.set(req, name || "anonymous");
}

/**
 * The operation a GraphQL request names, for a request that did not reach
 * execution (refused, unparsable, unknown persisted document): its
 * operationName, or the name of its document's first operation, read from
 * the body the gateway kept or the query string.
 */
export function operationNameOf(req: IncomingMessage & { body?: unknown }): string | null {
  let payload: Record<string, unknown> | undefined;
  if (req.method === "GET") {
    const query = req.url?.indexOf("?") ?? -1;
    payload = query === -1 ? {} : Object.fromEntries(new URLSearchParams(req.url!.slice(query + 1)));
  } else if (Buffer.isBuffer(req.body) && req.body.length > 0) {
    try {
      payload = JSON.parse(req.body.toString("utf8")) as Record<string, unknown>;
    } catch {
      return null;
    }
  }
  if (!payload || typeof payload !== "object" || Array.isArray(payload)) return null;
  if (typeof payload.operationName === "string" && payload.operationName !== "") return payload.operationName;
  if (typeof payload.query === "string") return FIRST_OPERATION.exec(payload.query)?.[2] ?? "anonymous";
  if (payload.documentId !== undefined || payload.extensions !== undefined) return "persisted";
  return null;
}

/** The operation a GraphQL request ran, or named when it did not get to run. */
export function graphqlOperationOf(req: IncomingMessage & { body?: unknown }): string | null {
  return executedOperations.get(req) ?? operationNameOf(req);
}

/**
 * The gateway's Prometheus metrics, in a registry of its own (tests run
 * several gateways in one process).
 */
export class GatewayMetrics {
  readonly registry = new Registry();
  /** The text /metrics serves: this registry's, or (a NEXUS_WORKERS worker) every worker's, collected by the primary. */
  render: () => Promise<string> = () => this.registry.metrics();
  private readonly operations = new Set<string>();
  private readonly codes = new Set<string>();
  private readonly graphqlRequests: Counter<"operation" | "status" | "code">;
  private readonly graphqlDuration: Histogram<"operation">;
  private readonly httpRequests: Counter<"route" | "status">;
  private readonly authFailures: Counter<"reason">;
  private readonly revocations: Counter<"kind">;
  /** Requests, errors and database time per tenant, the top `topTenants` by name and the rest as "other". */
  readonly tenants: TenantMetrics;

  constructor(pools: Record<string, Pool>, topTenants = 10) {
    collectDefaultMetrics({ register: this.registry, prefix: "nexus_process_" });
    this.tenants = new TenantMetrics(this.registry, topTenants);
    this.graphqlRequests = new Counter({
      name: "nexus_graphql_requests_total",
      help: "GraphQL requests by operation name, HTTP status and outcome (the first error's code, or ok).",
      labelNames: ["operation", "status", "code"],
      registers: [this.registry],
    });
    this.graphqlDuration = new Histogram({
      name: "nexus_graphql_request_duration_seconds",
      help: "Time to answer a GraphQL request, by operation name.",
      labelNames: ["operation"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
    this.httpRequests = new Counter({
      name: "nexus_http_requests_total",
      help: "HTTP requests by route group (graphql, auth, health, other) and status.",
      labelNames: ["route", "status"],
      registers: [this.registry],
    });
    this.authFailures = new Counter({
      name: "nexus_auth_failures_total",
      help: "Refused sign-ins, refreshes and tokens, by reason (the error code clients get).",
      labelNames: ["reason"],
      registers: [this.registry],
    });
    this.revocations = new Counter({
      name: "nexus_revocations_total",
      help: "Revoked access tokens and sessions this instance learned of (its own and those notified by other instances).",
      labelNames: ["kind"],
      registers: [this.registry],
    });
    const poolGauge = (name: string, help: string, read: (pool: Pool) => number) =>
      new Gauge({
        name,
        help,
        labelNames: ["pool"],
        registers: [this.registry],
        collect() {
          for (const [label, pool] of Object.entries(pools)) this.set({ pool: label }, read(pool));
        },
      });
    poolGauge("nexus_db_pool_connections_total", "Open connections of each database pool.", (pool) => pool.totalCount);
    poolGauge("nexus_db_pool_connections_idle", "Idle connections of each database pool.", (pool) => pool.idleCount);
    poolGauge(
      "nexus_db_pool_connections_max",
      "Connections each database pool may open (saturation: (total - idle) / max).",
      (pool) => pool.options.max ?? 10,
    );
    poolGauge("nexus_db_pool_waiting_requests", "Queries waiting for a connection of each database pool.", (pool) => pool.waitingCount);
  }

  /**
   * Bounded label: the name, "anonymous" (no name), "persisted" (a persisted
   * document sent without its name), "unknown" (unreadable request or
   * name), "other" (past the cap).
   */
  operationLabel(name: string | null): string {
    if (name === null || !OPERATION_NAME.test(name)) return "unknown";
    if (name === "anonymous" || name === "persisted" || this.operations.has(name)) return name;
    if (this.operations.size >= MAX_OPERATION_NAMES) return "other";
    this.operations.add(name);
    return name;
  }

  /** Bounded label: "ok" (no error), the first error's code, "other" past the cap. */
  codeLabel(codes: readonly string[]): string {
    const code = codes[0];
    if (code === undefined) return "ok";
    if (!ERROR_CODE.test(code)) return "other";
    if (this.codes.has(code)) return code;
    if (this.codes.size >= MAX_ERROR_CODES) return "other";
    this.codes.add(code);
    return code;
  }

  /** Each replica's lag and health, and where queries ran (the replicas' names are configured: bounded labels). */
  watchReplicas(replicas: WatchedReplicas): void {
    new Gauge({
      name: "nexus_replica_lag_seconds",
      help: "Estimated replay lag of each replica (as fine as NEXUS_REPLICA_CHECK_MS); absent before its first check.",
      labelNames: ["replica"],
      registers: [this.registry],
      collect() {
        for (const { name, lagMs } of replicas.status()) if (lagMs !== null) this.set({ replica: name }, lagMs / 1000);
      },
    });
    new Gauge({
      name: "nexus_replica_healthy",
      help: "1 when a replica is in rotation (answering and a standby), 0 when it is out; lag is judged per query.",
      labelNames: ["replica"],
      registers: [this.registry],
      collect() {
        for (const { name, healthy } of replicas.status()) this.set({ replica: name }, healthy ? 1 : 0);
      },
    });
    const queries = new Counter({
      name: "nexus_graphql_queries_total",
      help: "GraphQL queries over HTTP by where they were sent: primary, or a replica's host:port.",
      labelNames: ["target"],
      registers: [this.registry],
    });
    const fallbacks = new Counter({
      name: "nexus_replica_fallbacks_total",
      help: "Statements that failed because of a replica (gone, not answering, replay conflict) and ran again on the primary.",
      labelNames: ["replica"],
      registers: [this.registry],
    });
    replicas.onRouted = (target) => queries.inc({ target });
    replicas.onFallback = (replica) => fallbacks.inc({ replica });
  }

  revoked(kind: "token" | "session"): void {
    this.revocations.inc({ kind });
  }

  /**
   * Counts a request whose response is done (`path` as it arrived):
   * GraphQL ones by operation and outcome (`codes`: what the request
   * ended with, see outcome.ts), refusals by their error code.
   */
  record(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    seconds: number,
    codes: readonly string[],
    tenant: string | null = null,
  ): void {
    const status = String(res.statusCode);
    const route =
      path === "/graphql" ? "graphql" : path.startsWith("/auth/") ? "auth" : path === "/health" || path === "/ready" ? "health" : "other";
    this.httpRequests.inc({ route, status });
    if (route === "graphql") {
      const operation = this.operationLabel(graphqlOperationOf(req));
      this.graphqlRequests.inc({ operation, status, code: this.codeLabel(codes) });
      this.graphqlDuration.observe({ operation }, seconds);
      this.tenants.request(tenant, codes.length > 0);
    }
    const code = refusals.get(res);
    if (code && (res.statusCode === 401 || res.statusCode === 423 || res.statusCode === 429)) this.authFailures.inc({ reason: code });
  }
}

/**
 * Where /metrics is served: on its own port (Prometheus scrapes it on the
 * private network), on the public port behind the token, or, outside
 * production only, on the public port as it is. Production without either
 * serves no metrics rather than unprotected ones.
 */
export function metricsPlacement(config: MetricsConfig, env: NodeEnv): "own-port" | "public-port" | "off" {
  if (config.port !== null) return "own-port";
  if (config.token !== null || env !== "production") return "public-port";
  return "off";
}
