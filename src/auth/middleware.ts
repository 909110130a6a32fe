import type { Request, RequestHandler } from "express";
import type { JwtConfig } from "../config";
import { sendError } from "../http/errors";
import { TokenError, verifyAccessToken, type AccessClaims } from "./tokens";

const claimsByRequest = new WeakMap<Request, AccessClaims>();

/** The verified claims of this request, or null for an anonymous one. */
export function requestClaims(req: Request): AccessClaims | null {
  return claimsByRequest.get(req) ?? null;
}

/**
 * Verifies `Authorization: Bearer <jwt>` before GraphQL sees the request.
 * No header: anonymous. A header that does not verify: 401, never anonymous,
 * so a client with a broken token learns it instead of seeing empty data.
 */
export function authenticate(jwt: JwtConfig): RequestHandler {
  return (req, res, next) => {
    const header = req.headers.authorization;
    if (header === undefined) return next();
    const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)$/.exec(header.trim());
    if (!match) {
      res.setHeader("WWW-Authenticate", 'Bearer error="invalid_request"');
      return sendError(res, 401, "invalid_token", "The Authorization header must be 'Bearer <access token>'.");
    }
    try {
      claimsByRequest.set(req, verifyAccessToken(jwt, match[1]!));
      next();
    } catch (error) {
      if (!(error instanceof TokenError)) return next(error);
      res.setHeader("WWW-Authenticate", `Bearer error="invalid_token"`);
      sendError(res, 401, error.code, error.message);
    }
  };
}
