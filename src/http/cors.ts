import type { IncomingMessage, ServerResponse } from "node:http";

import { CSRF_HEADER } from "../auth/refresh-cookie";
import { CONSISTENCY_HEADER } from "../graphql/consistency";
import { INCLUDE_ARCHIVED_HEADER } from "../graphql/soft-delete";
import type { Logger } from "../observability/logger";
import { pathOf, requestIdOf } from "../observability/logger";
import { sendError } from "./errors";

const ALLOWED_HEADERS = ["authorization", "content-type", "accept", CSRF_HEADER, INCLUDE_ARCHIVED_HEADER, CONSISTENCY_HEADER].join(", ");

/**
 * CORS for the origins in NEXUS_CORS_ORIGINS only, with credentials (the
 * refresh cookie), so each allowed origin is echoed, never `*`. A preflight
 * from any other origin is refused with the error shape; a simple request
 * from one runs without CORS headers, so its page cannot read the answer.
 * The returned function answers preflights itself (and returns true);
 * every other request goes on.
 *
 * The browser shows a refusal only as "Failed to fetch", so the gateway
 * logs each one (a warning with the origin and the reason): a refused
 * preflight, and a cross-origin request from an origin not listed. A page
 * of the gateway itself (GraphiQL) sends its own origin and is not one.
 */
export function cors(origins: readonly string[], logger?: Logger): (req: IncomingMessage, res: ServerResponse) => boolean {
  const refused = (req: IncomingMessage, origin: string, preflight: boolean) =>
    logger?.warn(
      {
        requestId: requestIdOf(req),
        origin,
        req: { method: req.method, path: pathOf(req.url) },
        reason:
          origins.length === 0
            ? "NEXUS_CORS_ORIGINS is empty: no cross-origin caller is allowed"
            : "the origin is not in NEXUS_CORS_ORIGINS",
        allowed: origins,
      },
      preflight
        ? `CORS preflight refused for ${origin}`
        : `CORS: no access for ${origin} (the browser will not let its page read the answer)`,
    );
  return (req, res) => {
    const origin = req.headers.origin;
    if (origin === undefined) return false;
    res.appendHeader("Vary", "Origin");
    const allowed = origins.includes(origin);
    const preflight = req.method === "OPTIONS" && req.headers["access-control-request-method"] !== undefined;
    if (allowed) {
      res.setHeader("Access-Control-Allow-Origin", origin);
      res.setHeader("Access-Control-Allow-Credentials", "true");
      res.setHeader("Access-Control-Expose-Headers", "WWW-Authenticate, Retry-After, Nexus-Consistency");
    }
    if (!preflight) {
      if (!allowed && !sameOrigin(req, origin)) refused(req, origin, false);
      return false;
    }
    if (!allowed) {
      refused(req, origin, true);
      sendError(
        res,
        403,
        "ORIGIN_NOT_ALLOWED",
        `The origin ${origin} is not allowed; the gateway accepts cross-origin requests only from NEXUS_CORS_ORIGINS.`,
      );
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

/** A request from a page the gateway served (its Origin names the host it was sent to). */
function sameOrigin(req: IncomingMessage, origin: string): boolean {
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}
