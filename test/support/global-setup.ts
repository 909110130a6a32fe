import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { bootstrapRoles, ensureDatabase, grantDatabase, withCredentials } from "../../src/db/bootstrap";
import { type EmbeddedCluster, startEmbeddedCluster } from "../../src/db/embedded";
import { migrateDatabase } from "../../src/db/migrate";
import { DB_ROLES } from "../../src/db/roles";

export const TEST_DATABASE = "nexus_test";

declare global {
  // Shared with global-teardown (same process).
  var nexusTestCluster: { cluster: EmbeddedCluster; dir: string } | undefined;
}

/** One PostgreSQL for the whole run, migrated once; test files share it. */
export default async function globalSetup(): Promise<void> {
  // On Node 20 PostGraphile builds its schema but every connection resolves to null.
  if (Number(process.versions.node.split(".")[0]) < 22) {
    throw new Error(
      `The tests need Node.js 22 or newer (this is ${process.version}): run them with npm test, which uses the Node 22 installed with the project.`,
    );
  }
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "nexus-test-"));
  const cluster = await startEmbeddedCluster(dir);
  globalThis.nexusTestCluster = { cluster, dir };
  const adminUrl = cluster.url(TEST_DATABASE);
  await bootstrapRoles(adminUrl, cluster.authenticatorPassword, { resetPassword: true });
  await ensureDatabase(adminUrl, TEST_DATABASE);
  await grantDatabase(adminUrl);
  await migrateDatabase({ adminUrl });
  process.env.NEXUS_TEST_ADMIN_URL = adminUrl;
  process.env.NEXUS_TEST_AUTHENTICATOR_URL = withCredentials(adminUrl, DB_ROLES.authenticator, cluster.authenticatorPassword);
}
