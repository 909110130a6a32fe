import type { Pool } from "pg";

import type { Config } from "../config";
import { EMAIL, type RoleName, ROLES, USERNAME, withFreeUsername } from "./accounts";
import type { AccessClaims } from "./jwt";
import { mailLink } from "./mail-links";
import { hashPassword, passwordProblem } from "./passwords";
import { AuthError, type AuthService, newSecretToken, sha256 } from "./service";

const INVITE_PREFIX = "nxi_";
const INVALID_INVITATION = "The invitation link is invalid, has expired or was already used.";

/** "7 days", "1 hour": how long a link works, for the mail. */
function validFor(seconds: number): string {
  const [count, unit] = seconds >= 86_400 ? [Math.round(seconds / 86_400), "day"] : [Math.max(1, Math.round(seconds / 3600)), "hour"];
  return `${count} ${unit}${count === 1 ? "" : "s"}`;
}

/** What an invitation answers: `member` only for an account in the inviter's own tenant. */
export type InviteOutcome = "invited" | "member";

/**
 * Invitations by a tenant admin: the database decides who may invite
 * (nexus_auth.create_invitation checks CREATE_USERS) and spends a link once;
 * this class validates input, mints and hashes the token, and mails the link.
 */
export class Invitations {
  constructor(
    private readonly config: Config,
    private readonly pool: Pool,
    private readonly auth: Pick<AuthService, "sendMail">,
  ) {}

  async invite(claims: AccessClaims, body: { email?: unknown; role?: unknown }): Promise<InviteOutcome> {
    if (!claims.userId) throw new AuthError(403, "FORBIDDEN", "This token does not belong to a Nexus user.");
    if (typeof body.email !== "string" || !EMAIL.test(body.email.trim()) || body.email.length > 320) {
      throw new AuthError(400, "INVALID_REQUEST", "Send { email, role? } with a valid email address.");
    }
    const role = (body.role ?? "user") as RoleName;
    if (!ROLES.includes(role)) throw new AuthError(400, "INVALID_REQUEST", `role must be one of ${ROLES.join(", ")}.`);
    const email = body.email.trim().toLowerCase();
    const token = newSecretToken(INVITE_PREFIX);
    const expiresAt = new Date(Date.now() + this.config.inviteTtlSeconds * 1000);
    let result: { outcome: string; tenant_id: string; tenant_name: string };
    try {
      const { rows } = await this.pool.query<{ outcome: string; tenant_id: string; tenant_name: string }>(
        "select * from nexus_auth.create_invitation($1, $2, $3, $4, $5)",
        [claims.userId, email, role, sha256(token), expiresAt],
      );
      result = rows[0]!;
    } catch (error) {
      if ((error as { code?: string }).code === "42501") throw new AuthError(403, "FORBIDDEN", "Only the tenant's admins may invite.");
      throw error;
    }
    if (result.outcome === "member") return "member";
    // An address taken in another tenant answers like a fresh invitation, and gets no mail: nothing about other tenants leaks.
    if (result.outcome === "invited") {
      await this.auth.sendMail(
        result.tenant_id,
        null,
        email,
        `You are invited to ${result.tenant_name} on Nexus`,
        `You are invited to join ${result.tenant_name} on Nexus. Open this link to choose a password (it works once, for ${validFor(this.config.inviteTtlSeconds)}):`,
        mailLink(this.config, "accept-invitation", token),
      );
    }
    return "invited";
  }

  /** Creates the invitee's account in the inviting tenant, with the chosen password. */
  async accept(body: {
    token?: unknown;
    newPassword?: unknown;
    username?: unknown;
  }): Promise<{ userId: string; tenantId: string; email: string }> {
    const { token, newPassword, username } = body;
    if (typeof token !== "string" || !token.startsWith(INVITE_PREFIX) || token.length > 200)
      throw new AuthError(400, "INVALID_TOKEN", INVALID_INVITATION);
    const problem = passwordProblem(newPassword);
    if (problem) throw new AuthError(400, "WEAK_PASSWORD", problem);
    if (username !== undefined && (typeof username !== "string" || !USERNAME.test(username))) {
      throw new AuthError(400, "INVALID_REQUEST", "username must be 2-63 letters, digits, . _ or -.");
    }
    const passwordHash = await hashPassword(newPassword as string);
    const tokenHash = sha256(token);
    // The derived username needs the invited address, which only the database knows; it is unique, so a clash is rare and retried.
    const { rows: found } = await this.pool.query<{ email: string }>("select * from nexus_auth.invitation_email($1)", [tokenHash]);
    if (!found[0]) throw new AuthError(400, "INVALID_TOKEN", INVALID_INVITATION);
    try {
      const created = await withFreeUsername(found[0].email, username as string | undefined, async (name) => {
        const { rows } = await this.pool.query<{ user_id: string; tenant_id: string; email: string }>(
          "select * from nexus_auth.accept_invitation($1, $2, $3)",
          [tokenHash, name, passwordHash],
        );
        return rows[0];
      });
      if (!created) throw new AuthError(400, "INVALID_TOKEN", INVALID_INVITATION);
      return { userId: created.user_id, tenantId: created.tenant_id, email: created.email };
    } catch (error) {
      const pgError = error as { code?: string; constraint?: string };
      if (pgError.code === "23505" && pgError.constraint === "users_username_key")
        throw new AuthError(409, "USERNAME_TAKEN", "This username is taken; choose another.");
      // The address got an account since the invitation was sent (its owner is the one asking).
      if (pgError.code === "23505" && pgError.constraint === "users_email_key")
        throw new AuthError(409, "ACCOUNT_EXISTS", "This address already has an account; sign in instead.");
      throw error;
    }
  }
}
