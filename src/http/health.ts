import type { RequestHandler } from "express";
import type { Pool } from "pg";

const CHECK_TIMEOUT_MS = 2_000;

/** 200 only when the database answers within a short timeout; 503 otherwise. */
export function healthHandler(pool: Pool): RequestHandler {
  return async (_req, res) => {
    res.setHeader("Cache-Control", "no-store");
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        pool.query("select 1"),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error("timed out")), CHECK_TIMEOUT_MS);
        }),
      ]);
      res.status(200).json({ status: "ok", database: "up" });
    } catch {
      res.status(503).json({ status: "unavailable", database: "down", error: { code: "database_unavailable", message: "The database does not answer." } });
    } finally {
      clearTimeout(timer);
    }
  };
}
