import { createHash, randomBytes } from "node:crypto";

import type { Pool } from "pg";

import type { Config } from "../config";
import { mailLink } from "./mail-links";

/** What the deferred auth work needs: no request, no service object, so a job queue can run it from its payload alone. */
export interface MailDeps {
  pool: Pool;
  config: Pick<Config, "env" | "publicUrl" | "mail">;
  log: (message: string) => void;
  /** Told of every mail queued in the outbox, so its delivery job starts at once (src/mail/delivery.ts). */
  mailQueued?: (id: string) => Promise<void>;
}

const RESET_TTL_SECONDS = 60 * 60;

/** Queues one mail in the outbox; outside production its link is also logged, for local use without a mail server. */
export async function sendMail(
  deps: MailDeps,
  mail: { tenantId: string; userId: string | null; to: string; subject: string; text: string; link: string },
): Promise<void> {
  const { rows } = await deps.pool.query<{ id: string }>("select nexus_auth.enqueue_mail($1, $2, $3, $4, $5) as id", [
    mail.tenantId,
    mail.userId,
    mail.to,
    mail.subject,
    `${mail.text}\n\n${mail.link}\n`,
  ]);
  await deps.mailQueued?.(rows[0]!.id);
  if (deps.config.env !== "production") deps.log(`nexus: mail to ${mail.to}: ${mail.subject}: ${mail.link}`);
}

/**
 * The deferred half of a password-reset request, after the client has had
 * its answer: looks the address up, stores a one-hour token (its hash) and
 * queues the link. Nothing when no account has the address. Its only
 * argument is the address, so a job queue can call it as it stands.
 */
export async function deliverPasswordReset(deps: MailDeps, email: string): Promise<void> {
  const token = `nxp_${randomBytes(32).toString("base64url")}`;
  const expiresAt = new Date(Date.now() + RESET_TTL_SECONDS * 1000);
  const { rows } = await deps.pool.query<{ user_id: string; tenant_id: string; email: string }>(
    "select * from nexus_auth.request_password_reset($1, $2, $3)",
    [email, createHash("sha256").update(token).digest("hex"), expiresAt],
  );
  const user = rows[0];
  if (!user) return;
  await sendMail(deps, {
    tenantId: user.tenant_id,
    userId: user.user_id,
    to: user.email,
    subject: "Reset your Nexus password",
    text: "Open this link within an hour to choose a new password:",
    link: mailLink(deps.config, "reset-password", token),
  });
}
