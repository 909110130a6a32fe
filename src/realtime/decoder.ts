import pg from "pg";
import { LogicalReplicationService, type Pgoutput, PgoutputPlugin } from "pg-logical-replication";

import type { Logger } from "../observability/logger";

/** The publication that policies/95_row_changes.sql keeps over the tenant tables. */
export const PUBLICATION = "nexus_row_changes";
/** The channel the decoder republishes on; every instance listens on it (src/realtime/hub.ts). */
export const CHANGES_CHANNEL = "nexus_row_changes";
/** PostgreSQL refuses a NOTIFY payload of 8000 bytes or more; a batch is cut below that. */
const MAX_PAYLOAD_BYTES = 7500;

/** One change as it travels: [table, op, row id], op being i, u or d. */
export type WireChange = [table: string, op: "i" | "u" | "d", id: string];
/** One NOTIFY: a tenant and some of its changes, in commit order. */
export interface WireBatch {
  t: string;
  c: WireChange[];
}

/**
 * The position to hand pg-logical-replication's acknowledge() so the slot
 * confirms exactly `lsn`: the library sends its argument + 1 (it takes a
 * "last byte received"), while a commit's end LSN and a keepalive's LSN are
 * already the first byte after. Confirming one byte too far skips, at the
 * next start, a transaction whose commit record begins exactly there (one
 * that committed right behind the last one confirmed): a lost change.
 */
export function acknowledgeArgument(lsn: string): string | null {
  const [high, low] = lsn.split("/").map((part) => parseInt(part, 16)) as [number, number];
  const position = BigInt(high) * 2n ** 32n + BigInt(low);
  if (position === 0n) return null;
  const previous = position - 1n;
  return `${(previous >> 32n).toString(16).toUpperCase()}/${(previous & 0xffffffffn).toString(16).toUpperCase()}`;
}

/**
 * NOTIFYs the payloads ($2) only once every transaction of theirs ($3, the
 * 32-bit xids decoding reports) is visible to new snapshots: none of them
 * publishes a row its readers cannot see yet. A commit reaches the WAL, and
 * so the decoder, before the committing backend leaves the proc array
 * (between the two it may be descheduled, or wait for a synchronous
 * standby); a re-read in that window would find the row missing and drop
 * the event. Visibility only grows, so what this statement's snapshot sees,
 * every subscriber's later re-read sees too. Each xid is widened to the
 * xid8 nearest the snapshot's xmax (within 2^31, as a live xid always is).
 * No row back: not visible yet, try again.
 */
const PUBLISH_VISIBLE_SQL = `
  select pg_notify($1, payload) from unnest($2::text[]) as payload
  where (
    select coalesce(bool_and(pg_visible_in_snapshot(
      (case when guess - xmax > 2147483648 then guess - 4294967296 when xmax - guess > 2147483648 then guess + 4294967296 else guess end)::text::xid8,
      snap)), true)
    from (
      select snap, pg_snapshot_xmax(snap)::text::bigint as xmax,
        ((pg_snapshot_xmax(snap)::text::bigint >> 32) << 32) | xid::text::bigint as guess
      from (select pg_current_snapshot() as snap) as s, unnest($3::xid[]) as xid
    ) as x
  )`;

/** How long the decoder waits before it looks again at a commit not yet visible (it usually is at once). */
const VISIBILITY_RETRY_MS = 2;

/** Replication slots are cluster-wide; the slot names its database, so databases of one cluster never share one. */
export function slotName(database: string): string {
  return `nexus_row_changes_${database.toLowerCase().replace(/[^a-z0-9_]/g, "_")}`.slice(0, 63);
}

/** Cuts a tenant's changes into NOTIFY payloads below PostgreSQL's limit. */
export function wirePayloads(tenant: string, changes: WireChange[]): string[] {
  const payloads: string[] = [];
  const head = `{"t":${JSON.stringify(tenant)},"c":[`;
  let body: string[] = [];
  let size = head.length + 2;
  for (const change of changes) {
    const item = JSON.stringify(change);
    if (body.length && size + item.length + 1 > MAX_PAYLOAD_BYTES) {
      payloads.push(`${head}${body.join(",")}]}`);
      body = [];
      size = head.length + 2;
    }
    body.push(item);
    size += item.length + 1;
  }
  if (body.length) payloads.push(`${head}${body.join(",")}]}`);
  return payloads;
}

export interface DecoderOptions {
  /** A connection allowed to replicate (REPLICATION or superuser) to the gateway's database. */
  url: string;
  /** How often an instance that does not hold the slot tries to take it over. */
  retryMs: number;
  /** The shortest time between the starts of two publishing rounds (NEXUS_REALTIME_TICK_MS). */
  tickMs: number;
  logger: Logger;
}

/**
 * Decodes the publication with pgoutput and republishes each committed
 * transaction's changes as compact per-tenant NOTIFYs. Every instance runs
 * one; one at a time leads.
 *
 * Election: the leader holds a session advisory lock on a connection of its
 * own, and only the lock's holder opens the replication stream, so the WAL
 * is decoded once however many instances run. When the leader dies, its
 * connections close, PostgreSQL releases the lock and the slot, and the
 * next instance to try (every `retryMs`) takes both over. A session lock,
 * not a transaction one: it must outlive every transaction of the decoder.
 * So the lock needs a direct connection (or a session-mode pooler), as
 * replication does anyway.
 *
 * Delivery is at least once: the slot's position is confirmed only after
 * the NOTIFY carrying a transaction has committed. A new leader resumes
 * from the last confirmed position, so nothing committed after it is lost;
 * a transaction published but not yet confirmed when the leader died is
 * published again (a duplicate event, never a missing one).
 */
export class ChangeDecoder {
  private stopped = false;
  private wake: (() => void) | null = null;
  private current: { service: LogicalReplicationService; end: () => void } | null = null;
  private running: Promise<void> | null = null;
  /** Whether this instance holds the slot now. */
  leading = false;

  constructor(
    private readonly options: DecoderOptions,
    private readonly slot = slotName(decodeURIComponent(new URL(options.url).pathname.slice(1))),
  ) {}

  start(): void {
    this.running ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    this.current?.end();
    await this.running;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.leadOnce();
      } catch (error) {
        if (!this.stopped) this.options.logger.warn({ err: error }, "realtime decoder: stream ended, retrying");
      }
      if (this.stopped) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.options.retryMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
    }
  }

  /** Takes the lock if it is free, then decodes until the stream or the lock's connection ends. */
  private async leadOnce(): Promise<void> {
    const lock = new pg.Client({
      connectionString: this.options.url,
      application_name: "nexus-realtime-lock",
      keepAlive: true,
      connectionTimeoutMillis: 10_000,
    });
    let lost: (error: Error) => void = () => undefined;
    lock.on("error", (error) => lost(error));
    await lock.connect();
    try {
      const { rows } = await lock.query<{ held: boolean }>("select pg_try_advisory_lock(hashtextextended($1, 0)) as held", [this.slot]);
      if (!rows[0]!.held || this.stopped) return;
      await lock.query(
        "select pg_create_logical_replication_slot($1, 'pgoutput') where not exists (select 1 from pg_replication_slots where slot_name = $1)",
        [this.slot],
      );
      await this.decode(lock, (onLost) => (lost = onLost));
    } finally {
      this.leading = false;
      await lock.end().catch(() => undefined);
    }
  }

  private async decode(lock: pg.Client, onLockLost: (handler: (error: Error) => void) => void): Promise<void> {
    const service = new LogicalReplicationService(
      { connectionString: this.options.url, application_name: `nexus-realtime-decoder:${process.pid}`, keepAlive: true },
      // Positions are confirmed here, after publishing, never by the library's timer (it would confirm what was only received).
      { acknowledge: { auto: false, timeoutSeconds: 0 } },
    );
    const plugin = new PgoutputPlugin({ protoVersion: 1, publicationNames: [PUBLICATION] });
    /** The open transaction's changes by tenant; proto 1 sends a transaction whole, between its begin and commit. */
    let open = new Map<string, WireChange[]>();
    /** The open transaction's xid (unsigned: the parser reads it as a signed int). */
    let openXid = 0;
    /** The xids of the committed transactions in `ready`. */
    let readyXids: number[] = [];
    /** Committed, not yet published. */
    let ready = new Map<string, WireChange[]>();
    let readyLsn: string | null = null;
    let confirmedLsn: string | null = null;
    let publishing: Promise<void> | null = null;
    let failed: (error: Error) => void = () => undefined;
    // A keepalive that asks for a reply gets one even with nothing to confirm (0/0: below any slot's position), or the server ends the stream.
    const confirm = (lsn: string) => service.acknowledge(acknowledgeArgument(lsn) ?? "0/0");

    const add = (relation: Pgoutput.MessageRelation, op: WireChange[1], row: Record<string, unknown> | null) => {
      const tenant = row?.tenant_id;
      const id = row?.id;
      if (typeof tenant !== "string" || typeof id !== "string") return;
      const list = open.get(tenant) ?? [];
      list.push([relation.name, op, id]);
      open.set(tenant, list);
    };
    const publish = async () => {
      // Everything committed while the previous round ran goes out in the next one: one statement per round, whatever the commit rate.
      while (ready.size) {
        const started = performance.now();
        const batch = ready;
        const xids = readyXids;
        const lsn = readyLsn!;
        ready = new Map();
        readyXids = [];
        const payloads = [...batch].flatMap(([tenant, changes]) => wirePayloads(tenant, changes));
        while ((await lock.query(PUBLISH_VISIBLE_SQL, [CHANGES_CHANNEL, payloads, xids])).rowCount === 0) {
          await new Promise((resolve) => setTimeout(resolve, VISIBILITY_RETRY_MS));
        }
        confirmedLsn = lsn;
        await confirm(lsn);
        // At most one round per tick. A round costs the same for one commit or fifty (a statement and its commit here, a
        // confirmation, a NOTIFY per tenant, and each subscribed instance's re-reads), so under load one round per commit
        // was most of what realtime cost the database and the gateway (bench:realtime measures it). An idle stream is not
        // delayed: its first commit goes out at once, and only commits that follow within the tick wait for its end.
        const rest = this.options.tickMs - (performance.now() - started);
        if (rest > 0) await new Promise((resolve) => setTimeout(resolve, rest));
      }
    };
    const schedule = () => {
      publishing ??= publish()
        .catch((error: Error) => failed(error))
        .finally(() => {
          publishing = null;
          if (ready.size) schedule();
        });
    };

    service.on("data", (_lsn: string, message: Pgoutput.Message) => {
      switch (message.tag) {
        case "begin":
          open = new Map();
          openXid = message.xid >>> 0;
          break;
        case "insert":
          add(message.relation, "i", message.new);
          break;
        case "update":
          add(message.relation, "u", message.new);
          break;
        case "delete":
          add(message.relation, "d", message.key ?? message.old);
          break;
        case "commit":
          for (const [tenant, changes] of open) ready.set(tenant, [...(ready.get(tenant) ?? []), ...changes]);
          if (open.size) readyXids.push(openXid);
          open = new Map();
          if (message.commitEndLsn) readyLsn = message.commitEndLsn;
          if (ready.size) schedule();
          else if (readyLsn && !publishing) {
            // A transaction of published tables that changed no tenant row: nothing to send, but its position is done with.
            confirmedLsn = readyLsn;
          }
          break;
      }
    });
    service.on("heartbeat", (lsn: string, _timestamp: number, shouldRespond: boolean) => {
      if (!shouldRespond) return;
      // Idle (nothing open, nothing waiting): everything sent so far is handled, so the keepalive's position may be confirmed, which lets PostgreSQL recycle WAL of tables outside the publication.
      const idle = open.size === 0 && ready.size === 0 && !publishing;
      void confirm(idle ? lsn : (confirmedLsn ?? "0/0"));
    });

    await new Promise<void>((resolve, reject) => {
      const end = () => resolve();
      this.current = { service, end };
      failed = reject;
      onLockLost(reject);
      service.on("error", (error: Error) => reject(error));
      service.on("start", () => {
        this.leading = true;
        this.options.logger.info({ slot: this.slot }, "realtime decoder: this instance decodes the row changes");
      });
      service.subscribe(plugin, this.slot).then(end, reject);
    }).finally(async () => {
      this.current = null;
      this.leading = false;
      await service.destroy().catch(() => undefined);
    });
  }
}
