import { randomUUID } from "node:crypto";
import pg from "pg";

/**
 * Test data written through the superuser connection (it bypasses RLS, as
 * a fixture must); every name carries a random suffix so test files sharing
 * the database never collide.
 */
export async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.NEXUS_TEST_ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export interface TenantFixture {
  tenantId: string;
  name: string;
  userIds: string[];
}

export async function createTenant(label: string, users = 2): Promise<TenantFixture> {
  const suffix = randomUUID().slice(0, 8);
  const name = `${label} ${suffix}`;
  return withAdmin(async (client) => {
    const { rows } = await client.query<{ id: string }>("insert into platform.tenants (name) values ($1) returning id", [name]);
    const tenantId = rows[0]!.id;
    const userIds: string[] = [];
    for (let i = 0; i < users; i++) {
      const username = `${label.toLowerCase()}-${suffix}-${i}`;
      const { rows: user } = await client.query<{ id: string }>(
        "insert into platform.users (tenant_id, username, email, password_hash) values ($1, $2, $3, 'x') returning id",
        [tenantId, username, `${username}@example.test`],
      );
      userIds.push(user[0]!.id);
    }
    return { tenantId, name, userIds };
  });
}
