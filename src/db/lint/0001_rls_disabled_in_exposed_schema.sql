/*
 * Without row level security a grant is the whole story: whoever may select
 * sees every tenant's rows. (A table that has policies is reported by
 * policy_exists_rls_disabled instead, with the sharper fix.)
 */
select 'ERROR' as level, t.name as object,
       'row level security is disabled on a table GraphQL exposes' as detail,
       format('Run "alter table %s enable row level security, force row level security" where the table is created and give it policies in its module''s policies/ file.', t.name) as fix
from exposed_tables t
where not t.relrowsecurity
  and not exists (select 1 from pg_policy p where p.polrelid = t.oid)
