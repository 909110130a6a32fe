import pg, { type PoolClient } from "pg";

/**
 * THIS MODULE IS A DELIBERATE HACK: it is the only place that reaches into
 * node-postgres's private state, and that state may change in any release.
 * That is why `pg` is pinned exactly in package.json and why
 * `assertPgInternals()` runs when the GraphQL preset is built: a `pg` whose
 * shape differs fails the start with a message naming what is missing, not a
 * TypeError deep inside the first query.
 *
 * What it buys (src/graphql/request-transaction.ts, measured with the read
 * scenarios of `npm run bench`): corking the socket sends `begin`, the
 * request's settings and the first statement in one write, so a
 * one-statement query costs two round trips instead of four; and knowing
 * which statements the connection has parsed lets evicted prepared
 * statements be deallocated, bounding PostgreSQL's memory per connection.
 *
 * The way out: `NEXUS_DB_PIPELINE=0` runs every query on @dataplan/pg's own
 * client path, which uses only pg's public API, and this module is then not
 * used at all.
 */

/** The part of a pg `Client` used here: its private `connection`. */
interface ClientInternals {
  connection?: {
    /** The socket (net.Socket or tls.TLSSocket): cork/uncork batch writes into one. */
    stream?: { cork?: unknown; uncork?: unknown };
    /** Names of the statements this connection has parsed, with their text. */
    parsedStatements?: unknown;
  };
}

const internals = (client: PoolClient | pg.Client) => (client as unknown as ClientInternals).connection;

/** What is missing from pg's private state, for the start-up check. */
function missingInternals(client: pg.Client): string[] {
  const connection = internals(client);
  const missing: string[] = [];
  if (typeof connection !== "object" || connection === null) return ["client.connection"];
  if (typeof connection.stream?.cork !== "function" || typeof connection.stream.uncork !== "function") {
    missing.push("client.connection.stream.cork()/uncork()");
  }
  if (typeof connection.parsedStatements !== "object" || connection.parsedStatements === null) {
    missing.push("client.connection.parsedStatements");
  }
  return missing;
}

/**
 * Fails clearly if pg's private state is not what this module relies on. An
 * unconnected client has it already (pg builds its Connection, socket and
 * statement cache in the constructor), so no database is needed.
 */
export function assertPgInternals(client: pg.Client = new pg.Client()): void {
  const missing = missingInternals(client);
  if (missing.length > 0) {
    throw new Error(
      `The installed pg no longer has ${missing.join(" and ")}, which pipelined queries rely on ` +
        "(src/db/pg-internals.ts). Install the version package.json pins, or set NEXUS_DB_PIPELINE=0.",
    );
  }
}

/** Holds the connection's writes until `uncork`, so what is sent meanwhile leaves in one packet. */
export function corkedSocket(client: PoolClient): { cork(): void; uncork(): void } {
  return internals(client)!.stream as { cork(): void; uncork(): void };
}

/**
 * The statements this connection has parsed, by name. Deleting a name makes
 * pg parse it again on next use: do it only together with `deallocate`.
 */
export function parsedStatements(client: PoolClient): Record<string, string | undefined> {
  return internals(client)!.parsedStatements as Record<string, string | undefined>;
}
