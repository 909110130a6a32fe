/*
 * The tenant contract for every table the owner role owns, present and
 * future, so no table can be forgotten. Runs after the module files.
 *   - Row level security is enabled and forced (the owner is bound too).
 *   - tenant_id defaults to the tenant of the JWT, so clients never send it.
 *   - A tenant table (one with tenant_id) whose module file declared no
 *     policy of its own gets the defaults: rows of the caller's tenant are
 *     readable; inserting, updating and deleting need CREATE_<TABLE>,
 *     UPDATE_<TABLE> and DELETE_<TABLE> (seed 001's METHOD_ENTITY names).
 *     A module that declares its own policies for a table replaces all four.
 *   - The permission catalog gains the permissions of new tables.
 */
do $$
declare
  tbl record;
  permission_suffix text;
begin
  for tbl in
    select c.oid::regclass as name,
           upper(c.relname) as entity,
           exists (
             select 1 from pg_attribute a
             where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
           ) as tenant_owned,
           exists (select 1 from pg_policy p where p.polrelid = c.oid) as has_own_policies
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    where c.relkind in ('r', 'p')
      and pg_catalog.pg_get_userbyid(c.relowner) = 'nexus_owner'
      and n.nspname not in ('graphile_migrate')
  loop
    execute format('alter table %s enable row level security', tbl.name);
    execute format('alter table %s force row level security', tbl.name);
    continue when not tbl.tenant_owned;

    execute format('alter table %s alter column tenant_id set default nexus.current_tenant_id()', tbl.name);
    continue when tbl.has_own_policies;

    execute format(
      'create policy tenant_select on %s for select to nexus_user '
      'using (tenant_id = (select nexus.current_tenant_id()))',
      tbl.name);
    execute format(
      'create policy tenant_insert on %s for insert to nexus_user '
      'with check (tenant_id = (select nexus.current_tenant_id()) and (select nexus_auth.has_permission(%L)))',
      tbl.name, 'CREATE_' || tbl.entity);
    execute format(
      'create policy tenant_update on %s for update to nexus_user '
      'using (tenant_id = (select nexus.current_tenant_id()) and (select nexus_auth.has_permission(%L))) '
      'with check (tenant_id = (select nexus.current_tenant_id()))',
      tbl.name, 'UPDATE_' || tbl.entity);
    execute format(
      'create policy tenant_delete on %s for delete to nexus_user '
      'using (tenant_id = (select nexus.current_tenant_id()) and (select nexus_auth.has_permission(%L)))',
      tbl.name, 'DELETE_' || tbl.entity);
  end loop;
end;
$$;

set local role nexus_auth;
select nexus_auth.sync_permission_catalog();
set local role nexus_owner;
