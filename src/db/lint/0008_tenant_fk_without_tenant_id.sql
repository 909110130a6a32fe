/*
 * A foreign key between two tenant tables must pair tenant_id with
 * tenant_id: otherwise a row can point into another tenant, and the
 * foreign-key error itself reveals that the other tenant's id exists.
 */
select 'ERROR', t.name,
       format('foreign key %I references tenant table %s without pairing tenant_id with tenant_id',
              con.conname, con.confrelid::regclass),
       format('Make %I composite: foreign key (tenant_id, %s) references %s (tenant_id, %s).',
              con.conname,
              (select string_agg(quote_ident(a.attname), ', ' order by k.ord) from unnest(con.conkey) with ordinality k(attnum, ord)
                 join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum where k.attnum <> t.tenant_attnum),
              con.confrelid::regclass,
              (select string_agg(quote_ident(a.attname), ', ' order by k.ord) from unnest(con.confkey) with ordinality k(attnum, ord)
                 join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.attnum where k.attnum <> parent.attnum))
from tenant_tables t
join pg_constraint con on con.conrelid = t.oid and con.contype = 'f'
join tenant_column parent on parent.attrelid = con.confrelid
where not exists (
  select 1 from unnest(con.conkey, con.confkey) as pair(child_attnum, parent_attnum)
  where pair.child_attnum = t.tenant_attnum and pair.parent_attnum = parent.attnum
)
