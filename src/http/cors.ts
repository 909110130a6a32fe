import type { IncomingMessage, ServerResponse } from "node:http";
import { CSRF_HEADER } from "../auth/refresh-cookie";
import { INCLUDE_ARCHIVED_HEADER } from "../graphql/soft-delete";
import { sendError } from "./errors";

const ALLOWED_HEADERS = ["authorization", "content-type", "accept", CSRF_HEADER, INCLUDE_ARCHIVED_HEADER].join(", ");

/**
 * CORS for the origins in NEXUS_CORS_ORIGINS only, with credentials (the
 * refresh cookie), so each allowed origin is echoed, never `*`. A preflight
 * from any other origin is refused with the error shape; a simple request
 * from one runs without CORS headers, so its page cannot read the answer.
 * The returned function answers preflights itself (and returns true);
 * every other request goes on.
 */
export function cors(origins: readonly string[]): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    const origin = req.headers.origin;
    if (origin === undefined) return false;
    res.appendHeader("Vary", "Origin");
    const allowed = origins.includes(origin);
    const preflight = req.method === "OPTIONS" && req.headers["access-control-request-method"] !== undefined;
    if (allowed) {
      res.setHeader("Access-Control-Allow-Origin", origin);
      res.setHeader("Access-Control-Allow-Credentials", "true");
      res.setHeader("Access-Control-Expose-Headers", "WWW-Authenticate, Retry-After");
    }
    if (!preflight) return false;
    if (!allowed) {
      sendError(res, 403, "ORIGIN_NOT_ALLOWED", `The origin ${origin} is not allowed; the gateway accepts cross-origin requests only from NEXUS_CORS_ORIGINS.`);
      return true;
    }
    res.setHeader("Access-Control-Allow-Methods", "GET, POST");
    res.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
    res.setHeader("Access-Control-Max-Age", "600");
    res.statusCode = 204;
    res.end();
    return true;
  };
}
