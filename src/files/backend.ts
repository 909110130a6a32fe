import type { FilesConfig } from "../config";
import { S3Storage } from "./s3-storage";
import { type FileStorage, LocalStorage } from "./storage";

/** A staged upload's lease is renewed this many times within the sweep's bound, and at least every minute. */
const RENEWALS_PER_BOUND = 5;

/** The storage backend the configuration names: S3 when a bucket is set, else the local directory. */
export function openFileStorage(config: FilesConfig): FileStorage & { close?(): void } {
  const leaseRenewalMs = Math.min(60_000, (config.orphanGraceSeconds * 1000) / RENEWALS_PER_BOUND);
  return config.s3 ? new S3Storage(config.s3) : new LocalStorage(config.dir, leaseRenewalMs);
}
