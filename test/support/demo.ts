import pg from "pg";

import { loadDemoData, loadModuleDemos } from "../../src/demo";
import type { DemoTenant } from "../../src/demo/tenant";
import type { TenantFixture } from "./fixtures";

/**
 * The demo tenants (Acme, Globex) in the test database, loaded by the first
 * test file that asks. Files run in parallel workers, so the check and the
 * load happen under a session advisory lock: the second file waits, then
 * finds the data. Resolves to the tenant ids by name.
 */
export async function ensureDemoData(): Promise<Record<string, string>> {
  const admin = new pg.Client({ connectionString: process.env.NEXUS_TEST_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query("select pg_advisory_lock(hashtext('nexus test demo data'))");
    const tenants = async () =>
      (await admin.query<{ id: string; name: string }>("select id, name from platform.tenants where name in ('Acme', 'Globex')")).rows;
    if ((await tenants()).length === 0) {
      const pool = new pg.Pool({ connectionString: process.env.NEXUS_TEST_AUTHENTICATOR_URL, max: 2 });
      try {
        await loadDemoData(pool);
      } finally {
        await pool.end();
      }
    }
    return Object.fromEntries((await tenants()).map((t) => [t.name, t.id]));
  } finally {
    // Ending the session releases the lock.
    await admin.end();
  }
}

/**
 * Demo records in a fixture tenant (its admin and first user as the demo's), as the demo tenants get them:
 * every module's, or one module's loader.
 */
export async function loadDemoInto(
  fixture: TenantFixture,
  load: (pool: pg.Pool, tenant: DemoTenant) => Promise<void> = loadModuleDemos,
): Promise<void> {
  const pool = new pg.Pool({ connectionString: process.env.NEXUS_TEST_AUTHENTICATOR_URL, max: 2 });
  try {
    await load(pool, {
      name: fixture.name,
      tenantId: fixture.tenantId,
      adminUserId: fixture.admin.userId,
      userId: fixture.users[0]?.userId ?? fixture.admin.userId,
    });
  } finally {
    await pool.end();
  }
}
