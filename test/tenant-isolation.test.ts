import { issueAccessToken } from "../src/auth/tokens";
import { createTenant, type TenantFixture } from "./support/fixtures";
import { startTestGateway, type TestGateway } from "./support/gateway";

describe("tenant isolation over GraphQL", () => {
  let gateway: TestGateway;
  let acme: TenantFixture;
  let globex: TenantFixture;

  beforeAll(async () => {
    gateway = await startTestGateway();
    acme = await createTenant("Acme");
    globex = await createTenant("Globex");
  });
  afterAll(async () => gateway.close());

  const tokenFor = (tenant: TenantFixture) =>
    issueAccessToken(gateway.config.jwt, { userId: tenant.userIds[0]!, tenantId: tenant.tenantId });

  test("a request without a token sees no tenant rows", async () => {
    const { status, body } = await gateway.graphql("{ tenants { nodes { rowId } } users { nodes { rowId } } }");
    expect(status).toBe(200);
    expect(body.data?.tenants ?? null).toBeNull();
    expect(body.data?.users ?? null).toBeNull();
    expect(body.errors[0].extensions.code).toBe("FORBIDDEN");
  });

  test("a JWT for tenant A sees tenant A and only A's users", async () => {
    const { body } = await gateway.graphql(
      "{ tenants { nodes { rowId name } } users { totalCount nodes { rowId tenantId } } }",
      { token: tokenFor(acme) },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.tenants.nodes).toEqual([{ rowId: acme.tenantId, name: acme.name }]);
    expect(body.data.users.totalCount).toBe(acme.userIds.length);
    expect(body.data.users.nodes.map((u: { rowId: string }) => u.rowId).sort()).toEqual([...acme.userIds].sort());
    expect(body.data.users.nodes.every((u: { tenantId: string }) => u.tenantId === acme.tenantId)).toBe(true);
  });

  test("a JWT for tenant A cannot fetch a user of tenant B by id", async () => {
    const { body } = await gateway.graphql("query($id: UUID!) { user(rowId: $id) { rowId } }", {
      token: tokenFor(acme),
      variables: { id: globex.userIds[0] },
    });
    expect(body.errors).toBeUndefined();
    expect(body.data.user).toBeNull();
  });

  test("password_hash is not part of the GraphQL schema", async () => {
    const { body } = await gateway.graphql('{ __type(name: "User") { fields { name } } }');
    const fields = body.data.__type.fields.map((f: { name: string }) => f.name);
    expect(fields).toEqual(expect.arrayContaining(["rowId", "email", "username", "tenantId"]));
    expect(fields.filter((name: string) => /password/i.test(name))).toEqual([]);
  });
});
