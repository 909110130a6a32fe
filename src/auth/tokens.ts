import { randomUUID } from "node:crypto";
import jwt from "jsonwebtoken";
import type { JwtConfig } from "../config";

/** The claims the gateway relies on, after verification. */
export interface AccessClaims {
  /** User id. */
  sub: string;
  tenant_id: string;
  /** Session id. */
  sid?: string;
  jti?: string;
  exp: number;
  iat: number;
}

export type TokenErrorCode = "invalid_token" | "token_expired";

export class TokenError extends Error {
  constructor(
    readonly code: TokenErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "TokenError";
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** One algorithm per key: an HS256 secret is never accepted for any other algorithm. */
const ALGORITHM = "HS256" as const;

export function issueAccessToken(
  config: JwtConfig,
  subject: { userId: string; tenantId: string; sessionId?: string },
  options: { expiresInSeconds?: number; jti?: string } = {},
): string {
  return jwt.sign(
    { tenant_id: subject.tenantId, ...(subject.sessionId ? { sid: subject.sessionId } : {}) },
    config.key,
    {
      algorithm: ALGORITHM,
      subject: subject.userId,
      issuer: config.issuer,
      audience: config.audience,
      expiresIn: options.expiresInSeconds ?? config.accessTokenTtlSeconds,
      jwtid: options.jti ?? randomUUID(),
    },
  );
}

/**
 * Verifies signature, algorithm, exp/nbf (with bounded skew), iss and aud,
 * then the shape of the claims the database will see. Throws TokenError.
 */
export function verifyAccessToken(config: JwtConfig, token: string): AccessClaims {
  let payload: string | jwt.JwtPayload;
  try {
    payload = jwt.verify(token, config.key, {
      algorithms: [ALGORITHM],
      issuer: config.issuer,
      audience: config.audience,
      clockTolerance: config.clockToleranceSeconds,
    });
  } catch (error) {
    if (error instanceof jwt.TokenExpiredError) throw new TokenError("token_expired", "The access token has expired.");
    throw new TokenError("invalid_token", "The access token is invalid.");
  }
  if (typeof payload === "string") throw new TokenError("invalid_token", "The access token is invalid.");
  const { sub, tenant_id, sid, jti, exp, iat } = payload;
  if (typeof sub !== "string" || !UUID.test(sub) || typeof tenant_id !== "string" || !UUID.test(tenant_id)) {
    throw new TokenError("invalid_token", "The access token lacks a valid sub or tenant_id claim.");
  }
  if (sid !== undefined && (typeof sid !== "string" || !UUID.test(sid))) {
    throw new TokenError("invalid_token", "The access token has an invalid sid claim.");
  }
  if (typeof exp !== "number" || typeof iat !== "number") {
    throw new TokenError("invalid_token", "The access token lacks exp or iat.");
  }
  return { sub, tenant_id, exp, iat, ...(sid ? { sid } : {}), ...(typeof jti === "string" ? { jti } : {}) };
}

/** The PostgreSQL settings of one request, applied with set_config(..., true) by PostGraphile. */
export function pgSettingsFor(claims: AccessClaims | null): Record<string, string> {
  if (!claims) return { role: "nexus_anonymous" };
  return {
    role: "nexus_user",
    "jwt.claims.tenant_id": claims.tenant_id,
    "jwt.claims.user_id": claims.sub,
    ...(claims.sid ? { "jwt.claims.session_id": claims.sid } : {}),
  };
}
