import { parseCrontab, type TimestampDigest } from "graphile-worker";
import type { Pool } from "pg";

import { withUserClaims } from "../db/user-claims";
import type { JobRegistry, Jobs } from "../jobs";
import type { Logger } from "../observability/logger";

export const RUN_TASK = "automation_run";
export const TICK_TASK = "automation_tick";

const runJobKey = (id: string) => `automation_run:${id}`;

interface Condition {
  field: string;
  op: "eq" | "neq" | "gt" | "lt" | "exists";
  value?: unknown;
}

type Action =
  | { type: "create_alert"; name: string; message: string; severity: string }
  | { type: "record_metric"; name: string; value: number; unit?: string };

interface ClaimedRun {
  tenant_id: string;
  run_as: string | null;
  conditions: Condition[];
  actions: Action[];
  context: Record<string, unknown>;
  attempts: number;
  max_attempts: number;
}

/** Whether every condition holds of the run's context (their shape is checked by the database). */
export function conditionsHold(conditions: Condition[], context: Record<string, unknown>): boolean {
  return conditions.every(({ field, op, value }) => {
    const actual = context[field];
    switch (op) {
      case "exists":
        return actual !== undefined && actual !== null;
      case "eq":
        return JSON.stringify(actual) === JSON.stringify(value);
      case "neq":
        return JSON.stringify(actual) !== JSON.stringify(value);
      case "gt":
        return typeof actual === typeof value && (actual as number) > (value as number);
      case "lt":
        return typeof actual === typeof value && (actual as number) < (value as number);
    }
  });
}

/** The first minute after `after` that a five-field cron expression matches (UTC), within a year. */
export function nextCronTime(schedule: string, after: Date): Date {
  const [item] = parseCrontab(`${schedule} ${RUN_TASK}`);
  if (!item) throw new Error(`the schedule "${schedule}" is not a cron expression`);
  const { match } = item;
  const t = new Date(after);
  t.setUTCSeconds(0, 0);
  for (let i = 0; i < 366 * 24 * 60; i++) {
    t.setUTCMinutes(t.getUTCMinutes() + 1);
    const digest: TimestampDigest = {
      min: t.getUTCMinutes(),
      hour: t.getUTCHours(),
      date: t.getUTCDate(),
      month: t.getUTCMonth() + 1,
      dow: t.getUTCDay(),
    };
    if (match(digest)) return t;
  }
  throw new Error(`the schedule "${schedule}" matches no time within a year`);
}

/**
 * The automation runner: the rules of automation.automation_rules, run by
 * the job queue. The run row is the truth, a job only points at it (as
 * with mail):
 * - the tick (every NEXUS_AUTOMATION_TICK_SECONDS, and at start) fires the
 *   due cron jobs (each queues a run and moves on to its next time, in one
 *   transaction that locks the job, so two instances never fire it twice)
 *   and gives every queued run its job (keyed by the run: adding it again
 *   changes nothing), manual runs included;
 * - an attempt claims the run (attempts + 1), checks the conditions, and
 *   performs the actions in one transaction as the rule's author, through
 *   RLS and the author's permissions; a failure is recorded on the run and
 *   thrown, so graphile-worker retries it with backoff, and after the last
 *   attempt the run is failed.
 * The tick's interval is the latency of a manual run; cron expressions
 * have minute granularity, as graphile-worker's own crontab.
 *
 * A run is claimed only while queued or after a failed attempt: the sweep
 * can add a second job for a run whose first job is just starting
 * (graphile-worker adds a new job when the keyed one is locked), and that
 * job must find nothing to do, or the actions would run twice. A process
 * that dies during an attempt leaves its run running; the run remembers
 * the job that made the attempt, and graphile-worker hands that job out
 * again once the dead worker's lock expires (after 4 hours): the same job
 * back means the attempt died, so it is counted as abandoned and the job
 * takes the run over, or fails it when that was its last attempt. The
 * job's own limit is one above the run's, so a job whose last attempt
 * died still comes back to say so.
 */
export class AutomationRunner {
  private jobs: Jobs | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    /** Runs nexus_auth's automation functions and the actions (the authenticator's pool). */
    private readonly pool: Pool,
    private readonly logger: Logger,
    private readonly tickSeconds: number,
  ) {}

  register(registry: JobRegistry): void {
    registry.add(RUN_TASK, async (payload, helpers) => {
      const id = (payload as { id?: unknown })?.id;
      if (typeof id !== "string") throw new Error("an automation run job needs { id }");
      await this.attempt(id, helpers.job.id);
    });
    registry.add(TICK_TASK, async () => {
      await this.tick();
    });
  }

  async started(jobs: Jobs): Promise<void> {
    this.jobs = jobs;
    const addTick = () => jobs.add(TICK_TASK, {}, { jobKey: TICK_TASK, jobKeyMode: "replace", maxAttempts: 1 });
    await addTick();
    this.timer = setInterval(() => {
      addTick().catch((error) => this.logger.warn({ err: error }, "the automation tick could not be queued"));
    }, this.tickSeconds * 1000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async tick(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query("begin");
      const { rows } = await client.query<{ id: string; schedule: string; next_run_at: Date }>(
        "select * from nexus_auth.automation_due_cron_jobs()",
      );
      for (const job of rows) {
        const next = nextCronTime(job.schedule, new Date(Math.max(Date.now(), job.next_run_at.getTime())));
        await client.query("select nexus_auth.automation_schedule_cron_run($1, $2)", [job.id, next]);
      }
      await client.query("commit");
    } catch (error) {
      await client.query("rollback").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    const { rows: queued } = await this.pool.query<{ id: string; max_attempts: number }>(
      "select * from nexus_auth.automation_queued_runs()",
    );
    for (const run of queued) {
      await this.jobs?.add(
        RUN_TASK,
        { id: run.id },
        { jobKey: runJobKey(run.id), jobKeyMode: "preserve_run_at", maxAttempts: run.max_attempts + 1 },
      );
    }
  }

  private async attempt(id: string, jobId: string): Promise<void> {
    const { rows } = await this.pool.query<ClaimedRun>("select * from nexus_auth.automation_claim_run($1, $2)", [id, jobId]);
    const run = rows[0];
    if (!run) return; // finished, or gone: nothing to do
    const finish = (status: string, result: unknown, error: string | null) =>
      this.pool.query("select nexus_auth.automation_finish_run($1, $2, $3, $4)", [
        id,
        status,
        result === null ? null : JSON.stringify(result),
        error,
      ]);
    try {
      if (!run.run_as) throw new Error("the rule has no author to act as (the user was deleted)");
      if (!conditionsHold(run.conditions, run.context)) {
        await finish("skipped", { skipped: "conditions did not hold" }, null);
        return;
      }
      const result = await withUserClaims(this.pool, { tenantId: run.tenant_id, userId: run.run_as }, async (db) => {
        const done: Array<{ type: string; id: string }> = [];
        for (const action of run.actions) {
          if (action.type === "create_alert") {
            const { rows: created } = await db.query<{ id: string }>(
              "insert into ops.alerts (alert_name, severity, message) values ($1, $2, $3) returning id",
              [action.name, action.severity, action.message],
            );
            done.push({ type: action.type, id: created[0]!.id });
          } else {
            const { rows: created } = await db.query<{ id: string }>(
              "insert into ops.system_metrics (metric_name, metric_value, metric_unit) values ($1, $2, $3) returning id",
              [action.name, action.value, action.unit ?? null],
            );
            done.push({ type: action.type, id: created[0]!.id });
          }
        }
        return { actions: done };
      });
      await finish("succeeded", result, null);
      this.logger.info({ automationRun: id, attempt: run.attempts }, "automation run succeeded");
    } catch (error) {
      const final = run.attempts >= run.max_attempts;
      await finish(final ? "failed" : "running", null, (error as Error).message);
      this.logger.warn(
        { automationRun: id, attempt: run.attempts, final, err: error },
        final ? "automation run failed for good" : "automation run failed; retrying",
      );
      if (!final) throw error;
    }
  }
}
