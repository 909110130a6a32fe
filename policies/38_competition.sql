/*
 * competition: competitors, their products, price observations, alerts.
 * Every table keeps the tenant defaults of 90_tenant_defaults.sql. An
 * observation is never rewritten (no update grant); an alert's trigger
 * time and observation are the database's (not granted). Grants are
 * declared from scratch on every run.
 */
revoke all on all tables in schema competition from nexus_user, nexus_anonymous;
grant usage on schema competition to nexus_user;

grant select, insert (name, website, notes, is_active), update (name, website, notes, is_active), delete
  on competition.competition_competitors to nexus_user;
grant select, insert (competitor_id, name, url, competitor_sku, our_product_id),
  update (name, url, competitor_sku, our_product_id), delete
  on competition.competition_products to nexus_user;
grant select, insert (product_id, observed_at, price, currency, in_stock, source), delete
  on competition.competition_price_observations to nexus_user;
grant select, insert (product_id, alert_type, threshold, status), update (threshold, status), delete
  on competition.competition_alerts to nexus_user;
