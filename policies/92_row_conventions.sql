/*
 * The per-row conventions of every owner table, applied once here instead
 * of restated table by table in module migrations: a table opts in by
 * having the column (nexus.owner_tables says which), and a module migration
 * declares only its domain columns and keys.
 *   updated_at              _100_set_updated_at  keeps it on every update
 *   created_by, updated_by  _200_set_authorship  fills them from the JWT's user
 *   deleted_at              _500_soft_delete     turns a delete into archiving
 *   deleted_at, tenant_id   _300_guard_archive   restoring needs RESTORE_<TABLE>
 *                                                (the global catalogs' operator
 *                                                policies guard them instead)
 * The triggers keep the names, events and functions module migrations gave
 * them until now, so on an existing database this changes nothing; `create
 * or replace` makes the loop idempotent. The standard comments fill only a
 * column that has none and that signed-in users can read (the module files
 * before this one gave the grants): a module's own wording stays, and a
 * table only the host reaches is not documented for GraphQL.
 */
do $$
declare
  tbl record;
begin
  for tbl in select * from nexus.owner_tables loop
    if tbl.has_updated_at then
      execute format(
        'create or replace trigger _100_set_updated_at before update on %s '
        'for each row execute function nexus.tg__set_updated_at()', tbl.name);
    end if;
    if tbl.authored then
      execute format(
        'create or replace trigger _200_set_authorship before insert or update on %s '
        'for each row execute function nexus.tg__set_authorship()', tbl.name);
    end if;
    if tbl.soft_deletable then
      execute format(
        'create or replace trigger _500_soft_delete before delete on %s '
        'for each row execute function nexus_auth.tg__soft_delete()', tbl.name);
    end if;
    if tbl.soft_deletable and tbl.tenant_owned then
      execute format(
        'create or replace trigger _300_guard_archive before update of deleted_at on %s '
        'for each row execute function nexus.tg__guard_archive()', tbl.name);
    end if;
  end loop;
end;
$$;

do $$
declare
  col record;
begin
  for col in
    select t.name, a.attname,
           case a.attname
             when 'created_at' then 'When the row was created.'
             when 'updated_at' then 'When the row was last changed.'
             when 'created_by' then 'Who created the row (from the signed-in user, never from input).'
             when 'updated_by' then 'Who last changed the row (from the signed-in user, never from input).'
             when 'deleted_at' then format('When the row was archived (deleted); archived rows are hidden. Set it back to null to restore (needs RESTORE_%s).', t.entity)
             when 'import_hash' then 'Identity of the row in imports: importing a row with the same hash again updates it instead of adding a copy. Unique within the tenant.'
           end as standard
    from nexus.owner_tables t
    join pg_catalog.pg_attribute a on a.attrelid = t.oid and a.attnum > 0 and not a.attisdropped
    where a.attname in ('created_at', 'updated_at', 'created_by', 'updated_by', 'deleted_at', 'import_hash')
      and pg_catalog.col_description(t.oid, a.attnum) is null
      and pg_catalog.has_column_privilege('nexus_user', t.oid, a.attnum, 'select')
  loop
    execute format('comment on column %s.%I is %L', col.name, col.attname, col.standard);
  end loop;
end;
$$;
