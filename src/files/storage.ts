import { randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, open, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

/** Bytes being written: final only once `commit` resolves; `discard` leaves nothing behind. */
export interface StagedBytes {
  commit(): Promise<void>;
  discard(): Promise<void>;
}

/** An object of the backend, for the orphan sweep. */
export interface StoredObject {
  key: string;
  modifiedAt: Date;
  /** Bytes of an upload that never finished (the local backend's temporary files): orphans whatever the rows say. */
  staging: boolean;
}

/** Byte range, both ends included (as in HTTP). */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Where file bytes live. Keys are `tenant id/file id` (content.files checks
 * that), never a client's file name. `stage` streams the bytes to the
 * backend without exposing them under their key; the upload route commits
 * them inside the transaction that inserts the row, so a cut-off upload, a
 * refused row and a crash before commit leave at most staged bytes that
 * the orphan sweep removes.
 */
export interface FileStorage {
  readonly kind: "local" | "s3";
  stage(key: string, source: Readable): Promise<StagedBytes>;
  /** The bytes (or a range of them); rejects with code ENOENT when there are none. */
  read(key: string, range?: ByteRange): Promise<Readable>;
  remove(key: string): Promise<void>;
  list(): AsyncIterable<StoredObject>;
}

export const STAGING_DIR = ".staging";

/**
 * The local filesystem (NEXUS_FILES_DIR, by default under the data
 * directory). Staged bytes go to `.staging/<random>` and are fsynced as they
 * close (`flush`); commit renames them to `<tenant>/<id>` and fsyncs the
 * directory, so a committed row's bytes survive a power cut.
 */
export class LocalStorage implements FileStorage {
  readonly kind = "local";

  constructor(private readonly dir: string) {}

  private pathOf(key: string): string {
    if (!/^([0-9a-f-]{36}|\.staging)\/[0-9a-f-]{36}$/.test(key)) throw new Error(`not a storage key: ${key}`);
    return path.join(this.dir, key);
  }

  async stage(key: string, source: Readable): Promise<StagedBytes> {
    const target = this.pathOf(key);
    const staging = path.join(this.dir, STAGING_DIR, randomUUID());
    await mkdir(path.dirname(staging), { recursive: true, mode: 0o700 });
    try {
      await pipeline(source, createWriteStream(staging, { flags: "wx", mode: 0o600, flush: true }));
    } catch (error) {
      await rm(staging, { force: true });
      throw error;
    }
    return {
      commit: async () => {
        await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
        await rename(staging, target);
        const directory = await open(path.dirname(target), "r");
        try {
          await directory.sync();
        } finally {
          await directory.close();
        }
      },
      discard: () => rm(staging, { force: true }),
    };
  }

  async read(key: string, range?: ByteRange): Promise<Readable> {
    const stream = createReadStream(this.pathOf(key), range ? { start: range.start, end: range.end } : {});
    // Open before the caller sends headers: a missing file must be a 404, not a cut-off 200.
    await new Promise<void>((resolve, reject) => {
      stream.once("open", () => resolve());
      stream.once("error", reject);
    });
    return stream;
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async *list(): AsyncIterable<StoredObject> {
    let tenants: string[];
    try {
      tenants = await readdir(this.dir);
    } catch {
      return;
    }
    for (const tenant of tenants) {
      const staging = tenant === STAGING_DIR;
      let names: string[];
      try {
        names = await readdir(path.join(this.dir, tenant));
      } catch {
        continue; // not a directory
      }
      for (const name of names) {
        const info = await stat(path.join(this.dir, tenant, name)).catch(() => null);
        if (info?.isFile()) yield { key: `${tenant}/${name}`, modifiedAt: info.mtime, staging };
      }
    }
  }
}
