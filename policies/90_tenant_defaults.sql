/*
 * The tenant contract for every table the owner role owns, present and
 * future, so no table can be forgotten. Runs after the module files.
 *   - Row level security is enabled and forced (the owner is bound too).
 *   - tenant_id defaults to the tenant of the JWT, so clients never send it.
 *   - A tenant table (one with tenant_id) whose module file declared no
 *     policy of its own gets the defaults: rows of the caller's tenant are
 *     readable; inserting, updating and deleting need CREATE_<TABLE>,
 *     UPDATE_<TABLE> and DELETE_<TABLE> (METHOD_ENTITY names, docs/conventions.md).
 *     A module that declares its own policies for a table replaces all four.
 *   - The permission catalog gains the permissions of new tables.
 */
do $$
declare
  tbl record;
begin
  for tbl in
    select t.name, t.entity, t.tenant_owned,
           exists (select 1 from pg_policy p where p.polrelid = t.oid) as has_own_policies
    from nexus.owner_tables t
  loop
    execute format('alter table %s enable row level security', tbl.name);
    execute format('alter table %s force row level security', tbl.name);
    continue when not tbl.tenant_owned;

    execute format('alter table %s alter column tenant_id set default nexus.current_tenant_id()', tbl.name);
    continue when tbl.has_own_policies;

    perform nexus.declare_tenant_policies(tbl.name, tbl.entity, 'tenant');
  end loop;
end;
$$;

set local role nexus_auth;
select nexus_auth.sync_permission_catalog();
set local role nexus_owner;
