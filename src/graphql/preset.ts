import type { IncomingMessage } from "node:http";
import { isIP } from "node:net";
import proxyaddr from "proxy-addr";
import type { Pool } from "pg";
import fs from "node:fs";
import path from "node:path";
import { PersistedPlugin } from "@grafserv/persisted";
import { getOperationAST, NoSchemaIntrospectionCustomRule, type DocumentNode } from "postgraphile/graphql";
import { makePgService } from "postgraphile/adaptors/pg";
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { PgSimplifyInflectionPreset } from "@graphile/simplify-inflection";
import { PgAggregatesPreset } from "@graphile/pg-aggregates";
import type { Config } from "../config";
import { requestClaims } from "../auth/middleware";
import { pgSettingsFor } from "../auth/tokens";
import { EXPOSED_SCHEMAS } from "../db/roles";
import type { Logger } from "../observability/logger";
import { DatabaseUnavailableStatusPlugin, makeMaskError } from "./errors";
import { graphiqlHtmlParts } from "./graphiql";
import { NexusFilterPreset } from "./filters";
import { makeLimitsPlugin, makePageSizePlugin } from "./limits";
import { SchemaNamesPlugin } from "./schema-names";
import { INCLUDE_ARCHIVED_HEADER, SoftDeletePlugin } from "./soft-delete";
import { TenantKeysPlugin } from "./tenant-keys";
import { pipelinedWithPgClient, shareQueryTransaction } from "./request-transaction";
import { noteOperation } from "../observability/metrics";
import { RowChangesPlugin, type RealtimeContext, type SocketRegistry } from "./realtime";
import type { RowChangeHub } from "../realtime/hub";
import { verifyBearer, type TokenVerifier } from "../auth/middleware";
import type { AccessClaims } from "../auth/tokens";

export const GRAPHQL_PATH = "/graphql";
export const GRAPHIQL_PATH = "/graphiql";
export const MAX_REQUEST_BYTES = 1024 * 1024;
/** The SDK's operations by hash, written by `npm run codegen`: the trusted documents. */
export const PERSISTED_DOCUMENTS_FILE = path.join("sdk", "generated", "persisted-documents.json");

function persistedOperations(): Record<string, string> {
  const file = path.resolve(PERSISTED_DOCUMENTS_FILE);
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, string>;
  } catch (error) {
    throw new Error(`NEXUS_PERSISTED_ONLY=1 needs ${file} (npm run codegen): ${(error as Error).message}`);
  }
}

/** Refuses `__schema` / `__type` queries: production does not publish its schema. */
const NoIntrospectionPlugin: GraphileConfig.Plugin = {
  name: "NexusNoIntrospectionPlugin",
  version: "1.0.0",
  grafserv: {
    middleware: {
      setPreset(next, event) {
        event.validationRules.push(NoSchemaIntrospectionCustomRule);
        return next();
      },
    },
  },
};

/**
 * Proxies on the same host (a TLS terminator, a sidecar) are trusted to say
 * whom they forward for: here, and in Express's "trust proxy" for the other routes.
 */
export const TRUSTED_PROXIES = "loopback";
const trustProxies = proxyaddr.compile(TRUSTED_PROXIES);

/** The client's address: the socket's peer, or what a proxy on loopback forwards in X-Forwarded-For. */
export function clientIp(req: IncomingMessage): string | undefined {
  return req.socket.remoteAddress === undefined ? undefined : proxyaddr(req, trustProxies);
}

/**
 * Where a request came from, for the audit log (audit.tg__record_change
 * reads these settings). Only a valid IP address is passed, so the
 * database's cast to inet cannot fail; the user agent is cut to 512 chars.
 */
export function clientSettings(req: IncomingMessage | undefined): Record<string, string> {
  const ip = req ? clientIp(req)?.replace(/%.*$/, "") : undefined;
  const userAgent = req?.headers["user-agent"];
  return {
    ...(ip && isIP(ip) ? { "nexus.client_ip": ip } : {}),
    ...(userAgent ? { "nexus.user_agent": userAgent.slice(0, 512) } : {}),
  };
}

/**
 * The PostGraphile preset: Amber plus simplified names over the exposed
 * schemas, through the authenticator pool, with index-backed filters,
 * aggregates and the operation limits of `config.api`. Each request's role
 * and claims come from the token that `authenticate` verified before
 * GraphQL ran.
 */
export interface RealtimeOptions {
  verifier: TokenVerifier;
  sockets: SocketRegistry;
  /** The row-change stream; null when NEXUS_REALTIME=0 (rowChanged then only says ready). */
  hub: RowChangeHub | null;
  maxSubscriptionsPerSocket: number;
}

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

export function makePreset(config: Config, authenticatorPool: Pool, realtime?: RealtimeOptions, logger?: Logger): GraphileConfig.Preset {
  const production = config.env === "production";
  // Queries run on pipelined round trips (request-transaction.ts); mutations and subscriptions on @dataplan/pg's own.
  const queryClient = pipelinedWithPgClient(authenticatorPool, { preparedStatements: config.pool.preparedStatements });
  return {
    extends: [PostGraphileAmberPreset, PgSimplifyInflectionPreset, NexusFilterPreset, PgAggregatesPreset],
    plugins: [
      SchemaNamesPlugin,
      TenantKeysPlugin,
      SoftDeletePlugin,
      RowChangesPlugin,
      makePageSizePlugin(config.api),
      makeLimitsPlugin(config.api, { hideSuggestions: production }),
      DatabaseUnavailableStatusPlugin,
      ...(config.introspection ? [] : [NoIntrospectionPlugin]),
      ...(config.api.persistedOnly ? [PersistedPlugin] : []),
    ],
    ...(config.graphiql ? { ruru: { htmlParts: graphiqlHtmlParts(GRAPHQL_PATH) } } : {}),
    pgServices: [makePgService({ pool: authenticatorPool, schemas: EXPOSED_SCHEMAS })],
    grafserv: {
      graphqlPath: GRAPHQL_PATH,
      graphiql: config.graphiql,
      graphiqlPath: GRAPHIQL_PATH,
      graphiqlOnGraphQLGET: false,
      watch: false,
      websockets: !!realtime,
      // Queries may be sent by GET (cacheable links); grafserv refuses anything else over GET.
      graphqlOverGET: true,
      maxRequestLength: MAX_REQUEST_BYTES,
      maskError: makeMaskError({ hideSuggestions: production, ...(logger ? { logger } : {}) }),
      ...(config.api.persistedOnly ? { persistedOperations: persistedOperations(), allowUnpersistedOperation: false } : {}),
    },
    grafast: {
      explain: false,
      async context(requestContext, args) {
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
            ? { nexusRealtime: { hub: realtime.hub, claims, socket: ws.socket as never, maxSubscriptionsPerSocket: realtime.maxSubscriptionsPerSocket } satisfies RealtimeContext }
            : {}),
          pgSettings: {
            ...pgSettingsFor(claims),
            ...clientSettings(req),
            // Archived rows on request; the policies show them only to holders of RESTORE_<TABLE>.
            ...(claims && req?.headers[INCLUDE_ARCHIVED_HEADER] === "1" ? { "nexus.include_archived": "on" } : {}),
            statement_timeout: String(config.statementTimeoutMs),
          },
          ...(isQuery(req, args.document, args.operationName)
            ? { withPgClient: shareQueryTransaction(queryClient) as never }
            : {}),
        };
      },
    },
    schema: {
      pgForbidSetofFunctionsToReturnNull: true,
      // Ordering or filtering rows by an aggregate of their related rows
      // computes that aggregate for every row of the table: no index helps.
      defaultBehavior: "-resource:relatedAggregates:orderBy -resource:aggregates:filterBy",
    },
  };
}
