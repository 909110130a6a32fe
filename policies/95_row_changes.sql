/*
 * Realtime: row changes come from the write-ahead log, decoded by one
 * gateway instance with pgoutput (src/realtime/). Writers notify nothing:
 * a transaction that has called NOTIFY takes the cluster's notification
 * lock through its commit, which serialized every writer of every tenant.
 * The trigger that did so, and its function, are dropped here.
 */
do $$
declare
  tbl record;
begin
  for tbl in
    select t.tgrelid::regclass as name from pg_trigger t where t.tgname = '_950_nexus_row_changes'
  loop
    execute format('drop trigger if exists _950_nexus_row_changes on %s', tbl.name);
  end loop;
end;
$$;
drop function if exists nexus.tg__notify_row_change();

/*
 * The publication nexus_row_changes: every tenant table that the request
 * role may read (tables internal to the host, such as refresh_tokens or
 * mail_outbox, have no grant and are left out), present and future, since
 * this file runs again after every migration. Only (tenant_id, id) are
 * published: the gateway re-reads the row as each subscriber, so nothing
 * else needs to travel, and wide rows cost the decoder nothing.
 *
 * A delete's WAL record carries only the replica identity, by default the
 * primary key: (tenant_id, id) on a distributed table, (id) alone on a
 * reference table (docs/scaling.md). Each table's index on (tenant_id, id),
 * the primary key or the unique key beside it, becomes its replica
 * identity, so a delete names its tenant too (the index exists for the
 * composite foreign keys anyway). Truncates are
 * not published: no tenant is named in them.
 */
do $$
declare
  tbl record;
  tables text[] := '{}';
begin
  if not exists (select 1 from pg_publication where pubname = 'nexus_row_changes') then
    create publication nexus_row_changes with (publish = 'insert, update, delete');
  end if;
  for tbl in
    select c.oid::regclass as name,
           (select ic.relname::text
              from pg_index i
              join pg_class ic on ic.oid = i.indexrelid
             where i.indrelid = c.oid and i.indisunique and i.indpred is null and i.indimmediate and i.indnkeyatts = 2
               and (select array_agg(a.attname::text order by a.attname)
                      from pg_attribute a
                     where a.attrelid = c.oid and a.attnum = any (i.indkey)) = array['id', 'tenant_id']
             order by i.indexrelid limit 1) as tenant_key
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    where c.relkind = 'r'
      and pg_catalog.pg_get_userbyid(c.relowner) = 'nexus_owner'
      and n.nspname not in ('graphile_migrate')
      and has_any_column_privilege('nexus_user', c.oid, 'select')
      and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and a.attnotnull and not a.attisdropped)
      and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'id' and a.attnotnull and not a.attisdropped)
    order by 1
  loop
    continue when tbl.tenant_key is null;
    execute format('alter table %s replica identity using index %I', tbl.name, tbl.tenant_key);
    tables := tables || format('%s (id, tenant_id)', tbl.name);
  end loop;
  if cardinality(tables) > 0 then
    execute 'alter publication nexus_row_changes set table ' || array_to_string(tables, ', ');
  end if;
end;
$$;
comment on publication nexus_row_changes is 'Row changes of the tenant tables (tenant_id, id only), decoded by the gateway for realtime subscriptions.';
