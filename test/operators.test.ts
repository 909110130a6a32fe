import { existsSync } from "node:fs";

import { NEXUS, runNexus as nexus } from "./support/cli";
import { createTenant, PASSWORD, signIn, type TenantFixture } from "./support/fixtures";
import { startTestGateway, type TestGateway } from "./support/gateway";

/**
 * `npm run nexus -- …` as an operator runs it: the compiled CLI in its own
 * process, against the test database, beside a running gateway.
 */
beforeAll(() => {
  if (!existsSync(NEXUS)) throw new Error("run `npm run build` first (npm test does)");
});

describe("the admin CLI's command line", () => {
  test("--help at the top, for a group and for every command", async () => {
    const top = await nexus(["--help"]);
    expect(top.code).toBe(0);
    for (const command of ["tenant disable", "user revoke", "group assign", "role assign", "db migrate", "docs gen", "seed", "import"]) {
      expect(top.stdout).toContain(command);
      const own = await nexus([...command.split(" "), "--help"]);
      expect(own.code).toBe(0);
      expect(own.stdout).toMatch(new RegExp(`^Usage: npm run nexus -- ${command}`));
    }
    const group = await nexus(["user", "--help"]);
    expect(group.stdout).toContain("user reset-password");
    expect(group.stdout).not.toContain("tenant create");
    expect((await nexus(["db:migrate", "--help"])).stdout).toMatch(/^Usage: npm run nexus -- db migrate/);
  });

  test("an unknown command, option or a missing argument is one clear line and exit status 2", async () => {
    const unknown = await nexus(["frobnicate"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^nexus: unknown command "frobnicate"/);
    expect((await nexus(["tenant", "frob"])).stderr).toMatch(/^nexus: unknown command "tenant frob"/);
    const option = await nexus(["tenant", "list", "--colour"]);
    expect(option.code).toBe(2);
    const missing = await nexus(["user", "disable"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^nexus: user disable: --email is required/);
    expect((await nexus([])).code).toBe(2);
  });
});

describe("operating tenants and users beside a running gateway", () => {
  let gateway: TestGateway;
  let tenant: TenantFixture;
  beforeAll(async () => {
    // Tests that change a user (its sessions counted, its password reset) each have one of their own: they run in any order.
    tenant = await createTenant("Operated", 4);
    gateway = await startTestGateway({ own: true });
  });
  afterAll(() => gateway.close());

  /**
   * A request after the CLI's revocation has reached the gateway: the CLI is
   * another process, so its NOTIFY is read by the listener asynchronously;
   * sync() returns once every notification committed before it is in.
   */
  const probe = async (token: string) => {
    await gateway.gateway.revocations.sync();
    return gateway.graphql("{ __typename }", { token });
  };

  test("tenant disable: its users cannot sign in or refresh, and their open sessions end at once; enable lets them back", async () => {
    const session = await signIn(gateway, tenant.users[0]!.email);
    expect((await probe(session.accessToken)).status).toBe(200);

    const disabled = await nexus(["tenant", "disable", "--tenant", tenant.name]);
    expect(disabled.stderr).toBe("");
    expect(disabled.code).toBe(0);
    expect(disabled.stdout).toMatch(new RegExp(`disabled tenant ${tenant.name}; ended [1-9]\\d* session`));

    const refused = await probe(session.accessToken);
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe("TOKEN_REVOKED");
    expect((await gateway.post("/auth/refresh", { refreshToken: session.refreshToken })).status).toBe(401);
    const login = await gateway.post("/auth/login", { email: tenant.admin.email, password: PASSWORD });
    expect(login.status).toBe(401);
    expect(login.body.error.code).toBe("INVALID_CREDENTIALS");

    const list = await nexus(["tenant", "list"]);
    expect(list.stdout).toMatch(new RegExp(`${tenant.tenantId}\\s+${tenant.name}\\s+no\\s+5`));

    expect((await nexus(["tenant", "enable", "--tenant", tenant.name])).code).toBe(0);
    expect((await probe((await signIn(gateway, tenant.admin.email)).accessToken)).status).toBe(200);
  });

  test("user sessions and revoke: one session or all, refused on the gateway at once", async () => {
    const email = tenant.users[2]!.email;
    const first = await signIn(gateway, email);
    const second = await signIn(gateway, email);
    const listed = await nexus(["user", "sessions", "--email", email]);
    const ids = [...listed.stdout.matchAll(/^([0-9a-f-]{36})\s/gm)].map((match) => match[1]!);
    expect(ids).toHaveLength(2);

    const { body: me } = await gateway.get("/auth/sessions", { token: first.accessToken });
    const firstId = me.sessions.find((s: { current: boolean }) => s.current).id as string;
    const one = await nexus(["user", "revoke", "--email", email, "--session", firstId]);
    expect(one.stdout).toContain(`ended 1 session(s) of ${email}`);
    expect((await probe(first.accessToken)).status).toBe(401);
    expect((await probe(second.accessToken)).status).toBe(200);

    expect((await nexus(["user", "revoke", "--email", email])).stdout).toContain("ended 1 session(s)");
    expect((await probe(second.accessToken)).status).toBe(401);
    expect((await nexus(["user", "sessions", "--email", email])).stdout).toContain("no active sessions");
  });

  test("user disable, enable and reset-password", async () => {
    const email = tenant.users[3]!.email;
    const session = await signIn(gateway, email);
    expect((await nexus(["user", "disable", "--email", email])).code).toBe(0);
    expect((await probe(session.accessToken)).status).toBe(401);
    expect((await gateway.post("/auth/login", { email, password: PASSWORD })).status).toBe(401);
    expect((await nexus(["user", "enable", "--email", email])).code).toBe(0);

    const reset = await nexus(["user", "reset-password", "--email", email, "--password-stdin"], "a brand new passphrase\n");
    expect(reset.code).toBe(0);
    expect((await gateway.post("/auth/login", { email, password: PASSWORD })).status).toBe(401);
    expect((await gateway.post("/auth/login", { email, password: "a brand new passphrase" })).status).toBe(200);
  });

  test("group assign and role assign, and what is not there fails with exit status 1", async () => {
    const email = tenant.users[1]!.email;
    expect((await nexus(["group", "assign", "--email", email, "--group", "Administrators"])).stdout).toContain(
      `added ${email} to group Administrators`,
    );
    expect((await nexus(["group", "assign", "--email", email, "--group", "Administrators"])).stdout).toContain("already is in group");
    const { accessToken } = await signIn(gateway, email);
    const { body } = await gateway.graphql("{ viewerPermissions }", { token: accessToken });
    expect(body.data.viewerPermissions).toContain("UPDATE_USERS");
    expect((await nexus(["role", "assign", "--email", email, "--role", "manager"])).stdout).toContain(`gave ${email} the role manager`);

    const noGroup = await nexus(["group", "assign", "--email", email, "--group", "Astronauts"]);
    expect(noGroup.code).toBe(1);
    expect(noGroup.stderr.trim()).toBe(`nexus: no group named "Astronauts" in the user's tenant`);
    const noRole = await nexus(["role", "assign", "--email", email, "--role", "emperor"]);
    expect(noRole.code).toBe(1);
    expect(noRole.stderr.trim()).toBe('nexus: no tenant role named "emperor"');
    const noUser = await nexus(["user", "disable", "--email", "nobody@nowhere.test"]);
    expect(noUser.code).toBe(1);
    expect(noUser.stderr.trim()).toBe("nexus: no user nobody@nowhere.test");
    const noTenant = await nexus(["tenant", "disable", "--tenant", "No such tenant"]);
    expect(noTenant.code).toBe(1);
    expect(noTenant.stderr.trim()).toBe('nexus: no tenant named "No such tenant"');
  });
});
