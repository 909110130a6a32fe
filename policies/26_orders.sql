/*
 * orders: orders, lines, adjustments, status history. Every table keeps the
 * tenant defaults of 90_tenant_defaults.sql (read within the tenant; writes
 * need CREATE_/UPDATE_/DELETE_<TABLE>; DELETE_ORDERS is an admin's by
 * default). The totals of an order and its status history are written only
 * by the database (triggers as nexus_auth), so they are not in any grant.
 * Grants are declared from scratch on every run.
 */
revoke all on all tables in schema orders from nexus_user, nexus_anonymous;
grant usage on schema orders to nexus_user;

grant select, insert (order_number, customer_id, shipping_address_id, channel, status, currency, placed_at, note),
  update (shipping_address_id, channel, status, note), delete
  on orders.orders to nexus_user;
grant select, insert (order_id, variant_id, description, quantity, unit_price),
  update (description, quantity, unit_price), delete
  on orders.order_lines to nexus_user;
grant select, insert (order_id, kind, description, amount), update (kind, description, amount), delete
  on orders.order_adjustments to nexus_user;
grant select on orders.order_status_history to nexus_user;
grant insert (order_line_id) on inventory.inventory_reservations to nexus_user;

-- the totals and history triggers run as nexus_auth
grant usage on schema orders to nexus_auth;
grant select, update (subtotal, adjustments_total) on orders.orders to nexus_auth;
grant select on orders.order_lines, orders.order_adjustments to nexus_auth;
grant insert on orders.order_status_history to nexus_auth;
