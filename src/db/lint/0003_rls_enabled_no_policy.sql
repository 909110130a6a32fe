/*
 * Row level security without a policy denies everything. Deliberate for a
 * table only the host reaches (INFO), a mistake when a request role holds a
 * grant on it that can never return a row (WARN).
 */
select case when granted.roles is not null then 'WARN' else 'INFO' end,
       t.name,
       case when granted.roles is not null
            then format('row level security is enabled without any policy, yet %s hold grants on it: they can never reach a row', granted.roles)
            else 'row level security is enabled without any policy: no request role can reach a row' end,
       case when granted.roles is not null
            then format('Add the policies for %s to the module''s policies/ file, or revoke the grants.', granted.roles)
            else format('Add policies if requests should reach %s; if only the host should, consider moving it out of the exposed schema.', t.name) end
from exposed_tables t
cross join lateral (
  select string_agg(r, ', ' order by r) as roles
  from unnest($3::text[]) r
  where has_table_privilege(r, t.oid, 'select, insert, update, delete, truncate')
     or has_any_column_privilege(r, t.oid, 'select, insert, update')
) granted
where t.relrowsecurity
  and not exists (select 1 from pg_policy p where p.polrelid = t.oid)
