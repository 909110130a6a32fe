/* Without a primary key PostGraphile generates no node id and no update or delete mutation, and rows cannot be told apart. */
select 'WARN', t.name,
       'the table has no primary key',
       format('Add "id uuid primary key default gen_random_uuid()" to %s (docs/data-model.md, rule 2: keys).', t.name)
from exposed_tables t
where not exists (select 1 from pg_constraint con where con.conrelid = t.oid and con.contype = 'p')
