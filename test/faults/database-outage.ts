import { clientsOf, type Context } from "./context";
import { health, Load, type Sample, verifyWrites } from "./load";
import { sleep } from "./processes";
import type { Report } from "./report";

/** How soon after PostgreSQL is back every request must succeed again. */
const RECOVERY_LIMIT_MS = 5_000;

/**
 * PostgreSQL goes away under steady reads and writes and comes back, the
 * gateway staying up: a fast shutdown ("restart"), or SIGKILL of the
 * postmaster ("kill", crash recovery on the next start).
 */
export async function databaseOutage(context: Context, report: Report, mode: "restart" | "kill"): Promise<void> {
  const { tally, ledger, database, gateway } = context;
  const prefix = `outage-${mode}`;
  const started = Date.now();
  const load = new Load({ tally, ledger, clients: clientsOf(context, [gateway.url]), writers: 4, readers: 4, prefix });
  await sleep(2_000);

  const down = Date.now();
  if (mode === "restart") await database.stopFast();
  else await database.kill();
  const gone = Date.now();
  report.note(`PostgreSQL ${mode === "restart" ? "stopped (fast shutdown)" : "killed (SIGKILL of the postmaster)"} in ${gone - down} ms`);

  // The outage lasts three seconds; /health is asked meanwhile.
  const healthDuring: number[] = [];
  while (Date.now() - gone < 3_000) {
    healthDuring.push((await health(tally, gateway.url)).status);
    await sleep(250);
  }
  const restarting = Date.now();
  await database.start();
  const up = Date.now();
  report.note(`PostgreSQL ready again after ${up - restarting} ms${mode === "kill" ? " (crash recovery)" : ""}`);
  await sleep(RECOVERY_LIMIT_MS + 2_000);
  await load.stop();
  if (!gateway.running) report.note(`gateway exited:\n${gateway.output().split("\n").slice(-60).join("\n")}`);

  const before = tally.since(started, down).filter((s) => s.at + s.ms < down);
  report.check("before the outage every request succeeds", before.length > 0 && before.every((s) => s.kind === "ok"), summarise(before));
  const during = tally.since(gone, restarting).filter((s) => s.op !== "health");
  const slowest = Math.max(0, ...during.map((s) => s.ms));
  report.check(
    "during the outage every request is refused with 503 DATABASE_UNAVAILABLE",
    during.length > 0 && during.every((s) => s.kind === "unavailable"),
    summarise(during),
  );
  report.check(
    "during the outage answers come quickly (no hang past the connect timeout)",
    slowest <= context.connectTimeoutMs + 1_500,
    `slowest ${slowest} ms, connect timeout ${context.connectTimeoutMs} ms`,
  );
  report.check(
    "/health reports the outage with 503",
    healthDuring.includes(503) && healthDuring.every((s) => s === 503),
    healthDuring.join(" "),
  );

  const after = tally.since(up).filter((s) => s.op !== "health");
  const failures = after.filter((s) => s.kind !== "ok");
  const recoveredAt = Math.max(up, ...failures.map((s) => s.at + s.ms));
  report.check(
    `within ${RECOVERY_LIMIT_MS / 1000} s of PostgreSQL being back every request succeeds, without restarting the gateway`,
    recoveredAt - up <= RECOVERY_LIMIT_MS && gateway.running && after.some((s) => s.at > recoveredAt && s.kind === "ok"),
    `recovered ${recoveredAt - up} ms after ready; gateway PID ${gateway.pid} ${gateway.running ? "still running" : "GONE"}`,
  );
  report.check("/health reports the database up again", (await health(tally, gateway.url)).status === 200);
  report.verified(mode, await verifyWrites(database.adminUrl, ledger, prefix));
}

export function summarise(samples: Sample[]): string {
  const counts: Record<string, number> = {};
  for (const s of samples) counts[s.kind] = (counts[s.kind] ?? 0) + 1;
  const odd = samples.find((s) => s.kind === "other" || s.kind === "hang");
  return `${samples.length} requests: ${Object.entries(counts)
    .map(([k, n]) => `${k} ${n}`)
    .join(", ")}${odd?.detail ? `; e.g. ${odd.detail}` : ""}`;
}
