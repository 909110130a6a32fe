/*
 * platform: tenants, users, groups, roles and permissions, sessions.
 * Grants are declared from scratch on every run (revoke, then grant), so a
 * grant removed here is removed from the database too. Tables without a
 * policy here get the tenant defaults of 90_tenant_defaults.sql: read within
 * the tenant; writes need CREATE_/UPDATE_/DELETE_<TABLE>, which only the
 * admin role holds for platform tables.
 */
revoke all on all tables in schema platform from nexus_user, nexus_anonymous;
grant usage on schema platform to nexus_user;

/* A tenant sees itself only; its admins may rename it. tenants is the root: no tenant_id. */
grant select, update (name) on platform.tenants to nexus_user;
create policy tenant_self_select on platform.tenants for select to nexus_user
  using (id = (select nexus.current_tenant_id()));
create policy tenant_self_update on platform.tenants for update to nexus_user
  using (id = (select nexus.current_tenant_id()) and (select nexus_auth.has_permission('UPDATE_TENANTS')))
  with check (id = (select nexus.current_tenant_id()));

/*
 * Users: everyone reads their tenant's directory; a user edits their own
 * profile, holders of UPDATE_USERS anyone's (and only they change
 * is_active: trigger). Secrets and lockout counters are not granted at all.
 * Accounts are created through the host (they need a password).
 */
grant select (id, tenant_id, username, email, first_name, last_name, phone_number, is_active, email_verified,
              last_login_at, provider, password_changed_at, created_at, updated_at, import_hash, created_by, updated_by,
              deleted_at)
  on platform.users to nexus_user;
grant update (first_name, last_name, phone_number, is_active, deleted_at) on platform.users to nexus_user;
grant delete on platform.users to nexus_user;
/* An archived (deleted) account is hidden like any archived row: shown only on request to RESTORE_USERS holders. */
create policy users_select on platform.users for select to nexus_user
  using (
    tenant_id = (select nexus.current_tenant_id())
    and (
      deleted_at is null
      or ((select pg_catalog.current_setting('nexus.include_archived', true)) = 'on'
          and (select nexus_auth.has_permission('RESTORE_USERS')))
    )
  );
create policy users_update on platform.users for update to nexus_user
  using (
    tenant_id = (select nexus.current_tenant_id())
    and (id = (select nexus.current_user_id()) or (select nexus_auth.has_permission('UPDATE_USERS')))
  )
  with check (tenant_id = (select nexus.current_tenant_id()));
create policy users_delete on platform.users for delete to nexus_user
  using (
    tenant_id = (select nexus.current_tenant_id())
    and id <> (select nexus.current_user_id())
    and (select nexus_auth.has_permission('DELETE_USERS'))
  );

/* Authorization tables: tenant defaults (admin writes). Who assigned comes from the JWT. */
grant select, insert (name, description), update (name, description), delete on platform.user_groups to nexus_user;
grant select, insert (user_id, user_group_id), delete on platform.user_group_memberships to nexus_user;
grant select, insert (user_group_id, role_id), delete on platform.group_roles to nexus_user;
grant select, insert (user_id, role_id), delete on platform.user_roles to nexus_user;
grant select, insert (user_id, permission_id), delete on platform.user_permissions to nexus_user;

/* Preferences: each user their own row, nobody else's. */
grant select, insert (locale, time_zone, theme, settings), update (locale, time_zone, theme, settings)
  on platform.user_preferences to nexus_user;
create policy user_preferences_own on platform.user_preferences for all to nexus_user
  using (tenant_id = (select nexus.current_tenant_id()) and user_id = (select nexus.current_user_id()))
  with check (tenant_id = (select nexus.current_tenant_id()) and user_id = (select nexus.current_user_id()));

/* Sessions: read-only through GraphQL (revoke through /auth); own, or all of the tenant for admins. */
grant select (id, tenant_id, user_id, user_agent, ip_address, last_seen_at, expires_at, revoked_at, revoked_reason,
              created_at, updated_at)
  on platform.user_sessions to nexus_user;
create policy user_sessions_select on platform.user_sessions for select to nexus_user
  using (
    tenant_id = (select nexus.current_tenant_id())
    and (user_id = (select nexus.current_user_id()) or (select nexus_auth.has_permission('UPDATE_USER_SESSIONS')))
  );

/*
 * refresh_tokens, revoked_tokens and mail_outbox are the host's: no grant
 * and no policy for the request roles, so RLS denies them everything.
 */

/* Global catalogs: every signed-in user reads them; only the platform operator writes. */
grant select, insert (name, description, global_access), update (name, description, global_access), delete
  on platform.roles to nexus_user;
grant select, insert (name, description), update (name, description), delete on platform.permissions to nexus_user;
grant select, insert (role_id, permission_id), delete on platform.role_permissions to nexus_user;
do $$
declare
  catalog text;
begin
  foreach catalog in array array['platform.roles', 'platform.permissions', 'platform.role_permissions'] loop
    execute format('create policy catalog_select on %s for select to nexus_user using (true)', catalog);
    execute format('create policy catalog_insert on %s for insert to nexus_user with check ((select nexus_auth.is_platform_operator()))', catalog);
    execute format('create policy catalog_update on %s for update to nexus_user using ((select nexus_auth.is_platform_operator())) with check ((select nexus_auth.is_platform_operator()))', catalog);
    execute format('create policy catalog_delete on %s for delete to nexus_user using ((select nexus_auth.is_platform_operator()))', catalog);
  end loop;
end;
$$;

/* RESTORE_USERS, given to the admin role when first created (as 20_school.sql does for its tables). */
set local role nexus_auth;
with created as (
  insert into platform.permissions (name, description)
  values ('RESTORE_USERS', 'Restore archived accounts, and see them on request.')
  on conflict (name) do nothing
  returning id
)
insert into platform.role_permissions (role_id, permission_id)
select r.id, c.id from platform.roles r cross join created c where r.name = 'admin'
on conflict do nothing;
set local role nexus_owner;

/* The caller's own permissions, as a GraphQL query field. */
grant execute on function platform.viewer_permissions() to nexus_user;
