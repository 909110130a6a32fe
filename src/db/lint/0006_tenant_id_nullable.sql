/* A row without a tenant belongs to nobody, and composite foreign keys skip their check when a column is null. */
select 'WARN', t.name,
       'tenant_id accepts null: such a row belongs to no tenant and escapes its composite foreign keys',
       format('Run "alter table %s alter column tenant_id set not null".', t.name)
from tenant_tables t
where not t.tenant_not_null
