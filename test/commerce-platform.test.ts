import { runNexus } from "./support/cli";
import { createTenant, signIn, withAdmin } from "./support/fixtures";
import { startTestGateway, type TestGateway } from "./support/gateway";

/**
 * The platform records every tenant starts with and keeps: its default API
 * endpoints and configuration anchors, whoever creates it; archived
 * accounts that stay referable but can no longer sign in.
 */
describe("platform records", () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway();
  }, 180_000);
  afterAll(async () => gateway.close());

  test("a tenant made by the CLI starts with the default API endpoints and configuration anchors", async () => {
    const email = `boss@defaults-${Date.now()}.test`;
    const created = await runNexus(
      ["tenant", "create", "--name", `Defaults ${Date.now()}`, "--admin-email", email, "--password-stdin"],
      "a long enough password\n",
    );
    expect(created.code).toBe(0);
    const { accessToken } = await signIn(gateway, email, "a long enough password");
    const data = await gateway.data(
      accessToken,
      "{ apiEndpoints(orderBy: [NAME_ASC]) { nodes { name path } } ssotAnchors(orderBy: [ANCHOR_ID_ASC]) { nodes { anchorId } } }",
    );
    expect(data.apiEndpoints.nodes.map((n: { name: string }) => n.name)).toEqual([
      "accounts.list",
      "ai.chat",
      "analytics.summary",
      "health.check",
      "transactions.create",
      "users.profile.get",
      "users.profile.update",
    ]);
    expect(data.ssotAnchors.nodes.map((n: { anchorId: string }) => n.anchorId)).toEqual([
      "config.api",
      "config.docker",
      "config.env",
      "config.kubernetes",
      "config.monitoring",
    ]);
  });

  test("deleting a user archives the account: hidden, inactive, signed out, restorable by an admin", async () => {
    const acme = await createTenant("Archiver", 1);
    const [admin, user] = await Promise.all([signIn(gateway, acme.admin.email), signIn(gateway, acme.users[0]!.email)]);
    const userId = acme.users[0]!.userId;
    await gateway.data(admin.accessToken, "mutation($id: UUID!) { deleteUser(input: { rowId: $id }) { deletedUserId } }", { id: userId });

    const listed = await gateway.data(admin.accessToken, "{ users { nodes { rowId } } }");
    expect(listed.users.nodes.map((n: { rowId: string }) => n.rowId)).not.toContain(userId);
    const row = await withAdmin(
      async (c) => (await c.query("select deleted_at, is_active from platform.users where id = $1", [userId])).rows[0],
    );
    expect(row.deleted_at).not.toBeNull();
    expect(row.is_active).toBe(false);
    expect((await gateway.post("/auth/login", { email: acme.users[0]!.email, password: "correct horse battery" })).status).not.toBe(200);
    expect((await gateway.post("/auth/refresh", { refreshToken: user.refreshToken })).status).not.toBe(200);

    const archived = { token: admin.accessToken, headers: { "X-Nexus-Include-Archived": "1" } };
    const restored = await gateway.graphql(
      "mutation($id: UUID!) { updateUser(input: { rowId: $id, patch: { deletedAt: null, isActive: true } }) { user { rowId deletedAt isActive updatedBy } } }",
      { ...archived, variables: { id: userId } },
    );
    expect(restored.body.errors).toBeUndefined();
    expect(restored.body.data.updateUser.user).toEqual({ rowId: userId, deletedAt: null, isActive: true, updatedBy: acme.admin.userId });
  });

  test("a tenant starts with its settings; a user writes their own profile, not a colleague's", async () => {
    const acme = await createTenant("Profiles", 2);
    const [admin, user, colleague] = await Promise.all([
      signIn(gateway, acme.admin.email),
      signIn(gateway, acme.users[0]!.email),
      signIn(gateway, acme.users[1]!.email),
    ]);
    const settings = await gateway.data(user.accessToken, "{ tenantSettings { nodes { timeZone currency } } }");
    expect(settings.tenantSettings.nodes).toEqual([{ timeZone: "UTC", currency: "USD" }]);
    const badZone = await gateway.body(
      admin.accessToken,
      'mutation($id: UUID!) { updateTenantSettingByTenantId(input: { tenantId: $id, patch: { timeZone: "Mars/Olympus" } }) { tenantSetting { timeZone } } }',
      { id: acme.tenantId },
    );
    expect(badZone.errors?.[0]?.extensions?.code).toBeDefined();

    const mine = await gateway.data(
      user.accessToken,
      'mutation { createProfile(input: { profile: { displayName: "Ann", headline: "Support" } }) { profile { rowId userId } } }',
    );
    expect(mine.createProfile.profile.userId).toBe(acme.users[0]!.userId);
    const edit = await gateway.body(
      colleague.accessToken,
      'mutation($id: UUID!) { updateProfile(input: { rowId: $id, patch: { displayName: "Not Ann" } }) { profile { displayName } } }',
      { id: mine.createProfile.profile.rowId },
    );
    expect(edit.errors?.[0]?.extensions?.code).toMatch(/^(FORBIDDEN|NOT_FOUND)$/);
    const seen = await gateway.data(colleague.accessToken, "{ profiles { nodes { displayName } } }");
    expect(seen.profiles.nodes).toEqual([{ displayName: "Ann" }]);
  });
});
