/*
 * The peers the gateway is measured against besides the baseline: stock
 * PostGraphile 5 (the installed version, Amber preset + simplify-inflection
 * + pg-aggregates, none of the gateway's plugins) and PostGraphile 4.14 (the
 * `postgraphile4` alias), each over the same exposed schemas, through the
 * same authenticator role, with the same token verification and the same
 * settings per request (role, jwt.claims.*, statement_timeout) as the
 * gateway, so row level security does the same work.
 *
 * Their documented production settings: v5's defaults with GRAPHILE_ENV and
 * NODE_ENV production (bench/server.ts), no explain, no GraphiQL; v4 with
 * `dynamicJson`, `setofFunctionsContainNulls: false`, no query log, no
 * extended errors, and its prepared statements (on by default).
 *
 * Neither has the gateway's filter plugin, so they run no search scenario;
 * their field names differ (v4 runs without simplify-inflection: its
 * pg-simplify-inflector 6 and pg-aggregates 0.1 cannot be installed beside
 * v5's graphile-build, a peer-dependency conflict; the scenarios need
 * neither), so each has its own operations, and its answers are renamed to
 * the gateway's before they are compared (`normalise`).
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import Module from "node:module";

import { PgAggregatesPreset } from "@graphile/pg-aggregates";
import { PgSimplifyInflectionPreset } from "@graphile/simplify-inflection";
import type pg from "pg";
import { postgraphile } from "postgraphile";
import { makePgService } from "postgraphile/adaptors/pg";
import { grafserv } from "postgraphile/grafserv/node";
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";

import { pgSettingsFor, verifyAccessToken } from "../src/auth/tokens";
import type { JwtConfig } from "../src/config";
import { EXPOSED_SCHEMAS } from "../src/db/roles";
import type { ReadScenario } from "./scenarios";

export type PeerKind = "postgraphile5" | "postgraphile4";

const STATEMENT_TIMEOUT_MS = "15000";

/** The gateway's settings for the request's token (the bench sends valid ones only; anything else is anonymous). */
async function settingsFor(jwtConfig: JwtConfig, req: IncomingMessage | undefined): Promise<Record<string, string>> {
  const header = req?.headers.authorization ?? "";
  const claims = header.startsWith("Bearer ") ? await verifyAccessToken(jwtConfig, header.slice("Bearer ".length), null) : null;
  return { ...pgSettingsFor(claims), statement_timeout: STATEMENT_TIMEOUT_MS };
}

/**
 * v4 runs on graphql 15 (nested under postgraphile4/), but npm hoists
 * graphql-parse-resolve-info, which v4 alone uses, to the top, where its
 * `require("graphql")` finds v5's graphql 16: two graphql instances in one
 * schema ("Unexpected input type"). In the v4 process only, that module is
 * given v4's graphql (`graphql` and its subpaths).
 */
function graphql15ForV4(): void {
  const v4 = [require.resolve("postgraphile4")];
  const resolving = Module as unknown as {
    _resolveFilename: (request: string, parent: { filename?: string } | null, ...rest: unknown[]) => string;
  };
  const resolve = resolving._resolveFilename;
  resolving._resolveFilename = function (request, parent, ...rest) {
    if ((request === "graphql" || request.startsWith("graphql/")) && parent?.filename?.includes("/graphql-parse-resolve-info/"))
      return require.resolve(request, { paths: v4 });
    return resolve.call(this, request, parent, ...rest);
  };
}

export async function createPeerServer(kind: PeerKind, jwtConfig: JwtConfig, pool: pg.Pool): Promise<Server> {
  if (kind === "postgraphile4") {
    graphql15ForV4();
    const { postgraphile: postgraphile4 } = await import("postgraphile4");
    const middleware = postgraphile4(pool, [...EXPOSED_SCHEMAS], {
      dynamicJson: true,
      setofFunctionsContainNulls: false,
      disableQueryLog: true,
      graphiql: false,
      enableQueryBatching: false,
      retryOnInitFail: false,
      pgSettings: (req) => settingsFor(jwtConfig, req),
    });
    return createServer(middleware);
  }
  const preset: GraphileConfig.Preset = {
    extends: [PostGraphileAmberPreset, PgSimplifyInflectionPreset, PgAggregatesPreset],
    pgServices: [makePgService({ pool, schemas: [...EXPOSED_SCHEMAS] })],
    gather: { installWatchFixtures: false },
    grafserv: { graphqlPath: "/graphql", graphiql: false },
    grafast: {
      explain: false,
      context: async (requestContext) => ({ pgSettings: await settingsFor(jwtConfig, requestContext.node?.req) }),
    },
  };
  const serv = postgraphile(preset).createServ(grafserv);
  const server = createServer();
  serv.addTo(server);
  await serv.ready();
  return server;
}

/**
 * Each peer's operation for a scenario; null: the peer cannot ask it (search:
 * no filter plugin). Their names are what each builds from the same
 * database: the schema prefix on every schema but the first (v5; the
 * gateway drops it), relations named after the composite tenant-carrying
 * foreign keys (`tenantModel`, `…ByTenantIdAndAssetId`; the gateway names
 * them after the column). The connections under the asset are ordered by
 * primary key explicitly, as the gateway's are by default, and v4 breaks
 * ties of the newest first by id descending, as the gateway and v5 do.
 */
export const PEER_GRAPHQL: Record<PeerKind, Record<ReadScenario, string | null>> = {
  postgraphile5: {
    list: `query BenchList {
  assetsAssets(first: 20, orderBy: [NAME_ASC, PRIMARY_KEY_ASC]) {
    totalCount
    nodes { rowId name serialNumber tenantModel { name tenantManufacturer { name } tenantAssetType { name } } }
  }
}`,
    point: `query BenchAsset($id: UUID!) {
  assetsAsset(rowId: $id) {
    rowId name serialNumber quantity
    tenantModel { name tenantManufacturer { name } tenantAssetType { name } }
    assetsAssetAssignmentsByTenantIdAndAssetId(first: 5, orderBy: [PRIMARY_KEY_ASC]) {
      nodes { startDate tenantLocation { name } tenantPerson { currentIdentity { firstName lastName } } }
    }
  }
}`,
    aggregate: `query BenchCountByType($manufacturer: UUID!) {
  assetsAssetTypes(orderBy: [NAME_ASC]) {
    nodes { name assetsAssetModelsByTenantIdAndAssetTypeId(condition: { manufacturerId: $manufacturer }) { nodes { assets { totalCount } } } }
  }
}`,
    search: null,
    newest: `query BenchNewest {
  assetsAssets(first: 20, orderBy: [CREATED_AT_DESC]) {
    nodes { rowId name serialNumber }
  }
}`,
  },
  postgraphile4: {
    list: `query BenchList {
  allAssets(first: 20, orderBy: [NAME_ASC, PRIMARY_KEY_ASC]) {
    totalCount
    nodes { id name serialNumber assetModelByTenantIdAndModelId { name assetManufacturerByTenantIdAndManufacturerId { name } assetTypeByTenantIdAndAssetTypeId { name } } }
  }
}`,
    point: `query BenchAsset($id: UUID!) {
  assetById(id: $id) {
    id name serialNumber quantity
    assetModelByTenantIdAndModelId { name assetManufacturerByTenantIdAndManufacturerId { name } assetTypeByTenantIdAndAssetTypeId { name } }
    assetAssignmentsByTenantIdAndAssetId(first: 5, orderBy: [PRIMARY_KEY_ASC]) {
      nodes { startDate locationByTenantIdAndLocationId { name } personByTenantIdAndPersonId { currentIdentity { firstName lastName } } }
    }
  }
}`,
    aggregate: `query BenchCountByType($manufacturer: UUID!) {
  allAssetTypes(orderBy: [NAME_ASC]) {
    nodes { name assetModelsByTenantIdAndAssetTypeId(condition: { manufacturerId: $manufacturer }) { nodes { assets { totalCount } } } }
  }
}`,
    search: null,
    newest: `query BenchNewest {
  allAssets(first: 20, orderBy: [CREATED_AT_DESC, PRIMARY_KEY_DESC]) {
    nodes { id name serialNumber }
  }
}`,
  },
};

/** Each peer's field names, as the gateway names them. */
const NAMES: Record<PeerKind, Record<string, string>> = {
  postgraphile5: {
    assetsAssets: "assets",
    assetsAsset: "asset",
    tenantModel: "model",
    tenantManufacturer: "manufacturer",
    tenantAssetType: "assetType",
    assetsAssetAssignmentsByTenantIdAndAssetId: "assetAssignments",
    tenantLocation: "location",
    tenantPerson: "person",
    assetsAssetTypes: "assetTypes",
    assetsAssetModelsByTenantIdAndAssetTypeId: "assetModels",
  },
  postgraphile4: {
    allAssets: "assets",
    assetById: "asset",
    id: "rowId",
    assetModelByTenantIdAndModelId: "model",
    assetManufacturerByTenantIdAndManufacturerId: "manufacturer",
    assetTypeByTenantIdAndAssetTypeId: "assetType",
    assetAssignmentsByTenantIdAndAssetId: "assetAssignments",
    locationByTenantIdAndLocationId: "location",
    personByTenantIdAndPersonId: "person",
    allAssetTypes: "assetTypes",
    assetModelsByTenantIdAndAssetTypeId: "assetModels",
  },
};

/** A peer's answer with the gateway's field names, for the comparison. */
export function normalise(kind: PeerKind, answer: unknown): unknown {
  const names = NAMES[kind];
  const rename = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rename);
    if (value === null || typeof value !== "object") return value;
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [names[key] ?? key, rename(inner)]));
  };
  return rename(answer);
}
