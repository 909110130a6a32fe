/* Two indexes with the same columns, expressions, operator classes and predicate: every write pays twice for one benefit. */
select 'WARN', t.name,
       format('indexes %s are identical', string_agg(quote_ident(ic.relname), ', ' order by ic.relname)),
       format('Drop all but one of them (keep the one that backs a constraint): %s.',
              string_agg(quote_ident(ic.relname), ', ' order by ic.relname))
from exposed_tables t
join pg_index i on i.indrelid = t.oid
join pg_class ic on ic.oid = i.indexrelid
group by t.oid, t.name, ic.relam, i.indkey::text, i.indnkeyatts, i.indclass::text, i.indcollation::text,
         i.indoption::text, pg_get_expr(i.indexprs, i.indrelid), pg_get_expr(i.indpred, i.indrelid)
having count(*) > 1
