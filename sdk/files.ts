import { type ClientOptions, GatewayError } from "./client";

/** A stored file, as `POST /files` answers it. */
export interface UploadedFile {
  rowId: string;
  name: string;
  contentType: string;
  sizeInBytes: number;
  /** SHA-256 of the bytes, hex. */
  sha256: string;
  belongsTo: string | null;
  belongsToId: string | null;
  belongsToColumn: string | null;
  /** A signed download URL for `<img src>`; it expires (ask GraphQL's `File.url` for a fresh one). */
  url: string;
}

export interface UploadOptions {
  /** The file's name (the Blob's own name when it is a File). */
  name?: string;
  /** The record the file is attached to: its table (`assets.asset_repairs`), id and field (`photo`, `avatar`, `attachments`). */
  belongsTo?: string;
  belongsToId?: string;
  belongsToColumn?: string;
}

/**
 * Uploads a file to the gateway the client talks to (`POST /files` beside
 * its GraphQL endpoint), as the signed-in user, streamed as multipart form
 * data. Throws `GatewayError` with the gateway's code when it is refused:
 * `FILE_TOO_LARGE`, `FILE_TYPE_NOT_ALLOWED` (the bytes are not an accepted
 * type), `NOT_FOUND` (no such record to attach to), `FORBIDDEN`.
 *
 *   const photo = await uploadFile({ url, token }, input.files[0], { belongsTo: "assets.asset_repairs", belongsToId, belongsToColumn: "attachments" });
 */
export async function uploadFile(client: ClientOptions, file: Blob, options: UploadOptions = {}): Promise<UploadedFile> {
  const token = typeof client.token === "function" ? await client.token() : client.token;
  const form = new FormData();
  // The fields go before the file: the gateway reads them before the bytes stream in.
  for (const key of ["belongsTo", "belongsToId", "belongsToColumn"] as const) {
    const value = options[key];
    if (value !== undefined) form.append(key, value);
  }
  const name = options.name ?? (file as Blob & { name?: string }).name ?? "file";
  form.append("file", file, name);
  const response = await (client.fetch ?? fetch)(new URL("/files", client.url).toString(), {
    method: "POST",
    headers: token ? { authorization: `Bearer ${token}` } : {},
    body: form,
  });
  const payload = (await response.json().catch(() => null)) as { file?: UploadedFile; error?: { code: string; message: string } } | null;
  if (response.status !== 201 || !payload?.file) {
    const error = payload?.error ?? { code: null, message: `HTTP ${response.status}` };
    throw new GatewayError(response.status, [{ message: error.message, code: error.code, path: null }]);
  }
  return payload.file;
}
