/*
 * Every exposed table carries tenant_id (docs/data-model.md, rule 1: the tenant root) unless it is
 * a declared global catalog or the tenant root: without it no policy can
 * tell one tenant's rows from another's.
 */
select 'ERROR', t.name,
       'an exposed table without tenant_id that is neither a declared global catalog nor the tenant root',
       format('Add "tenant_id uuid not null references platform.tenants" to %s, or declare it a global catalog in src/db/lint.ts (GLOBAL_CATALOGS) if every tenant shares it.', t.name)
from exposed_tables t
where not exists (select 1 from tenant_column tc where tc.attrelid = t.oid)
  and t.oid <> all (array(select to_regclass(g) from unnest($4::text[] || $5::text[]) g where to_regclass(g) is not null))
