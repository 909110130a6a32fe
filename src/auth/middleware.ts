import type { Request, RequestHandler } from "express";
import { sendError } from "../http/errors";
import type { ExternalIssuer } from "./external";
import type { RevocationSet } from "./revocation";
import { TokenError, verifyAccessToken, type AccessClaims } from "./tokens";
import type { JwtConfig } from "../config";

const claimsByRequest = new WeakMap<Request, AccessClaims>();

/** The verified claims of this request, or null for an anonymous one. */
export function requestClaims(req: Request): AccessClaims | null {
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
  if (!match) throw new TokenError("invalid_token", "The Authorization header must be 'Bearer <access token>'.");
  const claims = await verifyAccessToken(verifier.jwt, match[1]!, verifier.external);
  if (verifier.checkRevocation !== false && (await verifier.revocations.isRevoked(claims.jti, claims.sessionId))) {
    throw new TokenError("token_revoked", "The access token has been revoked.");
  }
  return claims;
}

/**
 * Verifies `Authorization: Bearer <jwt>` before GraphQL or an /auth route
 * sees the request. No header: anonymous (or 401 where `required`). A
 * header that does not verify: 401, never anonymous, so a client with a
 * broken or revoked token learns it instead of seeing empty data.
 */
export function authenticate(verifier: TokenVerifier, options: { required?: boolean } = {}): RequestHandler {
  return async (req, res, next) => {
    const header = req.headers.authorization;
    if (header === undefined) {
      if (!options.required) return next();
      res.setHeader("WWW-Authenticate", "Bearer");
      return sendError(res, 401, "unauthenticated", "Sign in: this needs an access token (Authorization: Bearer <token>).");
    }
    try {
      claimsByRequest.set(req, await verifyBearer(verifier, header));
      next();
    } catch (error) {
      if (!(error instanceof TokenError)) return next(error);
      res.setHeader("WWW-Authenticate", `Bearer error="invalid_token"`);
      sendError(res, 401, error.code, error.message);
    }
  };
}
