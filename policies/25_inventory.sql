/*
 * inventory: products, variants, warehouses, bins, levels, movements,
 * reservations. Every table keeps the tenant defaults of
 * 90_tenant_defaults.sql (read within the tenant; writes need
 * CREATE_/UPDATE_/DELETE_<TABLE>). Levels are written only by the database
 * (inventory.post_to_level, as nexus_auth); movements are an append-only
 * ledger: inserted, never updated or deleted. Grants are declared from
 * scratch on every run.
 */
revoke all on all tables in schema inventory from nexus_user, nexus_anonymous;
grant usage on schema inventory to nexus_user;

grant select, insert (name, description, status, allows_backorder),
  update (name, description, status, allows_backorder), delete
  on inventory.inventory_products to nexus_user;
grant select, insert (product_id, sku, title, price, currency, barcode, weight_grams),
  update (sku, title, price, currency, barcode, weight_grams), delete
  on inventory.inventory_variants to nexus_user;
grant select, insert (code, name, country_code, is_active), update (code, name, country_code, is_active), delete
  on inventory.warehouses to nexus_user;
grant select, insert (warehouse_id, code), update (code), delete on inventory.warehouse_bins to nexus_user;
grant select on inventory.inventory_levels to nexus_user;
grant select, insert (variant_id, warehouse_id, bin_id, kind, quantity, note, occurred_at)
  on inventory.inventory_movements to nexus_user;
grant select, insert (variant_id, warehouse_id, quantity, status, expires_at),
  update (quantity, status, expires_at), delete
  on inventory.inventory_reservations to nexus_user;

-- the level writer runs as nexus_auth
grant usage on schema inventory to nexus_auth;
grant select, insert, update on inventory.inventory_levels to nexus_auth;
grant select on inventory.inventory_variants, inventory.inventory_products to nexus_auth;
