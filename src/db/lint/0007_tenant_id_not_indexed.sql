/* Every tenant policy filters on tenant_id first; without an index leading with it each query scans every tenant's rows. */
select 'WARN', t.name,
       'no index has tenant_id as its first column, so every tenant-filtered query scans all tenants'' rows',
       format('Add "unique (tenant_id, id)" to %s (docs/data-model.md, rule 2: keys), or another index that starts with tenant_id.', t.name)
from tenant_tables t
where not exists (select 1 from full_indexes i where i.indrelid = t.oid and i.keys[1] = t.tenant_attnum)
