import { randomUUID } from "node:crypto";

import jwt from "jsonwebtoken";

import type { JwtConfig } from "../config";
import type { ExternalIssuer } from "./external";
import { type AccessClaims, invalid, peek, UUID, verifySignature } from "./jwt";

export interface IssuedAccessToken {
  token: string;
  jti: string;
  expiresIn: number;
  expiresAt: number;
}

export function issueAccessToken(config: JwtConfig, subject: { userId: string; tenantId: string; sessionId: string }): IssuedAccessToken {
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

function verifyOwnToken(config: JwtConfig, token: string, header: jwt.JwtHeader): AccessClaims {
  if (header.kid !== config.key.kid) throw invalid("The access token was signed with an unknown key.");
  const payload = verifySignature(token, config.key.verificationKey, {
    algorithm: config.key.algorithm,
    issuer: config.issuer,
    audience: config.audience,
    clockTolerance: config.clockToleranceSeconds,
  });
  const { sub, tenant_id, sid, jti, exp } = payload;
  for (const [name, value] of [
    ["sub", sub],
    ["tenant_id", tenant_id],
    ["sid", sid],
    ["jti", jti],
  ] as const) {
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
