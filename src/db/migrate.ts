import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";

import { Logger, type LogLevel } from "@graphile/logger";
import type { Settings } from "graphile-migrate";
import { commit, migrate, reset, watch } from "graphile-migrate";
import JSON5 from "json5";
import type { Client } from "pg";

import { withClient, withDatabase } from "./bootstrap";
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
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a file outside the package's exports map, loaded lazily
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

/** The .sql files of one folder of the project, in name order. */
async function sqlFiles(folder: string): Promise<string[]> {
  const dir = path.join(projectRoot(), folder);
  const names = (await fs.readdir(dir)).filter((name) => name.endsWith(".sql")).sort();
  return names.map((name) => path.join(dir, name));
}

/**
 * What is re-applied after the migrations, in this order: functions/ (the
 * one definition of every nexus and nexus_auth function), then policies/
 * (which call those functions).
 */
export async function contractFiles(): Promise<string[]> {
  return [...(await sqlFiles("functions")), ...(await sqlFiles("policies"))];
}

/** functions/*.sql in name order. */
export function functionFiles(): Promise<string[]> {
  return sqlFiles("functions");
}

/** A file as the project names it (functions/nexus.sql), in errors and in the fingerprint. */
const projectPath = (file: string) => path.relative(projectRoot(), file).split(path.sep).join("/");

const LOCK_ATTEMPTS = 40;

/**
 * Sent when the policies have been applied, that is after every migration
 * and every change of current.sql: every running gateway (this instance and
 * the others on the database) rebuilds its GraphQL schema from the catalog.
 * It is PostGraphile's own watch channel, which its event triggers would
 * use; those need a superuser, this NOTIFY does not. Sent inside the
 * transaction, it is delivered at its commit, never for a rolled-back change.
 * A gateway keeps serving the old schema until the new one is built, so no
 * request fails on the way.
 */
export const SCHEMA_CHANGED = "postgraphile_watch";

/**
 * What the contract was last applied for: the function and policy files and the
 * committed migrations. Kept by nexus_auth, out of reach of every request
 * role, so that instances starting beside running ones skip the work.
 */
const POLICY_STATE = `
  create table if not exists nexus_auth.policy_state (
    id integer primary key check (id = 1),
    fingerprint text not null,
    applied_at timestamptz not null default now()
  )`;

async function fingerprint(client: Client, files: string[]): Promise<string> {
  const hash = createHash("sha256");
  for (const file of files)
    hash
      .update(projectPath(file))
      .update("\0")
      .update(await fs.readFile(file))
      .update("\0");
  const { rows } = await client.query<{ migrations: string | null }>(
    "select string_agg(hash, ',' order by filename) as migrations from graphile_migrate.migrations",
  );
  return hash.update(rows[0]?.migrations ?? "").digest("hex");
}

/**
 * Re-applies every functions/ then policies/ file as the owner role, all in one transaction:
 * either the whole security contract is in place or none of the change is.
 *
 * It first locks every table of the owner at once, waiting at most half a
 * second (less than PostgreSQL's deadlock timeout) and retrying: requests
 * running meanwhile are delayed, never deadlocked. With `onlyIfChanged`, it
 * does nothing when the files and migrations are those it last applied.
 */
export async function applyPolicies(adminUrl: string, options: { onlyIfChanged?: boolean } = {}): Promise<void> {
  const files = await contractFiles();
  await withClient(adminUrl, async (client) => {
    for (let attempt = 1; ; attempt++) {
      await client.query("begin");
      try {
        await client.query(`set local role ${DB_ROLES.owner}`);
        const wanted = await fingerprint(client, files);
        await client.query(`set local role ${DB_ROLES.auth}`);
        await client.query(POLICY_STATE);
        const { rows } = await client.query<{ fingerprint: string }>(
          "select fingerprint from nexus_auth.policy_state where id = 1 for update",
        );
        if (options.onlyIfChanged && rows[0]?.fingerprint === wanted) {
          await client.query("rollback");
          return;
        }
        await client.query(`set local role ${DB_ROLES.owner}`);
        await client.query("set local lock_timeout = '500ms'");
        const { rows: tables } = await client.query<{ name: string }>(
          // The owner's tables, from the catalog view that the loops of policies/ read too.
          "select name::text as name from nexus.owner_tables order by oid",
        );
        if (tables.length) await client.query(`lock table ${tables.map((t) => t.name).join(", ")} in access exclusive mode`);
        await client.query("set local lock_timeout = 0");
        for (const file of files) {
          try {
            await client.query(await fs.readFile(file, "utf8"));
          } catch (error) {
            throw Object.assign(new Error(`${projectPath(file)}: ${(error as Error).message}`), {
              code: (error as { code?: string }).code,
            });
          }
        }
        await client.query(`set local role ${DB_ROLES.auth}`);
        await client.query(
          "insert into nexus_auth.policy_state (id, fingerprint) values (1, $1) on conflict (id) do update set fingerprint = excluded.fingerprint, applied_at = now()",
          [wanted],
        );
        await client.query("select pg_notify($1, $2)", [SCHEMA_CHANGED, JSON.stringify({ type: "nexus_policies_applied" })]);
        await client.query("commit");
        return;
      } catch (error) {
        await client.query("rollback");
        const code = (error as { code?: string }).code;
        if ((code !== "55P03" && code !== "40P01") || attempt >= LOCK_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 300));
      }
    }
  });
}

/** Committed migrations, then functions and policies, always (even when no migration ran). */
export async function migrateDatabase(target: MigrationTarget): Promise<void> {
  // graphile-migrate would run policies only when a migration ran; we apply them ourselves.
  await releasingPools(() => migrate({ ...migrationSettings(target), afterAllMigrations: [] }));
  await applyPolicies(target.adminUrl, { onlyIfChanged: true });
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
