/*
 * purchasing: suppliers, purchase orders, lines, receipts. Every table
 * keeps the tenant defaults of 90_tenant_defaults.sql (read within the
 * tenant; writes need CREATE_/UPDATE_/DELETE_<TABLE>). A line's received
 * quantity, the order's received statuses and a receipt's movement are
 * written only by the database (trigger _500_post_receipt, as nexus_auth);
 * receipts are append-only. Grants are declared from scratch on every run.
 */
revoke all on all tables in schema purchasing from nexus_user, nexus_anonymous;
grant usage on schema purchasing to nexus_user;

grant select, insert (name, email, phone, country_code, lead_time_days, is_active),
  update (name, email, phone, country_code, lead_time_days, is_active), delete
  on purchasing.suppliers to nexus_user;
grant select, insert (po_number, supplier_id, warehouse_id, status, currency, ordered_at, expected_on),
  update (status, ordered_at, expected_on), delete
  on purchasing.purchase_orders to nexus_user;
grant select, insert (purchase_order_id, variant_id, quantity_ordered, unit_cost), update (quantity_ordered, unit_cost), delete
  on purchasing.po_lines to nexus_user;
grant select, insert (po_line_id, quantity, received_at, note) on purchasing.po_receipts to nexus_user;

-- the receipt trigger runs as nexus_auth, and posts to the stock ledger
grant usage on schema purchasing to nexus_auth;
grant select, update (quantity_received) on purchasing.po_lines to nexus_auth;
grant select, update (status) on purchasing.purchase_orders to nexus_auth;
grant insert, select on inventory.inventory_movements to nexus_auth;
