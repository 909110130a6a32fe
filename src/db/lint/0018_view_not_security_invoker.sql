/* A view runs as its owner unless it is security_invoker, so the caller's row level security does not apply. */
select 'ERROR', format('%I.%I', n.nspname, c.relname),
       'the view runs with its owner''s rights, so the row level security of the caller does not apply',
       format('Recreate it with "create view %I.%I with (security_invoker = true) as …" or run "alter view %I.%I set (security_invoker = true)".',
              n.nspname, c.relname, n.nspname, c.relname)
from pg_class c
join pg_namespace n on n.oid = c.relnamespace
where c.relkind = 'v'
  and n.nspname = any($1::text[])
  and not exists (
    select 1 from unnest(c.reloptions) o
    where lower(o) in ('security_invoker=true', 'security_invoker=on', 'security_invoker=1', 'security_invoker=yes')
  )
