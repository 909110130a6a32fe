/* A foreign key without an index on its columns makes every delete or key change in the parent scan the child. */
select 'WARN', t.name,
       format('foreign key %I (%s) has no index whose leading columns are its columns', con.conname, cols.list),
       format('Run "create index on %s (%s)".', t.name, cols.list)
from exposed_tables t
join pg_constraint con on con.conrelid = t.oid and con.contype = 'f'
cross join lateral (
  select string_agg(quote_ident(a.attname), ', ' order by k.ord) as list
  from unnest(con.conkey) with ordinality k(attnum, ord)
  join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum
) cols
where not exists (
  select 1 from full_indexes i
  where i.indrelid = t.oid
    and cardinality(i.keys) >= cardinality(con.conkey)
    and i.keys[1:cardinality(con.conkey)] @> con.conkey
    and i.keys[1:cardinality(con.conkey)] <@ con.conkey
)
