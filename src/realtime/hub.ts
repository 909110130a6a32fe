import pg, { escapeLiteral } from "pg";
import type { WebSocket } from "ws";

import type { AccessClaims } from "../auth/jwt";
import { pgSettingsFor } from "../auth/tokens";
import type { Logger } from "../observability/logger";
import { CHANGES_CHANNEL, type WireBatch, type WireChange } from "./decoder";

/** A table a subscription may name: its SQL name and what the filtered re-read needs of its GraphQL side. */
export interface ChangeTable {
  /** SQL name, e.g. user_groups (unique across the exposed schemas). */
  name: string;
  /** Quoted, schema-qualified, from the catalog (never from the client). */
  sql: string;
  /** The Query connection field, its filter type and its row id field, for a subscription with a filter. */
  connectionField: string;
  filterType: string;
  rowIdField: string;
}

export type RowChangeOp = "ready" | "gap" | "insert" | "update" | "delete";
export interface RowChangeEvent {
  op: RowChangeOp;
  table: string | null;
  id: string | null;
}

/** What one `rowChanged` subscription asked for, resolved by the schema plugin from the caller's verified claims. */
export interface RowChangeTopic {
  claims: AccessClaims;
  socket: WebSocket | null;
  /** The tables it follows: one, or every table of the enum. */
  tables: ReadonlyMap<string, ChangeTable>;
  ops: ReadonlySet<WireChange[1]>;
  /** The table's filter input, as the client sent it (validated by GraphQL); only with one table. */
  filter: unknown;
}

/** The re-reads through a table's filter, as the reader (GraphQL queries run as them, src/realtime/filtered-reader.ts). */
export interface FilteredReader {
  /** Which of `ids` the reader sees through the filter. */
  visible(claims: AccessClaims, table: ChangeTable, filter: unknown, ids: string[]): Promise<Set<string>>;
  /** The rows the reader sees through the filter now, at most `limit` of them. */
  matching(claims: AccessClaims, table: ChangeTable, filter: unknown, limit: number): Promise<Set<string>>;
}

export interface HubOptions {
  listenerUrl: string;
  /** Connections of the authenticator role, for the re-reads. */
  pool: pg.Pool;
  /** Events waiting for one socket before it counts as too slow and is closed. */
  sendQueueMax: number;
  statementTimeoutMs: number;
  /** Rows a filtered subscription follows to tell which deletes concern it; past it, it gets every delete of its table. */
  deleteTrackMax: number;
  logger: Logger;
}

/** The close code of a socket whose client does not keep up (its send queue is full). */
export const SLOW_CONSUMER_CLOSE = 4413;
const OPS: Record<WireChange[1], RowChangeOp> = { i: "insert", u: "update", d: "delete" };
const RECONNECT_MIN_MS = 250;
const RECONNECT_MAX_MS = 5000;

interface Subscription {
  topic: RowChangeTopic;
  queue: RowChangeEvent[];
  waiting: ((result: IteratorResult<RowChangeEvent>) => void) | null;
  ended: boolean;
  /** A filtered subscription that follows deletes: the rows its delete may concern (see `deletesOf`). */
  deletes: DeleteScope | null;
  /** Changes that arrived while its DeleteScope was first read, delivered once it is known. */
  held: WireChange[] | null;
}

/**
 * The rows a filtered subscription was last seen to match, read as its
 * reader: at subscription (`matching`), then after every insert or update
 * of the table. `all`: more than `deleteTrackMax` (or the first read
 * failed), so every delete of the table concerns it.
 */
interface DeleteScope {
  matched: Set<string>;
  all: boolean;
}

/** A change to deliver to one subscription only (the changes it held while its DeleteScope was read). */
interface Inbound {
  batch: WireBatch;
  only?: Subscription;
}

/**
 * One instance's end of the change stream: one LISTEN on the decoder's
 * channel (src/realtime/decoder.ts), fanned out to the local subscriptions
 * of each tenant. Every change is checked as each reader before delivery:
 * a row they may not read, or that their filter leaves out, sends them
 * nothing. The checks are batched per tick: all subscriptions with the same
 * claims (the same reader, however many sockets) share one query per table,
 * and one per distinct filter.
 *
 * A delete cannot be re-read (the row is gone), and its WAL record
 * carries only the key. Without a filter it reaches every subscriber of the
 * table (the publication holds only tables the request role may select
 * from), with only the id. With a filter it reaches the subscription only
 * if the row matched the filter, as the reader, when the gateway last read
 * it: the hub keeps each filtered subscription's matching ids (DeleteScope),
 * read once at subscription and kept current from the re-reads of inserts
 * and updates, which it does anyway. README, Realtime, says why this and
 * not REPLICA IDENTITY FULL.
 */
export class RowChangeHub {
  private readonly byTenant = new Map<string, Set<Subscription>>();
  private readonly bySocket = new Map<WebSocket, { subscriptions: Set<Subscription>; queued: number }>();
  private listener: pg.Client | null = null;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private reconnectDelay = RECONNECT_MIN_MS;
  private stopped = false;
  private inbox: Inbound[] = [];
  private draining: Promise<void> | null = null;
  private filteredReader: FilteredReader | null = null;
  /** Counters for the bench and the logs: re-read queries run, events delivered. */
  readonly stats = { reads: 0, delivered: 0 };

  constructor(private readonly options: HubOptions) {}

  /** The filtered re-read runs a GraphQL query, so it comes once the schema is built. */
  useFilteredReader(reader: FilteredReader): void {
    this.filteredReader = reader;
  }

  async start(): Promise<void> {
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    await this.listener?.end().catch(() => undefined);
    this.listener = null;
    for (const set of this.byTenant.values()) for (const sub of set) this.end(sub);
  }

  subscriptionsOf(socket: WebSocket | null): number {
    return socket ? (this.bySocket.get(socket)?.subscriptions.size ?? 0) : 0;
  }

  /**
   * A live subscription: its first event is `ready`, sent once it is
   * registered here, so every change committed after the client received
   * `ready` reaches it.
   */
  subscribe(topic: RowChangeTopic): AsyncIterableIterator<RowChangeEvent> {
    const sub: Subscription = { topic, queue: [], waiting: null, ended: false, deletes: null, held: null };
    const tenant = topic.claims.tenantId;
    const set = this.byTenant.get(tenant) ?? new Set();
    set.add(sub);
    this.byTenant.set(tenant, set);
    if (topic.socket) {
      let state = this.bySocket.get(topic.socket);
      if (!state) {
        const socket = topic.socket;
        const created = { subscriptions: new Set<Subscription>(), queued: 0 };
        state = created;
        this.bySocket.set(socket, created);
        socket.once("close", () => {
          for (const s of created.subscriptions) this.end(s);
          this.bySocket.delete(socket);
        });
      }
      state.subscriptions.add(sub);
    }
    if (topic.filter != null && topic.ops.has("d")) this.followDeletes(sub);
    else this.push(sub, [{ op: "ready", table: null, id: null }]);
    const iterator: AsyncIterableIterator<RowChangeEvent> = {
      next: () => {
        const event = sub.queue.shift();
        if (event) return Promise.resolve({ done: false, value: event });
        if (sub.ended) return Promise.resolve({ done: true, value: undefined });
        return new Promise((resolve) => (sub.waiting = resolve));
      },
      return: () => {
        this.end(sub);
        return Promise.resolve({ done: true, value: undefined });
      },
      throw: (error?: unknown) => {
        this.end(sub);
        return Promise.reject(error);
      },
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  }

  /**
   * Reads the rows a filtered subscription matches now, then sends `ready`
   * (the first time). It is registered first and holds what arrives
   * meanwhile: a row that comes to match while the read runs is caught by
   * the held change's own re-read, delivered right after, in order, before
   * any later change. Read again after a `gap`: the changes missed would
   * have kept the scope current.
   */
  private followDeletes(sub: Subscription, first = true): void {
    if (sub.held || sub.ended) return;
    sub.held = [];
    void this.readScope(sub).then((scope) => {
      if (sub.ended) return;
      sub.deletes = scope;
      const held = sub.held ?? [];
      sub.held = null;
      if (first) this.push(sub, [{ op: "ready", table: null, id: null }]);
      if (held.length) this.enqueue({ batch: { t: sub.topic.claims.tenantId, c: held }, only: sub });
    });
  }

  /**
   * The first read of a DeleteScope, tried three times: it is planned on
   * its first use, and a busy instance can exceed the planning timeout.
   * If it still fails, every delete of the table concerns the subscription.
   */
  private async readScope(sub: Subscription): Promise<DeleteScope> {
    const [table] = sub.topic.tables.values();
    const max = this.options.deleteTrackMax;
    let failure: unknown = new Error("the filtered reader is not ready");
    for (const pause of [0, 200, 1000]) {
      if (!this.filteredReader || !table || sub.ended) break;
      if (pause) await new Promise((resolve) => setTimeout(resolve, pause));
      try {
        this.stats.reads++;
        const matched = await this.filteredReader.matching(sub.topic.claims, table, sub.topic.filter, max + 1);
        return matched.size > max ? { matched: new Set(), all: true } : { matched, all: false };
      } catch (error) {
        failure = error;
      }
    }
    if (!sub.ended) this.options.logger.warn({ err: failure }, "realtime: a filtered subscription gets every delete of its table");
    return { matched: new Set(), all: true };
  }

  private end(sub: Subscription): void {
    if (sub.ended) return;
    sub.ended = true;
    const tenant = sub.topic.claims.tenantId;
    const set = this.byTenant.get(tenant);
    set?.delete(sub);
    if (set?.size === 0) this.byTenant.delete(tenant);
    const state = sub.topic.socket && this.bySocket.get(sub.topic.socket);
    if (state) {
      state.subscriptions.delete(sub);
      state.queued -= sub.queue.length;
    }
    sub.queue = [];
    sub.waiting?.({ done: true, value: undefined });
    sub.waiting = null;
  }

  /** The socket wrote one event to the client (src/realtime/sockets.ts). */
  noteSent(socket: WebSocket): void {
    const state = this.bySocket.get(socket);
    if (state && state.queued > 0) state.queued--;
  }

  /**
   * Hands events to a subscription. An event counts against its socket
   * from here until the socket has written it: grafast pulls events from
   * the subscription as fast as they come and executes them (node lookups
   * included), so for a client that does not read, the backlog grows past
   * this queue, in grafast's and then in the socket's. A socket whose
   * backlog passes `sendQueueMax` is closed with SLOW_CONSUMER_CLOSE: the
   * gateway never buffers without bound for a client that does not read.
   */
  private push(sub: Subscription, events: RowChangeEvent[]): void {
    if (sub.ended || !events.length) return;
    const socket = sub.topic.socket;
    const state = socket && this.bySocket.get(socket);
    let rest = events;
    if (sub.waiting) {
      const waiting = sub.waiting;
      sub.waiting = null;
      waiting({ done: false, value: rest[0]! });
      rest = rest.slice(1);
    }
    sub.queue.push(...rest);
    if (!state) return;
    state.queued += events.length;
    if (state.queued > this.options.sendQueueMax) {
      this.options.logger.warn({ queued: state.queued }, "realtime: closing a socket that does not keep up");
      for (const s of state.subscriptions) this.end(s);
      socket.close(SLOW_CONSUMER_CLOSE, "Slow consumer: send queue full");
    }
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.options.listenerUrl,
      application_name: "nexus-realtime-listener",
      keepAlive: true,
    });
    client.on("error", () => this.lost(client));
    client.on("end", () => this.lost(client));
    client.on("notification", (message) => {
      if (message.channel !== CHANGES_CHANNEL || !message.payload) return;
      try {
        this.receive(JSON.parse(message.payload) as WireBatch);
      } catch {
        // not a batch of the decoder's
      }
    });
    await client.connect();
    try {
      await client.query(`listen ${CHANGES_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.stopped) return void (await client.end().catch(() => undefined));
    this.listener = client;
    this.reconnectDelay = RECONNECT_MIN_MS;
  }

  private lost(client: pg.Client): void {
    if (this.listener !== client) return;
    this.listener = null;
    client.end().catch(() => undefined);
    this.scheduleReconnect();
  }

  /**
   * Changes notified while this instance was not listening never reach it:
   * once listening again, every subscription gets a `gap` event, telling the
   * client to read again what it shows.
   */
  private scheduleReconnect(): void {
    if (this.stopped || this.reconnectTimer) return;
    this.reconnectTimer = setTimeout(async () => {
      this.reconnectTimer = null;
      try {
        await this.connect();
        this.options.logger.info("realtime: listening again; subscribers are told of the gap");
        for (const set of this.byTenant.values()) for (const sub of set) this.gap(sub);
      } catch {
        this.reconnectDelay = Math.min(this.reconnectDelay * 2, RECONNECT_MAX_MS);
        this.scheduleReconnect();
      }
    }, this.reconnectDelay);
    this.reconnectTimer.unref();
  }

  /** Changes may have been missed: the client reads again, and so does a subscription that follows deletes. */
  private gap(sub: Subscription): void {
    this.push(sub, [{ op: "gap", table: null, id: null }]);
    if (sub.deletes) this.followDeletes(sub, false);
  }

  /** Batches arriving together are checked and delivered together, in order. */
  private receive(batch: WireBatch): void {
    if (this.byTenant.has(batch.t)) this.enqueue({ batch });
  }

  private enqueue(inbound: Inbound): void {
    this.inbox.push(inbound);
    this.drain();
  }

  private drain(): void {
    this.draining ??= new Promise<void>((resolve) => setImmediate(resolve))
      .then(async () => {
        while (this.inbox.length) {
          const batches = this.inbox;
          this.inbox = [];
          // A failed round (a re-read refused) costs its own events, told as a gap, never the rounds after it.
          await this.deliver(batches).catch((error: unknown) => {
            this.options.logger.error({ err: error }, "realtime: delivery failed");
            for (const { batch, only } of batches) for (const sub of only ? [only] : (this.byTenant.get(batch.t) ?? [])) this.gap(sub);
          });
        }
      })
      .finally(() => {
        this.draining = null;
        // Enqueued after the loop's last look but before this (a subscription's first read ends in a microtask too).
        if (this.inbox.length) this.drain();
      });
  }

  private async deliver(batches: Inbound[]): Promise<void> {
    /** Per subscription, the changes it asked for, in commit order. */
    const wanted = new Map<Subscription, WireChange[]>();
    /** The re-reads: one per table, reader and filter. */
    const reads = new Map<
      string,
      {
        claims: AccessClaims;
        table: ChangeTable;
        filter: unknown;
        ids: Set<string>;
        visible?: Set<string>;
        existing?: Set<string>;
        judge?: boolean;
      }
    >();
    const readKey = (sub: Subscription, table: string) =>
      `${table}\u0000${sub.topic.claims.tenantId}\u0000${sub.topic.claims.userId}\u0000${sub.topic.claims.sessionId}\u0000${sub.topic.filter == null ? "" : JSON.stringify(sub.topic.filter)}`;
    for (const { batch, only } of batches) {
      for (const sub of only ? [only] : (this.byTenant.get(batch.t) ?? [])) {
        for (const change of batch.c) {
          const [tableName, op, id] = change;
          const table = sub.topic.tables.get(tableName);
          if (!table) continue;
          if (sub.held) {
            sub.held.push(change);
            continue;
          }
          // A subscription that follows deletes reads its inserts and updates too, even of ops it did not ask for.
          if (!sub.topic.ops.has(op) && !(sub.deletes && !sub.deletes.all && op !== "d")) continue;
          let list = wanted.get(sub);
          if (!list) wanted.set(sub, (list = []));
          list.push(change);
          if (op === "d") continue;
          const key = readKey(sub, tableName);
          let read = reads.get(key);
          if (!read) reads.set(key, (read = { claims: sub.topic.claims, table, filter: sub.topic.filter, ids: new Set() }));
          read.ids.add(id);
          if (sub.deletes && !sub.deletes.all) read.judge = true;
        }
      }
    }
    await Promise.all(
      [...reads.values()].map(async (read) => {
        read.visible =
          read.filter == null
            ? await this.visibleRows(read.claims, read.table, [...read.ids])
            : await this.filtered(read.claims, read.table, read.filter, [...read.ids]);
        // For a subscription that follows deletes, a row its filter does not show may not match, or may be gone
        // already (deleted after this change, in a later round): only the second must have its delete sent.
        const hidden = read.judge && read.filter != null ? [...read.ids].filter((id) => !read.visible!.has(id)) : [];
        if (hidden.length) read.existing = await this.visibleRows(read.claims, read.table, hidden);
      }),
    );
    for (const [sub, changes] of wanted) {
      const events: RowChangeEvent[] = [];
      const gone = sub.deletes && {
        deleted: new Set(changes.filter(([, op]) => op === "d").map(([, , id]) => id)),
        unread: new Set<string>(),
      };
      for (const [tableName, op, id] of changes) {
        const read = op !== "d" ? reads.get(readKey(sub, tableName)) : undefined;
        const visible = !!read?.visible?.has(id);
        if (read?.existing && !visible && !read.existing.has(id)) gone?.unread.add(id);
        if (sub.deletes && !this.deletesOf(sub.deletes, op, id, visible, gone!)) continue;
        if (!sub.topic.ops.has(op) || (op !== "d" && !visible)) continue;
        events.push({ op: OPS[op], table: tableName, id });
      }
      // A burst larger than a whole send queue (a bulk import) becomes one `gap`: read again, rather than thousands of events.
      const burst = events.length > this.options.sendQueueMax;
      this.stats.delivered += burst ? 1 : events.length;
      this.push(sub, burst ? [{ op: "gap", table: null, id: null }] : events);
    }
  }

  /**
   * Keeps a DeleteScope current with one change, in commit order; false for
   * a delete that does not concern the subscription. An insert or update
   * the reader sees through the filter adds its row, one it does not see
   * removes it. Unless the row is gone by the re-read (deleted later in the
   * same round, or in a later one: `unread`, the rows the reader does not
   * see even without the filter): then the re-read found nothing whatever
   * its last version was, and its delete is sent. A delete too many
   * costs the client an id it does not show; one too few leaves it
   * showing a row that is gone.
   */
  private deletesOf(
    scope: DeleteScope,
    op: WireChange[1],
    id: string,
    visible: boolean,
    round: { deleted: Set<string>; unread: Set<string> },
  ): boolean {
    if (op === "d") return scope.matched.delete(id) || scope.all || round.unread.has(id);
    if (scope.all) return true;
    // A row gone by its re-read (deleted in this round or a later one) cannot be judged: its delete, whenever it comes, is sent.
    if (visible || round.deleted.has(id) || round.unread.has(id)) scope.matched.add(id);
    else scope.matched.delete(id);
    if (scope.matched.size > this.options.deleteTrackMax) {
      scope.all = true;
      scope.matched.clear();
    }
    return true;
  }

  private async filtered(claims: AccessClaims, table: ChangeTable, filter: unknown, ids: string[]): Promise<Set<string>> {
    if (!this.filteredReader) return new Set();
    this.stats.reads++;
    return this.filteredReader.visible(claims, table, filter, ids);
  }

  /**
   * The ids among `ids` that the reader sees, read as them: their role and claims, so RLS decides.
   *
   * One round trip, as one simple-protocol query of four statements (the
   * values inlined as escaped literals, since that protocol takes no
   * parameters), instead of four: begin, the settings, the select and
   * commit one by one made a re-read per changed row most of the hub's
   * cost to the database under a stream of writes. A failed statement
   * skips the rest and leaves the transaction open and aborted, so the
   * connection is given back to be closed, never reused.
   */
  private async visibleRows(claims: AccessClaims, table: ChangeTable, ids: string[]): Promise<Set<string>> {
    this.stats.reads++;
    const client = await this.options.pool.connect();
    const settings = JSON.stringify({ ...pgSettingsFor(claims), statement_timeout: String(this.options.statementTimeoutMs) });
    // The marker sits inside the statement: pg_stat_statements keeps its text from the first token on (bench:realtime counts re-reads by it).
    const sql = `begin; select set_config(key, value, true) from json_each_text(${escapeLiteral(settings)}::json);
      select id::text as id /* nexus realtime re-read */ from ${table.sql} where id = any(${escapeLiteral(`{${ids.join(",")}}`)}::uuid[]);
      commit`;
    try {
      const results = (await client.query(sql)) as unknown as pg.QueryResult<{ id: string }>[];
      client.release();
      return new Set(results[2]!.rows.map((r) => r.id));
    } catch (error) {
      client.release(error as Error);
      throw error;
    }
  }
}
