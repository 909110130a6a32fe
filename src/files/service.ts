import { createHash, randomUUID } from "node:crypto";
import { type Readable, Transform, type TransformCallback } from "node:stream";

import type pg from "pg";

import type { Config, FilesConfig } from "../config";
import { type UserClaims, withUserClaims } from "../db/user-claims";
import type { ErrorCode } from "../errors/codes";
import { FileLinks } from "./links";
import { acceptedType, SIGNATURE_BYTES } from "./media";
import type { ByteRange, FileStorage } from "./storage";

const STORAGE_KEY = /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}\/[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/;

/** An upload or download refused, with the status and code the route answers. */
export class FileRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** What a client sends besides the bytes. */
export interface UploadRequest {
  claims: UserClaims;
  source: Readable;
  /** The Content-Type the client declared (of the part, or of the body), normalised; null: let the signature say. */
  declaredType: string | null;
  name: string;
  belongsTo: string | null;
  belongsToId: string | null;
  belongsToColumn: string | null;
}

/** A stored file as the upload route answers it (the same fields as GraphQL's File). */
export interface StoredFile {
  rowId: string;
  name: string;
  contentType: string;
  sizeInBytes: number;
  sha256: string;
  belongsTo: string | null;
  belongsToId: string | null;
  belongsToColumn: string | null;
  url: string;
}

/** The row a download serves, read as the caller. */
export interface FileForDownload {
  name: string;
  contentType: string | null;
  size: number;
  sha256: string;
  key: string;
}

/**
 * Counts, hashes and checks the bytes as they stream past: the size limit
 * (413 as soon as it is passed, not after the whole body), and the type
 * from the first SIGNATURE_BYTES (415 before the rest is stored). Nothing
 * is buffered beyond those first bytes.
 */
class ByteInspector extends Transform {
  readonly hash = createHash("sha256");
  size = 0;
  type: string | null = null;
  private head: Buffer[] = [];
  private headLength = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly declaredType: string | null,
    private readonly allowed: readonly string[],
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) return done(tooLarge(this.maxBytes));
    this.hash.update(chunk);
    if (this.type === null) {
      this.head.push(chunk);
      this.headLength += chunk.length;
      if (this.headLength >= SIGNATURE_BYTES) {
        const refusal = this.decideType();
        if (refusal) return done(refusal);
      }
    }
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    if (this.size === 0) return done(new FileRefusal(400, "FILE_EMPTY", "The file is empty: there is nothing to store."));
    done(this.type === null ? this.decideType() : null);
  }

  private decideType(): FileRefusal | null {
    const head = Buffer.concat(this.head, this.headLength).subarray(0, SIGNATURE_BYTES);
    this.head = [];
    this.type = acceptedType(this.declaredType, head, this.allowed);
    if (this.type !== null) return null;
    return new FileRefusal(
      415,
      "FILE_TYPE_NOT_ALLOWED",
      `The file's bytes are not ${this.declaredType ? `a ${this.declaredType}` : "of an accepted type"}: accepted are ${this.allowed.join(", ")}, checked against the bytes themselves.`,
    );
  }
}

export function tooLarge(maxBytes: number): FileRefusal {
  return new FileRefusal(413, "FILE_TOO_LARGE", `The file is larger than ${maxBytes} bytes, the largest this gateway accepts.`);
}

/** What a refused insert of the row means to the client. */
function refusalOf(error: unknown): FileRefusal | null {
  switch ((error as { code?: string }).code) {
    case "23503":
      // The attached record is missing or another tenant's: the same answer for both (content.files' trigger).
      return new FileRefusal(404, "NOT_FOUND", "No such record to attach the file to.");
    case "42501":
      return new FileRefusal(403, "FORBIDDEN", "You may not upload files: it needs the CREATE_FILES permission.");
    case "22P02":
    case "23514":
      return new FileRefusal(400, "INVALID_REQUEST", `The file's fields are not valid: ${(error as Error).message}`);
    default:
      return null;
  }
}

/**
 * Files: uploads written as the caller through RLS, downloads read the same
 * way, signed links, and the cleanup the job queue runs.
 */
export class FileService {
  readonly links: FileLinks;
  readonly config: FilesConfig;
  private readonly publicUrl: string;

  constructor(
    config: Config,
    private readonly pool: pg.Pool,
    readonly storage: FileStorage,
  ) {
    this.links = new FileLinks(config);
    this.config = config.files;
    this.publicUrl = config.publicUrl;
  }

  /**
   * Stores an upload. The bytes are staged first (streamed, checked,
   * hashed); then one transaction as the caller inserts the row (RLS, the
   * CREATE_FILES permission and the attached record decide) and makes the
   * bytes final before it commits. Whatever fails, a refused row, a cut-off
   * body, a commit that does not happen, the staged or final bytes are
   * removed: neither a row without bytes nor bytes without a row remain.
   * Only a crash between the bytes' rename and the commit can leave bytes
   * without a row; the orphan sweep removes those.
   */
  async upload(request: UploadRequest): Promise<StoredFile> {
    const id = randomUUID();
    const key = `${request.claims.tenantId}/${id}`;
    const inspector = new ByteInspector(this.config.maxBytes, request.declaredType, this.config.allowedTypes);
    request.source.once("error", (error) => inspector.destroy(error));
    // The backend reads the inspector once it is ready (a directory made, a request signed); a
    // refusal before then is kept on the stream, for the backend's pipeline to report.
    inspector.on("error", () => undefined);
    request.source.pipe(inspector);
    const staged = await this.storage.stage(key, inspector);
    const sha256 = inspector.hash.digest("hex");
    let final = false;
    try {
      await withUserClaims(this.pool, request.claims, async (client) => {
        await client.query(
          `insert into content.files (id, name, belongs_to, belongs_to_id, belongs_to_column, size_in_bytes, content_type, sha256, storage_key, public_url)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
          [
            id,
            request.name,
            request.belongsTo,
            request.belongsToId,
            request.belongsToColumn,
            inspector.size,
            inspector.type,
            sha256,
            key,
            `${this.publicUrl}/files/${id}/content`,
          ],
        );
        await staged.commit();
        final = true;
      });
    } catch (error) {
      await (final ? this.storage.remove(key) : staged.discard()).catch(() => undefined);
      throw refusalOf(error) ?? error;
    }
    return {
      rowId: id,
      name: request.name,
      contentType: inspector.type!,
      sizeInBytes: inspector.size,
      sha256,
      belongsTo: request.belongsTo,
      belongsToId: request.belongsToId,
      belongsToColumn: request.belongsToColumn,
      url: this.links.url({
        fileId: id,
        tenantId: request.claims.tenantId,
        userId: request.claims.userId,
        sessionId: request.claims.sessionId ?? null,
      }),
    };
  }

  /** The row of a file the caller may read (RLS; archived files are hidden), or null. */
  async find(fileId: string, claims: UserClaims): Promise<FileForDownload | null> {
    const { rows } = await withUserClaims(this.pool, claims, (client) =>
      client.query<{ name: string; content_type: string | null; size_in_bytes: number; sha256: string; storage_key: string }>(
        "select name, content_type, size_in_bytes, sha256, storage_key from content.files where id = $1 and state = 'stored' and storage_key is not null",
        [fileId],
      ),
    );
    const row = rows[0];
    return row
      ? { name: row.name, contentType: row.content_type, size: row.size_in_bytes, sha256: row.sha256, key: row.storage_key }
      : null;
  }

  read(file: FileForDownload, range?: ByteRange): Promise<Readable> {
    return this.storage.read(file.key, range);
  }

  /**
   * Removes the bytes of files archived longer than the retention period;
   * the rows stay, marked purged. Runs as the job queue's task, through
   * nexus_auth functions (the job acts for no tenant). Returns how many.
   */
  async purgeArchived(): Promise<number> {
    const { rows } = await this.pool.query<{ id: string; storage_key: string }>(
      "select id, storage_key from nexus_auth.files_to_purge(make_interval(secs => $1))",
      [this.config.retentionSeconds],
    );
    for (const row of rows) {
      await this.storage.remove(row.storage_key);
      await this.pool.query("select nexus_auth.file_purged($1)", [row.id]);
    }
    return rows.length;
  }

  /**
   * Removes bytes no row stands for, older than the grace period: staged
   * bytes of uploads that never finished (the gateway stopped mid-upload)
   * and committed bytes whose row never committed (a crash between rename
   * and commit). Uploads in flight are safe however long they pause: their
   * staged bytes renew a lease well within the grace (LocalStorage). Runs
   * on this instance's store only (its job is named for it, ./jobs.ts).
   * Returns how many.
   */
  async sweepOrphans(now = Date.now()): Promise<number> {
    const cutoff = now - this.config.orphanGraceSeconds * 1000;
    const candidates: string[] = [];
    let removed = 0;
    const settle = async () => {
      const { rows } = await this.pool.query<{ key: string }>("select key from nexus_auth.stored_file_keys($1) as key", [candidates]);
      const kept = new Set(rows.map((r) => r.key));
      for (const key of candidates.splice(0)) {
        if (kept.has(key)) continue;
        await this.storage.remove(key);
        removed++;
      }
    };
    for await (const object of this.storage.list()) {
      if (object.modifiedAt.getTime() > cutoff) continue;
      if (object.staging) {
        await this.storage.remove(object.key);
        removed++;
        continue;
      }
      // Only keys this gateway makes (tenant/id): a shared bucket's other objects are not orphans.
      if (!STORAGE_KEY.test(object.key)) continue;
      candidates.push(object.key);
      if (candidates.length >= 500) await settle();
    }
    if (candidates.length) await settle();
    return removed;
  }
}
