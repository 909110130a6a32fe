import { createHash, createHmac, randomBytes } from "node:crypto";
import type { Pool } from "pg";
import type { Config } from "../config";
import { hashPassword, passwordProblem, PasswordVerifier } from "./passwords";
import { RateLimiter } from "./rate-limit";
import type { RevocationSet } from "./revocation";
import { issueAccessToken, type AccessClaims } from "./tokens";
import { mailLink } from "../mail/links";

/** An auth failure the HTTP layer turns into `{ error: { code, message } }`. */
export class AuthError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "AuthError";
  }
}

export interface TokenPair {
  accessToken: string;
  tokenType: "Bearer";
  expiresIn: number;
  refreshToken: string;
  refreshExpiresIn: number;
}

export interface ClientInfo {
  userAgent: string | null;
  ip: string | null;
}

export type LogoutScope = "local" | "global" | "others";

export interface SessionView {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  userAgent: string | null;
  ipAddress: string | null;
  current: boolean;
}

const REFRESH_PREFIX = "nxr_";
const RESET_TTL_SECONDS = 60 * 60;
const VERIFICATION_TTL_SECONDS = 24 * 60 * 60;
const INVALID_CREDENTIALS = "The email, username or password is not correct.";

export const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");
export const newSecretToken = (prefix: string) => `${prefix}${randomBytes(32).toString("base64url")}`;

function validIp(ip: string | null): string | null {
  if (!ip) return null;
  const bare = ip.startsWith("::ffff:") ? ip.slice(7) : ip;
  return /^[0-9a-fA-F:.]+$/.test(bare) ? bare : null;
}

/**
 * Sign-in, refresh rotation, revocation and passwords. Every database step
 * is one call of a nexus_auth function through the authenticator's login
 * role; the functions decide, this class hashes, signs and keeps time.
 */
export class AuthService {
  private readonly passwords = new PasswordVerifier();
  private readonly ipLimiter: RateLimiter;
  private readonly accountLimiter: RateLimiter;

  constructor(
    private readonly config: Config,
    private readonly pool: Pool,
    private readonly revocations: RevocationSet,
    private readonly log: (message: string) => void = (message) => process.stdout.write(`${message}\n`),
  ) {
    this.ipLimiter = new RateLimiter(config.login.attemptsPerIpPerMinute, 60_000);
    this.accountLimiter = new RateLimiter(config.login.attemptsPerAccountPerMinute, 60_000);
  }

  /** The successor of a refresh token: keyed, so only this gateway can derive it. */
  private successorOf(refreshToken: string): string {
    return REFRESH_PREFIX + createHmac("sha256", this.config.jwt.key.refreshSecret).update(refreshToken).digest("base64url");
  }

  private pair(subject: { userId: string; tenantId: string; sessionId: string }, refreshToken: string): TokenPair {
    const access = issueAccessToken(this.config.jwt, subject);
    return {
      accessToken: access.token,
      tokenType: "Bearer",
      expiresIn: access.expiresIn,
      refreshToken,
      refreshExpiresIn: this.config.jwt.refreshTokenTtlSeconds,
    };
  }

  private refreshExpiry(): Date {
    return new Date(Date.now() + this.config.jwt.refreshTokenTtlSeconds * 1000);
  }

  async login(identifier: unknown, password: unknown, client: ClientInfo): Promise<TokenPair> {
    if (typeof identifier !== "string" || identifier.trim() === "" || identifier.length > 320) {
      throw new AuthError(400, "invalid_request", "Send { email | username, password }.");
    }
    if (typeof password !== "string" || password.length === 0 || password.length > 1024) {
      throw new AuthError(400, "invalid_request", "Send { email | username, password }.");
    }
    const account = identifier.trim().toLowerCase();
    const byIp = this.ipLimiter.hit(client.ip ?? "unknown");
    const byAccount = this.accountLimiter.hit(account);
    const wait = Math.max(byIp, byAccount);
    if (wait > 0) throw new AuthError(429, "rate_limited", "Too many sign-in attempts; try again later.", wait);

    const { rows } = await this.pool.query<{ user_id: string; tenant_id: string; password_hash: string; is_active: boolean; locked_until: Date | null }>(
      "select * from nexus_auth.find_login($1)",
      [account],
    );
    const user = rows[0];
    if (user?.locked_until && user.locked_until.getTime() > Date.now()) {
      const retry = Math.ceil((user.locked_until.getTime() - Date.now()) / 1000);
      throw new AuthError(423, "account_locked", "Too many failed sign-ins; the account is locked for a while.", retry);
    }
    const ok = await this.passwords.verify(user?.password_hash ?? null, password);
    if (!user || !ok || !user.is_active) {
      if (user && !ok) {
        await this.pool.query("select nexus_auth.record_login_failure($1, $2, $3)", [
          user.user_id,
          this.config.login.maxFailures,
          this.config.login.lockSeconds,
        ]);
      }
      throw new AuthError(401, "invalid_credentials", INVALID_CREDENTIALS);
    }
    const refreshToken = newSecretToken(REFRESH_PREFIX);
    const { rows: started } = await this.pool.query<{ session_id: string; tenant_id: string }>(
      "select * from nexus_auth.start_session($1, $2, $3, $4, $5)",
      [user.user_id, sha256(refreshToken), this.refreshExpiry(), client.userAgent, validIp(client.ip)],
    );
    return this.pair({ userId: user.user_id, tenantId: started[0]!.tenant_id, sessionId: started[0]!.session_id }, refreshToken);
  }

  /**
   * Rotation with reuse detection. A token presented again within the grace
   * window (two tabs refreshing at once) gets the family's current token:
   * successors are derived, so it is recomputed, never stored.
   */
  async refresh(refreshToken: unknown, client: ClientInfo): Promise<TokenPair> {
    if (typeof refreshToken !== "string" || !refreshToken.startsWith(REFRESH_PREFIX) || refreshToken.length > 200) {
      throw new AuthError(401, "invalid_refresh_token", "The refresh token is missing or invalid.");
    }
    const successor = this.successorOf(refreshToken);
    const { rows } = await this.pool.query<{ outcome: string; user_id: string; tenant_id: string; session_id: string; hops: number }>(
      "select * from nexus_auth.refresh_session($1, $2, $3, $4, $5, $6)",
      [sha256(refreshToken), sha256(successor), this.refreshExpiry(), this.config.jwt.refreshGraceSeconds, client.userAgent, validIp(client.ip)],
    );
    const result = rows[0]!;
    switch (result.outcome) {
      case "rotated":
        return this.pair({ userId: result.user_id, tenantId: result.tenant_id, sessionId: result.session_id }, successor);
      case "grace": {
        let current = refreshToken;
        for (let hop = 0; hop < result.hops; hop++) current = this.successorOf(current);
        return this.pair({ userId: result.user_id, tenantId: result.tenant_id, sessionId: result.session_id }, current);
      }
      case "reused":
        this.revocations.remember("session", result.session_id, new Date());
        await this.revocations.sync();
        throw new AuthError(401, "refresh_token_reused", "This refresh token was already used; the session has been ended. Sign in again.");
      case "expired":
        throw new AuthError(401, "refresh_token_expired", "The session has expired. Sign in again.");
      default:
        throw new AuthError(401, "invalid_refresh_token", "The refresh token is missing or invalid.");
    }
  }

  private requireUser(claims: AccessClaims): { userId: string; sessionId: string | null } {
    if (!claims.userId) throw new AuthError(403, "forbidden", "This token does not belong to a Nexus user.");
    return { userId: claims.userId, sessionId: claims.sessionId };
  }

  private async revokeCurrentToken(claims: AccessClaims): Promise<void> {
    if (!claims.jti || !claims.userId) return;
    const expiresAt = new Date(claims.expiresAt * 1000);
    await this.pool.query("select nexus_auth.revoke_access_token($1, $2, $3)", [claims.jti, claims.userId, expiresAt]);
    this.revocations.remember("token", claims.jti, expiresAt);
  }

  async logout(claims: AccessClaims, scope: unknown): Promise<{ revokedSessions: number }> {
    const { userId, sessionId } = this.requireUser(claims);
    const chosen = (scope ?? "local") as LogoutScope;
    if (!["local", "global", "others"].includes(chosen)) {
      throw new AuthError(400, "invalid_request", "scope must be local, global or others.");
    }
    if (chosen === "local") {
      await this.revokeCurrentToken(claims);
      if (!sessionId) return { revokedSessions: 0 };
      const { rows } = await this.pool.query<{ revoked: boolean }>("select nexus_auth.revoke_session($1, 'logout') as revoked", [sessionId]);
      this.revocations.remember("session", sessionId, new Date());
      return { revokedSessions: rows[0]!.revoked ? 1 : 0 };
    }
    const except = chosen === "others" ? sessionId : null;
    if (chosen === "global") await this.revokeCurrentToken(claims);
    const { rows } = await this.pool.query<{ count: number }>(
      "select nexus_auth.revoke_user_sessions($1, $2, $3) as count",
      [userId, except, chosen === "global" ? "logout_global" : "logout_others"],
    );
    if (chosen === "global" && sessionId) this.revocations.remember("session", sessionId, new Date());
    await this.revocations.sync();
    return { revokedSessions: rows[0]!.count };
  }

  /** Revoke one access token (by jti, the caller's own) or one session (own, or any of the tenant's for its admins). */
  async revoke(claims: AccessClaims, body: { jti?: unknown; sessionId?: unknown }): Promise<void> {
    const { userId } = this.requireUser(claims);
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    if (typeof body.jti === "string" && body.sessionId === undefined) {
      if (!uuid.test(body.jti)) throw new AuthError(400, "invalid_request", "jti must be a UUID.");
      // An access token lives at most one TTL; keep its revocation that long.
      const expiresAt = new Date(Date.now() + this.config.jwt.accessTokenTtlSeconds * 1000);
      await this.pool.query("select nexus_auth.revoke_access_token($1, $2, $3)", [body.jti, userId, expiresAt]);
      this.revocations.remember("token", body.jti, expiresAt);
      return;
    }
    if (typeof body.sessionId === "string" && body.jti === undefined) {
      if (!uuid.test(body.sessionId)) throw new AuthError(400, "invalid_request", "sessionId must be a UUID.");
      const { rows } = await this.pool.query<{ user_id: string; tenant_id: string }>("select * from nexus_auth.session_owner($1)", [body.sessionId]);
      const owner = rows[0];
      let allowed = owner !== undefined && owner.user_id === userId;
      if (owner && !allowed && owner.tenant_id === claims.tenantId) {
        const { rows: permitted } = await this.pool.query<{ ok: boolean }>(
          "select nexus_auth.user_has_permission($1, 'UPDATE_USER_SESSIONS') as ok",
          [userId],
        );
        allowed = permitted[0]!.ok;
      }
      // Someone else's session answers like a missing one: nothing about other tenants leaks.
      if (!allowed) throw new AuthError(404, "not_found", "No such session.");
      await this.pool.query("select nexus_auth.revoke_session($1, 'revoked')", [body.sessionId]);
      this.revocations.remember("session", body.sessionId, new Date());
      return;
    }
    throw new AuthError(400, "invalid_request", "Send { jti } or { sessionId }.");
  }

  async sessions(claims: AccessClaims): Promise<SessionView[]> {
    const { userId, sessionId } = this.requireUser(claims);
    const { rows } = await this.pool.query<{ id: string; created_at: Date; last_seen_at: Date; expires_at: Date; user_agent: string | null; ip_address: string | null }>(
      "select * from nexus_auth.list_sessions($1)",
      [userId],
    );
    return rows.map((row) => ({
      id: row.id,
      createdAt: row.created_at.toISOString(),
      lastSeenAt: row.last_seen_at.toISOString(),
      expiresAt: row.expires_at.toISOString(),
      userAgent: row.user_agent,
      ipAddress: row.ip_address,
      current: row.id === sessionId,
    }));
  }

  async changePassword(claims: AccessClaims, current: unknown, next: unknown): Promise<{ revokedSessions: number }> {
    const { userId, sessionId } = this.requireUser(claims);
    if (typeof current !== "string") throw new AuthError(400, "invalid_request", "Send { currentPassword, newPassword }.");
    const problem = passwordProblem(next);
    if (problem) throw new AuthError(400, "weak_password", problem);
    const { rows } = await this.pool.query<{ password_hash: string }>("select * from nexus_auth.user_credentials($1)", [userId]);
    if (!(await this.passwords.verify(rows[0]?.password_hash ?? null, current))) {
      throw new AuthError(401, "invalid_credentials", "The current password is not correct.");
    }
    const { rows: changed } = await this.pool.query<{ count: number }>(
      "select nexus_auth.set_password($1, $2, $3, 'password_changed') as count",
      [userId, await hashPassword(next as string), sessionId],
    );
    await this.revocations.sync();
    return { revokedSessions: changed[0]!.count };
  }

  /** Told of every mail queued in the outbox (its delivery, src/mail/delivery.ts); null: the outbox only. */
  mailQueued: ((id: string) => Promise<void>) | null = null;

  /** Queues a mail; also used by invitations (src/auth/invitations.ts), whose invitee has no account yet. */
  async sendMail(tenantId: string, userId: string | null, to: string, subject: string, text: string, link: string): Promise<void> {
    const { rows } = await this.pool.query<{ id: string }>("select nexus_auth.enqueue_mail($1, $2, $3, $4, $5) as id", [tenantId, userId, to, subject, `${text}\n\n${link}\n`]);
    await this.mailQueued?.(rows[0]!.id);
    if (this.config.env !== "production") this.log(`nexus: mail to ${to}: ${subject}: ${link}`);
  }

  /** Always answers the same way, whether or not the email belongs to anyone. */
  async requestPasswordReset(email: unknown): Promise<void> {
    if (typeof email !== "string" || !email.includes("@") || email.length > 320) {
      throw new AuthError(400, "invalid_request", "Send { email }.");
    }
    const token = newSecretToken("nxp_");
    const expiresAt = new Date(Date.now() + RESET_TTL_SECONDS * 1000);
    const { rows } = await this.pool.query<{ user_id: string; tenant_id: string; email: string }>(
      "select * from nexus_auth.request_password_reset($1, $2, $3)",
      [email.trim(), sha256(token), expiresAt],
    );
    const user = rows[0];
    if (!user) return;
    const link = mailLink(this.config, "reset-password", token);
    await this.sendMail(user.tenant_id, user.user_id, user.email, "Reset your Nexus password", "Open this link within an hour to choose a new password:", link);
  }

  async confirmPasswordReset(token: unknown, password: unknown): Promise<void> {
    if (typeof token !== "string" || !token.startsWith("nxp_")) throw new AuthError(400, "invalid_token", "The reset link is invalid or has expired.");
    const problem = passwordProblem(password);
    if (problem) throw new AuthError(400, "weak_password", problem);
    const { rows } = await this.pool.query<{ user_id: string | null }>(
      "select nexus_auth.confirm_password_reset($1, $2) as user_id",
      [sha256(token), await hashPassword(password as string)],
    );
    if (!rows[0]!.user_id) throw new AuthError(400, "invalid_token", "The reset link is invalid or has expired.");
    await this.revocations.sync();
  }

  async requestEmailVerification(claims: AccessClaims): Promise<{ alreadyVerified: boolean }> {
    const { userId } = this.requireUser(claims);
    const token = newSecretToken("nxv_");
    const expiresAt = new Date(Date.now() + VERIFICATION_TTL_SECONDS * 1000);
    const { rows } = await this.pool.query<{ tenant_id: string; email: string; email_verified: boolean }>(
      "select * from nexus_auth.request_email_verification($1, $2, $3)",
      [userId, sha256(token), expiresAt],
    );
    const user = rows[0];
    if (!user) throw new AuthError(404, "not_found", "No such user.");
    if (user.email_verified) return { alreadyVerified: true };
    const link = mailLink(this.config, "verify-email", token);
    await this.sendMail(user.tenant_id, userId, user.email, "Confirm your email address", "Open this link to confirm your email address:", link);
    return { alreadyVerified: false };
  }

  async confirmEmailVerification(token: unknown): Promise<void> {
    if (typeof token !== "string" || !token.startsWith("nxv_")) throw new AuthError(400, "invalid_token", "The verification link is invalid or has expired.");
    const { rows } = await this.pool.query<{ user_id: string | null }>("select nexus_auth.confirm_email_verification($1) as user_id", [sha256(token)]);
    if (!rows[0]!.user_id) throw new AuthError(400, "invalid_token", "The verification link is invalid or has expired.");
  }

  /** Deletes revocations and tokens that can no longer matter. */
  async pruneExpired(): Promise<void> {
    await this.pool.query("select * from nexus_auth.prune_expired()");
  }
}

