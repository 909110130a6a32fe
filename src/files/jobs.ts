import { createHash } from "node:crypto";

import type { JobRegistry } from "../jobs";
import type { Logger } from "../observability/logger";
import type { FileService } from "./service";

export const FILES_PURGE_TASK = "files_purge";

/**
 * The orphan sweep's task for one store, named for the store's identity.
 * The job queue is shared by every instance of the database, and a worker
 * takes any job whose task it knows: under one name, an instance with
 * another store (its own directory) took the sweep and swept that, while
 * the bytes a killed instance had staged stayed where they were. Named for
 * the store, the sweep is only taken by instances that hold it, and each
 * store has its own schedule.
 */
export function filesSweepTask(storageIdentity: string): string {
  return `files_sweep_${createHash("sha256").update(storageIdentity).digest("hex").slice(0, 16)}`;
}

/**
 * The cleanup of files on the job queue: the bytes of archived files once
 * their retention is over, hourly, and bytes without a row (cut-off
 * uploads, a crash mid-upload) of this instance's store every quarter hour.
 * Scheduled with a job key, so instances that run the same crontab add one
 * job, not one each.
 */
export async function registerFileJobs(registry: JobRegistry, files: FileService, logger: Logger): Promise<void> {
  const sweepTask = filesSweepTask(await files.storage.identity());
  registry.add(FILES_PURGE_TASK, async () => {
    const purged = await files.purgeArchived();
    if (purged) logger.info({ files: { purged } }, "removed the bytes of archived files past their retention");
  });
  registry.add(sweepTask, async () => {
    const removed = await files.sweepOrphans();
    if (removed) logger.info({ files: { removed } }, "removed file bytes that no row stands for");
  });
  registry.schedule(`7 * * * * ${FILES_PURGE_TASK} ?jobKey=${FILES_PURGE_TASK}`);
  registry.schedule(`*/15 * * * * ${sweepTask} ?jobKey=${sweepTask}`);
}
