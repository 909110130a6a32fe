import type { IncomingMessage, ServerResponse } from "node:http";

import type { Pool } from "pg";
import { getOperationAST } from "postgraphile/graphql";

import { parseLsn } from "../db/replicas";

/**
 * Read-your-writes across instances without shared state: a mutation's
 * answer carries the primary's WAL position after its commit (the
 * consistency token), and a query sent with it runs only where that
 * position has been replayed (src/db/replicas.ts `route`).
 */
export const CONSISTENCY_HEADER = "nexus-consistency";

function headerOf(req: IncomingMessage): string | undefined {
  const value = req.headers[CONSISTENCY_HEADER];
  return Array.isArray(value) ? value[0] : value;
}

/** The position a request's token names, or null without one (the front door refused malformed ones). */
export function consistencyTokenOf(req: IncomingMessage): bigint | null {
  const header = headerOf(req);
  return header === undefined || header === "" ? null : parseLsn(header);
}

/** Whether a request sends a token that is not one (the front door refuses it: 400 INVALID_CONSISTENCY_TOKEN). */
export function hasMalformedConsistencyToken(req: IncomingMessage): boolean {
  const header = headerOf(req);
  return header !== undefined && header !== "" && parseLsn(header) === null;
}

/**
 * After a mutation, its token: `pg_current_wal_lsn()` read once every
 * statement of the operation has committed. The position is the primary's
 * whole WAL written so far, not this connection's: read on any connection
 * after the commits returned, it is at or past each commit record (with
 * synchronous_commit, a commit returns once its record is flushed). Not
 * `pg_current_wal_insert_lsn()`: that may name records not yet written,
 * which a replica would wait for until the WAL writer runs. A token read
 * inside the transaction would come before its commit record, and a replica
 * at that position would not show the write yet.
 *
 * An answer where no mutation field returned anything (refused before it
 * ran, or every field failed and rolled back) gets no token, nor one
 * whose position could not be read: the write stands, and a query sent
 * without a token may read slightly old data.
 */
export function makeConsistencyPlugin(primary: Pool): GraphileConfig.Plugin {
  const tokenAfter = async (result: unknown, res: ServerResponse | undefined): Promise<unknown> => {
    const answer = result as { data?: unknown; extensions?: Record<string, unknown> } | null;
    if (!answer || typeof answer !== "object" || answer.data == null) return result;
    if (!Object.values(answer.data as Record<string, unknown>).some((field) => field != null)) return result;
    let token: string;
    try {
      token = (await primary.query<{ lsn: string }>("select pg_current_wal_lsn()::text as lsn")).rows[0]!.lsn;
    } catch {
      return result;
    }
    if (res && !res.headersSent) res.setHeader(CONSISTENCY_HEADER, token);
    return { ...answer, extensions: { ...answer.extensions, consistency: token } };
  };
  return {
    name: "NexusConsistencyPlugin",
    version: "1.0.0",
    grafast: {
      middleware: {
        execute(next, event) {
          const { document, operationName, requestContext } = event.args;
          if (getOperationAST(document, operationName)?.operation !== "mutation") return next();
          const res = (requestContext as { node?: { res?: ServerResponse } } | undefined)?.node?.res;
          return Promise.resolve(next()).then((result) => tokenAfter(result, res)) as never;
        },
      },
    },
  };
}
