import pg from "pg";

import type { Logger } from "../observability/logger";

/** A socket waits at most this long for its seat (then it is closed with 1013). */
const QUERY_TIMEOUT_MS = 5_000;

export interface SocketSeatsOptions {
  /** A direct connection (or a session-mode pooler): the seats are session advisory locks. */
  url: string;
  /** Sockets a user may hold open across every instance. */
  cap: number;
  logger: Logger;
}

/**
 * The per-user socket cap, shared by every instance on the database. A
 * user has `cap` seats, 0 … cap−1; an open socket holds one, as a session
 * advisory lock on `hashtextextended('nexus-ws-seat:<user>:<seat>', 0)`,
 * taken on this instance's one seat connection. So the count costs a
 * statement at connect and at close, none per message, and no table: the
 * seats of an instance that dies (killed, crashed, cut off) are freed by
 * PostgreSQL when its connection ends, at once for a killed process, after
 * TCP keepalive for a vanished host.
 *
 * Advisory locks are re-entrant within a session: the connection that holds
 * seat 0 would take it again. So the seats this instance holds are kept
 * here and skipped, and every take and give runs one after the other.
 *
 * If the seat connection drops (a database restart), its locks are gone
 * while the sockets stay open: on reconnecting, the seats are taken again;
 * one that another instance took meanwhile is not (that user may briefly
 * hold more than the cap).
 */
export class SocketSeats {
  private client: pg.Client | null = null;
  private connecting: Promise<pg.Client> | null = null;
  /** The seats this instance holds, by user. */
  private readonly held = new Map<string, Set<number>>();
  private queue: Promise<unknown> = Promise.resolve();
  private stopped = false;

  constructor(private readonly options: SocketSeatsOptions) {}

  /** A free seat of the user's, now held by this instance; null if all are taken (on any instance). */
  take(user: string): Promise<number | null> {
    return this.serial(async () => {
      const client = await this.connection();
      const mine = this.held.get(user) ?? new Set<number>();
      // CASE, not AND: PostgreSQL may order a WHERE's conditions as it likes, and a lock taken for a seat skipped after would stay.
      const { rows } = await client.query<{ seat: number }>(
        `select s as seat from generate_series(0, $2::int - 1) as s
          where case when s = any ($3::int[]) then false else pg_try_advisory_lock(hashtextextended('nexus-ws-seat:' || $1 || ':' || s, 0)) end
          limit 1`,
        [user, this.options.cap, [...mine]],
      );
      const seat = rows[0]?.seat ?? null;
      if (seat === null) return null;
      mine.add(seat);
      this.held.set(user, mine);
      return seat;
    });
  }

  /** Frees a seat taken by `take` (the socket closed). */
  give(user: string, seat: number): Promise<void> {
    return this.serial(async () => {
      const mine = this.held.get(user);
      if (!mine?.delete(seat)) return;
      if (mine.size === 0) this.held.delete(user);
      // No connection: it dropped, and PostgreSQL freed the lock with it.
      await this.client?.query("select pg_advisory_unlock(hashtextextended('nexus-ws-seat:' || $1 || ':' || $2, 0))", [user, seat]);
    });
  }

  /** Ends the connection, and so frees every seat this instance holds; queued takes and gives fail with it. */
  async stop(): Promise<void> {
    this.stopped = true;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  /**
   * One step at a time, on one connection. A step that fails (the
   * database is away, or slower than QUERY_TIMEOUT_MS) drops the
   * connection: the next step starts on a new one, which takes this
   * instance's seats again first.
   */
  private serial<T>(step: () => Promise<T>): Promise<T> {
    const run = this.queue.then(step, step).catch((error: unknown) => {
      const client = this.client;
      this.client = null;
      client?.end().catch(() => undefined);
      throw error;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private connection(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client);
    if (this.stopped) return Promise.reject(new Error("the socket seats are stopped"));
    this.connecting ??= this.connect().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async connect(): Promise<pg.Client> {
    const client = new pg.Client({
      connectionString: this.options.url,
      application_name: "nexus-socket-seats",
      keepAlive: true,
      connectionTimeoutMillis: QUERY_TIMEOUT_MS,
      query_timeout: QUERY_TIMEOUT_MS,
    });
    const lost = () => {
      if (this.client !== client) return;
      this.client = null;
      client.end().catch(() => undefined);
      if (this.held.size && !this.stopped)
        this.options.logger.warn("socket seats: connection lost; the seats are taken again on the next connect");
    };
    client.on("error", lost);
    client.on("end", lost);
    try {
      await client.connect();
      if (this.held.size) await this.takeAgain(client);
      if (this.stopped) throw new Error("the socket seats are stopped");
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    this.client = client;
    return client;
  }

  /** After a reconnect: the seats this instance held, taken again; one another instance took meanwhile is given up. */
  private async takeAgain(client: pg.Client): Promise<void> {
    const seats = [...this.held].flatMap(([who, mine]) => [...mine].map((seat) => ({ who, seat })));
    const { rows } = await client.query<{ who: string; seat: number; held: boolean }>(
      `select s.who, s.seat, pg_try_advisory_lock(hashtextextended('nexus-ws-seat:' || s.who || ':' || s.seat, 0)) as held
         from jsonb_to_recordset($1::jsonb) as s(who text, seat int)`,
      [JSON.stringify(seats)],
    );
    let lostSeats = 0;
    for (const row of rows) {
      if (row.held) continue;
      lostSeats++;
      this.held.get(row.who)?.delete(row.seat);
    }
    if (lostSeats) this.options.logger.warn({ seats: lostSeats }, "socket seats: some were taken by other instances meanwhile");
  }
}
