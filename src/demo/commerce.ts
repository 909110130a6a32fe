import type pg from "pg";

import { asTenantAdmin, type DemoTenant } from "./tenant";

/**
 * A small shop: three customers with contacts, addresses and labels, a
 * pipeline with two leads, two products in two warehouses (stock received
 * on a purchase order), two orders, one picked, fulfilled and shipped with
 * its tracking, and a WhatsApp conversation. Every derived figure (levels,
 * totals, statuses, analytics) comes from the database's triggers and views.
 */
export async function loadCommerceDemo(pool: pg.Pool, tenant: DemoTenant): Promise<void> {
  await asTenantAdmin(pool, tenant, async (client) => {
    const one = async (sql: string, params: unknown[] = []): Promise<string> => (await client.query(sql, params)).rows[0].id;
    const prefix = tenant.name
      .replace(/[^A-Za-z0-9]/g, "")
      .slice(0, 3)
      .toUpperCase();
    const domain = `${tenant.name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}.test`;

    // crm
    const customer = (name: string, email: string, company: string | null) =>
      one("insert into crm.customers (display_name, email, company_name, accepts_marketing) values ($1, $2, $3, true) returning id", [
        name,
        email,
        company,
      ]);
    const ada = await customer("Ada Lovelace", `ada@customers.${domain}`, null);
    const grace = await customer("Grace Hopper", `grace@customers.${domain}`, null);
    const initech = await customer("Initech", `buyers@initech.${domain}`, "Initech GmbH");
    await client.query(
      "insert into crm.customer_contacts (customer_id, full_name, job_title, email, is_primary) values ($1, 'Bill Lumbergh', 'Purchasing', $2, true)",
      [initech, `bill@initech.${domain}`],
    );
    const adaHome = await one(
      "insert into crm.customer_addresses (customer_id, kind, recipient, line1, city, postal_code, country_code, is_default) values ($1, 'shipping', 'Ada Lovelace', '12 St James Square', 'London', 'SW1Y 4JH', 'GB', true) returning id",
      [ada],
    );
    await client.query(
      "insert into crm.customer_addresses (customer_id, kind, recipient, line1, city, postal_code, country_code, is_default) values ($1, 'billing', 'Initech GmbH', 'Hauptstrasse 1', 'Berlin', '10115', 'DE', true)",
      [initech],
    );
    const vip = await one("insert into crm.labels (name, color) values ('VIP', '#d4af37') returning id");
    const wholesale = await one("insert into crm.labels (name, color) values ('Wholesale', '#1f77b4') returning id");
    await client.query("insert into crm.customer_labels (customer_id, label_id) values ($1, $2), ($3, $4)", [ada, vip, initech, wholesale]);
    const stages: string[] = [];
    for (const [position, name] of ["New", "Qualified", "Proposal", "Won"].entries()) {
      stages.push(
        await one("insert into crm.lead_stages (name, position, is_won) values ($1, $2, $3) returning id", [
          name,
          position,
          name === "Won",
        ]),
      );
    }
    const lead = await one(
      "insert into crm.leads (customer_id, stage_id, title, expected_amount, expected_close_on) values ($1, $2, 'Team shirts for 40 staff', 800, current_date + 30) returning id",
      [initech, stages[0]],
    );
    await client.query("update crm.leads set stage_id = $1 where id = $2", [stages[2], lead]);
    await client.query("insert into crm.leads (customer_id, stage_id, title, expected_amount) values ($1, $2, 'Poster reseller', 300)", [
      grace,
      stages[1],
    ]);
    await client.query(
      "insert into crm.customer_notes (customer_id, lead_id, kind, body, done_at) values ($1, $2, 'call', 'Wants a quote with logo print.', now())",
      [initech, lead],
    );
    await client.query(
      "insert into crm.customer_notes (customer_id, lead_id, kind, body, due_at) values ($1, $2, 'task', 'Send the quote.', now() + interval '2 days')",
      [initech, lead],
    );

    // inventory and purchasing: stock arrives in the main warehouse on a received purchase order
    const shirt = await one(
      "insert into inventory.inventory_products (name, description) values ('Organic T-shirt', 'Cotton, unisex') returning id",
    );
    const poster = await one("insert into inventory.inventory_products (name, allows_backorder) values ('Art poster', true) returning id");
    const variant = (product: string, sku: string, title: string, price: number) =>
      one("insert into inventory.inventory_variants (product_id, sku, title, price) values ($1, $2, $3, $4) returning id", [
        product,
        sku,
        title,
        price,
      ]);
    const shirtM = await variant(shirt, `${prefix}-TS-M`, "M", 25);
    const shirtL = await variant(shirt, `${prefix}-TS-L`, "L", 25);
    const posterA2 = await variant(poster, `${prefix}-POSTER-A2`, "A2", 15);
    const main = await one(
      "insert into inventory.warehouses (code, name, country_code) values ('MAIN', 'Main warehouse', 'DE') returning id",
    );
    const east = await one("insert into inventory.warehouses (code, name, country_code) values ('EAST', 'East depot', 'PL') returning id");
    const bin = await one("insert into inventory.warehouse_bins (warehouse_id, code) values ($1, 'A-01-1') returning id", [main]);
    await client.query("insert into inventory.warehouse_bins (warehouse_id, code) values ($1, 'A-01-2'), ($2, 'B-01-1')", [main, east]);
    const supplier = await one(
      "insert into purchasing.suppliers (name, email, country_code, lead_time_days) values ('Textile Partners', $1, 'PT', 14) returning id",
      [`orders@textile.${domain}`],
    );
    const po = await one(
      "insert into purchasing.purchase_orders (po_number, supplier_id, warehouse_id, status, ordered_at) values ($1, $2, $3, 'ordered', now() - interval '10 days') returning id",
      [`${prefix}-PO-1`, supplier, main],
    );
    for (const [v, quantity] of [
      [shirtM, 30],
      [shirtL, 20],
      [posterA2, 10],
    ] as const) {
      const line = await one(
        "insert into purchasing.po_lines (purchase_order_id, variant_id, quantity_ordered, unit_cost) values ($1, $2, $3, 8) returning id",
        [po, v, quantity],
      );
      await client.query("insert into purchasing.po_receipts (po_line_id, quantity, note) values ($1, $2, 'Delivery note 4711')", [
        line,
        quantity,
      ]);
    }
    // stock in the second warehouse: a transfer
    await client.query(
      "insert into inventory.inventory_movements (variant_id, warehouse_id, kind, quantity, note) values ($1, $2, 'transfer_out', -5, 'To East'), ($1, $3, 'transfer_in', 5, 'From Main')",
      [shirtM, main, east],
    );

    // orders through fulfillment and shipping
    const order = await one(
      "insert into orders.orders (order_number, customer_id, shipping_address_id, channel, status, placed_at) values ($1, $2, $3, 'online_store', 'confirmed', now() - interval '3 days') returning id",
      [`${prefix}-1001`, ada, adaHome],
    );
    const line = await one(
      "insert into orders.order_lines (order_id, variant_id, description, quantity, unit_price) values ($1, $2, 'Organic T-shirt M', 2, 25) returning id",
      [order, shirtM],
    );
    await client.query(
      "insert into orders.order_lines (order_id, variant_id, description, quantity, unit_price) values ($1, $2, 'Art poster A2', 1, 15)",
      [order, posterA2],
    );
    await client.query(
      "insert into orders.order_adjustments (order_id, kind, description, amount) values ($1, 'shipping', 'Standard shipping', 4.90), ($1, 'discount', 'Welcome 10%', -6.50)",
      [order],
    );
    await client.query(
      "insert into inventory.inventory_reservations (variant_id, warehouse_id, order_line_id, quantity) values ($1, $2, $3, 2)",
      [shirtM, main, line],
    );
    const pickList = await one(
      "insert into fulfillment.pick_lists (order_id, warehouse_id, status, picked_at) values ($1, $2, 'picked', now() - interval '2 days') returning id",
      [order, main],
    );
    await client.query(
      "insert into fulfillment.pick_lines (order_id, pick_list_id, order_line_id, bin_id, quantity) values ($1, $2, $3, $4, 2)",
      [order, pickList, line, bin],
    );
    const fulfillment = await one(
      "insert into fulfillment.fulfillments (order_id, warehouse_id, status) values ($1, $2, 'packed') returning id",
      [order, main],
    );
    await client.query(
      "insert into fulfillment.fulfillment_lines (order_id, fulfillment_id, order_line_id, quantity) values ($1, $2, $3, 2)",
      [order, fulfillment, line],
    );
    // shipping it takes the units out of the stock (a sale movement) and consumes their reservation
    await client.query("update fulfillment.fulfillments set status = 'shipped', shipped_at = now() - interval '2 days' where id = $1", [
      fulfillment,
    ]);
    await client.query("update orders.orders set status = 'shipped' where id = $1", [order]);
    const carrier = await one(
      "insert into shipping.awb_carriers (code, name, tracking_url_template) values ('DHL', 'DHL Express', 'https://www.dhl.com/track?awb={awb}') returning id",
    );
    const awb = await one(
      "insert into shipping.awbs (fulfillment_id, carrier_id, awb_number, weight_grams) values ($1, $2, $3, 650) returning id",
      [fulfillment, carrier, `${prefix === "ACM" ? "1" : "2"}234567890`],
    );
    await client.query(
      "insert into shipping.awb_events (awb_id, status, occurred_at, location) values ($1, 'picked_up', now() - interval '2 days', 'Berlin'), ($1, 'in_transit', now() - interval '1 day', 'Leipzig hub')",
      [awb],
    );
    await client.query(
      "insert into orders.orders (order_number, customer_id, channel, status, placed_at) values ($1, $2, 'whatsapp', 'pending', now() - interval '1 day')",
      [`${prefix}-1002`, grace],
    );

    // a WhatsApp conversation with the first customer
    const chat = await one(
      "insert into conversations.chats (customer_id, channel, subject, external_thread_id) values ($1, 'whatsapp', 'Where is my order?', $2) returning id",
      [ada, `wa-${prefix}-1`],
    );
    await client.query(
      "insert into conversations.conversation_messages (chat_id, direction, status, body, sent_at) values ($1, 'inbound', 'received', 'Hi, when does my order arrive?', now() - interval '5 hours')",
      [chat],
    );
    const reply = await one(
      "insert into conversations.conversation_messages (chat_id, direction, status, body, sent_at) values ($1, 'outbound', 'queued', 'It is on its way: DHL, arriving tomorrow.', now() - interval '4 hours') returning id",
      [chat],
    );
    await client.query(
      "insert into conversations.message_attachments (message_id, file_name, content_type, byte_size, storage_url) values ($1, 'tracking.png', 'image/png', 48213, 'https://files.example.com/tracking.png')",
      [reply],
    );
    await client.query(
      "insert into conversations.message_status_events (message_id, status, occurred_at) values ($1, 'sent', now() - interval '4 hours'), ($1, 'delivered', now() - interval '3 hours')",
      [reply],
    );
  });
}
