/*
 * npm run bench:data -- --tenants 10 --assets-per-tenant 10000 [--seed nexus]
 *
 * A realistic load for `npm run bench`: per tenant an admin (created the way
 * the product creates tenants), manufacturers, types, models, persons with
 * identities, locations, assets, and an assignment for most assets. Every
 * name and id derives from the seed, so a re-run inserts only what is
 * missing (`on conflict do nothing`), never duplicates.
 *
 * Written as the superuser, one transaction per tenant, with multi-row
 * inserts from arrays (unnest). `session_replication_role = replica` is set
 * for that transaction only: it skips the per-row triggers (audit, realtime
 * NOTIFY, tenant checks, foreign-key triggers), which would otherwise cost
 * more than the rows themselves. That is correct here because every row is
 * built consistent (ids, tenant_id and references come from the same seed).
 */
import "../src/cli/graphile-env";

import { createHash } from "node:crypto";

import pg from "pg";

import { createTenant } from "../src/auth/accounts";
import { loadConfig } from "../src/config";
import { type Database, openDatabase } from "../src/db/database";

export const BENCH_PASSWORD = "nexus-bench-password";
export const benchTenantName = (i: number) => `Bench ${String(i + 1).padStart(2, "0")}`;
export const benchAdminEmail = (i: number) => `admin@bench-${String(i + 1).padStart(2, "0")}.test`;

/** The value after `--name` on the command line, or the fallback. */
export function argValue(argv: string[], name: string, fallback: string): string {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 && argv[at + 1] ? argv[at + 1]! : fallback;
}

/** A positive integer option, or a usage error naming it. */
export function argCount(argv: string[], name: string, fallback: number): number {
  const value = Number(argValue(argv, name, String(fallback)));
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  return value;
}

/** The dataset options shared by bench:data and bench (10 tenants x 10,000 assets by default). */
export function dataOptions(argv: string[]): BenchDataOptions {
  return {
    tenants: argCount(argv, "tenants", 10),
    assets: argCount(argv, "assets-per-tenant", 10_000),
    seed: argValue(argv, "seed", "nexus"),
  };
}

/** A UUID (v4-shaped) from the seed and a key: the same key, the same id, on every run. */
function idFor(seed: string, key: string): string {
  const h = createHash("sha256").update(`${seed}:${key}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const MANUFACTURERS = ["Lenovo", "Dell", "HP", "Apple", "Epson", "Cisco", "Samsung", "Brother"];
const TYPES = ["Laptop", "Desktop", "Projector", "Printer", "Switch", "Monitor"];
const FIRST = ["Ada", "Alan", "Grace", "Linus", "Barbara", "Ken", "Margaret", "Dennis", "Frances", "Edsger"];
const LAST = ["Lovelace", "Turing", "Hopper", "Torvalds", "Liskov", "Thompson", "Hamilton", "Ritchie", "Allen", "Dijkstra"];
const MODELS_PER_MANUFACTURER = 8;
const PERSONS = 500;
const LOCATIONS = 100;
const CHUNK = 5_000;

function progress(done: number, total: number, label: string): void {
  if (!process.stdout.isTTY) return;
  const width = 30;
  const filled = Math.round((done / total) * width);
  process.stdout.write(`\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total} ${label}      `);
}

async function insertRows(client: pg.PoolClient, table: string, columns: Array<[string, string]>, rows: unknown[][]): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const arrays = columns.map((_, c) => chunk.map((row) => row[c]));
    const sql = `insert into ${table} (${columns.map(([name]) => name).join(", ")})
      select * from unnest(${columns.map(([, type], c) => `$${c + 1}::${type}[]`).join(", ")})
      on conflict do nothing`;
    await client.query(sql, arrays);
  }
}

async function loadTenant(client: pg.PoolClient, seed: string, tenantId: string, index: number, assetCount: number): Promise<void> {
  const key = (kind: string, i: number | string) => idFor(seed, `${benchTenantName(index)}:${kind}:${i}`);
  const manufacturers = MANUFACTURERS.map((name, i) => [key("manufacturer", i), tenantId, name]);
  const types = TYPES.map((name, i) => [key("type", i), tenantId, name]);
  const models: unknown[][] = [];
  MANUFACTURERS.forEach((maker, m) => {
    for (let j = 0; j < MODELS_PER_MANUFACTURER; j++) {
      const t = (m + j) % TYPES.length;
      models.push([
        key("model", `${m}-${j}`),
        tenantId,
        `${maker} ${TYPES[t]} ${100 + j * 10}`,
        key("manufacturer", m),
        key("type", t),
        "serialized",
      ]);
    }
  });
  const persons: unknown[][] = [];
  const identities: unknown[][] = [];
  for (let i = 0; i < PERSONS; i++) {
    persons.push([key("person", i), tenantId, key("identity", i)]);
    identities.push([
      key("identity", i),
      tenantId,
      key("person", i),
      FIRST[i % FIRST.length],
      `${LAST[Math.floor(i / FIRST.length) % LAST.length]}-${i}`,
    ]);
  }
  const locationTypeId = key("location-type", 0);
  const locations: unknown[][] = [];
  for (let i = 0; i < LOCATIONS; i++) locations.push([key("location", i), tenantId, `Room ${100 + i}`, locationTypeId]);
  const assets: unknown[][] = [];
  const assignments: unknown[][] = [];
  const prefix = `B${String(index + 1).padStart(2, "0")}`;
  for (let i = 0; i < assetCount; i++) {
    const model = models[(i * 7) % models.length]!;
    const id = key("asset", i);
    // Names that do not sort in insertion order, so "first 20 by name" is a real ordering.
    const name = `${(model[2] as string).split(" ")[1]} ${prefix}-${String((i * 7919) % assetCount).padStart(6, "0")}`;
    assets.push([id, tenantId, name, `${prefix}-SN-${i}`, model[0], 1]);
    if (i % 10 < 7) {
      const byPerson = i % 2 === 0;
      assignments.push([
        key("assignment", i),
        tenantId,
        id,
        byPerson ? key("person", i % PERSONS) : null,
        byPerson ? null : key("location", i % LOCATIONS),
        "2026-09-01",
      ]);
    }
  }
  await insertRows(
    client,
    "assets.asset_manufacturers",
    [
      ["id", "uuid"],
      ["tenant_id", "uuid"],
      ["name", "text"],
    ],
    manufacturers,
  );
  await insertRows(
    client,
    "assets.asset_types",
    [
      ["id", "uuid"],
      ["tenant_id", "uuid"],
      ["name", "text"],
    ],
    types,
  );
  await insertRows(
    client,
    "assets.asset_models",
    [
      ["id", "uuid"],
      ["tenant_id", "uuid"],
      ["name", "text"],
      ["manufacturer_id", "uuid"],
      ["asset_type_id", "uuid"],
      ["tracking_type", "assets.asset_tracking_type"],
    ],
    models,
  );
  await insertRows(
    client,
    "census.persons",
    [
      ["id", "uuid"],
      ["tenant_id", "uuid"],
      ["current_identity_id", "uuid"],
    ],
    persons,
  );
  await insertRows(
    client,
    "census.identities",
    [
      ["id", "uuid"],
      ["tenant_id", "uuid"],
      ["person_id", "uuid"],
      ["first_name", "text"],
      ["last_name", "text"],
    ],
    identities,
  );
  await insertRows(
    client,
    "locations.location_types",
    [
      ["id", "uuid"],
      ["tenant_id", "uuid"],
      ["name", "text"],
    ],
    [[locationTypeId, tenantId, "Room"]],
  );
  await insertRows(
    client,
    "locations.locations",
    [
      ["id", "uuid"],
      ["tenant_id", "uuid"],
      ["name", "text"],
      ["type_id", "uuid"],
    ],
    locations,
  );
  await insertRows(
    client,
    "assets.assets",
    [
      ["id", "uuid"],
      ["tenant_id", "uuid"],
      ["name", "text"],
      ["serial_number", "text"],
      ["model_id", "uuid"],
      ["quantity", "int4"],
    ],
    assets,
  );
  await insertRows(
    client,
    "assets.asset_assignments",
    [
      ["id", "uuid"],
      ["tenant_id", "uuid"],
      ["asset_id", "uuid"],
      ["person_id", "uuid"],
      ["location_id", "uuid"],
      ["start_date", "date"],
    ],
    assignments,
  );
}

export interface BenchDataOptions {
  tenants: number;
  assets: number;
  seed: string;
}

export interface BenchTenant {
  tenantId: string;
  name: string;
  adminEmail: string;
}

/**
 * Loads (or completes) the bench tenants into a migrated database and
 * returns them. Idempotent: what is already there is kept.
 */
export async function loadBenchData(
  database: Pick<Database, "adminUrl" | "authenticatorUrl">,
  options: BenchDataOptions,
): Promise<BenchTenant[]> {
  const { tenants, assets, seed } = options;
  const admin = new pg.Pool({ connectionString: database.adminUrl, max: 1 });
  const authenticator = new pg.Pool({ connectionString: database.authenticatorUrl, max: 1 });
  const loaded: BenchTenant[] = [];
  try {
    for (let i = 0; i < tenants; i++) {
      progress(i, tenants, benchTenantName(i));
      const found = await authenticator.query<{ id: string }>("select id from nexus_auth.find_tenant($1)", [benchTenantName(i)]);
      const tenantId =
        found.rows[0]?.id ??
        (await createTenant(authenticator, { name: benchTenantName(i), adminEmail: benchAdminEmail(i), password: BENCH_PASSWORD }))
          .tenantId;
      const client = await admin.connect();
      try {
        await client.query("begin");
        await client.query("set local session_replication_role = replica");
        await loadTenant(client, seed, tenantId, i, assets);
        await client.query("commit");
      } catch (error) {
        await client.query("rollback").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
      loaded.push({ tenantId, name: benchTenantName(i), adminEmail: benchAdminEmail(i) });
    }
    progress(tenants, tenants, "done");
    if (process.stdout.isTTY) process.stdout.write("\n");
    await admin.query(
      "analyze assets.assets, assets.asset_models, assets.asset_manufacturers, assets.asset_types, assets.asset_assignments, census.persons, census.identities, locations.locations",
    );
    return loaded;
  } finally {
    await admin.end();
    await authenticator.end();
  }
}

async function main(): Promise<void> {
  const options = dataOptions(process.argv.slice(2));
  const config = loadConfig(process.env);
  const database = await openDatabase(config, { attach: true });
  const started = Date.now();
  try {
    await loadBenchData(database, options);
    const admin = new pg.Client({ connectionString: database.adminUrl });
    await admin.connect();
    const { rows } = await admin.query<{ n: string }>("select count(*) as n from assets.assets");
    await admin.end();
    process.stdout.write(
      `bench data: ${options.tenants} tenants x ${options.assets} assets (seed "${options.seed}") in ${((Date.now() - started) / 1000).toFixed(1)} s; ${rows[0]!.n} assets in the database\n`,
    );
  } finally {
    await database.close();
  }
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`bench:data: ${(error as Error).message}\n`);
    process.exit(1);
  });
}
