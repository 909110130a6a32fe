--! Previous: sha1:d21315f591d652ed97e4c27685d5c50c08a5c75e
--! Hash: sha1:735bc3b4359f0970894a3789854173b94c4f976c
--! Message: nexus: one catalog view of the owner's tables and their conventions

/*
 * The owner's tables as the conventions see them, written once: every loop
 * over "tables owned by nexus_owner" (policies/, the migration lock in
 * src/db/migrate.ts) reads this view instead of restating the catalog query
 * and its column tests. A column's presence is what opts a table into a
 * convention (docs/conventions.md): tenant_id makes it tenant-owned,
 * deleted_at soft-deletable, created_by/updated_by authored, updated_at
 * kept by the shared trigger.
 */
create view nexus.owner_tables with (security_invoker = true) as
select c.oid,
       c.oid::regclass as name,
       n.nspname::text as schema_name,
       c.relname::text as table_name,
       upper(c.relname) as entity,
       col.tenant_id as tenant_owned,
       col.id as has_id,
       col.deleted_at as soft_deletable,
       col.created_by and col.updated_by as authored,
       col.updated_at as has_updated_at,
       col.import_hash as has_import_hash
from pg_catalog.pg_class c
join pg_catalog.pg_namespace n on n.oid = c.relnamespace
cross join lateral (
  select bool_or(a.attname = 'tenant_id') as tenant_id,
         bool_or(a.attname = 'id') as id,
         bool_or(a.attname = 'deleted_at') as deleted_at,
         bool_or(a.attname = 'created_by') as created_by,
         bool_or(a.attname = 'updated_by') as updated_by,
         bool_or(a.attname = 'updated_at') as updated_at,
         bool_or(a.attname = 'import_hash') as import_hash
  from pg_catalog.pg_attribute a
  where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
) col
where c.relkind in ('r', 'p')
  and pg_catalog.pg_get_userbyid(c.relowner) = 'nexus_owner'
  and n.nspname <> 'graphile_migrate';
revoke all on nexus.owner_tables from public;
comment on view nexus.owner_tables is 'The tables of nexus_owner and the conventions their columns opt them into (tenant-owned, soft-deletable, authored, updated_at, import_hash). Read by policies/ and the migration lock; not exposed to GraphQL.';
