import { randomUUID } from "node:crypto";

import { createTenant, PASSWORD, signIn, type TenantFixture, withAdmin } from "./support/fixtures";
import { startTestGateway, testConfig, type TestGateway } from "./support/gateway";
import { eventually, mailTo, startMailServer } from "./support/mail-server";

const APP_URL = "https://app.nexus.test";
const TTL_SECONDS = 3600;

const invitationsTo = (email: string) =>
  withAdmin(
    async (client) =>
      (
        await client.query<{ tenant_id: string; lifetime: number; accepted: boolean }>(
          "select tenant_id, extract(epoch from expires_at - created_at)::int as lifetime, accepted_at is not null as accepted from nexus_auth.invitations where email = $1",
          [email],
        )
      ).rows,
  );

const outboxTo = (email: string) =>
  withAdmin(
    async (client) =>
      (await client.query<{ body: string }>("select body from platform.mail_outbox where recipient = $1 order by created_at", [email]))
        .rows,
  );

const tokenIn = (text: string) => new RegExp(`${APP_URL}/accept-invitation#token=(nxi_[A-Za-z0-9_-]+)`).exec(text)?.[1];

describe("invitations to a tenant", () => {
  let smtp: Awaited<ReturnType<typeof startMailServer>>;
  let gateway: TestGateway;
  let tenant: TenantFixture;
  let rival: TenantFixture;
  let adminToken: string;
  const fresh = () => `invitee-${randomUUID().slice(0, 8)}@invited.test`;

  beforeAll(async () => {
    smtp = await startMailServer();
    [gateway, tenant, rival] = await Promise.all([
      startTestGateway({
        jobs: true,
        config: testConfig({ NEXUS_SMTP_URL: smtp.url, NEXUS_APP_URL: APP_URL, NEXUS_INVITE_TTL_SECONDS: String(TTL_SECONDS) }),
      }),
      createTenant("Inviting", 1),
      createTenant("Rival", 1),
    ]);
    adminToken = (await signIn(gateway, tenant.admin.email)).accessToken;
  });
  afterAll(async () => {
    await gateway.close();
    await smtp.close();
  });

  test("an admin invites, the mail arrives, the invitee chooses a password and signs in to the inviting tenant; the link works once", async () => {
    const email = fresh();
    const invited = await gateway.post("/auth/invitations", { email }, { token: adminToken });
    expect(invited.status).toBe(202);
    expect(invited.body).toEqual({ invited: true });
    expect(await invitationsTo(email)).toEqual([{ tenant_id: tenant.tenantId, lifetime: TTL_SECONDS, accepted: false }]);

    const [mail] = await eventually("the invitation mail", () => mailTo(smtp.delivered, email).length > 0 && mailTo(smtp.delivered, email));
    expect(mail!.raw).toContain(tenant.name);
    const token = tokenIn(mail!.raw);
    expect(token).toBeDefined();

    expect((await gateway.post("/auth/login", { email, password: "my chosen password" })).status).toBe(401);
    const accepted = await gateway.post("/auth/invitations/accept", { token, newPassword: "my chosen password" });
    expect(accepted.status).toBe(201);
    expect(accepted.body).toMatchObject({ accepted: true, tenantId: tenant.tenantId, email });

    const { accessToken } = await signIn(gateway, email, "my chosen password");
    expect((await gateway.get("/auth/sessions", { token: accessToken })).status).toBe(200);
    const account = await withAdmin(
      async (client) => (await client.query("select tenant_id, email_verified from platform.users where email = $1", [email])).rows,
    );
    expect(account).toEqual([{ tenant_id: tenant.tenantId, email_verified: true }]);

    const again = await gateway.post("/auth/invitations/accept", { token, newPassword: "another password" });
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe("INVALID_TOKEN");
    expect((await gateway.post("/auth/login", { email, password: "another password" })).status).toBe(401);
  });

  test("an expired invitation is refused and creates no account", async () => {
    const email = fresh();
    expect((await gateway.post("/auth/invitations", { email }, { token: adminToken })).status).toBe(202);
    const token = tokenIn((await eventually("the queued mail", async () => (await outboxTo(email))[0]))!.body);
    await withAdmin((client) =>
      client.query("update nexus_auth.invitations set expires_at = now() - interval '1 second' where email = $1", [email]),
    );
    const answer = await gateway.post("/auth/invitations/accept", { token, newPassword: "my chosen password" });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe("INVALID_TOKEN");
    expect((await gateway.post("/auth/login", { email, password: "my chosen password" })).status).toBe(401);
  });

  test("a non-admin cannot invite", async () => {
    const { accessToken } = await signIn(gateway, tenant.users[0]!.email, PASSWORD);
    const email = fresh();
    const answer = await gateway.post("/auth/invitations", { email }, { token: accessToken });
    expect(answer.status).toBe(403);
    expect(answer.body.error.code).toBe("FORBIDDEN");
    expect(await invitationsTo(email)).toEqual([]);
    expect((await gateway.post("/auth/invitations", { email })).status).toBe(401);
    expect((await gateway.post("/auth/invitations", { email: "not an address" }, { token: adminToken })).body.error.code).toBe(
      "INVALID_REQUEST",
    );
  });

  test("an address with an account here is named; one with an account in another tenant answers like a new one and gets nothing", async () => {
    const member = await gateway.post("/auth/invitations", { email: tenant.users[0]!.email }, { token: adminToken });
    expect(member.status).toBe(409);
    expect(member.body.error.code).toBe("ALREADY_MEMBER");

    const elsewhere = rival.users[0]!.email;
    const answer = await gateway.post("/auth/invitations", { email: elsewhere }, { token: adminToken });
    expect(answer.status).toBe(202);
    expect(answer.body).toEqual({ invited: true });
    expect(await invitationsTo(elsewhere)).toEqual([]);
    expect(await outboxTo(elsewhere)).toEqual([]);
  });
});
