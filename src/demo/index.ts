import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { createTenant, createUser } from "../auth/accounts";

export const DEMO_PASSWORD = "nexus-demo";

/** The demo tenants; later modules add their records to the same two. */
export const DEMO_TENANTS = [
  { name: "Acme", domain: "acme.test" },
  { name: "Globex", domain: "globex.test" },
] as const;

/**
 * Each module that has demo records registers a loader here; they run in
 * order, once, on the first start of the embedded database.
 */
const demoLoaders: Array<(pool: pg.Pool, tenants: Record<string, string>) => Promise<void>> = [];

async function loadPlatform(pool: pg.Pool): Promise<Record<string, string>> {
  const tenants: Record<string, string> = {};
  for (const tenant of DEMO_TENANTS) {
    const { tenantId } = await createTenant(pool, {
      name: tenant.name,
      adminEmail: `admin@${tenant.domain}`,
      password: DEMO_PASSWORD,
    });
    await createUser(pool, { tenant: tenant.name, email: `user@${tenant.domain}`, password: DEMO_PASSWORD, role: "user" });
    tenants[tenant.name] = tenantId;
  }
  return tenants;
}

/**
 * Loads the demo tenants and users the first time the embedded database
 * starts (marker file in the data directory), never again: deleting demo
 * data stays deleted.
 */
export async function loadDemoDataOnce(dataDir: string, authenticatorUrl: string): Promise<boolean> {
  const marker = path.join(dataDir, "demo-loaded");
  if (existsSync(marker)) return false;
  const pool = new pg.Pool({ connectionString: authenticatorUrl, max: 2 });
  try {
    const { rows } = await pool.query("select 1 from nexus_auth.find_tenant($1)", [DEMO_TENANTS[0].name]);
    if (rows.length === 0) {
      const tenants = await loadPlatform(pool);
      for (const load of demoLoaders) await load(pool, tenants);
    }
    await fs.writeFile(marker, "The demo tenants were loaded into this database.\n");
    return true;
  } finally {
    await pool.end();
  }
}
