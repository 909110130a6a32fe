import { loadCommerceDemo } from "../src/demo/commerce";
import { loadDemoInto } from "./support/demo";
import { createTenant, signIn, type TenantFixture, withAdmin } from "./support/fixtures";
import { startTestGateway, type TestGateway } from "./support/gateway";

/*
 * The commerce invariants the database keeps (crm, inventory, orders,
 * fulfillment, shipping, purchasing), each tried through GraphQL as a
 * signed-in user of the shop. The shop's catalogue is written directly as
 * the test's setup; every rule is then broken, or relied on, through the
 * gateway.
 */
describe("commerce: the database keeps stock, totals, picking, tracking and receiving consistent", () => {
  let gateway: TestGateway;
  let shop: TenantFixture;
  let rival: TenantFixture;
  let userToken: string;
  let adminToken: string;
  let rivalToken: string;
  const ids: Record<string, string> = {};

  const gql = (token: string, query: string, variables?: Record<string, unknown>) => gateway.body(token, query, variables);
  const ok = async (token: string, query: string, variables?: Record<string, unknown>) => {
    const body = await gql(token, query, variables);
    expect(body.errors).toBeUndefined();
    return body.data;
  };
  const refusal = async (query: string, variables: Record<string, unknown>) => {
    const body = await gql(userToken, query, variables);
    expect(body.errors).toHaveLength(1);
    return body.errors[0];
  };
  const level = async (variant: string, warehouse: string) =>
    (
      await ok(
        userToken,
        "query($v: UUID!, $w: UUID!) { inventoryLevels(condition: { variantId: $v, warehouseId: $w }) { nodes { onHand reserved available } } }",
        { v: variant, w: warehouse },
      )
    ).inventoryLevels.nodes[0];
  const move = (variant: string, warehouse: string, kind: string, quantity: number) =>
    gql(
      userToken,
      "mutation($v: UUID!, $w: UUID!, $k: MovementKind!, $q: Int!) { createInventoryMovement(input: { inventoryMovement: { variantId: $v, warehouseId: $w, kind: $k, quantity: $q } }) { inventoryMovement { rowId } } }",
      { v: variant, w: warehouse, k: kind, q: quantity },
    );

  beforeAll(async () => {
    gateway = await startTestGateway();
    shop = await createTenant("CommerceShop", 1);
    rival = await createTenant("CommerceRival", 1);
    userToken = (await signIn(gateway, shop.users[0]!.email)).accessToken;
    adminToken = (await signIn(gateway, shop.admin.email)).accessToken;
    rivalToken = (await signIn(gateway, rival.users[0]!.email)).accessToken;
    await withAdmin(async (c) => {
      const one = async (sql: string, params: unknown[]) => (await c.query(sql, [shop.tenantId, ...params])).rows[0].id as string;
      ids.customer = await one(
        "insert into crm.customers (tenant_id, display_name, email) values ($1, 'Ada', 'ada@example.com') returning id",
        [],
      );
      ids.shirt = await one("insert into inventory.inventory_products (tenant_id, name) values ($1, 'Shirt') returning id", []);
      ids.poster = await one(
        "insert into inventory.inventory_products (tenant_id, name, allows_backorder) values ($1, 'Poster', true) returning id",
        [],
      );
      ids.shirtM = await one(
        "insert into inventory.inventory_variants (tenant_id, product_id, sku, title, price) values ($1, $2, 'SHIRT-M', 'M', 20) returning id",
        [ids.shirt],
      );
      ids.posterA2 = await one(
        "insert into inventory.inventory_variants (tenant_id, product_id, sku, title, price) values ($1, $2, 'POSTER-A2', 'A2', 15) returning id",
        [ids.poster],
      );
      ids.main = await one(
        "insert into inventory.warehouses (tenant_id, code, name, country_code) values ($1, 'MAIN', 'Main', 'DE') returning id",
        [],
      );
      ids.stage1 = await one("insert into crm.lead_stages (tenant_id, name, position) values ($1, 'New', 0) returning id", []);
      ids.stage2 = await one("insert into crm.lead_stages (tenant_id, name, position) values ($1, 'Qualified', 1) returning id", []);
      ids.carrier = await one(
        "insert into shipping.awb_carriers (tenant_id, code, name) values ($1, 'DHL', 'DHL Express') returning id",
        [],
      );
      ids.supplier = await one("insert into purchasing.suppliers (tenant_id, name) values ($1, 'Textiles Ltd') returning id", []);
    });
    // building the schema of every module takes its time on a loaded machine
  }, 180_000);
  afterAll(async () => gateway.close());

  test("a lead's stage changes are recorded by the database, which clients cannot write", async () => {
    const created = await ok(
      userToken,
      'mutation($s: UUID!, $c: UUID!) { createLead(input: { lead: { title: "Team shirts", stageId: $s, customerId: $c } }) { lead { rowId } } }',
      { s: ids.stage1, c: ids.customer },
    );
    const lead = created.createLead.lead.rowId;
    await ok(
      userToken,
      "mutation($id: UUID!, $s: UUID!) { updateLead(input: { rowId: $id, patch: { stageId: $s } }) { lead { rowId } } }",
      {
        id: lead,
        s: ids.stage2,
      },
    );
    const history = await ok(
      userToken,
      "query($id: UUID!) { lead(rowId: $id) { leadStageHistories { nodes { fromStage { name } toStage { name } changedBy } } } }",
      { id: lead },
    );
    const by = shop.users[0]!.userId;
    expect(history.lead.leadStageHistories.nodes).toHaveLength(2);
    expect(history.lead.leadStageHistories.nodes).toEqual(
      expect.arrayContaining([
        { fromStage: null, toStage: { name: "New" }, changedBy: by },
        { fromStage: { name: "New" }, toStage: { name: "Qualified" }, changedBy: by },
      ]),
    );
    const forged = await gql(
      userToken,
      "mutation($l: UUID!, $s: UUID!) { createLeadStageHistory(input: { leadStageHistory: { leadId: $l, toStageId: $s } }) { clientMutationId } }",
      {
        l: lead,
        s: ids.stage1,
      },
    );
    expect(forged.errors[0].extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });

  // One shop, step by step: each step works on the stock, order, pick list and waybill the one before left,
  // so they are one test (run in any order, separate tests would find each other's rows).
  test("one shop's flow: stock is the sum of movements and never goes below zero unless the product allows back-orders; an order's totals follow its lines and adjustments; reservations hold stock; only admins delete orders; an order line is never picked or fulfilled beyond what was ordered, and only within its own order; a waybill's status follows its latest tracking event, even when events arrive out of order; receipts post stock movements and cannot receive more than was ordered", async () => {
    {
      expect((await move(ids.shirtM!, ids.main!, "RECEIPT", 10)).errors).toBeUndefined();
      expect((await move(ids.shirtM!, ids.main!, "SALE", -4)).errors).toBeUndefined();
      expect(await level(ids.shirtM!, ids.main!)).toEqual({ onHand: 6, reserved: 0, available: 6 });

      const oversold = await move(ids.shirtM!, ids.main!, "SALE", -7);
      expect(oversold.errors[0].extensions.code).toBe("INVALID_INPUT");
      expect(oversold.errors[0].extensions.constraint).toBe("inventory_levels_no_negative_stock");
      expect(await level(ids.shirtM!, ids.main!)).toEqual({ onHand: 6, reserved: 0, available: 6 });

      // a sale that adds stock breaks the ledger's sign rule
      const wrongSign = await move(ids.shirtM!, ids.main!, "SALE", 3);
      expect(wrongSign.errors[0].extensions.constraint).toBe("inventory_movements_quantity_matches_kind");

      // a back-orderable product may go below zero
      expect((await move(ids.posterA2!, ids.main!, "SALE", -2)).errors).toBeUndefined();
      expect(await level(ids.posterA2!, ids.main!)).toEqual({ onHand: -2, reserved: 0, available: -2 });

      // levels are not writable, and the ledger is append-only
      const [movement] = await withAdmin(
        async (c) => (await c.query("select id from inventory.inventory_movements where tenant_id = $1 limit 1", [shop.tenantId])).rows,
      );
      for (const forged of [
        "mutation($id: UUID!) { updateInventoryMovement(input: { rowId: $id, patch: { quantity: 100 } }) { clientMutationId } }",
        "mutation($id: UUID!) { deleteInventoryMovement(input: { rowId: $id }) { clientMutationId } }",
      ]) {
        expect((await gql(adminToken, forged, { id: movement.id })).errors[0].extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
      }
    }
    {
      const order = (
        await ok(
          userToken,
          'mutation($c: UUID!) { createOrder(input: { order: { orderNumber: "A-1001", customerId: $c } }) { order { rowId } } }',
          { c: ids.customer },
        )
      ).createOrder.order.rowId;
      ids.order = order;
      const addLine = (variant: string, quantity: number, price: string) =>
        ok(
          userToken,
          'mutation($o: UUID!, $v: UUID!, $q: Int!, $p: BigFloat!) { createOrderLine(input: { orderLine: { orderId: $o, variantId: $v, description: "Item", quantity: $q, unitPrice: $p } }) { orderLine { rowId } } }',
          { o: order, v: variant, q: quantity, p: price },
        );
      ids.line = (await addLine(ids.shirtM!, 3, "20.00")).createOrderLine.orderLine.rowId;
      await addLine(ids.posterA2!, 1, "15.00");
      await ok(
        userToken,
        'mutation($o: UUID!) { createOrderAdjustment(input: { orderAdjustment: { orderId: $o, kind: DISCOUNT, description: "Welcome", amount: "-5.00" } }) { clientMutationId } }',
        {
          o: order,
        },
      );
      const totals = async () =>
        (await ok(userToken, "query($id: UUID!) { order(rowId: $id) { subtotal adjustmentsTotal total } }", { id: order })).order;
      expect(await totals()).toEqual({ subtotal: "75.00", adjustmentsTotal: "-5.00", total: "70.00" });

      await ok(userToken, "mutation($id: UUID!) { updateOrderLine(input: { rowId: $id, patch: { quantity: 4 } }) { clientMutationId } }", {
        id: ids.line,
      });
      expect(await totals()).toEqual({ subtotal: "95.00", adjustmentsTotal: "-5.00", total: "90.00" });

      const tooMuch = await refusal(
        'mutation($o: UUID!) { createOrderAdjustment(input: { orderAdjustment: { orderId: $o, kind: DISCOUNT, description: "Oops", amount: "-100.00" } }) { clientMutationId } }',
        { o: order },
      );
      expect(tooMuch.extensions.constraint).toBe("orders_total_nonnegative");
      expect(tooMuch.message).toBe("An order's total cannot be negative: discounts cannot exceed the lines and charges.");
      expect(await totals()).toEqual({ subtotal: "95.00", adjustmentsTotal: "-5.00", total: "90.00" });
      const forged = await gql(
        userToken,
        'mutation($id: UUID!) { updateOrder(input: { rowId: $id, patch: { subtotal: "1.00" } }) { clientMutationId } }',
        { id: order },
      );
      expect(forged.errors[0].extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");

      await ok(
        userToken,
        "mutation($id: UUID!) { updateOrder(input: { rowId: $id, patch: { status: CONFIRMED } }) { clientMutationId } }",
        {
          id: order,
        },
      );
      const history = await ok(
        userToken,
        "query($id: UUID!) { order(rowId: $id) { orderStatusHistories { nodes { fromStatus toStatus } } } }",
        {
          id: order,
        },
      );
      expect(history.order.orderStatusHistories.nodes).toHaveLength(2);
      expect(history.order.orderStatusHistories.nodes).toEqual(
        expect.arrayContaining([
          { fromStatus: null, toStatus: "PENDING" },
          { fromStatus: "PENDING", toStatus: "CONFIRMED" },
        ]),
      );

      // 6 shirts on hand: a reservation of 4 for the line leaves 2; one of 3 more is refused
      const reserve = (quantity: number) =>
        gql(
          userToken,
          "mutation($v: UUID!, $w: UUID!, $l: UUID!, $q: Int!) { createInventoryReservation(input: { inventoryReservation: { variantId: $v, warehouseId: $w, orderLineId: $l, quantity: $q } }) { clientMutationId } }",
          { v: ids.shirtM, w: ids.main, l: ids.line, q: quantity },
        );
      expect((await reserve(4)).errors).toBeUndefined();
      expect((await reserve(3)).errors[0].extensions.constraint).toBe("inventory_levels_no_negative_stock");
      expect(await level(ids.shirtM!, ids.main!)).toEqual({ onHand: 6, reserved: 4, available: 2 });

      // the rival tenant sees none of it
      expect((await ok(rivalToken, "query($id: UUID!) { order(rowId: $id) { rowId } }", { id: order })).order).toBeNull();

      const scratch = (
        await ok(
          userToken,
          'mutation($c: UUID!) { createOrder(input: { order: { orderNumber: "A-SCRATCH", customerId: $c } }) { order { rowId } } }',
          { c: ids.customer },
        )
      ).createOrder.order.rowId;
      const del = "mutation($id: UUID!) { deleteOrder(input: { rowId: $id }) { order { rowId } } }";
      expect((await gql(userToken, del, { id: scratch })).errors).toBeDefined();
      expect((await ok(adminToken, del, { id: scratch })).deleteOrder.order.rowId).toBe(scratch);
    }
    {
      const pickList = (
        await ok(
          userToken,
          "mutation($o: UUID!, $w: UUID!) { createPickList(input: { pickList: { orderId: $o, warehouseId: $w } }) { pickList { rowId } } }",
          { o: ids.order, w: ids.main },
        )
      ).createPickList.pickList.rowId;
      const pick = (quantity: number, orderId = ids.order) =>
        gql(
          userToken,
          "mutation($o: UUID!, $p: UUID!, $l: UUID!, $q: Int!) { createPickLine(input: { pickLine: { orderId: $o, pickListId: $p, orderLineId: $l, quantity: $q } }) { clientMutationId } }",
          { o: orderId, p: pickList, l: ids.line, q: quantity },
        );
      expect((await pick(3)).errors).toBeUndefined();
      const beyond = await pick(2);
      expect(beyond.errors[0].extensions.code).toBe("INVALID_INPUT");
      expect(beyond.errors[0].extensions.constraint).toBe("pick_lines_within_ordered");
      expect((await pick(1)).errors).toBeUndefined();

      // a line of another order cannot be put on this order's list
      const other = (
        await ok(
          userToken,
          'mutation($c: UUID!) { createOrder(input: { order: { orderNumber: "A-1002", customerId: $c } }) { order { rowId } } }',
          { c: ids.customer },
        )
      ).createOrder.order.rowId;
      expect((await pick(1, other)).errors[0].extensions.code).toBe("INVALID_REFERENCE");

      const fulfillment = (
        await ok(
          userToken,
          "mutation($o: UUID!, $w: UUID!) { createFulfillment(input: { fulfillment: { orderId: $o, warehouseId: $w } }) { fulfillment { rowId } } }",
          { o: ids.order, w: ids.main },
        )
      ).createFulfillment.fulfillment.rowId;
      ids.fulfillment = fulfillment;
      const fulfil = (quantity: number) =>
        gql(
          userToken,
          "mutation($o: UUID!, $f: UUID!, $l: UUID!, $q: Int!) { createFulfillmentLine(input: { fulfillmentLine: { orderId: $o, fulfillmentId: $f, orderLineId: $l, quantity: $q } }) { clientMutationId } }",
          { o: ids.order, f: fulfillment, l: ids.line, q: quantity },
        );
      expect((await fulfil(5)).errors[0].extensions.constraint).toBe("fulfillment_lines_within_ordered");
      expect((await fulfil(4)).errors).toBeUndefined();
    }
    {
      const awb = (
        await ok(
          userToken,
          'mutation($f: UUID!, $c: UUID!) { createAwb(input: { awb: { fulfillmentId: $f, carrierId: $c, awbNumber: "1234567890" } }) { awb { rowId status } } }',
          {
            f: ids.fulfillment,
            c: ids.carrier,
          },
        )
      ).createAwb.awb;
      expect(awb.status).toBe("LABEL_CREATED");
      const event = (status: string, at: string) =>
        ok(
          userToken,
          "mutation($a: UUID!, $s: ShipmentStatus!, $t: Datetime!) { createAwbEvent(input: { awbEvent: { awbId: $a, status: $s, occurredAt: $t } }) { clientMutationId } }",
          {
            a: awb.rowId,
            s: status,
            t: at,
          },
        );
      const status = async () => (await ok(userToken, "query($id: UUID!) { awb(rowId: $id) { status statusAt } }", { id: awb.rowId })).awb;
      await event("IN_TRANSIT", "2026-03-02T10:00:00Z");
      await event("PICKED_UP", "2026-03-01T10:00:00Z");
      expect((await status()).status).toBe("IN_TRANSIT");
      await event("DELIVERED", "2026-03-03T10:00:00Z");
      expect(await status()).toEqual({ status: "DELIVERED", statusAt: "2026-03-03T10:00:00.000000+00:00" });
      const forged = await gql(
        userToken,
        "mutation($id: UUID!) { updateAwb(input: { rowId: $id, patch: { status: RETURNED } }) { clientMutationId } }",
        { id: awb.rowId },
      );
      expect(forged.errors[0].extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
    }
    {
      const po = (
        await ok(
          userToken,
          'mutation($s: UUID!, $w: UUID!) { createPurchaseOrder(input: { purchaseOrder: { poNumber: "PO-1", supplierId: $s, warehouseId: $w, status: ORDERED } }) { purchaseOrder { rowId } } }',
          {
            s: ids.supplier,
            w: ids.main,
          },
        )
      ).createPurchaseOrder.purchaseOrder.rowId;
      const line = (
        await ok(
          userToken,
          'mutation($p: UUID!, $v: UUID!) { createPoLine(input: { poLine: { purchaseOrderId: $p, variantId: $v, quantityOrdered: 5, unitCost: "8.00" } }) { poLine { rowId } } }',
          {
            p: po,
            v: ids.shirtM,
          },
        )
      ).createPoLine.poLine.rowId;
      const receive = (quantity: number) =>
        gql(
          userToken,
          "mutation($l: UUID!, $q: Int!) { createPoReceipt(input: { poReceipt: { poLineId: $l, quantity: $q } }) { poReceipt { movement { kind quantity } } } }",
          {
            l: line,
            q: quantity,
          },
        );
      const state = async () =>
        await ok(
          userToken,
          "query($id: UUID!, $l: UUID!) { purchaseOrder(rowId: $id) { status } poLine(rowId: $l) { quantityReceived } }",
          {
            id: po,
            l: line,
          },
        );

      const first = await receive(3);
      expect(first.errors).toBeUndefined();
      expect(first.data.createPoReceipt.poReceipt.movement).toEqual({ kind: "RECEIPT", quantity: 3 });
      expect(await state()).toEqual({ purchaseOrder: { status: "PARTIALLY_RECEIVED" }, poLine: { quantityReceived: 3 } });
      expect((await level(ids.shirtM!, ids.main!)).onHand).toBe(9);

      const over = await receive(3);
      expect(over.errors[0].extensions.code).toBe("INVALID_INPUT");
      expect(over.errors[0].message).toBe("Cannot receive more than was ordered.");
      expect((await level(ids.shirtM!, ids.main!)).onHand).toBe(9);

      expect((await receive(2)).errors).toBeUndefined();
      expect(await state()).toEqual({ purchaseOrder: { status: "RECEIVED" }, poLine: { quantityReceived: 5 } });
      expect((await level(ids.shirtM!, ids.main!)).onHand).toBe(11);
    }
  });

  /** A new variant of its own with stock received in the main warehouse, and an order of one line for it. */
  async function orderOf(sku: string, received: number, ordered: number) {
    const variant = await withAdmin(async (c) => {
      const product = (
        await c.query("insert into inventory.inventory_products (tenant_id, name) values ($1, $2) returning id", [shop.tenantId, sku])
      ).rows[0].id;
      return (
        await c.query(
          "insert into inventory.inventory_variants (tenant_id, product_id, sku, title, price) values ($1, $2, $3, 'One', 10) returning id",
          [shop.tenantId, product, sku],
        )
      ).rows[0].id as string;
    });
    expect((await move(variant, ids.main!, "RECEIPT", received)).errors).toBeUndefined();
    const order = (
      await ok(
        userToken,
        "mutation($n: String!, $c: UUID!) { createOrder(input: { order: { orderNumber: $n, customerId: $c } }) { order { rowId } } }",
        {
          n: `O-${sku}`,
          c: ids.customer,
        },
      )
    ).createOrder.order.rowId as string;
    const line = (
      await ok(
        userToken,
        'mutation($o: UUID!, $v: UUID!, $q: Int!) { createOrderLine(input: { orderLine: { orderId: $o, variantId: $v, description: "Item", quantity: $q, unitPrice: "10.00" } }) { orderLine { rowId } } }',
        { o: order, v: variant, q: ordered },
      )
    ).createOrderLine.orderLine.rowId as string;
    return { variant, order, line };
  }

  test("a cancelled pick list or fulfillment set back to an active status is checked again: its units cannot be taken twice", async () => {
    const { order, line } = await orderOf("REACT-1", 5, 3);
    for (const kind of ["pickList", "fulfillment"] as const) {
      const [type, lineType, listField] =
        kind === "pickList" ? ["PickList", "PickLine", "pickListId"] : ["Fulfillment", "FulfillmentLine", "fulfillmentId"];
      const list = async () =>
        (
          await ok(
            userToken,
            `mutation($o: UUID!, $w: UUID!) { create${type}(input: { ${kind}: { orderId: $o, warehouseId: $w } }) { ${kind} { rowId } } }`,
            { o: order, w: ids.main },
          )
        )[`create${type}`][kind].rowId as string;
      const lineKey = lineType[0]!.toLowerCase() + lineType.slice(1);
      const take = (listId: string) =>
        ok(
          userToken,
          `mutation($o: UUID!, $p: UUID!, $l: UUID!) { create${lineType}(input: { ${lineKey}: { orderId: $o, ${listField}: $p, orderLineId: $l, quantity: 3 } }) { clientMutationId } }`,
          { o: order, p: listId, l: line },
        );
      const setStatus = (id: string, status: string) =>
        gql(
          userToken,
          `mutation($id: UUID!, $s: ${type}Status!) { update${type}(input: { rowId: $id, patch: { status: $s } }) { ${kind} { status } } }`,
          {
            id,
            s: status,
          },
        );
      const first = await list();
      await take(first);
      expect((await setStatus(first, "CANCELLED")).errors).toBeUndefined();
      // the cancelled list's units are free again: a second list takes all of them
      await take(await list());
      const back = await setStatus(first, kind === "pickList" ? "PICKING" : "PACKED");
      expect(back.errors[0].extensions.code).toBe("INVALID_INPUT");
      expect(back.errors[0].extensions.constraint).toBe(
        kind === "pickList" ? "pick_lines_within_ordered" : "fulfillment_lines_within_ordered",
      );
      const still = await ok(userToken, `query($id: UUID!) { ${kind}(rowId: $id) { status } }`, { id: first });
      expect(still[kind].status).toBe("CANCELLED");
    }
  });

  test("shipping a fulfillment takes its lines out of stock once, as sale movements, consuming their reservations; what shipped cannot be taken back", async () => {
    const { variant, order, line } = await orderOf("SHIP-1", 10, 5);
    await ok(
      userToken,
      "mutation($v: UUID!, $w: UUID!, $l: UUID!) { createInventoryReservation(input: { inventoryReservation: { variantId: $v, warehouseId: $w, orderLineId: $l, quantity: 5 } }) { clientMutationId } }",
      { v: variant, w: ids.main, l: line },
    );
    const fulfillment = (
      await ok(
        userToken,
        "mutation($o: UUID!, $w: UUID!) { createFulfillment(input: { fulfillment: { orderId: $o, warehouseId: $w, status: PACKED } }) { fulfillment { rowId } } }",
        { o: order, w: ids.main },
      )
    ).createFulfillment.fulfillment.rowId;
    const addLine = async (quantity: number) =>
      (
        await ok(
          userToken,
          "mutation($o: UUID!, $f: UUID!, $l: UUID!, $q: Int!) { createFulfillmentLine(input: { fulfillmentLine: { orderId: $o, fulfillmentId: $f, orderLineId: $l, quantity: $q } }) { fulfillmentLine { rowId } } }",
          { o: order, f: fulfillment, l: line, q: quantity },
        )
      ).createFulfillmentLine.fulfillmentLine.rowId as string;
    const firstLine = await addLine(3);
    const setStatus = (status: string) =>
      gql(
        userToken,
        "mutation($id: UUID!, $s: FulfillmentStatus!) { updateFulfillment(input: { rowId: $id, patch: { status: $s } }) { clientMutationId } }",
        {
          id: fulfillment,
          s: status,
        },
      );
    // movements and reservations in a fixed order: the receipt first, the larger reservation first
    const stock = async () => {
      const data = await ok(
        userToken,
        `query($v: UUID!, $w: UUID!, $l: UUID!) {
           inventoryLevels(condition: { variantId: $v, warehouseId: $w }) { nodes { onHand reserved available } }
           inventoryMovements(condition: { variantId: $v }) { nodes { kind quantity fulfillmentLineId } }
           inventoryReservations(condition: { orderLineId: $l }) { nodes { quantity status } } }`,
        { v: variant, w: ids.main, l: line },
      );
      data.inventoryMovements.nodes.sort((a: { quantity: number }, b: { quantity: number }) => b.quantity - a.quantity);
      data.inventoryReservations.nodes.sort((a: { quantity: number }, b: { quantity: number }) => b.quantity - a.quantity);
      return data;
    };
    expect((await stock()).inventoryLevels.nodes[0]).toEqual({ onHand: 10, reserved: 5, available: 5 });

    expect((await setStatus("SHIPPED")).errors).toBeUndefined();
    const shipped = await stock();
    expect(shipped.inventoryLevels.nodes[0]).toEqual({ onHand: 7, reserved: 2, available: 5 });
    expect(shipped.inventoryMovements.nodes).toEqual([
      { kind: "RECEIPT", quantity: 10, fulfillmentLineId: null },
      { kind: "SALE", quantity: -3, fulfillmentLineId: firstLine },
    ]);
    // three of the five held units became the sale; two stay held for the rest of the line
    expect(shipped.inventoryReservations.nodes).toEqual([
      { quantity: 3, status: "CONSUMED" },
      { quantity: 2, status: "ACTIVE" },
    ]);
    const link = await ok(userToken, "query($id: UUID!) { fulfillmentLine(rowId: $id) { saleMovement { kind quantity } } }", {
      id: firstLine,
    });
    expect(link.fulfillmentLine.saleMovement).toEqual({ kind: "SALE", quantity: -3 });

    // shipping again, or delivering, posts nothing more
    expect((await setStatus("SHIPPED")).errors).toBeUndefined();
    expect((await setStatus("DELIVERED")).errors).toBeUndefined();
    expect(await stock()).toEqual(shipped);

    // a line added to the shipped fulfillment leaves at once
    await addLine(2);
    const all = await stock();
    expect(all.inventoryLevels.nodes[0]).toEqual({ onHand: 5, reserved: 0, available: 5 });
    expect(all.inventoryMovements.nodes.map((m: { kind: string; quantity: number }) => [m.kind, m.quantity])).toEqual([
      ["RECEIPT", 10],
      ["SALE", -2],
      ["SALE", -3],
    ]);

    // what left stays left
    const cancel = await setStatus("CANCELLED");
    expect(cancel.errors[0].extensions.code).toBe("INVALID_INPUT");
    expect(cancel.errors[0].extensions.constraint).toBe("fulfillments_shipped_stays_shipped");
    const change = await gql(
      userToken,
      "mutation($id: UUID!) { updateFulfillmentLine(input: { rowId: $id, patch: { quantity: 1 } }) { clientMutationId } }",
      {
        id: firstLine,
      },
    );
    expect(change.errors[0].extensions.constraint).toBe("fulfillment_lines_shipped_unchanged");
    expect(await stock()).toEqual(all);
  });

  test("the demo shop loads through the tenant's policies; analytics, stock, tracking and message status are derived from it", async () => {
    const demo = await createTenant("CommerceDemo", 1);
    await loadDemoInto(demo, loadCommerceDemo);
    const token = (await signIn(gateway, demo.users[0]!.email)).accessToken;
    const data = await ok(
      token,
      `{ orders(orderBy: [PLACED_AT_DESC]) { nodes { status total orderLines { totalCount } } }
         orderAnalytics { nodes { channel ordersCount revenue } }
         shopifyKpis { nodes { channel ordersCount grossSales unitsSold } }
         customerAnalytics(filter: { ordersCount: { greaterThan: 0 } }) { nodes { customer { displayName } ordersCount lifetimeValue } }
         inventoryAnalytics { nodes { variant { title } onHand reserved warehousesCount } }
         awbs { nodes { status } }
         conversationMessages(condition: { direction: OUTBOUND }) { nodes { status } }
         chats { nodes { lastMessageAt } } }`,
    );
    expect(data.orders.nodes).toEqual([
      { status: "PENDING", total: "0.00", orderLines: { totalCount: 0 } },
      { status: "SHIPPED", total: "63.40", orderLines: { totalCount: 2 } },
    ]);
    // pending orders are sales; the pending one has no lines yet
    expect(data.orderAnalytics.nodes).toEqual(
      expect.arrayContaining([
        { channel: "ONLINE_STORE", ordersCount: 1, revenue: "63.40" },
        { channel: "WHATSAPP", ordersCount: 1, revenue: "0.00" },
      ]),
    );
    expect(data.shopifyKpis.nodes).toEqual(
      expect.arrayContaining([{ channel: "ONLINE_STORE", ordersCount: 1, grossSales: "63.40", unitsSold: 3 }]),
    );
    expect(data.customerAnalytics.nodes).toHaveLength(2);
    // 30 received, 5 of them moved to the second warehouse, 2 sold: 23 + 5 over two warehouses, the reservation given back as consumed
    expect(data.inventoryAnalytics.nodes).toEqual(
      expect.arrayContaining([{ variant: { title: "M" }, onHand: 28, reserved: 0, warehousesCount: 2 }]),
    );
    expect(data.awbs.nodes).toEqual([{ status: "IN_TRANSIT" }]);
    expect(data.conversationMessages.nodes).toEqual([{ status: "DELIVERED" }]);
    expect(data.chats.nodes[0].lastMessageAt).not.toBeNull();
    // another tenant's figures stay its own
    const rivalData = await ok(rivalToken, "{ orderAnalytics { totalCount } chats { totalCount } }");
    expect(rivalData).toEqual({ orderAnalytics: { totalCount: 0 }, chats: { totalCount: 0 } });
  });
});
