import type { IncomingMessage } from "node:http";

import type { JwtConfig } from "../config";
import type { ExternalIssuer } from "./external";
import { type AccessClaims, TokenError } from "./jwt";
import type { RevocationSet } from "./revocation";
import { verifyAccessToken } from "./tokens";

const claimsByRequest = new WeakMap<IncomingMessage, AccessClaims>();

/** Keeps the verified claims of a request, for `requestClaims` (src/http/authenticate.ts sets them). */
export function rememberClaims(req: IncomingMessage, claims: AccessClaims): void {
  claimsByRequest.set(req, claims);
}

/** The verified claims of this request, or null for an anonymous one. */
export function requestClaims(req: IncomingMessage): AccessClaims | null {
  return claimsByRequest.get(req) ?? null;
}

export interface TokenVerifier {
  jwt: JwtConfig;
  external: ExternalIssuer | null;
  revocations: RevocationSet;
}

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)$/;

/** Verifies a bearer token fully: signature, claims, then revocation of the token and its session. */
export async function verifyBearer(verifier: TokenVerifier, header: string): Promise<AccessClaims> {
  const match = BEARER.exec(header.trim());
  if (!match) {
    // A header of the right form whose token is not a JWT is told so, not told the form it already has.
    throw /^Bearer \S+$/.test(header.trim())
      ? new TokenError(
          "INVALID_TOKEN",
          "The bearer token is not a JWT (three base64url parts separated by dots): send the accessToken from /auth/login.",
        )
      : new TokenError("INVALID_TOKEN", "The Authorization header must be 'Bearer <access token>'.");
  }
  const claims = await verifyAccessToken(verifier.jwt, match[1]!, verifier.external);
  if (await verifier.revocations.isRevoked(claims.jti, claims.sessionId)) {
    throw new TokenError("TOKEN_REVOKED", "The access token has been revoked.");
  }
  return claims;
}
