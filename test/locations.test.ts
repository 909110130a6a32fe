import { createTenant, signIn, type TenantFixture, withAdmin } from "./support/fixtures";
import { startTestGateway, type TestGateway } from "./support/gateway";

describe("locations: a hierarchy of places", () => {
  let gateway: TestGateway;
  let tenant: TenantFixture;
  let other: TenantFixture;
  let userToken: string;
  let adminToken: string;
  let otherToken: string;
  let roomTypeId: string;

  const gql = (token: string, query: string, variables?: Record<string, unknown>) => gateway.body(token, query, variables);

  const createType = async (token: string, name: string): Promise<string> => {
    const body = await gql(
      token,
      "mutation($name: String!) { createLocationType(input: { locationType: { name: $name } }) { locationType { rowId } } }",
      { name },
    );
    expect(body.errors).toBeUndefined();
    return body.data.createLocationType.locationType.rowId;
  };
  const createLocation = async (name: string, parentId: string | null = null): Promise<string> => {
    const body = await gql(
      userToken,
      "mutation($name: String!, $type: UUID!, $parent: UUID) { createLocation(input: { location: { name: $name, typeId: $type, parentId: $parent } }) { location { rowId } } }",
      { name, type: roomTypeId, parent: parentId },
    );
    expect(body.errors).toBeUndefined();
    return body.data.createLocation.location.rowId;
  };
  const moveLocation = (token: string, id: string, parentId: string | null) =>
    gql(
      token,
      "mutation($id: UUID!, $parent: UUID) { updateLocation(input: { rowId: $id, patch: { parentId: $parent } }) { location { rowId parentId } } }",
      {
        id,
        parent: parentId,
      },
    );
  const parentOf = async (id: string) =>
    withAdmin(async (c) => (await c.query("select parent_id from locations.locations where id = $1", [id])).rows[0].parent_id);

  beforeAll(async () => {
    gateway = await startTestGateway();
    tenant = await createTenant("Places", 1);
    other = await createTenant("OtherPlaces", 1);
    userToken = (await signIn(gateway, tenant.users[0]!.email)).accessToken;
    adminToken = (await signIn(gateway, tenant.admin.email)).accessToken;
    otherToken = (await signIn(gateway, other.users[0]!.email)).accessToken;
    roomTypeId = await createType(userToken, "Room");
  });
  afterAll(async () => gateway.close());

  test("places nest through parent and children", async () => {
    const building = await createLocation("Building");
    const floor = await createLocation("Floor 1", building);
    await createLocation("Room 1.01", floor);
    const body = await gql(
      userToken,
      "query($id: UUID!) { location(rowId: $id) { name type { name } children { nodes { name parent { name } children { nodes { name } } } } } }",
      {
        id: building,
      },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.location).toEqual({
      name: "Building",
      type: { name: "Room" },
      children: { nodes: [{ name: "Floor 1", parent: { name: "Building" }, children: { nodes: [{ name: "Room 1.01" }] } }] },
    });
  });

  test("a location cannot be its own parent", async () => {
    const a = await createLocation("Self");
    const body = await moveLocation(userToken, a, a);
    expect(body.errors[0].extensions.code).toBe("INVALID_INPUT");
    expect(body.errors[0].message).toContain("locations_no_cycle");
    expect(await parentOf(a)).toBeNull();
  });

  test("A inside B inside A is refused", async () => {
    const a = await createLocation("Cycle A");
    const b = await createLocation("Cycle B", a);
    const body = await moveLocation(userToken, a, b);
    expect(body.errors[0].extensions.code).toBe("INVALID_INPUT");
    expect(body.errors[0].message).toContain("locations_no_cycle");
    expect(await parentOf(a)).toBeNull();
  });

  test("a cycle through several levels is refused too, and so is a direct SQL write", async () => {
    const a = await createLocation("Deep A");
    const b = await createLocation("Deep B", a);
    const c = await createLocation("Deep C", b);
    const d = await createLocation("Deep D", c);
    const body = await moveLocation(userToken, a, d);
    expect(body.errors[0].message).toContain("locations_no_cycle");
    expect(await parentOf(a)).toBeNull();
    const sqlError = await withAdmin(async (client) => {
      try {
        await client.query("update locations.locations set parent_id = $2 where id = $1", [b, d]);
        return null;
      } catch (error) {
        return error as { code?: string; constraint?: string };
      }
    });
    expect(sqlError).toMatchObject({ code: "23514", constraint: "locations_no_cycle" });
  });

  test("moving a place elsewhere in the tree is allowed", async () => {
    const a = await createLocation("Move A");
    const b = await createLocation("Move B", a);
    const c = await createLocation("Move C", b);
    const body = await moveLocation(userToken, c, a);
    expect(body.errors).toBeUndefined();
    expect(body.data.updateLocation.location.parentId).toBe(a);
  });

  test("deleting a parent makes its children top-level places", async () => {
    const a = await createLocation("Doomed parent");
    const b = await createLocation("Orphan", a);
    const body = await gql(adminToken, "mutation($id: UUID!) { deleteLocation(input: { rowId: $id }) { location { rowId } } }", { id: a });
    expect(body.errors).toBeUndefined();
    expect(await parentOf(b)).toBeNull();
  });

  test("a location type name is unique within its tenant only", async () => {
    const again = await gql(
      userToken,
      'mutation { createLocationType(input: { locationType: { name: "Room" } }) { locationType { rowId } } }',
    );
    expect(again.errors[0].extensions.code).toBe("CONFLICT");
    await expect(createType(otherToken, "Room")).resolves.toEqual(expect.any(String));
  });

  test("a location cannot use another tenant's type or parent", async () => {
    const foreignType = await createType(otherToken, "Foreign hall");
    // Counted within the two tenants of this file: other test files write locations too.
    const countBoth = () =>
      withAdmin(
        async (c) =>
          (
            await c.query("select count(*)::int as n from locations.locations where tenant_id = any($1)", [
              [tenant.tenantId, other.tenantId],
            ])
          ).rows[0].n,
      );
    const before = await countBoth();
    const withType = await gql(
      userToken,
      'mutation($type: UUID!) { createLocation(input: { location: { name: "Intruder", typeId: $type } }) { location { rowId } } }',
      {
        type: foreignType,
      },
    );
    expect(withType.errors[0].extensions.code).toBe("INVALID_REFERENCE");
    const mine = await createLocation("Mine");
    const foreignParent = (
      await gql(
        otherToken,
        'mutation($type: UUID!) { createLocation(input: { location: { name: "Theirs", typeId: $type } }) { location { rowId } } }',
        { type: foreignType },
      )
    ).data.createLocation.location.rowId;
    const moved = await moveLocation(userToken, mine, foreignParent);
    expect(moved.errors[0].extensions.code).toBe("INVALID_REFERENCE");
    expect(await parentOf(mine)).toBeNull();
    expect(await countBoth()).toBe(before + 2);
  });
});
