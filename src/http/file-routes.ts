import type { IncomingMessage, ServerResponse } from "node:http";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

import busboy from "busboy";
import express, { type Request, type Response, type Router } from "express";

import { requestClaims, type TokenVerifier } from "../auth/verify";
import type { UserClaims } from "../db/user-claims";
import { contentDisposition, declaredType, sanitizeFileName, servedInline } from "../files/media";
import { FileRefusal, type FileService, tooLarge } from "../files/service";
import type { ByteRange } from "../files/storage";
import { authenticate, authenticateRequest } from "./authenticate";
import { sendError } from "./errors";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TABLE = /^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*$/;
/** Room for the multipart framing (boundaries, part headers, the small fields) around the file itself. */
const MULTIPART_OVERHEAD = 64 * 1024;
/** Served files can never run script in the gateway's origin, whatever a browser makes of them. */
const FILE_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";

interface UploadFields {
  name?: string;
  belongsTo?: string;
  belongsToId?: string;
  belongsToColumn?: string;
}

/** The fields that say where a file belongs: checked before a byte is stored. */
function checkFields(fields: UploadFields): FileRefusal | null {
  if (fields.belongsToId !== undefined && !UUID.test(fields.belongsToId)) {
    return new FileRefusal(400, "INVALID_REQUEST", "belongsToId must be a uuid.");
  }
  if (fields.belongsTo !== undefined && !TABLE.test(fields.belongsTo)) {
    return new FileRefusal(400, "INVALID_REQUEST", "belongsTo must name a table as schema.table (campus.students).");
  }
  if ((fields.belongsToId === undefined) !== (fields.belongsTo === undefined)) {
    return new FileRefusal(400, "INVALID_REQUEST", "belongsTo and belongsToId are sent together.");
  }
  if (fields.belongsToColumn !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(fields.belongsToColumn)) {
    return new FileRefusal(400, "INVALID_REQUEST", "belongsToColumn must be a field name (photo, avatar, attachments).");
  }
  return null;
}

/** The single file part of a multipart body and the fields sent before it; rejects when there is none. */
function multipartFile(req: IncomingMessage, maxBytes: number): Promise<{ source: Readable; type: string | null; fields: UploadFields }> {
  return new Promise((resolve, reject) => {
    const fields: UploadFields = {};
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { files: 1, fields: 8, fieldSize: 1024, fileSize: maxBytes + 1 } });
    } catch {
      return reject(new FileRefusal(400, "BAD_REQUEST", "The multipart body has no boundary."));
    }
    parser.on("field", (name, value) => {
      if (name === "name" || name === "belongsTo" || name === "belongsToId" || name === "belongsToColumn") fields[name] = value;
    });
    parser.on("file", (_name, stream, info) => {
      fields.name ??= info.filename;
      // A truncated part (past the limit) fails here too, whichever of busboy or the inspector sees it first.
      stream.once("limit", () => stream.destroy(tooLarge(maxBytes)));
      resolve({ source: stream, type: declaredType(info.mimeType), fields });
    });
    parser.on("close", () => reject(new FileRefusal(400, "FILE_MISSING", "The multipart body carries no file part.")));
    parser.on("error", (error) =>
      reject(new FileRefusal(400, "BAD_REQUEST", `The multipart body is malformed: ${(error as Error).message}`)),
    );
    req.pipe(parser);
  });
}

/** A single `bytes=` range of a file of `size` bytes; null for none (or one this route does not serve: a whole answer then). */
export function parseRange(header: string | undefined, size: number): ByteRange | "unsatisfiable" | null {
  const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!match || (match[1] === "" && match[2] === "")) return null;
  if (match[1] === "") {
    const suffix = Number(match[2]);
    return suffix === 0 || size === 0 ? "unsatisfiable" : { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === "" ? size - 1 : Math.min(Number(match[2]), size - 1);
  return start >= size || start > end ? "unsatisfiable" : { start, end };
}

/** What of a refused body is read and dropped before answering, so the client gets the answer and not a reset connection; past it the connection closes. */
const DRAIN_BYTES = 64 * 1024 * 1024;

/**
 * Reads and drops the rest of a refused body (up to DRAIN_BYTES). A client
 * such as fetch sends its whole body before it reads the answer: answered
 * early, it would see the connection reset instead of the 413 or 415.
 */
function drain(req: IncomingMessage): Promise<void> {
  if (req.complete || req.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    let read = 0;
    const done = () => {
      req.off("data", onData);
      resolve();
    };
    const onData = (chunk: Buffer) => {
      read += chunk.length;
      if (read > DRAIN_BYTES) done();
    };
    req.on("data", onData);
    req.once("end", done);
    req.once("close", done);
    req.resume();
  });
}

async function answerRefusal(req: IncomingMessage, res: ServerResponse, error: unknown): Promise<boolean> {
  if (!(error instanceof FileRefusal)) return false;
  await drain(req);
  if (!res.headersSent) sendError(res, error.status, error.code, error.message);
  return true;
}

/**
 * `POST /files` stores an upload; `GET /files/:id/content` serves the
 * bytes, to a bearer token or to a signed link. Both read and write the
 * row as the caller, through RLS (src/files/service.ts).
 */
export function createFileRouter({ files, verifier }: { files: FileService; verifier: TokenVerifier }): Router {
  const router = express.Router();
  const { maxBytes } = files.config;

  router.post("/", authenticate(verifier, { required: true }), (req: Request, res: Response, next) => {
    void (async () => {
      const claims = requestClaims(req)!;
      if (!claims.userId) return sendError(res, 403, "FORBIDDEN", "Uploads are made by a signed-in user of this gateway.");
      const multipart = /^multipart\/form-data/i.test(req.headers["content-type"] ?? "");
      const length = Number(req.headers["content-length"]);
      if (length > maxBytes + (multipart ? MULTIPART_OVERHEAD : 0)) throw tooLarge(maxBytes);
      const part = multipart
        ? await multipartFile(req, maxBytes)
        : {
            source: req as Readable,
            type: declaredType(req.headers["content-type"]),
            fields: Object.fromEntries(
              ["name", "belongsTo", "belongsToId", "belongsToColumn"].flatMap((k) =>
                typeof req.query[k] === "string" ? [[k, req.query[k]]] : [],
              ),
            ) as UploadFields,
          };
      const refusal = checkFields(part.fields);
      if (refusal) throw refusal;
      // A client that goes away mid-body: the bytes so far are discarded, and no row is written.
      const cutOff = () => {
        if (!req.complete) part.source.destroy(new Error("the upload was cut off"));
      };
      req.once("close", cutOff);
      try {
        const file = await files.upload({
          claims: { tenantId: claims.tenantId, userId: claims.userId, ...(claims.sessionId ? { sessionId: claims.sessionId } : {}) },
          source: part.source,
          declaredType: part.type,
          name: sanitizeFileName(part.fields.name),
          belongsTo: part.fields.belongsTo ?? null,
          belongsToId: part.fields.belongsToId?.toLowerCase() ?? null,
          belongsToColumn: part.fields.belongsToColumn ?? null,
        });
        res.status(201).json({ file });
      } finally {
        req.off("close", cutOff);
        // What is left of a refused body is read and dropped by node:http once the answer is sent.
        req.unpipe();
      }
    })().catch(async (error: unknown) => {
      // A finished request is destroyed once read (autoDestroy): only a gone socket means nobody is left to answer.
      if (res.destroyed || !res.socket || res.socket.destroyed) return;
      if (!(await answerRefusal(req, res, error))) next(error);
    });
  });

  router.get("/:id/content", (req: Request<{ id: string }>, res: Response, next) => {
    void (async () => {
      const fileId = req.params.id.toLowerCase();
      if (!UUID.test(fileId)) return sendError(res, 404, "NOT_FOUND", "No such file.");
      let claims: UserClaims;
      let linkExpiresAt: number | null = null;
      const link = req.query.link;
      if (typeof link === "string") {
        const checked = files.links.check(fileId, link);
        if (!checked.ok) {
          return checked.reason === "expired"
            ? sendError(res, 403, "FILE_LINK_EXPIRED", "The download link has expired: ask for the file's url again.")
            : sendError(res, 403, "FILE_LINK_INVALID", "The download link is not valid for this file.");
        }
        if (checked.claims.sessionId && (await verifier.revocations.isRevoked(null, checked.claims.sessionId))) {
          return sendError(res, 401, "TOKEN_REVOKED", "The session that made this download link has ended.");
        }
        const { tenantId, userId, sessionId } = checked.claims;
        claims = { tenantId, userId, ...(sessionId ? { sessionId } : {}) };
        linkExpiresAt = checked.claims.expiresAt;
      } else {
        if (!(await authenticateRequest(verifier, req, res, { required: true }))) return;
        const verified = requestClaims(req)!;
        if (!verified.userId) return sendError(res, 404, "NOT_FOUND", "No such file.");
        claims = { tenantId: verified.tenantId, userId: verified.userId, ...(verified.sessionId ? { sessionId: verified.sessionId } : {}) };
      }
      const file = await files.find(fileId, claims);
      if (!file) return sendError(res, 404, "NOT_FOUND", "No such file.");
      const range = parseRange(req.headers.range, file.size);
      res.setHeader("X-Content-Type-Options", "nosniff");
      res.setHeader("Content-Security-Policy", FILE_CSP);
      res.setHeader("Accept-Ranges", "bytes");
      if (range === "unsatisfiable") {
        res.setHeader("Content-Range", `bytes */${file.size}`);
        return sendError(res, 416, "RANGE_NOT_SATISFIABLE", `The file has ${file.size} bytes: ask for a range inside them.`);
      }
      let body: Readable;
      try {
        body = await files.read(file, range ?? undefined);
      } catch (error) {
        if ((error as { code?: string }).code === "ENOENT") return sendError(res, 404, "NOT_FOUND", "No such file.");
        throw error;
      }
      const inline = servedInline(file.contentType);
      res.status(range ? 206 : 200);
      // Anything that is not a known safe type is sent as opaque bytes and downloaded, never rendered.
      res.setHeader("Content-Type", inline ? file.contentType! : "application/octet-stream");
      res.setHeader("Content-Disposition", contentDisposition(inline, file.name));
      res.setHeader("Content-Length", String(range ? range.end - range.start + 1 : file.size));
      if (range) res.setHeader("Content-Range", `bytes ${range.start}-${range.end}/${file.size}`);
      res.setHeader("ETag", `"${file.sha256}"`);
      res.setHeader(
        "Cache-Control",
        linkExpiresAt === null ? "private, no-store" : `private, max-age=${Math.max(0, linkExpiresAt - Math.floor(Date.now() / 1000))}`,
      );
      if (req.method === "HEAD") {
        body.destroy();
        return void res.end();
      }
      await pipeline(body, res).catch(() => undefined); // a client that goes away mid-download ends it
    })().catch(next);
  });

  return router;
}
