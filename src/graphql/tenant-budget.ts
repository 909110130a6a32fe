import type { Pool } from "pg";
import { GraphQLError } from "postgraphile/graphql";

import type { TenantLimits } from "../config";
import { ERROR_CODES, type ErrorCode } from "../errors/codes";

/**
 * Per-tenant budgets of operations and estimated cost per window, counted in
 * PostgreSQL (nexus_auth.tenant_budget_take, one upsert per operation) so
 * that every instance behind the load balancer draws on the same budget:
 * ten instances do not give a tenant ten times the allowance.
 */
export class TenantBudgets {
  constructor(
    private readonly pool: Pool,
    private readonly limits: TenantLimits,
  ) {}

  get enabled(): boolean {
    return this.limits.requestsPerWindow > 0 || this.limits.costPerWindow > 0;
  }

  /** Counts one operation of `cost` for the tenant; the seconds to wait when its budget is spent, 0 to go ahead. */
  async take(tenantId: string, cost: number): Promise<number> {
    const { rows } = await this.pool.query<{ wait: number }>("select nexus_auth.tenant_budget_take($1, $2, $3, $4, $5) as wait", [
      tenantId,
      Math.min(Math.round(cost), Number.MAX_SAFE_INTEGER),
      this.limits.requestsPerWindow,
      this.limits.costPerWindow,
      this.limits.windowSeconds,
    ]);
    return rows[0]!.wait;
  }
}

/** Codes of a request refused for its tenant's share, answered with their catalog status and Retry-After. */
const TENANT_REFUSALS: readonly ErrorCode[] = ["TENANT_BUDGET_EXCEEDED", "TENANT_QUEUE_FULL", "TENANT_QUEUE_TIMEOUT"];

interface Payload {
  errors?: { extensions?: { code?: unknown; retryAfter?: unknown } }[];
  data?: Record<string, unknown> | null;
}

/** The status and Retry-After of a payload refused entirely for its tenant's share; null for anything else. */
function tenantRefusal(payload: Payload): { status: number; retryAfter: number } | null {
  const { errors, data } = payload;
  if (!Array.isArray(errors) || errors.length === 0) return null;
  if (data != null && Object.values(data).some((value) => value !== null)) return null;
  let status = 0;
  let retryAfter = 1;
  for (const error of errors) {
    const code = error.extensions?.code;
    if (typeof code !== "string" || !TENANT_REFUSALS.includes(code as ErrorCode)) return null;
    status = Math.max(status, ERROR_CODES[code as ErrorCode].status);
    if (typeof error.extensions?.retryAfter === "number") retryAfter = Math.max(retryAfter, error.extensions.retryAfter);
  }
  return { status, retryAfter };
}

/**
 * Refuses an operation once its tenant's budget for the window is spent,
 * after the cost rule has priced it (NexusLimitsPlugin, which runs first,
 * leaves the cost in the context), and answers a request refused for its
 * tenant's share (budget, or the fair pool's queue: src/db/fair-pool.ts)
 * with the code's HTTP status and Retry-After instead of 200.
 *
 * Should the budget itself not be readable (the database is down), the
 * operation goes ahead: it meets the same database and fails there with
 * DATABASE_UNAVAILABLE, which says what is wrong; a budget error would not.
 */
export function makeTenantBudgetPlugin(budgets: TenantBudgets | null): GraphileConfig.Plugin {
  const refuse = async (contextValue: unknown): Promise<{ errors: GraphQLError[] } | null> => {
    const context = (contextValue ?? {}) as { nexusTenantId?: string | null; nexusCost?: number };
    if (!budgets?.enabled || !context.nexusTenantId) return null;
    const wait = await budgets.take(context.nexusTenantId, context.nexusCost ?? 0).catch(() => 0);
    if (wait <= 0) return null;
    return {
      errors: [
        new GraphQLError(`This tenant has used its budget of operations or query cost for this minute; retry in ${wait} s.`, {
          extensions: { code: "TENANT_BUDGET_EXCEEDED", retryAfter: wait },
        }),
      ],
    };
  };
  return {
    name: "NexusTenantBudgetPlugin",
    version: "1.0.0",
    after: ["NexusLimitsPlugin"],
    grafserv: {
      middleware: {
        async processRequest(next) {
          const result = await next();
          if (result?.type !== "json" && !(result?.type === "buffer" && result.buffer.includes("TENANT_"))) return result;
          const payload = (result.type === "json" ? result.json : JSON.parse(result.buffer.toString("utf8"))) as Payload;
          const refusal = tenantRefusal(payload ?? {});
          if (!refusal) return result;
          return { ...result, statusCode: refusal.status, headers: { ...result.headers, "retry-after": String(refusal.retryAfter) } };
        },
      },
    },
    grafast: {
      middleware: {
        async execute(next, event) {
          // The realtime hub's re-reads (src/realtime/filtered-reader.ts) deliver what a write already paid for.
          if ((event.args.requestContext as { nexusReader?: unknown } | undefined)?.nexusReader) return next();
          return ((await refuse(event.args.contextValue)) as never) ?? next();
        },
      },
    },
  };
}
