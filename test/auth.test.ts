import jwt from "jsonwebtoken";

import { createTenant, PASSWORD, signIn, type TenantFixture, withAdmin } from "./support/fixtures";
import { startTestGateway, testConfig, type TestGateway } from "./support/gateway";

const sidOf = (accessToken: string) => (jwt.decode(accessToken) as { sid: string }).sid;

// One gateway for the whole file (each build of the schema costs seconds), its own: housekeeping calls into it;
// every group signs in to tenants of its own.
let gateway: TestGateway;
beforeAll(async () => {
  gateway = await startTestGateway({ own: true });
});
afterAll(async () => gateway.close());

describe("sign-in", () => {
  let tenant: TenantFixture;
  beforeAll(async () => {
    tenant = await createTenant("Login", 1);
  });

  test("by email returns tokens and sets an httpOnly SameSite=Strict refresh cookie", async () => {
    const { status, body, headers } = await gateway.post("/auth/login", { email: tenant.users[0]!.email, password: PASSWORD });
    expect(status).toBe(200);
    expect(body).toEqual({
      accessToken: expect.any(String),
      tokenType: "Bearer",
      expiresIn: 900,
      refreshToken: expect.stringMatching(/^nxr_/),
    });
    const claims = jwt.decode(body.accessToken) as Record<string, unknown>;
    expect(claims).toMatchObject({ sub: tenant.users[0]!.userId, tenant_id: tenant.tenantId, iss: "nexus-gateway", aud: "nexus-graphql" });
    expect(Object.keys(claims).sort()).toEqual(["aud", "exp", "iat", "iss", "jti", "sid", "sub", "tenant_id"]);
    const cookie = headers.get("set-cookie")!;
    expect(cookie).toMatch(/^nexus_refresh=nxr_/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/auth/);
  });

  test("by username works too, case-insensitively", async () => {
    const username: string = await withAdmin(
      async (c) => (await c.query("select username from platform.users where id = $1", [tenant.admin.userId])).rows[0].username,
    );
    const { status } = await gateway.post("/auth/login", { username: username.toUpperCase(), password: PASSWORD });
    expect(status).toBe(200);
  });

  test("a wrong password and an unknown email give the same answer in about the same time", async () => {
    const time = async (body: object) => {
      const started = performance.now();
      const reply = await gateway.post("/auth/login", body);
      return { reply, ms: performance.now() - started };
    };
    const wrongPassword = await time({ email: tenant.users[0]!.email, password: "not the password" });
    const unknownEmail = await time({ email: "nobody@nowhere.test", password: "not the password" });
    expect(wrongPassword.reply.status).toBe(401);
    expect(unknownEmail.reply.status).toBe(401);
    expect(unknownEmail.reply.body).toEqual(wrongPassword.reply.body);
    // Both verify an argon2id hash; without the decoy an unknown email would answer in ~1 ms.
    expect(unknownEmail.ms).toBeGreaterThan(wrongPassword.ms / 4);
    expect(unknownEmail.ms).toBeGreaterThan(5);
  });

  test("bad input gets 400 and a non-JSON body 415", async () => {
    expect((await gateway.post("/auth/login", { email: tenant.users[0]!.email })).status).toBe(400);
    const response = await fetch(`${gateway.url}/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "email=x&password=y",
    });
    expect(response.status).toBe(415);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
  });
});

describe("refresh rotation", () => {
  let strict: TestGateway;
  let tenant: TenantFixture;
  beforeAll(async () => {
    // Same database, no grace window: every reuse is treated as theft.
    strict = await startTestGateway({ config: testConfig({ NEXUS_REFRESH_GRACE_SECONDS: "0" }) });
    tenant = await createTenant("Refresh", 1);
  });
  afterAll(async () => strict.close());

  test("rotates: a new refresh token each time, in the same session", async () => {
    const first = await signIn(gateway, tenant.users[0]!.email);
    const { status, body } = await gateway.post("/auth/refresh", { refreshToken: first.refreshToken });
    expect(status).toBe(200);
    expect(body.refreshToken).not.toBe(first.refreshToken);
    expect(sidOf(body.accessToken)).toBe(sidOf(first.accessToken));
    expect((await gateway.graphql("{ __typename }", { token: body.accessToken })).status).toBe(200);
  });

  test("works from the httpOnly cookie alone (with the CSRF header)", async () => {
    const first = await signIn(gateway, tenant.users[0]!.email);
    const cookie = first.cookie!.split(";")[0]!;
    const { status, body } = await gateway.post("/auth/refresh", {}, { headers: { cookie, "x-nexus-csrf": "1" } });
    expect(status).toBe(200);
    expect(body.refreshToken).not.toBe(first.refreshToken);
  });

  test("concurrent refreshes with one token inside the grace window all get the current token", async () => {
    const first = await signIn(gateway, tenant.users[0]!.email);
    const replies = await Promise.all([1, 2, 3].map(() => gateway.post("/auth/refresh", { refreshToken: first.refreshToken })));
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(new Set(replies.map((r) => r.body.refreshToken)).size).toBe(1);
    // and the family is intact: the current token still rotates
    expect((await gateway.post("/auth/refresh", { refreshToken: replies[0]!.body.refreshToken })).status).toBe(200);
  });

  test("a repeat after two rotations inside the grace window gets the newest token", async () => {
    const first = await signIn(gateway, tenant.users[0]!.email);
    const second = (await gateway.post("/auth/refresh", { refreshToken: first.refreshToken })).body.refreshToken;
    const third = (await gateway.post("/auth/refresh", { refreshToken: second })).body.refreshToken;
    const repeat = await gateway.post("/auth/refresh", { refreshToken: first.refreshToken });
    expect(repeat.status).toBe(200);
    expect(repeat.body.refreshToken).toBe(third);
  });

  test("reuse of a rotated token outside the grace window revokes the whole family", async () => {
    const first = await signIn(strict, tenant.users[0]!.email);
    const rotated = await strict.post("/auth/refresh", { refreshToken: first.refreshToken });
    expect(rotated.status).toBe(200);
    const reuse = await strict.post("/auth/refresh", { refreshToken: first.refreshToken });
    expect(reuse.status).toBe(401);
    expect(reuse.body.error.code).toBe("REFRESH_TOKEN_REUSED");
    // the legitimate holder's newer tokens die with the family
    expect((await strict.post("/auth/refresh", { refreshToken: rotated.body.refreshToken })).status).toBe(401);
    expect((await strict.graphql("{ __typename }", { token: rotated.body.accessToken })).body.error.code).toBe("TOKEN_REVOKED");
    expect((await strict.graphql("{ __typename }", { token: first.accessToken })).status).toBe(401);
  });

  test("an unknown refresh token gets 401", async () => {
    const { status, body } = await gateway.post("/auth/refresh", { refreshToken: "nxr_made-up" });
    expect(status).toBe(401);
    expect(body.error.code).toBe("INVALID_REFRESH_TOKEN");
  });
});

describe("logout, revocation and sessions", () => {
  let tenant: TenantFixture;
  let other: TenantFixture;
  beforeAll(async () => {
    tenant = await createTenant("Logout", 2);
    other = await createTenant("Elsewhere", 1);
  });

  const works = async (accessToken: string) => (await gateway.graphql("{ __typename }", { token: accessToken })).status === 200;
  const refreshes = async (refreshToken: string) => (await gateway.post("/auth/refresh", { refreshToken })).status === 200;

  test("scope=local ends this session and its access token at once, not the others", async () => {
    const a = await signIn(gateway, tenant.users[0]!.email);
    const b = await signIn(gateway, tenant.users[0]!.email);
    const { status, body } = await gateway.post("/auth/logout", { scope: "local" }, { token: a.accessToken });
    expect(status).toBe(200);
    expect(body).toEqual({ revokedSessions: 1 });
    expect(await works(a.accessToken)).toBe(false);
    expect(await refreshes(a.refreshToken)).toBe(false);
    expect(await works(b.accessToken)).toBe(true);
  });

  test("scope=others ends every other session and keeps this one", async () => {
    const a = await signIn(gateway, tenant.users[0]!.email);
    const b = await signIn(gateway, tenant.users[0]!.email);
    expect((await gateway.post("/auth/logout", { scope: "others" }, { token: a.accessToken })).status).toBe(200);
    expect(await works(a.accessToken)).toBe(true);
    expect(await works(b.accessToken)).toBe(false);
    expect(await refreshes(b.refreshToken)).toBe(false);
  });

  test("scope=global ends every session of the user", async () => {
    const a = await signIn(gateway, tenant.users[0]!.email);
    const b = await signIn(gateway, tenant.users[0]!.email);
    expect((await gateway.post("/auth/logout", { scope: "global" }, { token: a.accessToken })).status).toBe(200);
    expect(await works(a.accessToken)).toBe(false);
    expect(await works(b.accessToken)).toBe(false);
    expect(await refreshes(a.refreshToken)).toBe(false);
  });

  test("an unknown scope gets 400; logout without a token gets 401", async () => {
    const a = await signIn(gateway, tenant.users[0]!.email);
    expect((await gateway.post("/auth/logout", { scope: "everything" }, { token: a.accessToken })).status).toBe(400);
    expect((await gateway.post("/auth/logout", { scope: "local" })).status).toBe(401);
  });

  test("GET /auth/sessions lists the caller's sessions and marks the current one", async () => {
    const a = await signIn(gateway, tenant.users[1]!.email);
    await signIn(gateway, tenant.users[1]!.email);
    const { status, body } = await gateway.get("/auth/sessions", { token: a.accessToken });
    expect(status).toBe(200);
    expect(body.sessions.length).toBeGreaterThanOrEqual(2);
    expect(body.sessions.filter((s: { current: boolean }) => s.current).map((s: { id: string }) => s.id)).toEqual([sidOf(a.accessToken)]);
    expect(body.sessions[0]).toEqual(
      expect.objectContaining({ createdAt: expect.any(String), lastSeenAt: expect.any(String), userAgent: expect.any(String) }),
    );
  });

  test("a tenant admin may revoke a session of a user of their tenant; a plain user may not", async () => {
    const victim = await signIn(gateway, tenant.users[1]!.email);
    const peer = await signIn(gateway, tenant.users[0]!.email);
    const refused = await gateway.post("/auth/revoke", { sessionId: sidOf(victim.accessToken) }, { token: peer.accessToken });
    expect(refused.status).toBe(404);
    expect(await works(victim.accessToken)).toBe(true);
    const admin = await signIn(gateway, tenant.admin.email);
    expect((await gateway.post("/auth/revoke", { sessionId: sidOf(victim.accessToken) }, { token: admin.accessToken })).status).toBe(200);
    expect(await works(victim.accessToken)).toBe(false);
  });

  test("a tenant admin cannot revoke a session of another tenant (answered as not found)", async () => {
    const outsider = await signIn(gateway, other.users[0]!.email);
    const admin = await signIn(gateway, tenant.admin.email);
    const { status, body } = await gateway.post("/auth/revoke", { sessionId: sidOf(outsider.accessToken) }, { token: admin.accessToken });
    expect(status).toBe(404);
    expect(body.error.code).toBe("NOT_FOUND");
    expect(await works(outsider.accessToken)).toBe(true);
  });

  test("an access token is revoked only by its owner or an admin of its tenant, never by a bare jti of someone else's", async () => {
    const jtiOf = (accessToken: string) => (jwt.decode(accessToken) as { jti: string }).jti;
    const victim = await signIn(gateway, tenant.users[1]!.email);
    const outsider = await signIn(gateway, other.users[0]!.email);
    const peer = await signIn(gateway, tenant.users[0]!.email);
    // Another tenant's user, and a peer without the permission: by jti or by token, answered as not found.
    for (const attacker of [outsider, peer]) {
      const byJti = await gateway.post("/auth/revoke", { jti: jtiOf(victim.accessToken) }, { token: attacker.accessToken });
      expect([byJti.status, byJti.body.error.code]).toEqual([404, "NOT_FOUND"]);
      expect((await gateway.post("/auth/revoke", { accessToken: victim.accessToken }, { token: attacker.accessToken })).status).toBe(404);
    }
    expect(await works(victim.accessToken)).toBe(true);
    const admin = await signIn(gateway, tenant.admin.email);
    expect((await gateway.post("/auth/revoke", { jti: jtiOf(victim.accessToken) }, { token: admin.accessToken })).status).toBe(404);
    expect((await gateway.post("/auth/revoke", { accessToken: victim.accessToken }, { token: admin.accessToken })).status).toBe(200);
    expect(await works(victim.accessToken)).toBe(false);
    // The owner: its other token by sending it, the current one by its jti.
    const second = await signIn(gateway, tenant.users[1]!.email);
    const third = await signIn(gateway, tenant.users[1]!.email);
    expect((await gateway.post("/auth/revoke", { accessToken: second.accessToken }, { token: third.accessToken })).status).toBe(200);
    expect(await works(second.accessToken)).toBe(false);
    expect((await gateway.post("/auth/revoke", { jti: jtiOf(third.accessToken) }, { token: third.accessToken })).status).toBe(200);
    expect(await works(third.accessToken)).toBe(false);
  });
});

describe("passwords", () => {
  let tenant: TenantFixture;
  beforeAll(async () => {
    tenant = await createTenant("Passwords", 2);
  });

  test("changing the password ends all other sessions, keeps this one, and the new password signs in", async () => {
    const email = tenant.users[0]!.email;
    const here = await signIn(gateway, email);
    const elsewhere = await signIn(gateway, email);
    const wrong = await gateway.post(
      "/auth/password",
      { currentPassword: "nope", newPassword: "a brand new password" },
      { token: here.accessToken },
    );
    expect(wrong.status).toBe(401);
    const weak = await gateway.post("/auth/password", { currentPassword: PASSWORD, newPassword: "short" }, { token: here.accessToken });
    expect(weak.body.error.code).toBe("WEAK_PASSWORD");
    const { status, body } = await gateway.post(
      "/auth/password",
      { currentPassword: PASSWORD, newPassword: "a brand new password" },
      { token: here.accessToken },
    );
    expect(status).toBe(200);
    expect(body.revokedSessions).toBeGreaterThanOrEqual(1);
    expect((await gateway.graphql("{ __typename }", { token: elsewhere.accessToken })).status).toBe(401);
    expect((await gateway.graphql("{ __typename }", { token: here.accessToken })).status).toBe(200);
    expect((await gateway.post("/auth/login", { email, password: PASSWORD })).status).toBe(401);
    expect((await gateway.post("/auth/login", { email, password: "a brand new password" })).status).toBe(200);
  });

  test("password reset: the link goes through the mail outbox, is single-use, and ends every session", async () => {
    const email = tenant.users[1]!.email;
    const before = await signIn(gateway, email);
    const unknown = await gateway.post("/auth/password-reset/request", { email: "nobody@nowhere.test" });
    const known = await gateway.post("/auth/password-reset/request", { email });
    expect(known.status).toBe(202);
    expect(unknown.body).toEqual(known.body);
    // The link is made after the answer: wait for it to reach the outbox.
    const latest = () =>
      withAdmin(
        async (c) =>
          (
            await c.query(
              "select body from platform.mail_outbox where recipient = $1 and subject like 'Reset%' order by created_at desc limit 1",
              [email],
            )
          ).rows[0]?.body as string | undefined,
      );
    const deadline = Date.now() + 10_000;
    let body = await latest();
    while (body === undefined && Date.now() < deadline) body = await latest();
    const token = /token=(nxp_[A-Za-z0-9_-]+)/.exec(body ?? "")![1]!;
    expect(
      await withAdmin(
        async (c) =>
          (await c.query("select count(*)::int as n from platform.users where password_reset_token_hash = $1", [token])).rows[0].n,
      ),
    ).toBe(0);
    expect((await gateway.post("/auth/password-reset/confirm", { token, newPassword: "reset to this one" })).status).toBe(200);
    expect((await gateway.post("/auth/password-reset/confirm", { token, newPassword: "and again this one" })).status).toBe(400);
    expect((await gateway.graphql("{ __typename }", { token: before.accessToken })).status).toBe(401);
    expect((await gateway.post("/auth/login", { email, password: "reset to this one" })).status).toBe(200);
  });

  test("email verification marks the address verified", async () => {
    const { accessToken } = await signIn(gateway, tenant.admin.email);
    expect((await gateway.post("/auth/email-verification/request", {}, { token: accessToken })).status).toBe(202);
    const body = await withAdmin(
      async (c) =>
        (
          await c.query(
            "select body from platform.mail_outbox where recipient = $1 and subject like 'Confirm%' order by created_at desc limit 1",
            [tenant.admin.email],
          )
        ).rows[0].body,
    );
    const token = /token=(nxv_[A-Za-z0-9_-]+)/.exec(body)![1]!;
    expect((await gateway.post("/auth/email-verification/confirm", { token })).status).toBe(200);
    const { body: me } = await gateway.graphql("query($id: UUID!) { user(rowId: $id) { emailVerified } }", {
      token: accessToken,
      variables: { id: tenant.admin.userId },
    });
    expect(me.data.user.emailVerified).toBe(true);
    expect((await gateway.post("/auth/email-verification/request", {}, { token: accessToken })).body).toEqual({ alreadyVerified: true });
  });
});

describe("housekeeping", () => {
  test("revocations are pruned once the tokens they name have expired", async () => {
    const tenant = await createTenant("Prune", 1);
    const { accessToken } = await signIn(gateway, tenant.users[0]!.email);
    const { jti } = jwt.decode(accessToken) as { jti: string };
    await gateway.post("/auth/revoke", { jti }, { token: accessToken });
    const count = () =>
      withAdmin(
        async (c) => (await c.query("select count(*)::int as n from platform.revoked_tokens where jti = $1", [jti])).rows[0].n as number,
      );
    expect(await count()).toBe(1);
    await gateway.gateway.auth.pruneExpired();
    expect(await count()).toBe(1);
    await withAdmin((c) => c.query("update platform.revoked_tokens set expires_at = now() - interval '1 second' where jti = $1", [jti]));
    await gateway.gateway.auth.pruneExpired();
    expect(await count()).toBe(0);
  });
});
