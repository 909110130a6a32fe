import type pg from "pg";

import { withUserClaims } from "../db/user-claims";

export interface DemoTenant {
  name: string;
  tenantId: string;
  adminUserId: string;
  userId: string;
  viewerUserId?: string;
}

/**
 * Runs `fn` in one transaction as the tenant's admin would through GraphQL,
 * so demo records pass the same RLS policies, permissions and triggers as
 * any client's writes.
 */
export function asTenantAdmin<T>(pool: pg.Pool, tenant: DemoTenant, fn: (client: pg.ClientBase) => Promise<T>): Promise<T> {
  return withUserClaims(pool, { tenantId: tenant.tenantId, userId: tenant.adminUserId }, fn);
}
