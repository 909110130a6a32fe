import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestHandler } from "express";
import { sendError } from "../http/errors";
import type { ExternalIssuer } from "./external";
import type { RevocationSet } from "./revocation";
import { TokenError, verifyAccessToken, type AccessClaims } from "./tokens";
import type { JwtConfig } from "../config";

const claimsByRequest = new WeakMap<IncomingMessage, AccessClaims>();

/** The verified claims of this request, or null for an anonymous one. */
export function requestClaims(req: IncomingMessage): AccessClaims | null {
  return claimsByRequest.get(req) ?? null;
}

export interface TokenVerifier {
  jwt: JwtConfig;
  external: ExternalIssuer | null;
  revocations: RevocationSet;
  /**
   * false skips the revocation check: only `npm run bench` sets it, through
   * createGateway's option, to measure what the check costs. No
   * configuration reaches it.
   */
  checkRevocation?: boolean;
}

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)$/;

/** Verifies a bearer token fully: signature, claims, then revocation of the token and its session. */
export async function verifyBearer(verifier: TokenVerifier, header: string): Promise<AccessClaims> {
  const match = BEARER.exec(header.trim());
  if (!match) {
    // A header of the right form whose token is not a JWT is told so, not told the form it already has.
    throw /^Bearer \S+$/.test(header.trim())
      ? new TokenError("INVALID_TOKEN", "The bearer token is not a JWT (three base64url parts separated by dots): send the accessToken from /auth/login.")
      : new TokenError("INVALID_TOKEN", "The Authorization header must be 'Bearer <access token>'.");
  }
  const claims = await verifyAccessToken(verifier.jwt, match[1]!, verifier.external);
  if (verifier.checkRevocation !== false && (await verifier.revocations.isRevoked(claims.jti, claims.sessionId))) {
    throw new TokenError("TOKEN_REVOKED", "The access token has been revoked.");
  }
  return claims;
}

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
    claimsByRequest.set(req, await verifyBearer(verifier, header));
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
