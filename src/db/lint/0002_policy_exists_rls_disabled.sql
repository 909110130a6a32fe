/* Policies on a table without row level security are written but never applied. */
select 'ERROR', t.name,
       format('policies %s exist but row level security is disabled, so none of them applies',
              (select string_agg(quote_ident(p.polname), ', ' order by p.polname) from pg_policy p where p.polrelid = t.oid)),
       format('Run "alter table %s enable row level security, force row level security" where the table is created.', t.name)
from exposed_tables t
where not t.relrowsecurity
  and exists (select 1 from pg_policy p where p.polrelid = t.oid)
