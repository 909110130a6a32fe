import type { Request, RequestHandler } from "express";

import { CSRF_HEADER } from "../auth/refresh-cookie";
import { sendError } from "./errors";

/** Where a request's page came from is trusted: the gateway itself or one of `trusted` (CORS origins, the public URL). */
function isTrustedOrigin(req: Request, origin: string, trusted: readonly string[]): boolean {
  return origin === `${req.protocol}://${req.get("host")}` || trusted.includes(origin);
}

/**
 * Guards the /auth routes that act on the refresh cookie (refresh without a
 * token in the body, logout clearing the cookie): they need the CSRF header
 * and, when the browser names one, a trusted Origin. Clients that send the
 * refresh token in the body carry their own proof and pass unchecked.
 */
export function requireCsrfForCookie(cookieName: string, trustedOrigins: readonly string[]): RequestHandler {
  return (req, res, next) => {
    const usesCookie = (req.headers.cookie ?? "").split(";").some((part) => part.trim().startsWith(`${cookieName}=`));
    const bodyToken = (req.body as Record<string, unknown> | undefined)?.refreshToken;
    if (!usesCookie || bodyToken !== undefined) return next();
    const origin = req.get("origin");
    if (origin !== undefined && !isTrustedOrigin(req, origin, trustedOrigins)) {
      return sendError(
        res,
        403,
        "ORIGIN_NOT_ALLOWED",
        `Requests from ${origin} may not use the refresh cookie; the gateway trusts only its own origin (NEXUS_PUBLIC_URL) and NEXUS_CORS_ORIGINS.`,
      );
    }
    if (!req.get(CSRF_HEADER)) {
      return sendError(
        res,
        403,
        "CSRF_HEADER_MISSING",
        "Requests authenticated by the refresh cookie must send the X-Nexus-CSRF header (any value, e.g. 1).",
      );
    }
    next();
  };
}
