import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Request, RequestHandler } from "express";
import pino, { type DestinationStream, type Logger } from "pino";
import { pinoHttp } from "pino-http";
import type { LogConfig } from "../config";
import { requestClaims } from "../auth/middleware";

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
    const pretty = require("pino-pretty") as (options: Record<string, unknown>) => DestinationStream;
    // In-process and synchronous: lines written just before exit are not lost.
    return pretty({ sync: true, singleLine: true, colorize: process.stdout.isTTY, translateTime: "HH:MM:ss.l", ignore: "pid,hostname,service" });
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

export function requestIdOf(req: IncomingMessage): string {
  const incoming = req.headers["x-request-id"];
  return typeof incoming === "string" && ACCEPTABLE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/**
 * One line per request with its id, method, path (never the query string:
 * it can carry tokens), status, time, and the signed-in user and tenant.
 * The id goes back in X-Request-Id, and every line logged through
 * `req.log` while the request runs carries it too.
 */
export function requestLogging(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    quietReqLogger: true,
    customAttributeKeys: { reqId: "requestId", responseTime: "durationMs" },
    genReqId: (req, res) => {
      const id = requestIdOf(req);
      res.setHeader(REQUEST_ID_HEADER, id);
      return id;
    },
    customProps: (req) => {
      const claims = requestClaims(req as Request);
      return claims ? { userId: claims.userId, tenantId: claims.tenantId } : {};
    },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? "error" : res.statusCode >= 400 ? "warn" : "info"),
    customSuccessMessage: (req, res) => `${req.method} ${pathOf(req)} ${res.statusCode}`,
    customErrorMessage: (req, res) => `${req.method} ${pathOf(req)} ${res.statusCode}`,
    serializers: {
      req: (req: IncomingMessage & { raw?: IncomingMessage }) => ({ method: req.method, path: pathOf(req.raw ?? req), userAgent: (req.raw ?? req).headers?.["user-agent"] }),
      res: (res: ServerResponse & { raw?: ServerResponse }) => ({ statusCode: (res.raw ?? res).statusCode }),
    },
    wrapSerializers: false,
  }) as unknown as RequestHandler;
}

function pathOf(req: IncomingMessage): string {
  const url = (req as Request).originalUrl ?? req.url ?? "";
  const query = url.indexOf("?");
  return query === -1 ? url : url.slice(0, query);
}
