import { randomBytes } from "node:crypto";

import { runNexus } from "./support/cli";
import { createTenant, PASSWORD, withAdmin } from "./support/fixtures";
import { startTestGateway, testConfig, type TestGateway } from "./support/gateway";

/**
 * Password guessing is slowed down per client, and per account and client,
 * in the database: shared by every instance, the same for accounts that
 * exist and accounts that do not, and never a lock on the account itself.
 * Clients are told apart by X-Forwarded-For (the test talks through
 * loopback, a trusted proxy); each test uses addresses of its own.
 */
describe("sign-in throttling", () => {
  let gateway: TestGateway;
  let twin: TestGateway;
  const v6 = () => `2001:db8:${randomBytes(2).toString("hex")}:${randomBytes(2).toString("hex")}`;
  const v4 = () => `198.51.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;
  const from = (ip: string) => ({ headers: { "x-forwarded-for": ip } });
  const login = (via: TestGateway, email: string, password: string, ip: string) => via.post("/auth/login", { email, password }, from(ip));

  beforeAll(async () => {
    const env = {
      NEXUS_LOGIN_MAX_FAILURES: "3",
      NEXUS_LOGIN_LOCK_SECONDS: "120",
      NEXUS_LOGIN_RATE_PER_IP: "8",
      NEXUS_PASSWORD_RESET_PER_ADDRESS: "2",
      NEXUS_PASSWORD_RESET_PER_CLIENT: "4",
    };
    // Two instances over one database: the limits hold across them.
    gateway = await startTestGateway({ config: testConfig(env) });
    twin = await startTestGateway({ config: testConfig(env) });
  }, 180_000);
  afterAll(async () => Promise.all([gateway.close(), twin.close()]));

  test("a failing client backs off, on every instance, while the owner signs in from elsewhere; an unknown account answers the same", async () => {
    const tenant = await createTenant("Throttle", 1);
    const email = tenant.users[0]!.email;
    const unknown = `nobody-${randomBytes(4).toString("hex")}@throttle.test`;
    const guesser = v4();
    const answers = async (account: string, guesser: string) => {
      // Two failures on one instance, the third on the other: the count is shared.
      const statuses = [
        (await login(gateway, account, "wrong password", guesser)).status,
        (await login(gateway, account, "wrong password", guesser)).status,
        (await login(twin, account, "wrong password", guesser)).status,
      ];
      const blocked = await login(gateway, account, PASSWORD, guesser);
      return { statuses, blocked: blocked.status, code: blocked.body.error?.code, retryAfter: Number(blocked.headers.get("retry-after")) };
    };
    const known = await answers(email, guesser);
    const missing = await answers(unknown, v4());
    expect(known.statuses).toEqual([401, 401, 401]);
    // Even the right password waits, from the client that has been failing.
    expect(known).toMatchObject({ blocked: 429, code: "RATE_LIMITED" });
    expect(known.retryAfter).toBeGreaterThan(100);
    expect(known.retryAfter).toBeLessThanOrEqual(120);
    // An unknown address: the same statuses, codes and backoff, so the answers reveal nothing.
    expect({ ...missing, retryAfter: missing.retryAfter > 100 && missing.retryAfter <= 120 }).toEqual({ ...known, retryAfter: true });
    expect((await login(twin, email, PASSWORD, guesser)).status).toBe(429);
    // The owner, on another client, is not locked out.
    expect((await login(twin, email, PASSWORD, v4())).status).toBe(200);
    // `nexus user enable` lifts the backoff of the account from every client.
    const enabled = await runNexus(["user", "enable", "--email", email]);
    expect(enabled.code).toBe(0);
    expect((await login(gateway, email, PASSWORD, guesser)).status).toBe(200);
  });

  test("the per-client limit counts an IPv6 /64 as one client", async () => {
    const prefix = v6();
    const statuses = [];
    for (let i = 1; i <= 9; i++)
      statuses.push((await login(gateway, `spread${i}@throttle.test`, "x", `${prefix}::${i.toString(16)}:${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 401, 401, 429]);
    expect((await login(gateway, "spread@throttle.test", "x", `${prefix}:ffff:ffff:ffff:ffff`)).status).toBe(429);
    // The neighbouring /64 is another client.
    expect((await login(gateway, "spread@throttle.test", "x", `${v6()}::1`)).status).toBe(401);
  });

  test("POST /auth/password shares the sign-in throttle of the account", async () => {
    const tenant = await createTenant("PasswordGuess", 1);
    const email = tenant.users[0]!.email;
    const thief = v4();
    const { accessToken } = (await login(gateway, email, PASSWORD, thief)).body;
    const change = (currentPassword: string) =>
      gateway.post("/auth/password", { currentPassword, newPassword: "a brand new password" }, { token: accessToken, ...from(thief) });
    expect([(await change("guess one")).status, (await change("guess two")).status, (await change("guess three")).status]).toEqual([
      401, 401, 401,
    ]);
    const blocked = await change(PASSWORD);
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe("RATE_LIMITED");
    // The guesses count at sign-in too: the same account and client.
    expect((await login(gateway, email, PASSWORD, thief)).status).toBe(429);
    expect((await login(gateway, email, PASSWORD, v4())).status).toBe(200);
  });

  test("password-reset requests answer alike for any address, deliver later, and are limited per address and per client", async () => {
    const tenant = await createTenant("ResetThrottle", 1);
    const email = tenant.users[0]!.email;
    const client = v4();
    const known = await gateway.post("/auth/password-reset/request", { email }, from(client));
    const unknown = await gateway.post(
      "/auth/password-reset/request",
      { email: `nobody-${randomBytes(4).toString("hex")}@reset.test` },
      from(client),
    );
    expect([known.status, unknown.status]).toEqual([202, 202]);
    expect(unknown.body).toEqual(known.body);
    const mails = async () =>
      withAdmin(async (c) =>
        Number(
          (await c.query("select count(*) from platform.mail_outbox where recipient = $1 and subject like 'Reset%'", [email])).rows[0]
            .count,
        ),
      );
    const deadline = Date.now() + 10_000;
    while ((await mails()) === 0 && Date.now() < deadline) await new Promise((resolve) => setImmediate(resolve));
    expect(await mails()).toBe(1);
    // Per address: two an hour, from any client.
    expect((await gateway.post("/auth/password-reset/request", { email }, from(v4()))).status).toBe(202);
    const perAddress = await twin.post("/auth/password-reset/request", { email: email.toUpperCase() }, from(v4()));
    expect(perAddress.status).toBe(429);
    expect(Number(perAddress.headers.get("retry-after"))).toBeGreaterThan(0);
    // Per client: four an hour, whatever the address (two sent above).
    const other = (n: number) =>
      gateway.post("/auth/password-reset/request", { email: `other${n}-${randomBytes(3).toString("hex")}@reset.test` }, from(client));
    expect([(await other(1)).status, (await other(2)).status, (await other(3)).status]).toEqual([202, 202, 429]);
  });
});
