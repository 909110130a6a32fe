--! Previous: sha1:d7d83d383f416726538f0d2c92db9e705ac8398f
--! Hash: sha1:3fa7a57b19d74fd3f877547af2eb3d5cb6f1676b
--! Message: shipping: carriers, air waybills per fulfillment, tracking events the status follows

/*
 * shipping: air waybills. A waybill (AWB) is a carrier's number for one
 * fulfillment's parcels; its tracking events arrive from the carrier over
 * time, not always in order. The waybill's status is always that of its
 * latest event by the time it happened (trigger _500_follow_latest_event),
 * never written by clients.
 */
create schema shipping;
comment on schema shipping is 'Carriers, air waybills per fulfillment and carrier, and their tracking events.';

create type shipping.shipment_status as enum (
  'label_created', 'picked_up', 'in_transit', 'out_for_delivery', 'delivered', 'exception', 'returned'
);
comment on type shipping.shipment_status is 'Where a shipment is, as its carrier reports it.';

create table shipping.awb_carriers (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  code text not null,
  name text not null,
  tracking_url_template text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint awb_carriers_tenant_id_id_key unique (tenant_id, id),
  constraint awb_carriers_tenant_id_code_key unique (tenant_id, code),
  constraint awb_carriers_code_not_blank check (char_length(btrim(code)) > 0),
  constraint awb_carriers_name_not_blank check (char_length(btrim(name)) > 0),
  constraint awb_carriers_tracking_url_template_shape check (tracking_url_template is null or tracking_url_template ~ '^https://.*\{awb\}')
);
comment on table shipping.awb_carriers is 'A carrier the shop ships with (DHL, UPS, a local courier).';
comment on column shipping.awb_carriers.id is 'Unique identifier of the carrier.';
comment on column shipping.awb_carriers.tenant_id is 'The tenant that ships with the carrier.';
comment on column shipping.awb_carriers.code is 'Short code of the carrier, unique within the tenant.';
comment on column shipping.awb_carriers.name is 'Name of the carrier.';
comment on column shipping.awb_carriers.tracking_url_template is 'Tracking page address, with {awb} where the waybill number goes.';
comment on constraint awb_carriers_code_not_blank on shipping.awb_carriers is 'Code must not be blank.';
comment on constraint awb_carriers_name_not_blank on shipping.awb_carriers is 'Name must not be blank.';
comment on constraint awb_carriers_tracking_url_template_shape on shipping.awb_carriers is 'Tracking address must start with https:// and contain {awb}.';

create table shipping.awbs (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  fulfillment_id uuid not null,
  carrier_id uuid not null,
  awb_number text not null,
  status shipping.shipment_status not null default 'label_created',
  status_at timestamptz,
  weight_grams integer,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint awbs_tenant_id_id_key unique (tenant_id, id),
  constraint awbs_tenant_id_carrier_id_awb_number_key unique (tenant_id, carrier_id, awb_number),
  constraint awbs_fulfillment_fkey foreign key (tenant_id, fulfillment_id)
    references fulfillment.fulfillments (tenant_id, id) on delete restrict,
  constraint awbs_carrier_fkey foreign key (tenant_id, carrier_id)
    references shipping.awb_carriers (tenant_id, id) on delete restrict,
  constraint awbs_awb_number_not_blank check (char_length(btrim(awb_number)) > 0),
  constraint awbs_weight_nonnegative check (weight_grams is null or weight_grams >= 0)
);
create index awbs_fulfillment_idx on shipping.awbs (tenant_id, fulfillment_id);
-- shipments by status, longest in it first (stuck parcels)
create index awbs_status_idx on shipping.awbs (tenant_id, status, status_at);
-- a waybill is looked up by its number alone when a customer quotes it
create index awbs_awb_number_idx on shipping.awbs (tenant_id, awb_number);
comment on table shipping.awbs is 'An air waybill: the carrier''s tracking number for a fulfillment. Its status follows its latest tracking event.';
comment on column shipping.awbs.id is 'Unique identifier of the waybill.';
comment on column shipping.awbs.tenant_id is 'The tenant of the fulfillment.';
comment on column shipping.awbs.fulfillment_id is 'The fulfillment shipped under this waybill.';
comment on column shipping.awbs.carrier_id is 'The carrier.';
comment on column shipping.awbs.awb_number is 'The carrier''s waybill (tracking) number, unique per carrier within the tenant.';
comment on column shipping.awbs.status is 'Status of the latest tracking event (kept by the database).';
comment on column shipping.awbs.status_at is 'When the latest tracking event happened (kept by the database).';
comment on column shipping.awbs.weight_grams is 'Weight declared to the carrier, in grams.';
comment on constraint awbs_awb_number_not_blank on shipping.awbs is 'Waybill number must not be blank.';
comment on constraint awbs_weight_nonnegative on shipping.awbs is 'Weight must not be negative.';

create table shipping.awb_events (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  awb_id uuid not null,
  status shipping.shipment_status not null,
  occurred_at timestamptz not null,
  location text,
  description text,
  created_at timestamptz not null default now(),
  constraint awb_events_tenant_id_id_key unique (tenant_id, id),
  constraint awb_events_awb_fkey foreign key (tenant_id, awb_id)
    references shipping.awbs (tenant_id, id) on delete cascade
);
-- a waybill's tracking history, and its latest event
create index awb_events_awb_idx on shipping.awb_events (tenant_id, awb_id, occurred_at desc, id desc);
comment on table shipping.awb_events is 'A tracking event reported by the carrier for a waybill.';
comment on column shipping.awb_events.id is 'Unique identifier of the event.';
comment on column shipping.awb_events.tenant_id is 'The tenant of the waybill.';
comment on column shipping.awb_events.awb_id is 'The waybill tracked.';
comment on column shipping.awb_events.status is 'The status the carrier reported.';
comment on column shipping.awb_events.occurred_at is 'When it happened, as the carrier reports it (events may arrive out of order).';
comment on column shipping.awb_events.location is 'Where it happened (depot, city).';
comment on column shipping.awb_events.description is 'The carrier''s description of the event.';

/*
 * Latest by occurred_at, then id: an event that arrives late but happened
 * earlier does not move the status back. Recomputed (not taken from the new
 * row) so a deleted or corrected event is honoured too. Runs as nexus_auth:
 * request roles cannot write a waybill's status.
 */
create function shipping.tg_awb_events__follow_latest() returns trigger
  language plpgsql volatile security definer
  set search_path = pg_catalog
as $$
declare
  v_tenant_id uuid := coalesce(new.tenant_id, old.tenant_id);
  v_awb_id uuid := coalesce(new.awb_id, old.awb_id);
  v_latest record;
begin
  select e.status, e.occurred_at into v_latest
  from shipping.awb_events e
  where e.tenant_id = v_tenant_id and e.awb_id = v_awb_id
  order by e.occurred_at desc, e.id desc
  limit 1;
  update shipping.awbs a
  set status = coalesce(v_latest.status, 'label_created'), status_at = v_latest.occurred_at
  where a.tenant_id = v_tenant_id and a.id = v_awb_id;
  return null;
end;
$$;
comment on function shipping.tg_awb_events__follow_latest() is 'Trigger: sets a waybill''s status to that of its latest tracking event.';
create trigger _500_follow_latest_event after insert or update or delete on shipping.awb_events
  for each row execute function shipping.tg_awb_events__follow_latest();

/* Security definer functions belong to nexus_auth (BYPASSRLS); it may create in shipping only for the handover. */
revoke all on function shipping.tg_awb_events__follow_latest() from public;
grant create on schema shipping to nexus_auth;
alter function shipping.tg_awb_events__follow_latest() owner to nexus_auth;
revoke create on schema shipping from nexus_auth;
