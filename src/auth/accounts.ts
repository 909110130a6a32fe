import { randomBytes } from "node:crypto";

import type { Pool } from "pg";

import { hashPassword, passwordProblem } from "./passwords";

export const ROLES = ["admin", "manager", "user", "viewer"] as const;
export type RoleName = (typeof ROLES)[number];

export class AccountError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AccountError";
  }
}

export const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
export const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._-]{1,62}$/;

/**
 * A username from an email when none is given: local part and first domain
 * label, `Ada.Lovelace+x@acme.test` -> `ada.lovelace-x.acme`; `attempt` > 0
 * adds a random suffix (usernames are unique across all tenants).
 */
export function usernameFromEmail(email: string, attempt = 0): string {
  const [localPart, domain = ""] = email.toLowerCase().split("@");
  const clean = (text: string) => text.replace(/[^a-z0-9._-]/g, "-");
  let name = clean(localPart!).replace(/^[^a-z0-9]+/, "");
  const label = clean(domain.split(".")[0] ?? "");
  if (label) name = `${name}.${label}`;
  if (name.length < 2) name = `user-${name}`;
  const suffix = attempt > 0 ? `-${randomBytes(3).toString("hex")}` : "";
  return name.slice(0, 63 - suffix.length) + suffix;
}

const isUsernameClash = (error: unknown) =>
  (error as { code?: string }).code === "23505" && (error as { constraint?: string }).constraint === "users_username_key";

/** Runs `create` with the given username, or derived ones until one is free. */
export async function withFreeUsername<T>(email: string, given: string | undefined, create: (username: string) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const username = given ?? usernameFromEmail(email, attempt);
    try {
      return await create(username);
    } catch (error) {
      if (given !== undefined || attempt >= 3 || !isUsernameClash(error)) throw error;
    }
  }
}

function checkAccount(email: string, username: string, password: string): void {
  if (!EMAIL.test(email) || email.length > 320) throw new AccountError(`"${email}" is not a valid email address`);
  if (!USERNAME.test(username)) throw new AccountError(`"${username}" is not a valid username (2-63 letters, digits, . _ -)`);
  const problem = passwordProblem(password);
  if (problem) throw new AccountError(problem);
}

/** Turns the database's refusals into sentences a person at a terminal can act on. */
function explain(error: unknown, what: { tenant?: string; email: string; username: string }): never {
  const pgError = error as { code?: string; constraint?: string; message?: string };
  if (pgError.code === "23505") {
    if (pgError.constraint === "tenants_name_key") throw new AccountError(`a tenant named "${what.tenant}" already exists`);
    if (pgError.constraint === "users_email_key") throw new AccountError(`a user with email ${what.email} already exists`);
    if (pgError.constraint === "users_username_key") throw new AccountError(`the username "${what.username}" is taken`);
  }
  if (pgError.code === "23514" && pgError.constraint === "tenants_name_not_blank")
    throw new AccountError("the tenant name must not be blank");
  if (pgError.code === "22023" || pgError.code === "P0002") throw new AccountError(pgError.message ?? "invalid input");
  throw error;
}

/**
 * The one tenant with this name (case-insensitive) or id. Names are display
 * names, not unique across tenants: a name several tenants share must be
 * given as an id.
 */
export async function findTenant(pool: Pool, nameOrId: string): Promise<{ id: string; name: string }> {
  const { rows } = await pool.query<{ id: string; name: string }>("select id, name from nexus_auth.find_tenant($1)", [nameOrId]);
  if (!rows[0]) throw new AccountError(`no tenant named "${nameOrId}"`);
  if (rows.length > 1) throw new AccountError(`${rows.length} tenants are named "${nameOrId}"; give one by its id (see nexus tenant list)`);
  return rows[0];
}

export async function createTenant(
  pool: Pool,
  input: { name: string; adminEmail: string; adminUsername?: string; password: string },
): Promise<{ tenantId: string; adminUserId: string }> {
  const name = input.name.trim();
  if (!name) throw new AccountError("the tenant name must not be blank");
  if (name.length > 200) throw new AccountError("the tenant name must be at most 200 characters");
  const email = input.adminEmail.trim().toLowerCase();
  checkAccount(email, input.adminUsername ?? usernameFromEmail(email), input.password);
  // Operators create tenants under names of their own choosing: no two alike (tenants may rename themselves to anything).
  const { rows: namesake } = await pool.query("select 1 from nexus_auth.find_tenant($1) f where lower(f.name) = lower($1)", [name]);
  if (namesake.length) throw new AccountError(`a tenant named "${name}" already exists`);
  const passwordHash = await hashPassword(input.password);
  try {
    return await withFreeUsername(email, input.adminUsername, async (username) => {
      const { rows } = await pool.query<{ tenant_id: string; admin_user_id: string }>(
        "select * from nexus_auth.create_tenant($1, $2, $3, $4)",
        [name, email, username, passwordHash],
      );
      return { tenantId: rows[0]!.tenant_id, adminUserId: rows[0]!.admin_user_id };
    });
  } catch (error) {
    explain(error, { tenant: name, email, username: input.adminUsername ?? usernameFromEmail(email) });
  }
}

export async function createUser(
  pool: Pool,
  input: { tenant: string; email: string; username?: string; password: string; role: RoleName; firstName?: string; lastName?: string },
): Promise<{ userId: string; tenantId: string }> {
  if (!ROLES.includes(input.role)) throw new AccountError(`unknown role "${input.role}": use ${ROLES.join(", ")}`);
  const email = input.email.trim().toLowerCase();
  checkAccount(email, input.username ?? usernameFromEmail(email), input.password);
  const tenantId = (await findTenant(pool, input.tenant)).id;
  const passwordHash = await hashPassword(input.password);
  try {
    return await withFreeUsername(email, input.username, async (username) => {
      const { rows } = await pool.query<{ user_id: string }>("select nexus_auth.create_user($1, $2, $3, $4, $5, $6, $7) as user_id", [
        tenantId,
        email,
        username,
        passwordHash,
        input.role,
        input.firstName ?? null,
        input.lastName ?? null,
      ]);
      return { userId: rows[0]!.user_id, tenantId };
    });
  } catch (error) {
    explain(error, { email, username: input.username ?? usernameFromEmail(email) });
  }
}
