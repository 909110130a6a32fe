import { isIP } from "node:net";
import type { Request } from "express";
import type { Pool } from "pg";
import { NoSchemaIntrospectionCustomRule } from "postgraphile/graphql";
import { makePgService } from "postgraphile/adaptors/pg";
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { PgSimplifyInflectionPreset } from "@graphile/simplify-inflection";
import type { Config } from "../config";
import { requestClaims } from "../auth/middleware";
import { pgSettingsFor } from "../auth/tokens";
import { EXPOSED_SCHEMAS } from "../db/roles";
import { maskError } from "./errors";
import { SchemaNamesPlugin } from "./schema-names";
import { INCLUDE_ARCHIVED_HEADER, SoftDeletePlugin } from "./soft-delete";
import { TenantKeysPlugin } from "./tenant-keys";

export const GRAPHQL_PATH = "/graphql";
export const GRAPHIQL_PATH = "/graphiql";

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
 * Where a request came from, for the audit log (audit.tg__record_change
 * reads these settings). Only a valid IP address is passed, so the
 * database's cast to inet cannot fail; the user agent is cut to 512 chars.
 */
export function clientSettings(req: Request | undefined): Record<string, string> {
  const ip = req?.ip?.replace(/%.*$/, "");
  const userAgent = req?.get("user-agent");
  return {
    ...(ip && isIP(ip) ? { "nexus.client_ip": ip } : {}),
    ...(userAgent ? { "nexus.user_agent": userAgent.slice(0, 512) } : {}),
  };
}

/**
 * The PostGraphile preset: Amber plus simplified names over the exposed
 * schemas, through the authenticator pool. Each request's role and claims
 * come from the token that `authenticate` verified before GraphQL ran.
 */
export function makePreset(config: Config, authenticatorPool: Pool): GraphileConfig.Preset {
  return {
    extends: [PostGraphileAmberPreset, PgSimplifyInflectionPreset],
    plugins: [SchemaNamesPlugin, TenantKeysPlugin, SoftDeletePlugin, ...(config.introspection ? [] : [NoIntrospectionPlugin])],
    pgServices: [makePgService({ pool: authenticatorPool, schemas: EXPOSED_SCHEMAS })],
    grafserv: {
      graphqlPath: GRAPHQL_PATH,
      graphiql: config.graphiql,
      graphiqlPath: GRAPHIQL_PATH,
      graphiqlOnGraphQLGET: false,
      watch: false,
      websockets: false,
      maxRequestLength: 1024 * 1024,
      maskError,
    },
    grafast: {
      explain: false,
      context(requestContext) {
        const req = requestContext.expressv4?.req;
        const claims = req ? requestClaims(req) : null;
        return {
          pgSettings: {
            ...pgSettingsFor(claims),
            ...clientSettings(req),
            // Archived rows on request; the policies show them only to holders of RESTORE_<TABLE>.
            ...(claims && req?.headers[INCLUDE_ARCHIVED_HEADER] === "1" ? { "nexus.include_archived": "on" } : {}),
            statement_timeout: String(config.statementTimeoutMs),
          },
        };
      },
    },
    schema: {
      pgForbidSetofFunctionsToReturnNull: true,
    },
  };
}
