import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { NodeGrafservBase } from "postgraphile/grafserv/node";
import type { GrafservConfig } from "postgraphile/grafserv";
import { authenticateRequest, requestClaims, type TokenVerifier } from "../auth/middleware";
import { GRAPHQL_PATH, MAX_REQUEST_BYTES } from "../graphql/preset";
import { pathOf, requestLogger, type Logger } from "../observability/logger";
import type { GatewayMetrics } from "../observability/metrics";
import { cors } from "./cors";
import { answerError, sendError } from "./errors";

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

  /** GraphQL over WebSocket on the GraphQL path, when websockets are on; other upgrades are refused. */
  async attachWebsockets(server: import("node:http").Server): Promise<void> {
    const upgradeHandler = await this.getUpgradeHandler();
    if (!upgradeHandler) return;
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

/** The request body, up to `limit` bytes; null once it has answered 413 for a larger one. */
function readBody(req: IncomingMessage, res: ServerResponse, limit: number): Promise<Buffer | null> {
  const tooLarge = () =>
    sendError(res, 413, "payload_too_large", `The request body is larger than ${limit} bytes: send a smaller operation (variables included).`);
  const declared = Number(req.headers["content-length"]);
  if (declared > limit) {
    tooLarge();
    return Promise.resolve(null);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const stop = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
    };
    const onData = (chunk: Buffer) => {
      length += chunk.length;
      if (length <= limit) {
        chunks.push(chunk);
        return;
      }
      // The rest of the body is discarded by node:http once the answer is sent.
      stop();
      tooLarge();
      resolve(null);
    };
    const onEnd = () => {
      stop();
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, length));
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
  });
}

export interface FrontDoorOptions {
  logger: Logger;
  metrics: GatewayMetrics;
  corsOrigins: readonly string[];
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
export function frontDoor({ logger, metrics, corsOrigins, verifier, graphql, rest }: FrontDoorOptions): RequestListener {
  const lines = requestLogger(logger);
  const preflight = cors(corsOrigins);
  const failed = (req: IncomingMessage, res: ServerResponse) => (error: unknown) => answerError(logger, error, req, res);

  async function serveGraphql(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!(await authenticateRequest(verifier, req, res))) return;
    if (req.method === "POST") {
      const body = await readBody(req, res, MAX_REQUEST_BYTES);
      if (body === null) return;
      if (isBatch(body)) {
        const answer = JSON.stringify({
          errors: [{ message: "Batched operations (a JSON array) are not accepted: send one operation per request.", extensions: { code: "BATCH_NOT_ALLOWED" } }],
        });
        res.writeHead(400, { "Content-Type": "application/json; charset=utf-8", "Content-Length": Buffer.byteLength(answer) });
        res.end(answer);
        return;
      }
      (req as { body?: Buffer }).body = body;
    }
    graphql(req, res, (error) => {
      if (error !== undefined) return failed(req, res)(error);
      sendError(res, 404, "not_found", `No route for ${req.method} ${pathOf(req.url)}.`);
    });
  }

  return (req, res) => {
    const started = performance.now();
    const path = pathOf(req.url);
    lines.start(req, res);
    res.once("close", () => {
      const ms = performance.now() - started;
      lines.done(req, res, path, ms, requestClaims(req));
      metrics.record(req, res, path, ms / 1000);
    });
    if (preflight(req, res)) return;
    if (path === GRAPHQL_PATH || path.startsWith(`${GRAPHQL_PATH}/`)) {
      serveGraphql(req, res).catch(failed(req, res));
      return;
    }
    rest(req, res);
  };
}
