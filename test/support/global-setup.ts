import { spawnSync } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { bootstrapRoles, ensureDatabase, grantDatabase, withCredentials } from "../../src/db/bootstrap";
import { type EmbeddedCluster, startEmbeddedCluster } from "../../src/db/embedded";
import { migrateDatabase } from "../../src/db/migrate";
import { DB_ROLES } from "../../src/db/roles";
import { type GatewayProcess, startGatewayProcess } from "./gateway-process";
import { testGatewayEnv } from "./test-settings";

export const TEST_DATABASE = "nexus_test";

declare global {
  // Shared with global-teardown (same process).
  var nexusTestCluster: { cluster: EmbeddedCluster; dir: string; gateway?: GatewayProcess } | undefined;
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
  // The run's shared gateway (startTestGateway() with no options): the compiled one, so dist/ is brought up to
  // date first (at once when it is; `npm test` has done it already).
  const built = spawnSync(process.execPath, [path.join(__dirname, "..", "..", "scripts", "build-if-stale.js")], { stdio: "inherit" });
  if (built.status !== 0) throw new Error("the build failed (above): the shared test gateway runs the compiled gateway");
  globalThis.nexusTestCluster.gateway = await startGatewayProcess(testGatewayEnv());
  process.env.NEXUS_TEST_SHARED_GATEWAY_URL = globalThis.nexusTestCluster.gateway.url;
}
