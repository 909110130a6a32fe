import express, { type Request, type Response, type Router } from "express";

import type { Invitations } from "../auth/invitations";
import { AuthError, type AuthService, type ClientInfo, type TokenPair } from "../auth/service";
import { requestClaims, type TokenVerifier } from "../auth/verify";
import type { Config } from "../config";
import { authenticate } from "./authenticate";
import { requireCsrfForCookie } from "./csrf";
import { sendError } from "./errors";

export const REFRESH_COOKIE = "nexus_refresh";
const COOKIE_PATH = "/auth";

function cookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return decodeURIComponent(value.join("="));
  }
  return undefined;
}

function clientOf(req: Request): ClientInfo {
  return { userAgent: req.get("user-agent")?.slice(0, 512) ?? null, ip: req.ip ?? null };
}

/**
 * Every route answers JSON and takes JSON. The routes that act on the
 * refresh cookie also need the X-Nexus-CSRF header and a trusted Origin
 * (src/http/csrf.ts), on top of SameSite=Strict.
 */
export function createAuthRouter({
  config,
  auth,
  verifier,
  invitations,
}: {
  config: Config;
  auth: AuthService;
  verifier: TokenVerifier;
  invitations?: Invitations;
}): Router {
  const router = express.Router();
  const requireToken = authenticate(verifier, { required: true });

  router.use((req, res, next) => {
    res.setHeader("Cache-Control", "no-store");
    // No body (or an empty one: fetch sends Content-Length: 0) is an empty request, fine where every field is optional; a body must be JSON.
    const empty =
      req.headers["content-length"] === "0" ||
      (req.headers["content-length"] === undefined && req.headers["transfer-encoding"] === undefined);
    if (req.method === "POST" && !empty && !req.is("application/json")) {
      return sendError(res, 415, "UNSUPPORTED_MEDIA_TYPE", "Send the body as application/json.");
    }
    next();
  });
  router.use(express.json({ limit: "16kb" }));
  // Behind a TLS-terminating proxy the request's own origin reads http://…; NEXUS_PUBLIC_URL names the real one.
  const csrf = requireCsrfForCookie(REFRESH_COOKIE, [...config.corsOrigins, new URL(config.publicUrl).origin]);

  const setRefreshCookie = (res: Response, pair: TokenPair) => {
    res.cookie(REFRESH_COOKIE, pair.refreshToken, {
      httpOnly: true,
      sameSite: "strict",
      secure: config.env === "production",
      path: COOKIE_PATH,
      maxAge: pair.refreshExpiresIn * 1000,
    });
  };
  const clearRefreshCookie = (res: Response) =>
    res.clearCookie(REFRESH_COOKIE, { httpOnly: true, sameSite: "strict", secure: config.env === "production", path: COOKIE_PATH });

  const tokens = (res: Response, pair: TokenPair) => {
    setRefreshCookie(res, pair);
    res.json({ accessToken: pair.accessToken, tokenType: pair.tokenType, expiresIn: pair.expiresIn, refreshToken: pair.refreshToken });
  };

  router.post("/login", async (req, res) => {
    const { email, username, password } = (req.body ?? {}) as Record<string, unknown>;
    tokens(res, await auth.login(email ?? username, password, clientOf(req)));
  });

  router.post("/refresh", csrf, async (req, res) => {
    const fromBody = (req.body as Record<string, unknown> | undefined)?.refreshToken;
    try {
      tokens(res, await auth.refresh(fromBody ?? cookie(req, REFRESH_COOKIE), clientOf(req)));
    } catch (error) {
      if (error instanceof AuthError) clearRefreshCookie(res);
      throw error;
    }
  });

  router.post("/logout", csrf, requireToken, async (req, res) => {
    const result = await auth.logout(requestClaims(req)!, (req.body as Record<string, unknown>)?.scope);
    if ((req.body as Record<string, unknown>)?.scope !== "others") clearRefreshCookie(res);
    res.json(result);
  });

  router.post("/revoke", requireToken, async (req, res) => {
    await auth.revoke(requestClaims(req)!, (req.body ?? {}) as Record<string, unknown>);
    res.json({ revoked: true });
  });

  router.get("/sessions", requireToken, async (req, res) => {
    res.json({ sessions: await auth.sessions(requestClaims(req)!) });
  });

  router.post("/password", requireToken, async (req, res) => {
    const { currentPassword, newPassword } = (req.body ?? {}) as Record<string, unknown>;
    res.json(await auth.changePassword(requestClaims(req)!, currentPassword, newPassword, clientOf(req)));
  });

  router.post("/password-reset/request", async (req, res) => {
    await auth.requestPasswordReset((req.body as Record<string, unknown>)?.email, clientOf(req));
    res.status(202).json({ accepted: true, message: "If the address belongs to an account, a reset link is on its way." });
  });

  router.post("/password-reset/confirm", async (req, res) => {
    const { token, newPassword } = (req.body ?? {}) as Record<string, unknown>;
    await auth.confirmPasswordReset(token, newPassword);
    res.json({ passwordReset: true });
  });

  router.post("/email-verification/request", requireToken, async (req, res) => {
    const { alreadyVerified } = await auth.requestEmailVerification(requestClaims(req)!);
    res.status(alreadyVerified ? 200 : 202).json({ alreadyVerified });
  });

  router.post("/email-verification/confirm", async (req, res) => {
    await auth.confirmEmailVerification((req.body as Record<string, unknown>)?.token);
    res.json({ emailVerified: true });
  });

  if (invitations) {
    // Same-tenant members are named (the admin sees them anyway); an address of another tenant answers like a new invitation.
    router.post("/invitations", requireToken, async (req, res) => {
      const outcome = await invitations.invite(requestClaims(req)!, (req.body ?? {}) as Record<string, unknown>);
      if (outcome === "member") return sendError(res, 409, "ALREADY_MEMBER", "This address already has an account in your tenant.");
      res.status(202).json({ invited: true });
    });

    router.post("/invitations/accept", async (req, res) => {
      const { userId, tenantId, email } = await invitations.accept((req.body ?? {}) as Record<string, unknown>);
      res.status(201).json({ accepted: true, userId, tenantId, email });
    });
  }

  router.use((error: unknown, _req: Request, res: Response, next: (error: unknown) => void) => {
    if (error instanceof AuthError) {
      if (error.retryAfterSeconds !== undefined) res.setHeader("Retry-After", String(error.retryAfterSeconds));
      return sendError(res, error.status, error.code, error.message);
    }
    const status = (error as { status?: number; type?: string }).status;
    if (status === 400 || status === 413) {
      return sendError(
        res,
        status,
        status === 413 ? "PAYLOAD_TOO_LARGE" : "INVALID_JSON",
        status === 413 ? "The body is too large." : "The body is not valid JSON.",
      );
    }
    next(error);
  });
  return router;
}
