import { createHash } from "node:crypto";

import type { RequestHandler } from "express";

import { MIN_PASSWORD_LENGTH } from "../auth/passwords";

/**
 * The pages mail links open when no front end is configured
 * (NEXUS_APP_URL): small, self-contained, with the token read from the
 * URL fragment and posted to /auth. The content security policy allows
 * exactly their one script (by hash) and requests to the gateway itself.
 */
const STYLE =
  "body{font:16px/1.5 system-ui,sans-serif;max-width:28rem;margin:4rem auto;padding:0 1rem}input,button{font:inherit;padding:.4rem;width:100%;box-sizing:border-box;margin:.3rem 0}#status{min-height:1.5em}";

/**
 * The script of a page that posts `{ token, newPassword }` to `endpoint`;
 * `done` is a JavaScript expression over the answer's `body`, shown on success.
 */
const passwordScript = (endpoint: string, done: string, failed: string) => `
const token = new URLSearchParams(location.hash.slice(1)).get("token");
const status = document.getElementById("status");
const form = document.getElementById("form");
if (!token) { status.textContent = "This link has no token: open the link from the mail again."; form.hidden = true; }
form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const newPassword = document.getElementById("password").value;
  const answer = await fetch("${endpoint}", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ token, newPassword }) });
  const body = await answer.json().catch(() => ({}));
  if (answer.ok) { status.textContent = ${done}; form.hidden = true; history.replaceState(null, "", location.pathname); }
  else status.textContent = (body.error && body.error.message) || ${JSON.stringify(failed)};
});`;

const RESET_SCRIPT = passwordScript(
  "/auth/password-reset/confirm",
  JSON.stringify("Your password is changed. You can sign in with it now."),
  "The password could not be changed.",
);

const INVITATION_SCRIPT = passwordScript(
  "/auth/invitations/accept",
  `"Your account is ready: sign in as " + body.email + " with this password."`,
  "The invitation could not be accepted.",
);

const VERIFY_SCRIPT = `
const token = new URLSearchParams(location.hash.slice(1)).get("token");
const status = document.getElementById("status");
(async () => {
  if (!token) { status.textContent = "This link has no token: open the link from the mail again."; return; }
  const answer = await fetch("/auth/email-verification/confirm", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ token }) });
  const body = await answer.json().catch(() => ({}));
  status.textContent = answer.ok ? "Your email address is confirmed." : (body.error && body.error.message) || "The address could not be confirmed.";
  if (answer.ok) history.replaceState(null, "", location.pathname);
})();`;

function page(title: string, content: string, script: string): { html: string; csp: string } {
  const digest = (text: string) => createHash("sha256").update(text).digest("base64");
  return {
    html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="referrer" content="no-referrer"><title>${title}</title><style>${STYLE}</style></head><body><h1>${title}</h1>${content}<p id="status" role="status"></p><script>${script}</script></body></html>`,
    csp: `default-src 'none'; script-src 'sha256-${digest(script)}'; style-src 'sha256-${digest(STYLE)}'; connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'`,
  };
}

const PAGES = {
  "/reset-password": page(
    "Choose a new password",
    `<form id="form"><label for="password">New password</label><input id="password" type="password" autocomplete="new-password" minlength="${MIN_PASSWORD_LENGTH}" required><button type="submit">Change the password</button></form>`,
    RESET_SCRIPT,
  ),
  "/verify-email": page("Confirm your email address", "", VERIFY_SCRIPT),
  "/accept-invitation": page(
    "Join Nexus",
    `<form id="form"><label for="password">Choose a password</label><input id="password" type="password" autocomplete="new-password" minlength="${MIN_PASSWORD_LENGTH}" required><button type="submit">Create the account</button></form>`,
    INVITATION_SCRIPT,
  ),
};

export const MAIL_PAGE_PATHS = Object.keys(PAGES);

export const mailPage: RequestHandler = (req, res, next) => {
  const found = PAGES[req.path as keyof typeof PAGES];
  if (!found) return next();
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  res.setHeader("Content-Security-Policy", found.csp);
  res.setHeader("Cache-Control", "no-store");
  res.setHeader("Referrer-Policy", "no-referrer");
  res.end(found.html);
};
