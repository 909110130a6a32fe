import { EventEmitter } from "node:events";

import { Logger as GraphileLogger, type LogLevel } from "@graphile/logger";
import { makeWorkerUtils, run, type Runner, type Task, type TaskSpec, type WorkerEvents } from "graphile-worker";

import type { Logger } from "../observability/logger";

/**
 * Background jobs, in PostgreSQL (graphile-worker): a job is a row, added in
 * a transaction or beside one, run by whichever gateway instance takes it
 * first (a row lock decides), retried with exponential backoff when its task
 * throws (graphile-worker waits e^attempt seconds, at most e^10), and kept
 * across restarts. Modules add their tasks to the registry before the
 * gateway starts; an instance with no task runs no worker at all.
 */
export class JobRegistry {
  private readonly tasks = new Map<string, Task>();
  private readonly schedules: string[] = [];

  /** A task, by the name its jobs are added under (a module prefix: `mail_send`, `files_scan`). */
  add(name: string, task: Task): void {
    if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`job task names are snake_case (got "${name}")`);
    if (this.tasks.has(name)) throw new Error(`a job task named ${name} is already registered`);
    this.tasks.set(name, task);
  }

  /** A crontab line (graphile-worker's format: `* * * * * task_name ?jobKey=…`) for a registered task. */
  schedule(line: string): void {
    this.schedules.push(line);
  }

  get names(): string[] {
    return [...this.tasks.keys()];
  }

  /** @internal for startJobs */
  taskList(): Record<string, Task> {
    return Object.fromEntries(this.tasks);
  }

  /** @internal for startJobs */
  crontab(): string {
    return this.schedules.join("\n");
  }
}

export interface Jobs {
  /** Adds a job for a registered task (graphile-worker's TaskSpec: jobKey, maxAttempts, runAt…). */
  add(name: string, payload: Record<string, unknown>, spec?: TaskSpec): Promise<void>;
  stop(): Promise<void>;
}

/** graphile-worker's messages as the gateway's log lines (its info lines are debug here: one per job would drown the rest). */
function workerLogger(logger: Logger): GraphileLogger {
  return new GraphileLogger((rawScope) => (level: LogLevel, message: string, meta?: unknown) => {
    const scope = rawScope as { taskIdentifier?: string; jobId?: string; workerId?: string };
    const fields = {
      jobs: { task: scope.taskIdentifier, jobId: scope.jobId, workerId: scope.workerId },
      ...(meta && typeof meta === "object" ? { meta } : {}),
    };
    if (level === "error") logger.error(fields, message);
    else if (level === "warning") logger.warn(fields, message);
    else logger.debug(fields, message);
  });
}

/** The wait before starting a queue again that stopped by itself: doubling from 1 s, at most a minute. */
const restartDelayMs = (attempt: number) => Math.min(1_000 * 2 ** attempt, 60_000);

/**
 * Runs the registry's tasks inside this process. `connectionString` may
 * create the graphile_worker schema (the migrating connection: the worker
 * installs and upgrades its own tables on start). Null when nothing is
 * registered.
 *
 * A queue that stops by itself is started again, with a growing wait.
 * graphile-worker stops every runner on the database when any runner of
 * any schema announces a breaking migration of its tables, and installing a
 * schema is one: a deployment that shares the database with its own
 * NEXUS_JOBS_SCHEMA stops this one's queue when it first starts. The jobs
 * the stopped runner still held are unlocked for the next one, and jobs
 * are added through a connection of their own, so a request adding one
 * while the queue restarts does not fail. A queue whose tables are newer
 * than this gateway understands keeps failing to start, loudly, while the
 * instances that do understand them run the jobs.
 */
export async function startJobs({
  registry,
  connectionString,
  logger,
  schema,
  concurrency = 2,
  pollIntervalMs = 2_000,
}: {
  registry: JobRegistry;
  connectionString: string;
  /** The queue's schema (NEXUS_JOBS_SCHEMA): the instances that name the same one share its jobs. */
  schema: string;
  logger: Logger;
  concurrency?: number;
  pollIntervalMs?: number;
}): Promise<Jobs | null> {
  if (registry.names.length === 0) return null;
  const graphileLogger = workerLogger(logger);
  let stopping = false;
  let runner: Runner | null = null;
  let restartTimer: NodeJS.Timeout | null = null;

  const launch = async (): Promise<Runner> => {
    const events: WorkerEvents = new EventEmitter();
    let poolId: string | null = null;
    events.on("pool:create", ({ workerPool }) => (poolId = workerPool.id));
    const started = await run({
      connectionString,
      schema,
      taskList: registry.taskList(),
      crontab: registry.crontab(),
      concurrency,
      // Jobs are LISTENed for; polling only catches what a lost notification missed.
      pollInterval: pollIntervalMs,
      // The gateway's own SIGTERM handling stops the worker after the HTTP drain.
      noHandleSignals: true,
      logger: graphileLogger,
      events,
    });
    const since = Date.now();
    const exitCode = process.exitCode;
    const stopped = (error: unknown) => {
      if (stopping) return;
      // graphile-worker sets the process's exit code (57) as it stops for a migration; the gateway goes on.
      process.exitCode = exitCode;
      const message = "the job queue stopped by itself; starting it again (no job runs on this instance meanwhile)";
      if (error) logger.error({ err: error, jobs: { schema } }, message);
      else logger.warn({ jobs: { schema } }, message);
      restart(Date.now() - since > 60_000 ? 0 : 1, poolId);
    };
    started.promise.then(
      () => stopped(null),
      (error: unknown) => stopped(error),
    );
    return started;
  };

  // A restart waits its delay, then starts a runner; stop() wakes the wait and awaits what is under way.
  let restarting: Promise<void> | null = null;
  let wake: (() => void) | null = null;
  const restart = (attempt: number, deadPool: string | null): void => {
    restarting = (async () => {
      await new Promise<void>((resolve) => {
        wake = resolve;
        restartTimer = setTimeout(resolve, restartDelayMs(attempt));
      });
      wake = null;
      if (stopping) return;
      try {
        // The stopped pool is gone: what it still held would otherwise stay locked for hours.
        if (deadPool) await utils.forceUnlockWorkers([deadPool]);
        runner = await launch();
        logger.warn({ jobs: { schema } }, "the job queue runs again");
      } catch (error) {
        logger.error({ err: error, jobs: { schema }, retryInMs: restartDelayMs(attempt + 1) }, "the job queue could not start again");
        restart(attempt + 1, deadPool);
      }
    })();
  };

  const utils = await makeWorkerUtils({ connectionString, schema, logger: graphileLogger });
  try {
    runner = await launch();
  } catch (error) {
    await utils.release();
    throw error;
  }
  return {
    add: async (name, payload, spec) => {
      await utils.addJob(name, payload, spec);
    },
    // Stopping a runner that already stopped by itself is done, not an error of the shutdown.
    stop: async () => {
      if (stopping) return;
      stopping = true;
      if (restartTimer) clearTimeout(restartTimer);
      wake?.();
      for (let under = restarting; under; under = restarting === under ? null : restarting) await under;
      await runner
        ?.stop()
        .catch((error: Error) => {
          if (!/already stopped/.test(error.message)) throw error;
        })
        .finally(() => utils.release());
    },
  };
}
