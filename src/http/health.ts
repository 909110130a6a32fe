import { readdirSync } from "node:fs";
import path from "node:path";

import type { RequestHandler } from "express";
import type { Pool } from "pg";

import { projectRoot } from "../db/project";
import { isDatabaseAuthenticationFailure } from "../db/unavailable";
import type { Logger } from "../observability/logger";

const CHECK_TIMEOUT_MS = 2_000;

function withinTimeout<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("timed out")), CHECK_TIMEOUT_MS);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

const DATABASE_DOWN = { code: "DATABASE_UNAVAILABLE", message: "The database does not answer." };
const DATABASE_REFUSES_LOGIN = {
  code: "DATABASE_AUTHENTICATION_FAILED",
  message: "The database refuses the gateway's credentials (its login role's password was changed or is wrong).",
};

/** Liveness: 200 only when the database answers within a short timeout; 503 otherwise, naming a refused login as such. */
export function healthHandler(pool: Pool, logger?: Pick<Logger, "error">): RequestHandler {
  return async (_req, res) => {
    res.setHeader("Cache-Control", "no-store");
    try {
      await withinTimeout(pool.query("select 1"));
      res.status(200).json({ status: "ok", database: "up" });
    } catch (error) {
      if (isDatabaseAuthenticationFailure(error)) {
        logger?.error({ err: error }, "database authentication failed: the gateway's login role cannot sign in");
        res.status(503).json({ status: "unavailable", database: "refuses_login", error: DATABASE_REFUSES_LOGIN });
        return;
      }
      res.status(503).json({ status: "unavailable", database: "down", error: DATABASE_DOWN });
    }
  };
}

/**
 * The newest committed migration this build carries, under the name
 * graphile-migrate records it by: its number (`000010.sql`), without the
 * description that follows in the file name.
 */
export function newestCommittedMigration(root = projectRoot()): string | null {
  const numbers = readdirSync(path.join(root, "migrations", "committed"))
    .map((file) => /^(\d+)(?:-[^/]*)?\.sql$/.exec(file)?.[1])
    .filter((number): number is string => number !== undefined);
  const newest = numbers.sort().at(-1);
  return newest === undefined ? null : `${newest}.sql`;
}

/**
 * Readiness: the database answers and its newest applied migration is the
 * newest this build carries. A load balancer sends no traffic to an
 * instance whose schema is behind (or ahead of) its code.
 */
export function readyHandler(pool: Pool, expected: string | null): RequestHandler {
  return async (_req, res) => {
    res.setHeader("Cache-Control", "no-store");
    let applied: string | null;
    try {
      const { rows } = await withinTimeout(pool.query<{ head: string | null }>("select nexus_auth.migration_head() as head"));
      applied = rows[0]!.head;
    } catch {
      res.status(503).json({ status: "not_ready", database: "down", error: DATABASE_DOWN });
      return;
    }
    if (applied === null) {
      res.status(503).json({
        status: "not_ready",
        database: "up",
        expected,
        error: { code: "MIGRATIONS_UNKNOWN", message: "The applied migrations cannot be read (graphile_migrate.migrations)." },
      });
      return;
    }
    if (applied !== expected) {
      res.status(503).json({
        status: "not_ready",
        database: "up",
        applied,
        expected,
        error: { code: "MIGRATIONS_NOT_CURRENT", message: `The database is at migration ${applied}; this gateway expects ${expected}.` },
      });
      return;
    }
    res.status(200).json({ status: "ready", database: "up", migration: applied });
  };
}
