import { cp, writeFile } from "node:fs/promises";
import path from "node:path";

import { watch } from "graphile-migrate";

import { applyPolicies, migrationSettings } from "../../src/db/migrate";
import { clientsOf, type Context } from "./context";
import { summarise } from "./database-outage";
import { type Kind, Load, post, signIn, verifyWrites } from "./load";
import { GatewayProcess, PASSWORD, ROOT, sleep, tempDir, withClient } from "./processes";
import type { Report } from "./report";

/**
 * A harmless migration, applied as a developer's current.sql is (graphile-migrate
 * in a temporary copy of migrations/, never the project's own): a throwaway
 * schema, and a new column on a table that the running load writes to.
 */
const PROBE_MIGRATION = `
create schema if not exists fault_probe;
create table if not exists fault_probe.notes (id integer primary key, body text not null);
comment on table fault_probe.notes is 'Made by the fault suite while gateways run; not part of Nexus.';
alter table platform.user_groups add column if not exists fault_probe_note text;
comment on column platform.user_groups.fault_probe_note is 'Added by the fault suite while gateways run.';
`;

async function applyProbeMigration(adminUrl: string): Promise<void> {
  const folder = path.join(await tempDir("migrations"), "migrations");
  await cp(path.join(ROOT, "migrations"), folder, { recursive: true });
  await writeFile(path.join(folder, "current.sql"), PROBE_MIGRATION);
  try {
    await watch({ ...migrationSettings({ adminUrl }), migrationsFolder: folder, afterCurrent: [] }, true, false);
  } finally {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- as src/db/migrate.ts releasingPools
    (require("graphile-migrate/dist/pgReal") as { clearAllPools(): void }).clearAllPools();
  }
  // Then the policies, as after every migration: every table locked at once.
  await applyPolicies(adminUrl);
}

const READ = "{ userGroups(first: 1) { totalCount } }";
const NEW_COLUMN = "{ userGroups(first: 1) { nodes { faultProbeNote } } }";
const RELOAD_DEADLINE_MS = 60_000;

/** Milliseconds from `since` until `url` answers a query of the migration's new column, or null past the deadline. */
async function untilNewColumn(url: string, token: string, since: number): Promise<number | null> {
  while (Date.now() - since < RELOAD_DEADLINE_MS) {
    const answer = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: NEW_COLUMN }),
    })
      .then((response) => response.json() as Promise<{ data?: unknown; errors?: unknown }>)
      .catch(() => null);
    if (answer?.data && !answer.errors) return Date.now() - since;
    await sleep(100);
  }
  return null;
}

/**
 * Three gateway processes on one database, sharing nothing else: a logout
 * through any one is refused by the other two on the next request, and a
 * migration under load breaks no request.
 */
export async function severalInstances(context: Context, report: Report): Promise<void> {
  const { tally, ledger, database, tenants } = context;
  const others = await Promise.all(
    // Started at the same moment: their start-up preparation must take turns, not fail.
    ["second", "third"].map((name) =>
      GatewayProcess.start(name, {
        ...database.gatewayEnv(),
        NEXUS_DB_CONNECT_TIMEOUT_MS: String(context.connectTimeoutMs),
        NEXUS_SCHEMA_RELOAD: "1",
      }),
    ),
  );
  try {
    const gateways = [context.gateway, ...others];
    for (const [i, through] of gateways.entries()) {
      const token = await signIn(through.url, tenants[0].userEmail, PASSWORD);
      const accepted = await Promise.all(gateways.map((g) => post(tally, `${g.url}/graphql`, "read", { query: READ }, token)));
      const logout = await fetch(`${through.url}/auth/logout`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ scope: "local" }),
      });
      const refused: Kind[] = [];
      for (const other of gateways.filter((g) => g !== through))
        refused.push((await post(tally, `${other.url}/graphql`, "read", { query: READ }, token)).kind);
      report.check(
        `a session logged out through gateway ${i + 1} is refused by the other two on the next request`,
        accepted.every((a) => a.kind === "ok") && logout.status === 200 && refused.every((k) => k === "revoked"),
        `before: ${accepted.map((a) => a.kind).join(", ")}; logout ${logout.status}; after: ${refused.join(", ")}`,
      );
    }

    const prefix = "migration";
    const started = Date.now();
    const load = new Load({
      tally,
      ledger,
      clients: clientsOf(
        context,
        gateways.map((g) => g.url),
      ),
      writers: 3,
      readers: 3,
      prefix,
    });
    await sleep(1_500);
    const migrating = Date.now();
    await applyProbeMigration(database.adminUrl);
    report.note(`migration and policies applied under load in ${Date.now() - migrating} ms`);
    // The policies' NOTIFY (at their commit) makes every instance (all run
    // with NEXUS_SCHEMA_RELOAD=1) rebuild its schema: introspection first,
    // then a build that keeps the event loop busy for seconds, when requests
    // to the instance wait. The load covers the migration and stops as it
    // ends; the rebuild is measured on its own.
    await load.stop();
    const token = await signIn(context.gateway.url, tenants[0].adminEmail, PASSWORD);
    const reloaded = await Promise.all(gateways.map((g) => untilNewColumn(g.url, token, migrating)));
    report.note(
      `the new column reached each instance's schema after ${reloaded.map((ms) => (ms === null ? "never" : `${ms} ms`)).join(", ")}`,
    );
    report.check(
      "every instance serves the new column without a restart",
      reloaded.every((ms) => ms !== null),
    );
    const samples = tally.since(started);
    report.check(
      "no request fails while the migration runs",
      samples.length > 0 && samples.every((s) => s.kind === "ok"),
      summarise(samples),
    );
    const column = await withClient(
      database.adminUrl,
      async (client) =>
        (
          await client.query(
            "select 1 from information_schema.columns where table_schema = 'platform' and table_name = 'user_groups' and column_name = 'fault_probe_note'",
          )
        ).rowCount,
    );
    report.check("the migration is applied", column === 1);
    report.check(
      "all three gateways still run",
      gateways.every((g) => g.running),
    );
    report.verified("during the migration", await verifyWrites(database.adminUrl, ledger, prefix));
  } finally {
    await Promise.all(others.map((g) => g.stop()));
  }
}
