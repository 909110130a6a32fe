import type { Config } from "../config";

/** The pages a mail links to: the front end's (NEXUS_APP_URL), else the gateway's own (src/mail/pages.ts). */
export type MailPage = "reset-password" | "verify-email" | "accept-invitation";

/**
 * A link for a mail, with its token in the URL fragment (`…/reset-password#token=nxp_…`):
 * browsers never send a fragment to a server, so the token stays out of
 * access logs, proxies and Referer headers. The page reads
 * `location.hash` and posts the token to /auth.
 */
export function mailLink(config: Pick<Config, "publicUrl" | "mail">, page: MailPage, token: string): string {
  return `${config.mail.appUrl ?? config.publicUrl}/${page}#token=${encodeURIComponent(token)}`;
}
