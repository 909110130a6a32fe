import { SafeError } from "postgraphile/grafast";

import type { ErrorCode } from "../errors/codes";

export interface FairShare {
  /** Connections the gate hands out at once: the GraphQL pool's size, so requests queue here, not inside pg's FIFO pool. */
  capacity: number;
  /** Connections one tenant may hold at once. */
  perTenant: number;
  /** Requests of one tenant that may wait; past it a checkout is refused at once (TENANT_QUEUE_FULL). */
  queuePerTenant: number;
  /** How long a checkout may wait for its turn (TENANT_QUEUE_TIMEOUT). */
  timeoutMs: number;
}

/**
 * A checkout the gate refused: a SafeError (its message reaches the client)
 * with its code and the seconds to suggest in Retry-After, which
 * src/graphql/tenant-budget.ts turns into the HTTP status and header.
 */
export function fairShareRefusal(code: ErrorCode, message: string, retryAfter: number): SafeError {
  return new SafeError(message, { code, retryAfter });
}

interface Waiter {
  grant(): void;
}

interface TenantLine {
  holding: number;
  waiting: Waiter[];
}

/** Who a connection is held for: the tenant claim, or "" for requests without one (anonymous, operators). */
export type TenantKey = string;

/**
 * A fair scheduler in front of the GraphQL pool's checkout. pg's own pool
 * serves waiters first come, first served, so one tenant that floods heavy
 * queries holds every connection and everyone else waits behind its queue.
 * Here each tenant holds at most `perTenant` connections, and when one
 * frees, the next waiting tenant in round-robin order gets it: a tenant with
 * one waiting point lookup is served after at most one checkout of each
 * other waiting tenant, however many the flooding tenant queued.
 *
 * The gate counts connections, not requests: a query holds one for its
 * shared transaction (request-transaction.ts), a mutation one per statement.
 * The queue is bounded per tenant and every wait has a deadline, so a flood
 * is refused (429) or timed out (503) instead of growing memory.
 */
export class FairPool {
  private readonly tenants = new Map<TenantKey, TenantLine>();
  /** Tenants with someone waiting, in the order they are served; the head is served next. */
  private readonly turns: TenantKey[] = [];
  private inUse = 0;

  constructor(private readonly share: FairShare) {}

  /** Runs `work` holding one of the tenant's connection slots; refuses (fairShareRefusal) when the queue is full or the wait times out. */
  async run<T>(tenant: TenantKey, work: () => Promise<T>): Promise<T> {
    await this.acquire(tenant);
    try {
      return await work();
    } finally {
      this.release(tenant);
    }
  }

  /** What the gate holds now, for metrics and tests. */
  snapshot(): { inUse: number; waiting: number; holding: Record<string, number> } {
    let waiting = 0;
    const holding: Record<string, number> = {};
    for (const [tenant, line] of this.tenants) {
      waiting += line.waiting.length;
      if (line.holding > 0) holding[tenant] = line.holding;
    }
    return { inUse: this.inUse, waiting, holding };
  }

  private line(tenant: TenantKey): TenantLine {
    let line = this.tenants.get(tenant);
    if (!line) this.tenants.set(tenant, (line = { holding: 0, waiting: [] }));
    return line;
  }

  private acquire(tenant: TenantKey): Promise<void> {
    const line = this.line(tenant);
    if (line.waiting.length === 0 && line.holding < this.share.perTenant && this.inUse < this.share.capacity) {
      line.holding += 1;
      this.inUse += 1;
      return Promise.resolve();
    }
    if (line.waiting.length >= this.share.queuePerTenant) {
      return Promise.reject(
        fairShareRefusal(
          "TENANT_QUEUE_FULL",
          `Too many requests of this tenant are waiting for the database (at most ${this.share.queuePerTenant}); retry shortly.`,
          1,
        ),
      );
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        grant: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        const at = line.waiting.indexOf(waiter);
        if (at !== -1) line.waiting.splice(at, 1);
        this.forget(tenant, line);
        reject(
          fairShareRefusal(
            "TENANT_QUEUE_TIMEOUT",
            `No database connection was free for this tenant within ${this.share.timeoutMs} ms; retry shortly.`,
            Math.max(1, Math.ceil(this.share.timeoutMs / 1000)),
          ),
        );
      }, this.share.timeoutMs);
      timer.unref?.();
      line.waiting.push(waiter);
      if (line.waiting.length === 1) this.turns.push(tenant);
    });
  }

  private release(tenant: TenantKey): void {
    const line = this.line(tenant);
    line.holding -= 1;
    this.inUse -= 1;
    this.dispatch();
    this.forget(tenant, line);
  }

  /** Hands free slots to waiting tenants in round-robin order, skipping those at their share. */
  private dispatch(): void {
    let skipped = 0;
    while (this.inUse < this.share.capacity && this.turns.length > 0 && skipped < this.turns.length) {
      const tenant = this.turns.shift()!;
      const line = this.tenants.get(tenant);
      if (!line || line.waiting.length === 0) continue;
      if (line.holding >= this.share.perTenant) {
        this.turns.push(tenant);
        skipped += 1;
        continue;
      }
      skipped = 0;
      line.holding += 1;
      this.inUse += 1;
      line.waiting.shift()!.grant();
      // Still waiting: back of the line, behind every other waiting tenant.
      if (line.waiting.length > 0) this.turns.push(tenant);
    }
  }

  private forget(tenant: TenantKey, line: TenantLine): void {
    if (line.holding > 0 || line.waiting.length > 0) return;
    this.tenants.delete(tenant);
    const at = this.turns.indexOf(tenant);
    if (at !== -1) this.turns.splice(at, 1);
  }
}
