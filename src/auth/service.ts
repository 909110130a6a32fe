import { createHash, createHmac, randomBytes } from "node:crypto";

import type { Pool } from "pg";

import type { Config } from "../config";
import type { ErrorCode } from "../errors/codes";
import { type AccessClaims, TokenError, UUID } from "./jwt";
import { mailLink } from "./mail-links";
import { deliverPasswordReset, type MailDeps, sendMail } from "./password-reset";
import { hashPassword, passwordProblem, PasswordVerifier } from "./passwords";
import { clientBucket, SignInThrottle, unknownAccount } from "./rate-limit";
import type { RevocationSet } from "./revocation";
import { issueAccessToken, verifyAccessToken } from "./tokens";

/** An auth failure the HTTP layer turns into `{ error: { code, message } }`. */
export class AuthError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
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
  private readonly throttle: SignInThrottle;

  constructor(
    private readonly config: Config,
    private readonly pool: Pool,
    private readonly revocations: RevocationSet,
    private readonly log: (message: string) => void = (message) => process.stdout.write(`${message}\n`),
  ) {
    this.throttle = new SignInThrottle(pool, config.login, config.passwordReset);
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

  async login(identifier: unknown, password: unknown, clientInfo: ClientInfo): Promise<TokenPair> {
    if (typeof identifier !== "string" || identifier.trim() === "" || identifier.length > 320) {
      throw new AuthError(400, "INVALID_REQUEST", "Send { email | username, password }.");
    }
    if (typeof password !== "string" || password.length === 0 || password.length > 1024) {
      throw new AuthError(400, "INVALID_REQUEST", "Send { email | username, password }.");
    }
    const identity = identifier.trim().toLowerCase();
    const client = clientBucket(clientInfo.ip);
    const { rows } = await this.pool.query<{ user_id: string; tenant_id: string; password_hash: string; is_active: boolean }>(
      "select user_id, tenant_id, password_hash, is_active from nexus_auth.find_login($1)",
      [identity],
    );
    const user = rows[0];
    // An unknown account is throttled and answered exactly like an existing
    // one, so neither the status codes nor the backoff tell them apart.
    const account = user?.user_id ?? unknownAccount(identity);
    const wait = await this.throttle.take(account, client);
    if (wait > 0) throw new AuthError(429, "RATE_LIMITED", "Too many sign-in attempts; try again later.", wait);
    const ok = await this.passwords.verify(user?.password_hash ?? null, password);
    if (!user || !ok || !user.is_active) {
      if (!ok) await this.throttle.failed(account, client);
      throw new AuthError(401, "INVALID_CREDENTIALS", INVALID_CREDENTIALS);
    }
    await this.throttle.succeeded(account, client);
    const refreshToken = newSecretToken(REFRESH_PREFIX);
    const { rows: started } = await this.pool.query<{ session_id: string; tenant_id: string }>(
      "select * from nexus_auth.start_session($1, $2, $3, $4, $5)",
      [user.user_id, sha256(refreshToken), this.refreshExpiry(), clientInfo.userAgent, validIp(clientInfo.ip)],
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
      throw new AuthError(401, "INVALID_REFRESH_TOKEN", "The refresh token is missing or invalid.");
    }
    const successor = this.successorOf(refreshToken);
    const { rows } = await this.pool.query<{ outcome: string; user_id: string; tenant_id: string; session_id: string; hops: number }>(
      "select * from nexus_auth.refresh_session($1, $2, $3, $4, $5, $6)",
      [
        sha256(refreshToken),
        sha256(successor),
        this.refreshExpiry(),
        this.config.jwt.refreshGraceSeconds,
        client.userAgent,
        validIp(client.ip),
      ],
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
        throw new AuthError(401, "REFRESH_TOKEN_REUSED", "This refresh token was already used; the session has been ended. Sign in again.");
      case "expired":
        throw new AuthError(401, "REFRESH_TOKEN_EXPIRED", "The session has expired. Sign in again.");
      default:
        throw new AuthError(401, "INVALID_REFRESH_TOKEN", "The refresh token is missing or invalid.");
    }
  }

  private requireUser(claims: AccessClaims): { userId: string; sessionId: string | null } {
    if (!claims.userId) throw new AuthError(403, "FORBIDDEN", "This token does not belong to a Nexus user.");
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
      throw new AuthError(400, "INVALID_REQUEST", "scope must be local, global or others.");
    }
    if (chosen === "local") {
      await this.revokeCurrentToken(claims);
      if (!sessionId) return { revokedSessions: 0 };
      const { rows } = await this.pool.query<{ revoked: boolean }>("select nexus_auth.revoke_session($1, 'logout') as revoked", [
        sessionId,
      ]);
      this.revocations.remember("session", sessionId, new Date());
      return { revokedSessions: rows[0]!.revoked ? 1 : 0 };
    }
    const except = chosen === "others" ? sessionId : null;
    if (chosen === "global") await this.revokeCurrentToken(claims);
    const { rows } = await this.pool.query<{ count: number }>("select nexus_auth.revoke_user_sessions($1, $2, $3) as count", [
      userId,
      except,
      chosen === "global" ? "logout_global" : "logout_others",
    ]);
    if (chosen === "global" && sessionId) this.revocations.remember("session", sessionId, new Date());
    await this.revocations.sync();
    return { revokedSessions: rows[0]!.count };
  }

  /** Whether the caller may end what belongs to `owner`: their own, or, for tenant admins, anything of their tenant. */
  private async mayRevokeFor(claims: AccessClaims, owner: { userId: string; tenantId: string } | undefined): Promise<boolean> {
    if (!owner) return false;
    if (owner.userId === claims.userId) return true;
    if (owner.tenantId !== claims.tenantId) return false;
    const { rows } = await this.pool.query<{ ok: boolean }>("select nexus_auth.user_has_permission($1, 'UPDATE_USER_SESSIONS') as ok", [
      claims.userId,
    ]);
    return rows[0]!.ok;
  }

  /**
   * Revoke one access token or one session, the caller's own or, for tenant
   * admins, one of their tenant. Access tokens are not stored, so a bare
   * `jti` cannot be traced to its owner: `{ jti }` is accepted only for the
   * token making the request, and any other token is named by sending it
   * (`{ accessToken }`), which proves whose it is. Anything else answers
   * like a missing token or session: nothing about other users leaks.
   */
  async revoke(claims: AccessClaims, body: { jti?: unknown; sessionId?: unknown; accessToken?: unknown }): Promise<void> {
    this.requireUser(claims);
    const given = [body.jti, body.sessionId, body.accessToken].filter((value) => value !== undefined).length;
    if (given === 1 && typeof body.jti === "string") {
      if (!UUID.test(body.jti)) throw new AuthError(400, "INVALID_REQUEST", "jti must be a UUID.");
      if (body.jti !== claims.jti) {
        throw new AuthError(404, "NOT_FOUND", "No such access token of yours; send another token of yours as { accessToken }.");
      }
      await this.revokeCurrentToken(claims);
      return;
    }
    if (given === 1 && typeof body.accessToken === "string") {
      let target: AccessClaims;
      try {
        target = await verifyAccessToken(this.config.jwt, body.accessToken, null);
      } catch (error) {
        // An expired token needs no revocation; one that does not verify names nothing.
        if (error instanceof TokenError && error.code === "TOKEN_EXPIRED") return;
        throw new AuthError(404, "NOT_FOUND", "No such access token.");
      }
      if (!target.userId || !target.jti || !(await this.mayRevokeFor(claims, { userId: target.userId, tenantId: target.tenantId }))) {
        throw new AuthError(404, "NOT_FOUND", "No such access token.");
      }
      const expiresAt = new Date(target.expiresAt * 1000);
      await this.pool.query("select nexus_auth.revoke_access_token($1, $2, $3)", [target.jti, target.userId, expiresAt]);
      this.revocations.remember("token", target.jti, expiresAt);
      return;
    }
    if (given === 1 && typeof body.sessionId === "string") {
      if (!UUID.test(body.sessionId)) throw new AuthError(400, "INVALID_REQUEST", "sessionId must be a UUID.");
      const { rows } = await this.pool.query<{ user_id: string; tenant_id: string }>("select * from nexus_auth.session_owner($1)", [
        body.sessionId,
      ]);
      const owner = rows[0] && { userId: rows[0].user_id, tenantId: rows[0].tenant_id };
      if (!(await this.mayRevokeFor(claims, owner))) throw new AuthError(404, "NOT_FOUND", "No such session.");
      await this.pool.query("select nexus_auth.revoke_session($1, 'revoked')", [body.sessionId]);
      this.revocations.remember("session", body.sessionId, new Date());
      return;
    }
    throw new AuthError(400, "INVALID_REQUEST", "Send { jti }, { accessToken } or { sessionId }.");
  }

  async sessions(claims: AccessClaims): Promise<SessionView[]> {
    const { userId, sessionId } = this.requireUser(claims);
    const { rows } = await this.pool.query<{
      id: string;
      created_at: Date;
      last_seen_at: Date;
      expires_at: Date;
      user_agent: string | null;
      ip_address: string | null;
    }>("select * from nexus_auth.list_sessions($1)", [userId]);
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

  /**
   * Guessing the current password here is guessing it at sign-in: the same
   * throttle, for the same account and client, so a stolen access token
   * cannot be turned into the password.
   */
  async changePassword(
    claims: AccessClaims,
    current: unknown,
    next: unknown,
    clientInfo: ClientInfo,
  ): Promise<{ revokedSessions: number }> {
    const { userId, sessionId } = this.requireUser(claims);
    if (typeof current !== "string") throw new AuthError(400, "INVALID_REQUEST", "Send { currentPassword, newPassword }.");
    const problem = passwordProblem(next);
    if (problem) throw new AuthError(400, "WEAK_PASSWORD", problem);
    const client = clientBucket(clientInfo.ip);
    const wait = await this.throttle.take(userId, client);
    if (wait > 0) throw new AuthError(429, "RATE_LIMITED", "Too many password attempts; try again later.", wait);
    const { rows } = await this.pool.query<{ password_hash: string }>("select * from nexus_auth.user_credentials($1)", [userId]);
    if (!(await this.passwords.verify(rows[0]?.password_hash ?? null, current))) {
      await this.throttle.failed(userId, client);
      throw new AuthError(401, "INVALID_CREDENTIALS", "The current password is not correct.");
    }
    await this.throttle.succeeded(userId, client);
    const { rows: changed } = await this.pool.query<{ count: number }>(
      "select nexus_auth.set_password($1, $2, $3, 'password_changed') as count",
      [userId, await hashPassword(next as string), sessionId],
    );
    await this.revocations.sync();
    return { revokedSessions: changed[0]!.count };
  }

  /** Told of every mail queued in the outbox (its delivery, src/mail/delivery.ts); null: the outbox only. */
  mailQueued: ((id: string) => Promise<void>) | null = null;

  private mailDeps(): MailDeps {
    return { pool: this.pool, config: this.config, log: this.log, mailQueued: (id) => this.mailQueued?.(id) ?? Promise.resolve() };
  }

  /** Queues a mail; also used by invitations (src/auth/invitations.ts), whose invitee has no account yet. */
  async sendMail(tenantId: string, userId: string | null, to: string, subject: string, text: string, link: string): Promise<void> {
    await sendMail(this.mailDeps(), { tenantId, userId, to, subject, text, link });
  }

  /**
   * Always answers the same way, and after the same work, whether or not the
   * email belongs to anyone: the request is checked and counted (per address
   * and per client), then answered; looking the address up, storing the
   * token and queueing the mail happen afterwards, in deliverPasswordReset.
   */
  async requestPasswordReset(email: unknown, clientInfo: ClientInfo): Promise<void> {
    if (typeof email !== "string" || !email.includes("@") || email.length > 320) {
      throw new AuthError(400, "INVALID_REQUEST", "Send { email }.");
    }
    const address = email.trim().toLowerCase();
    const wait = await this.throttle.takeReset(address, clientBucket(clientInfo.ip));
    if (wait > 0) throw new AuthError(429, "RATE_LIMITED", "Too many password-reset requests; try again later.", wait);
    if (this.queueReset) await this.queueReset(address);
    else this.defer("password reset", () => this.deliverPasswordReset(address));
  }

  /**
   * Queues the deferred half of a reset request in the job queue (src/jobs),
   * where it survives a restart; null: it runs in this process after the
   * answer (no job queue here). Either way the request does the same work
   * for a known and an unknown address.
   */
  queueReset: ((address: string) => Promise<void>) | null = null;

  /** The deferred half of a reset request: look the address up, store a token, queue the mail. */
  deliverPasswordReset(address: string): Promise<void> {
    return deliverPasswordReset(this.mailDeps(), address);
  }

  /**
   * Runs work after the answer has left. In process for now: the one call
   * is what a job queue would run instead, with the same argument.
   */
  private defer(what: string, work: () => Promise<void>): void {
    setImmediate(() => work().catch((error: unknown) => this.log(`nexus: ${what} failed: ${(error as Error).message}`)));
  }

  async confirmPasswordReset(token: unknown, password: unknown): Promise<void> {
    if (typeof token !== "string" || !token.startsWith("nxp_"))
      throw new AuthError(400, "INVALID_TOKEN", "The reset link is invalid or has expired.");
    const problem = passwordProblem(password);
    if (problem) throw new AuthError(400, "WEAK_PASSWORD", problem);
    const { rows } = await this.pool.query<{ user_id: string | null }>("select nexus_auth.confirm_password_reset($1, $2) as user_id", [
      sha256(token),
      await hashPassword(password as string),
    ]);
    if (!rows[0]!.user_id) throw new AuthError(400, "INVALID_TOKEN", "The reset link is invalid or has expired.");
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
    if (!user) throw new AuthError(404, "NOT_FOUND", "No such user.");
    if (user.email_verified) return { alreadyVerified: true };
    const link = mailLink(this.config, "verify-email", token);
    await this.sendMail(
      user.tenant_id,
      userId,
      user.email,
      "Confirm your email address",
      "Open this link to confirm your email address:",
      link,
    );
    return { alreadyVerified: false };
  }

  async confirmEmailVerification(token: unknown): Promise<void> {
    if (typeof token !== "string" || !token.startsWith("nxv_"))
      throw new AuthError(400, "INVALID_TOKEN", "The verification link is invalid or has expired.");
    const { rows } = await this.pool.query<{ user_id: string | null }>("select nexus_auth.confirm_email_verification($1) as user_id", [
      sha256(token),
    ]);
    if (!rows[0]!.user_id) throw new AuthError(400, "INVALID_TOKEN", "The verification link is invalid or has expired.");
  }

  /** Deletes revocations and tokens that can no longer matter. */
  async pruneExpired(): Promise<void> {
    await this.pool.query("select * from nexus_auth.prune_expired()");
    await this.pool.query("select nexus_auth.prune_throttle()");
  }
}
