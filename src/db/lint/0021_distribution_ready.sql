/*
 * Distribution-ready: the schema can be spread over a Citus cluster as it
 * stands (docs/scaling.md). Every owner table in the checked schemas is a
 * reference table ($7, copied to every worker) or, carrying tenant_id,
 * distributed by it. Citus enforces a primary key, unique key or exclusion
 * constraint of a distributed table only when it contains tenant_id, a
 * foreign key between distributed tables only when it pairs tenant_id with
 * tenant_id, and no foreign key from a reference table to a distributed one.
 * One finding per table, naming every obstacle. What other rules report
 * first is left to them: an exposed table without tenant_id
 * (tenant_id_missing), a nullable tenant_id (tenant_id_nullable), an
 * exposed foreign key that does not pair tenant_id
 * (tenant_fk_without_tenant_id).
 */
with placed as (
  select o.oid, format('%I.%I', o.schema_name, o.table_name) as name,
         o.schema_name = any($1::text[]) as exposed,
         tc.attnum as tenant_attnum, coalesce(tc.attnotnull, false) as tenant_not_null,
         case
           when o.oid = any (array(select to_regclass(r) from unnest($7::text[]) r where to_regclass(r) is not null)) then 'reference'
           when tc.attnum is not null then 'distributed'
           else 'unmarked'
         end as placement
  from nexus.owner_tables o
  left join tenant_column tc on tc.attrelid = o.oid
  where o.schema_name = any($1::text[] || $2::text[])
),
obstacles as (
  select t.name, t.placement, 'it has no tenant_id and is not marked a reference table' as obstacle
  from placed t
  where t.placement = 'unmarked' and not t.exposed
  union all
  select t.name, t.placement,
         format('%s %I does not contain tenant_id',
                case when i.indisprimary then 'primary key' when x.contype = 'x' then 'exclusion constraint' else 'unique index' end,
                ic.relname)
  from placed t
  join pg_index i on i.indrelid = t.oid and (i.indisunique or i.indisexclusion)
  join pg_class ic on ic.oid = i.indexrelid
  left join pg_constraint x on x.conindid = i.indexrelid and x.conrelid = t.oid
  where t.placement = 'distributed' and t.tenant_not_null
    and t.tenant_attnum <> all ((string_to_array(i.indkey::text, ' ')::int2[])[1:i.indnkeyatts])
  union all
  select t.name, t.placement,
         format('foreign key %I references distributed table %s without pairing tenant_id with tenant_id', con.conname, con.confrelid::regclass)
  from placed t
  join pg_constraint con on con.conrelid = t.oid and con.contype = 'f'
  join placed parent on parent.oid = con.confrelid and parent.placement = 'distributed'
  where t.placement = 'distributed' and not t.exposed
    and not exists (
      select 1 from unnest(con.conkey, con.confkey) as pair(child_attnum, parent_attnum)
      where pair.child_attnum = t.tenant_attnum and pair.parent_attnum = parent.tenant_attnum
    )
  union all
  select t.name, t.placement,
         format('foreign key %I references distributed table %s, and Citus keeps no foreign key from a reference table to a distributed one',
                con.conname, con.confrelid::regclass)
  from placed t
  join pg_constraint con on con.conrelid = t.oid and con.contype = 'f'
  join placed parent on parent.oid = con.confrelid and parent.placement = 'distributed'
  where t.placement = 'reference'
)
select 'WARN', name,
       string_agg(obstacle, '; ' order by obstacle),
       case placement
         when 'unmarked' then format('Add "tenant_id uuid not null references platform.tenants" to %s, or mark it a reference table in src/db/lint.ts (TENANT_REFERENCE_TABLES) if its rows are global.', name)
         when 'reference' then format('Mark the tables %s points at reference tables too (src/db/lint.ts, TENANT_REFERENCE_TABLES), or drop those foreign keys.', name)
         else format('Make the primary key of %s (tenant_id, id) and put tenant_id in each of its unique keys and foreign keys, or mark it a reference table (src/db/lint.ts, TENANT_REFERENCE_TABLES) if a key is unique across tenants.', name)
       end
from obstacles
group by name, placement
