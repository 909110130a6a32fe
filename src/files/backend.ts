import type { FilesConfig } from "../config";
import { S3Storage } from "./s3-storage";
import { type FileStorage, LocalStorage } from "./storage";

/** The storage backend the configuration names: S3 when a bucket is set, else the local directory. */
export function openFileStorage(config: FilesConfig): FileStorage & { close?(): void } {
  return config.s3 ? new S3Storage(config.s3) : new LocalStorage(config.dir);
}
