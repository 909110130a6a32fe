--! Previous: sha1:dbca66dacc4abeb80bdfbc14db26743ff7c8fdb1
--! Hash: sha1:d7d83d383f416726538f0d2c92db9e705ac8398f
--! Message: fulfillment: pick lists and fulfillments per warehouse, never beyond what was ordered

/*
 * fulfillment: getting an order out of a warehouse. A pick list gathers
 * what one warehouse picks for one order; a fulfillment is what leaves that
 * warehouse for the order (a parcel, or several on one waybill). Pick and
 * fulfillment lines carry their order, so their keys make a line always one
 * of the order's own lines. Across all open pick lists (and all
 * fulfillments not cancelled) a line is never picked (or fulfilled) beyond
 * the quantity ordered: checked by trigger with the order line locked, so
 * two pickers cannot both take the last units.
 */
create schema fulfillment;
comment on schema fulfillment is 'Pick lists and pick lines per warehouse, fulfillments per order and their lines.';

create type fulfillment.pick_list_status as enum ('open', 'picking', 'picked', 'cancelled');
comment on type fulfillment.pick_list_status is 'Where a pick list stands; a cancelled list no longer counts as picked.';
create type fulfillment.fulfillment_status as enum ('pending', 'packed', 'shipped', 'delivered', 'cancelled');
comment on type fulfillment.fulfillment_status is 'Where a fulfillment stands; a cancelled one no longer counts as fulfilled.';

create table fulfillment.pick_lists (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  order_id uuid not null,
  warehouse_id uuid not null,
  status fulfillment.pick_list_status not null default 'open',
  picked_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint pick_lists_tenant_id_id_key unique (tenant_id, id),
  constraint pick_lists_tenant_id_order_id_id_key unique (tenant_id, order_id, id),
  constraint pick_lists_order_fkey foreign key (tenant_id, order_id)
    references orders.orders (tenant_id, id) on delete cascade,
  constraint pick_lists_warehouse_fkey foreign key (tenant_id, warehouse_id)
    references inventory.warehouses (tenant_id, id) on delete restrict
);
-- a warehouse's picking queue, oldest first
create index pick_lists_warehouse_idx on fulfillment.pick_lists (tenant_id, warehouse_id, status, created_at);
comment on table fulfillment.pick_lists is 'What one warehouse picks for one order.';
comment on column fulfillment.pick_lists.id is 'Unique identifier of the pick list.';
comment on column fulfillment.pick_lists.tenant_id is 'The tenant of the order.';
comment on column fulfillment.pick_lists.order_id is 'The order picked for.';
comment on column fulfillment.pick_lists.warehouse_id is 'The warehouse that picks.';
comment on column fulfillment.pick_lists.status is 'Where the pick list stands.';
comment on column fulfillment.pick_lists.picked_at is 'When picking finished.';
comment on constraint pick_lists_tenant_id_order_id_id_key on fulfillment.pick_lists is
  E'@behavior -single -update -delete\nA pick list together with its order: what its lines refer to.';

create table fulfillment.pick_lines (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  order_id uuid not null,
  pick_list_id uuid not null,
  order_line_id uuid not null,
  bin_id uuid,
  quantity integer not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint pick_lines_tenant_id_id_key unique (tenant_id, id),
  constraint pick_lines_pick_list_fkey foreign key (tenant_id, order_id, pick_list_id)
    references fulfillment.pick_lists (tenant_id, order_id, id) on delete cascade,
  constraint pick_lines_order_line_fkey foreign key (tenant_id, order_id, order_line_id)
    references orders.order_lines (tenant_id, order_id, id) on delete cascade,
  constraint pick_lines_bin_fkey foreign key (tenant_id, bin_id)
    references inventory.warehouse_bins (tenant_id, id) on delete set null (bin_id),
  constraint pick_lines_quantity_positive check (quantity > 0)
);
create index pick_lines_pick_list_idx on fulfillment.pick_lines (tenant_id, order_id, pick_list_id);
create index pick_lines_order_line_idx on fulfillment.pick_lines (tenant_id, order_id, order_line_id);
create index pick_lines_bin_idx on fulfillment.pick_lines (tenant_id, bin_id);
comment on table fulfillment.pick_lines is 'Units of one order line to pick, from a bin where known.';
comment on column fulfillment.pick_lines.id is 'Unique identifier of the pick line.';
comment on column fulfillment.pick_lines.tenant_id is 'The tenant of the order.';
comment on column fulfillment.pick_lines.order_id is 'The order of the pick list and of the order line (the same order).';
comment on column fulfillment.pick_lines.pick_list_id is 'The pick list the line is on.';
comment on column fulfillment.pick_lines.order_line_id is 'The order line picked.';
comment on column fulfillment.pick_lines.bin_id is 'The bin to pick from.';
comment on column fulfillment.pick_lines.quantity is 'Units to pick; all pick lines of an order line together never exceed what was ordered.';
comment on constraint pick_lines_quantity_positive on fulfillment.pick_lines is 'Quantity must be greater than zero.';

create table fulfillment.fulfillments (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  order_id uuid not null,
  warehouse_id uuid not null,
  status fulfillment.fulfillment_status not null default 'pending',
  shipped_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint fulfillments_tenant_id_id_key unique (tenant_id, id),
  constraint fulfillments_tenant_id_order_id_id_key unique (tenant_id, order_id, id),
  constraint fulfillments_order_fkey foreign key (tenant_id, order_id)
    references orders.orders (tenant_id, id) on delete cascade,
  constraint fulfillments_warehouse_fkey foreign key (tenant_id, warehouse_id)
    references inventory.warehouses (tenant_id, id) on delete restrict
);
create index fulfillments_order_idx on fulfillment.fulfillments (tenant_id, order_id, created_at);
create index fulfillments_warehouse_idx on fulfillment.fulfillments (tenant_id, warehouse_id, status);
comment on table fulfillment.fulfillments is 'A shipment of (part of) an order from one warehouse.';
comment on column fulfillment.fulfillments.id is 'Unique identifier of the fulfillment.';
comment on column fulfillment.fulfillments.tenant_id is 'The tenant of the order.';
comment on column fulfillment.fulfillments.order_id is 'The order fulfilled.';
comment on column fulfillment.fulfillments.warehouse_id is 'The warehouse it leaves from.';
comment on column fulfillment.fulfillments.status is 'Where the fulfillment stands.';
comment on column fulfillment.fulfillments.shipped_at is 'When it was handed to the carrier.';
comment on constraint fulfillments_tenant_id_order_id_id_key on fulfillment.fulfillments is
  E'@behavior -single -update -delete\nA fulfillment together with its order: what its lines refer to.';

create table fulfillment.fulfillment_lines (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  order_id uuid not null,
  fulfillment_id uuid not null,
  order_line_id uuid not null,
  quantity integer not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint fulfillment_lines_tenant_id_id_key unique (tenant_id, id),
  constraint fulfillment_lines_fulfillment_fkey foreign key (tenant_id, order_id, fulfillment_id)
    references fulfillment.fulfillments (tenant_id, order_id, id) on delete cascade,
  constraint fulfillment_lines_order_line_fkey foreign key (tenant_id, order_id, order_line_id)
    references orders.order_lines (tenant_id, order_id, id) on delete cascade,
  constraint fulfillment_lines_quantity_positive check (quantity > 0)
);
create index fulfillment_lines_fulfillment_idx on fulfillment.fulfillment_lines (tenant_id, order_id, fulfillment_id);
create index fulfillment_lines_order_line_idx on fulfillment.fulfillment_lines (tenant_id, order_id, order_line_id);
comment on table fulfillment.fulfillment_lines is 'Units of one order line in a fulfillment.';
comment on column fulfillment.fulfillment_lines.id is 'Unique identifier of the fulfillment line.';
comment on column fulfillment.fulfillment_lines.tenant_id is 'The tenant of the order.';
comment on column fulfillment.fulfillment_lines.order_id is 'The order of the fulfillment and of the order line (the same order).';
comment on column fulfillment.fulfillment_lines.fulfillment_id is 'The fulfillment the line is in.';
comment on column fulfillment.fulfillment_lines.order_line_id is 'The order line fulfilled.';
comment on column fulfillment.fulfillment_lines.quantity is 'Units shipped; all fulfillment lines of an order line together never exceed what was ordered.';
comment on constraint fulfillment_lines_quantity_positive on fulfillment.fulfillment_lines is 'Quantity must be greater than zero.';

/*
 * One check for both kinds of line (tg_table_name tells which): lock the
 * order line (FOR NO KEY UPDATE, as the ledger does: the foreign key check
 * holds FOR KEY SHARE on it), then sum every line of it on lists or
 * fulfillments that are not cancelled. Runs as nexus_auth: a picker need
 * not be allowed to update order lines to lock one, and must count lines
 * of every pick list.
 */
create function fulfillment.tg__check_within_ordered() returns trigger
  language plpgsql volatile security definer
  set search_path = pg_catalog
as $$
declare
  v_ordered integer;
  v_taken integer;
begin
  select l.quantity into v_ordered
  from orders.order_lines l
  where l.tenant_id = new.tenant_id and l.id = new.order_line_id
  for no key update;
  if tg_table_name = 'pick_lines' then
    select coalesce(sum(pl.quantity), 0) into v_taken
    from fulfillment.pick_lines pl
    join fulfillment.pick_lists p on p.tenant_id = pl.tenant_id and p.id = pl.pick_list_id
    where pl.tenant_id = new.tenant_id and pl.order_id = new.order_id and pl.order_line_id = new.order_line_id
      and p.status <> 'cancelled';
  else
    select coalesce(sum(fl.quantity), 0) into v_taken
    from fulfillment.fulfillment_lines fl
    join fulfillment.fulfillments f on f.tenant_id = fl.tenant_id and f.id = fl.fulfillment_id
    where fl.tenant_id = new.tenant_id and fl.order_id = new.order_id and fl.order_line_id = new.order_line_id
      and f.status <> 'cancelled';
  end if;
  if v_taken > v_ordered then
    raise exception '% units of the order line would be %, but only % were ordered', v_taken,
      case when tg_table_name = 'pick_lines' then 'picked' else 'fulfilled' end, v_ordered
      using errcode = '23514', constraint = tg_table_name || '_within_ordered', table = tg_table_name, schema = 'fulfillment',
            hint = 'Lower the quantity, or cancel another list that holds units of this line.';
  end if;
  return null;
end;
$$;
comment on function fulfillment.tg__check_within_ordered() is 'Trigger: refuses picking or fulfilling more units of an order line than were ordered (rules pick_lines_within_ordered, fulfillment_lines_within_ordered).';
create trigger _300_check_within_ordered after insert or update of quantity, order_line_id on fulfillment.pick_lines
  for each row execute function fulfillment.tg__check_within_ordered();
create trigger _300_check_within_ordered after insert or update of quantity, order_line_id on fulfillment.fulfillment_lines
  for each row execute function fulfillment.tg__check_within_ordered();

/* Security definer functions belong to nexus_auth (BYPASSRLS); it may create in fulfillment only for the handover. */
revoke all on function fulfillment.tg__check_within_ordered() from public;
grant create on schema fulfillment to nexus_auth;
alter function fulfillment.tg__check_within_ordered() owner to nexus_auth;
revoke create on schema fulfillment from nexus_auth;
