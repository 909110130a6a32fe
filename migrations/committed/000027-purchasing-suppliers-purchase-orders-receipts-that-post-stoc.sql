--! Previous: sha1:3fa7a57b19d74fd3f877547af2eb3d5cb6f1676b
--! Hash: sha1:2b27ebdc15f8ec0e6f9f4ec3446761456470128f
--! Message: purchasing: suppliers, purchase orders, receipts that post stock movements

/*
 * purchasing: buying stock. Suppliers and vendors are one thing here: the
 * table is suppliers (a "vendor" in other tools is a supplier; a second
 * table would only let the two drift apart). A purchase order is for one
 * supplier and delivers into one warehouse. Receiving goods is a
 * po_receipts row: the database checks it does not take the line past what
 * was ordered, posts it to the stock ledger as a 'receipt' movement (which
 * moves the stock level), and keeps the line's received quantity and the
 * order's status. Receipts are a ledger: never updated or deleted
 * through GraphQL (a wrong receipt is corrected with an adjustment
 * movement).
 */
create schema purchasing;
comment on schema purchasing is 'Suppliers, purchase orders and their lines, and receipts that post stock movements.';

create type purchasing.purchase_order_status as enum ('draft', 'ordered', 'partially_received', 'received', 'cancelled');
comment on type purchasing.purchase_order_status is 'Where a purchase order stands; partially_received and received are kept by the database from its receipts.';

create table purchasing.suppliers (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  name text not null,
  email text,
  phone text,
  country_code char(2),
  lead_time_days integer,
  is_active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint suppliers_tenant_id_id_key unique (tenant_id, id),
  constraint suppliers_tenant_id_name_key unique (tenant_id, name),
  constraint suppliers_name_not_blank check (char_length(btrim(name)) > 0),
  constraint suppliers_email_shape check (email is null or email ~ '^[^@\s]+@[^@\s]+$'),
  constraint suppliers_country_code_shape check (country_code is null or country_code ~ '^[A-Z]{2}$'),
  constraint suppliers_lead_time_nonnegative check (lead_time_days is null or lead_time_days >= 0)
);
comment on table purchasing.suppliers is 'A supplier (vendor) the shop buys stock from.';
comment on column purchasing.suppliers.id is 'Unique identifier of the supplier.';
comment on column purchasing.suppliers.tenant_id is 'The tenant that buys from the supplier.';
comment on column purchasing.suppliers.name is 'Name of the supplier, unique within the tenant.';
comment on column purchasing.suppliers.email is 'Where purchase orders are sent.';
comment on column purchasing.suppliers.phone is 'Phone number of the supplier.';
comment on column purchasing.suppliers.country_code is 'ISO 3166-1 alpha-2 country of the supplier.';
comment on column purchasing.suppliers.lead_time_days is 'Usual days from ordering to delivery.';
comment on column purchasing.suppliers.is_active is 'Whether the shop still orders from the supplier.';
comment on constraint suppliers_name_not_blank on purchasing.suppliers is 'Name must not be blank.';
comment on constraint suppliers_email_shape on purchasing.suppliers is 'E-mail must look like name@domain.';
comment on constraint suppliers_country_code_shape on purchasing.suppliers is 'Country code must be two upper-case letters (ISO 3166-1, e.g. DE).';
comment on constraint suppliers_lead_time_nonnegative on purchasing.suppliers is 'Lead time must not be negative.';

create table purchasing.purchase_orders (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  po_number text not null,
  supplier_id uuid not null,
  warehouse_id uuid not null,
  status purchasing.purchase_order_status not null default 'draft',
  currency char(3) not null default 'EUR',
  ordered_at timestamptz,
  expected_on date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint purchase_orders_tenant_id_id_key unique (tenant_id, id),
  constraint purchase_orders_tenant_id_po_number_key unique (tenant_id, po_number),
  constraint purchase_orders_supplier_fkey foreign key (tenant_id, supplier_id)
    references purchasing.suppliers (tenant_id, id) on delete restrict,
  constraint purchase_orders_warehouse_fkey foreign key (tenant_id, warehouse_id)
    references inventory.warehouses (tenant_id, id) on delete restrict,
  constraint purchase_orders_po_number_not_blank check (char_length(btrim(po_number)) > 0),
  constraint purchase_orders_currency_shape check (currency ~ '^[A-Z]{3}$')
);
-- a supplier's orders, newest first; open orders by expected delivery
create index purchase_orders_supplier_idx on purchasing.purchase_orders (tenant_id, supplier_id, created_at desc);
create index purchase_orders_status_idx on purchasing.purchase_orders (tenant_id, status, expected_on);
create index purchase_orders_warehouse_idx on purchasing.purchase_orders (tenant_id, warehouse_id);
comment on table purchasing.purchase_orders is 'An order of stock from a supplier, delivered into one warehouse.';
comment on column purchasing.purchase_orders.id is 'Unique identifier of the purchase order.';
comment on column purchasing.purchase_orders.tenant_id is 'The tenant that orders.';
comment on column purchasing.purchase_orders.po_number is 'The purchase order number, unique within the tenant.';
comment on column purchasing.purchase_orders.supplier_id is 'The supplier ordered from.';
comment on column purchasing.purchase_orders.warehouse_id is 'The warehouse the goods are received into.';
comment on column purchasing.purchase_orders.status is 'Where the order stands; receipts move it to partially_received and received.';
comment on column purchasing.purchase_orders.currency is 'ISO 4217 currency of the unit costs.';
comment on column purchasing.purchase_orders.ordered_at is 'When the order was sent to the supplier.';
comment on column purchasing.purchase_orders.expected_on is 'When delivery is expected.';
comment on constraint purchase_orders_po_number_not_blank on purchasing.purchase_orders is 'Purchase order number must not be blank.';
comment on constraint purchase_orders_currency_shape on purchasing.purchase_orders is 'Currency must be a three-letter ISO 4217 code (e.g. EUR).';

create table purchasing.po_lines (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  purchase_order_id uuid not null,
  variant_id uuid not null,
  quantity_ordered integer not null,
  quantity_received integer not null default 0,
  unit_cost numeric(12, 2) not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint po_lines_tenant_id_id_key unique (tenant_id, id),
  constraint po_lines_tenant_id_purchase_order_id_variant_id_key unique (tenant_id, purchase_order_id, variant_id),
  constraint po_lines_purchase_order_fkey foreign key (tenant_id, purchase_order_id)
    references purchasing.purchase_orders (tenant_id, id) on delete cascade,
  constraint po_lines_variant_fkey foreign key (tenant_id, variant_id)
    references inventory.inventory_variants (tenant_id, id) on delete restrict,
  constraint po_lines_quantity_ordered_positive check (quantity_ordered > 0),
  constraint po_lines_received_within_ordered check (quantity_received between 0 and quantity_ordered),
  constraint po_lines_unit_cost_nonnegative check (unit_cost >= 0)
);
create index po_lines_variant_idx on purchasing.po_lines (tenant_id, variant_id);
comment on table purchasing.po_lines is 'A variant on a purchase order, with the quantity ordered and received so far.';
comment on column purchasing.po_lines.id is 'Unique identifier of the line.';
comment on column purchasing.po_lines.tenant_id is 'The tenant that orders.';
comment on column purchasing.po_lines.purchase_order_id is 'The purchase order.';
comment on column purchasing.po_lines.variant_id is 'The variant ordered (once per purchase order).';
comment on column purchasing.po_lines.quantity_ordered is 'Units ordered.';
comment on column purchasing.po_lines.quantity_received is 'Units received so far: the sum of the line''s receipts (kept by the database).';
comment on column purchasing.po_lines.unit_cost is 'Cost per unit.';
comment on constraint po_lines_quantity_ordered_positive on purchasing.po_lines is 'Quantity ordered must be greater than zero.';
comment on constraint po_lines_received_within_ordered on purchasing.po_lines is 'Cannot receive more than was ordered.';
comment on constraint po_lines_unit_cost_nonnegative on purchasing.po_lines is 'Unit cost must not be negative.';

create table purchasing.po_receipts (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  po_line_id uuid not null,
  quantity integer not null,
  received_at timestamptz not null default now(),
  movement_id uuid,
  note text,
  created_at timestamptz not null default now(),
  constraint po_receipts_tenant_id_id_key unique (tenant_id, id),
  constraint po_receipts_po_line_fkey foreign key (tenant_id, po_line_id)
    references purchasing.po_lines (tenant_id, id) on delete restrict,
  constraint po_receipts_movement_fkey foreign key (tenant_id, movement_id)
    references inventory.inventory_movements (tenant_id, id) on delete restrict,
  constraint po_receipts_quantity_positive check (quantity > 0)
);
create index po_receipts_po_line_idx on purchasing.po_receipts (tenant_id, po_line_id, received_at);
create index po_receipts_movement_idx on purchasing.po_receipts (tenant_id, movement_id);
comment on table purchasing.po_receipts is 'Goods received against a purchase order line; each posts a receipt movement to the stock ledger.';
comment on column purchasing.po_receipts.id is 'Unique identifier of the receipt.';
comment on column purchasing.po_receipts.tenant_id is 'The tenant that received.';
comment on column purchasing.po_receipts.po_line_id is 'The purchase order line received against.';
comment on column purchasing.po_receipts.quantity is 'Units received.';
comment on column purchasing.po_receipts.received_at is 'When the goods arrived.';
comment on column purchasing.po_receipts.movement_id is 'The stock movement the receipt posted (set by the database).';
comment on column purchasing.po_receipts.note is 'Delivery note number, condition of the goods.';
comment on constraint po_receipts_quantity_positive on purchasing.po_receipts is 'Quantity must be greater than zero.';

/*
 * Posting a receipt, before it is stored: the line is updated first (its
 * row lock queues concurrent receipts of one line, and its CHECK
 * po_lines_received_within_ordered refuses receiving more than ordered),
 * then the stock movement is written into the order's warehouse, then the
 * order's status follows its lines. Runs as nexus_auth: a receiver may not
 * write quantity_received, movements' links or the status by hand.
 */
create function purchasing.tg_po_receipts__post() returns trigger
  language plpgsql volatile security definer
  set search_path = pg_catalog
as $$
declare
  v_line record;
begin
  update purchasing.po_lines l
  set quantity_received = l.quantity_received + new.quantity
  where l.tenant_id = new.tenant_id and l.id = new.po_line_id
  returning l.purchase_order_id, l.variant_id into v_line;
  if not found then
    return new; -- the foreign key check refuses the receipt
  end if;
  insert into inventory.inventory_movements (tenant_id, variant_id, warehouse_id, kind, quantity, note, occurred_at, created_by)
  select new.tenant_id, v_line.variant_id, po.warehouse_id, 'receipt', new.quantity,
         'Purchase order ' || po.po_number, new.received_at, nexus.current_user_id()
  from purchasing.purchase_orders po
  where po.tenant_id = new.tenant_id and po.id = v_line.purchase_order_id
  returning id into new.movement_id;
  update purchasing.purchase_orders po
  set status = (
    select case when bool_and(l.quantity_received = l.quantity_ordered)
                then 'received'::purchasing.purchase_order_status else 'partially_received' end
    from purchasing.po_lines l
    where l.tenant_id = po.tenant_id and l.purchase_order_id = po.id)
  where po.tenant_id = new.tenant_id and po.id = v_line.purchase_order_id;
  return new;
end;
$$;
comment on function purchasing.tg_po_receipts__post() is 'Trigger: posts a receipt to its line, the stock ledger and the purchase order''s status.';
create trigger _500_post_receipt before insert on purchasing.po_receipts
  for each row execute function purchasing.tg_po_receipts__post();

/* Security definer functions belong to nexus_auth (BYPASSRLS); it may create in purchasing only for the handover. */
revoke all on function purchasing.tg_po_receipts__post() from public;
grant create on schema purchasing to nexus_auth;
alter function purchasing.tg_po_receipts__post() owner to nexus_auth;
revoke create on schema purchasing from nexus_auth;
