import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";

import pg from "pg";

import { withUserClaims } from "../db/user-claims";
import { type ImportRecord, parseCsv, parseNdjson } from "./parse";

/**
 * `npm run nexus -- import <file> --table <schema.table> --tenant <name>`:
 * upserts records into a tenant table by import_hash, as the tenant's admin
 * through row level security, so permissions, CHECKs, composite foreign keys
 * and the authorship triggers apply exactly as to any client's writes.
 *
 *   - A record with an import_hash already in the tenant updates that row,
 *     and only if a value differs; otherwise it is skipped. Importing the same
 *     file twice therefore changes nothing the second time.
 *   - A record without import_hash gets sha256 of its canonical JSON.
 *   - Each record runs in its own savepoint: a bad one is reported with its
 *     line and reason and the good ones still land. With `atomic`, any
 *     failure rolls back the whole file.
 *   - Only columns the request role may insert are accepted; any other field
 *     fails the record, naming it.
 */
export interface ImportOptions {
  /** Connection of the GraphQL pool's login role (it switches to nexus_user). */
  authenticatorUrl: string;
  /** A connection that may read platform tables, to find the tenant's admin. */
  adminUrl: string;
  file: string;
  /** schema.table */
  table: string;
  /** Tenant name or id. */
  tenant: string;
  /** Email of the user to write as; default the tenant's first active admin. */
  as?: string;
  atomic?: boolean;
  /** Called after each record with (done, total). */
  onProgress?: (done: number, total: number) => void;
}

export interface ImportFailure {
  line: number;
  reason: string;
}

export interface ImportReport {
  total: number;
  inserted: number;
  updated: number;
  skipped: number;
  failed: number;
  failures: ImportFailure[];
  /** atomic mode only: true when a failure rolled everything back. */
  rolledBack: boolean;
}

export class ImportError extends Error {}

interface Column {
  name: string;
  type: string;
}

const snakeCase = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();

/** JSON with object keys sorted at every level, so equal rows hash equally. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

export function importHashOf(values: Record<string, unknown>): string {
  return createHash("sha256").update(canonicalJson(values)).digest("hex");
}

export async function readImportFile(file: string): Promise<ImportRecord[]> {
  const text = await fs.readFile(file, "utf8");
  const ext = path.extname(file).toLowerCase();
  if (ext === ".csv") return parseCsv(text);
  if (ext === ".ndjson" || ext === ".jsonl") return parseNdjson(text);
  throw new ImportError(`cannot import ${path.basename(file)}: use a .csv or .ndjson file`);
}

async function findTenantAdmin(
  adminUrl: string,
  tenant: string,
  email?: string,
): Promise<{ tenantId: string; userId: string; name: string }> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ tenant_id: string; name: string; user_id: string | null }>(
      `select t.id as tenant_id, t.name,
              (select u.id from platform.users u
               where u.tenant_id = t.id and u.is_active
                 and case when $2::text is null
                          then exists (select 1 from platform.user_group_memberships m
                                       where m.tenant_id = t.id and m.user_id = u.id and m.user_group_id = t.tenant_admin_group_id)
                          else lower(u.email) = lower($2) end
               order by u.created_at limit 1) as user_id
       from platform.tenants t
       where lower(t.name) = lower(btrim($1)) or t.id::text = lower(btrim($1))`,
      [tenant, email ?? null],
    );
    const row = rows[0];
    if (!row) throw new ImportError(`no tenant named "${tenant}"`);
    // Tenant names are display names: several tenants may share one.
    if (rows.length > 1) throw new ImportError(`${rows.length} tenants are named "${tenant}"; give one by its id (see nexus tenant list)`);
    if (!row.user_id)
      throw new ImportError(email ? `no active user ${email} in tenant ${row.name}` : `tenant ${row.name} has no active admin`);
    return { tenantId: row.tenant_id, userId: row.user_id, name: row.name };
  } finally {
    await client.end();
  }
}

/** The columns nexus_user may insert into `table`; refuses tables without tenant_id and import_hash. */
async function writableColumns(client: pg.ClientBase, table: string): Promise<{ relation: string; columns: Column[] }> {
  const match = /^([a-z_][a-z0-9_]*)\.([a-z_][a-z0-9_]*)$/.exec(table);
  if (!match) throw new ImportError(`--table must be schema.table (e.g. campus.students), not "${table}"`);
  const relation = `${pg.escapeIdentifier(match[1]!)}.${pg.escapeIdentifier(match[2]!)}`;
  const { rows } = await client.query<{ name: string; type: string; insertable: boolean }>(
    `select a.attname as name, format_type(a.atttypid, a.atttypmod) as type,
            has_column_privilege('nexus_user', c.oid, a.attnum, 'INSERT') as insertable
     from pg_class c
     join pg_namespace n on n.oid = c.relnamespace
     join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
     where n.nspname = $1 and c.relname = $2 and c.relkind in ('r', 'p')
     order by a.attnum`,
    [match[1], match[2]],
  );
  if (rows.length === 0) throw new ImportError(`no table ${table}`);
  const names = rows.map((row) => row.name);
  if (!names.includes("tenant_id") || !names.includes("import_hash")) {
    throw new ImportError(`${table} cannot be imported: it has no tenant_id and import_hash`);
  }
  return { relation, columns: rows.filter((row) => row.insertable).map(({ name, type }) => ({ name, type })) };
}

/** The upsert of one record: insert, or update where a value differs; reports which happened. */
function upsertStatement(relation: string, columns: Column[]): string {
  const names = columns.map((c) => pg.escapeIdentifier(c.name));
  const changed = columns.filter((c) => c.name !== "import_hash").map((c) => pg.escapeIdentifier(c.name));
  const set = changed.length ? changed.map((name) => `${name} = excluded.${name}`).join(", ") : "import_hash = excluded.import_hash";
  const differs = changed.length
    ? `(${changed.map((n) => `t.${n}`).join(", ")}) is distinct from (${changed.map((n) => `excluded.${n}`).join(", ")})`
    : "false";
  return `insert into ${relation} as t (${names.join(", ")})
    values (${columns.map((c, i) => `$${i + 1}::${c.type}`).join(", ")})
    on conflict (tenant_id, import_hash) do update set ${set}
    where ${differs}
    returning (xmax = 0) as inserted`;
}

function toParameter(value: unknown, column: Column): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === "object") return JSON.stringify(value);
  if (column.type === "jsonb" && typeof value !== "string") return JSON.stringify(value);
  return value;
}

export async function importFile(options: ImportOptions): Promise<ImportReport> {
  const records = await readImportFile(options.file);
  const who = await findTenantAdmin(options.adminUrl, options.tenant, options.as);
  const report: ImportReport = { total: records.length, inserted: 0, updated: 0, skipped: 0, failed: 0, failures: [], rolledBack: false };
  const fail = (line: number, reason: string) => {
    report.failed++;
    report.failures.push({ line, reason });
  };

  const pool = new pg.Pool({ connectionString: options.authenticatorUrl, max: 1 });
  try {
    await withUserClaims(pool, { tenantId: who.tenantId, userId: who.userId }, async (client) => {
      const { relation, columns } = await writableColumns(client, options.table);
      const byName = new Map(columns.map((c) => [c.name, c]));
      const statements = new Map<string, string>();
      let done = 0;
      for (const record of records) {
        done++;
        if (!record.values) {
          fail(record.line, record.error ?? "unreadable record");
        } else {
          const values: Record<string, unknown> = {};
          for (const [field, value] of Object.entries(record.values)) values[snakeCase(field.trim())] = value;
          const unknown = Object.keys(values).filter((name) => !byName.has(name));
          if (unknown.length) {
            fail(record.line, `unknown or read-only column${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")} for ${options.table}`);
          } else {
            if (values.import_hash === null || values.import_hash === undefined || values.import_hash === "") {
              const { import_hash: _ignored, ...rest } = values;
              values.import_hash = importHashOf(rest);
            }
            const used = columns.filter((c) => c.name in values);
            const key = used.map((c) => c.name).join(",");
            if (!statements.has(key)) statements.set(key, upsertStatement(relation, used));
            await client.query("savepoint import_row");
            try {
              const { rows } = await client.query<{ inserted: boolean }>(
                statements.get(key)!,
                used.map((c) => toParameter(values[c.name], c)),
              );
              await client.query("release savepoint import_row");
              if (rows.length === 0) report.skipped++;
              else if (rows[0]!.inserted) report.inserted++;
              else report.updated++;
            } catch (error) {
              await client.query("rollback to savepoint import_row");
              fail(record.line, (error as Error).message);
            }
          }
        }
        options.onProgress?.(done, records.length);
      }
      if (options.atomic && report.failed > 0) throw new AtomicRollback();
    });
  } catch (error) {
    if (!(error instanceof AtomicRollback)) throw error;
    report.rolledBack = true;
  } finally {
    await pool.end();
  }
  return report;
}

class AtomicRollback extends Error {}

/** The summary lines of a report, failures first. */
export function formatImportReport(report: ImportReport, table: string): string {
  const lines = report.failures.map((f) => `line ${f.line}: ${f.reason}`);
  if (report.rolledBack) {
    lines.push(`import into ${table} rolled back (--atomic): ${report.failed} of ${report.total} records failed, nothing was written`);
  } else {
    lines.push(
      `import into ${table}: ${report.inserted} inserted, ${report.updated} updated, ${report.skipped} skipped, ${report.failed} failed (${report.total} records)`,
    );
  }
  return `${lines.join("\n")}\n`;
}

/** A progress bar on a terminal; elsewhere a plain line every 10% (and at the end). */
export function progressReporter(stream: NodeJS.WriteStream, label = "import", unit = "records"): (done: number, total: number) => void {
  let lastStep = -1;
  return (done, total) => {
    if (stream.isTTY) {
      const width = 30;
      const filled = total ? Math.round((done / total) * width) : width;
      stream.write(`\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total}${done === total ? "\n" : ""}`);
      return;
    }
    const step = total ? Math.floor((done * 10) / total) : 10;
    if (step > lastStep) {
      stream.write(`${label}: ${done}/${total} ${unit}\n`);
      lastStep = step;
    }
  };
}
