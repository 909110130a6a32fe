/*
 * shipping: carriers, waybills, tracking events. Every table keeps the
 * tenant defaults of 90_tenant_defaults.sql (read within the tenant; writes
 * need CREATE_/UPDATE_/DELETE_<TABLE>). A waybill's status is written only
 * by the database (trigger _500_follow_latest_event, as nexus_auth).
 * Grants are declared from scratch on every run.
 */
revoke all on all tables in schema shipping from nexus_user, nexus_anonymous;
grant usage on schema shipping to nexus_user;

grant select, insert (code, name, tracking_url_template), update (code, name, tracking_url_template), delete
  on shipping.awb_carriers to nexus_user;
grant select, insert (fulfillment_id, carrier_id, awb_number, weight_grams), update (awb_number, weight_grams), delete
  on shipping.awbs to nexus_user;
grant select, insert (awb_id, status, occurred_at, location, description), update (status, occurred_at, location, description), delete
  on shipping.awb_events to nexus_user;

-- the status trigger runs as nexus_auth
grant usage on schema shipping to nexus_auth;
grant select on shipping.awb_events to nexus_auth;
grant select, update (status, status_at) on shipping.awbs to nexus_auth;
