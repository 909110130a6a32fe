--! Previous: sha1:841308311a90a9247830f1238e3a944d5b366749
--! Hash: sha1:568f340731fbba96556a4834f7ffddf3e71591bf
--! Message: inventory: products, variants, warehouses and bins, stock levels kept from a ledger of movements, reservations

/*
 * inventory: what the shop sells (products and their variants, one SKU
 * each), where it is kept (warehouses and their bins), and how much of it
 * there is. Stock is a ledger: every change is an inventory_movements row,
 * and inventory_levels (per variant and warehouse) is kept equal to the sum
 * of the movements by the database, never written by clients. A level may
 * go below zero only for a product that allows back-orders. Reservations
 * hold stock for order lines; the level's reserved quantity is their sum.
 */
create schema inventory;
comment on schema inventory is 'Products and variants, warehouses and bins, stock levels kept from a ledger of movements, and reservations.';

create type inventory.product_status as enum ('draft', 'active', 'archived');
comment on type inventory.product_status is 'Whether a product is being prepared, on sale, or kept for history only.';
create type inventory.movement_kind as enum ('receipt', 'sale', 'return', 'adjustment', 'transfer_in', 'transfer_out');
comment on type inventory.movement_kind is 'Why stock changed: received from a supplier, sold, returned by a customer, counted (adjustment), or moved between warehouses.';
create type inventory.reservation_status as enum ('active', 'released', 'consumed');
comment on type inventory.reservation_status is 'Whether a reservation still holds stock (active), was given back (released) or became a sale (consumed).';

create table inventory.inventory_products (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  name text not null,
  description text,
  status inventory.product_status not null default 'active',
  allows_backorder boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint inventory_products_tenant_id_id_key unique (tenant_id, id),
  constraint inventory_products_name_not_blank check (char_length(btrim(name)) > 0)
);
create index inventory_products_name_idx on inventory.inventory_products (tenant_id, name, id);
comment on table inventory.inventory_products is 'A product the shop sells; what is stocked and sold are its variants.';
comment on column inventory.inventory_products.id is 'Unique identifier of the product.';
comment on column inventory.inventory_products.tenant_id is 'The tenant (shop) the product belongs to.';
comment on column inventory.inventory_products.name is 'Name of the product.';
comment on column inventory.inventory_products.description is 'Description shown to buyers.';
comment on column inventory.inventory_products.status is 'Whether the product is a draft, on sale, or archived.';
comment on column inventory.inventory_products.allows_backorder is 'Whether its variants may be sold below zero stock (back-orders).';
comment on constraint inventory_products_name_not_blank on inventory.inventory_products is 'Name must not be blank.';

create table inventory.inventory_variants (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  product_id uuid not null,
  sku text not null,
  title text not null,
  price numeric(12, 2) not null,
  currency char(3) not null default 'EUR',
  barcode text,
  weight_grams integer,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint inventory_variants_tenant_id_id_key unique (tenant_id, id),
  constraint inventory_variants_tenant_id_sku_key unique (tenant_id, sku),
  constraint inventory_variants_product_fkey foreign key (tenant_id, product_id)
    references inventory.inventory_products (tenant_id, id) on delete restrict,
  constraint inventory_variants_sku_shape check (sku ~ '^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$'),
  constraint inventory_variants_title_not_blank check (char_length(btrim(title)) > 0),
  constraint inventory_variants_price_nonnegative check (price >= 0),
  constraint inventory_variants_currency_shape check (currency ~ '^[A-Z]{3}$'),
  constraint inventory_variants_weight_nonnegative check (weight_grams is null or weight_grams >= 0)
);
create index inventory_variants_product_idx on inventory.inventory_variants (tenant_id, product_id, sku);
comment on table inventory.inventory_variants is 'A sellable version of a product (size, colour), identified by its SKU.';
comment on column inventory.inventory_variants.id is 'Unique identifier of the variant.';
comment on column inventory.inventory_variants.tenant_id is 'The tenant of the product.';
comment on column inventory.inventory_variants.product_id is 'The product this is a variant of.';
comment on column inventory.inventory_variants.sku is 'Stock keeping unit: the variant''s code, unique within the tenant.';
comment on column inventory.inventory_variants.title is 'What distinguishes the variant (e.g. "Blue / M").';
comment on column inventory.inventory_variants.price is 'Selling price per unit.';
comment on column inventory.inventory_variants.currency is 'ISO 4217 currency of the price.';
comment on column inventory.inventory_variants.barcode is 'Barcode (EAN, UPC) printed on the item, if any.';
comment on column inventory.inventory_variants.weight_grams is 'Shipping weight of one unit, in grams.';
comment on constraint inventory_variants_sku_shape on inventory.inventory_variants is 'SKU must be 1 to 64 letters, digits, dots, dashes, slashes or underscores, starting with a letter or digit.';
comment on constraint inventory_variants_title_not_blank on inventory.inventory_variants is 'Title must not be blank.';
comment on constraint inventory_variants_price_nonnegative on inventory.inventory_variants is 'Price must not be negative.';
comment on constraint inventory_variants_currency_shape on inventory.inventory_variants is 'Currency must be a three-letter ISO 4217 code (e.g. EUR).';
comment on constraint inventory_variants_weight_nonnegative on inventory.inventory_variants is 'Weight must not be negative.';

create table inventory.warehouses (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  code text not null,
  name text not null,
  country_code char(2) not null,
  is_active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint warehouses_tenant_id_id_key unique (tenant_id, id),
  constraint warehouses_tenant_id_code_key unique (tenant_id, code),
  constraint warehouses_code_not_blank check (char_length(btrim(code)) > 0),
  constraint warehouses_name_not_blank check (char_length(btrim(name)) > 0),
  constraint warehouses_country_code_shape check (country_code ~ '^[A-Z]{2}$')
);
comment on table inventory.warehouses is 'A place where stock is kept and orders are picked.';
comment on column inventory.warehouses.id is 'Unique identifier of the warehouse.';
comment on column inventory.warehouses.tenant_id is 'The tenant the warehouse belongs to.';
comment on column inventory.warehouses.code is 'Short code of the warehouse, unique within the tenant.';
comment on column inventory.warehouses.name is 'Name of the warehouse.';
comment on column inventory.warehouses.country_code is 'ISO 3166-1 alpha-2 country the warehouse is in.';
comment on column inventory.warehouses.is_active is 'Whether the warehouse takes part in picking and receiving.';
comment on constraint warehouses_code_not_blank on inventory.warehouses is 'Code must not be blank.';
comment on constraint warehouses_name_not_blank on inventory.warehouses is 'Name must not be blank.';
comment on constraint warehouses_country_code_shape on inventory.warehouses is 'Country code must be two upper-case letters (ISO 3166-1, e.g. DE).';

create table inventory.warehouse_bins (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  warehouse_id uuid not null,
  code text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint warehouse_bins_tenant_id_id_key unique (tenant_id, id),
  constraint warehouse_bins_tenant_id_warehouse_id_code_key unique (tenant_id, warehouse_id, code),
  -- target of the bin keys of movements: a bin together with its warehouse
  constraint warehouse_bins_tenant_id_warehouse_id_id_key unique (tenant_id, warehouse_id, id),
  constraint warehouse_bins_warehouse_fkey foreign key (tenant_id, warehouse_id)
    references inventory.warehouses (tenant_id, id) on delete cascade,
  constraint warehouse_bins_code_not_blank check (char_length(btrim(code)) > 0)
);
comment on table inventory.warehouse_bins is 'A shelf or bin location inside a warehouse (aisle-rack-level).';
comment on column inventory.warehouse_bins.id is 'Unique identifier of the bin.';
comment on column inventory.warehouse_bins.tenant_id is 'The tenant of the warehouse.';
comment on column inventory.warehouse_bins.warehouse_id is 'The warehouse the bin is in.';
comment on column inventory.warehouse_bins.code is 'Code of the bin, unique within its warehouse (e.g. A-01-3).';
comment on constraint warehouse_bins_code_not_blank on inventory.warehouse_bins is 'Code must not be blank.';
comment on constraint warehouse_bins_tenant_id_warehouse_id_id_key on inventory.warehouse_bins is
  E'@behavior -single -update -delete\nA bin together with its warehouse: what a movement''s bin refers to.';

create table inventory.inventory_levels (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  variant_id uuid not null,
  warehouse_id uuid not null,
  on_hand integer not null default 0,
  reserved integer not null default 0,
  available integer generated always as (on_hand - reserved) stored,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint inventory_levels_tenant_id_id_key unique (tenant_id, id),
  constraint inventory_levels_tenant_id_variant_id_warehouse_id_key unique (tenant_id, variant_id, warehouse_id),
  constraint inventory_levels_variant_fkey foreign key (tenant_id, variant_id)
    references inventory.inventory_variants (tenant_id, id) on delete cascade,
  constraint inventory_levels_warehouse_fkey foreign key (tenant_id, warehouse_id)
    references inventory.warehouses (tenant_id, id) on delete cascade,
  constraint inventory_levels_reserved_nonnegative check (reserved >= 0)
);
-- a warehouse's stock list, lowest availability first (what to reorder)
create index inventory_levels_warehouse_idx on inventory.inventory_levels (tenant_id, warehouse_id, available);
comment on table inventory.inventory_levels is 'How much of a variant a warehouse holds: the sum of its movements (kept by the database, read-only).';
comment on column inventory.inventory_levels.id is 'Unique identifier of the level.';
comment on column inventory.inventory_levels.tenant_id is 'The tenant of the stock.';
comment on column inventory.inventory_levels.variant_id is 'The variant counted.';
comment on column inventory.inventory_levels.warehouse_id is 'The warehouse it is in.';
comment on column inventory.inventory_levels.on_hand is 'Units in the warehouse: the sum of the variant''s movements there. Below zero only for back-orderable products.';
comment on column inventory.inventory_levels.reserved is 'Units held by active reservations.';
comment on column inventory.inventory_levels.available is 'Units that can still be promised: on hand minus reserved.';
comment on constraint inventory_levels_reserved_nonnegative on inventory.inventory_levels is 'Reserved quantity must not be negative.';

create table inventory.inventory_movements (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  variant_id uuid not null,
  warehouse_id uuid not null,
  bin_id uuid,
  kind inventory.movement_kind not null,
  quantity integer not null,
  note text,
  occurred_at timestamptz not null default now(),
  created_by uuid,
  created_at timestamptz not null default now(),
  constraint inventory_movements_tenant_id_id_key unique (tenant_id, id),
  constraint inventory_movements_variant_fkey foreign key (tenant_id, variant_id)
    references inventory.inventory_variants (tenant_id, id) on delete restrict,
  constraint inventory_movements_warehouse_fkey foreign key (tenant_id, warehouse_id)
    references inventory.warehouses (tenant_id, id) on delete restrict,
  constraint inventory_movements_bin_fkey foreign key (tenant_id, warehouse_id, bin_id)
    references inventory.warehouse_bins (tenant_id, warehouse_id, id) on delete restrict,
  constraint inventory_movements_created_by_fkey foreign key (tenant_id, created_by)
    references platform.users (tenant_id, id) on delete set null (created_by),
  constraint inventory_movements_quantity_matches_kind check (
    quantity <> 0
    and (kind not in ('receipt', 'return', 'transfer_in') or quantity > 0)
    and (kind not in ('sale', 'transfer_out') or quantity < 0)
  )
);
-- a variant's stock card, newest first
create index inventory_movements_variant_idx on inventory.inventory_movements (tenant_id, variant_id, occurred_at desc);
create index inventory_movements_warehouse_idx on inventory.inventory_movements (tenant_id, warehouse_id, occurred_at desc);
create index inventory_movements_bin_idx on inventory.inventory_movements (tenant_id, warehouse_id, bin_id);
create index inventory_movements_created_by_idx on inventory.inventory_movements (tenant_id, created_by);
comment on table inventory.inventory_movements is 'The stock ledger: one row per change of a variant''s stock in a warehouse. Append-only; a mistake is corrected by an adjustment.';
comment on column inventory.inventory_movements.id is 'Unique identifier of the movement.';
comment on column inventory.inventory_movements.tenant_id is 'The tenant of the stock.';
comment on column inventory.inventory_movements.variant_id is 'The variant that moved.';
comment on column inventory.inventory_movements.warehouse_id is 'The warehouse whose stock changed.';
comment on column inventory.inventory_movements.bin_id is 'The bin in that warehouse, where known.';
comment on column inventory.inventory_movements.kind is 'Why the stock changed.';
comment on column inventory.inventory_movements.quantity is 'Units added (positive) or removed (negative).';
comment on column inventory.inventory_movements.note is 'Free text: a count sheet, a reason.';
comment on column inventory.inventory_movements.occurred_at is 'When the stock changed.';
comment on column inventory.inventory_movements.created_by is 'Who recorded the movement (from the signed-in user).';
comment on constraint inventory_movements_quantity_matches_kind on inventory.inventory_movements is
  'Quantity must not be zero; receipts, returns and transfers in add stock (positive), sales and transfers out remove it (negative).';

create table inventory.inventory_reservations (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  variant_id uuid not null,
  warehouse_id uuid not null,
  quantity integer not null,
  status inventory.reservation_status not null default 'active',
  expires_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint inventory_reservations_tenant_id_id_key unique (tenant_id, id),
  constraint inventory_reservations_variant_fkey foreign key (tenant_id, variant_id)
    references inventory.inventory_variants (tenant_id, id) on delete restrict,
  constraint inventory_reservations_warehouse_fkey foreign key (tenant_id, warehouse_id)
    references inventory.warehouses (tenant_id, id) on delete restrict,
  constraint inventory_reservations_quantity_positive check (quantity > 0)
);
create index inventory_reservations_variant_idx on inventory.inventory_reservations (tenant_id, variant_id, warehouse_id, status);
create index inventory_reservations_warehouse_idx on inventory.inventory_reservations (tenant_id, warehouse_id);
comment on table inventory.inventory_reservations is 'Stock held for an order line until it ships (consumed) or is given back (released).';
comment on column inventory.inventory_reservations.id is 'Unique identifier of the reservation.';
comment on column inventory.inventory_reservations.tenant_id is 'The tenant of the stock.';
comment on column inventory.inventory_reservations.variant_id is 'The variant held.';
comment on column inventory.inventory_reservations.warehouse_id is 'The warehouse it is held in.';
comment on column inventory.inventory_reservations.quantity is 'Units held.';
comment on column inventory.inventory_reservations.status is 'Whether the reservation still holds stock.';
comment on column inventory.inventory_reservations.expires_at is 'When an unpaid reservation should be released.';
comment on constraint inventory_reservations_quantity_positive on inventory.inventory_reservations is 'Quantity must be greater than zero.';

/*
 * The one writer of inventory_levels. A movement adds its quantity to
 * on_hand, an active reservation its quantity to reserved; the upsert locks
 * the level row, so concurrent postings to one variant and warehouse queue
 * up and none is lost. Afterwards a level may be below zero (on hand, or
 * available once reservations count) only when the product allows
 * back-orders: the refusal names the rule inventory_levels_no_negative_stock.
 * Runs as nexus_auth, as do the triggers that call it: request roles
 * cannot write levels, nor call this.
 */
create function inventory.post_to_level(p_tenant_id uuid, p_variant_id uuid, p_warehouse_id uuid, p_on_hand integer, p_reserved integer)
returns void
  language plpgsql volatile security definer
  set search_path = pg_catalog
as $$
declare
  v_level record;
begin
  insert into inventory.inventory_levels as l (tenant_id, variant_id, warehouse_id, on_hand, reserved)
  values (p_tenant_id, p_variant_id, p_warehouse_id, p_on_hand, p_reserved)
  on conflict (tenant_id, variant_id, warehouse_id)
  do update set on_hand = l.on_hand + excluded.on_hand, reserved = l.reserved + excluded.reserved
  returning l.on_hand, l.available into v_level;
  -- only a change that takes stock away can break the rule
  if (p_on_hand < 0 or p_reserved > 0) and least(v_level.on_hand, v_level.available) < 0 and not exists (
    select 1 from inventory.inventory_variants v
    join inventory.inventory_products p on p.tenant_id = v.tenant_id and p.id = v.product_id
    where v.tenant_id = p_tenant_id and v.id = p_variant_id and p.allows_backorder
  ) then
    raise exception 'not enough stock: % on hand, % available, and the product does not allow back-orders', v_level.on_hand, v_level.available
      using errcode = '23514', constraint = 'inventory_levels_no_negative_stock', table = 'inventory_levels', schema = 'inventory',
            hint = 'Receive stock first, or allow back-orders on the product.';
  end if;
end;
$$;
comment on function inventory.post_to_level(uuid, uuid, uuid, integer, integer) is
  E'@behavior -*\nAdds to a variant''s on-hand and reserved stock in a warehouse, refusing negative stock unless the product allows back-orders. Called by the movement and reservation triggers only.';

create function inventory.tg_inventory_movements__post() returns trigger
  language plpgsql volatile security definer
  set search_path = pg_catalog
as $$
begin
  perform inventory.post_to_level(new.tenant_id, new.variant_id, new.warehouse_id, new.quantity, 0);
  return null;
end;
$$;
comment on function inventory.tg_inventory_movements__post() is 'Trigger: adds a movement to its stock level.';
create trigger _500_post_to_level after insert on inventory.inventory_movements
  for each row execute function inventory.tg_inventory_movements__post();

create function inventory.tg_inventory_reservations__post() returns trigger
  language plpgsql volatile security definer
  set search_path = pg_catalog
as $$
begin
  -- the old hold is given back before the new one is taken (a move between warehouses, a change of quantity)
  if tg_op in ('UPDATE', 'DELETE') and old.status = 'active' then
    perform inventory.post_to_level(old.tenant_id, old.variant_id, old.warehouse_id, 0, -old.quantity);
  end if;
  if tg_op in ('INSERT', 'UPDATE') and new.status = 'active' then
    perform inventory.post_to_level(new.tenant_id, new.variant_id, new.warehouse_id, 0, new.quantity);
  end if;
  return null;
end;
$$;
comment on function inventory.tg_inventory_reservations__post() is 'Trigger: keeps the reserved stock of a level equal to its active reservations.';
create trigger _500_post_to_level after insert or update or delete on inventory.inventory_reservations
  for each row execute function inventory.tg_inventory_reservations__post();

/* Security definer functions belong to nexus_auth (BYPASSRLS); it may create in inventory only for the handover. */
revoke all on function inventory.post_to_level(uuid, uuid, uuid, integer, integer) from public;
revoke all on function inventory.tg_inventory_movements__post() from public;
revoke all on function inventory.tg_inventory_reservations__post() from public;
grant create on schema inventory to nexus_auth;
alter function inventory.post_to_level(uuid, uuid, uuid, integer, integer) owner to nexus_auth;
alter function inventory.tg_inventory_movements__post() owner to nexus_auth;
alter function inventory.tg_inventory_reservations__post() owner to nexus_auth;
revoke create on schema inventory from nexus_auth;
