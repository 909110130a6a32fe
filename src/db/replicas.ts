import type { Pool } from "pg";

import type { ReplicaConfig } from "../config";
import type { Logger } from "../observability/logger";
import { isDatabaseUnavailable } from "./unavailable";

/**
 * A log sequence number as PostgreSQL prints it (`16/B374D848`): two
 * hexadecimal halves of a 64-bit position in the write-ahead log.
 */
const LSN = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/;

/** The position an LSN names, or null when the text is not one. */
export function parseLsn(text: string): bigint | null {
  const match = LSN.exec(text.trim());
  if (!match) return null;
  return (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`);
}

/** How many primary positions the lag estimate keeps (one per check). */
const SAMPLES_KEPT = 4_096;

/** A replica's view of itself, for routing and the metrics. */
export interface ReplicaStatus {
  name: string;
  /** Answered its last check, is a standby, and has not failed a query since. */
  healthy: boolean;
  /** Estimated replay lag (see `lagAt`); null before the first check answered. */
  lagMs: number | null;
}

/** One query's target: a replica, or null for the primary. */
export type QueryTarget = Replica | null;

export class Replica {
  /** The last replayed position this gateway saw (from a check or a wait). */
  replayed = -1n;
  lagMs: number | null = null;
  healthy = false;
  /** A wait in progress for this replica's replay position, shared by every query that waits. */
  private polling: Promise<bigint> | null = null;

  constructor(
    readonly name: string,
    /** The GraphQL queries' pool. */
    readonly pool: Pool,
    /** One connection for the checks, so a full query pool cannot hide the replica's health. */
    readonly checkPool: Pool,
  ) {}

  /** Where replay is now, asked of the replica itself; concurrent callers share one question. */
  replayPosition(): Promise<bigint> {
    this.polling ??= this.checkPool
      .query<{ lsn: string | null }>("select pg_last_wal_replay_lsn()::text as lsn")
      .then(({ rows }) => {
        const position = rows[0]?.lsn ? (parseLsn(rows[0].lsn) ?? -1n) : -1n;
        if (position > this.replayed) this.replayed = position;
        return this.replayed;
      })
      .finally(() => (this.polling = null));
    return this.polling;
  }
}

/** The error a query on a replica failed with means the replica, not the query: run it on the primary instead. */
export function isReplicaFailure(error: unknown): boolean {
  // 40001 on a standby: canceled by a conflict with recovery (replay needed the rows it read).
  if ((error as { code?: unknown } | null)?.code === "40001") return true;
  // node-postgres's client-side query_timeout: a replica that stopped answering.
  if ((error as { message?: unknown } | null)?.message === "Query read timeout") return true;
  return isDatabaseUnavailable(error);
}

/**
 * The replicas GraphQL queries may run on (NEXUS_REPLICA_URLS), their
 * health and lag, and the choice of one for each query.
 *
 * Lag is measured in time without trusting either server's clock: every
 * check reads the primary's WAL position first and keeps it with the
 * gateway's time of reading. A replica whose replay position has reached
 * the newest of them is not behind; one that has not is as old as the
 * latest position it has reached. PostgreSQL's own
 * `now() - pg_last_xact_replay_timestamp()` would call a replica of an idle
 * primary hours behind, and a clock skew between the two servers shifts it.
 * The estimate is as fine as the check interval.
 */
export class ReplicaSet {
  readonly replicas: Replica[];
  private readonly samples: Array<{ lsn: bigint; at: number }> = [];
  private timer: NodeJS.Timeout | null = null;
  private checking: Promise<void> | null = null;
  private next = 0;
  /** Called with each query's target: the replica's name, or "primary". */
  onRouted: (target: string) => void = () => undefined;
  /** Called when a query failed on a replica and ran on the primary. */
  onFallback: (replica: string) => void = () => undefined;

  constructor(
    private readonly config: ReplicaConfig,
    /** The primary, for its WAL position (the auth pool: a full GraphQL pool must not delay the checks). */
    private readonly primary: Pool,
    replicas: Array<{ name: string; pool: Pool; checkPool: Pool }>,
    private readonly logger?: Logger,
  ) {
    this.replicas = replicas.map(({ name, pool, checkPool }) => new Replica(name, pool, checkPool));
  }

  /** Each replica's name: host and port, as metrics and logs show it (never the credentials). */
  static nameOf(url: string): string {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || "5432"}`;
  }

  /** Checks now (the first answer comes before the gateway serves), then every check interval. */
  async start(): Promise<void> {
    await this.check();
    this.timer = setInterval(() => void this.check(), this.config.checkIntervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.checking;
    await Promise.all(this.replicas.flatMap((replica) => [replica.pool.end(), replica.checkPool.end()]));
  }

  status(): ReplicaStatus[] {
    return this.replicas.map(({ name, healthy, lagMs }) => ({ name, healthy, lagMs }));
  }

  /** The lag of a replica that has replayed up to `replayed`, at time `now`. */
  private lagAt(replayed: bigint, now: number): number {
    const newest = this.samples.at(-1);
    if (!newest || replayed >= newest.lsn) return 0;
    for (let i = this.samples.length - 1; i >= 0; i--) if (this.samples[i]!.lsn <= replayed) return now - this.samples[i]!.at;
    return now - this.samples[0]!.at;
  }

  /** One round of checks; a round still running when the next is due is not doubled. */
  check(): Promise<void> {
    this.checking ??= this.runCheck().finally(() => (this.checking = null));
    return this.checking;
  }

  private async runCheck(): Promise<void> {
    try {
      const { rows } = await this.primary.query<{ lsn: string }>("select pg_current_wal_lsn()::text as lsn");
      const lsn = parseLsn(rows[0]!.lsn)!;
      this.samples.push({ lsn, at: Date.now() });
      if (this.samples.length > SAMPLES_KEPT) this.samples.splice(0, this.samples.length - SAMPLES_KEPT);
    } catch {
      // The primary is down: lags stay as last measured; queries on replicas go on.
    }
    await Promise.all(
      this.replicas.map(async (replica) => {
        try {
          const { rows } = await replica.checkPool.query<{ lsn: string | null; standby: boolean }>(
            "select pg_last_wal_replay_lsn()::text as lsn, pg_is_in_recovery() as standby",
          );
          const { lsn, standby } = rows[0]!;
          // A promoted replica is a primary of its own: what it has diverges from ours.
          if (!standby || lsn === null) return this.markDown(replica, "it is not a streaming standby (promoted, or not a replica)");
          const position = parseLsn(lsn)!;
          // Taken as it is, even backwards: a replica rebuilt from an older copy has less than before.
          replica.replayed = position;
          replica.lagMs = this.lagAt(position, Date.now());
          if (!replica.healthy) this.logger?.info({ replica: replica.name }, "replica in rotation");
          replica.healthy = true;
        } catch (error) {
          this.markDown(replica, (error as Error).message);
        }
      }),
    );
  }

  /** Out of rotation until a check answers again. */
  markDown(replica: Replica, reason: string): void {
    if (replica.healthy) this.logger?.warn({ replica: replica.name, reason }, "replica out of rotation");
    replica.healthy = false;
  }

  private usable(): Replica[] {
    return this.replicas.filter((replica) => replica.healthy && replica.lagMs !== null && replica.lagMs <= this.config.maxLagMs);
  }

  private pick(candidates: Replica[]): Replica {
    this.next = (this.next + 1) % candidates.length;
    return candidates[this.next]!;
  }

  private routed(target: QueryTarget): QueryTarget {
    this.onRouted(target?.name ?? "primary");
    return target;
  }

  /**
   * Where a query runs. Without a token: a healthy replica within the lag
   * bound, in turn. With one (the position of a write the client has seen):
   * a usable replica that has replayed it, else the first to replay it
   * within NEXUS_REPLICA_WAIT_MS (each waiting query asks the replicas
   * again, a few milliseconds apart), else the primary, which has it.
   */
  async route(token: bigint | null): Promise<QueryTarget> {
    const candidates = this.usable();
    if (candidates.length === 0) return this.routed(null);
    if (token === null) return this.routed(this.pick(candidates));
    const caughtUp = candidates.filter((replica) => replica.replayed >= token);
    if (caughtUp.length > 0) return this.routed(this.pick(caughtUp));
    const deadline = Date.now() + this.config.waitMs;
    while (Date.now() < deadline) {
      const positions = await Promise.allSettled(candidates.map((replica) => replica.replayPosition()));
      const ready = candidates.filter((replica, i) => positions[i]!.status === "fulfilled" && replica.replayed >= token && replica.healthy);
      if (ready.length > 0) return this.routed(this.pick(ready));
      await new Promise((resolve) => setTimeout(resolve, Math.min(5, Math.max(0, deadline - Date.now()))));
    }
    return this.routed(null);
  }

  /** A query failed on `replica` because of the replica: out of rotation unless it was only a replay conflict. */
  failed(replica: Replica, error: unknown): void {
    this.onFallback(replica.name);
    if ((error as { code?: unknown } | null)?.code !== "40001") this.markDown(replica, (error as Error).message);
  }
}
