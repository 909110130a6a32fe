import { createPublicKey, type JsonWebKey, type KeyObject } from "node:crypto";

import type jwt from "jsonwebtoken";

import type { ExternalIssuerConfig } from "../config";
import { type AccessClaims, TokenError, UUID, verifySignature } from "./jwt";

interface KnownKey {
  key: KeyObject;
  algorithm: jwt.Algorithm;
}

const JWKS_MAX_AGE_MS = 10 * 60_000;
/** A token with an unknown kid may trigger a refetch, but not more often than this. */
const JWKS_MIN_REFETCH_MS = 30_000;
const JWKS_TIMEOUT_MS = 5_000;
const ALGORITHM_OF_KEY: Record<string, jwt.Algorithm> = { RSA: "RS256", EC: "ES256" };

const invalid = (message: string) => new TokenError("INVALID_TOKEN", message);

/** Reads the tenant id at a dotted path such as app_metadata.organization_id. */
function claimAt(payload: Record<string, unknown>, path: string): unknown {
  return path
    .split(".")
    .reduce<unknown>((value, key) => (value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined), payload);
}

/**
 * Tokens of an external identity provider (a Supabase-style setup, the
 * tenant id at a configured claim path), verified against its JWKS. Each
 * key is pinned to the one algorithm its JWK names (or its key type
 * implies); HS* keys are never accepted from a JWKS.
 */
export class ExternalIssuer {
  private keys = new Map<string, KnownKey>();
  private fetchedAt = 0;
  private fetching: Promise<void> | null = null;

  constructor(
    private readonly config: ExternalIssuerConfig,
    private readonly clockTolerance: number,
  ) {}

  get issuer(): string {
    return this.config.issuer;
  }

  private async refresh(): Promise<void> {
    this.fetching ??= (async () => {
      try {
        const response = await fetch(this.config.jwksUrl, { signal: AbortSignal.timeout(JWKS_TIMEOUT_MS) });
        if (!response.ok) throw new Error(`JWKS answered ${response.status}`);
        const body = (await response.json()) as { keys?: Array<JsonWebKey & { kid?: string; alg?: string; use?: string }> };
        const keys = new Map<string, KnownKey>();
        for (const jwk of body.keys ?? []) {
          if (!jwk.kid || (jwk.use && jwk.use !== "sig") || jwk.kty === "oct") continue;
          const algorithm = (jwk.alg ?? ALGORITHM_OF_KEY[jwk.kty ?? ""]) as jwt.Algorithm | undefined;
          if (!algorithm || algorithm.startsWith("HS") || algorithm === "none") continue;
          try {
            keys.set(jwk.kid, { key: createPublicKey({ key: jwk, format: "jwk" }), algorithm });
          } catch {
            // a malformed key in the set makes only that key unusable
          }
        }
        this.keys = keys;
        this.fetchedAt = Date.now();
      } finally {
        this.fetching = null;
      }
    })();
    return this.fetching;
  }

  private async keyFor(kid: string): Promise<KnownKey | undefined> {
    const age = Date.now() - this.fetchedAt;
    if (age > JWKS_MAX_AGE_MS || (!this.keys.has(kid) && age > JWKS_MIN_REFETCH_MS)) {
      try {
        await this.refresh();
      } catch {
        // keep the keys we had; an unknown kid stays unknown
      }
    }
    return this.keys.get(kid);
  }

  async verify(token: string, header: jwt.JwtHeader): Promise<AccessClaims> {
    if (!header.kid) throw invalid("The access token names no key (kid).");
    const known = await this.keyFor(header.kid);
    if (!known) throw invalid("The access token was signed with an unknown key.");
    if (header.alg !== known.algorithm) throw invalid("The access token uses an algorithm its key does not allow.");
    const payload = verifySignature(token, known.key, {
      algorithm: known.algorithm,
      issuer: this.config.issuer,
      audience: this.config.audience,
      clockTolerance: this.clockTolerance,
    });
    const tenantId = claimAt(payload, this.config.tenantClaimPath);
    if (typeof tenantId !== "string" || !UUID.test(tenantId)) {
      throw invalid(`The access token lacks a tenant id at ${this.config.tenantClaimPath}.`);
    }
    const sub = typeof payload.sub === "string" && UUID.test(payload.sub) ? payload.sub : null;
    const jti = typeof payload.jti === "string" && UUID.test(payload.jti) ? payload.jti : null;
    return { userId: sub, tenantId, sessionId: null, jti, expiresAt: payload.exp!, issuer: "external" };
  }
}
