import { randomBytes } from "node:crypto";

import { runMigrations } from "graphile-worker";
import pino from "pino";

import { createTenant, PASSWORD, signIn, type TenantFixture, withAdmin } from "./support/fixtures";
import { startTestGateway, testConfig, type TestGateway, testJobsSchema } from "./support/gateway";
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

/** The file's job queue as rows: what a failed wait for mail shows. */
const queued = (schema: string) =>
  withAdmin(
    async (client) =>
      (
        await client.query(
          `select j.id, t.identifier as task, j.payload, j.attempts, j.max_attempts, j.last_error, j.run_at, j.locked_at, j.locked_by
             from ${schema}._private_jobs j join ${schema}._private_tasks t on t.id = j.task_id order by j.id`,
        )
      ).rows,
  );

describe("mail through SMTP, sent by the job queue", () => {
  let smtp: Awaited<ReturnType<typeof startMailServer>>;
  let gateway: TestGateway;
  let tenant: TenantFixture;
  // The gateways' warnings and errors, shown when a wait for mail fails.
  const logged: string[] = [];
  const logger = pino({ level: "warn" }, { write: (line: string) => logged.push(line.trim()) });
  /** `eventually`, failing with the file's queue and what the gateways logged. */
  const waitFor: typeof eventually = (what, condition, timeoutMs) =>
    eventually(what, condition, timeoutMs).catch(async (error: Error) => {
      const jobs = await queued(testJobsSchema());
      throw new Error(`${error.message}\nthe queue: ${JSON.stringify(jobs, null, 1)}\nthe gateways logged:\n${logged.join("\n")}`);
    });

  beforeAll(async () => {
    smtp = await startMailServer();
    [gateway, tenant] = await Promise.all([
      startTestGateway({ jobs: true, logger, config: testConfig({ NEXUS_SMTP_URL: smtp.url, NEXUS_APP_URL: APP_URL }) }),
      createTenant("Mail", 8),
    ]);
  });
  afterAll(async () => {
    await gateway.close();
    await smtp.close();
  });

  test("a password-reset mail arrives, its link opens the app with the token in the fragment, and the outbox row is marked sent", async () => {
    const email = tenant.users[0]!.email;
    expect((await gateway.post("/auth/password-reset/request", { email })).status).toBe(202);
    const [mail] = await waitFor("the reset mail", () => mailTo(smtp.delivered, email).length > 0 && mailTo(smtp.delivered, email));
    const token = new RegExp(`${APP_URL}/reset-password#token=(nxp_[A-Za-z0-9_-]+)`).exec(mail!.raw)?.[1];
    expect(token).toBeDefined();
    expect((await gateway.post("/auth/password-reset/confirm", { token, newPassword: "a brand new password" })).status).toBe(200);
    expect((await gateway.post("/auth/login", { email, password: "a brand new password" })).status).toBe(200);
    expect(await waitFor("the row marked sent", async () => (await outbox(email))[0]?.status === "sent" && outbox(email))).toEqual([
      { status: "sent", attempts: 1, sent_at: expect.any(Date) },
    ]);
  });

  test("a mail server that refuses for a while gets the mail on a later attempt, once", async () => {
    const email = tenant.users[1]!.email;
    const { accessToken } = await signIn(gateway, email, PASSWORD);
    smtp.state.refuse.set(email, 1);
    expect((await gateway.post("/auth/email-verification/request", {}, { token: accessToken })).status).toBe(202);
    await waitFor("the verification mail after a retry", async () => (await outbox(email))[0]?.status === "sent", 60_000);
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
    const second = await startTestGateway({ jobs: true, logger, config: testConfig({ NEXUS_SMTP_URL: smtp.url }) });
    try {
      const burst = tenant.users.slice(3, 6).map((user) => user.email);
      // Each address asks through both instances: two mails each.
      const answers = await Promise.all(
        burst.flatMap((email) => [gateway, second].map((target) => target.post("/auth/password-reset/request", { email }))),
      );
      expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 202));
      const everyone = [orphan.email, ...burst];
      let rows: Awaited<ReturnType<typeof outbox>> = [];
      await waitFor(
        "every row sent",
        async () => {
          rows = (await Promise.all(everyone.map(outbox))).flat();
          return rows.length === 1 + burst.length * 2 && rows.every((row) => row.status === "sent");
        },
        60_000,
      ).catch((error: Error) => {
        throw new Error(`${error.message}\nthe rows: ${JSON.stringify(rows)}`);
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

  test("a neighbour deployment installing its own job queue on the database stops this queue for a moment; it starts again and mail arrives", async () => {
    // graphile-worker stops every runner on the database at a breaking migration of any queue's tables, and
    // installing a queue is one.
    const neighbour = `graphile_worker_neighbour_${randomBytes(4).toString("hex")}`;
    const from = logged.length;
    const since = (text: string) => logged.slice(from).some((line) => line.includes(text));
    try {
      await runMigrations({ connectionString: process.env.NEXUS_TEST_ADMIN_URL!, schema: neighbour });
      await waitFor("the queue stopping", () => since("the job queue stopped by itself"));
      await waitFor("the queue running again", () => since("the job queue runs again"));
      const email = tenant.users[7]!.email;
      expect((await gateway.post("/auth/password-reset/request", { email })).status).toBe(202);
      await waitFor("the reset mail", () => mailTo(smtp.delivered, email).length > 0);
      expect(process.exitCode ?? 0).toBe(0);
    } finally {
      await withAdmin((client) => client.query(`drop schema if exists ${neighbour} cascade`));
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
      const body = await waitFor("the reset mail in the outbox", () =>
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
