import { createTenant, signIn, type TenantFixture, withAdmin } from "./support/fixtures";
import { startTestGateway, type TestGateway } from "./support/gateway";

describe("roles, groups and permissions", () => {
  let gateway: TestGateway;
  let tenant: TenantFixture;
  let adminToken: string;
  let userToken: string;

  beforeAll(async () => {
    gateway = await startTestGateway();
    tenant = await createTenant("Rbac", 2);
    adminToken = (await signIn(gateway, tenant.admin.email)).accessToken;
    userToken = (await signIn(gateway, tenant.users[0]!.email)).accessToken;
  });
  afterAll(async () => gateway.close());

  const createGroup = (token: string, name: string) =>
    gateway.graphql(
      "mutation($name: String!) { createUserGroup(input: { userGroup: { name: $name } }) { userGroup { rowId tenantId name } } }",
      {
        token,
        variables: { name },
      },
    );

  test("a new tenant has its admin and users groups, with the admin and user roles", async () => {
    const { body } = await gateway.graphql(
      "{ tenants { nodes { adminGroup { name groupRoles { nodes { role { name } } } } usersGroup { name groupRoles { nodes { role { name } } } } } } }",
      { token: userToken },
    );
    expect(body.errors).toBeUndefined();
    const [node] = body.data.tenants.nodes;
    expect(node.adminGroup).toEqual({ name: "Administrators", groupRoles: { nodes: [{ role: { name: "admin" } }] } });
    expect(node.usersGroup).toEqual({ name: "Users", groupRoles: { nodes: [{ role: { name: "user" } }] } });
  });

  test("relations over composite tenant keys have plain names", async () => {
    const { body } = await gateway.graphql(
      "{ groupRoles { nodes { userGroup { name } role { name } } } users { nodes { userGroupMemberships { totalCount } } } }",
      { token: userToken },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.groupRoles.nodes.length).toBeGreaterThan(0);
  });

  test("an admin creates a group, which lands in their tenant without sending tenantId", async () => {
    const { body } = await createGroup(adminToken, "Auditors");
    expect(body.errors).toBeUndefined();
    expect(body.data.createUserGroup.userGroup).toMatchObject({ name: "Auditors", tenantId: tenant.tenantId });
  });

  test("a plain user may not write authorization tables, and is told which permission it needs", async () => {
    const { body } = await createGroup(userToken, "Shadow admins");
    expect(body.data?.createUserGroup ?? null).toBeNull();
    expect(body.errors[0].extensions).toEqual({ code: "FORBIDDEN", permission: "CREATE_USER_GROUPS" });
    expect(body.errors[0].message).toContain("CREATE_USER_GROUPS");
    expect(body.errors[0].message).not.toMatch(/sign in/i);
  });

  test("nobody in a tenant can hand out the platform operator role", async () => {
    const operatorRole = await withAdmin(
      async (c) => (await c.query("select id from platform.roles where name = 'platform_operator'")).rows[0].id,
    );
    const { body } = await gateway.graphql(
      "mutation($user: UUID!, $role: UUID!) { createUserRole(input: { userRole: { userId: $user, roleId: $role } }) { userRole { rowId } } }",
      { token: adminToken, variables: { user: tenant.users[0]!.userId, role: operatorRole } },
    );
    expect(body.errors[0].extensions.code).toBe("FORBIDDEN");
    const assigned = await withAdmin(
      async (c) => (await c.query("select count(*)::int as n from platform.user_roles where role_id = $1", [operatorRole])).rows[0].n,
    );
    expect(assigned).toBe(0);
  });

  test("an admin's role assignment records who assigned it, from the token", async () => {
    const viewer = await withAdmin(async (c) => (await c.query("select id from platform.roles where name = 'viewer'")).rows[0].id);
    const { body } = await gateway.graphql(
      "mutation($user: UUID!, $role: UUID!) { createUserRole(input: { userRole: { userId: $user, roleId: $role } }) { userRole { assignedBy } } }",
      { token: adminToken, variables: { user: tenant.users[1]!.userId, role: viewer } },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.createUserRole.userRole.assignedBy).toBe(tenant.admin.userId);
  });

  test("viewerPermissions tells each user what they may do", async () => {
    const admin = (await gateway.graphql("{ viewerPermissions }", { token: adminToken })).body.data.viewerPermissions;
    const user = (await gateway.graphql("{ viewerPermissions }", { token: userToken })).body.data.viewerPermissions;
    expect(admin).toEqual(expect.arrayContaining(["DELETE_USERS", "CREATE_USER_GROUPS", "UPDATE_TENANTS"]));
    expect(user).not.toContain("DELETE_USERS");
    expect(user).not.toContain("CREATE_USER_GROUPS");
  });

  test("a user edits their own profile but not someone else's, and cannot deactivate anyone", async () => {
    const update = (token: string, id: string, patch: Record<string, unknown>) =>
      gateway.graphql(
        "mutation($id: UUID!, $patch: UserPatch!) { updateUser(input: { rowId: $id, patch: $patch }) { user { firstName isActive } } }",
        {
          token,
          variables: { id, patch },
        },
      );
    const own = await update(userToken, tenant.users[0]!.userId, { firstName: "Ada" });
    expect(own.body.data.updateUser.user.firstName).toBe("Ada");
    // Another user's profile is not theirs to change: the same answer as for a missing user.
    const others = await update(userToken, tenant.users[1]!.userId, { firstName: "Mallory" });
    expect(others.body.data?.updateUser ?? null).toBeNull();
    expect(others.body.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual(["NOT_FOUND"]);
    const missing = await update(userToken, "00000000-0000-4000-8000-000000000000", { firstName: "Mallory" });
    expect(missing.body.errors[0].message).toBe(others.body.errors[0].message);
    const stored = await withAdmin(
      async (c) => (await c.query("select first_name from platform.users where id = $1", [tenant.users[1]!.userId])).rows[0].first_name,
    );
    expect(stored).not.toBe("Mallory");
    const deactivate = await update(userToken, tenant.users[0]!.userId, { isActive: false });
    expect(deactivate.body.errors[0].extensions.code).toBe("FORBIDDEN");
  });

  test("an admin deactivating a user ends that user's sessions at once", async () => {
    const victim = await signIn(gateway, tenant.users[1]!.email);
    const { body } = await gateway.graphql(
      "mutation($id: UUID!) { updateUser(input: { rowId: $id, patch: { isActive: false } }) { user { isActive } } }",
      {
        token: adminToken,
        variables: { id: tenant.users[1]!.userId },
      },
    );
    expect(body.data.updateUser.user.isActive).toBe(false);
    // Ended by a trigger inside the GraphQL transaction: this instance learns it by NOTIFY, within milliseconds.
    const deadline = Date.now() + 2_000;
    let status = 200;
    while (status === 200 && Date.now() < deadline)
      status = (await gateway.graphql("{ __typename }", { token: victim.accessToken })).status;
    expect(status).toBe(401);
    expect((await gateway.post("/auth/login", { email: tenant.users[1]!.email, password: "correct horse battery" })).status).toBe(401);
  });

  test("preferences are private to their user", async () => {
    const mine = await gateway.graphql("{ userPreferences { nodes { userId locale theme } } }", { token: userToken });
    expect(mine.body.data.userPreferences.nodes).toEqual([{ userId: tenant.users[0]!.userId, locale: "en", theme: "system" }]);
  });

  test("global catalogs are readable by everyone and writable by no tenant user", async () => {
    const roles = await gateway.graphql("{ roles { nodes { name } } }", { token: userToken });
    expect(roles.body.data.roles.nodes.map((r: { name: string }) => r.name)).toEqual(
      expect.arrayContaining(["admin", "manager", "user", "viewer"]),
    );
    const write = await gateway.graphql('mutation { createRole(input: { role: { name: "superuser" } }) { role { rowId } } }', {
      token: adminToken,
    });
    expect(write.body.errors[0].extensions.code).toBe("FORBIDDEN");
  });
});
