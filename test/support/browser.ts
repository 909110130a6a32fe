import fs from "node:fs/promises";
import path from "node:path";

import pg from "pg";
import { type Browser, chromium, type Page } from "playwright-core";

import { loadAssetsDemo } from "../../src/demo/assets";
import { loadCensusDemo } from "../../src/demo/census";
import { loadLocationsDemo } from "../../src/demo/locations";
import type { DemoTenant } from "../../src/demo/tenant";
import type { TenantFixture } from "./fixtures";

/** Screenshots of the browser tests land here (git-ignored). */
export const ARTIFACTS_DIR = path.join(__dirname, "..", "..", "test-artifacts");

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Debian's Chromium, headless, through playwright-core (which never
 * downloads a browser). Background networking, component updates and QUIC
 * stay off: on a closed network they make Chromium wait for minutes.
 * Playwright gives every launch a fresh, empty profile.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/**
 * A page whose waits allow for a busy machine: Playwright's 30 s default was
 * passed by a GraphiQL reload (the 3 MB schema fetched and parsed again) at
 * a load average of 10. Each test's own timeout still bounds it.
 */
export async function openPage(browser: Browser, viewport: { width: number; height: number }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  page.setDefaultTimeout(90_000);
  return page;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  await fs.mkdir(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, name);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** The census, locations and assets demo records, loaded into a fixture tenant as its admin would. */
export async function loadInventory(fixture: TenantFixture): Promise<void> {
  const tenant: DemoTenant = {
    name: fixture.name,
    tenantId: fixture.tenantId,
    adminUserId: fixture.admin.userId,
    userId: fixture.users[0]?.userId ?? fixture.admin.userId,
  };
  const pool = new pg.Pool({ connectionString: process.env.NEXUS_TEST_AUTHENTICATOR_URL, max: 2 });
  try {
    for (const load of [loadCensusDemo, loadLocationsDemo, loadAssetsDemo]) await load(pool, tenant);
  } finally {
    await pool.end();
  }
}
