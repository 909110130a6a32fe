--! Previous: sha1:2b27ebdc15f8ec0e6f9f4ec3446761456470128f
--! Hash: sha1:872266e9f5d227e91037981cd3b4fbf8e51eeac0
--! Message: analytics: sales, store KPIs, customer and stock figures derived from orders and inventory

/*
 * analytics: figures derived from the orders and the stock, never kept by
 * hand. Each is a view over the tables it summarises, security_invoker so
 * row level security applies as the reader: a tenant sees only figures of
 * its own rows. Draft and cancelled orders are not sales. A view computes
 * on every read: the daily figures read the tenant's orders through
 * orders_placed_at_idx; where they grow too large to compute per request,
 * a materialised table refreshed by a job can replace a view without
 * changing its GraphQL shape.
 */
create schema analytics;
comment on schema analytics is 'Sales, customer and stock figures derived from orders and inventory (views).';

create view analytics.order_analytics with (security_invoker = true) as
select o.tenant_id,
       (o.placed_at at time zone 'UTC')::date as day,
       o.channel,
       o.currency,
       count(*)::integer as orders_count,
       sum(o.total) as revenue,
       sum(o.adjustments_total) as adjustments_total
from orders.orders o
where o.status not in ('draft', 'cancelled')
group by 1, 2, 3, 4;
comment on view analytics.order_analytics is E'@primaryKey tenant_id,day,channel,currency\nSales per day (UTC), channel and currency, from the orders (draft and cancelled orders left out).';
comment on column analytics.order_analytics.tenant_id is 'The tenant the figures are for.';
comment on column analytics.order_analytics.day is 'The day (UTC) the orders were placed.';
comment on column analytics.order_analytics.channel is 'Where the orders were placed.';
comment on column analytics.order_analytics.currency is 'Currency of the amounts.';
comment on column analytics.order_analytics.orders_count is 'Orders placed.';
comment on column analytics.order_analytics.revenue is 'Sum of the order totals.';
comment on column analytics.order_analytics.adjustments_total is 'Sum of the adjustments (discounts negative, charges positive).';

create view analytics.shopify_kpis with (security_invoker = true) as
select o.tenant_id,
       (o.placed_at at time zone 'UTC')::date as day,
       o.channel,
       o.currency,
       count(*)::integer as orders_count,
       sum(o.total) as gross_sales,
       round(avg(o.total), 2) as average_order_value,
       coalesce(sum(l.units), 0)::integer as units_sold,
       count(distinct o.customer_id)::integer as customers_count
from orders.orders o
left join lateral (
  select sum(ol.quantity) as units from orders.order_lines ol where ol.tenant_id = o.tenant_id and ol.order_id = o.id
) l on true
where o.status not in ('draft', 'cancelled')
group by 1, 2, 3, 4;
comment on view analytics.shopify_kpis is E'@primaryKey tenant_id,day,channel,currency\nThe daily store KPIs (orders, gross sales, average order value, units, customers) per channel, from the orders.';
comment on column analytics.shopify_kpis.tenant_id is 'The tenant (store) the figures are for.';
comment on column analytics.shopify_kpis.day is 'The day (UTC).';
comment on column analytics.shopify_kpis.channel is 'The sales channel.';
comment on column analytics.shopify_kpis.currency is 'Currency of the amounts.';
comment on column analytics.shopify_kpis.orders_count is 'Orders placed.';
comment on column analytics.shopify_kpis.gross_sales is 'Sum of the order totals.';
comment on column analytics.shopify_kpis.average_order_value is 'Average order total.';
comment on column analytics.shopify_kpis.units_sold is 'Units on the orders'' lines.';
comment on column analytics.shopify_kpis.customers_count is 'Distinct customers who ordered.';

create view analytics.customer_analytics with (security_invoker = true) as
select c.tenant_id,
       c.id as customer_id,
       count(o.id)::integer as orders_count,
       coalesce(sum(o.total), 0) as lifetime_value,
       min(o.placed_at) as first_order_at,
       max(o.placed_at) as last_order_at
from crm.customers c
left join orders.orders o
  on o.tenant_id = c.tenant_id and o.customer_id = c.id and o.status not in ('draft', 'cancelled')
group by c.tenant_id, c.id;
comment on view analytics.customer_analytics is E'@primaryKey tenant_id,customer_id\n@foreignKey (tenant_id, customer_id) references crm.customers (tenant_id, id)|@fieldName customer|@foreignFieldName analytics\nEach customer''s orders and lifetime value, from the orders.';
comment on column analytics.customer_analytics.tenant_id is 'The tenant of the customer.';
comment on column analytics.customer_analytics.customer_id is 'The customer.';
comment on column analytics.customer_analytics.orders_count is 'Orders the customer placed.';
comment on column analytics.customer_analytics.lifetime_value is 'Sum of the customer''s order totals (currencies not converted).';
comment on column analytics.customer_analytics.first_order_at is 'When the customer first ordered.';
comment on column analytics.customer_analytics.last_order_at is 'When the customer last ordered.';

create view analytics.inventory_analytics with (security_invoker = true) as
select v.tenant_id,
       v.id as variant_id,
       coalesce(sum(l.on_hand), 0)::integer as on_hand,
       coalesce(sum(l.reserved), 0)::integer as reserved,
       coalesce(sum(l.available), 0)::integer as available,
       count(l.id)::integer as warehouses_count,
       (coalesce(sum(l.on_hand), 0) * v.price)::numeric(14, 2) as stock_value
from inventory.inventory_variants v
left join inventory.inventory_levels l on l.tenant_id = v.tenant_id and l.variant_id = v.id
group by v.tenant_id, v.id, v.price;
comment on view analytics.inventory_analytics is E'@primaryKey tenant_id,variant_id\n@foreignKey (tenant_id, variant_id) references inventory.inventory_variants (tenant_id, id)|@fieldName variant|@foreignFieldName analytics\nEach variant''s stock over all warehouses, from the stock levels.';
comment on column analytics.inventory_analytics.tenant_id is 'The tenant of the variant.';
comment on column analytics.inventory_analytics.variant_id is 'The variant.';
comment on column analytics.inventory_analytics.on_hand is 'Units on hand in all warehouses.';
comment on column analytics.inventory_analytics.reserved is 'Units reserved in all warehouses.';
comment on column analytics.inventory_analytics.available is 'Units available in all warehouses.';
comment on column analytics.inventory_analytics.warehouses_count is 'Warehouses that hold or held the variant.';
comment on column analytics.inventory_analytics.stock_value is 'Units on hand at the variant''s selling price.';
