import type { IncomingMessage, ServerResponse } from "node:http";

import type { RequestHandler } from "express";

import { TokenError } from "../auth/jwt";
import { rememberClaims, type TokenVerifier, verifyBearer } from "../auth/verify";
import { sendError } from "./errors";

/**
 * Verifies `Authorization: Bearer <jwt>` before GraphQL or an /auth route
 * sees the request, and keeps its claims (`requestClaims`). No header:
 * anonymous (or 401 where `required`). A header that does not verify: 401,
 * never anonymous, so a client with a broken or revoked token learns it
 * instead of seeing empty data. Resolves false when it answered the request.
 */
export async function authenticateRequest(
  verifier: TokenVerifier,
  req: IncomingMessage,
  res: ServerResponse,
  options: { required?: boolean } = {},
): Promise<boolean> {
  const header = req.headers.authorization;
  if (header === undefined) {
    if (!options.required) return true;
    res.setHeader("WWW-Authenticate", "Bearer");
    sendError(res, 401, "UNAUTHENTICATED", "Sign in: this needs an access token (Authorization: Bearer <token>).");
    return false;
  }
  try {
    rememberClaims(req, await verifyBearer(verifier, header));
    return true;
  } catch (error) {
    if (!(error instanceof TokenError)) throw error;
    res.setHeader("WWW-Authenticate", `Bearer error="invalid_token"`);
    sendError(res, 401, error.code, error.message);
    return false;
  }
}

/** `authenticateRequest` as Express middleware. */
export function authenticate(verifier: TokenVerifier, options: { required?: boolean } = {}): RequestHandler {
  return (req, res, next) => {
    authenticateRequest(verifier, req, res, options).then((go) => go && next(), next);
  };
}
