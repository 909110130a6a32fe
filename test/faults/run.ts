import { withTimeout } from "../support/with-timeout";
import type { Context } from "./context";
import { databaseOutage } from "./database-outage";
import { type Embedded, embeddedDirectory, gracefulShutdown, killedGateway } from "./embedded";
import { filesUnderFaults } from "./files";
import { severalInstances } from "./instances";
import { poolLimits } from "./limits";
import { Ledger, signIn, Tally } from "./load";
import { throughPooler } from "./pooler";
import { cleanUp, GatewayProcess, killAllNow, makeTenant, PASSWORD, SuiteDatabase } from "./processes";
import { realtimeAcrossRestart } from "./realtime";
import { replicaKilled, replicaPaused } from "./replicas";
import { Report } from "./report";
import { sharedLimits } from "./shared-limits";

/**
 * `npm run test:faults`: the gateway under real faults, with real processes
 * on loopback. Prints a summary; exits non-zero if any check failed.
 */

const SCENARIO_TIMEOUT_MS = 180_000;
/** The whole suite, soak included: past this it stops everything and fails. */
const SUITE_TIMEOUT_MS = 12 * 60_000;
const CONNECT_TIMEOUT_MS = 1_000;

function readSoakSeconds(): number {
  const raw = process.env.NEXUS_FAULTS_SOAK_SECONDS ?? "60";
  if (!/^\d+$/.test(raw) || Number(raw) < 5)
    throw new Error(`NEXUS_FAULTS_SOAK_SECONDS must be a whole number of at least 5 (got "${raw}")`);
  return Number(raw);
}

interface Scenario {
  name: string;
  run(context: Context, report: Report): Promise<void>;
}

/** The data directory of the gateway-owned (embedded) PostgreSQL, shared by the last two scenarios. */
let embedded: Promise<Embedded> | null = null;
const embeddedDir = () => (embedded ??= embeddedDirectory());

const SCENARIOS: Scenario[] = [
  { name: "database restart under load", run: (c, r) => databaseOutage(c, r, "restart") },
  { name: "database killed under load (crash recovery)", run: (c, r) => databaseOutage(c, r, "kill") },
  { name: "realtime: database restart with a subscriber connected", run: realtimeAcrossRestart },
  { name: "three instances: revocation and a migration under load", run: severalInstances },
  { name: "three instances: sign-in, reset and tenant limits shared", run: sharedLimits },
  { name: "through PgBouncer in transaction mode", run: throughPooler },
  { name: "pool exhaustion, slow statements and a memory soak", run: poolLimits },
  { name: "read replica killed under read load", run: replicaKilled },
  { name: "read replica paused: lag grows, queries move off it", run: replicaPaused },
  { name: "files: uploads cut off and a gateway killed mid-upload", run: filesUnderFaults },
  { name: "graceful shutdown (SIGTERM under load, embedded PostgreSQL)", run: async (c, r) => gracefulShutdown(c, r, await embeddedDir()) },
  { name: "gateway killed (SIGKILL): data directory recovered", run: async (c, r) => killedGateway(c, r, await embeddedDir()) },
];

async function prepare(): Promise<Context> {
  const database = await SuiteDatabase.create();
  const tenants = [await makeTenant(database.authenticatorUrl, "FaultsA"), await makeTenant(database.authenticatorUrl, "FaultsB")] as const;
  // Schema reloading on, as the migration scenario needs on every instance (it is on only in development by default).
  const gateway = await GatewayProcess.start("main", {
    ...database.gatewayEnv(),
    NEXUS_DB_CONNECT_TIMEOUT_MS: String(CONNECT_TIMEOUT_MS),
    NEXUS_SCHEMA_RELOAD: "1",
  });
  const tokens = [
    await signIn(gateway.url, tenants[0].adminEmail, PASSWORD),
    await signIn(gateway.url, tenants[1].adminEmail, PASSWORD),
  ] as const;
  return {
    tally: new Tally(),
    ledger: new Ledger(),
    database,
    gateway,
    tenants: [...tenants],
    tokens: [...tokens],
    connectTimeoutMs: CONNECT_TIMEOUT_MS,
    soakSeconds: readSoakSeconds(),
  };
}

function printSummary(context: Context | null, reports: Report[], startedAt: number): void {
  const line = (text = "") => process.stdout.write(`${text}\n`);
  line();
  line("Fault suite summary");
  for (const report of reports) {
    const failed = report.checks.filter((c) => !c.ok).length;
    line(
      `  ${report.passed ? "PASS" : "FAIL"}  ${report.name}  (${(report.ms / 1000).toFixed(1)} s, ${report.checks.length} checks${failed ? `, ${failed} failed` : ""}${report.error ? `, ${report.error.message}` : ""})`,
    );
  }
  if (context) {
    const { samples } = context.tally;
    const kinds = context.tally.byKind();
    line(
      `  requests sent     ${samples.length} (reads ${samples.filter((s) => s.op === "read").length}, writes ${samples.filter((s) => s.op === "write").length}, health ${samples.filter((s) => s.op === "health").length})`,
    );
    line(
      `  answers by kind   ${Object.entries(kinds)
        .sort((a, b) => b[1] - a[1])
        .map(([k, n]) => `${k} ${n}`)
        .join(", ")}`,
    );
    const totals = reports
      .flatMap((r) => r.verifications)
      .reduce(
        (sum, v) => ({
          acknowledged: sum.acknowledged + v.acknowledged,
          found: sum.found + v.found,
          duplicates: sum.duplicates + v.duplicates,
          lost: sum.lost + v.lost,
          unresolvedStored: sum.unresolvedStored + v.unresolvedStored,
        }),
        { acknowledged: 0, found: 0, duplicates: 0, lost: 0, unresolvedStored: 0 },
      );
    line(
      `  writes            acknowledged ${totals.acknowledged}, found ${totals.found}, duplicates ${totals.duplicates}, lost ${totals.lost} (ambiguous, unresolved: ${context.ledger.unresolved.size}, of them stored ${totals.unresolvedStored})`,
    );
    for (const note of reports.flatMap((r) => r.notes.filter((n) => n.startsWith("RSS")))) line(`  ${note}`);
  }
  const passed = reports.length > 0 && reports.every((r) => r.passed);
  line(
    `  ${passed ? "PASSED" : "FAILED"}: ${reports.filter((r) => r.passed).length}/${reports.length} scenarios in ${((Date.now() - startedAt) / 1000).toFixed(0)} s`,
  );
}

async function main(): Promise<number> {
  const startedAt = Date.now();
  const only = process.argv.slice(2);
  const reports: Report[] = [];
  let context: Context | null = null;
  try {
    process.stdout.write("preparing: suite database, two tenants, a gateway\n");
    context = await withTimeout(prepare(), SCENARIO_TIMEOUT_MS, "preparation");
    for (const scenario of SCENARIOS) {
      if (only.length && !only.some((word) => scenario.name.includes(word))) continue;
      const report = new Report(scenario.name);
      reports.push(report);
      process.stdout.write(`\n${scenario.name}\n`);
      const began = Date.now();
      try {
        await withTimeout(scenario.run(context, report), SCENARIO_TIMEOUT_MS, scenario.name);
      } catch (error) {
        report.error = error as Error;
        process.stdout.write(`  FAIL ${(error as Error).stack ?? error}\n`);
      }
      report.ms = Date.now() - began;
    }
  } catch (error) {
    process.stdout.write(`preparation failed: ${(error as Error).stack ?? error}\n`);
    reports.push(Object.assign(new Report("preparation"), { error: error as Error }));
  } finally {
    await context?.gateway.stop();
    await context?.database.stop();
    await cleanUp();
  }
  printSummary(context, reports, startedAt);
  return reports.every((r) => r.passed) ? 0 : 1;
}

process.once("exit", killAllNow);
setTimeout(() => {
  process.stdout.write(
    `\nthe fault suite did not finish within ${SUITE_TIMEOUT_MS / 60_000} minutes; stopping every process of the suite\n`,
  );
  void cleanUp().finally(() => process.exit(1));
}, SUITE_TIMEOUT_MS).unref();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    process.stdout.write(`\n${signal}: stopping every process of the suite\n`);
    void cleanUp().finally(() => process.exit(130));
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? error}\n`);
    killAllNow();
    process.exit(1);
  },
);
