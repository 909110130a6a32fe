--! Previous: sha1:6363b40c17089347c68af85e2cd53cbc0daefd22
--! Hash: sha1:6d2bc04f12e86c1f6257e7452131eec34c6a7b85
--! Message: platform: tenant names are display names, not unique across tenants

/*
 * A tenant's name is its display name, chosen by its admins, and no longer
 * unique across Nexus. A unique constraint that one tenant's rename runs
 * into is an oracle for every other tenant's name ("CONFLICT
 * (tenants_name_key)" answers whether a name is taken). Operators still get
 * a refusal when they create a tenant under a name in use (the CLI checks
 * first), and a name shared by several tenants must be given to the CLI as
 * an id. The plain index keeps names orderable and filterable in GraphQL.
 */
alter table platform.tenants drop constraint tenants_name_key;
create index tenants_name_idx on platform.tenants (name);
comment on column platform.tenants.name is 'Display name, chosen by the tenant''s admins.';

set local role nexus_auth;

/* Every tenant with this name (case-insensitive) or id: the CLI refuses a name several tenants share. */
create or replace function nexus_auth.find_tenant(p_name_or_id text) returns table (id uuid, name text)
  language sql stable security definer
  set search_path = pg_catalog
as $$
  select t.id, t.name::text
  from platform.tenants t
  where lower(t.name) = lower(btrim(p_name_or_id)) or t.id::text = lower(btrim(p_name_or_id))
  order by t.created_at
$$;
comment on function nexus_auth.find_tenant(text) is 'The tenants with this name (case-insensitive) or id.';

set local role nexus_owner;
