import { Counter, type Registry } from "prom-client";

interface Tally {
  requests: number;
  errors: number;
  dbSeconds: number;
}

/** Tenants tallied at most; past it the least busy is folded into "other", so memory stays bounded too. */
const TALLIED_TENANTS = 10_000;

/**
 * Requests, errors and database time per tenant, with bounded cardinality:
 * at each scrape the `top` tenants by requests get a label of their own
 * (their tenant id) and everything else is summed under "other". A tenant
 * that enters the top moves its past counts out of "other", which then
 * drops: Prometheus' rate() reads that as a counter reset, the price of
 * keeping the series count at top + 1 whatever the number of tenants.
 */
export class TenantMetrics {
  private readonly tallies = new Map<string, Tally>();
  /** What tenants folded away when the tally was full had counted: kept in "other". */
  private readonly folded: Tally = { requests: 0, errors: 0, dbSeconds: 0 };

  constructor(registry: Registry, top: number) {
    const ranked = () => this.ranked(top);
    const series = (name: string, help: string, read: (tally: Tally) => number) =>
      new Counter({
        name,
        help,
        labelNames: ["tenant"],
        registers: [registry],
        collect() {
          this.reset();
          const { leaders, other } = ranked();
          for (const [tenant, tally] of leaders) this.inc({ tenant }, read(tally));
          if (read(other) > 0) this.inc({ tenant: "other" }, read(other));
        },
      });
    series(
      "nexus_tenant_requests_total",
      `GraphQL requests per tenant (the top ${top} by requests, the rest as "other").`,
      (t) => t.requests,
    );
    series(
      "nexus_tenant_errors_total",
      `GraphQL requests that ended with an error, per tenant (as nexus_tenant_requests_total).`,
      (t) => t.errors,
    );
    series(
      "nexus_tenant_db_seconds_total",
      "Seconds GraphQL pool connections were held per tenant (as nexus_tenant_requests_total).",
      (t) => t.dbSeconds,
    );
  }

  private tally(tenant: string): Tally {
    let tally = this.tallies.get(tenant);
    if (tally) return tally;
    if (this.tallies.size >= TALLIED_TENANTS) this.foldLeastBusy();
    this.tallies.set(tenant, (tally = { requests: 0, errors: 0, dbSeconds: 0 }));
    return tally;
  }

  private foldLeastBusy(): void {
    let least: [string, Tally] | null = null;
    for (const entry of this.tallies) if (!least || entry[1].requests < least[1].requests) least = entry;
    if (!least) return;
    this.tallies.delete(least[0]);
    this.folded.requests += least[1].requests;
    this.folded.errors += least[1].errors;
    this.folded.dbSeconds += least[1].dbSeconds;
  }

  /** A GraphQL request answered for `tenant` (null: no tenant claim, counted as "other"). */
  request(tenant: string | null, failed: boolean): void {
    const tally = tenant ? this.tally(tenant) : this.folded;
    tally.requests += 1;
    if (failed) tally.errors += 1;
  }

  /** Seconds a GraphQL connection was held for `tenant`. */
  databaseTime(tenant: string | null, seconds: number): void {
    (tenant ? this.tally(tenant) : this.folded).dbSeconds += seconds;
  }

  /** The `top` tenants by requests, and the sum of all others. */
  ranked(top: number): { leaders: Array<[string, Tally]>; other: Tally } {
    const sorted = [...this.tallies].sort((a, b) => b[1].requests - a[1].requests);
    const other = { ...this.folded };
    for (const [, tally] of sorted.slice(top)) {
      other.requests += tally.requests;
      other.errors += tally.errors;
      other.dbSeconds += tally.dbSeconds;
    }
    return { leaders: sorted.slice(0, top), other };
  }
}
