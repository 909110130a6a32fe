import type { JobRegistry } from "../jobs";
import type { Logger } from "../observability/logger";
import type { FileService } from "./service";

export const FILES_PURGE_TASK = "files_purge";
export const FILES_SWEEP_TASK = "files_sweep";

/**
 * The cleanup of files on the job queue: the bytes of archived files once
 * their retention is over, hourly, and bytes without a row (cut-off
 * uploads, a crash mid-upload) every quarter hour. Scheduled with a job
 * key, so instances that run the same crontab add one job, not one each.
 */
export function registerFileJobs(registry: JobRegistry, files: FileService, logger: Logger): void {
  registry.add(FILES_PURGE_TASK, async () => {
    const purged = await files.purgeArchived();
    if (purged) logger.info({ files: { purged } }, "removed the bytes of archived files past their retention");
  });
  registry.add(FILES_SWEEP_TASK, async () => {
    const removed = await files.sweepOrphans();
    if (removed) logger.info({ files: { removed } }, "removed file bytes that no row stands for");
  });
  registry.schedule(`7 * * * * ${FILES_PURGE_TASK} ?jobKey=${FILES_PURGE_TASK}`);
  registry.schedule(`*/15 * * * * ${FILES_SWEEP_TASK} ?jobKey=${FILES_SWEEP_TASK}`);
}
