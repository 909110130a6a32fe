/*
 * A refused write is answered with the comment of the CHECK it broke (the
 * GraphQL error's message): a CHECK without one leaves a form with only the
 * constraint's name to show.
 */
select 'WARN', format('constraint %I on %I.%I', co.conname, n.nspname, c.relname),
       'a CHECK constraint has no comment, so a refused write has no message a form can show',
       format('Add "comment on constraint %I on %I.%I is ''<what the value must be, as a sentence for the user>'';" in a new migration (docs/conventions.md).',
              co.conname, n.nspname, c.relname)
from pg_constraint co
join pg_class c on c.oid = co.conrelid
join pg_namespace n on n.oid = c.relnamespace
where co.contype = 'c'
  and n.nspname = any($1::text[])
  and pg_catalog.obj_description(co.oid, 'pg_constraint') is null
