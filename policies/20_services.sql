/*
 * Platform services: ops (API registry, aliases, anchors, metrics,
 * alerts), ledger (accounts, transactions) and ai (models, insights).
 * Grants are declared from scratch on every run (revoke, then grant). The
 * tables take the tenant defaults of 90_tenant_defaults.sql: read within
 * the tenant; writes need CREATE_/UPDATE_/DELETE_<TABLE>.
 *
 * What the grants leave out is decided by the database, never by a client:
 * ids, tenant_id and timestamps; api_aliases.created_by (the signed-in
 * user); alerts.acknowledged_by/_at and resolved_at (set from status);
 * accounts.balance (kept by the transactions trigger).
 */
revoke all on all tables in schema ops, ledger, ai from nexus_user, nexus_anonymous;
grant usage on schema ops, ledger, ai to nexus_user;

grant select, insert (name, path, method, description, version, is_active),
  update (name, path, method, description, version, is_active), delete
  on ops.api_endpoints to nexus_user;
grant select, insert (alias_name, canonical_name, context, alias_type, description, expires_at, is_active),
  update (alias_name, canonical_name, context, alias_type, description, expires_at, is_active), delete
  on ops.api_aliases to nexus_user;
grant select, insert (anchor_id, family, description, format, source_hint, owner, version, centrality_score),
  update (anchor_id, family, description, format, source_hint, owner, version, centrality_score), delete
  on ops.ssot_anchors to nexus_user;
grant select, insert (metric_name, metric_value, metric_unit, tags, "timestamp"),
  update (metric_name, metric_value, metric_unit, tags, "timestamp"), delete
  on ops.system_metrics to nexus_user;
grant select, insert (alert_name, severity, message, status),
  update (alert_name, severity, message, status), delete
  on ops.alerts to nexus_user;

/* A new tenant's default endpoints and anchors are written by nexus_auth.add_tenant_defaults (functions/nexus_auth.sql). */
grant usage on schema ops to nexus_auth;
-- select as well: on conflict reads the unique keys
grant select, insert on ops.api_endpoints, ops.ssot_anchors to nexus_auth;

/* An alias resolves to its endpoint as a GraphQL query field (security invoker: RLS applies). */
grant execute on function ops.resolve_api_alias(text, text) to nexus_user;

/* Currencies: a global catalog every signed-in user reads; nobody writes it through GraphQL. */
grant select on ledger.currencies to nexus_user;
create policy catalog_select on ledger.currencies for select to nexus_user using (true);

/* The account's currency and balance are fixed by its history: not updatable. */
grant select, insert (user_id, account_name, account_number, account_type, bank_name, currency, is_active),
  update (account_name, account_number, account_type, bank_name, is_active), delete
  on ledger.accounts to nexus_user;
grant select, insert (account_id, amount, transaction_type, category, description, transaction_date, status),
  update (amount, transaction_type, category, description, transaction_date, status), delete
  on ledger.transactions to nexus_user;

/* The balance trigger runs as nexus_auth: it reads and locks the account and writes balance, nothing else. */
grant usage on schema ledger to nexus_auth;
grant select (tenant_id, id, balance), update (balance) on ledger.accounts to nexus_auth;

grant select, insert (name, provider, version, status, capabilities, performance),
  update (name, provider, version, status, capabilities, performance), delete
  on ai.ai_models to nexus_user;
grant select, insert (model_id, insight_type, title, description, data, confidence),
  update (insight_type, title, description, data, confidence), delete
  on ai.ai_insights to nexus_user;
