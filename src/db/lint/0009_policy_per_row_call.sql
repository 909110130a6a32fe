/*
 * A function call in a policy that does not depend on the row gives the same
 * answer for every row; wrapped as (select f()) PostgreSQL runs it once per
 * statement as an initPlan, bare it runs once per row. The stored parse
 * tree (pg_policy.polqual) is read instead of the deparsed text, so quoting
 * and formatting cannot hide a call: a FUNCEXPR node (explicit call or SQL
 * syntax, not a cast) is flagged unless it lies inside a scalar subquery
 * (SUBLINK of type 4, EXPR_SUBLINK) or has a column of the row (a VAR node)
 * among its arguments, which wrapping could not help.
 */
with
policy_trees as (
  select p.oid, p.name, e.clause, e.tree
  from policies p
  cross join lateral (values ('using', p.polqual::text), ('with check', p.polwithcheck::text)) as e(clause, tree)
  where e.tree is not null
),
policy_nodes as (
  select pt.oid, pt.name, pt.clause, m.ord, m.token[1] = '}' as closes, m.token[2] as node,
         m.token[3]::oid as funcid, m.token[4]::int as funcformat, m.token[5]::int as sublink_type,
         sum(case when m.token[1] = '}' then -1 else 1 end)
           over (partition by pt.oid, pt.clause order by m.ord) as depth
  from policy_trees pt
  cross join lateral regexp_matches(
    pt.tree,
    '(?<!\\)(\{([A-Z_]+)(?: :funcid (\d+) :funcresulttype \d+ :funcretset \w+ :funcvariadic \w+ :funcformat (\d+))?(?: :subLinkType (\d+))?|\})',
    'g') with ordinality as m(token, ord)
),
policy_spans as (
  select n.*,
         (select min(c.ord) from policy_nodes c
          where c.oid = n.oid and c.clause = n.clause and c.closes and c.ord > n.ord and c.depth = n.depth - 1) as ends
  from policy_nodes n
  where not n.closes and n.node in ('FUNCEXPR', 'SUBLINK', 'VAR')
),
per_row_calls as (
  select f.oid, f.name, f.clause, f.funcid
  from policy_spans f
  where f.node = 'FUNCEXPR'
    and f.funcformat in (0, 3)
    and not exists (
      select 1 from policy_spans s
      where s.oid = f.oid and s.clause = f.clause and s.node = 'SUBLINK' and s.sublink_type = 4
        and s.ord < f.ord and s.ends > f.ord
    )
    and not exists (
      select 1 from policy_spans v
      where v.oid = f.oid and v.clause = f.clause and v.node = 'VAR'
        and v.ord > f.ord and v.ord < f.ends
    )
)
select 'WARN', c.name,
       format('calls %s once per row instead of once per statement',
              string_agg(distinct format('%s() in %s', c.funcid::regproc, c.clause), ', ')),
       'Wrap each such call as a scalar subquery, e.g. "tenant_id = (select nexus.current_tenant_id())".'
from per_row_calls c
group by c.oid, c.name
