--! Previous: sha1:568f340731fbba96556a4834f7ffddf3e71591bf
--! Hash: sha1:dbca66dacc4abeb80bdfbc14db26743ff7c8fdb1
--! Message: orders: lines, adjustments and status history; totals kept by the database

/*
 * orders: what customers bought. An order's subtotal and adjustments total
 * are kept equal to the sums of its lines and adjustments by the database
 * (trigger _500_recompute_order on both), and its total is their sum by
 * construction (a generated column); clients never write them. Every status
 * an order enters is recorded in order_status_history by trigger. Deleting
 * an order needs DELETE_ORDERS, which only tenant admins hold by default.
 */
create schema orders;
comment on schema orders is 'Orders with their lines, adjustments (discounts, shipping, tax) and status history.';

create type orders.order_status as enum ('draft', 'pending', 'confirmed', 'fulfilled', 'shipped', 'delivered', 'cancelled', 'refunded');
comment on type orders.order_status is 'Where an order stands, from draft to delivered (or cancelled, refunded).';
create type orders.sales_channel as enum ('online_store', 'pos', 'whatsapp', 'marketplace', 'phone', 'manual');
comment on type orders.sales_channel is 'Where the order was placed.';
create type orders.adjustment_kind as enum ('discount', 'shipping', 'tax', 'fee');
comment on type orders.adjustment_kind is 'What an adjustment changes the order total for: a discount lowers it, shipping, tax and fees raise it.';

create table orders.orders (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  order_number text not null,
  customer_id uuid not null,
  shipping_address_id uuid,
  channel orders.sales_channel not null default 'online_store',
  status orders.order_status not null default 'pending',
  currency char(3) not null default 'EUR',
  subtotal numeric(14, 2) not null default 0,
  adjustments_total numeric(14, 2) not null default 0,
  total numeric(14, 2) generated always as (subtotal + adjustments_total) stored,
  placed_at timestamptz not null default now(),
  note text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint orders_tenant_id_id_key unique (tenant_id, id),
  constraint orders_tenant_id_order_number_key unique (tenant_id, order_number),
  constraint orders_customer_fkey foreign key (tenant_id, customer_id)
    references crm.customers (tenant_id, id) on delete restrict,
  constraint orders_shipping_address_fkey foreign key (tenant_id, shipping_address_id)
    references crm.customer_addresses (tenant_id, id) on delete set null (shipping_address_id),
  constraint orders_order_number_not_blank check (char_length(btrim(order_number)) > 0),
  constraint orders_currency_shape check (currency ~ '^[A-Z]{3}$'),
  constraint orders_total_nonnegative check (subtotal + adjustments_total >= 0)
);
-- the order list, newest first; a customer's orders; the open orders of a status
create index orders_placed_at_idx on orders.orders (tenant_id, placed_at desc);
create index orders_customer_idx on orders.orders (tenant_id, customer_id, placed_at desc);
create index orders_status_idx on orders.orders (tenant_id, status, placed_at desc);
create index orders_shipping_address_idx on orders.orders (tenant_id, shipping_address_id);
comment on table orders.orders is 'An order placed by a customer. Its subtotal, adjustments total and total are kept by the database from its lines and adjustments.';
comment on column orders.orders.id is 'Unique identifier of the order.';
comment on column orders.orders.tenant_id is 'The tenant (shop) the order was placed with.';
comment on column orders.orders.order_number is 'The order number customers see, unique within the tenant.';
comment on column orders.orders.customer_id is 'The customer who placed the order.';
comment on column orders.orders.shipping_address_id is 'Where the order ships to (one of the customer''s addresses).';
comment on column orders.orders.channel is 'Where the order was placed.';
comment on column orders.orders.status is 'Where the order stands; every change is recorded in order_status_history.';
comment on column orders.orders.currency is 'ISO 4217 currency of every amount of the order.';
comment on column orders.orders.subtotal is 'Sum of the line totals (kept by the database).';
comment on column orders.orders.adjustments_total is 'Sum of the adjustments: discounts negative, shipping, tax and fees positive (kept by the database).';
comment on column orders.orders.total is 'What the customer pays: subtotal plus adjustments.';
comment on column orders.orders.placed_at is 'When the order was placed.';
comment on column orders.orders.note is 'Note from or about the customer.';
comment on constraint orders_order_number_not_blank on orders.orders is 'Order number must not be blank.';
comment on constraint orders_currency_shape on orders.orders is 'Currency must be a three-letter ISO 4217 code (e.g. EUR).';
comment on constraint orders_total_nonnegative on orders.orders is 'An order''s total cannot be negative: discounts cannot exceed the lines and charges.';

create table orders.order_lines (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  order_id uuid not null,
  variant_id uuid not null,
  description text not null,
  quantity integer not null,
  unit_price numeric(12, 2) not null,
  line_total numeric(14, 2) generated always as (quantity * unit_price) stored,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint order_lines_tenant_id_id_key unique (tenant_id, id),
  -- target of pick and fulfillment lines: a line together with its order
  constraint order_lines_tenant_id_order_id_id_key unique (tenant_id, order_id, id),
  constraint order_lines_order_fkey foreign key (tenant_id, order_id)
    references orders.orders (tenant_id, id) on delete cascade,
  constraint order_lines_variant_fkey foreign key (tenant_id, variant_id)
    references inventory.inventory_variants (tenant_id, id) on delete restrict,
  constraint order_lines_description_not_blank check (char_length(btrim(description)) > 0),
  constraint order_lines_quantity_positive check (quantity > 0),
  constraint order_lines_unit_price_nonnegative check (unit_price >= 0)
);
create index order_lines_variant_idx on orders.order_lines (tenant_id, variant_id);
comment on table orders.order_lines is 'A variant ordered, with its quantity and price at the time of the order.';
comment on column orders.order_lines.id is 'Unique identifier of the line.';
comment on column orders.order_lines.tenant_id is 'The tenant of the order.';
comment on column orders.order_lines.order_id is 'The order the line belongs to.';
comment on column orders.order_lines.variant_id is 'The variant ordered.';
comment on column orders.order_lines.description is 'What the customer sees on the line (product and variant name when ordered).';
comment on column orders.order_lines.quantity is 'Units ordered.';
comment on column orders.order_lines.unit_price is 'Price per unit when ordered.';
comment on column orders.order_lines.line_total is 'Quantity times unit price.';
comment on constraint order_lines_description_not_blank on orders.order_lines is 'Description must not be blank.';
comment on constraint order_lines_quantity_positive on orders.order_lines is 'Quantity must be greater than zero.';
comment on constraint order_lines_unit_price_nonnegative on orders.order_lines is 'Unit price must not be negative.';
comment on constraint order_lines_tenant_id_order_id_id_key on orders.order_lines is
  E'@behavior -single -update -delete\nA line together with its order: what pick and fulfillment lines refer to.';

create table orders.order_adjustments (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  order_id uuid not null,
  kind orders.adjustment_kind not null,
  description text not null,
  amount numeric(14, 2) not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint order_adjustments_tenant_id_id_key unique (tenant_id, id),
  constraint order_adjustments_order_fkey foreign key (tenant_id, order_id)
    references orders.orders (tenant_id, id) on delete cascade,
  constraint order_adjustments_description_not_blank check (char_length(btrim(description)) > 0),
  constraint order_adjustments_sign_matches_kind check (case when kind = 'discount' then amount < 0 else amount >= 0 end)
);
create index order_adjustments_order_idx on orders.order_adjustments (tenant_id, order_id);
comment on table orders.order_adjustments is 'A discount, shipping charge, tax or fee on an order.';
comment on column orders.order_adjustments.id is 'Unique identifier of the adjustment.';
comment on column orders.order_adjustments.tenant_id is 'The tenant of the order.';
comment on column orders.order_adjustments.order_id is 'The order adjusted.';
comment on column orders.order_adjustments.kind is 'What the adjustment is for.';
comment on column orders.order_adjustments.description is 'What the customer sees (e.g. "Summer sale 10%").';
comment on column orders.order_adjustments.amount is 'Amount added to the total: negative for discounts, zero or positive otherwise.';
comment on constraint order_adjustments_description_not_blank on orders.order_adjustments is 'Description must not be blank.';
comment on constraint order_adjustments_sign_matches_kind on orders.order_adjustments is 'A discount must be negative; shipping, tax and fees must not be.';

create table orders.order_status_history (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  order_id uuid not null,
  from_status orders.order_status,
  to_status orders.order_status not null,
  changed_by uuid,
  changed_at timestamptz not null default now(),
  constraint order_status_history_tenant_id_id_key unique (tenant_id, id),
  constraint order_status_history_order_fkey foreign key (tenant_id, order_id)
    references orders.orders (tenant_id, id) on delete cascade,
  constraint order_status_history_changed_by_fkey foreign key (tenant_id, changed_by)
    references platform.users (tenant_id, id) on delete set null (changed_by)
);
create index order_status_history_order_idx on orders.order_status_history (tenant_id, order_id, changed_at);
create index order_status_history_changed_by_idx on orders.order_status_history (tenant_id, changed_by);
comment on table orders.order_status_history is 'Every status an order entered, written by the database; read-only.';
comment on column orders.order_status_history.id is 'Unique identifier of the entry.';
comment on column orders.order_status_history.tenant_id is 'The tenant of the order.';
comment on column orders.order_status_history.order_id is 'The order whose status changed.';
comment on column orders.order_status_history.from_status is 'The status it left (none when the order was created).';
comment on column orders.order_status_history.to_status is 'The status it entered.';
comment on column orders.order_status_history.changed_by is 'The signed-in user who changed it.';
comment on column orders.order_status_history.changed_at is 'When it changed.';

/*
 * Totals are recomputed from the sums, not incremented: a line moved to
 * another order, or a change of quantity and price together, cannot leave
 * them off. The update of the order row locks it, so concurrent changes to
 * one order's lines queue up. Runs as nexus_auth: the totals are not
 * writable by request roles.
 */
create function orders.tg__recompute_order() returns trigger
  language plpgsql volatile security definer
  set search_path = pg_catalog
as $$
declare
  v_order record;
begin
  for v_order in
    select distinct o.tenant_id, o.order_id
    from (
      select old.tenant_id, old.order_id where tg_op <> 'INSERT'
      union all
      select new.tenant_id, new.order_id where tg_op <> 'DELETE'
    ) o
    order by o.order_id
  loop
    update orders.orders o
    set subtotal = coalesce((select sum(l.line_total) from orders.order_lines l
                             where l.tenant_id = v_order.tenant_id and l.order_id = v_order.order_id), 0),
        adjustments_total = coalesce((select sum(a.amount) from orders.order_adjustments a
                                      where a.tenant_id = v_order.tenant_id and a.order_id = v_order.order_id), 0)
    where o.tenant_id = v_order.tenant_id and o.id = v_order.order_id;
  end loop;
  return null;
end;
$$;
comment on function orders.tg__recompute_order() is 'Trigger: keeps an order''s subtotal and adjustments total equal to the sums of its lines and adjustments.';
create trigger _500_recompute_order after insert or update or delete on orders.order_lines
  for each row execute function orders.tg__recompute_order();
create trigger _500_recompute_order after insert or update or delete on orders.order_adjustments
  for each row execute function orders.tg__recompute_order();

create function orders.tg_orders__track_status() returns trigger
  language plpgsql volatile security definer
  set search_path = pg_catalog
as $$
begin
  if tg_op = 'UPDATE' and new.status is not distinct from old.status then
    return null;
  end if;
  insert into orders.order_status_history (tenant_id, order_id, from_status, to_status, changed_by)
  values (new.tenant_id, new.id, case when tg_op = 'UPDATE' then old.status end, new.status, nexus.current_user_id());
  return null;
end;
$$;
comment on function orders.tg_orders__track_status() is 'Trigger: records every status an order enters in order_status_history.';
create trigger _900_track_status after insert or update of status on orders.orders
  for each row execute function orders.tg_orders__track_status();

/* Reservations hold stock for order lines: the line a reservation is for, and a line's reservations. */
alter table inventory.inventory_reservations add column order_line_id uuid;
alter table inventory.inventory_reservations
  add constraint inventory_reservations_order_line_fkey foreign key (tenant_id, order_line_id)
    references orders.order_lines (tenant_id, id) on delete cascade;
create index inventory_reservations_order_line_idx on inventory.inventory_reservations (tenant_id, order_line_id);
comment on column inventory.inventory_reservations.order_line_id is 'The order line the stock is held for (none for a manual hold).';

/* Security definer functions belong to nexus_auth (BYPASSRLS); it may create in orders only for the handover. */
revoke all on function orders.tg__recompute_order() from public;
revoke all on function orders.tg_orders__track_status() from public;
grant create on schema orders to nexus_auth;
alter function orders.tg__recompute_order() owner to nexus_auth;
alter function orders.tg_orders__track_status() owner to nexus_auth;
revoke create on schema orders from nexus_auth;
