import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import type { Duplex, Readable, Transform } from "node:stream";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";

import type { GrafservConfig } from "postgraphile/grafserv";
import { NodeGrafservBase } from "postgraphile/grafserv/node";

import { requestClaims, type TokenVerifier } from "../auth/verify";
import { hasMalformedConsistencyToken } from "../graphql/consistency";
import { GRAPHQL_PATH, MAX_REQUEST_BYTES } from "../graphql/preset";
import { type Logger, pathOf, requestLogger } from "../observability/logger";
import { type GatewayMetrics, graphqlOperationOf } from "../observability/metrics";
import { noteErrorCodes, outcomeCodes } from "../observability/outcome";
import { authenticateRequest } from "./authenticate";
import { cors } from "./cors";
import { answerError, sendError } from "./errors";
import { makeUpgradeHandler, type SocketLimits } from "./websockets";

type NodeHandler = (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => void;

/**
 * Grafserv over node:http, taking a POST body the front door has already
 * read (`req.body`, a Buffer) instead of reading the stream again.
 */
export class GatewayGrafserv extends NodeGrafservBase {
  protected override getDigest(...args: Parameters<NodeGrafservBase["getDigest"]>): ReturnType<NodeGrafservBase["getDigest"]> {
    const digest = super.getDigest(...args);
    const body = (args[1] as { body?: unknown }).body;
    return Buffer.isBuffer(body) ? { ...digest, getBody: () => ({ type: "buffer", buffer: body }) } : digest;
  }

  /** The handler for the GraphQL endpoint, GraphiQL and its assets; other requests go to `next`. */
  handler(): NodeHandler {
    return this._createHandler() as NodeHandler;
  }

  /** GraphQL over WebSocket on the GraphQL path, when websockets are on, with the gateway's socket limits; other upgrades are refused. */
  async attachWebsockets(server: import("node:http").Server, limits: SocketLimits): Promise<void> {
    if (!this.resolvedPreset.grafserv?.websockets) return;
    const { upgrade: upgradeHandler, close } = makeUpgradeHandler(this as never, limits);
    this.onRelease(close);
    const upgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (this.shouldHandleUpgrade(req, socket, head)) upgradeHandler(req, socket, head);
      else socket.destroy();
    };
    server.on("upgrade", upgrade);
    this.onRelease(() => void server.off("upgrade", upgrade));
  }
}

export const gatewayGrafserv = (config: GrafservConfig) => new GatewayGrafserv(config);

/**
 * A JSON array of operations in one POST (batching) would multiply every
 * per-operation limit by the array's length, and grafserv does not run
 * batches.
 */
function isBatch(body: Buffer): boolean {
  return /^\s*\[/.test(body.subarray(0, 64).toString("utf8"));
}

/** The body encodings a client may send (Content-Encoding), as body parsers commonly accept them. */
const DECODERS: Record<string, () => Transform> = {
  gzip: () => createGunzip(),
  "x-gzip": () => createGunzip(),
  deflate: () => createInflate(),
  br: () => createBrotliDecompress(),
};

/**
 * The request body, decoded (gzip, deflate, br) and up to `limit` bytes
 * once decoded; null once it has answered instead (413, 415, 400 for a
 * body that does not decode) or the client went away (nobody to answer).
 */
function readBody(req: IncomingMessage, res: ServerResponse, limit: number): Promise<Buffer | null> {
  const encoding = (req.headers["content-encoding"] ?? "identity").trim().toLowerCase();
  const tooLarge = () =>
    sendError(
      res,
      413,
      "PAYLOAD_TOO_LARGE",
      `The request body is larger than ${limit} bytes: send a smaller operation (variables included).`,
    );
  let source: Readable = req;
  let decoding: Transform | null = null;
  if (encoding !== "identity") {
    const decoder = DECODERS[encoding];
    if (!decoder) {
      sendError(
        res,
        415,
        "UNSUPPORTED_ENCODING",
        `Content-Encoding ${encoding} is not accepted: send the body as is, or gzip, deflate or br.`,
      );
      return Promise.resolve(null);
    }
    decoding = decoder();
    source = req.pipe(decoding);
  } else if (Number(req.headers["content-length"]) > limit) {
    tooLarge();
    return Promise.resolve(null);
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let length = 0;
    let settled = false;
    const settle = (body: Buffer | null) => {
      if (settled) return;
      settled = true;
      source.off("data", onData);
      source.off("end", onEnd);
      source.off("error", onDecodeError);
      req.off("error", onGone);
      req.off("close", onClose);
      if (decoding) {
        req.unpipe(decoding);
        decoding.destroy();
      }
      // Whatever is left of the body is discarded by node:http once the answer is sent.
      resolve(body);
    };
    const onData = (chunk: Buffer) => {
      length += chunk.length;
      if (length <= limit) return void chunks.push(chunk);
      tooLarge();
      settle(null);
    };
    const onEnd = () => settle(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, length));
    const onDecodeError = () => {
      if (decoding) sendError(res, 400, "BAD_REQUEST", `The request body is not valid ${encoding}.`);
      settle(null);
    };
    const onGone = () => settle(null);
    const onClose = () => {
      if (!req.complete) settle(null);
    };
    source.on("data", onData);
    source.on("end", onEnd);
    source.on("error", onDecodeError);
    req.on("error", onGone);
    req.on("close", onClose);
  });
}

export interface FrontDoorOptions {
  logger: Logger;
  metrics: GatewayMetrics;
  corsOrigins: readonly string[];
  /**
   * Serve grafserv's schema-change event stream (GraphQL path + /stream,
   * there while the schema is reloaded): GraphiQL refetches the schema when
   * it fires. Without GraphiQL nothing needs it, and it would be an
   * unauthenticated connection held open.
   */
  schemaEvents?: boolean;
  verifier: TokenVerifier;
  /** Grafserv's handler: the GraphQL endpoint, GraphiQL and its assets. */
  graphql: NodeHandler;
  /** Everything else: the auth routes, health, JWKS, metrics (Express). */
  rest: RequestListener;
}

/**
 * The gateway's request listener. Every request gets its id, its log line
 * and its metrics, and the CORS check; requests to the GraphQL endpoint are
 * then authenticated and handed to grafserv directly (the hot path, no
 * router in between), with a POST body read once, bounded and refused when
 * it is a batch; the rest goes to the Express app.
 */
export function frontDoor({
  logger,
  metrics,
  corsOrigins,
  schemaEvents = false,
  verifier,
  graphql,
  rest,
}: FrontDoorOptions): RequestListener {
  const lines = requestLogger(logger);
  const preflight = cors(corsOrigins, logger);
  const failed = (req: IncomingMessage, res: ServerResponse) => (error: unknown) => {
    try {
      answerError(logger, error, req, res);
    } catch {
      res.destroy();
    }
  };

  async function serveGraphql(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!(await authenticateRequest(verifier, req, res))) return;
    if (hasMalformedConsistencyToken(req)) return sendError(res, 400, "INVALID_CONSISTENCY_TOKEN");
    if (req.method === "POST") {
      const body = await readBody(req, res, MAX_REQUEST_BYTES);
      if (body === null) return;
      if (isBatch(body)) {
        noteErrorCodes(req, ["BATCH_NOT_ALLOWED"]);
        const answer = JSON.stringify({
          errors: [
            {
              message: "Batched operations (a JSON array) are not accepted: send one operation per request.",
              extensions: { code: "BATCH_NOT_ALLOWED" },
            },
          ],
        });
        res.writeHead(400, { "Content-Type": "application/json; charset=utf-8", "Content-Length": Buffer.byteLength(answer) });
        res.end(answer);
        return;
      }
      (req as { body?: Buffer }).body = body;
    }
    // grafserv's handler is async: what it rejects with must not go unheard.
    const handled: unknown = graphql(req, res, (error) => {
      if (error !== undefined) return failed(req, res)(error);
      sendError(res, 404, "NOT_FOUND", `No route for ${req.method} ${pathOf(req.url)}.`);
    });
    await handled;
  }

  return (req, res) => {
    const started = performance.now();
    const path = pathOf(req.url);
    lines.start(req, res);
    res.once("close", () => {
      const ms = performance.now() - started;
      const errorCodes = outcomeCodes(req, res);
      const operation = path === GRAPHQL_PATH ? graphqlOperationOf(req) : null;
      lines.done(req, res, path, ms, requestClaims(req), { operation, errorCodes });
      // An abandoned request is in the log (as aborted), not in the metrics.
      if (res.writableFinished) metrics.record(req, res, path, ms / 1000, errorCodes, requestClaims(req)?.tenantId ?? null);
    });
    if (preflight(req, res)) return;
    if (path === `${GRAPHQL_PATH}/stream` && !schemaEvents) {
      sendError(res, 404, "NOT_FOUND", `No route for ${req.method} ${path}.`);
      return;
    }
    if (path === GRAPHQL_PATH || path.startsWith(`${GRAPHQL_PATH}/`)) {
      serveGraphql(req, res).catch(failed(req, res));
      return;
    }
    rest(req, res);
  };
}
