import { createTenant, signIn, type TenantFixture, withAdmin } from "./support/fixtures";
import { startTestGateway, type TestGateway } from "./support/gateway";

describe("assets: catalog, inventory, assignments, repairs", () => {
  let gateway: TestGateway;
  let tenant: TenantFixture;
  let other: TenantFixture;
  let userToken: string;
  let otherToken: string;
  let modelId: string;
  let assetId: string;
  let personId: string;
  let locationId: string;

  const gql = (token: string, query: string, variables?: Record<string, unknown>) => gateway.body(token, query, variables);
  const ok = (token: string, query: string, variables?: Record<string, unknown>) => gateway.data(token, query, variables);

  /** A manufacturer, a type and a model in the caller's tenant. */
  const catalog = async (token: string, label: string): Promise<string> => {
    const m = await ok(
      token,
      "mutation($n: String!) { createAssetManufacturer(input: { assetManufacturer: { name: $n } }) { assetManufacturer { rowId } } }",
      { n: `${label} Corp` },
    );
    const t = await ok(
      token,
      'mutation($n: String!) { createAssetType(input: { assetType: { name: $n, endOfSupportLabel: "End of warranty" } }) { assetType { rowId } } }',
      { n: `${label} Laptop` },
    );
    const model = await ok(
      token,
      "mutation($m: UUID!, $t: UUID!, $n: String!) { createAssetModel(input: { assetModel: { name: $n, manufacturerId: $m, assetTypeId: $t, trackingType: SERIALIZED } }) { assetModel { rowId trackingType } } }",
      { m: m.createAssetManufacturer.assetManufacturer.rowId, t: t.createAssetType.assetType.rowId, n: `${label} Book 14` },
    );
    expect(model.createAssetModel.assetModel.trackingType).toBe("SERIALIZED");
    return model.createAssetModel.assetModel.rowId;
  };
  const createAsset = (token: string, model: string, name: string, serial: string | null, quantity?: number) =>
    gql(
      token,
      "mutation($m: UUID!, $n: String!, $s: String, $q: Int) { createAsset(input: { asset: { name: $n, modelId: $m, serialNumber: $s, quantity: $q } }) { asset { rowId quantity } } }",
      {
        m: model,
        n: name,
        s: serial,
        q: quantity,
      },
    );
  const assign = (
    holder: { personId?: string; locationId?: string },
    dates = { startDate: "2026-09-01", endDate: null as string | null },
  ) =>
    gql(
      userToken,
      "mutation($a: AssetAssignmentInput!) { createAssetAssignment(input: { assetAssignment: $a }) { assetAssignment { rowId asset { model { manufacturer { name } } } } } }",
      {
        a: { assetId, ...holder, ...dates },
      },
    );

  beforeAll(async () => {
    gateway = await startTestGateway();
    tenant = await createTenant("Inventory", 1);
    other = await createTenant("OtherInventory", 1);
    userToken = (await signIn(gateway, tenant.users[0]!.email)).accessToken;
    otherToken = (await signIn(gateway, other.users[0]!.email)).accessToken;
    modelId = await catalog(userToken, "Acme");
    const created = await createAsset(userToken, modelId, "Laptop 1", "SN-1");
    expect(created.errors).toBeUndefined();
    assetId = created.data.createAsset.asset.rowId;
    personId = (
      await ok(userToken, 'mutation { createPersonWithIdentity(input: { firstName: "Ada", lastName: "Lovelace" }) { person { rowId } } }')
    ).createPersonWithIdentity.person.rowId;
    const type = await ok(
      userToken,
      'mutation { createLocationType(input: { locationType: { name: "Room" } }) { locationType { rowId } } }',
    );
    locationId = (
      await ok(
        userToken,
        'mutation($t: UUID!) { createLocation(input: { location: { name: "Room 1", typeId: $t } }) { location { rowId } } }',
        {
          t: type.createLocationType.locationType.rowId,
        },
      )
    ).createLocation.location.rowId;
  });
  afterAll(async () => gateway.close());

  test("an assignment reads through to the model's manufacturer", async () => {
    const body = await assign({ personId });
    expect(body.errors).toBeUndefined();
    expect(body.data.createAssetAssignment.assetAssignment.asset).toEqual({ model: { manufacturer: { name: "Acme Corp" } } });
    const data = await ok(
      userToken,
      "{ assetAssignments { nodes { asset { name model { name assetType { name } manufacturer { name } } } person { currentIdentity { lastName } } } } }",
    );
    expect(data.assetAssignments.nodes).toContainEqual({
      asset: { name: "Laptop 1", model: { name: "Acme Book 14", assetType: { name: "Acme Laptop" }, manufacturer: { name: "Acme Corp" } } },
      person: { currentIdentity: { lastName: "Lovelace" } },
    });
  });

  test("an assignment goes to exactly one of a person or a location", async () => {
    const toPlace = await assign({ locationId });
    expect(toPlace.errors).toBeUndefined();
    for (const holder of [{ personId, locationId }, {}]) {
      const body = await assign(holder);
      expect(body.errors[0].extensions.code).toBe("INVALID_INPUT");
      expect(body.errors[0].extensions.constraint).toBe("asset_assignments_person_or_location");
    }
  });

  test("an assignment ends on or after it starts", async () => {
    const body = await assign({ personId }, { startDate: "2026-09-01", endDate: "2026-08-31" });
    expect(body.errors[0].extensions.constraint).toBe("asset_assignments_dates_ordered");
  });

  test("quantity is positive and a serial number is unique within the tenant", async () => {
    const zero = await createAsset(userToken, modelId, "Cables", null, 0);
    expect(zero.errors[0].extensions.constraint).toBe("assets_quantity_positive");
    const twice = await createAsset(userToken, modelId, "Laptop 1 again", "SN-1");
    expect(twice.errors[0].extensions.code).toBe("CONFLICT");
    const otherModel = await catalog(otherToken, "Other");
    const elsewhere = await createAsset(otherToken, otherModel, "Their laptop", "SN-1");
    expect(elsewhere.errors).toBeUndefined();
  });

  test("repairs: a title, enum status and priority, resolved not before reported", async () => {
    const repair = await gql(
      userToken,
      'mutation($a: UUID!, $l: UUID!) { createAssetRepair(input: { assetRepair: { assetId: $a, locationId: $l, title: "Broken hinge", priority: HIGH } }) { assetRepair { rowId status priority asset { name } location { name } } } }',
      { a: assetId, l: locationId },
    );
    expect(repair.errors).toBeUndefined();
    expect(repair.data.createAssetRepair.assetRepair).toMatchObject({
      status: "OPEN",
      priority: "HIGH",
      asset: { name: "Laptop 1" },
      location: { name: "Room 1" },
    });
    const empty = await gql(
      userToken,
      'mutation($a: UUID!) { createAssetRepair(input: { assetRepair: { assetId: $a, title: "" } }) { assetRepair { rowId } } }',
      { a: assetId },
    );
    expect(empty.errors[0].extensions.constraint).toBe("asset_repairs_title_not_empty");
    const early = await gql(
      userToken,
      'mutation($a: UUID!) { createAssetRepair(input: { assetRepair: { assetId: $a, title: "Time travel", reportedAt: "2026-05-02T00:00:00Z", resolvedAt: "2026-05-01T00:00:00Z" } }) { assetRepair { rowId } } }',
      { a: assetId },
    );
    expect(early.errors[0].extensions.constraint).toBe("asset_repairs_resolved_after_reported");
    const bogus = await gql(
      userToken,
      'mutation($a: UUID!) { createAssetRepair(input: { assetRepair: { assetId: $a, title: "x", status: exploded } }) { assetRepair { rowId } } }',
      { a: assetId },
    );
    expect(bogus.errors).toBeDefined();
  });

  test("circulation events record what happened", async () => {
    const body = await ok(
      userToken,
      'mutation($a: UUID!, $p: UUID!) { createAssetCirculation(input: { assetCirculation: { assetId: $a, personId: $p, circulationType: ISSUED_TO_PERSON, notes: "Start of term" } }) { assetCirculation { circulationType occurredAt person { rowId } } } }',
      { a: assetId, p: personId },
    );
    expect(body.createAssetCirculation.assetCirculation).toMatchObject({
      circulationType: "ISSUED_TO_PERSON",
      person: { rowId: personId },
    });
  });

  test("value lists are GraphQL enums", async () => {
    const enumValues = async (name: string) => {
      const body = await gql(userToken, "query($n: String!) { __type(name: $n) { kind enumValues { name } } }", { n: name });
      expect(body.data.__type.kind).toBe("ENUM");
      return body.data.__type.enumValues.map((v: { name: string }) => v.name);
    };
    expect(await enumValues("AssetRepairStatus")).toEqual(["OPEN", "IN_PROGRESS", "RESOLVED", "CANCELLED"]);
    expect(await enumValues("AssetRepairPriority")).toEqual(["LOW", "NORMAL", "HIGH", "CRITICAL"]);
    expect(await enumValues("AssetTrackingType")).toEqual(["SERIALIZED", "COUNTABLE"]);
    expect(await enumValues("AssetCirculationType")).toEqual([
      "ISSUED_TO_PERSON",
      "RETURNED_FROM_PERSON",
      "MOVED_TO_LOCATION",
      "RECEIVED_AT_LOCATION",
      "LOCATION_CONFIRMATION",
    ]);
  });

  test("nothing can point at another tenant's model, asset, person or location", async () => {
    const foreignModel = await catalog(otherToken, "Foreign");
    const count = () =>
      withAdmin(
        async (c) => (await c.query("select count(*)::int as n from assets.assets where tenant_id = $1", [tenant.tenantId])).rows[0].n,
      );
    const before = await count();
    const body = await createAsset(userToken, foreignModel, "Smuggled", "SN-X");
    expect(body.errors[0].extensions.code).toBe("INVALID_REFERENCE");
    expect(await count()).toBe(before);
    const foreignPerson = (
      await ok(otherToken, 'mutation { createPersonWithIdentity(input: { firstName: "Eve", lastName: "Else" }) { person { rowId } } }')
    ).createPersonWithIdentity.person.rowId;
    const toForeign = await assign({ personId: foreignPerson });
    expect(toForeign.errors[0].extensions.code).toBe("INVALID_REFERENCE");
    const assigned = await withAdmin(
      async (c) =>
        (await c.query("select count(*)::int as n from assets.asset_assignments where person_id = $1", [foreignPerson])).rows[0].n,
    );
    expect(assigned).toBe(0);
  });
});
