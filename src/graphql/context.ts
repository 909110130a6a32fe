import type { IncomingMessage } from "node:http";

import type { Pool } from "pg";
import { type DocumentNode, getOperationAST } from "postgraphile/graphql";

import type { AccessClaims } from "../auth/jwt";
import { pgSettingsFor } from "../auth/tokens";
import { requestClaims, type TokenVerifier, verifyBearer } from "../auth/verify";
import type { Config } from "../config";
import { assertPgInternals } from "../db/pg-internals";
import { noteOperation } from "../observability/metrics";
import type { RowChangeHub } from "../realtime/hub";
import type { RealtimeContext, SocketRegistry } from "./realtime";
import { pipelinedWithPgClient, shareQueryTransaction } from "./request-transaction";
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

/** Whether the request runs a query (not a mutation or subscription); notes its operation's name for the metrics. */
function isQuery(req: IncomingMessage | undefined, document: DocumentNode | undefined, operationName: string | null | undefined): boolean {
  const operation = document ? getOperationAST(document, operationName) : null;
  if (req) noteOperation(req, operationName || operation?.name?.value);
  return operation?.operation === "query";
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
): NonNullable<GraphileConfig.Preset["grafast"]>["context"] {
  // Queries run on pipelined round trips (request-transaction.ts); mutations and subscriptions on @dataplan/pg's own.
  if (config.pool.pipeline) assertPgInternals();
  const queryClient = config.pool.pipeline
    ? pipelinedWithPgClient(authenticatorPool, { preparedStatements: config.pool.preparedStatements })
    : null;
  return async (requestContext, args) => {
    const req = requestContext.node?.req;
    const claims = req
      ? requestClaims(req)
      : requestContext.ws && realtime
        ? await websocketClaims(requestContext.ws, realtime)
        : // The realtime hub's filtered re-read, run as a subscriber (src/realtime/filtered-reader.ts).
          ((requestContext as { nexusReader?: AccessClaims }).nexusReader ?? null);
    const ws = requestContext.ws;
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
      ...(isQuery(req, args.document, args.operationName) && queryClient
        ? { withPgClient: shareQueryTransaction(queryClient) as never }
        : {}),
    };
  };
}
