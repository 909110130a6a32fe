import type pg from "pg";

import { asTenantAdmin, type DemoTenant } from "./tenant";

/**
 * The platform services for a demo tenant: aliases of its default API
 * endpoints, an account whose
 * balance comes from its completed transactions, an AI model with an
 * insight, metrics and an alert.
 */
export async function loadServicesDemo(pool: pg.Pool, tenant: DemoTenant): Promise<void> {
  await asTenantAdmin(pool, tenant, async (client) => {
    // The tenant's default endpoints and configuration anchors come with the tenant (nexus_auth.add_tenant_defaults).
    const aliases: Array<[string, string, string, string]> = [
      ["ping", "health.check", "web", "shortcut"],
      ["me", "users.profile.get", "mobile", "shortcut"],
      ["getProfile", "users.profile.get", "legacy-sdk", "legacy"],
      ["chat", "ai.chat", "web", "synonym"],
    ];
    for (const [alias, canonical, context, type] of aliases) {
      await client.query("insert into ops.api_aliases (alias_name, canonical_name, context, alias_type) values ($1, $2, $3, $4)", [
        alias,
        canonical,
        context,
        type,
      ]);
    }

    const {
      rows: [account],
    } = await client.query<{ id: string }>(
      "insert into ledger.accounts (user_id, account_name, account_number, account_type, bank_name, currency) values ($1, 'Operating account', $2, 'checking', 'First Demo Bank', 'USD') returning id",
      [tenant.adminUserId, `${tenant.name.toUpperCase()}-0001`],
    );
    const transactions: Array<[string, string, string, string, string]> = [
      ["25000.00", "deposit", "funding", "Opening deposit", "completed"],
      ["1249.99", "payment", "software", "Annual licence", "completed"],
      ["35.50", "fee", "bank", "Monthly account fee", "completed"],
      ["4800.00", "payment", "payroll", "Contractor invoice", "pending"],
    ];
    for (const [amount, type, category, description, status] of transactions) {
      await client.query(
        "insert into ledger.transactions (account_id, amount, transaction_type, category, description, status) values ($1, $2, $3, $4, $5, $6)",
        [account!.id, amount, type, category, description, status],
      );
    }

    const {
      rows: [model],
    } = await client.query<{ id: string }>(
      `insert into ai.ai_models (name, provider, version, status, capabilities, performance)
       values ('support-assistant', 'OpenAI', '2025-01', 'active', '["chat", "summarize"]', '{"latencyMsP95": 850, "accuracy": 0.91}') returning id`,
    );
    await client.query(
      `insert into ai.ai_insights (model_id, insight_type, title, description, data, confidence)
       values ($1, 'trend', 'API traffic up 18% week over week', 'Most of the growth comes from the mobile client.', '{"changePercent": 18, "window": "7d"}', 0.82)`,
      [model!.id],
    );

    const metrics: Array<[string, string, string, Record<string, string>]> = [
      ["http.requests.p95", "182.5000", "ms", { service: "gateway" }],
      ["http.error_rate", "0.4200", "percent", { service: "gateway" }],
      ["db.connections.active", "12.0000", "count", { database: "primary" }],
    ];
    for (const [name, value, unit, tags] of metrics) {
      await client.query("insert into ops.system_metrics (metric_name, metric_value, metric_unit, tags) values ($1, $2, $3, $4)", [
        name,
        value,
        unit,
        tags,
      ]);
    }
    await client.query(
      "insert into ops.alerts (alert_name, severity, message) values ('HighLatency', 'warning', 'p95 latency of the gateway above 150 ms for 10 minutes.')",
    );
  });
}
