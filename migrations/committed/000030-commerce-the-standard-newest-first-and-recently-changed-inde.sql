--! Previous: sha1:ff715772b24dec1c53606fabd33a6221b98cb3b8
--! Hash: sha1:b4e52779dbc5a91db094eba9eb8d18910afce745
--! Message: commerce: the standard newest-first and recently-changed indexes of every commerce table

/*
 * The standard orderings of every commerce table: newest first and
 * recently changed, paged by cursor, (tenant_id, created_at, id) and
 * (tenant_id, updated_at, id) as every tenant table has them. One loop over
 * the commerce schemas, so no table is forgotten; a table without
 * updated_at (the append-only ledgers and event logs) gets the first only.
 */
do $$
declare
  tbl record;
begin
  for tbl in
    select c.oid::regclass as name, c.relname,
           exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'updated_at' and not a.attisdropped) as has_updated_at
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    where c.relkind = 'r'
      and n.nspname in ('crm', 'inventory', 'orders', 'fulfillment', 'shipping', 'purchasing', 'conversations')
      and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
      and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'created_at' and not a.attisdropped)
  loop
    execute format('create index %I on %s (tenant_id, created_at, id)', tbl.relname || '_created_at_idx', tbl.name);
    if tbl.has_updated_at then
      execute format('create index %I on %s (tenant_id, updated_at, id)', tbl.relname || '_updated_at_idx', tbl.name);
    end if;
  end loop;
end
$$;
