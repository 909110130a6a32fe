import type { Readable } from "node:stream";

import { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";

import type { S3StorageConfig } from "../config";
import type { ByteRange, FileStorage, StagedBytes, StoredObject } from "./storage";

/** Parts of a multipart upload: memory per upload is about QUEUE × PART_BYTES, whatever the file's size. */
const PART_BYTES = 5 * 1024 * 1024;
const QUEUE = 2;

/**
 * An S3-compatible object store (AWS SDK v3). The bytes stream up as a
 * multipart upload (lib-storage), straight to their key: S3 has no rename,
 * and a copy would send every byte twice. Until the row commits nothing
 * points at the object; a refused row deletes it, and a crash in between
 * leaves an object without a row, which the orphan sweep removes.
 */
export class S3Storage implements FileStorage {
  readonly kind = "s3";
  private readonly client: S3Client;

  constructor(private readonly config: S3StorageConfig) {
    this.client = new S3Client({
      region: config.region,
      forcePathStyle: config.forcePathStyle,
      ...(config.endpoint ? { endpoint: config.endpoint } : {}),
      ...(config.accessKeyId && config.secretAccessKey
        ? { credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey } }
        : {}),
    });
  }

  async stage(key: string, source: Readable): Promise<StagedBytes> {
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.config.bucket, Key: key, Body: source },
      partSize: PART_BYTES,
      queueSize: QUEUE,
      leavePartsOnError: false,
    });
    // A source that fails (a refused type, a cut-off body) must end the upload, whichever waits first.
    const failed = new Promise<never>((_, reject) => source.once("error", reject));
    try {
      await Promise.race([upload.done(), failed]);
    } catch (error) {
      await upload.abort().catch(() => undefined);
      await this.remove(key).catch(() => undefined);
      throw error;
    }
    return { commit: async () => undefined, discard: () => this.remove(key) };
  }

  async read(key: string, range?: ByteRange): Promise<Readable> {
    try {
      const answer = await this.client.send(
        new GetObjectCommand({ Bucket: this.config.bucket, Key: key, ...(range ? { Range: `bytes=${range.start}-${range.end}` } : {}) }),
      );
      return answer.Body as Readable;
    } catch (error) {
      if ((error as { name?: string }).name === "NoSuchKey") throw Object.assign(new Error(`no object ${key}`), { code: "ENOENT" });
      throw error;
    }
  }

  async remove(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.config.bucket, Key: key }));
  }

  async *list(): AsyncIterable<StoredObject> {
    let token: string | undefined;
    do {
      const page = await this.client.send(new ListObjectsV2Command({ Bucket: this.config.bucket, ContinuationToken: token }));
      for (const object of page.Contents ?? []) {
        if (object.Key) yield { key: object.Key, modifiedAt: object.LastModified ?? new Date(0), staging: false };
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  async identity(): Promise<string> {
    return `s3:${this.config.endpoint ?? `aws:${this.config.region}`}/${this.config.bucket}`;
  }

  close(): void {
    this.client.destroy();
  }
}
