import type pg from "pg";

import { asTenantAdmin, type DemoTenant } from "./tenant";

/** The first column of the one row a statement returns. */
async function one(client: pg.ClientBase, sql: string, values: unknown[]): Promise<string> {
  const { rows } = await client.query<{ id: string }>(sql, values);
  return rows[0]!.id;
}

/**
 * The commerce modules around the core for a demo tenant: a PBX with a
 * trunk, the admin's extension and two calls (one recorded); a WhatsApp
 * Business account with a number, an approved template and an inbound
 * thread of webhook events; an automation rule on an hourly cron job (due
 * at once, so a gateway with the job queue runs it); a connected Shopify
 * store with its credential (its secret is stored once the gateway has a
 * credential key: storeIntegrationSecret), a competitor with a price
 * history and an alert, and an embedding.
 */
export async function loadCommerceServicesDemo(pool: pg.Pool, tenant: DemoTenant): Promise<void> {
  // Host names, domains and handles are made from the name: letters and digits only.
  const slug = tenant.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  const digits = tenant.name === "Acme" ? "1" : "2";
  await asTenantAdmin(pool, tenant, async (client) => {
    const trunk = await one(
      client,
      "insert into telephony.pbx_trunks (name, provider, host, max_channels) values ('Main trunk', 'Twilio', $1, 20) returning id",
      [`${slug}.pstn.twilio.com`],
    );
    const extension = await one(
      client,
      "insert into telephony.user_extensions (user_id, extension, trunk_id, caller_id) values ($1, '201', $2, $3) returning id",
      [tenant.adminUserId, trunk, `+1555${digits}000100`],
    );
    const sale = await one(
      client,
      "insert into telephony.call_dispositions (code, label, is_success) values ('sale', 'Sale', true) returning id",
      [],
    );
    await client.query(
      "insert into telephony.call_dispositions (code, label) values ('callback', 'Call back'), ('no_answer', 'No answer')",
    );
    const call = await one(
      client,
      `insert into telephony.call_records (external_call_id, direction, trunk_id, extension_id, user_id, from_number, to_number,
         started_at, answered_at, ended_at, disposition_id, notes)
       values ($1, 'inbound', $2, $3, $4, '+15559990001', '201', now() - interval '2 hours', now() - interval '2 hours' + interval '12 seconds',
         now() - interval '2 hours' + interval '4 minutes', $5, 'Ordered two staplers.') returning id`,
      [`${slug}-call-1`, trunk, extension, tenant.adminUserId, sale],
    );
    await client.query(
      `insert into telephony.call_records (external_call_id, direction, trunk_id, extension_id, user_id, from_number, to_number, started_at, ended_at)
       values ($1, 'outbound', $2, $3, $4, '201', '+15559990002', now() - interval '1 hour', now() - interval '1 hour' + interval '30 seconds')`,
      [`${slug}-call-2`, trunk, extension, tenant.adminUserId],
    );
    await client.query(
      "insert into telephony.active_calls (external_call_id, direction, trunk_id, extension_id, from_number, to_number, state, answered_at) values ($1, 'inbound', $2, $3, '+15559990003', '201', 'connected', now())",
      [`${slug}-call-live`, trunk, extension],
    );
    await client.query(
      "insert into telephony.call_recordings (call_record_id, storage_url, duration_seconds, size_bytes, recorded_at) values ($1, $2, 228, 1824000, now() - interval '2 hours')",
      [call, `s3://${slug}-recordings/calls/${slug}-call-1.mp3`],
    );

    const account = await one(
      client,
      "insert into whatsapp.whatsapp_accounts (name, business_account_id, status) values ('Support', $1, 'active') returning id",
      [`10${digits}2030405`],
    );
    const phone = await one(
      client,
      `insert into whatsapp.whatsapp_phone_numbers (account_id, phone_number, phone_number_id, display_name, status, quality_rating)
       values ($1, $2, $3, $4, 'connected', 'green') returning id`,
      [account, `+1555${digits}000200`, `20${digits}3040506`, `${tenant.name} Support`],
    );
    await client.query(
      `insert into whatsapp.whatsapp_templates (account_id, name, language, category, body, status)
       values ($1, 'order_shipped', 'en', 'utility', 'Your order {{1}} is on its way.', 'approved')`,
      [account],
    );
    const thread: Array<[string, string, string]> = [
      ["message", `wamid.${slug}.1`, "Hi, where is my order?"],
      ["message", `wamid.${slug}.2`, "It is order 1042."],
    ];
    for (const [type, externalId, text] of thread) {
      await client.query(
        `insert into whatsapp.whatsapp_webhook_events (account_id, phone_number_id, event_type, external_id, sender_wa_id, payload)
         values ($1, $2, $3, $4, '15559990001', $5)`,
        [account, phone, type, externalId, JSON.stringify({ from: "15559990001", text: { body: text } })],
      );
    }

    const rule = await one(
      client,
      "insert into automation.automation_rules (name, description, trigger_type, actions) values ('Hourly heartbeat', 'Records that automation runs.', 'schedule', $1) returning id",
      [JSON.stringify([{ type: "record_metric", name: "automation.heartbeat", value: 1 }])],
    );
    await client.query("insert into automation.cron_jobs (rule_id, name, schedule) values ($1, 'Every hour', '0 * * * *')", [rule]);
    // A manual run as well: queued until a gateway with the job queue takes it.
    await client.query('insert into automation.automation_runs (rule_id, context) values ($1, \'{"reason": "demo"}\')', [rule]);

    const credential = await one(
      client,
      "insert into integrations.integration_credentials (provider, label) values ('shopify', 'Shopify admin token') returning id",
      [],
    );
    const store = await one(
      client,
      "insert into integrations.shopify_stores (shop_domain, name, currency, status, credential_id, connected_at) values ($1, $2, 'USD', 'connected', $3, now()) returning id",
      [`${slug}-shop.myshopify.com`, `${tenant.name} Shop`, credential],
    );
    await client.query(
      "insert into integrations.shopify_sync_cursors (store_id, resource, cursor, last_synced_at) values ($1, 'orders', 'eyJsYXN0X2lkIjoxMDQyfQ', now()), ($1, 'products', null, null)",
      [store],
    );

    await client.query(
      "insert into integrations.shopify_object_mappings (store_id, resource, external_id, local_type, local_id) values ($1, 'products', '7001', 'product', gen_random_uuid())",
      [store],
    );
    await client.query("insert into integrations.facebook_pages (page_id, name, status, credential_id) values ($1, $2, 'connected', $3)", [
      `30${digits}4050607`,
      `${tenant.name} on Facebook`,
      credential,
    ]);
    await client.query(
      "insert into integrations.social_accounts (network, external_id, handle, status) values ('instagram', $1, $2, 'connected')",
      [`40${digits}5060708`, `${slug.replace(/-/g, "_")}_shop`],
    );

    const competitor = await one(
      client,
      "insert into competition.competition_competitors (name, website) values ('Initech', 'https://initech.example') returning id",
      [],
    );
    const product = await one(
      client,
      "insert into competition.competition_products (competitor_id, name, url) values ($1, 'Red stapler', $2) returning id",
      [competitor, `https://initech.example/${slug}/red-stapler`],
    );
    await client.query("insert into competition.competition_alerts (product_id, alert_type, threshold) values ($1, 'price_below', 15)", [
      product,
    ]);
    await client.query(
      `insert into competition.competition_price_observations (product_id, observed_at, price, currency, source)
       values ($1, now() - interval '2 days', 19.99, 'USD', 'scraper'), ($1, now() - interval '1 day', 14.49, 'USD', 'scraper')`,
      [product],
    );

    const model = await one(
      client,
      "insert into ai.ai_models (name, provider, version, status) values ('text-embedder', 'local', '1', 'active') returning id",
      [],
    );
    await client.query(
      "insert into ai.embeddings_records (model_id, object_type, object_id, content_digest, dimensions, embedding) values ($1, 'product', $2, $3, 4, '{0.12,0.5,-0.3,0.08}')",
      [model, product, "0".repeat(64)],
    );
    const label = await one(
      client,
      "insert into ai.annotations_labels (name, description) values ('relevant', 'The match is relevant.') returning id",
      [],
    );
    const insight = await one(
      client,
      "insert into ai.ai_insights (model_id, insight_type, title) select $1, (enum_range(null::ai.ai_insight_type))[1], 'Stapler demand rising' returning id",
      [model],
    );
    await client.query(
      "insert into ai.annotations_entries (label_id, insight_id, verdict, note) values ($1, $2, 'agree', 'Matches the sales.')",
      [label, insight],
    );
    await client.query("insert into ai.ai_jobs (model_id, job_type, object_type, object_id) values ($1, 'embed', 'product', $2)", [
      model,
      product,
    ]);
    await client.query("insert into platform.profiles (display_name, headline) values ($1, 'Administrator')", [`${tenant.name} Admin`]);
  });
}
