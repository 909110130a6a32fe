--! Previous: sha1:8ac90afda14d9174a9ee672f1e25e8fc3faf2082
--! Hash: sha1:9f5fa664b60e0f2f80ae4bdf98d0c28914c8be73
--! Message: competition: competitors, their products, price observations over time, alerts

/*
 * competition: the competitors the tenant watches, their products, the
 * prices observed over time, and alerts on them. An observation is a fact
 * of its time and is never rewritten; an alert is armed on a product and
 * fires by the database when an observation meets it (trigger), so no
 * observation can slip past an armed alert. Our own product a competitor's
 * matches belongs to the inventory module: a plain reference
 * (our_product_id), a documented hook.
 */
create schema competition;
comment on schema competition is 'Competition: tracked competitors, their products, price observations over time, and price alerts.';

create type competition.observation_source as enum ('manual', 'scraper', 'feed', 'marketplace_api');
comment on type competition.observation_source is 'Where a price observation came from.';
create type competition.price_alert_type as enum ('price_below', 'price_drop_percent', 'out_of_stock', 'back_in_stock');
comment on type competition.price_alert_type is 'What an alert watches for.';
create type competition.price_alert_status as enum ('armed', 'triggered', 'dismissed');
comment on type competition.price_alert_status is 'Armed (watching), triggered (met by an observation), dismissed.';

create table competition.competition_competitors (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  name text not null,
  website text,
  notes text,
  is_active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint competition_competitors_tenant_id_id_key unique (tenant_id, id),
  constraint competition_competitors_tenant_id_name_key unique (tenant_id, name),
  constraint competition_competitors_name_not_blank check (char_length(btrim(name)) > 0),
  constraint competition_competitors_website_format check (website is null or website ~ '^https?://\S+$')
);
alter table competition.competition_competitors enable row level security;
alter table competition.competition_competitors force row level security;
comment on table competition.competition_competitors is 'A competitor the tenant tracks.';
comment on column competition.competition_competitors.id is 'Unique identifier of the competitor.';
comment on column competition.competition_competitors.tenant_id is 'The tenant tracking it.';
comment on column competition.competition_competitors.name is 'Name of the competitor, unique within the tenant.';
comment on column competition.competition_competitors.website is 'The competitor''s website (http or https).';
comment on column competition.competition_competitors.notes is 'What the tenant knows about it.';
comment on column competition.competition_competitors.is_active is 'False when it is no longer tracked.';
comment on constraint competition_competitors_name_not_blank on competition.competition_competitors is 'Name cannot be blank.';
comment on constraint competition_competitors_website_format on competition.competition_competitors is 'Website must be an http(s) URL.';

create table competition.competition_products (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  competitor_id uuid not null,
  name text not null,
  url text not null,
  competitor_sku text,
  our_product_id uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint competition_products_tenant_id_id_key unique (tenant_id, id),
  constraint competition_products_tenant_id_url_key unique (tenant_id, url),
  constraint competition_products_competitor_fkey foreign key (tenant_id, competitor_id)
    references competition.competition_competitors (tenant_id, id) on delete cascade,
  constraint competition_products_name_not_blank check (char_length(btrim(name)) > 0),
  constraint competition_products_url_format check (url ~ '^https?://\S+$')
);
create index competition_products_competitor_idx on competition.competition_products (tenant_id, competitor_id);
create index competition_products_our_product_idx on competition.competition_products (tenant_id, our_product_id);
alter table competition.competition_products enable row level security;
alter table competition.competition_products force row level security;
comment on table competition.competition_products is 'A competitor''s product the tenant watches, by its page.';
comment on column competition.competition_products.id is 'Unique identifier of the product.';
comment on column competition.competition_products.tenant_id is 'The tenant watching it.';
comment on column competition.competition_products.competitor_id is 'The competitor selling it.';
comment on column competition.competition_products.name is 'The product''s name at the competitor.';
comment on column competition.competition_products.url is 'The product''s page (http or https), unique within the tenant.';
comment on column competition.competition_products.competitor_sku is 'The competitor''s SKU, if known.';
comment on column competition.competition_products.our_product_id is 'The tenant''s own product it competes with (an inventory product id).';
comment on constraint competition_products_name_not_blank on competition.competition_products is 'Name cannot be blank.';
comment on constraint competition_products_url_format on competition.competition_products is 'URL must be an http(s) URL.';
comment on constraint competition_products_competitor_fkey on competition.competition_products is E'@fieldName competitor\n@foreignFieldName products\nThe competitor selling it.';

create table competition.competition_price_observations (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  product_id uuid not null,
  observed_at timestamptz not null default now(),
  price numeric(14,2) not null,
  currency char(3) not null,
  in_stock boolean not null default true,
  source competition.observation_source not null default 'manual',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint competition_price_observations_tenant_id_id_key unique (tenant_id, id),
  constraint competition_price_observations_product_time_key unique (tenant_id, product_id, observed_at),
  constraint competition_price_observations_product_fkey foreign key (tenant_id, product_id)
    references competition.competition_products (tenant_id, id) on delete cascade,
  constraint competition_price_observations_price_not_negative check (price >= 0),
  constraint competition_price_observations_currency_format check (currency ~ '^[A-Z]{3}$')
);
alter table competition.competition_price_observations enable row level security;
alter table competition.competition_price_observations force row level security;
comment on table competition.competition_price_observations is 'A price of a competitor''s product as observed at a time: the price history. Never rewritten.';
comment on column competition.competition_price_observations.id is 'Unique identifier of the observation.';
comment on column competition.competition_price_observations.tenant_id is 'The tenant that observed it.';
comment on column competition.competition_price_observations.product_id is 'The product observed; one observation per product and time.';
comment on column competition.competition_price_observations.observed_at is 'When the price was seen.';
comment on column competition.competition_price_observations.price is 'The price (not negative).';
comment on column competition.competition_price_observations.currency is 'Currency of the price (ISO 4217).';
comment on column competition.competition_price_observations.in_stock is 'Whether the product was in stock.';
comment on column competition.competition_price_observations.source is 'Where the observation came from.';
comment on constraint competition_price_observations_price_not_negative on competition.competition_price_observations is 'Price cannot be negative.';
comment on constraint competition_price_observations_currency_format on competition.competition_price_observations is 'Currency must be a three-letter ISO 4217 code.';
comment on constraint competition_price_observations_product_fkey on competition.competition_price_observations is E'@fieldName product\n@foreignFieldName priceObservations\nThe product observed.';

create table competition.competition_alerts (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  product_id uuid not null,
  alert_type competition.price_alert_type not null,
  threshold numeric(14,2),
  status competition.price_alert_status not null default 'armed',
  triggered_at timestamptz,
  observation_id uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint competition_alerts_tenant_id_id_key unique (tenant_id, id),
  constraint competition_alerts_product_fkey foreign key (tenant_id, product_id)
    references competition.competition_products (tenant_id, id) on delete cascade,
  constraint competition_alerts_observation_fkey foreign key (tenant_id, observation_id)
    references competition.competition_price_observations (tenant_id, id) on delete set null (observation_id),
  constraint competition_alerts_threshold_for_prices check (
    (alert_type in ('price_below', 'price_drop_percent')) = (threshold is not null)
    and (alert_type <> 'price_drop_percent' or threshold between 0 and 100)
    and (threshold is null or threshold >= 0)
  ),
  constraint competition_alerts_triggered_when_triggered check ((status = 'triggered') = (triggered_at is not null))
);
create index competition_alerts_product_status_idx on competition.competition_alerts (tenant_id, product_id, status);
create index competition_alerts_status_idx on competition.competition_alerts (tenant_id, status, triggered_at desc);
create index competition_alerts_observation_idx on competition.competition_alerts (tenant_id, observation_id);
alter table competition.competition_alerts enable row level security;
alter table competition.competition_alerts force row level security;
comment on table competition.competition_alerts is 'An alert on a competitor''s product: armed until an observation meets it, when the database triggers it.';
comment on column competition.competition_alerts.id is 'Unique identifier of the alert.';
comment on column competition.competition_alerts.tenant_id is 'The tenant of the product.';
comment on column competition.competition_alerts.product_id is 'The product watched.';
comment on column competition.competition_alerts.alert_type is 'What the alert watches for.';
comment on column competition.competition_alerts.threshold is 'The price (price_below) or percent drop from the previous observation (price_drop_percent); none for stock alerts.';
comment on column competition.competition_alerts.status is 'Armed, triggered or dismissed; set it back to armed to watch again.';
comment on column competition.competition_alerts.triggered_at is 'When an observation met it (kept by the database).';
comment on column competition.competition_alerts.observation_id is 'The observation that met it (kept by the database).';
comment on constraint competition_alerts_threshold_for_prices on competition.competition_alerts is 'Price alerts need a threshold (a percent drop between 0 and 100), stock alerts none.';
comment on constraint competition_alerts_triggered_when_triggered on competition.competition_alerts is 'Triggered at is set exactly when the alert is triggered.';
comment on constraint competition_alerts_product_fkey on competition.competition_alerts is E'@fieldName product\n@foreignFieldName alerts\nThe product watched.';

/*
 * Only an observation triggers an alert: the observation's trigger names
 * itself in a transaction-local setting before it updates the alert, and
 * this trigger takes the time and the observation from there. A client can
 * arm or dismiss an alert; setting it to triggered by hand is refused.
 * Re-arming or dismissing clears what the last trigger recorded.
 */
create function competition.tg_competition_alerts__track_status() returns trigger
  language plpgsql volatile
  set search_path = pg_catalog
as $$
declare
  v_observation uuid := nullif(pg_catalog.current_setting('competition.firing_observation', true), '')::uuid;
begin
  if new.status = 'triggered' then
    if tg_op = 'INSERT' or old.status is distinct from 'triggered' then
      if v_observation is null then
        raise exception 'an alert is triggered by an observation, not by hand'
          using errcode = '23514', constraint = 'competition_alerts_triggered_by_observation';
      end if;
      new.triggered_at := now();
      new.observation_id := v_observation;
    end if;
  else
    new.triggered_at := null;
    new.observation_id := null;
  end if;
  return new;
end;
$$;
comment on function competition.tg_competition_alerts__track_status() is 'Trigger: an alert is triggered only by an observation, which it records; arming or dismissing clears it.';
create trigger _200_track_status before insert or update on competition.competition_alerts
  for each row execute function competition.tg_competition_alerts__track_status();

/*
 * An observation fires every armed alert of its product that it meets.
 * The previous observation (for drops and stock changes) is the latest
 * one before it in time.
 */
create function competition.tg_competition_price_observations__fire_alerts() returns trigger
  language plpgsql volatile
  set search_path = pg_catalog
as $$
declare
  v_previous competition.competition_price_observations;
begin
  select * into v_previous from competition.competition_price_observations o
  where o.tenant_id = new.tenant_id and o.product_id = new.product_id and o.observed_at < new.observed_at
  order by o.observed_at desc limit 1;
  perform pg_catalog.set_config('competition.firing_observation', new.id::text, true);
  update competition.competition_alerts a
  set status = 'triggered'
  where a.tenant_id = new.tenant_id and a.product_id = new.product_id and a.status = 'armed'
    and case a.alert_type
      when 'price_below' then new.price < a.threshold
      when 'price_drop_percent' then v_previous.price > 0 and (v_previous.price - new.price) * 100 / v_previous.price >= a.threshold
      when 'out_of_stock' then not new.in_stock
      when 'back_in_stock' then new.in_stock and v_previous.in_stock is false
    end;
  perform pg_catalog.set_config('competition.firing_observation', '', true);
  return null;
end;
$$;
comment on function competition.tg_competition_price_observations__fire_alerts() is 'Trigger: a new observation triggers the armed alerts of its product that it meets.';
create trigger _500_fire_alerts after insert on competition.competition_price_observations
  for each row execute function competition.tg_competition_price_observations__fire_alerts();
