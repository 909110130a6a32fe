import type { RequestHandler } from "express";
import { CSRF_HEADER } from "../auth/csrf";
import { INCLUDE_ARCHIVED_HEADER } from "../graphql/soft-delete";
import { sendError } from "./errors";

const ALLOWED_HEADERS = ["authorization", "content-type", "accept", CSRF_HEADER, INCLUDE_ARCHIVED_HEADER].join(", ");

/**
 * CORS for the origins in NEXUS_CORS_ORIGINS only, with credentials (the
 * refresh cookie), so each allowed origin is echoed, never `*`. A preflight
 * from any other origin is refused with the error shape; a simple request
 * from one runs without CORS headers, so its page cannot read the answer.
 */
export function cors(origins: readonly string[]): RequestHandler {
  return (req, res, next) => {
    const origin = req.get("origin");
    if (origin === undefined) return next();
    res.vary("Origin");
    const allowed = origins.includes(origin);
    const preflight = req.method === "OPTIONS" && req.get("access-control-request-method") !== undefined;
    if (allowed) {
      res.setHeader("Access-Control-Allow-Origin", origin);
      res.setHeader("Access-Control-Allow-Credentials", "true");
      res.setHeader("Access-Control-Expose-Headers", "WWW-Authenticate, Retry-After");
    }
    if (!preflight) return next();
    if (!allowed) {
      return sendError(res, 403, "origin_not_allowed", `The origin ${origin} is not allowed; the gateway accepts cross-origin requests only from NEXUS_CORS_ORIGINS.`);
    }
    res.setHeader("Access-Control-Allow-Methods", "GET, POST");
    res.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
    res.setHeader("Access-Control-Max-Age", "600");
    res.status(204).end();
  };
}
