--! Previous: -
--! Hash: sha1:28908d3543b01639f04f2ce53d9232effa0a5881
--! Message: foundation: claims helpers, tenants and users

/*
 * Functions are not executable by everyone unless granted: PostgreSQL's
 * default of EXECUTE for PUBLIC would let the anonymous role call any
 * function a later migration adds.
 */
alter default privileges revoke execute on functions from public;

/*
 * `nexus` holds what policies and triggers of every module share. It is never
 * exposed to GraphQL; policies/ grants the request roles EXECUTE on the claims
 * helpers only.
 */
create schema nexus;
comment on schema nexus is 'Shared helpers of Nexus Gateway: JWT claims, trigger functions. Not exposed to GraphQL.';

/*
 * Claims of the verified JWT, set by the gateway with set_config(..., true) for
 * one transaction. A missing claim reads as null, and `tenant_id = null` admits
 * no row: a request without a tenant claim sees nothing. Policies call these as
 * `(select nexus.current_tenant_id())` so PostgreSQL evaluates them once per
 * statement instead of once per row.
 */
create function nexus.current_tenant_id() returns uuid
  language sql stable parallel safe
as $$
  select nullif(pg_catalog.current_setting('jwt.claims.tenant_id', true), '')::uuid
$$;
comment on function nexus.current_tenant_id() is 'Tenant of the verified JWT of this request, or null.';

create function nexus.current_user_id() returns uuid
  language sql stable parallel safe
as $$
  select nullif(pg_catalog.current_setting('jwt.claims.user_id', true), '')::uuid
$$;
comment on function nexus.current_user_id() is 'User of the verified JWT of this request, or null.';

create function nexus.current_session_id() returns uuid
  language sql stable parallel safe
as $$
  select nullif(pg_catalog.current_setting('jwt.claims.session_id', true), '')::uuid
$$;
comment on function nexus.current_session_id() is 'Session of the verified JWT of this request, or null.';

/* One trigger function keeps updated_at for every table of every module. */
create function nexus.tg__set_updated_at() returns trigger
  language plpgsql volatile
  set search_path = pg_catalog
as $$
begin
  new.updated_at := now();
  return new;
end;
$$;
comment on function nexus.tg__set_updated_at() is 'Trigger: sets updated_at to the time of the change.';

/*
 * platform: the tenancy boundary and the accounts that sign in. Every other
 * module hangs off platform.tenants.
 */
create schema platform;
comment on schema platform is 'Tenants, users and their authorization.';

/* The only tenant root: every tenant-owned row of every module points here. */
create table platform.tenants (
  id uuid primary key default gen_random_uuid(),
  name varchar(200) not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint tenants_name_key unique (name),
  constraint tenants_name_not_blank check (char_length(btrim(name)) > 0)
);
alter table platform.tenants enable row level security;
alter table platform.tenants force row level security;
create trigger _100_set_updated_at before update on platform.tenants
  for each row execute function nexus.tg__set_updated_at();
comment on table platform.tenants is 'An organization using Nexus. A signed-in user sees only their own tenant.';
comment on column platform.tenants.id is 'Unique identifier of the tenant.';
comment on column platform.tenants.name is 'Display name, unique across Nexus.';
comment on column platform.tenants.created_at is 'When the tenant was created.';
comment on column platform.tenants.updated_at is 'When the tenant was last changed.';

/*
 * A person who signs in. username and email are the login identity, so they
 * are unique across all tenants (case-insensitively). password_hash is never
 * granted to the request roles and so never reaches GraphQL.
 */
create table platform.users (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  username text not null,
  email text not null,
  password_hash text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint users_tenant_id_id_key unique (tenant_id, id),
  constraint users_username_format check (username ~ '^[A-Za-z0-9][A-Za-z0-9._-]{1,62}$'),
  constraint users_email_format check (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' and char_length(email) <= 320)
);
create unique index users_username_key on platform.users (lower(username));
create unique index users_email_key on platform.users (lower(email));
alter table platform.users enable row level security;
alter table platform.users force row level security;
create trigger _100_set_updated_at before update on platform.users
  for each row execute function nexus.tg__set_updated_at();
comment on table platform.users is 'An account that signs in to Nexus; belongs to exactly one tenant.';
comment on column platform.users.id is 'Unique identifier of the user.';
comment on column platform.users.tenant_id is 'The tenant this user belongs to.';
comment on column platform.users.username is 'Login name, unique across Nexus (case-insensitive).';
comment on column platform.users.email is 'Email address, unique across Nexus (case-insensitive).';
comment on column platform.users.password_hash is E'@behavior -*\nPassword hash; never exposed.';
comment on column platform.users.created_at is 'When the user was created.';
comment on column platform.users.updated_at is 'When the user was last changed.';
