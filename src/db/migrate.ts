import { readFileSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import JSON5 from "json5";
import { Logger, type LogLevel } from "@graphile/logger";
import type { Settings } from "graphile-migrate";
import { commit, migrate, reset, watch } from "graphile-migrate";
import { databaseName, withClient, withDatabase } from "./bootstrap";
import { projectRoot } from "./project";
import { DB_ROLES } from "./roles";

/**
 * graphile-migrate keeps its pools open for a while after each command and
 * exits the process if one of their idle connections then breaks (as when
 * the embedded PostgreSQL stops). Close them as soon as a command is done.
 */
async function releasingPools<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } finally {
    // Not in the package's public index; stable since graphile-migrate 1.0.
    (require("graphile-migrate/dist/pgReal") as { clearAllPools(): void }).clearAllPools();
  }
}

export interface MigrationTarget {
  /** A connection that may SET ROLE to the owner (superuser in the embedded default). */
  adminUrl: string;
  /** Scratch database used by `db:commit` to prove the migrations apply from zero. */
  shadowUrl?: string;
}

/**
 * graphile-migrate's messages, less "already up to date" on every start:
 * what runs is worth a line, nothing happening is not.
 */
const migrationLogger = new Logger(() => (level: LogLevel, message: string) => {
  if (/up to date/i.test(message)) return;
  (level === "error" ? process.stderr : process.stdout).write(`${message}\n`);
});

/** .gmrc plus the connection strings of `target`. */
export function migrationSettings(target: MigrationTarget): Settings {
  const root = projectRoot();
  const file = JSON5.parse(readFileSync(path.join(root, ".gmrc"), "utf8")) as Settings;
  return {
    ...file,
    connectionString: target.adminUrl,
    rootConnectionString: withDatabase(target.adminUrl, "postgres"),
    databaseOwner: DB_ROLES.owner,
    logger: migrationLogger,
    migrationsFolder: path.join(root, "migrations"),
    ...(target.shadowUrl ? { shadowConnectionString: target.shadowUrl } : {}),
  };
}

/** policies/*.sql in name order. */
export async function policyFiles(): Promise<string[]> {
  const dir = path.join(projectRoot(), "policies");
  const names = (await fs.readdir(dir)).filter((name) => name.endsWith(".sql")).sort();
  return names.map((name) => path.join(dir, name));
}

/**
 * Re-applies every policies/ file as the owner role, all in one transaction:
 * either the whole security contract is in place or none of the change is.
 */
export async function applyPolicies(adminUrl: string): Promise<void> {
  const files = await policyFiles();
  await withClient(adminUrl, async (client) => {
    await client.query("begin");
    try {
      await client.query(`set local role ${DB_ROLES.owner}`);
      for (const file of files) {
        try {
          await client.query(await fs.readFile(file, "utf8"));
        } catch (error) {
          throw new Error(`policies/${path.basename(file)}: ${(error as Error).message}`);
        }
      }
      await client.query("commit");
    } catch (error) {
      await client.query("rollback");
      throw error;
    }
  });
}

/** Committed migrations, then policies, always (even when no migration ran). */
export async function migrateDatabase(target: MigrationTarget): Promise<void> {
  // graphile-migrate would run policies only when a migration ran; we apply them ourselves.
  await releasingPools(() => migrate({ ...migrationSettings(target), afterAllMigrations: [] }));
  await applyPolicies(target.adminUrl);
}

/** Drops and recreates the database from the committed migrations. */
export async function resetDatabase(target: MigrationTarget): Promise<void> {
  await releasingPools(() => reset({ ...migrationSettings(target), afterAllMigrations: [] }));
}

export async function watchMigrations(target: MigrationTarget): Promise<void> {
  await watch(migrationSettings(target), false, false);
}

export async function commitMigration(target: MigrationTarget, message?: string): Promise<void> {
  await releasingPools(() => commit(migrationSettings(target), message));
}

export { databaseName };
