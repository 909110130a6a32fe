import type pg from "pg";

import { DB_ROLES } from "./roles";

/** Whom a database session acts for: the claims a verified access token would carry. */
export interface UserClaims {
  tenantId: string;
  userId: string;
  sessionId?: string;
}

/**
 * Runs `fn` in one transaction as that user would through GraphQL: role
 * nexus_user with their claims as transaction-local settings, so what it
 * writes passes the same RLS policies, permissions and triggers as any
 * client's writes (the demo data, imports, tests). Commits when `fn`
 * resolves, rolls back when it throws. A pool lends a connection for the
 * call; a client is used as it is (it must not be in a transaction).
 */
export async function withUserClaims<T>(
  db: pg.Pool | pg.ClientBase,
  claims: UserClaims,
  fn: (client: pg.ClientBase) => Promise<T>,
): Promise<T> {
  const lent = "totalCount" in db ? await db.connect() : null;
  const client = lent ?? (db as pg.ClientBase);
  try {
    await client.query("begin");
    await client.query(
      "select set_config('role', $1, true), set_config('jwt.claims.tenant_id', $2, true), set_config('jwt.claims.user_id', $3, true)" +
        (claims.sessionId ? ", set_config('jwt.claims.session_id', $4, true)" : ""),
      [DB_ROLES.user, claims.tenantId, claims.userId, ...(claims.sessionId ? [claims.sessionId] : [])],
    );
    const result = await fn(client);
    await client.query("commit");
    return result;
  } catch (error) {
    await client.query("rollback").catch(() => undefined);
    throw error;
  } finally {
    lent?.release();
  }
}
