import { createHmac, timingSafeEqual } from "node:crypto";

import type { Config } from "../config";

/** Whom a signed download link acts for: the signed-in user who asked for the file's url, in their session. */
export interface LinkClaims {
  fileId: string;
  tenantId: string;
  userId: string;
  sessionId: string | null;
  /** Seconds since the epoch. */
  expiresAt: number;
}

export type LinkCheck = { ok: true; claims: LinkClaims } | { ok: false; reason: "invalid" | "expired" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Short-lived download links for `<img src>`, which cannot send a bearer
 * token. A link is `<claims>.<HMAC-SHA256>`: the file, tenant, user and
 * session it was minted for and its expiry, signed with a key derived from
 * the token-signing secret (never the secret itself, so a link can never
 * be taken for a token). The download re-reads the row as that user
 * through RLS, and refuses a link whose session has been revoked: the
 * revocation set keeps a revoked session for an access token's lifetime,
 * which no link outlives (NEXUS_FILES_LINK_TTL_SECONDS is capped by it).
 */
export class FileLinks {
  private readonly key: Buffer;
  private readonly ttlSeconds: number;
  private readonly publicUrl: string;

  constructor(config: Pick<Config, "jwt" | "files" | "publicUrl">) {
    this.key = createHmac("sha256", config.jwt.key.refreshSecret).update("nexus file links").digest();
    this.ttlSeconds = config.files.linkTtlSeconds;
    this.publicUrl = config.publicUrl;
  }

  /** The signed download URL of a file, for the user (and session) it is minted for. */
  url(claims: Omit<LinkClaims, "expiresAt">, now = Date.now()): string {
    return `${this.publicUrl}/files/${claims.fileId}/content?link=${this.mint(claims, now)}`;
  }

  mint(claims: Omit<LinkClaims, "expiresAt">, now = Date.now()): string {
    const expiresAt = Math.floor(now / 1000) + this.ttlSeconds;
    const body = Buffer.from([claims.tenantId, claims.userId, claims.sessionId ?? "", expiresAt].join(":")).toString("base64url");
    return `${body}.${this.sign(claims.fileId, body)}`;
  }

  check(fileId: string, link: string, now = Date.now()): LinkCheck {
    const [body, signature, extra] = link.split(".");
    if (!body || !signature || extra !== undefined) return { ok: false, reason: "invalid" };
    const expected = Buffer.from(this.sign(fileId, body));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "invalid" };
    const [tenantId, userId, sessionId, expires] = Buffer.from(body, "base64url").toString().split(":");
    if (!UUID.test(tenantId ?? "") || !UUID.test(userId ?? "") || !/^\d+$/.test(expires ?? "")) return { ok: false, reason: "invalid" };
    if (Number(expires) <= Math.floor(now / 1000)) return { ok: false, reason: "expired" };
    return { ok: true, claims: { fileId, tenantId: tenantId!, userId: userId!, sessionId: sessionId || null, expiresAt: Number(expires) } };
  }

  private sign(fileId: string, body: string): string {
    return createHmac("sha256", this.key).update(`${fileId.toLowerCase()}\n${body}`).digest("base64url");
  }
}
