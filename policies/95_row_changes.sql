/*
 * Realtime: every tenant table, present and future, announces its row
 * changes on its tenant's channel, `nexus:changes:<tenant_id>`, as
 * {table, op, id}. Only the key travels: the gateway re-reads the row as
 * the subscriber, through RLS, before delivering anything. Named
 * `_950_nexus_row_changes` so it fires after the row is final and apart
 * from other modules' triggers (the audit trigger, say).
 */
/* The trigger function, nexus.tg__notify_row_change, is defined in functions/nexus.sql. */

do $$
declare
  tbl record;
begin
  for tbl in
    select t.name from nexus.owner_tables t where t.tenant_owned and t.has_id
  loop
    execute format('drop trigger if exists _950_nexus_row_changes on %s', tbl.name);
    execute format(
      'create trigger _950_nexus_row_changes after insert or update or delete on %s '
      'for each row execute function nexus.tg__notify_row_change()',
      tbl.name);
  end loop;
end;
$$;
