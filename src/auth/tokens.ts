import { randomUUID, type KeyObject } from "node:crypto";
import jwt from "jsonwebtoken";
import type { JwtConfig } from "../config";
import type { ExternalIssuer } from "./external";
import type { ErrorCode } from "../errors/codes";

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

const invalid = (message = "The access token is invalid.") => new TokenError("INVALID_TOKEN", message);

export interface IssuedAccessToken {
  token: string;
  jti: string;
  expiresIn: number;
  expiresAt: number;
}

export function issueAccessToken(
  config: JwtConfig,
  subject: { userId: string; tenantId: string; sessionId: string },
): IssuedAccessToken {
  const jti = randomUUID();
  const now = Math.floor(Date.now() / 1000);
  const token = jwt.sign({ tenant_id: subject.tenantId, sid: subject.sessionId }, config.key.signingKey, {
    algorithm: config.key.algorithm,
    keyid: config.key.kid,
    subject: subject.userId,
    issuer: config.issuer,
    audience: config.audience,
    expiresIn: config.accessTokenTtlSeconds,
    jwtid: jti,
  });
  return { token, jti, expiresIn: config.accessTokenTtlSeconds, expiresAt: now + config.accessTokenTtlSeconds };
}

/** Header and payload without verification: only to route the token to its verifier. */
function peek(token: string): { header: jwt.JwtHeader; payload: jwt.JwtPayload } {
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

function verifyOwnToken(config: JwtConfig, token: string, header: jwt.JwtHeader): AccessClaims {
  if (header.kid !== config.key.kid) throw invalid("The access token was signed with an unknown key.");
  const payload = verifySignature(token, config.key.verificationKey, {
    algorithm: config.key.algorithm,
    issuer: config.issuer,
    audience: config.audience,
    clockTolerance: config.clockToleranceSeconds,
  });
  const { sub, tenant_id, sid, jti, exp } = payload;
  for (const [name, value] of [["sub", sub], ["tenant_id", tenant_id], ["sid", sid], ["jti", jti]] as const) {
    if (typeof value !== "string" || !UUID.test(value)) throw invalid(`The access token lacks a valid ${name} claim.`);
  }
  return {
    userId: sub as string,
    tenantId: tenant_id as string,
    sessionId: sid as string,
    jti: jti as string,
    expiresAt: exp!,
    issuer: "nexus",
  };
}

/**
 * Verifies an access token of this gateway or, when configured, of the
 * external identity provider. Revocation is checked by the caller.
 */
export async function verifyAccessToken(config: JwtConfig, token: string, external: ExternalIssuer | null): Promise<AccessClaims> {
  const { header, payload } = peek(token);
  if (payload.iss === config.issuer) return verifyOwnToken(config, token, header);
  if (external && payload.iss === external.issuer) return external.verify(token, header);
  throw invalid("The access token comes from an unknown issuer.");
}

/** The PostgreSQL settings of one request, applied with set_config(..., true) by PostGraphile. */
export function pgSettingsFor(claims: AccessClaims | null): Record<string, string> {
  if (!claims) return { role: "nexus_anonymous" };
  return {
    role: "nexus_user",
    "jwt.claims.tenant_id": claims.tenantId,
    ...(claims.userId ? { "jwt.claims.user_id": claims.userId } : {}),
    ...(claims.sessionId ? { "jwt.claims.session_id": claims.sessionId } : {}),
  };
}
