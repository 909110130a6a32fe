import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

import pino, { type DestinationStream, type Logger } from "pino";

import type { LogConfig } from "../config";

export type { Logger };

/**
 * Whatever could sign someone in never reaches a log line, wherever it
 * appears: headers, bodies, or fields a caller passes to the logger.
 */
const REDACTED_PATHS = [
  "req.headers.authorization",
  "req.headers.cookie",
  'res.headers["set-cookie"]',
  "password",
  "currentPassword",
  "newPassword",
  "token",
  "accessToken",
  "refreshToken",
  "authorization",
  "cookie",
  "*.password",
  "*.token",
  "*.accessToken",
  "*.refreshToken",
  "*.authorization",
  "*.cookie",
];

/** Pretty lines need pino-pretty, a development dependency; without it, JSON. */
function prettyStream(): DestinationStream | null {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- optional: loaded only if installed
    const pretty = require("pino-pretty") as (options: Record<string, unknown>) => DestinationStream;
    // In-process and synchronous: lines written just before exit are not lost.
    return pretty({
      sync: true,
      singleLine: true,
      colorize: process.stdout.isTTY,
      translateTime: "HH:MM:ss.l",
      ignore: "pid,hostname,service",
    });
  } catch {
    return null;
  }
}

/**
 * The process's logger: JSON lines on stdout (one object each, for a log
 * shipper), or pretty lines in development. Tests pass their own stream.
 */
export function createLogger(config: LogConfig, destination?: DestinationStream): Logger {
  const options = { level: config.level, base: { service: "nexus-gateway" }, redact: { paths: REDACTED_PATHS, censor: "[redacted]" } };
  const stream = destination ?? (config.pretty ? prettyStream() : null) ?? pino.destination({ dest: 1, sync: true });
  return pino(options, stream);
}

/** An incoming X-Request-Id is kept when it looks like an id, so a trace spans the proxy and the gateway. */
const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export const REQUEST_ID_HEADER = "X-Request-Id";

const requestIds = new WeakMap<IncomingMessage, string>();

/** The request's id: the incoming X-Request-Id when it looks like one, else a new UUID; the same on every call. */
export function requestIdOf(req: IncomingMessage): string {
  let id = requestIds.get(req);
  if (id === undefined) {
    const incoming = req.headers["x-request-id"];
    id = typeof incoming === "string" && ACCEPTABLE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    requestIds.set(req, id);
  }
  return id;
}

/** The path of a request URL, never its query string (it can carry tokens). */
export function pathOf(url: string | undefined): string {
  if (url === undefined) return "";
  const query = url.indexOf("?");
  return query === -1 ? url : url.slice(0, query);
}

/** What a request ran and ended with: the GraphQL operation's name (GraphQL requests only) and its error codes. */
export interface RequestOutcome {
  operation: string | null;
  errorCodes: readonly string[];
}

/**
 * One line per request with its id, method, path (never the query string),
 * status, time, the GraphQL operation and the error codes it ended with
 * (a GraphQL answer's `errors` come with 200), and the signed-in user and
 * tenant: `start` gives the
 * request its id (sent back in X-Request-Id) and returns what writes the
 * line once the response is done. A response that was not finished (the
 * client went away) is logged as aborted.
 */
export function requestLogger(logger: Logger): {
  start(req: IncomingMessage, res: ServerResponse): void;
  /** `path`: the request's path as it arrived (routers rewrite req.url). */
  done(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    durationMs: number,
    claims: { userId: string | null; tenantId: string | null } | null,
    outcome?: RequestOutcome,
  ): void;
} {
  // The line's fields are known and hold no secret (no headers but the user
  // agent, no query string): the logger's redaction is not run on them.
  const lines = logger.child({}, { redact: { paths: [] } });
  return {
    start(req, res) {
      res.setHeader(REQUEST_ID_HEADER, requestIdOf(req));
    },
    done(req, res, path, durationMs, claims, outcome) {
      const status = res.statusCode;
      const finished = res.writableFinished;
      const level = !finished ? "warn" : status >= 500 ? "error" : status >= 400 ? "warn" : "info";
      if (!lines.isLevelEnabled(level)) return;
      lines[level](
        {
          requestId: requestIdOf(req),
          req: { method: req.method, path, userAgent: req.headers["user-agent"] },
          res: { statusCode: status },
          ...(outcome?.operation ? { operation: outcome.operation } : {}),
          ...(outcome && outcome.errorCodes.length > 0 ? { errorCodes: outcome.errorCodes } : {}),
          ...(claims ? { userId: claims.userId, tenantId: claims.tenantId } : {}),
          durationMs: Math.round(durationMs * 1000) / 1000,
        },
        finished ? `${req.method} ${path} ${status}` : `${req.method} ${path} aborted`,
      );
    },
  };
}
