--! Previous: sha1:9f5fa664b60e0f2f80ae4bdf98d0c28914c8be73
--! Hash: sha1:73617bb5156008c525aac8447771b7ec4fbb3b6f
--! Message: platform: tenant settings and public profiles

/*
 * platform: what organizations and profiles add to the platform schema.
 * The tenant is the organization, its users the members and their
 * sessions the user sessions (docs/data-model.md); only two things were
 * missing: the tenant's settings (one row per tenant, made with the
 * tenant) and users' public profiles (what colleagues see of a user,
 * written by the user).
 */
create table platform.tenant_settings (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete cascade,
  locale text not null default 'en',
  time_zone text not null default 'UTC',
  currency char(3) not null default 'USD',
  week_starts_on smallint not null default 1,
  business_hours jsonb not null default '{}',
  settings jsonb not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint tenant_settings_tenant_id_id_key unique (tenant_id, id),
  constraint tenant_settings_tenant_id_key unique (tenant_id),
  constraint tenant_settings_locale_format check (locale ~ '^[a-z]{2,3}(-[A-Z]{2})?$'),
  constraint tenant_settings_time_zone_not_blank check (char_length(btrim(time_zone)) > 0),
  constraint tenant_settings_currency_format check (currency ~ '^[A-Z]{3}$'),
  constraint tenant_settings_week_starts_on_range check (week_starts_on between 0 and 6),
  constraint tenant_settings_business_hours_object check (jsonb_typeof(business_hours) = 'object'),
  constraint tenant_settings_settings_object check (jsonb_typeof(settings) = 'object')
);
alter table platform.tenant_settings enable row level security;
alter table platform.tenant_settings force row level security;
comment on table platform.tenant_settings is 'The tenant''s settings: locale, time zone, currency, business hours. One row per tenant, made with it.';
comment on column platform.tenant_settings.id is 'Unique identifier of the settings row.';
comment on column platform.tenant_settings.tenant_id is 'The tenant; one settings row each.';
comment on column platform.tenant_settings.locale is 'Default language of the tenant (en, pt-BR).';
comment on column platform.tenant_settings.time_zone is 'The tenant''s time zone (IANA name, e.g. Europe/Lisbon); reports and schedules use it.';
comment on column platform.tenant_settings.currency is 'The tenant''s currency (ISO 4217).';
comment on column platform.tenant_settings.week_starts_on is 'First day of the week, 0 (Sunday) to 6.';
comment on column platform.tenant_settings.business_hours is 'Opening hours per weekday, e.g. {"mon": ["09:00", "17:00"]}.';
comment on column platform.tenant_settings.settings is 'Further settings of the tenant''s modules (a JSON object).';
comment on constraint tenant_settings_locale_format on platform.tenant_settings is 'Locale must be a language code like en or pt-BR.';
comment on constraint tenant_settings_time_zone_not_blank on platform.tenant_settings is 'Time zone cannot be blank.';
comment on constraint tenant_settings_currency_format on platform.tenant_settings is 'Currency must be a three-letter ISO 4217 code.';
comment on constraint tenant_settings_week_starts_on_range on platform.tenant_settings is 'Week starts on must be 0 (Sunday) to 6 (Saturday).';
comment on constraint tenant_settings_business_hours_object on platform.tenant_settings is 'Business hours must be a JSON object.';
comment on constraint tenant_settings_settings_object on platform.tenant_settings is 'Settings must be a JSON object.';

/* A time zone the server does not know would break every report: checked against the catalog. */
create function platform.tg_tenant_settings__check_time_zone() returns trigger
  language plpgsql stable
  set search_path = pg_catalog
as $$
begin
  if not exists (select 1 from pg_catalog.pg_timezone_names z where z.name = new.time_zone) then
    raise exception 'unknown time zone %', new.time_zone
      using errcode = '23514', constraint = 'tenant_settings_time_zone_known';
  end if;
  return new;
end;
$$;
comment on function platform.tg_tenant_settings__check_time_zone() is 'Trigger: the time zone must be one PostgreSQL knows.';
create trigger _200_check_time_zone before insert or update of time_zone on platform.tenant_settings
  for each row execute function platform.tg_tenant_settings__check_time_zone();

/* Every existing tenant gets its row (as nexus_auth: the owner is bound by the tenants' forced RLS and would see none). */
grant select, insert on platform.tenant_settings to nexus_auth;
grant select (id) on platform.tenants to nexus_auth;
set local role nexus_auth;
insert into platform.tenant_settings (tenant_id) select t.id from platform.tenants t on conflict (tenant_id) do nothing;
set local role nexus_owner;

create table platform.profiles (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  user_id uuid not null default nexus.current_user_id(),
  display_name text not null,
  headline text,
  bio text,
  avatar_url text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint profiles_tenant_id_id_key unique (tenant_id, id),
  constraint profiles_tenant_id_user_id_key unique (tenant_id, user_id),
  constraint profiles_user_fkey foreign key (tenant_id, user_id)
    references platform.users (tenant_id, id) on delete cascade,
  constraint profiles_display_name_not_blank check (char_length(btrim(display_name)) between 1 and 100),
  constraint profiles_bio_length check (bio is null or char_length(bio) <= 2000),
  constraint profiles_avatar_url_format check (avatar_url is null or avatar_url ~ '^https://\S+$')
);
alter table platform.profiles enable row level security;
alter table platform.profiles force row level security;
comment on table platform.profiles is 'A user''s public profile: what the tenant''s other users see of them. Written by the user.';
comment on column platform.profiles.id is 'Unique identifier of the profile.';
comment on column platform.profiles.tenant_id is 'The tenant of the user.';
comment on column platform.profiles.user_id is 'The user; one profile each. Always the signed-in user: a profile is written by its user.';
comment on column platform.profiles.display_name is 'The name shown (1 to 100 characters).';
comment on column platform.profiles.headline is 'A line under the name (role, team).';
comment on column platform.profiles.bio is 'About the user (at most 2000 characters).';
comment on column platform.profiles.avatar_url is 'Picture of the user (an https URL).';
comment on constraint profiles_display_name_not_blank on platform.profiles is 'Display name must be 1 to 100 characters.';
comment on constraint profiles_bio_length on platform.profiles is 'Bio cannot be longer than 2000 characters.';
comment on constraint profiles_avatar_url_format on platform.profiles is 'Avatar URL must be an https URL.';
comment on constraint profiles_user_fkey on platform.profiles is E'@fieldName user\nThe user.';
