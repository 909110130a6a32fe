import nodemailer, { type Transporter } from "nodemailer";
import type { Pool } from "pg";

import type { MailConfig } from "../config";
import type { JobRegistry, Jobs } from "../jobs";
import type { Logger } from "../observability/logger";

export const SEND_MAIL_TASK = "mail_send";
export const SWEEP_MAIL_TASK = "mail_sweep";
/** Attempts per mail: with graphile-worker's backoff (e^attempt s) the last one comes some 30 minutes after the first. */
export const MAIL_MAX_ATTEMPTS = 8;

const jobKey = (id: string) => `mail:${id}`;

/**
 * Delivery of the outbox (platform.mail_outbox) through SMTP. The outbox row
 * is the truth, a job only points at it:
 * - each mail gets a job when it is queued (keyed by the row, so adding it
 *   again changes nothing); a crash between the row and its job is caught by
 *   the sweep (at start, then every minute), which gives every pending row
 *   never attempted its job (a row with a failed attempt has its job, being
 *   retried; the sweep takes it only once untouched for an hour);
 * - the send runs in a transaction that locks the row and finds it still
 *   pending, and marks it sent right after the server accepted it: two
 *   instances, or a job run twice, cannot send it twice. What remains is a
 *   crash between the server's acceptance and that commit: the mail is then
 *   sent again on the retry, with the same Message-ID, which mail systems
 *   use to drop the duplicate.
 * - a failure is recorded on the row and thrown, so the queue retries with
 *   backoff; after the last attempt the row is marked failed.
 */
export class MailDelivery {
  private jobs: Jobs | null = null;
  private readonly transport: Transporter;

  constructor(
    private readonly config: MailConfig & { smtpUrl: string },
    /** Runs nexus_auth's mail functions (the authenticator's pool). */
    private readonly pool: Pool,
    private readonly logger: Logger,
  ) {
    this.transport = nodemailer.createTransport(config.smtpUrl);
  }

  register(registry: JobRegistry): void {
    registry.add(SEND_MAIL_TASK, async (payload, helpers) => {
      const id = (payload as { id?: unknown })?.id;
      if (typeof id !== "string") throw new Error("a mail job needs { id }");
      await this.send(id, helpers.job.id);
    });
    registry.add(SWEEP_MAIL_TASK, async () => {
      await this.sweep();
    });
    registry.schedule(`* * * * * ${SWEEP_MAIL_TASK} ?jobKey=${SWEEP_MAIL_TASK}&jobKeyMode=replace`);
  }

  /** Once the worker runs: queued mail gets jobs from now on, and whatever was left pending gets one now. */
  async started(jobs: Jobs): Promise<void> {
    this.jobs = jobs;
    await jobs.add(SWEEP_MAIL_TASK, {}, { jobKey: SWEEP_MAIL_TASK, jobKeyMode: "replace" });
  }

  /** A mail was queued in the outbox: its job. A failure here loses nothing (the sweep finds the row). */
  async queued(id: string): Promise<void> {
    try {
      await this.jobs?.add(SEND_MAIL_TASK, { id }, { jobKey: jobKey(id), jobKeyMode: "preserve_run_at", maxAttempts: MAIL_MAX_ATTEMPTS });
    } catch (error) {
      this.logger.warn({ err: error, mailId: id }, "mail queued without its job; the next sweep adds it");
    }
  }

  private async sweep(): Promise<void> {
    const { rows } = await this.pool.query<{ id: string }>("select id from nexus_auth.pending_mail('0 seconds') as id");
    for (const { id } of rows) await this.queued(id);
  }

  private async send(id: string, jobId: string): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query("begin");
      const { rows } = await client.query<{ id: string; recipient: string; subject: string; body: string; attempts: number }>(
        "select * from nexus_auth.claim_mail($1)",
        [id],
      );
      const mail = rows[0];
      if (!mail) {
        await client.query("commit");
        return; // sent, failed, or gone: nothing to do
      }
      try {
        await this.transport.sendMail({
          from: this.config.from,
          to: mail.recipient,
          subject: mail.subject,
          text: mail.body,
          messageId: `<${mail.id}@nexus-gateway>`,
        });
      } catch (error) {
        const final = mail.attempts + 1 >= MAIL_MAX_ATTEMPTS;
        await client.query("select nexus_auth.mail_attempt_failed($1, $2, $3)", [id, (error as Error).message, final]);
        await client.query("commit");
        this.logger.warn(
          { mailId: id, jobId, attempt: mail.attempts + 1, final, err: error },
          final ? "mail failed for good" : "mail not sent; retrying later",
        );
        if (final) return;
        throw error;
      }
      await client.query("select nexus_auth.mail_sent($1)", [id]);
      await client.query("commit");
      this.logger.info({ mailId: id, jobId }, "mail sent");
    } catch (error) {
      await client.query("rollback").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  close(): void {
    this.transport.close();
  }
}
