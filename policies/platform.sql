/*
 * platform: tenants and users.
 * Grants are declared from scratch on every run (revoke, then grant), so a
 * grant removed here is removed from the database too.
 */
revoke all on all tables in schema platform from nexus_user, nexus_anonymous;
grant usage on schema platform to nexus_user;

/* A tenant sees itself and nothing else. tenants has no tenant_id: it is the root. */
grant select on platform.tenants to nexus_user;
drop policy if exists tenant_self on platform.tenants;
create policy tenant_self on platform.tenants for select to nexus_user
  using (id = (select nexus.current_tenant_id()));

/* Everything but password_hash: the secret is not selectable, so not in GraphQL. */
grant select (id, tenant_id, username, email, created_at, updated_at) on platform.users to nexus_user;
