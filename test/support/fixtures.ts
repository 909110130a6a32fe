import { randomUUID } from "node:crypto";

import pg from "pg";

import { createTenant as createTenantAccount, createUser, type RoleName } from "../../src/auth/accounts";
import type { TestGateway } from "./gateway";

export const PASSWORD = "correct horse battery";

/** The superuser connection: bypasses RLS, as a fixture or a look behind the scenes must. */
export async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.NEXUS_TEST_ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export interface Account {
  userId: string;
  email: string;
}

export interface TenantFixture {
  tenantId: string;
  name: string;
  admin: Account;
  users: Account[];
}

/**
 * A tenant made the way the product makes them (nexus_auth.create_tenant),
 * with an admin and `users` more accounts of `role`. Names carry a random
 * suffix: test files share the database and run in parallel.
 */
export async function createTenant(label: string, users = 1, role: RoleName = "user"): Promise<TenantFixture> {
  const suffix = randomUUID().slice(0, 8);
  const name = `${label} ${suffix}`;
  const domain = `${label.toLowerCase()}-${suffix}.test`;
  const pool = new pg.Pool({ connectionString: process.env.NEXUS_TEST_AUTHENTICATOR_URL, max: 1 });
  try {
    const adminEmail = `admin@${domain}`;
    const { tenantId, adminUserId } = await createTenantAccount(pool, { name, adminEmail, password: PASSWORD });
    const accounts: Account[] = [];
    for (let i = 0; i < users; i++) {
      const email = `${role}${i}@${domain}`;
      const { userId } = await createUser(pool, { tenant: name, email, password: PASSWORD, role });
      accounts.push({ userId, email });
    }
    return { tenantId, name, admin: { userId: adminUserId, email: adminEmail }, users: accounts };
  } finally {
    await pool.end();
  }
}

export interface SignedIn {
  accessToken: string;
  refreshToken: string;
  cookie: string | null;
}

export async function signIn(gateway: TestGateway, email: string, password = PASSWORD): Promise<SignedIn> {
  const { status, body, headers } = await gateway.post("/auth/login", { email, password });
  if (status !== 200) throw new Error(`sign-in of ${email} failed: ${status} ${JSON.stringify(body)}`);
  return { accessToken: body.accessToken, refreshToken: body.refreshToken, cookie: headers.get("set-cookie") };
}

/** A tenant with an admin and two users, a rival tenant, and the tokens module tests sign in with. */
export interface TenantPair {
  acme: TenantFixture;
  globex: TenantFixture;
  adminToken: string;
  userToken: string;
  globexAdminToken: string;
}

export async function tenantPair(gateway: TestGateway, label: string, rival: string): Promise<TenantPair> {
  const [acme, globex] = await Promise.all([createTenant(label, 2), createTenant(rival, 1)]);
  const [admin, user, globexAdmin] = await Promise.all([
    signIn(gateway, acme.admin.email),
    signIn(gateway, acme.users[0]!.email),
    signIn(gateway, globex.admin.email),
  ]);
  return { acme, globex, adminToken: admin.accessToken, userToken: user.accessToken, globexAdminToken: globexAdmin.accessToken };
}
