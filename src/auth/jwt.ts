import type { KeyObject } from "node:crypto";

import jwt from "jsonwebtoken";

import type { ErrorCode } from "../errors/codes";

/*
 * JWT primitives shared by this gateway's own tokens (tokens.ts) and an
 * external issuer's (external.ts): the claims a verified token yields, its
 * error, and signature verification with one algorithm per key. A leaf:
 * it imports nothing of the project but the error-code catalog, so both verifiers can build on it.
 */

/** Who a verified access token speaks for. */
export interface AccessClaims {
  /** null for an external token whose subject is not a Nexus user id. */
  userId: string | null;
  tenantId: string;
  sessionId: string | null;
  jti: string | null;
  /** Seconds since the epoch. */
  expiresAt: number;
  issuer: "nexus" | "external";
}

export type TokenErrorCode = Extract<ErrorCode, "INVALID_TOKEN" | "TOKEN_EXPIRED" | "TOKEN_REVOKED">;

export class TokenError extends Error {
  constructor(
    readonly code: TokenErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "TokenError";
  }
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const invalid = (message = "The access token is invalid.") => new TokenError("INVALID_TOKEN", message);

/** Header and payload without verification: only to route the token to its verifier. */
export function peek(token: string): { header: jwt.JwtHeader; payload: jwt.JwtPayload } {
  const decoded = jwt.decode(token, { complete: true });
  if (!decoded || typeof decoded.payload === "string") throw invalid();
  return { header: decoded.header, payload: decoded.payload };
}

/**
 * Signature, algorithm, exp/nbf (bounded skew), iss and aud. One algorithm
 * per key, so neither `alg: none` nor an HS256 token signed with a public
 * key can pass.
 */
export function verifySignature(
  token: string,
  key: KeyObject,
  options: { algorithm: jwt.Algorithm; issuer: string; audience: string; clockTolerance: number },
): jwt.JwtPayload {
  try {
    const payload = jwt.verify(token, key, {
      algorithms: [options.algorithm],
      issuer: options.issuer,
      audience: options.audience,
      clockTolerance: options.clockTolerance,
    });
    if (typeof payload === "string") throw invalid();
    if (typeof payload.exp !== "number") throw invalid("The access token has no expiry.");
    return payload;
  } catch (error) {
    if (error instanceof TokenError) throw error;
    if (error instanceof jwt.TokenExpiredError) throw new TokenError("TOKEN_EXPIRED", "The access token has expired.");
    if (error instanceof jwt.NotBeforeError) throw invalid("The access token is not valid yet.");
    throw invalid();
  }
}
