import type { ErrorRequestHandler, RequestHandler, Response } from "express";
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from "../db/unavailable";

/** Seconds a client is asked to wait before retrying while the database is unavailable. */
const RETRY_AFTER_SECONDS = 2;

/** The one error shape of the HTTP surface: `{ "error": { "code", "message" } }`. */
export function sendError(res: Response, status: number, code: string, message: string): void {
  // For metrics: refusals are counted by their code.
  res.locals.errorCode = code;
  res.status(status).json({ error: { code, message } });
}

export const notFound: RequestHandler = (req, res) => {
  sendError(res, 404, "not_found", `No route for ${req.method} ${req.path}.`);
};

export const errorHandler: ErrorRequestHandler = (error, req, res, next) => {
  if (res.headersSent) return next(error);
  if (isDatabaseUnavailable(error)) {
    res.setHeader("Retry-After", String(RETRY_AFTER_SECONDS));
    return sendError(res, 503, "database_unavailable", DATABASE_UNAVAILABLE_MESSAGE);
  }
  const status = typeof error?.status === "number" && error.status >= 400 && error.status < 500 ? error.status : 500;
  if (status === 500) req.log?.error({ err: error }, "request failed");
  const message = status === 500 ? "Internal server error." : String(error?.message ?? "Bad request.");
  sendError(res, status, status === 500 ? "internal_error" : "bad_request", message);
};
