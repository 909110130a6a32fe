import type { Pool } from "pg";

import { AccountError, findTenant } from "./accounts";
import { hashPassword, passwordProblem } from "./passwords";

/**
 * What an operator does from the command line, through nexus_auth's
 * functions as the authenticator role (like the gateway itself), so it
 * works beside running gateways. Ending sessions updates
 * platform.user_sessions, whose trigger NOTIFYs every gateway: revocation
 * is instant there, not at the tokens' expiry.
 */

export interface TenantRow {
  id: string;
  name: string;
  isActive: boolean;
  users: number;
  createdAt: Date;
}

export interface SessionRow {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  userAgent: string | null;
  ipAddress: string | null;
}

export interface UserRef {
  userId: string;
  tenantId: string;
  email: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The database's "not found" (P0002) as a sentence; anything else as it is. */
function notFound(error: unknown): never {
  const pgError = error as { code?: string; message?: string };
  if (pgError.code === "P0002") throw new AccountError(pgError.message ?? "not found");
  throw error;
}

export async function listTenants(pool: Pool): Promise<TenantRow[]> {
  const { rows } = await pool.query<{ id: string; name: string; is_active: boolean; users: string; created_at: Date }>(
    "select * from nexus_auth.list_tenants()",
  );
  return rows.map((row) => ({ id: row.id, name: row.name, isActive: row.is_active, users: Number(row.users), createdAt: row.created_at }));
}

export { findTenant };

/** Disabling ends every session of the tenant; returns how many. */
export async function setTenantActive(pool: Pool, nameOrId: string, active: boolean): Promise<{ tenant: string; endedSessions: number }> {
  const tenant = await findTenant(pool, nameOrId);
  const { rows } = await pool
    .query<{ ended: number }>("select nexus_auth.set_tenant_active($1, $2) as ended", [tenant.id, active])
    .catch(notFound);
  return { tenant: tenant.name, endedSessions: rows[0]!.ended };
}

/** A user by email or username (both unique across tenants). */
export async function findUser(pool: Pool, identifier: string): Promise<UserRef> {
  const { rows } = await pool.query<{ user_id: string; tenant_id: string }>("select user_id, tenant_id from nexus_auth.find_login($1)", [
    identifier.trim().toLowerCase(),
  ]);
  if (!rows[0]) throw new AccountError(`no user ${identifier}`);
  return { userId: rows[0].user_id, tenantId: rows[0].tenant_id, email: identifier };
}

export async function setUserActive(pool: Pool, identifier: string, active: boolean): Promise<UserRef> {
  const user = await findUser(pool, identifier);
  await pool.query("select nexus_auth.set_user_active($1, $2)", [user.userId, active]).catch(notFound);
  // Enabling also lifts every sign-in backoff of the account, from every client.
  if (active) await pool.query("select nexus_auth.clear_throttle($1)", [user.userId]);
  return user;
}

/** Sets a new password and ends every session of the user; returns how many. */
export async function resetPassword(pool: Pool, identifier: string, password: string): Promise<number> {
  const problem = passwordProblem(password);
  if (problem) throw new AccountError(problem);
  const user = await findUser(pool, identifier);
  const { rows } = await pool.query<{ ended: number }>("select nexus_auth.set_password($1, $2, null, 'password_reset') as ended", [
    user.userId,
    await hashPassword(password),
  ]);
  return rows[0]!.ended;
}

export async function listSessions(pool: Pool, identifier: string): Promise<SessionRow[]> {
  const user = await findUser(pool, identifier);
  const { rows } = await pool.query<{
    id: string;
    created_at: Date;
    last_seen_at: Date;
    expires_at: Date;
    user_agent: string | null;
    ip_address: string | null;
  }>("select * from nexus_auth.list_sessions($1)", [user.userId]);
  return rows.map((row) => ({
    id: row.id,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
    userAgent: row.user_agent,
    ipAddress: row.ip_address,
  }));
}

/** Ends one session of the user (by id), or all of them; returns how many ended. */
export async function revokeSessions(pool: Pool, identifier: string, sessionId?: string): Promise<number> {
  const user = await findUser(pool, identifier);
  if (sessionId === undefined) {
    const { rows } = await pool.query<{ ended: number }>("select nexus_auth.revoke_user_sessions($1, null, 'revoked') as ended", [
      user.userId,
    ]);
    return rows[0]!.ended;
  }
  if (!UUID.test(sessionId)) throw new AccountError(`"${sessionId}" is not a session id (a UUID)`);
  const { rows: owners } = await pool.query<{ user_id: string }>("select user_id from nexus_auth.session_owner($1)", [sessionId]);
  if (owners[0]?.user_id !== user.userId) throw new AccountError(`no session ${sessionId} of ${identifier}`);
  const { rows } = await pool.query<{ revoked: boolean }>("select nexus_auth.revoke_session($1, 'revoked') as revoked", [sessionId]);
  return rows[0]!.revoked ? 1 : 0;
}

/** Returns false when the user already was a member. */
export async function assignGroup(pool: Pool, identifier: string, group: string): Promise<boolean> {
  const user = await findUser(pool, identifier);
  const { rows } = await pool
    .query<{ added: boolean }>("select nexus_auth.assign_group($1, $2) as added", [user.userId, group])
    .catch(notFound);
  return rows[0]!.added;
}

/** Returns false when the user already held the role. */
export async function assignRole(pool: Pool, identifier: string, role: string): Promise<boolean> {
  const user = await findUser(pool, identifier);
  const { rows } = await pool
    .query<{ added: boolean }>("select nexus_auth.assign_role($1, $2) as added", [user.userId, role])
    .catch(notFound);
  return rows[0]!.added;
}
