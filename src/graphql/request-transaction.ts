import type { Pool, PoolClient } from "pg";

import { corkedSocket, parsedStatements } from "../db/pg-internals";

export type WithPgClient = (pgSettings: Record<string, string> | null, callback: (client: any) => Promise<any>) => Promise<any>;

interface Job {
  callback: (client: any) => Promise<any>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/**
 * A statement refused only because one before it in the transaction failed:
 * 25P02 (the transaction is aborted) or, for a statement whose text was
 * parsed (as a named statement) by an earlier one that was refused, 26000
 * (no such prepared statement).
 */
function refusedAfterAbort(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "25P02" || code === "26000";
}

/**
 * One transaction for the statements of one query. Grafast sends the
 * independent statements of an operation (the rows of a connection and its
 * `totalCount`, say) through separate `withPgClient` calls, and each would
 * take a pooled connection and run `begin`, the request's `set_config`s, the
 * statement and `commit`: four round trips per statement. Calls that arrive
 * while this request's transaction is open join it instead: those waiting
 * together are sent together (the connection pipelines them), and the
 * transaction ends when, once the promise callbacks of the last statements
 * have run, none is waiting. A later call opens a new one.
 *
 * Only for queries: a mutation keeps a transaction per statement, so a
 * failed write never takes another one with it. Should a statement of a
 * query fail, the transaction can only roll back: the statements sent
 * behind it (refused as in an aborted transaction) and what was still
 * waiting run again in a transaction of their own. Should the settings
 * fail, every statement is refused that way, and runs again, and fails
 * with the settings' error.
 */
export function shareQueryTransaction(withPgClient: WithPgClient): WithPgClient {
  let open: { pgSettings: Record<string, string> | null; waiting: Job[] } | null = null;
  return (pgSettings, callback) =>
    new Promise((resolve, reject) => {
      if (open && open.pgSettings === pgSettings) {
        open.waiting.push({ callback, resolve, reject });
        return;
      }
      const batch = { pgSettings, waiting: [{ callback, resolve, reject }] as Job[] };
      // Statements sent behind one that failed, refused only because the transaction was aborted.
      const again: Job[] = [];
      open = batch;
      const close = () => {
        if (open === batch) open = null;
      };
      withPgClient(pgSettings, async (client) => {
        let failure: unknown = null;
        let aborted = false;
        for (;;) {
          // Whatever waits goes out together: the connection pipelines the statements.
          await Promise.all(
            batch.waiting.splice(0).map((job) =>
              job.callback(client).then(job.resolve, (error: unknown) => {
                aborted = true;
                if (refusedAfterAbort(error)) return void again.push(job);
                failure ??= error;
                job.reject(error);
              }),
            ),
          );
          if (aborted) break;
          // Grafast plans its next steps in the promise callbacks of the
          // last result: a nextTick runs once those have all run, before
          // any I/O, so the connection is not held while other requests run.
          await new Promise<void>((resolveTick) => process.nextTick(resolveTick));
          if (batch.waiting.length === 0) break;
        }
        close();
        for (const job of [...again, ...batch.waiting.splice(0)]) withPgClient(pgSettings, job.callback).then(job.resolve, job.reject);
        if (failure !== null) throw failure;
      }).catch((error: unknown) => {
        // begin or set_config failed: nothing ran; a failed statement was already reported to its caller
        close();
        for (const job of batch.waiting.splice(0)) job.reject(error);
      });
    });
}

/** How many prepared statements a connection keeps (the least recently used is deallocated). */
const PREPARED_STATEMENTS_PER_CONNECTION = 100;

const SET_SETTINGS = "select set_config(el->>0, el->>1, true) from json_array_elements($1::json) el";

interface QueryOptions {
  text: string;
  values?: readonly unknown[];
  arrayMode?: boolean;
  name?: string;
}

/** What grafast's statements are given to run on: the shape of @dataplan/pg's client. */
interface StatementClient {
  rawClient: PoolClient;
  query(options: QueryOptions): Promise<{ rows: unknown[]; rowCount: number | null; notices: readonly never[] }>;
  withTransaction<T>(callback: (client: StatementClient) => Promise<T>): Promise<T>;
}

interface Prepared {
  /** The statement names this connection keeps prepared for queries, least recently used first. */
  names: Map<string, true>;
  /** Names pushed out of `names`, to deallocate once the transaction is over. */
  evicted: Set<string>;
}

const preparedByConnection = new WeakMap<PoolClient, Prepared>();
const configured = new WeakSet<PoolClient>();

/**
 * A statement's name, for PostgreSQL to keep it prepared on this
 * connection. Past the limit the least recently used name is evicted: it is
 * deallocated after the transaction (`deallocateEvicted`), never inside
 * it, so a failure there cannot abort a query.
 */
function preparedName(client: PoolClient, name: string): string {
  let prepared = preparedByConnection.get(client);
  if (!prepared) preparedByConnection.set(client, (prepared = { names: new Map(), evicted: new Set() }));
  const { names, evicted } = prepared;
  if (!names.delete(name) && names.size >= PREPARED_STATEMENTS_PER_CONNECTION) {
    const oldest = names.keys().next().value!;
    names.delete(oldest);
    evicted.add(oldest);
  }
  names.set(name, true);
  return name;
}

/**
 * Deallocates what `preparedName` evicted and is still prepared (the
 * mutation path, @dataplan/pg's own client, may have done it already). The
 * connection runs statements in order, so nothing after can use the name
 * until it is parsed again.
 */
async function deallocateEvicted(client: PoolClient): Promise<void> {
  const prepared = preparedByConnection.get(client);
  if (!prepared || prepared.evicted.size === 0) return;
  const parsed = parsedStatements(client);
  const gone: Array<Promise<unknown>> = [];
  for (const name of prepared.evicted) {
    if (prepared.names.has(name) || parsed[name] === undefined) continue;
    delete parsed[name];
    gone.push(client.query(`deallocate ${client.escapeIdentifier(name)}`).catch(() => undefined));
  }
  prepared.evicted.clear();
  await Promise.all(gone);
}

function statementClient(client: PoolClient, prepare: boolean): StatementClient {
  const self: StatementClient = {
    rawClient: client,
    async query({ text, values, arrayMode, name }) {
      const { rows, rowCount } = await client.query({
        text,
        values: values as unknown[],
        ...(arrayMode ? { rowMode: "array" } : {}),
        ...(prepare && name != null ? { name: preparedName(client, name) } : {}),
      } as never);
      return { rows, rowCount, notices: [] };
    },
    // A query has no nested transactions to offer; should a step ask, a savepoint gives it one.
    async withTransaction(callback) {
      await client.query("savepoint nexus_step");
      try {
        const result = await callback(self);
        await client.query("release savepoint nexus_step");
        return result;
      } catch (error) {
        await client.query("rollback to savepoint nexus_step").catch(() => undefined);
        throw error;
      }
    },
  };
  return self;
}

/**
 * `withPgClient` for queries, over a pool of pipelining connections
 * (`pipeline: true`): `begin`, the request's settings (role, claims) and the
 * first statement go to PostgreSQL in one write and come back in one round
 * trip, then `commit`: two round trips for a one-statement query where a
 * client that waits for each answer needs four. The statement cannot run
 * without the settings: they are in the same transaction, ahead of it, and
 * if they fail the transaction is aborted and so is the statement. Errors
 * of `begin` or the settings are reported in preference to the aborted
 * statement's. This reaches into pg's private state (src/db/pg-internals.ts);
 * `NEXUS_DB_PIPELINE=0` leaves queries on @dataplan/pg's own client instead.
 */
export function pipelinedWithPgClient(pool: Pool, { preparedStatements: prepare }: { preparedStatements: boolean }): WithPgClient {
  return async (pgSettings, callback) => {
    const client = await pool.connect();
    const opening: Array<Promise<unknown>> = [];
    try {
      let pending: Promise<unknown>;
      // pg's private socket (src/db/pg-internals.ts): what is sent until uncork leaves in one write.
      const stream = corkedSocket(client);
      stream.cork();
      try {
        if (!configured.has(client)) {
          configured.add(client);
          // As @dataplan/pg does for its connections: JIT optimization costs more than it saves on these queries.
          opening.push(client.query("set jit_optimize_above_cost = -1"));
        }
        const settings = Object.entries(pgSettings ?? {}).filter(([, value]) => value != null);
        opening.push(client.query("begin"));
        if (settings.length > 0) opening.push(client.query({ text: SET_SETTINGS, values: [JSON.stringify(settings)] }));
        for (const step of opening) step.catch(() => undefined);
        pending = callback(statementClient(client, prepare));
      } finally {
        stream.uncork();
      }
      const result = await pending;
      await Promise.all(opening);
      await client.query("commit");
      return result;
    } catch (error) {
      const openingError = (await Promise.allSettled(opening)).find((outcome) => outcome.status === "rejected");
      await client.query("rollback").catch(() => undefined);
      throw openingError ? (openingError as PromiseRejectedResult).reason : error;
    } finally {
      await deallocateEvicted(client).catch(() => undefined);
      client.release();
    }
  };
}
