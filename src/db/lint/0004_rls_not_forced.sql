/*
 * The owner bypasses row level security unless it is forced, and security
 * definer functions and views run as the owner: one of them would read
 * across tenants.
 */
select 'WARN', t.name,
       'row level security is not forced, so the table owner (and every security definer function or view it owns) bypasses the tenant policies',
       format('Run "alter table %s force row level security" where the table is created.', t.name)
from tenant_tables t
where t.relrowsecurity and not t.relforcerowsecurity
