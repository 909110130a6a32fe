/*
 * What every module relies on: the claims helpers for the request roles,
 * the host's entry to nexus_auth, and the table rights of nexus_auth, the
 * BYPASSRLS owner of the host's SECURITY DEFINER functions.
 * Re-applied after every migration; idempotent.
 *
 * Policies are declared from scratch: every policy on the owner's tables is
 * dropped here and the files that follow create the current set, all in
 * one transaction, so a policy removed from a file is gone from the
 * database too and no request ever sees a half-applied contract.
 */
do $$
declare
  pol record;
begin
  for pol in
    select p.polname, t.name as tbl
    from pg_policy p
    join nexus.owner_tables t on t.oid = p.polrelid
  loop
    execute format('drop policy %I on %s', pol.polname, pol.tbl);
  end loop;
end;
$$;

/* nexus.declare_tenant_policies, which the module files call, is defined in functions/nexus.sql. */

grant usage on schema nexus to nexus_user, nexus_anonymous, nexus_auth;
/* Loops that run as nexus_auth (the RESTORE_ permissions of 20_school.sql) read the catalog view too. */
grant select on nexus.owner_tables to nexus_auth;
/* The functions' own grants (the claims helpers' to the request roles, say) are in functions/. */

grant usage on schema nexus_auth to nexus_user, nexus_authenticator;
grant usage on schema platform to nexus_auth;
grant select, insert, update, delete on all tables in schema platform to nexus_auth;

/*
 * Readiness compares the newest applied migration with the newest file
 * (nexus_auth.migration_head). graphile-migrate's table belongs to whoever
 * migrates; where this connection may not grant on it, /ready says so.
 */
do $$
begin
  grant usage on schema graphile_migrate to nexus_auth;
  grant select on graphile_migrate.migrations to nexus_auth;
exception when insufficient_privilege or invalid_schema_name or undefined_table then
  raise notice 'readiness cannot read graphile_migrate.migrations: %', sqlerrm;
end;
$$;

/*
 * Rights on nexus_auth's functions are given by their owner, so switch to
 * it (the session user is a superuser, or holds nexus_owner and nexus_auth).
 */
set local role nexus_auth;

/*
 * The host (logged in as nexus_authenticator, never switching role for
 * these calls) signs users in and out through nexus_auth. GraphQL requests
 * always switch to nexus_anonymous or nexus_user, which cannot call them.
 */
do $$
declare
  fn regprocedure;
begin
  for fn in
    select p.oid::regprocedure
    from pg_proc p
    where p.pronamespace = 'nexus_auth'::regnamespace
      and p.prorettype <> 'trigger'::regtype
      and p.proname <> 'sync_permission_catalog'
  loop
    execute format('grant execute on function %s to nexus_authenticator', fn);
  end loop;
end;
$$;

set local role nexus_owner;
