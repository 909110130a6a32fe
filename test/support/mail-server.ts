import type { AddressInfo } from "node:net";

import { SMTPServer } from "smtp-server";

export interface Delivered {
  to: string[];
  messageId: string;
  raw: string;
}

/** The text as written: quoted-printable soft line breaks and =XX escapes undone. */
const quotedPrintable = (raw: string) =>
  raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/**
 * A real SMTP server on loopback that keeps what it accepts. `state.refuse`
 * answers 451 (try later) to mail for a recipient that many times: by
 * recipient, because other mail of the file (a sweep of an earlier test's
 * rows) may arrive in between.
 */
export async function startMailServer() {
  const delivered: Delivered[] = [];
  const state = { refuse: new Map<string, number>() };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (chunk: Buffer) => (raw += chunk.toString()));
      stream.on("end", () => {
        const refused = session.envelope.rcptTo.find((r) => (state.refuse.get(r.address) ?? 0) > 0)?.address;
        if (refused) {
          state.refuse.set(refused, state.refuse.get(refused)! - 1);
          return callback(Object.assign(new Error("Mailbox busy, try again later"), { responseCode: 451 }));
        }
        const messageId = /^Message-ID:\s*(\S+)/im.exec(raw)?.[1] ?? "";
        delivered.push({ to: session.envelope.rcptTo.map((r) => r.address), messageId, raw: quotedPrintable(raw) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server as unknown as { server: { address(): AddressInfo } }).server.address().port;
  return { url: `smtp://127.0.0.1:${port}`, delivered, state, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Polls `condition` until it holds (or fails the test past the deadline): mail arrives when the worker has run. */
export async function eventually<T>(
  what: string,
  condition: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export const mailTo = (delivered: Delivered[], email: string) => delivered.filter((mail) => mail.to.includes(email));
