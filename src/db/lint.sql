/*
 * db:lint — the tenancy and security contract checked against the live
 * catalog, in the spirit of Supabase's splinter. One read-only query: each
 * rule is one CTE returning (level, rule, object, detail, fix) rows.
 *
 * Parameters, bound by src/db/lint.ts:
 *   $1 text[]  exposed schemas: what PostGraphile reflects into GraphQL
 *   $2 text[]  internal helper schemas: checked for security definer functions
 *   $3 text[]  request roles (nexus_user, nexus_anonymous)
 *   $4 text[]  global catalogs: exposed tables without tenant_id by design
 *   $5 text[]  tenant roots (platform.tenants)
 *   $6 text[]  security definer functions the request roles are meant to run
 *
 * Levels: ERROR when a request role can, or could, reach another tenant's
 * rows, a secret, or the owner's rights; WARN when a defence or a guarantee
 * the contract relies on is missing; INFO when a deliberate design can look
 * the same as a mistake.
 *
 * Rules that pg_policy text cannot decide (does a policy admit rows when the
 * claim is missing?) are probed by src/db/lint.ts instead.
 */
with
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

tenant_tables as (
  select t.*, tc.attnum as tenant_attnum, tc.attnotnull as tenant_not_null
  from exposed_tables t
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
 * Without row level security a grant is the whole story: whoever may select
 * sees every tenant's rows. (A table that has policies is reported by
 * policy_exists_rls_disabled instead, with the sharper fix.)
 */
rls_disabled_in_exposed_schema as (
  select 'ERROR' as level, 'rls_disabled_in_exposed_schema' as rule, t.name as object,
         'row level security is disabled on a table GraphQL exposes' as detail,
         format('Run "alter table %s enable row level security, force row level security" where the table is created and give it policies in its module''s policies/ file.', t.name) as fix
  from exposed_tables t
  where not t.relrowsecurity
    and not exists (select 1 from pg_policy p where p.polrelid = t.oid)
),

/* Policies on a table without row level security are written but never applied. */
policy_exists_rls_disabled as (
  select 'ERROR', 'policy_exists_rls_disabled', t.name,
         format('policies %s exist but row level security is disabled, so none of them applies',
                (select string_agg(quote_ident(p.polname), ', ' order by p.polname) from pg_policy p where p.polrelid = t.oid)),
         format('Run "alter table %s enable row level security, force row level security" where the table is created.', t.name)
  from exposed_tables t
  where not t.relrowsecurity
    and exists (select 1 from pg_policy p where p.polrelid = t.oid)
),

/*
 * Row level security without a policy denies everything. Deliberate for a
 * table only the host reaches (INFO), a mistake when a request role holds a
 * grant on it that can never return a row (WARN).
 */
rls_enabled_no_policy as (
  select case when granted.roles is not null then 'WARN' else 'INFO' end,
         'rls_enabled_no_policy', t.name,
         case when granted.roles is not null
              then format('row level security is enabled without any policy, yet %s hold grants on it: they can never reach a row', granted.roles)
              else 'row level security is enabled without any policy: no request role can reach a row' end,
         case when granted.roles is not null
              then format('Add the policies for %s to the module''s policies/ file, or revoke the grants.', granted.roles)
              else format('Add policies if requests should reach %s; if only the host should, consider moving it out of the exposed schema.', t.name) end
  from exposed_tables t
  cross join lateral (
    select string_agg(r, ', ' order by r) as roles
    from unnest($3::text[]) r
    where has_table_privilege(r, t.oid, 'select, insert, update, delete, truncate')
       or has_any_column_privilege(r, t.oid, 'select, insert, update')
  ) granted
  where t.relrowsecurity
    and not exists (select 1 from pg_policy p where p.polrelid = t.oid)
),

/*
 * The owner bypasses row level security unless it is forced, and security
 * definer functions and views run as the owner: one of them would read
 * across tenants.
 */
rls_not_forced as (
  select 'WARN', 'rls_not_forced', t.name,
         'row level security is not forced, so the table owner (and every security definer function or view it owns) bypasses the tenant policies',
         format('Run "alter table %s force row level security" where the table is created.', t.name)
  from tenant_tables t
  where t.relrowsecurity and not t.relforcerowsecurity
),

/*
 * Every exposed table carries tenant_id (DATA-MODEL.md rule 1) unless it is
 * a declared global catalog or the tenant root: without it no policy can
 * tell one tenant's rows from another's.
 */
tenant_id_missing as (
  select 'ERROR', 'tenant_id_missing', t.name,
         'an exposed table without tenant_id that is neither a declared global catalog nor the tenant root',
         format('Add "tenant_id uuid not null references platform.tenants" to %s, or declare it a global catalog in src/db/lint.ts (GLOBAL_CATALOGS) if every tenant shares it.', t.name)
  from exposed_tables t
  where not exists (select 1 from tenant_column tc where tc.attrelid = t.oid)
    and t.oid <> all (array(select to_regclass(g) from unnest($4::text[] || $5::text[]) g where to_regclass(g) is not null))
),

/* A row without a tenant belongs to nobody, and composite foreign keys skip their check when a column is null. */
tenant_id_nullable as (
  select 'WARN', 'tenant_id_nullable', t.name,
         'tenant_id accepts null: such a row belongs to no tenant and escapes its composite foreign keys',
         format('Run "alter table %s alter column tenant_id set not null".', t.name)
  from tenant_tables t
  where not t.tenant_not_null
),

/* Every tenant policy filters on tenant_id first; without an index leading with it each query scans every tenant's rows. */
tenant_id_not_indexed as (
  select 'WARN', 'tenant_id_not_indexed', t.name,
         'no index has tenant_id as its first column, so every tenant-filtered query scans all tenants'' rows',
         format('Add "unique (tenant_id, id)" to %s (DATA-MODEL.md rule 2), or another index that starts with tenant_id.', t.name)
  from tenant_tables t
  where not exists (select 1 from full_indexes i where i.indrelid = t.oid and i.keys[1] = t.tenant_attnum)
),

/*
 * A foreign key between two tenant tables must pair tenant_id with
 * tenant_id: otherwise a row can point into another tenant, and the
 * foreign-key error itself reveals that the other tenant's id exists.
 */
tenant_fk_without_tenant_id as (
  select 'ERROR', 'tenant_fk_without_tenant_id', t.name,
         format('foreign key %I references tenant table %s without pairing tenant_id with tenant_id',
                con.conname, con.confrelid::regclass),
         format('Make %I composite: foreign key (tenant_id, %s) references %s (tenant_id, %s).',
                con.conname,
                (select string_agg(quote_ident(a.attname), ', ' order by k.ord) from unnest(con.conkey) with ordinality k(attnum, ord)
                   join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum where k.attnum <> t.tenant_attnum),
                con.confrelid::regclass,
                (select string_agg(quote_ident(a.attname), ', ' order by k.ord) from unnest(con.confkey) with ordinality k(attnum, ord)
                   join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.attnum where k.attnum <> parent.attnum))
  from tenant_tables t
  join pg_constraint con on con.conrelid = t.oid and con.contype = 'f'
  join tenant_column parent on parent.attrelid = con.confrelid
  where not exists (
    select 1 from unnest(con.conkey, con.confkey) as pair(child_attnum, parent_attnum)
    where pair.child_attnum = t.tenant_attnum and pair.parent_attnum = parent.attnum
  )
),

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
),
policy_per_row_call as (
  select 'WARN', 'policy_per_row_call', c.name,
         format('calls %s once per row instead of once per statement',
                string_agg(distinct format('%s() in %s', c.funcid::regproc, c.clause), ', ')),
         'Wrap each such call as a scalar subquery, e.g. "tenant_id = (select nexus.current_tenant_id())".'
  from per_row_calls c
  group by c.oid, c.name
),

/*
 * Permissive policies are OR-ed: two for the same role and command mean
 * the weaker one decides, and PostgreSQL evaluates both for every row.
 * A policy FOR ALL counts for every command; TO PUBLIC for every request role.
 */
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
),
multiple_permissive_policies as (
  select 'WARN', 'multiple_permissive_policies', o.table_name,
         format('permissive policies %s all apply to %s on %s', array_to_string(o.names, ', '), o.role,
                string_agg(o.command, ', ' order by o.command)),
         'Merge them into one policy per role and command (one condition with "or"), or make the narrowing ones "as restrictive".'
  from overlapping_policies o
  group by o.polrelid, o.table_name, o.role, o.names
),

/* A write policy that is literally true lets every request write into any tenant. */
policy_always_true as (
  select 'ERROR', 'policy_always_true', p.name,
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
),

/* A foreign key without an index on its columns makes every delete or key change in the parent scan the child. */
unindexed_foreign_key as (
  select 'WARN', 'unindexed_foreign_key', t.name,
         format('foreign key %I (%s) has no index whose leading columns are its columns', con.conname, cols.list),
         format('Run "create index on %s (%s)".', t.name, cols.list)
  from exposed_tables t
  join pg_constraint con on con.conrelid = t.oid and con.contype = 'f'
  cross join lateral (
    select string_agg(quote_ident(a.attname), ', ' order by k.ord) as list
    from unnest(con.conkey) with ordinality k(attnum, ord)
    join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum
  ) cols
  where not exists (
    select 1 from full_indexes i
    where i.indrelid = t.oid
      and cardinality(i.keys) >= cardinality(con.conkey)
      and i.keys[1:cardinality(con.conkey)] @> con.conkey
      and i.keys[1:cardinality(con.conkey)] <@ con.conkey
  )
),

/* Two indexes with the same columns, expressions, operator classes and predicate: every write pays twice for one benefit. */
duplicate_index as (
  select 'WARN', 'duplicate_index', t.name,
         format('indexes %s are identical', string_agg(quote_ident(ic.relname), ', ' order by ic.relname)),
         format('Drop all but one of them (keep the one that backs a constraint): %s.',
                string_agg(quote_ident(ic.relname), ', ' order by ic.relname))
  from exposed_tables t
  join pg_index i on i.indrelid = t.oid
  join pg_class ic on ic.oid = i.indexrelid
  group by t.oid, t.name, ic.relam, i.indkey::text, i.indnkeyatts, i.indclass::text, i.indcollation::text,
           i.indoption::text, pg_get_expr(i.indexprs, i.indrelid), pg_get_expr(i.indpred, i.indrelid)
  having count(*) > 1
),

/* Without a primary key PostGraphile generates no node id and no update or delete mutation, and rows cannot be told apart. */
no_primary_key as (
  select 'WARN', 'no_primary_key', t.name,
         'the table has no primary key',
         format('Add "id uuid primary key default gen_random_uuid()" to %s (DATA-MODEL.md rule 2).', t.name)
  from exposed_tables t
  where not exists (select 1 from pg_constraint con where con.conrelid = t.oid and con.contype = 'p')
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
),

/* Without a pinned search_path the caller decides which tables and functions the owner's rights reach. */
security_definer_search_path as (
  select 'ERROR', 'security_definer_search_path', f.name,
         'a security definer function without a fixed search_path resolves names through the caller''s search_path',
         format('Add "set search_path = pg_catalog" (and schema-qualify every name) to %s.', f.name)
  from definer_functions f
  where not exists (select 1 from unnest(f.proconfig) c where c like 'search_path=%')
),

/* An exposed function becomes a GraphQL field: a request could run it with the owner's rights. */
security_definer_exposed as (
  select 'ERROR', 'security_definer_exposed', f.name,
         format('a security definer function GraphQL exposes is executable by %s',
                case when f.public_execute then 'PUBLIC' else f.callers end),
         format('Move %s to an internal schema, or make it security invoker; revoke execute from %s.',
                f.name, case when f.public_execute then 'public' else f.callers end)
  from definer_functions f
  where f.exposed and f.callers is not null
),

/*
 * Outside the exposed schemas the request roles may execute only the
 * reviewed helpers of REQUEST_ROLE_HELPERS in src/db/lint.ts: each entry is
 * a decision that policies may run that function with its owner's rights.
 */
security_definer_not_allowed as (
  select 'WARN', 'security_definer_not_allowed', f.name,
         format('a security definer function outside the reviewed helpers is executable by %s',
                case when f.public_execute then 'PUBLIC' else f.callers end),
         format('Revoke execute on %s from %s, or add it to REQUEST_ROLE_HELPERS in src/db/lint.ts once reviewed.',
                f.name, case when f.public_execute then 'public' else f.callers end)
  from definer_functions f
  where not f.exposed and not f.allowed and f.callers is not null
),

/* A view runs as its owner unless it is security_invoker, so the caller's row level security does not apply. */
view_not_security_invoker as (
  select 'ERROR', 'view_not_security_invoker', format('%I.%I', n.nspname, c.relname),
         'the view runs with its owner''s rights, so the row level security of the caller does not apply',
         format('Recreate it with "create view %I.%I with (security_invoker = true) as …" or run "alter view %I.%I set (security_invoker = true)".',
                n.nspname, c.relname, n.nspname, c.relname)
  from pg_class c
  join pg_namespace n on n.oid = c.relnamespace
  where c.relkind = 'v'
    and n.nspname = any($1::text[])
    and not exists (
      select 1 from unnest(c.reloptions) o
      where lower(o) in ('security_invoker=true', 'security_invoker=on', 'security_invoker=1', 'security_invoker=yes')
    )
),

/*
 * Passwords, tokens, hashes and secrets never reach a request role (through
 * a column grant or a table grant). Only columns that can hold such a value
 * count: a timestamp, flag or number named after one (password_changed_at)
 * is not a secret, and neither is import_hash, a fingerprint of an imported
 * record's content that importing clients need to read.
 */
sensitive_column_readable as (
  select 'ERROR', 'sensitive_column_readable', format('%I.%I.%I', n.nspname, c.relname, a.attname),
         format('a column named like a secret is selectable by %s', readers.roles),
         format('Revoke select on %I.%I from %s and grant select with a column list that leaves out %I.',
                n.nspname, c.relname, readers.roles, a.attname)
  from pg_attribute a
  join pg_class c on c.oid = a.attrelid
  join pg_namespace n on n.oid = c.relnamespace
  join pg_type ty on ty.oid = a.atttypid
  cross join lateral (
    select string_agg(r, ', ' order by r) as roles
    from unnest($3::text[]) r
    where has_column_privilege(r, c.oid, a.attnum, 'select')
  ) readers
  where n.nspname = any($1::text[])
    and c.relkind in ('r', 'p', 'v', 'm', 'f')
    and a.attnum > 0 and not a.attisdropped
    and a.attname ~* '(password|passwd|token|hash|secret)'
    and a.attname <> 'import_hash'
    and ty.typcategory not in ('B', 'D', 'N', 'T')
    and readers.roles is not null
)
,

/*
 * A refused write is answered with the comment of the CHECK it broke: a
 * CHECK without one leaves a form with only the constraint's name to show.
 * Self-contained: reads pg_constraint only.
 */
check_constraint_comment as (
  select 'WARN', 'check_constraint_comment', format('constraint %I on %I.%I', co.conname, n.nspname, c.relname),
         'a CHECK constraint has no comment, so a refused write has no message a form can show',
         format('Add "comment on constraint %I on %I.%I is ''<what the value must be, as a sentence for the user>'';" in a new migration.',
                co.conname, n.nspname, c.relname)
  from pg_constraint co
  join pg_class c on c.oid = co.conrelid
  join pg_namespace n on n.oid = c.relnamespace
  where co.contype = 'c'
    and n.nspname = any($1::text[])
    and pg_catalog.obj_description(co.oid, 'pg_constraint') is null
)

select * from rls_disabled_in_exposed_schema
union all select * from policy_exists_rls_disabled
union all select * from rls_enabled_no_policy
union all select * from rls_not_forced
union all select * from tenant_id_missing
union all select * from tenant_id_nullable
union all select * from tenant_id_not_indexed
union all select * from tenant_fk_without_tenant_id
union all select * from policy_per_row_call
union all select * from multiple_permissive_policies
union all select * from policy_always_true
union all select * from unindexed_foreign_key
union all select * from duplicate_index
union all select * from no_primary_key
union all select * from security_definer_search_path
union all select * from security_definer_exposed
union all select * from security_definer_not_allowed
union all select * from view_not_security_invoker
union all select * from sensitive_column_readable
union all select * from check_constraint_comment
