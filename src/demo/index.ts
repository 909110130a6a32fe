import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";

import pg from "pg";

import { createTenant, createUser } from "../auth/accounts";
import { loadAssetsDemo } from "./assets";
import { loadCensusDemo } from "./census";
import { loadCommerceDemo } from "./commerce";
import { loadCommerceServicesDemo } from "./commerce-services";
import { loadItsmDemo } from "./itsm";
import { loadLocationsDemo } from "./locations";
import { loadSchoolDemo } from "./school";
import { loadServicesDemo } from "./services";
import { asTenantAdmin, type DemoTenant } from "./tenant";

export const DEMO_PASSWORD = "nexus-demo";

/** The demo tenants; later modules add their records to the same two. */
export const DEMO_TENANTS = [
  { name: "Acme", domain: "acme.test" },
  { name: "Globex", domain: "globex.test" },
] as const;

/**
 * Each module with demo records adds its loader here; they run in order,
 * once, on the first start of the embedded database, for each demo tenant.
 */
const demoLoaders: Array<(pool: pg.Pool, tenant: DemoTenant) => Promise<void>> = [
  loadCensusDemo,
  loadLocationsDemo,
  loadAssetsDemo,
  loadItsmDemo,
  loadServicesDemo,
  loadSchoolDemo,
  loadCommerceDemo,
  loadCommerceServicesDemo,
];

async function loadPlatform(pool: pg.Pool): Promise<DemoTenant[]> {
  const tenants: DemoTenant[] = [];
  for (const tenant of DEMO_TENANTS) {
    const { tenantId, adminUserId } = await createTenant(pool, {
      name: tenant.name,
      adminEmail: `admin@${tenant.domain}`,
      password: DEMO_PASSWORD,
    });
    const { userId } = await createUser(pool, {
      tenant: tenant.name,
      email: `user@${tenant.domain}`,
      password: DEMO_PASSWORD,
      role: "user",
    });
    const { userId: viewerUserId } = await createUser(pool, {
      tenant: tenant.name,
      email: `viewer@${tenant.domain}`,
      password: DEMO_PASSWORD,
      role: "viewer",
    });
    const demo = { name: tenant.name, tenantId, adminUserId, userId, viewerUserId };
    // A custom permission (platform.user_permissions): the user may also manage groups.
    await asTenantAdmin(pool, demo, (client) =>
      client.query(
        "insert into platform.user_permissions (user_id, permission_id) select $1, id from platform.permissions where name = 'UPDATE_USER_GROUPS'",
        [userId],
      ),
    );
    tenants.push(demo);
  }
  return tenants;
}

/** Every module's demo records for one tenant, in the order the modules depend on. */
export async function loadModuleDemos(pool: pg.Pool, tenant: DemoTenant): Promise<void> {
  for (const load of demoLoaders) await load(pool, tenant);
}

/** Every module's demo records for the demo tenants, in one go; `onProgress` after each step. */
export async function loadDemoData(pool: pg.Pool, onProgress?: (done: number, total: number) => void): Promise<DemoTenant[]> {
  const total = 1 + DEMO_TENANTS.length * demoLoaders.length;
  const tenants = await loadPlatform(pool);
  let done = 1;
  onProgress?.(done, total);
  for (const tenant of tenants) {
    for (const load of demoLoaders) {
      await load(pool, tenant);
      onProgress?.(++done, total);
    }
  }
  return tenants;
}

/** Whether the demo tenants are in this database already. */
export async function hasDemoData(pool: pg.Pool): Promise<boolean> {
  const { rows } = await pool.query("select 1 from nexus_auth.find_tenant($1)", [DEMO_TENANTS[0].name]);
  return rows.length > 0;
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
    if (!(await hasDemoData(pool))) await loadDemoData(pool);
    await fs.writeFile(marker, "The demo tenants were loaded into this database.\n");
    return true;
  } finally {
    await pool.end();
  }
}
