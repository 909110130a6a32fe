import { PersistedPlugin } from "@grafserv/persisted";
import { PgAggregatesPreset } from "@graphile/pg-aggregates";
import { PgSimplifyInflectionPreset } from "@graphile/simplify-inflection";
import type { Pool } from "pg";
import { makePgService, type PgSubscriber } from "postgraphile/adaptors/pg";
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";

import type { Config } from "../config";
import type { ReplicaSet } from "../db/replicas";
import { EXPOSED_SCHEMAS } from "../db/roles";
import type { Logger } from "../observability/logger";
import { OutcomeCodesPlugin } from "../observability/outcome";
import { makeConsistencyPlugin } from "./consistency";
import { ConstraintCatalog } from "./constraints";
import { makeContext, type RealtimeOptions, type RequestSettings, type TenantShare } from "./context";
import { DatabaseUnavailableStatusPlugin, ErrorCodesPlugin, makeMaskError } from "./errors";
import { makeFileUrlPlugin } from "./file-url";
import { NexusFilterPreset } from "./filters";
import { graphiqlHtmlParts } from "./graphiql";
import { GroupKeysPlugin } from "./group-keys";
import { IndexHintsPlugin } from "./index-hints";
import { makeGroupedAggregatesLimitPlugin, makeLimitsPlugin, makePageSizePlugin } from "./limits";
import { MutationOutcomePlugin } from "./mutation-outcome";
import { NoIntrospectionPlugin } from "./no-introspection";
import { RelationNullabilityPlugin } from "./nullability";
import { persistedOnlyOptions, persistedOperations } from "./persisted";
import { RowChangesPlugin } from "./realtime";
import { ScalarInputPlugin } from "./scalar-input";
import { SchemaNamesPlugin } from "./schema-names";
import { SoftDeletePlugin } from "./soft-delete";
import { makeTenantBudgetPlugin, type TenantBudgets } from "./tenant-budget";
import { TenantKeysPlugin } from "./tenant-keys";
import { UserAvatarPlugin } from "./user-avatar";

export const GRAPHQL_PATH = "/graphql";
export const GRAPHIQL_PATH = "/graphiql";
export const MAX_REQUEST_BYTES = 1024 * 1024;

/**
 * The PostGraphile preset: Amber plus simplified names over the exposed
 * schemas, through the authenticator pool, with index-backed filters,
 * aggregates and the operation limits of `config.api`; each request's
 * context from `makeContext` (context.ts). Composition only: every plugin
 * is in a file of its own.
 */
/**
 * `subscriber`: LISTENs for schema changes (and row changes) on a connection
 * of its own; with one, the schema is rebuilt whenever a migration or
 * policies/ is applied (see SCHEMA_CHANGED in src/db/migrate.ts), without a
 * restart. Without one (schema export, docs) the schema is built once.
 * `tenancy`: the fair share of the pool between tenants and their budgets
 * (src/db/fair-pool.ts, tenant-budget.ts); without it neither applies.
 */
export function makePreset(
  config: Config,
  authenticatorPool: Pool,
  realtime?: RealtimeOptions,
  logger?: Logger,
  requestSettings: RequestSettings = () => ({}),
  subscriber?: PgSubscriber,
  replicas: ReplicaSet | null = null,
  tenancy: { share?: TenantShare; budgets?: TenantBudgets | null } = {},
): GraphileConfig.Preset {
  const production = config.env === "production";
  const constraints = new ConstraintCatalog();
  return {
    extends: [PostGraphileAmberPreset, PgSimplifyInflectionPreset, NexusFilterPreset, PgAggregatesPreset],
    plugins: [
      SchemaNamesPlugin,
      TenantKeysPlugin,
      SoftDeletePlugin,
      MutationOutcomePlugin,
      makeConsistencyPlugin(authenticatorPool),
      constraints.plugin(),
      ScalarInputPlugin,
      // Outermost first: the outcome (metrics, log line) sees the codes ErrorCodesPlugin adds.
      OutcomeCodesPlugin,
      ErrorCodesPlugin,
      RelationNullabilityPlugin,
      IndexHintsPlugin,
      GroupKeysPlugin,
      RowChangesPlugin,
      makeFileUrlPlugin(config),
      UserAvatarPlugin,
      makePageSizePlugin(config.api),
      makeLimitsPlugin(config.api, { hideSuggestions: production }),
      makeGroupedAggregatesLimitPlugin(config.api),
      makeTenantBudgetPlugin(tenancy.budgets ?? null),
      DatabaseUnavailableStatusPlugin,
      ...(config.introspection ? [] : [NoIntrospectionPlugin]),
      ...(config.api.persistedOnly ? [PersistedPlugin] : []),
    ],
    ...(config.graphiql ? { ruru: { htmlParts: graphiqlHtmlParts(GRAPHQL_PATH) } } : {}),
    pgServices: [makePgService({ pool: authenticatorPool, schemas: EXPOSED_SCHEMAS, ...(subscriber ? { pgSubscriber: subscriber } : {}) })],
    // PostGraphile's event triggers need a superuser; the gateway's own NOTIFY after migrating replaces them.
    gather: { installWatchFixtures: false },
    grafserv: {
      graphqlPath: GRAPHQL_PATH,
      graphiql: config.graphiql,
      graphiqlPath: GRAPHIQL_PATH,
      graphiqlOnGraphQLGET: false,
      watch: !!subscriber,
      websockets: !!realtime,
      // Queries may be sent by GET (cacheable links); grafserv refuses anything else over GET.
      graphqlOverGET: true,
      maxRequestLength: MAX_REQUEST_BYTES,
      maskError: makeMaskError({ hideSuggestions: production, constraints, ...(logger ? { logger } : {}) }),
      ...(config.api.persistedOnly ? persistedOnlyOptions(persistedOperations()) : {}),
    },
    grafast: {
      explain: false,
      timeouts: { planning: config.api.planningTimeoutMs },
      context: makeContext(config, authenticatorPool, realtime, requestSettings, replicas, tenancy.share),
    },
    schema: {
      pgForbidSetofFunctionsToReturnNull: true,
      // Ordering or filtering rows by an aggregate of their related rows
      // computes that aggregate for every row of the table: no index helps.
      defaultBehavior: "-resource:relatedAggregates:orderBy -resource:aggregates:filterBy",
    },
  };
}
