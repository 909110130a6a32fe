/*
 * Permissive policies are OR-ed: two for the same role and command mean
 * the weaker one decides, and PostgreSQL evaluates both for every row.
 * A policy FOR ALL counts for every command; TO PUBLIC for every request role.
 */
with
policy_grants as (
  select p.polrelid, p.table_name, p.polname, r.role, cmd.name as command
  from policies p
  cross join lateral unnest(p.polroles) as o(roleid)
  cross join lateral (
    select rolname::text from pg_roles where oid = o.roleid
    union all
    select x from unnest($3::text[]) x where o.roleid = 0
  ) as r(role)
  cross join lateral unnest(case p.polcmd when '*' then array['select', 'insert', 'update', 'delete']
                                          when 'r' then array['select'] when 'a' then array['insert']
                                          when 'w' then array['update'] else array['delete'] end) as cmd(name)
  where p.polpermissive
),
overlapping_policies as (
  select g.polrelid, g.table_name, g.role, g.command, array_agg(g.polname::text order by g.polname) as names
  from policy_grants g
  group by g.polrelid, g.table_name, g.role, g.command
  having count(*) > 1
)
select 'WARN', o.table_name,
       format('permissive policies %s all apply to %s on %s', array_to_string(o.names, ', '), o.role,
              string_agg(o.command, ', ' order by o.command)),
       'Merge them into one policy per role and command (one condition with "or"), or make the narrowing ones "as restrictive".'
from overlapping_policies o
group by o.polrelid, o.table_name, o.role, o.names
