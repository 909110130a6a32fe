/*
 * fulfillment: pick lists, pick lines, fulfillments, fulfillment lines.
 * Every table keeps the tenant defaults of 90_tenant_defaults.sql (read
 * within the tenant; writes need CREATE_/UPDATE_/DELETE_<TABLE>). A line's
 * order is set once, with the line: it is part of the keys that tie the
 * line to its list and to an order line of the same order. Grants are
 * declared from scratch on every run.
 */
revoke all on all tables in schema fulfillment from nexus_user, nexus_anonymous;
grant usage on schema fulfillment to nexus_user;

grant select, insert (order_id, warehouse_id, status, picked_at), update (status, picked_at), delete
  on fulfillment.pick_lists to nexus_user;
grant select, insert (order_id, pick_list_id, order_line_id, bin_id, quantity), update (bin_id, quantity), delete
  on fulfillment.pick_lines to nexus_user;
grant select, insert (order_id, warehouse_id, status, shipped_at), update (status, shipped_at), delete
  on fulfillment.fulfillments to nexus_user;
grant select, insert (order_id, fulfillment_id, order_line_id, quantity), update (quantity), delete
  on fulfillment.fulfillment_lines to nexus_user;

-- the quantity check runs as nexus_auth
grant usage on schema fulfillment to nexus_auth;
grant select on all tables in schema fulfillment to nexus_auth;
grant select, update (quantity) on orders.order_lines to nexus_auth;
-- so do the shipping triggers: they lock the fulfillment (FOR SHARE needs an update grant), consume reservations, post sales
grant update (status) on fulfillment.fulfillments to nexus_auth;
grant select on orders.orders to nexus_auth;
grant select, insert, update (quantity, status) on inventory.inventory_reservations to nexus_auth;
grant select, insert on inventory.inventory_movements to nexus_auth;
