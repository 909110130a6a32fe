import { randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { link, mkdir, open, readdir, readFile, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
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
  /**
   * What names this store for every instance that uses it (the same
   * directory or bucket gives the same identity), so that the orphan sweep
   * of a store runs only on an instance that holds it.
   */
  identity(): Promise<string>;
}

export const STAGING_DIR = ".staging";
/** The local store's identity: written once by the first instance that uses the directory, read by every other. */
export const STORAGE_ID_FILE = ".storage-id";

/**
 * The local filesystem (NEXUS_FILES_DIR, by default under the data
 * directory). Staged bytes go to `.staging/<random>` and are fsynced as they
 * close (`flush`); commit renames them to `<tenant>/<id>` and fsyncs the
 * directory, so a committed row's bytes survive a power cut.
 *
 * A staged file's modification time is its lease: every write renews it,
 * and while the upload lasts (a client that pauses, a row waiting for a
 * database connection) the gateway touches the file every
 * `leaseRenewalMs`. Only a staged file whose upload has ended without
 * removing it, because its process died, stops being renewed; the orphan
 * sweep removes staged files whose lease is older than its bound, which the
 * configuration keeps well above the renewal interval.
 */
export class LocalStorage implements FileStorage {
  readonly kind = "local";

  constructor(
    private readonly dir: string,
    private readonly leaseRenewalMs: number,
  ) {}

  private pathOf(key: string): string {
    if (!/^([0-9a-f-]{36}|\.staging)\/[0-9a-f-]{36}$/.test(key)) throw new Error(`not a storage key: ${key}`);
    return path.join(this.dir, key);
  }

  async stage(key: string, source: Readable): Promise<StagedBytes> {
    const target = this.pathOf(key);
    const staging = path.join(this.dir, STAGING_DIR, randomUUID());
    await mkdir(path.dirname(staging), { recursive: true, mode: 0o700 });
    const lease = setInterval(() => {
      const now = new Date();
      // Fails once the file is renamed or removed, which ends the lease anyway.
      utimes(staging, now, now).catch(() => undefined);
    }, this.leaseRenewalMs);
    lease.unref();
    try {
      await pipeline(source, createWriteStream(staging, { flags: "wx", mode: 0o600, flush: true }));
    } catch (error) {
      clearInterval(lease);
      await rm(staging, { force: true });
      throw error;
    }
    return {
      commit: async () => {
        try {
          await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
          await rename(staging, target);
        } finally {
          clearInterval(lease);
        }
        const directory = await open(path.dirname(target), "r");
        try {
          await directory.sync();
        } finally {
          await directory.close();
        }
      },
      discard: () => {
        clearInterval(lease);
        return rm(staging, { force: true });
      },
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

  /**
   * A random id kept in the directory itself, so instances that share it (a
   * volume) share the identity, wherever they mount it. Written to a staged
   * file and linked into place: a link never replaces an existing file, so
   * instances starting together agree on the first one's id, and none reads
   * a half-written one.
   */
  async identity(): Promise<string> {
    const file = path.join(this.dir, STORAGE_ID_FILE);
    const draft = path.join(this.dir, STAGING_DIR, randomUUID());
    await mkdir(path.dirname(draft), { recursive: true, mode: 0o700 });
    await writeFile(draft, `${randomUUID()}\n`, { flag: "wx", mode: 0o600 });
    try {
      await link(draft, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    } finally {
      await rm(draft, { force: true });
    }
    return `local:${(await readFile(file, "utf8")).trim()}`;
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
