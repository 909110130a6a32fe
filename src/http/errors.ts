import type { IncomingMessage, ServerResponse } from "node:http";

import type { ErrorRequestHandler, RequestHandler } from "express";

import { isDatabaseUnavailable } from "../db/unavailable";
import { defaultMessage, type ErrorCode } from "../errors/codes";
import type { Logger } from "../observability/logger";
import { requestIdOf } from "../observability/logger";
import { noteRefusal } from "../observability/metrics";

/** Seconds a client is asked to wait before retrying while the database is unavailable. */
const RETRY_AFTER_SECONDS = 2;

/** The one error shape of the HTTP surface: `{ "error": { "code", "message" } }`. */
export function sendError(res: ServerResponse, status: number, code: ErrorCode, message: string = defaultMessage(code)): void {
  noteRefusal(res, code);
  const body = JSON.stringify({ error: { code, message } });
  res.statusCode = status;
  res.setHeader("Content-Type", "application/json; charset=utf-8");
  res.setHeader("Content-Length", Buffer.byteLength(body));
  res.end(body);
}

export const notFound: RequestHandler = (req, res) => {
  sendError(res, 404, "NOT_FOUND", `No route for ${req.method} ${req.path}.`);
};

/**
 * Answers an error no handler answered: 503 with Retry-After while the
 * database is unavailable, the error's own 4xx, or 500 (logged with the
 * request's id; the client gets no detail).
 */
export function answerError(logger: Logger, error: any, req: IncomingMessage, res: ServerResponse): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (isDatabaseUnavailable(error)) {
    res.setHeader("Retry-After", String(RETRY_AFTER_SECONDS));
    return sendError(res, 503, "DATABASE_UNAVAILABLE");
  }
  const status = typeof error?.status === "number" && error.status >= 400 && error.status < 500 ? error.status : 500;
  if (status === 500) logger.error({ err: error, requestId: requestIdOf(req) }, "request failed");
  const message = status === 500 ? defaultMessage("INTERNAL_ERROR") : String(error?.message ?? defaultMessage("BAD_REQUEST"));
  sendError(res, status, status === 500 ? "INTERNAL_ERROR" : "BAD_REQUEST", message);
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) return next(error);
    answerError(logger, error, req, res);
  };
}
