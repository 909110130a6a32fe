/*
 * Passwords, tokens, hashes and secrets never reach a request role (through
 * a column grant or a table grant). Only columns that can hold such a value
 * count: a timestamp, flag or number named after one (password_changed_at)
 * is not a secret, and neither is import_hash, a fingerprint of an imported
 * record's content that importing clients need to read.
 */
select 'ERROR', format('%I.%I.%I', n.nspname, c.relname, a.attname),
       format('a column named like a secret is selectable by %s', readers.roles),
       format('Revoke select on %I.%I from %s and grant select with a column list that leaves out %I.',
              n.nspname, c.relname, readers.roles, a.attname)
from pg_attribute a
join pg_class c on c.oid = a.attrelid
join pg_namespace n on n.oid = c.relnamespace
join pg_type ty on ty.oid = a.atttypid
cross join lateral (
  select string_agg(r, ', ' order by r) as roles
  from unnest($3::text[]) r
  where has_column_privilege(r, c.oid, a.attnum, 'select')
) readers
where n.nspname = any($1::text[])
  and c.relkind in ('r', 'p', 'v', 'm', 'f')
  and a.attnum > 0 and not a.attisdropped
  and a.attname ~* '(password|passwd|token|hash|secret)'
  and a.attname <> 'import_hash'
  and ty.typcategory not in ('B', 'D', 'N', 'T')
  and readers.roles is not null
