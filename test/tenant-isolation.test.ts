import { createTenant, signIn, type TenantFixture, withAdmin } from "./support/fixtures";
import { startTestGateway, type TestGateway } from "./support/gateway";

describe("tenant isolation over GraphQL", () => {
  let gateway: TestGateway;
  let acme: TenantFixture;
  let globex: TenantFixture;
  let acmeToken: string;

  beforeAll(async () => {
    gateway = await startTestGateway();
    acme = await createTenant("Acme", 2);
    globex = await createTenant("Globex", 1);
    acmeToken = (await signIn(gateway, acme.users[0]!.email)).accessToken;
  });
  afterAll(async () => gateway.close());

  const idsOf = (tenant: TenantFixture) => [tenant.admin.userId, ...tenant.users.map((u) => u.userId)].sort();

  test("a request without a token sees no tenant rows", async () => {
    const { status, body } = await gateway.graphql("{ tenants { nodes { rowId } } users { nodes { rowId } } }");
    expect(status).toBe(200);
    expect(body.data?.tenants ?? null).toBeNull();
    expect(body.data?.users ?? null).toBeNull();
    expect(body.errors[0].extensions.code).toBe("FORBIDDEN");
  });

  test("a JWT for tenant A sees tenant A and only A's users", async () => {
    const { body } = await gateway.graphql("{ tenants { nodes { rowId name } } users { totalCount nodes { rowId tenantId } } }", {
      token: acmeToken,
    });
    expect(body.errors).toBeUndefined();
    expect(body.data.tenants.nodes).toEqual([{ rowId: acme.tenantId, name: acme.name }]);
    expect(body.data.users.totalCount).toBe(idsOf(acme).length);
    expect(body.data.users.nodes.map((u: { rowId: string }) => u.rowId).sort()).toEqual(idsOf(acme));
    expect(body.data.users.nodes.every((u: { tenantId: string }) => u.tenantId === acme.tenantId)).toBe(true);
  });

  test("a JWT for tenant A cannot fetch a user of tenant B by id", async () => {
    const { body } = await gateway.graphql("query($id: UUID!) { user(rowId: $id) { rowId } }", {
      token: acmeToken,
      variables: { id: globex.users[0]!.userId },
    });
    expect(body.errors).toBeUndefined();
    expect(body.data.user).toBeNull();
  });

  test("password_hash is not part of the GraphQL schema", async () => {
    const { body } = await gateway.graphql('{ __type(name: "User") { fields { name } } }');
    const fields = body.data.__type.fields.map((f: { name: string }) => f.name);
    expect(fields).toEqual(expect.arrayContaining(["rowId", "email", "username", "tenantId"]));
    // importHash is the fingerprint of an imported record (what an import matches on), not a secret.
    expect(fields.filter((name: string) => name !== "importHash" && /hash|token|failedLogin|lockedUntil/i.test(name))).toEqual([]);
    expect(fields).not.toContain("passwordHash");
  });

  test("the user role cannot select password_hash even in SQL", async () => {
    const error = await withAdmin(async (client) => {
      await client.query("begin");
      try {
        await client.query("set local role nexus_user");
        await client.query("select password_hash from platform.users limit 1");
        return null;
      } catch (caught) {
        return (caught as { code?: string }).code;
      } finally {
        await client.query("rollback");
      }
    });
    expect(error).toBe("42501");
  });

  // A distributed table's primary key is (tenant_id, id) (docs/scaling.md); GraphQL names its rows as if it were id.
  test("a row of a distributed table is named by its id alone: node id, lookup, update and delete, with the tenant from the token", async () => {
    const key = await withAdmin(async (client) => {
      const { rows } = await client.query<{ definition: string }>(
        "select pg_get_constraintdef(oid) as definition from pg_constraint where conrelid = 'assets.asset_manufacturers'::regclass and contype = 'p'",
      );
      return rows[0]!.definition;
    });
    expect(key).toBe("PRIMARY KEY (tenant_id, id)");

    const [adminToken, globexAdminToken] = await Promise.all(
      [acme, globex].map(async (tenant) => (await signIn(gateway, tenant.admin.email)).accessToken),
    );
    const created = await gateway.data(
      adminToken,
      `mutation { createAssetManufacturer(input: { assetManufacturer: { name: "Keyed" } }) { assetManufacturer { id rowId } } }`,
    );
    const { id, rowId } = created.createAssetManufacturer.assetManufacturer;
    expect(JSON.parse(Buffer.from(id, "base64").toString("utf8"))).toEqual(["AssetManufacturer", rowId]);

    const read = `query($id: ID!, $rowId: UUID!) { node(id: $id) { id } assetManufacturer(rowId: $rowId) { name } }`;
    expect(await gateway.data(adminToken, read, { id, rowId })).toEqual({ node: { id }, assetManufacturer: { name: "Keyed" } });
    expect(await gateway.data(globexAdminToken, read, { id, rowId })).toEqual({ node: null, assetManufacturer: null });

    const rename = `mutation($rowId: UUID!) { updateAssetManufacturer(input: { rowId: $rowId, patch: { name: "Renamed" } }) { assetManufacturer { name } } }`;
    const theirs = await gateway.body(globexAdminToken, rename, { rowId });
    expect(theirs.data.updateAssetManufacturer).toBeNull();
    expect(theirs.errors).toHaveLength(1);
    expect(await gateway.data(adminToken, rename, { rowId })).toEqual({
      updateAssetManufacturer: { assetManufacturer: { name: "Renamed" } },
    });

    const remove = `mutation($rowId: UUID!) { deleteAssetManufacturer(input: { rowId: $rowId }) { assetManufacturer { rowId } } }`;
    expect(await gateway.data(adminToken, remove, { rowId })).toEqual({ deleteAssetManufacturer: { assetManufacturer: { rowId } } });
    expect(await gateway.data(adminToken, read, { id, rowId })).toEqual({ node: null, assetManufacturer: null });
  });
});
