import type { IncomingMessage } from "node:http";

import type { Pool } from "pg";
import { createWithPgClient } from "postgraphile/adaptors/pg";
import { type DocumentNode, getOperationAST } from "postgraphile/graphql";

import type { AccessClaims } from "../auth/jwt";
import { pgSettingsFor } from "../auth/tokens";
import { requestClaims, type TokenVerifier, verifyBearer } from "../auth/verify";
import type { Config } from "../config";
import type { FairPool } from "../db/fair-pool";
import { assertPgInternals } from "../db/pg-internals";
import { isReplicaFailure, type Replica, type ReplicaSet } from "../db/replicas";
import { noteOperation } from "../observability/metrics";
import type { TenantMetrics } from "../observability/tenant-metrics";
import type { RowChangeHub } from "../realtime/hub";
import { consistencyTokenOf } from "./consistency";
import type { RealtimeContext, SocketRegistry } from "./realtime";
import { pipelinedWithPgClient, shareQueryTransaction, type WithPgClient } from "./request-transaction";
import { INCLUDE_ARCHIVED_HEADER } from "./soft-delete";

export interface RealtimeOptions {
  verifier: TokenVerifier;
  sockets: SocketRegistry;
  /** The row-change stream; null when NEXUS_REALTIME=0 (rowChanged then only says ready). */
  hub: RowChangeHub | null;
  maxSubscriptionsPerSocket: number;
}

/** Settings a request adds from where it came from (src/http/client-address.ts gives the audit log's). */
export type RequestSettings = (req: IncomingMessage | undefined) => Record<string, string>;

/**
 * The claims of a GraphQL-over-WebSocket operation: the same bearer token
 * as over HTTP, from `connection_init`'s `{ authorization: "Bearer …" }` or
 * else the upgrade request's Authorization header, verified in full
 * (signature, claims, revocation) for every operation. A bad token fails
 * the operation; a good one registers the socket under its token and
 * session, so a revocation closes it.
 */
async function websocketClaims(ws: NonNullable<Grafast.RequestContext["ws"]>, realtime: RealtimeOptions): Promise<AccessClaims | null> {
  const fromInit = ws.normalizedConnectionParams?.authorization;
  const header = (Array.isArray(fromInit) ? fromInit[0] : fromInit) ?? ws.request?.headers.authorization;
  if (header === undefined) return null;
  const claims = await verifyBearer(realtime.verifier, header);
  realtime.sockets.add(ws.socket as never, claims);
  return claims;
}

/** The fair share of the GraphQL pool between tenants (src/db/fair-pool.ts), and where their database time is counted. */
export interface TenantShare {
  pool: FairPool;
  metrics?: TenantMetrics;
}

/** `withPgClient` that waits for the tenant's turn at the pool, and counts the time the connection is held. */
function fairly(withPgClient: WithPgClient, share: TenantShare, tenant: string | null): WithPgClient {
  return (pgSettings, callback) =>
    share.pool.run(tenant ?? "", async () => {
      const started = performance.now();
      try {
        return await withPgClient(pgSettings, callback);
      } finally {
        share.metrics?.databaseTime(tenant, (performance.now() - started) / 1000);
      }
    });
}

/** Whether the request runs a query (not a mutation or subscription); notes its operation's name for the metrics. */
function isQuery(req: IncomingMessage | undefined, document: DocumentNode | undefined, operationName: string | null | undefined): boolean {
  const operation = document ? getOperationAST(document, operationName) : null;
  if (req) noteOperation(req, operationName || operation?.name?.value);
  return operation?.operation === "query";
}

/**
 * `withPgClient` for the queries of one request, over a replica's pool or
 * the primary's: pipelined and in one shared transaction as on the primary
 * (request-transaction.ts), else through @dataplan/pg's own client.
 */
function queryClientFor(pool: Pool, config: Config): () => WithPgClient {
  if (!config.pool.pipeline) {
    const plain = createWithPgClient({ pool }) as WithPgClient;
    return () => plain;
  }
  const pipelined = pipelinedWithPgClient(pool, { preparedStatements: config.pool.preparedStatements });
  return () => shareQueryTransaction(pipelined);
}

/**
 * A request's queries on `replica`; a statement that fails because of the
 * replica (it went away, stopped answering, or replay canceled the
 * statement) takes the replica out of rotation and runs again on the
 * primary, so the client sees no failure. A statement of a query only
 * reads: running it twice changes nothing.
 */
function onReplica(replicas: ReplicaSet, replica: Replica, onReplicaClient: WithPgClient, primary: () => WithPgClient): WithPgClient {
  let fallback: WithPgClient | null = null;
  return (pgSettings, callback) =>
    onReplicaClient(pgSettings, callback).catch((error: unknown) => {
      if (!isReplicaFailure(error)) throw error;
      replicas.failed(replica, error);
      fallback ??= primary();
      return fallback(pgSettings, callback);
    });
}

/**
 * Each request's grafast context: its role and claims come from the token
 * that `authenticate` verified before GraphQL ran (or, over a WebSocket,
 * from the operation's own token), then the request's settings and timeout.
 */
export function makeContext(
  config: Config,
  authenticatorPool: Pool,
  realtime: RealtimeOptions | undefined,
  requestSettings: RequestSettings,
  replicas: ReplicaSet | null = null,
  share?: TenantShare,
): NonNullable<GraphileConfig.Preset["grafast"]>["context"] {
  // Queries run on pipelined round trips (request-transaction.ts); mutations and subscriptions on @dataplan/pg's own.
  if (config.pool.pipeline) assertPgInternals();
  const queryClient = config.pool.pipeline
    ? pipelinedWithPgClient(authenticatorPool, { preparedStatements: config.pool.preparedStatements })
    : null;
  const primaryQueries = queryClientFor(authenticatorPool, config);
  const replicaQueries = new Map((replicas?.replicas ?? []).map((replica) => [replica, queryClientFor(replica.pool, config)]));
  /**
   * The queries of an HTTP request go where `replicas.route` says; over a
   * WebSocket (and the realtime hub's re-reads of rows just written) they
   * stay on the primary.
   */
  const routedQueries = async (req: IncomingMessage): Promise<WithPgClient | null> => {
    if (!replicas) return null;
    const replica = await replicas.route(consistencyTokenOf(req));
    if (!replica) return null;
    return onReplica(replicas, replica, replicaQueries.get(replica)!(), primaryQueries);
  };
  // With a fair share, every checkout passes the gate: @dataplan/pg's own client (what the pg service gives) is wrapped too.
  const ownClient = share ? (createWithPgClient({ pool: authenticatorPool }) as unknown as WithPgClient) : null;
  const withPgClientFor = async (
    req: IncomingMessage | undefined,
    query: boolean,
    tenant: string | null,
  ): Promise<{ withPgClient?: never }> => {
    const gate = (client: WithPgClient) => (share ? fairly(client, share, tenant) : client);
    const routed = query && req ? await routedQueries(req) : null;
    if (routed) return { withPgClient: gate(routed) as never };
    if (query && queryClient) return { withPgClient: shareQueryTransaction(gate(queryClient)) as never };
    return ownClient ? { withPgClient: gate(ownClient) as never } : {};
  };
  return async (requestContext, args) => {
    const req = requestContext.node?.req;
    const claims = req
      ? requestClaims(req)
      : requestContext.ws && realtime
        ? await websocketClaims(requestContext.ws, realtime)
        : // The realtime hub's filtered re-read, run as a subscriber (src/realtime/filtered-reader.ts).
          ((requestContext as { nexusReader?: AccessClaims }).nexusReader ?? null);
    const ws = requestContext.ws;
    const query = isQuery(req, args.document, args.operationName);
    return {
      nexusTenantId: claims?.tenantId ?? null,
      ...(ws && realtime?.hub
        ? {
            nexusRealtime: {
              hub: realtime.hub,
              claims,
              socket: ws.socket as never,
              maxSubscriptionsPerSocket: realtime.maxSubscriptionsPerSocket,
            } satisfies RealtimeContext,
          }
        : {}),
      pgSettings: {
        ...pgSettingsFor(claims),
        ...requestSettings(req),
        // Archived rows on request; the policies show them only to holders of RESTORE_<TABLE>.
        ...(claims && req?.headers[INCLUDE_ARCHIVED_HEADER] === "1" ? { "nexus.include_archived": "on" } : {}),
        statement_timeout: String(config.statementTimeoutMs),
        // Integration secrets are encrypted with it (integrations.store_integration_secret); queries never carry it.
        ...(claims && config.credentialKey && !isQuery(req, args.document, args.operationName)
          ? { "nexus.credential_key": config.credentialKey }
          : {}),
      },
      ...(await withPgClientFor(req, query, claims?.tenantId ?? null)),
    };
  };
}
