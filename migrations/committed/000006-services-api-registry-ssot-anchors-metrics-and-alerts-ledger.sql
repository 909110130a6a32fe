--! Previous: sha1:f802acec535702189730d48491cf687314944df0
--! Hash: sha1:1d6397dc3e64dfae1bc4e982a84a243a7e7f7378
--! Message: services: API registry, SSOT anchors, metrics and alerts, ledger, AI models, audit log

/* ========================================================================
 * ops: the platform's own operations data (seed 004). The API registry and
 * its aliases let every client name an endpoint the same way (single source
 * of truth); anchors point at the configuration that is authoritative;
 * metrics and alerts are what monitoring writes and people acknowledge.
 */
create schema ops;
comment on schema ops is 'Operations: API registry and aliases, configuration anchors, system metrics and alerts.';

create type ops.http_method as enum ('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS');
comment on type ops.http_method is 'HTTP method of an API endpoint.';

create type ops.api_alias_type as enum ('synonym', 'legacy', 'versioned', 'shortcut');
comment on type ops.api_alias_type is 'Why an alias exists: another name (synonym), an old name kept for old clients (legacy), a version-specific name (versioned), or a short form (shortcut).';

create type ops.ssot_anchor_format as enum ('env', 'json', 'yaml', 'toml', 'ini', 'xml', 'hcl', 'dockerfile');
comment on type ops.ssot_anchor_format is 'File format of the configuration an anchor points at.';

create type ops.alert_severity as enum ('info', 'warning', 'error', 'critical');
comment on type ops.alert_severity is 'How urgent an alert is.';

create type ops.alert_status as enum ('active', 'acknowledged', 'resolved');
comment on type ops.alert_status is 'Where an alert is in its life: raised, seen by someone, or over.';

/*
 * The registry of the tenant's API endpoints. The name is the canonical name
 * aliases resolve to, so it is unique within the tenant; the unique index
 * the seed names (idx_api_endpoints_name) backs that constraint, so there
 * is one index, not two.
 */
create table ops.api_endpoints (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  name varchar(255) not null,
  path varchar(500) not null,
  method ops.http_method not null,
  description text,
  version varchar(20) not null default 'v1',
  is_active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint api_endpoints_tenant_id_id_key unique (tenant_id, id),
  constraint api_endpoints_name_not_blank check (char_length(btrim(name)) > 0),
  constraint api_endpoints_path_format check (path ~ '^/\S*$')
);
create unique index idx_api_endpoints_name on ops.api_endpoints (tenant_id, name);
alter table ops.api_endpoints add constraint api_endpoints_tenant_id_name_key unique using index idx_api_endpoints_name;
alter table ops.api_endpoints enable row level security;
alter table ops.api_endpoints force row level security;
create trigger _100_set_updated_at before update on ops.api_endpoints
  for each row execute function nexus.tg__set_updated_at();
comment on table ops.api_endpoints is 'An API endpoint of the tenant: the canonical name every alias resolves to.';
comment on column ops.api_endpoints.id is 'Unique identifier of the endpoint.';
comment on column ops.api_endpoints.tenant_id is 'The tenant the endpoint belongs to.';
comment on column ops.api_endpoints.name is 'Canonical endpoint name, unique within the tenant.';
comment on column ops.api_endpoints.path is 'URL path, starting with /.';
comment on column ops.api_endpoints.method is 'HTTP method.';
comment on column ops.api_endpoints.description is 'What the endpoint does.';
comment on column ops.api_endpoints.version is 'API version, e.g. v1.';
comment on column ops.api_endpoints.is_active is 'Inactive endpoints are kept but no alias resolves to them.';
comment on column ops.api_endpoints.created_at is 'When the endpoint was registered.';
comment on column ops.api_endpoints.updated_at is 'When the endpoint was last changed.';

/*
 * Another name for an endpoint, valid in one context (a client, a team, an
 * API version). The canonical name is a real foreign key to the endpoint's
 * name: renaming an endpoint carries its aliases along, deleting it removes
 * them. Within a context an alias names one endpoint only, so resolution is
 * unambiguous: idx_api_aliases_context is that unique index.
 */
create table ops.api_aliases (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  alias_name varchar(255) not null,
  canonical_name varchar(255) not null,
  context varchar(100) not null,
  alias_type ops.api_alias_type not null,
  description text,
  created_by uuid default nexus.current_user_id(),
  expires_at timestamptz,
  is_active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint api_aliases_tenant_id_id_key unique (tenant_id, id),
  constraint api_aliases_endpoint_fkey foreign key (tenant_id, canonical_name)
    references ops.api_endpoints (tenant_id, name) on update cascade on delete cascade,
  constraint api_aliases_created_by_fkey foreign key (tenant_id, created_by)
    references platform.users (tenant_id, id) on delete set null (created_by),
  constraint api_aliases_distinct_names check (alias_name <> canonical_name),
  constraint api_aliases_alias_name_not_blank check (char_length(btrim(alias_name)) > 0),
  constraint api_aliases_context_not_blank check (char_length(btrim(context)) > 0)
);
create index idx_api_aliases_alias on ops.api_aliases (tenant_id, alias_name);
create unique index idx_api_aliases_context on ops.api_aliases (tenant_id, context, alias_name);
alter table ops.api_aliases add constraint api_aliases_context_alias_name_key unique using index idx_api_aliases_context;
create index api_aliases_canonical_name_idx on ops.api_aliases (tenant_id, canonical_name);
create index api_aliases_created_by_idx on ops.api_aliases (tenant_id, created_by);
alter table ops.api_aliases enable row level security;
alter table ops.api_aliases force row level security;
create trigger _100_set_updated_at before update on ops.api_aliases
  for each row execute function nexus.tg__set_updated_at();
comment on table ops.api_aliases is 'Another name for an API endpoint within a context; resolveApiAlias turns it into the endpoint.';
comment on constraint api_aliases_endpoint_fkey on ops.api_aliases is
  E'@fieldName endpoint\n@foreignFieldName aliases\nThe endpoint this alias names.';
comment on constraint api_aliases_created_by_fkey on ops.api_aliases is
  E'@fieldName creator\n@foreignFieldName createdApiAliases\nThe user who created the alias.';
comment on column ops.api_aliases.id is 'Unique identifier of the alias.';
comment on column ops.api_aliases.tenant_id is 'The tenant the alias belongs to.';
comment on column ops.api_aliases.alias_name is 'The alias, unique within its context.';
comment on column ops.api_aliases.canonical_name is 'Name of the endpoint the alias stands for.';
comment on column ops.api_aliases.context is 'Where the alias applies (a client, a team, an API version).';
comment on column ops.api_aliases.alias_type is 'Why the alias exists.';
comment on column ops.api_aliases.description is 'Notes on the alias.';
comment on column ops.api_aliases.created_by is 'Who created the alias (from the signed-in user, never from input).';
comment on column ops.api_aliases.expires_at is 'After this time the alias no longer resolves.';
comment on column ops.api_aliases.is_active is 'Inactive aliases do not resolve.';
comment on column ops.api_aliases.created_at is 'When the alias was created.';
comment on column ops.api_aliases.updated_at is 'When the alias was last changed.';

/* An anchor names the one authoritative source of a piece of configuration. */
create table ops.ssot_anchors (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  anchor_id varchar(255) not null,
  family varchar(100) not null,
  description text,
  format ops.ssot_anchor_format not null,
  source_hint varchar(500),
  owner varchar(255),
  version varchar(50) not null,
  centrality_score numeric(3,2) not null default 0.0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint ssot_anchors_tenant_id_id_key unique (tenant_id, id),
  constraint ssot_anchors_tenant_id_anchor_id_key unique (tenant_id, anchor_id),
  constraint ssot_anchors_anchor_id_not_blank check (char_length(btrim(anchor_id)) > 0),
  constraint ssot_anchors_centrality_score_range check (centrality_score between 0 and 1)
);
create index idx_ssot_anchors_family on ops.ssot_anchors (tenant_id, family);
alter table ops.ssot_anchors enable row level security;
alter table ops.ssot_anchors force row level security;
create trigger _100_set_updated_at before update on ops.ssot_anchors
  for each row execute function nexus.tg__set_updated_at();
comment on table ops.ssot_anchors is 'A single-source-of-truth anchor: where a family of configuration is authoritatively defined.';
comment on column ops.ssot_anchors.id is 'Unique identifier of the anchor.';
comment on column ops.ssot_anchors.tenant_id is 'The tenant the anchor belongs to.';
comment on column ops.ssot_anchors.anchor_id is 'Stable anchor key, unique within the tenant (e.g. config.env).';
comment on column ops.ssot_anchors.family is 'Configuration family (environment, docker, kubernetes, monitoring, api).';
comment on column ops.ssot_anchors.description is 'What the anchored configuration covers.';
comment on column ops.ssot_anchors.format is 'Format of the configuration.';
comment on column ops.ssot_anchors.source_hint is 'Where the source lives (a file path or URL).';
comment on column ops.ssot_anchors.owner is 'Who owns the configuration (team or person).';
comment on column ops.ssot_anchors.version is 'Version of the configuration.';
comment on column ops.ssot_anchors.centrality_score is 'How central the anchor is, from 0.00 to 1.00.';
comment on column ops.ssot_anchors.created_at is 'When the anchor was created.';
comment on column ops.ssot_anchors.updated_at is 'When the anchor was last changed.';

/* One measurement of one metric; tags are a flat JSON object (host, region). */
create table ops.system_metrics (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  metric_name varchar(255) not null,
  metric_value numeric(15,4) not null,
  metric_unit varchar(50),
  tags jsonb not null default '{}',
  "timestamp" timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint system_metrics_tenant_id_id_key unique (tenant_id, id),
  constraint system_metrics_metric_name_not_blank check (char_length(btrim(metric_name)) > 0),
  constraint system_metrics_tags_object check (jsonb_typeof(tags) = 'object')
);
create index idx_system_metrics_name on ops.system_metrics (tenant_id, metric_name);
create index idx_system_metrics_timestamp on ops.system_metrics (tenant_id, "timestamp");
alter table ops.system_metrics enable row level security;
alter table ops.system_metrics force row level security;
create trigger _100_set_updated_at before update on ops.system_metrics
  for each row execute function nexus.tg__set_updated_at();
comment on table ops.system_metrics is 'One measurement of a system metric.';
comment on column ops.system_metrics.id is 'Unique identifier of the measurement.';
comment on column ops.system_metrics.tenant_id is 'The tenant the measurement belongs to.';
comment on column ops.system_metrics.metric_name is 'Metric name, e.g. http.requests.p95.';
comment on column ops.system_metrics.metric_value is 'Measured value (exact decimal, 4 places).';
comment on column ops.system_metrics.metric_unit is 'Unit of the value, e.g. ms or percent.';
comment on column ops.system_metrics.tags is 'Dimensions of the measurement as a JSON object.';
comment on column ops.system_metrics."timestamp" is 'When the value was measured.';
comment on column ops.system_metrics.created_at is 'When the measurement was recorded.';
comment on column ops.system_metrics.updated_at is 'When the measurement was last changed.';

/*
 * An alert is raised, acknowledged by someone, then resolved. Who
 * acknowledged it and when, and when it was resolved, follow from status
 * changes (trigger), never from client input.
 */
create table ops.alerts (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  alert_name varchar(255) not null,
  severity ops.alert_severity not null,
  message text not null,
  status ops.alert_status not null default 'active',
  acknowledged_by uuid,
  acknowledged_at timestamptz,
  resolved_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint alerts_tenant_id_id_key unique (tenant_id, id),
  constraint alerts_acknowledged_by_fkey foreign key (tenant_id, acknowledged_by)
    references platform.users (tenant_id, id) on delete set null (acknowledged_by),
  constraint alerts_alert_name_not_blank check (char_length(btrim(alert_name)) > 0),
  constraint alerts_message_not_blank check (char_length(btrim(message)) > 0)
);
create index idx_alerts_status on ops.alerts (tenant_id, status);
create index idx_alerts_severity on ops.alerts (tenant_id, severity);
create index alerts_acknowledged_by_idx on ops.alerts (tenant_id, acknowledged_by);
alter table ops.alerts enable row level security;
alter table ops.alerts force row level security;
create trigger _100_set_updated_at before update on ops.alerts
  for each row execute function nexus.tg__set_updated_at();
comment on table ops.alerts is 'A system alert: raised, acknowledged, resolved.';
comment on constraint alerts_acknowledged_by_fkey on ops.alerts is
  E'@fieldName acknowledgedByUser\n@foreignFieldName acknowledgedAlerts\nThe user who acknowledged the alert.';
comment on column ops.alerts.id is 'Unique identifier of the alert.';
comment on column ops.alerts.tenant_id is 'The tenant the alert belongs to.';
comment on column ops.alerts.alert_name is 'Short name of the condition, e.g. HighErrorRate.';
comment on column ops.alerts.severity is 'How urgent the alert is.';
comment on column ops.alerts.message is 'What happened.';
comment on column ops.alerts.status is 'active, acknowledged or resolved; setting it records who and when.';
comment on column ops.alerts.acknowledged_by is 'Who acknowledged the alert (the signed-in user who set status acknowledged).';
comment on column ops.alerts.acknowledged_at is 'When the alert was acknowledged.';
comment on column ops.alerts.resolved_at is 'When the alert was resolved.';
comment on column ops.alerts.created_at is 'When the alert was raised.';
comment on column ops.alerts.updated_at is 'When the alert was last changed.';

create function ops.tg_alerts__track_status() returns trigger
  language plpgsql volatile
  set search_path = pg_catalog
as $$
begin
  if tg_op = 'INSERT' then
    new.acknowledged_by := null;
    new.acknowledged_at := null;
    new.resolved_at := null;
    if new.status <> 'active' then
      new.acknowledged_by := nexus.current_user_id();
      new.acknowledged_at := now();
    end if;
    if new.status = 'resolved' then
      new.resolved_at := now();
    end if;
    return new;
  end if;
  if new.status = 'active' then
    new.acknowledged_by := null;
    new.acknowledged_at := null;
    new.resolved_at := null;
  elsif new.status = 'acknowledged' and old.status <> 'acknowledged' then
    new.acknowledged_by := nexus.current_user_id();
    new.acknowledged_at := now();
    new.resolved_at := null;
  elsif new.status = 'resolved' and old.status <> 'resolved' then
    if old.status = 'active' then
      new.acknowledged_by := nexus.current_user_id();
      new.acknowledged_at := now();
    end if;
    new.resolved_at := now();
  end if;
  return new;
end;
$$;
comment on function ops.tg_alerts__track_status() is 'Trigger: records who acknowledged an alert and when it was acknowledged and resolved.';
create trigger _200_track_status before insert or update of status on ops.alerts
  for each row execute function ops.tg_alerts__track_status();

/*
 * The canonical endpoint of an alias in a context, for clients that only
 * know the alias. Expired or inactive aliases and inactive endpoints do not
 * resolve. Security invoker: RLS keeps it inside the caller's tenant.
 */
create function ops.resolve_api_alias(alias text, context text) returns ops.api_endpoints
  language sql stable
  set search_path = pg_catalog
as $$
  select e.*
  from ops.api_aliases a
  join ops.api_endpoints e on e.tenant_id = a.tenant_id and e.name = a.canonical_name
  where a.tenant_id = (select nexus.current_tenant_id())
    and a.context = resolve_api_alias.context
    and a.alias_name = resolve_api_alias.alias
    and a.is_active
    and (a.expires_at is null or a.expires_at > now())
    and e.is_active
$$;
comment on function ops.resolve_api_alias(text, text) is 'The active endpoint an active, unexpired alias names in a context; null if none.';

/* ========================================================================
 * ledger: accounts and their transactions (seed 004). Money is exact
 * (numeric(15,2), a string in GraphQL), and an account's balance is never
 * written by a client: it is the sum of its completed transactions, kept by
 * a trigger in the same database transaction as the posting.
 */
create schema ledger;
comment on schema ledger is 'Financial accounts and their transactions.';

create type ledger.account_type as enum ('checking', 'savings', 'credit', 'investment', 'loan', 'cash');
comment on type ledger.account_type is 'Kind of financial account.';

create type ledger.transaction_type as enum ('deposit', 'withdrawal', 'payment', 'refund', 'fee', 'interest', 'transfer_in', 'transfer_out');
comment on type ledger.transaction_type is 'Kind of transaction. deposit, refund, interest and transfer_in credit the account; withdrawal, payment, fee and transfer_out debit it.';

create type ledger.transaction_status as enum ('pending', 'completed', 'failed', 'cancelled');
comment on type ledger.transaction_status is 'Where a transaction stands. Only completed transactions count in the balance.';

/*
 * ISO 4217 currencies, shared by every tenant (a global catalog: no
 * tenant_id). Every signed-in user reads it; nobody writes it through GraphQL.
 */
create table ledger.currencies (
  code varchar(3) primary key,
  name varchar(100) not null,
  minor_unit smallint not null default 2,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint currencies_code_format check (code ~ '^[A-Z]{3}$'),
  constraint currencies_minor_unit_range check (minor_unit between 0 and 4)
);
alter table ledger.currencies enable row level security;
alter table ledger.currencies force row level security;
create trigger _100_set_updated_at before update on ledger.currencies
  for each row execute function nexus.tg__set_updated_at();
comment on table ledger.currencies is 'Active ISO 4217 currencies accounts may hold.';
comment on column ledger.currencies.code is 'ISO 4217 alphabetic code, e.g. USD.';
comment on column ledger.currencies.name is 'English name of the currency.';
comment on column ledger.currencies.minor_unit is 'Digits after the decimal point (ISO 4217 minor unit).';
comment on column ledger.currencies.created_at is 'When the currency was added.';
comment on column ledger.currencies.updated_at is 'When the currency was last changed.';

alter table ledger.currencies no force row level security;
insert into ledger.currencies (code, name, minor_unit) values
  ('AED', 'UAE Dirham', 2), ('ARS', 'Argentine Peso', 2), ('AUD', 'Australian Dollar', 2),
  ('BGN', 'Bulgarian Lev', 2), ('BRL', 'Brazilian Real', 2), ('CAD', 'Canadian Dollar', 2),
  ('CHF', 'Swiss Franc', 2), ('CLP', 'Chilean Peso', 0), ('CNY', 'Yuan Renminbi', 2),
  ('COP', 'Colombian Peso', 2), ('CZK', 'Czech Koruna', 2), ('DKK', 'Danish Krone', 2),
  ('EGP', 'Egyptian Pound', 2), ('EUR', 'Euro', 2), ('GBP', 'Pound Sterling', 2),
  ('HKD', 'Hong Kong Dollar', 2), ('HUF', 'Forint', 2), ('IDR', 'Rupiah', 2),
  ('ILS', 'New Israeli Sheqel', 2), ('INR', 'Indian Rupee', 2), ('ISK', 'Iceland Krona', 0),
  ('JPY', 'Yen', 0), ('KES', 'Kenyan Shilling', 2), ('KRW', 'Won', 0),
  ('KWD', 'Kuwaiti Dinar', 3), ('MXN', 'Mexican Peso', 2), ('MYR', 'Malaysian Ringgit', 2),
  ('NGN', 'Naira', 2), ('NOK', 'Norwegian Krone', 2), ('NZD', 'New Zealand Dollar', 2),
  ('PEN', 'Sol', 2), ('PHP', 'Philippine Peso', 2), ('PKR', 'Pakistan Rupee', 2),
  ('PLN', 'Zloty', 2), ('RON', 'Romanian Leu', 2), ('SAR', 'Saudi Riyal', 2),
  ('SEK', 'Swedish Krona', 2), ('SGD', 'Singapore Dollar', 2), ('THB', 'Baht', 2),
  ('TRY', 'Turkish Lira', 2), ('TWD', 'New Taiwan Dollar', 2), ('UAH', 'Hryvnia', 2),
  ('USD', 'US Dollar', 2), ('VND', 'Dong', 0), ('ZAR', 'Rand', 2);
alter table ledger.currencies force row level security;

create table ledger.accounts (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  user_id uuid default nexus.current_user_id(),
  account_name varchar(255) not null,
  account_number varchar(100) not null,
  account_type ledger.account_type not null,
  bank_name varchar(255),
  balance numeric(15,2) not null default 0.00,
  currency varchar(3) not null default 'USD',
  is_active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint accounts_tenant_id_id_key unique (tenant_id, id),
  constraint accounts_tenant_id_account_number_key unique (tenant_id, account_number),
  constraint accounts_user_fkey foreign key (tenant_id, user_id)
    references platform.users (tenant_id, id) on delete restrict,
  constraint accounts_currency_fkey foreign key (currency)
    references ledger.currencies (code) on update cascade on delete restrict,
  constraint accounts_currency_format check (currency ~ '^[A-Z]{3}$'),
  constraint accounts_account_name_not_blank check (char_length(btrim(account_name)) > 0),
  constraint accounts_account_number_not_blank check (char_length(btrim(account_number)) > 0)
);
create index idx_accounts_user_id on ledger.accounts (tenant_id, user_id);
create index accounts_currency_idx on ledger.accounts (currency);
alter table ledger.accounts enable row level security;
alter table ledger.accounts force row level security;
create trigger _100_set_updated_at before update on ledger.accounts
  for each row execute function nexus.tg__set_updated_at();
comment on table ledger.accounts is 'A financial account. Its balance is the sum of its completed transactions.';
comment on constraint accounts_user_fkey on ledger.accounts is
  E'@fieldName user\n@foreignFieldName accounts\nThe holder of the account.';
comment on constraint accounts_currency_fkey on ledger.accounts is
  E'@fieldName currencyDetails\n@foreignFieldName accounts\nThe ISO 4217 currency of the account.';
comment on column ledger.accounts.id is 'Unique identifier of the account.';
comment on column ledger.accounts.tenant_id is 'The tenant the account belongs to.';
comment on column ledger.accounts.user_id is 'The holder of the account (defaults to the signed-in user).';
comment on column ledger.accounts.account_name is 'Display name of the account.';
comment on column ledger.accounts.account_number is 'Account number, unique within the tenant.';
comment on column ledger.accounts.account_type is 'Kind of account.';
comment on column ledger.accounts.bank_name is 'Bank holding the account.';
comment on column ledger.accounts.balance is 'Current balance: the sum of completed transactions (credits minus debits). Read-only; an exact decimal string.';
comment on column ledger.accounts.currency is 'ISO 4217 currency code, e.g. USD.';
comment on column ledger.accounts.is_active is 'Whether the account is in use.';
comment on column ledger.accounts.created_at is 'When the account was opened.';
comment on column ledger.accounts.updated_at is 'When the account was last changed.';

/*
 * A transaction's amount is positive; its type says whether it credits or
 * debits the account. Deleting an account that has transactions is refused:
 * a ledger keeps its history.
 */
create table ledger.transactions (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  account_id uuid not null,
  amount numeric(15,2) not null,
  transaction_type ledger.transaction_type not null,
  category varchar(100),
  description text,
  transaction_date timestamptz not null default now(),
  status ledger.transaction_status not null default 'pending',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint transactions_tenant_id_id_key unique (tenant_id, id),
  constraint transactions_account_fkey foreign key (tenant_id, account_id)
    references ledger.accounts (tenant_id, id) on delete restrict,
  constraint transactions_amount_positive check (amount > 0)
);
create index idx_transactions_account_id on ledger.transactions (tenant_id, account_id);
create index idx_transactions_date on ledger.transactions (tenant_id, transaction_date);
alter table ledger.transactions enable row level security;
alter table ledger.transactions force row level security;
create trigger _100_set_updated_at before update on ledger.transactions
  for each row execute function nexus.tg__set_updated_at();
comment on table ledger.transactions is 'A transaction on an account. Completed transactions move the account''s balance.';
comment on column ledger.transactions.id is 'Unique identifier of the transaction.';
comment on column ledger.transactions.tenant_id is 'The tenant the transaction belongs to.';
comment on column ledger.transactions.account_id is 'The account the transaction is posted to.';
comment on column ledger.transactions.amount is 'Amount, positive; the type says credit or debit. An exact decimal string.';
comment on column ledger.transactions.transaction_type is 'Kind of transaction; decides whether it credits or debits the account.';
comment on column ledger.transactions.category is 'Free-form category, e.g. payroll or utilities.';
comment on column ledger.transactions.description is 'What the transaction was for.';
comment on column ledger.transactions.transaction_date is 'When the transaction took place.';
comment on column ledger.transactions.status is 'pending, completed, failed or cancelled; only completed counts in the balance.';
comment on column ledger.transactions.created_at is 'When the transaction was recorded.';
comment on column ledger.transactions.updated_at is 'When the transaction was last changed.';

/*
 * Keeps accounts.balance equal to the sum of completed transactions, for
 * inserts, status/amount/type changes and deletes. Clients hold no update
 * right on balance, so this runs as nexus_auth (security definer). The
 * account row is locked with FOR NO KEY UPDATE before it is read: the
 * concurrent postings to one account queue up and none is lost. (Not FOR
 * UPDATE: the foreign key check of each insert already holds FOR KEY SHARE
 * on the account, which FOR UPDATE would conflict with and deadlock on.)
 */
create function ledger.tg_transactions__post_to_balance() returns trigger
  language plpgsql volatile security definer
  set search_path = pg_catalog
as $$
declare
  v_old_effect numeric := 0;
  v_new_effect numeric := 0;
  v_balance numeric;
  v_posting record;
begin
  if tg_op <> 'INSERT' then
    if old.status = 'completed' then
      v_old_effect := case when old.transaction_type in ('deposit', 'refund', 'interest', 'transfer_in')
                           then old.amount else -old.amount end;
    end if;
  end if;
  if tg_op <> 'DELETE' then
    if new.status = 'completed' then
      v_new_effect := case when new.transaction_type in ('deposit', 'refund', 'interest', 'transfer_in')
                           then new.amount else -new.amount end;
    end if;
  end if;

  for v_posting in
    select p.tenant_id, p.account_id, sum(p.delta) as delta
    from (
      select old.tenant_id, old.account_id, -v_old_effect as delta where tg_op <> 'INSERT'
      union all
      select new.tenant_id, new.account_id, v_new_effect where tg_op <> 'DELETE'
    ) p
    group by p.tenant_id, p.account_id
    having sum(p.delta) <> 0
    order by p.account_id -- a fixed lock order when a transaction moves between accounts
  loop
    select a.balance into v_balance
    from ledger.accounts a
    where a.tenant_id = v_posting.tenant_id and a.id = v_posting.account_id
    for no key update;
    continue when not found; -- the account itself is being deleted
    update ledger.accounts a
    set balance = v_balance + v_posting.delta
    where a.tenant_id = v_posting.tenant_id and a.id = v_posting.account_id;
  end loop;
  return null;
end;
$$;
comment on function ledger.tg_transactions__post_to_balance() is 'Trigger: applies completed transactions to their account''s balance.';
create trigger _500_post_to_balance after insert or update or delete on ledger.transactions
  for each row execute function ledger.tg_transactions__post_to_balance();

/* ========================================================================
 * ai: the models the tenant uses and the insights they produce (seed 004).
 */
create schema ai;
comment on schema ai is 'AI models and the insights they produce.';

create type ai.ai_model_status as enum ('inactive', 'active', 'deprecated');
comment on type ai.ai_model_status is 'Whether a model is in use.';

create type ai.ai_insight_type as enum ('trend', 'anomaly', 'forecast', 'recommendation', 'summary');
comment on type ai.ai_insight_type is 'Kind of insight a model produced.';

create table ai.ai_models (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  name varchar(255) not null,
  provider varchar(100) not null,
  version varchar(50) not null,
  status ai.ai_model_status not null default 'inactive',
  capabilities jsonb not null default '[]',
  performance jsonb not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint ai_models_tenant_id_id_key unique (tenant_id, id),
  constraint ai_models_name_not_blank check (char_length(btrim(name)) > 0),
  constraint ai_models_capabilities_array check (jsonb_typeof(capabilities) = 'array'),
  constraint ai_models_performance_object check (jsonb_typeof(performance) = 'object')
);
alter table ai.ai_models enable row level security;
alter table ai.ai_models force row level security;
create trigger _100_set_updated_at before update on ai.ai_models
  for each row execute function nexus.tg__set_updated_at();
comment on table ai.ai_models is 'An AI model registered for the tenant.';
comment on column ai.ai_models.id is 'Unique identifier of the model.';
comment on column ai.ai_models.tenant_id is 'The tenant the model belongs to.';
comment on column ai.ai_models.name is 'Model name.';
comment on column ai.ai_models.provider is 'Who provides the model.';
comment on column ai.ai_models.version is 'Model version.';
comment on column ai.ai_models.status is 'Whether the model is in use.';
comment on column ai.ai_models.capabilities is 'What the model can do, as a JSON array (e.g. ["chat", "summarize"]).';
comment on column ai.ai_models.performance is 'Performance metrics as a JSON object (e.g. {"latencyMs": 420}).';
comment on column ai.ai_models.created_at is 'When the model was registered.';
comment on column ai.ai_models.updated_at is 'When the model was last changed.';

create table ai.ai_insights (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  model_id uuid not null,
  insight_type ai.ai_insight_type not null,
  title varchar(255) not null,
  description text,
  data jsonb not null default '{}',
  confidence numeric(3,2),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint ai_insights_tenant_id_id_key unique (tenant_id, id),
  constraint ai_insights_model_fkey foreign key (tenant_id, model_id)
    references ai.ai_models (tenant_id, id) on delete cascade,
  constraint ai_insights_title_not_blank check (char_length(btrim(title)) > 0),
  constraint ai_insights_data_object check (jsonb_typeof(data) = 'object'),
  constraint ai_insights_confidence_range check (confidence between 0 and 1)
);
create index idx_ai_insights_model_id on ai.ai_insights (tenant_id, model_id);
comment on constraint ai_insights_model_fkey on ai.ai_insights is
  E'@fieldName model\n@foreignFieldName aiInsights\nThe model that produced the insight.';
alter table ai.ai_insights enable row level security;
alter table ai.ai_insights force row level security;
create trigger _100_set_updated_at before update on ai.ai_insights
  for each row execute function nexus.tg__set_updated_at();
comment on table ai.ai_insights is 'An insight an AI model produced.';
comment on column ai.ai_insights.id is 'Unique identifier of the insight.';
comment on column ai.ai_insights.tenant_id is 'The tenant the insight belongs to.';
comment on column ai.ai_insights.model_id is 'The model that produced the insight.';
comment on column ai.ai_insights.insight_type is 'Kind of insight.';
comment on column ai.ai_insights.title is 'Headline of the insight.';
comment on column ai.ai_insights.description is 'The insight in prose.';
comment on column ai.ai_insights.data is 'Supporting data as a JSON object.';
comment on column ai.ai_insights.confidence is 'Confidence from 0.00 to 1.00.';
comment on column ai.ai_insights.created_at is 'When the insight was produced.';
comment on column ai.ai_insights.updated_at is 'When the insight was last changed.';

/* ========================================================================
 * audit: one log of every insert, update and delete on every tenant table
 * of every module (seed 004's audit_logs). Rows are written only by the
 * trigger function below, which runs as nexus_auth (BYPASSRLS) so it can
 * write whatever the caller may not; tenant admins read their tenant's log
 * through GraphQL, nobody writes or changes it there. The log is
 * append-only, so it has changed_at and no created_at/updated_at.
 */
create schema audit;
comment on schema audit is 'The audit log of every change to tenant data.';
grant usage on schema audit to nexus_auth;

create type audit.audit_action as enum ('insert', 'update', 'delete');
comment on type audit.audit_action is 'What a change did to a row.';

create table audit.audit_logs (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  table_name varchar(255) not null,
  record_id uuid not null,
  action audit.audit_action not null,
  old_values jsonb,
  new_values jsonb,
  changed_by uuid,
  changed_at timestamptz not null default now(),
  ip_address inet,
  user_agent text,
  constraint audit_logs_tenant_id_id_key unique (tenant_id, id),
  constraint audit_logs_changed_by_fkey foreign key (tenant_id, changed_by)
    references platform.users (tenant_id, id) on delete set null (changed_by),
  constraint audit_logs_values_match_action check (
    (action = 'insert' and old_values is null and new_values is not null)
    or (action = 'update' and old_values is not null and new_values is not null)
    or (action = 'delete' and old_values is not null and new_values is null)
  ),
  constraint audit_logs_values_objects check (
    coalesce(jsonb_typeof(old_values), 'object') = 'object' and coalesce(jsonb_typeof(new_values), 'object') = 'object'
  ),
  constraint audit_logs_user_agent_length check (char_length(user_agent) <= 512)
);
create index idx_audit_logs_table_record on audit.audit_logs (tenant_id, table_name, record_id);
create index idx_audit_logs_changed_at on audit.audit_logs (tenant_id, changed_at);
create index audit_logs_changed_by_idx on audit.audit_logs (tenant_id, changed_by);
alter table audit.audit_logs enable row level security;
alter table audit.audit_logs force row level security;
grant insert on audit.audit_logs to nexus_auth;
comment on table audit.audit_logs is 'One change to one row of tenant data: who, when, from where, and the values before and after (secrets left out). Readable by holders of READ_AUDIT_LOGS; written only by the database.';
comment on constraint audit_logs_changed_by_fkey on audit.audit_logs is
  E'@fieldName changedByUser\n@foreignFieldName auditLogs\nThe user who made the change.';
comment on column audit.audit_logs.id is 'Unique identifier of the entry.';
comment on column audit.audit_logs.tenant_id is 'The tenant of the changed row.';
comment on column audit.audit_logs.table_name is 'Schema-qualified table of the changed row, e.g. platform.users.';
comment on column audit.audit_logs.record_id is 'id of the changed row.';
comment on column audit.audit_logs.action is 'insert, update or delete.';
comment on column audit.audit_logs.old_values is 'The row before the change (update, delete), without secret columns.';
comment on column audit.audit_logs.new_values is 'The row after the change (insert, update), without secret columns.';
comment on column audit.audit_logs.changed_by is 'The signed-in user who made the change; null for changes made by the system.';
comment on column audit.audit_logs.changed_at is 'When the change was made (start of its database transaction).';
comment on column audit.audit_logs.ip_address is 'IP address of the client whose request made the change.';
comment on column audit.audit_logs.user_agent is 'User agent of that client (at most 512 characters).';

/*
 * The one audit trigger function. Keys naming secrets (password, token,
 * secret, hash: password_hash, *_token_hash) never reach the log. The
 * acting user counts only inside their own tenant's rows. The client's IP
 * address and user agent are request settings the gateway sets
 * (nexus.client_ip, nexus.user_agent); the gateway only passes addresses it
 * validated, so the cast cannot fail for GraphQL requests.
 */
create function audit.tg__record_change() returns trigger
  language plpgsql volatile security definer
  set search_path = pg_catalog
as $$
declare
  v_old jsonb;
  v_new jsonb;
  v_row jsonb;
  v_tenant uuid;
  v_ip text := nullif(current_setting('nexus.client_ip', true), '');
begin
  if tg_op <> 'INSERT' then
    select coalesce(jsonb_object_agg(e.key, e.value), '{}') into v_old
    from jsonb_each(to_jsonb(old)) e
    where e.key !~* '(password|token|secret|hash)';
  end if;
  if tg_op <> 'DELETE' then
    select coalesce(jsonb_object_agg(e.key, e.value), '{}') into v_new
    from jsonb_each(to_jsonb(new)) e
    where e.key !~* '(password|token|secret|hash)';
  end if;
  v_row := coalesce(v_new, v_old);
  v_tenant := (v_row ->> 'tenant_id')::uuid;
  insert into audit.audit_logs (tenant_id, table_name, record_id, action, old_values, new_values, changed_by, ip_address, user_agent)
  values (
    v_tenant,
    tg_table_schema || '.' || tg_table_name,
    (v_row ->> 'id')::uuid,
    lower(tg_op)::audit.audit_action,
    v_old,
    v_new,
    case when v_tenant = nexus.current_tenant_id() then nexus.current_user_id() end,
    v_ip::inet,
    left(nullif(current_setting('nexus.user_agent', true), ''), 512)
  );
  return null;
end;
$$;
comment on function audit.tg__record_change() is E'@behavior -*\nTrigger: writes one audit_logs row for the inserted, updated or deleted row.';

/*
 * Attaches the audit trigger to every tenant table that lacks it, present
 * and future: every table the owner role owns with tenant_id and an id
 * (except the log itself). policies/80_audit.sql calls it after every
 * migration, so a table added later is audited without touching this code.
 * Left out on purpose: the host's high-volume token bookkeeping
 * (refresh_tokens, revoked_tokens, user_sessions) and the mail outbox,
 * whose rows are written on every sign-in and refresh and hold no business
 * data; sessions and sign-ins have their own records there.
 */
create function audit.attach_audit_triggers() returns integer
  language plpgsql volatile
  set search_path = pg_catalog
as $$
declare
  tbl regclass;
  v_attached integer := 0;
  v_unaudited constant text[] := array[
    'audit.audit_logs', 'platform.refresh_tokens', 'platform.revoked_tokens', 'platform.mail_outbox', 'platform.user_sessions'
  ];
begin
  for tbl in
    select c.oid::regclass
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    where c.relkind in ('r', 'p')
      and pg_get_userbyid(c.relowner) = 'nexus_owner'
      and n.nspname <> 'graphile_migrate'
      and (n.nspname || '.' || c.relname) <> all (v_unaudited)
      and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
      and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'id' and a.atttypid = 'uuid'::regtype and not a.attisdropped)
      and not exists (select 1 from pg_trigger t where t.tgrelid = c.oid and t.tgname = '_900_audit')
  loop
    execute format(
      'create trigger _900_audit after insert or update or delete on %s for each row execute function audit.tg__record_change()',
      tbl);
    v_attached := v_attached + 1;
  end loop;
  -- a table added to the exclusions later loses its trigger
  for tbl in
    select t.tgrelid::regclass
    from pg_trigger t
    join pg_class c on c.oid = t.tgrelid
    join pg_namespace n on n.oid = c.relnamespace
    where t.tgname = '_900_audit' and (n.nspname || '.' || c.relname) = any (v_unaudited)
  loop
    execute format('drop trigger _900_audit on %s', tbl);
  end loop;
  return v_attached;
end;
$$;
comment on function audit.attach_audit_triggers() is E'@behavior -*\nAttaches the audit trigger to every tenant table that lacks it; returns how many it attached.';

/*
 * Security definer functions belong to nexus_auth (BYPASSRLS); nobody may
 * run them unless granted. nexus_auth may create in these schemas only for
 * the handover. The owner role attaches the audit trigger, so it needs
 * EXECUTE on it.
 */
revoke all on function audit.tg__record_change() from public;
revoke all on function ledger.tg_transactions__post_to_balance() from public;
grant create on schema audit, ledger to nexus_auth;
alter function audit.tg__record_change() owner to nexus_auth;
alter function ledger.tg_transactions__post_to_balance() owner to nexus_auth;
revoke create on schema audit, ledger from nexus_auth;
set local role nexus_auth;
grant execute on function audit.tg__record_change() to nexus_owner;
set local role nexus_owner;

/*
 * READ_AUDIT_LOGS: reading the tenant's audit log. Given to admin once;
 * an operator who takes it away later is not overruled. The admin role is
 * created here if this database has not run the permission sync yet.
 */
grant select, insert on platform.roles, platform.permissions, platform.role_permissions to nexus_auth;
set local role nexus_auth;
insert into platform.roles (name, description, global_access)
values ('admin', 'Administrator with full access to the tenant.', false)
on conflict (name) do nothing;
insert into platform.permissions (name, description)
values ('READ_AUDIT_LOGS', 'Read the audit log of the tenant.')
on conflict (name) do nothing;
insert into platform.role_permissions (role_id, permission_id)
select r.id, p.id from platform.roles r, platform.permissions p
where r.name = 'admin' and p.name = 'READ_AUDIT_LOGS'
on conflict do nothing;
set local role nexus_owner;
