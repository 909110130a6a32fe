/*
 * db:lint — the tenancy and security contract checked against the live
 * catalog, in the spirit of Supabase's splinter. This file holds the views
 * of the catalog that several rules share; each rule is one file beside it,
 * NNNN_rule_name.sql, whose name is the rule's name. src/db/lint.ts runs them
 * all as one read-only query: these CTEs, then each rule as a CTE of its own.
 *
 * Every rule file is one select returning, in this order:
 *   level   'ERROR' when a request role can, or could, reach another
 *           tenant's rows, a secret, or the owner's rights; 'WARN' when a
 *           defence or a guarantee the contract relies on is missing; 'INFO'
 *           when a deliberate design can look the same as a mistake
 *   object  schema.table, schema.table.column, schema.function(args) or
 *           "policy name on schema.table"
 *   detail  what exactly was found
 *   fix     the remediation, one sentence
 * A rule may open with its own `with` for the steps only it needs.
 *
 * Parameters, bound by src/db/lint.ts:
 *   $1 text[]  exposed schemas: what PostGraphile reflects into GraphQL
 *   $2 text[]  internal helper schemas: checked for security definer functions
 *   $3 text[]  request roles (nexus_user, nexus_anonymous)
 *   $4 text[]  global catalogs: exposed tables without tenant_id by design
 *   $5 text[]  tenant roots (platform.tenants)
 *   $6 text[]  security definer functions the request roles are meant to run
 *   $7 text[]  Citus reference tables: copied to every worker, not distributed
 *
 * Rules that pg_policy text cannot decide (does a policy admit rows when the
 * claim is missing?) are probed by src/db/lint.ts instead.
 */
exposed_tables as (
  select c.oid, format('%I.%I', n.nspname, c.relname) as name, c.relrowsecurity, c.relforcerowsecurity
  from pg_class c
  join pg_namespace n on n.oid = c.relnamespace
  where n.nspname = any($1::text[])
    and c.relkind in ('r', 'p')
    and not exists (
      select 1 from pg_depend d
      where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e'
    )
),

tenant_column as (
  select a.attrelid, a.attnum, a.attnotnull
  from pg_attribute a
  where a.attname = 'tenant_id' and a.attnum > 0 and not a.attisdropped
),

/*
 * The tenant-owned tables among them, as the conventions decide it: the
 * catalog view nexus.owner_tables, which policies/ and the migration lock
 * read too, so the lint checks exactly the tables the policies were given.
 */
tenant_tables as (
  select t.*, tc.attnum as tenant_attnum, tc.attnotnull as tenant_not_null
  from exposed_tables t
  join nexus.owner_tables o on o.oid = t.oid and o.tenant_owned
  join tenant_column tc on tc.attrelid = t.oid
),

/* Key columns of every valid, non-partial index, as a 1-based int2[]. */
full_indexes as (
  select i.indexrelid, i.indrelid,
         (string_to_array(i.indkey::text, ' ')::int2[])[1:i.indnkeyatts] as keys
  from pg_index i
  where i.indisvalid and i.indpred is null
),

policies as (
  select p.oid, p.polname, p.polrelid, p.polcmd, p.polpermissive, p.polroles,
         p.polqual, p.polwithcheck, t.name as table_name,
         format('policy %I on %s', p.polname, t.name) as name
  from pg_policy p
  join exposed_tables t on t.oid = p.polrelid
),

/*
 * Security definer functions run with their owner's rights. Checked in the
 * exposed schemas and in the internal helper schemas.
 */
definer_functions as (
  select p.oid, n.nspname, p.proconfig,
         format('%I.%I(%s)', n.nspname, p.proname, oidvectortypes(p.proargtypes)) as name,
         n.nspname = any($1::text[]) as exposed,
         p.oid = any (array(select to_regprocedure(f) from unnest($6::text[]) f where to_regprocedure(f) is not null)) as allowed,
         (select string_agg(r, ', ' order by r) from unnest($3::text[]) r where has_function_privilege(r, p.oid, 'execute')) as callers,
         p.proacl is null or exists (select 1 from aclexplode(p.proacl) a where a.grantee = 0 and a.privilege_type = 'EXECUTE') as public_execute
  from pg_proc p
  join pg_namespace n on n.oid = p.pronamespace
  where p.prosecdef
    and (n.nspname = any($1::text[]) or n.nspname = any($2::text[]))
    and not exists (
      select 1 from pg_depend d
      where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e'
    )
)
