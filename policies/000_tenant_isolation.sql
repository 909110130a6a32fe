/*
 * The tenant contract, applied to every table of every schema the owner role
 * owns (present and future), so no table can be forgotten:
 *   - row level security is enabled and forced (the owner is bound by it too);
 *   - a table with a tenant_id column gets the policy `tenant_isolation`:
 *     signed-in requests see and write only rows of the tenant in their JWT.
 * Module files after this one add grants and any narrower policies.
 * Re-applied after every migration; idempotent.
 */
grant usage on schema nexus to nexus_user, nexus_anonymous;
grant execute on function nexus.current_tenant_id(), nexus.current_user_id(), nexus.current_session_id()
  to nexus_user, nexus_anonymous;

do $$
declare
  tbl record;
begin
  for tbl in
    select c.oid::regclass as name,
           exists (
             select 1 from pg_attribute a
             where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
           ) as tenant_owned
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    where c.relkind in ('r', 'p')
      and pg_catalog.pg_get_userbyid(c.relowner) = 'nexus_owner'
      and n.nspname not in ('graphile_migrate')
  loop
    execute format('alter table %s enable row level security', tbl.name);
    execute format('alter table %s force row level security', tbl.name);
    if tbl.tenant_owned then
      execute format('drop policy if exists tenant_isolation on %s', tbl.name);
      execute format(
        'create policy tenant_isolation on %s for all to nexus_user '
        'using (tenant_id = (select nexus.current_tenant_id())) '
        'with check (tenant_id = (select nexus.current_tenant_id()))',
        tbl.name
      );
    end if;
  end loop;
end;
$$;
