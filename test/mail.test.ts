import { createTenant, PASSWORD, signIn, type TenantFixture, withAdmin } from "./support/fixtures";
import { startTestGateway, testConfig, type TestGateway } from "./support/gateway";
import { eventually, mailTo, startMailServer } from "./support/mail-server";

const APP_URL = "https://app.nexus.test";

const outbox = (recipient: string) =>
  withAdmin(
    async (client) =>
      (
        await client.query<{ status: string; attempts: number; sent_at: Date | null }>(
          "select status, attempts, sent_at from platform.mail_outbox where recipient = $1 order by created_at",
          [recipient],
        )
      ).rows,
  );

describe("mail through SMTP, sent by the job queue", () => {
  let smtp: Awaited<ReturnType<typeof startMailServer>>;
  let gateway: TestGateway;
  let tenant: TenantFixture;

  beforeAll(async () => {
    smtp = await startMailServer();
    [gateway, tenant] = await Promise.all([
      startTestGateway({ jobs: true, config: testConfig({ NEXUS_SMTP_URL: smtp.url, NEXUS_APP_URL: APP_URL }) }),
      createTenant("Mail", 7),
    ]);
  });
  afterAll(async () => {
    await gateway.close();
    await smtp.close();
  });

  test("a password-reset mail arrives, its link opens the app with the token in the fragment, and the outbox row is marked sent", async () => {
    const email = tenant.users[0]!.email;
    expect((await gateway.post("/auth/password-reset/request", { email })).status).toBe(202);
    const [mail] = await eventually("the reset mail", () => mailTo(smtp.delivered, email).length > 0 && mailTo(smtp.delivered, email));
    const token = new RegExp(`${APP_URL}/reset-password#token=(nxp_[A-Za-z0-9_-]+)`).exec(mail!.raw)?.[1];
    expect(token).toBeDefined();
    expect((await gateway.post("/auth/password-reset/confirm", { token, newPassword: "a brand new password" })).status).toBe(200);
    expect((await gateway.post("/auth/login", { email, password: "a brand new password" })).status).toBe(200);
    expect(await eventually("the row marked sent", async () => (await outbox(email))[0]?.status === "sent" && outbox(email))).toEqual([
      { status: "sent", attempts: 1, sent_at: expect.any(Date) },
    ]);
  });

  test("a mail server that refuses for a while gets the mail on a later attempt, once", async () => {
    const email = tenant.users[1]!.email;
    const { accessToken } = await signIn(gateway, email, PASSWORD);
    smtp.state.refuse.set(email, 1);
    expect((await gateway.post("/auth/email-verification/request", {}, { token: accessToken })).status).toBe(202);
    await eventually("the verification mail after a retry", async () => (await outbox(email))[0]?.status === "sent", 60_000);
    expect(await outbox(email)).toEqual([{ status: "sent", attempts: 2, sent_at: expect.any(Date) }]);
    const received = mailTo(smtp.delivered, email);
    expect(received).toHaveLength(1);
    expect(received[0]!.raw).toContain(`${APP_URL}/verify-email#token=nxv_`);
  });

  test("two instances deliver every mail exactly once, and mail queued while no worker ran is delivered when one starts", async () => {
    // Queued with no job, as a crash between the outbox row and its job leaves it.
    const orphan = tenant.users[2]!;
    await withAdmin((client) =>
      client.query("select nexus_auth.enqueue_mail($1, $2, $3, 'Left behind', 'Queued before the crash.')", [
        tenant.tenantId,
        orphan.userId,
        orphan.email,
      ]),
    );
    const second = await startTestGateway({ jobs: true, config: testConfig({ NEXUS_SMTP_URL: smtp.url }) });
    try {
      const burst = tenant.users.slice(3, 6).map((user) => user.email);
      // Each address asks through both instances: two mails each.
      await Promise.all(
        burst.flatMap((email) => [gateway, second].map((target) => target.post("/auth/password-reset/request", { email }))),
      );
      const everyone = [orphan.email, ...burst];
      let rows: Awaited<ReturnType<typeof outbox>> = [];
      await eventually(
        "every row sent",
        async () => {
          rows = (await Promise.all(everyone.map(outbox))).flat();
          return rows.length === 1 + burst.length * 2 && rows.every((row) => row.status === "sent");
        },
        60_000,
      ).catch((error: Error) => {
        throw new Error(`${error.message}: ${JSON.stringify(rows)}`);
      });
      // Once every row is sent nothing can send it again: what arrived is all there will be. Test files share
      // one database, so a gateway of another file running the queue with its own SMTP server may take some of
      // these jobs: every row was sent (above), and no mail arrived twice.
      const received = everyone.flatMap((email) => mailTo(smtp.delivered, email));
      expect(received.length).toBeGreaterThan(0);
      expect(received.length).toBeLessThanOrEqual(1 + burst.length * 2);
      expect(new Set(received.map((mail) => mail.messageId)).size).toBe(received.length);
    } finally {
      await second.close();
    }
  });

  test("without NEXUS_APP_URL, links open the gateway's own page, which is served", async () => {
    const own = await startTestGateway({ config: testConfig({ NEXUS_PUBLIC_URL: "https://api.nexus.test" }) });
    try {
      const page = await own.get("/reset-password");
      expect(page.status).toBe(200);
      expect(page.headers.get("content-type")).toContain("text/html");
      expect(page.headers.get("content-security-policy")).toMatch(/script-src 'sha256-/);
      expect(page.body).toContain("/auth/password-reset/confirm");
      expect((await own.get("/verify-email")).status).toBe(200);
      expect((await own.get("/accept-invitation")).body).toContain("/auth/invitations/accept");
      const email = tenant.users[6]!.email;
      await own.post("/auth/password-reset/request", { email });
      // The reset request is answered before its mail is queued: wait for the outbox row.
      const body = await eventually("the reset mail in the outbox", () =>
        withAdmin(
          async (client) =>
            (await client.query<{ body: string }>("select body from platform.mail_outbox where recipient = $1", [email])).rows[0]?.body,
        ),
      );
      expect(body).toMatch(/https:\/\/api\.nexus\.test\/reset-password#token=nxp_/);
      // The app-configured gateway does not serve them: its links go to the app.
      expect((await gateway.get("/reset-password")).status).toBe(404);
    } finally {
      await own.close();
    }
  });
});
