/*
 * assets: catalog, inventory, assignments, circulations, repairs. Every
 * table keeps the tenant defaults of 90_tenant_defaults.sql (read within
 * the tenant; writes need CREATE_/UPDATE_/DELETE_<TABLE>). Grants are
 * declared from scratch on every run.
 */
revoke all on all tables in schema assets from nexus_user, nexus_anonymous;
grant usage on schema assets to nexus_user;

grant select, insert (name), update (name), delete on assets.asset_manufacturers to nexus_user;
grant select, insert (name, end_of_support_label), update (name, end_of_support_label), delete on assets.asset_types to nexus_user;
grant select, insert (name, tracking_type, manufacturer_id, end_of_support, asset_type_id),
  update (name, tracking_type, manufacturer_id, end_of_support, asset_type_id), delete
  on assets.asset_models to nexus_user;
grant select, insert (name, serial_number, model_id, quantity), update (name, serial_number, model_id, quantity), delete
  on assets.assets to nexus_user;
grant select, insert (asset_id, person_id, location_id, start_date, end_date),
  update (asset_id, person_id, location_id, start_date, end_date), delete
  on assets.asset_assignments to nexus_user;
grant select, insert (asset_id, circulation_type, person_id, location_id, occurred_at, notes),
  update (asset_id, circulation_type, person_id, location_id, occurred_at, notes), delete
  on assets.asset_circulations to nexus_user;
grant select, insert (asset_id, title, description, location_id, status, priority, reported_at, resolved_at),
  update (asset_id, title, description, location_id, status, priority, reported_at, resolved_at), delete
  on assets.asset_repairs to nexus_user;
