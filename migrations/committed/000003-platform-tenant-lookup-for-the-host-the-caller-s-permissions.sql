--! Previous: sha1:c9c801a1798be31cee00e93f934a65a99baa6706
--! Hash: sha1:93a2354cc50768b82bd9191774ebc3b04a3243cb
--! Message: platform: tenant lookup for the host, the caller's permissions in GraphQL

/* The host names tenants by name (CLI, demo data) or id. */
create function nexus_auth.find_tenant(p_name_or_id text) returns table (id uuid, name text)
  language sql stable security definer
  set search_path = pg_catalog
as $$
  select t.id, t.name::text
  from platform.tenants t
  where lower(t.name) = lower(btrim(p_name_or_id)) or t.id::text = lower(btrim(p_name_or_id))
  limit 1
$$;
comment on function nexus_auth.find_tenant(text) is 'The tenant with this name (case-insensitive) or id.';
revoke all on function nexus_auth.find_tenant(text) from public;
alter function nexus_auth.find_tenant(text) owner to nexus_auth;

/*
 * What the signed-in user may do, for clients that shape their UI (hide a
 * delete button the database would refuse anyway).
 */
create function platform.viewer_permissions() returns text[]
  language sql stable
as $$
  select nexus_auth.current_permissions()
$$;
comment on function platform.viewer_permissions() is 'Names of the permissions the signed-in user holds in their tenant (METHOD_ENTITY).';
