/* A write policy that is literally true lets every request write into any tenant. */
select 'ERROR', p.name,
       format('a permissive %s policy whose %s is true admits every row of every tenant',
              case p.polcmd when '*' then 'ALL' when 'a' then 'INSERT' when 'w' then 'UPDATE' else 'DELETE' end,
              concat_ws(' and ',
                        case when pg_get_expr(p.polqual, p.polrelid) = 'true' then 'using' end,
                        case when pg_get_expr(p.polwithcheck, p.polrelid) = 'true' then 'with check' end)),
       format('Replace true in %s with the tenant and permission conditions (tenant_id = (select nexus.current_tenant_id()) and …).', p.name)
from policies p
where p.polpermissive
  and p.polcmd in ('*', 'a', 'w', 'd')
  and (pg_get_expr(p.polqual, p.polrelid) = 'true' or pg_get_expr(p.polwithcheck, p.polrelid) = 'true')
