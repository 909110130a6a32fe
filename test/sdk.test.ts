import { execFileSync } from "node:child_process";
import path from "node:path";
import {
  createClient,
  CreateUserGroupDocument,
  DeleteUserGroupDocument,
  GatewayError,
  MySessionsDocument,
  RolesDocument,
  UserGroupsDocument,
  UsersDocument,
  ViewerPermissionsDocument,
} from "../sdk/client";
import { createTenant, signIn, type TenantFixture } from "./support/fixtures";
import { startTestGateway, testConfig, type TestGateway } from "./support/gateway";

const root = path.join(__dirname, "..");

/** The typed SDK (npm run codegen) compiles on its own and its operations run against a live gateway. */
describe("the generated SDK", () => {
  let gateway: TestGateway;
  let tenant: TenantFixture;
  let token: string;

  beforeAll(async () => {
    gateway = await startTestGateway();
    tenant = await createTenant("Sdk", 1);
    token = (await signIn(gateway, tenant.admin.email)).accessToken;
  });
  afterAll(async () => gateway.close());

  test("compiles with tsc --noEmit", () => {
    execFileSync(path.join(root, "node_modules", ".bin", "tsc"), ["-p", path.join(root, "sdk", "tsconfig.json")], { stdio: "pipe" });
  });

  test("runs every operation, typed, as the signed-in user", async () => {
    const nexus = createClient({ url: `${gateway.url}/graphql`, token });
    const { users } = await nexus.request(UsersDocument, { first: 10 });
    expect(users?.totalCount).toBe(2);
    expect(users?.nodes.map((u) => u.email).sort()).toEqual([tenant.admin.email, tenant.users[0]!.email].sort());
    const filtered = await nexus.request(UsersDocument, { filter: { rowId: { equalTo: tenant.admin.userId } } });
    expect(filtered.users?.nodes.map((u) => u.rowId)).toEqual([tenant.admin.userId]);
    const created = await nexus.request(CreateUserGroupDocument, { name: "From the SDK" });
    const groupId = created.createUserGroup!.userGroup!.rowId;
    const groups = await nexus.request(UserGroupsDocument);
    expect(groups.userGroups?.nodes.map((g) => g.name)).toContain("From the SDK");
    expect(groups.userGroups?.aggregates?.distinctCount?.rowId).toBe(String(groups.userGroups?.totalCount));
    await nexus.request(DeleteUserGroupDocument, { rowId: groupId });
    expect((await nexus.request(RolesDocument)).roles?.nodes.map((r) => r.name)).toContain("admin");
    expect((await nexus.request(MySessionsDocument)).userSessions?.nodes.length).toBeGreaterThan(0);
    expect((await nexus.request(ViewerPermissionsDocument)).viewerPermissions).toContain("DELETE_USERS");
  });

  test("throws typed errors", async () => {
    const nexus = createClient({ url: `${gateway.url}/graphql`, token });
    const tooLarge = await nexus.request(UsersDocument, { first: 100_000 }).catch((e: unknown) => e);
    expect(tooLarge).toBeInstanceOf(GatewayError);
    expect((tooLarge as GatewayError).codes).toEqual(["PAGE_TOO_LARGE"]);
    const badToken = await createClient({ url: `${gateway.url}/graphql`, token: "a.b.c" })
      .request(RolesDocument)
      .catch((e: unknown) => e);
    expect((badToken as GatewayError).status).toBe(401);
    expect((badToken as GatewayError).codes).toEqual(["INVALID_TOKEN"]);
  });
});

describe("trusted documents (NEXUS_PERSISTED_ONLY=1)", () => {
  let gateway: TestGateway;
  let token: string;

  beforeAll(async () => {
    gateway = await startTestGateway({ config: testConfig({ NEXUS_PERSISTED_ONLY: "1" }) });
    const tenant = await createTenant("Persisted", 0);
    token = (await signIn(gateway, tenant.admin.email)).accessToken;
  });
  afterAll(async () => gateway.close());

  test("the SDK's operations run by hash", async () => {
    const nexus = createClient({ url: `${gateway.url}/graphql`, token, persisted: true });
    expect((await nexus.request(UsersDocument, { first: 5 })).users?.totalCount).toBe(1);
  });

  test("any other document is refused, even one the SDK also sends", async () => {
    const { body } = await gateway.graphql("{ users { totalCount } }", { token });
    expect(body.data).toBeUndefined();
    expect(body.errors[0].message).toMatch(/persisted/i);
    const nexus = createClient({ url: `${gateway.url}/graphql`, token });
    await expect(nexus.request(RolesDocument)).rejects.toBeInstanceOf(GatewayError);
  });
});
