import { Logger as GraphileLogger, type LogLevel } from "@graphile/logger";
import { run, type Runner, type Task, type TaskSpec } from "graphile-worker";

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

/**
 * Runs the registry's tasks inside this process. `connectionString` may
 * create the graphile_worker schema (the migrating connection: the worker
 * installs and upgrades its own tables on start). Null when nothing is
 * registered.
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
  const runner: Runner = await run({
    connectionString,
    schema,
    taskList: registry.taskList(),
    crontab: registry.crontab(),
    concurrency,
    // Jobs are LISTENed for; polling only catches what a lost notification missed.
    pollInterval: pollIntervalMs,
    // The gateway's own SIGTERM handling stops the worker after the HTTP drain.
    noHandleSignals: true,
    logger: workerLogger(logger),
  });
  // graphile-worker stops a runner by itself when its worker pool or its cron ends (an error it could not
  // recover from): said loudly, since no job runs here until the gateway restarts.
  let stopping = false;
  runner.promise.then(
    () => stopping || logger.error({ jobs: { schema } }, "the job queue stopped by itself: no job runs on this instance until it restarts"),
    (error: unknown) =>
      stopping ||
      logger.error({ err: error, jobs: { schema } }, "the job queue stopped on an error: no job runs on this instance until it restarts"),
  );
  return {
    add: async (name, payload, spec) => {
      await runner.addJob(name, payload, spec);
    },
    // Stopping a runner that already stopped by itself is done, not an error of the shutdown.
    stop: async () => {
      if (stopping) return;
      stopping = true;
      await runner.stop().catch((error: Error) => {
        if (!/already stopped/.test(error.message)) throw error;
      });
    },
  };
}
