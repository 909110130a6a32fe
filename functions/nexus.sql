/*
 * The functions of schema nexus (owner nexus_owner): the claims helpers,
 * the row-convention triggers and the policy helper of policies/.
 *
 * This file is their one definition. It is re-applied after every
 * migration, before policies/, so a change to one of these functions is
 * made here, not in a new migration (docs/conventions.md). Each body is
 * written the way PostgreSQL prints it back (pg_get_functiondef), which
 * test/functions.test.ts compares with the live catalog: keep that form.
 * Grants and comments follow each function; `create or replace` keeps the
 * owner, so this file runs as nexus_owner.
 */

CREATE OR REPLACE FUNCTION nexus.current_session_id()
 RETURNS uuid
 LANGUAGE sql
 STABLE PARALLEL SAFE
AS $function$
  select nullif(pg_catalog.current_setting('jwt.claims.session_id', true), '')::uuid
$function$;
revoke all on function nexus.current_session_id() from public;
grant execute on function nexus.current_session_id() to nexus_anonymous, nexus_auth, nexus_user;
comment on function nexus.current_session_id() is 'Session of the verified JWT of this request, or null.';

CREATE OR REPLACE FUNCTION nexus.current_tenant_id()
 RETURNS uuid
 LANGUAGE sql
 STABLE PARALLEL SAFE
AS $function$
  select nullif(pg_catalog.current_setting('jwt.claims.tenant_id', true), '')::uuid
$function$;
revoke all on function nexus.current_tenant_id() from public;
grant execute on function nexus.current_tenant_id() to nexus_anonymous, nexus_auth, nexus_user;
comment on function nexus.current_tenant_id() is 'Tenant of the verified JWT of this request, or null.';

CREATE OR REPLACE FUNCTION nexus.current_user_id()
 RETURNS uuid
 LANGUAGE sql
 STABLE PARALLEL SAFE
AS $function$
  select nullif(pg_catalog.current_setting('jwt.claims.user_id', true), '')::uuid
$function$;
revoke all on function nexus.current_user_id() from public;
grant execute on function nexus.current_user_id() to nexus_anonymous, nexus_auth, nexus_user;
comment on function nexus.current_user_id() is 'User of the verified JWT of this request, or null.';

CREATE OR REPLACE FUNCTION nexus.declare_tenant_policies(tbl regclass, entity text, prefix text, archived_visible text DEFAULT NULL::text)
 RETURNS void
 LANGUAGE plpgsql
 SET search_path TO 'pg_catalog'
AS $function$
declare
  soft_delete boolean := archived_visible is not null;
begin
  execute format(
    'create policy %I on %s for select to nexus_user '
    'using (tenant_id = (select nexus.current_tenant_id())%s)',
    prefix || '_select', tbl, case when soft_delete then format(' and (deleted_at is null or %s)', archived_visible) else '' end);
  execute format(
    'create policy %I on %s for insert to nexus_user '
    'with check (tenant_id = (select nexus.current_tenant_id()) and (select nexus_auth.has_permission(%L)))',
    prefix || '_insert', tbl, 'CREATE_' || entity);
  execute format(
    'create policy %I on %s for update to nexus_user '
    'using (tenant_id = (select nexus.current_tenant_id()) and (select nexus_auth.has_permission(%L))) '
    'with check (tenant_id = (select nexus.current_tenant_id()))',
    prefix || '_update', tbl, 'UPDATE_' || entity);
  execute format(
    'create policy %I on %s for delete to nexus_user '
    'using (tenant_id = (select nexus.current_tenant_id())%s and (select nexus_auth.has_permission(%L)))',
    prefix || '_delete', tbl, case when soft_delete then ' and deleted_at is null' else '' end, 'DELETE_' || entity);
end;
$function$;
revoke all on function nexus.declare_tenant_policies(regclass,text,text,text) from public;
comment on function nexus.declare_tenant_policies(regclass,text,text,text) is 'Declares the four tenant policies of a table (with the soft-delete variant when archived_visible is given). Used by policies/ only.';

CREATE OR REPLACE FUNCTION nexus.school_schemas()
 RETURNS text[]
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$
  select array['campus', 'academics', 'attendance', 'billing', 'messaging', 'content']
$function$;
revoke all on function nexus.school_schemas() from public;
grant execute on function nexus.school_schemas() to nexus_auth;
comment on function nexus.school_schemas() is 'The schemas of the school product, listed once for every loop of policies/ that treats them alike (grants, soft-delete policies, RESTORE_ permissions).';

CREATE OR REPLACE FUNCTION nexus.tg__forbid_global_role_assignment()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'pg_catalog'
AS $function$
begin
  if exists (select 1 from platform.roles r where r.id = new.role_id and r.global_access)
     and current_user <> 'nexus_owner' and current_user <> 'nexus_auth'
     and not nexus_auth.is_platform_operator() then
    raise exception 'only a platform operator may assign a role with global access'
      using errcode = '42501';
  end if;
  return new;
end;
$function$;
revoke all on function nexus.tg__forbid_global_role_assignment() from public;
comment on function nexus.tg__forbid_global_role_assignment() is 'Trigger: keeps tenant admins from making anyone a platform operator.';

CREATE OR REPLACE FUNCTION nexus.tg__guard_archive()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'pg_catalog'
AS $function$
declare
  v_permission text;
begin
  if new.deleted_at is not distinct from old.deleted_at or current_user <> 'nexus_user' then
    return new;
  end if;
  v_permission := case when new.deleted_at is null then 'RESTORE_' else 'DELETE_' end || upper(tg_table_name);
  if not nexus_auth.has_permission(v_permission) then
    raise exception 'archiving or restoring % needs the % permission', tg_table_name, v_permission using errcode = '42501';
  end if;
  if new.deleted_at is not null then
    new.deleted_at := now();
  end if;
  return new;
end;
$function$;
revoke all on function nexus.tg__guard_archive() from public;
comment on function nexus.tg__guard_archive() is 'Trigger: only holders of DELETE_<TABLE> archive and only holders of RESTORE_<TABLE> restore a row through an update.';

CREATE OR REPLACE FUNCTION nexus.tg__notify_revocation()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'pg_catalog'
AS $function$
begin
  if tg_table_name = 'revoked_tokens' then
    perform pg_notify('nexus_revocations', json_build_object('kind', 'token', 'id', new.jti, 'expiresAt', new.expires_at)::text);
  elsif new.revoked_at is not null and old.revoked_at is null then
    perform pg_notify('nexus_revocations', json_build_object('kind', 'session', 'id', new.id, 'expiresAt', new.expires_at)::text);
  end if;
  return null;
end;
$function$;
revoke all on function nexus.tg__notify_revocation() from public;
comment on function nexus.tg__notify_revocation() is 'Trigger: tells every gateway instance about a revoked access token or session.';

CREATE OR REPLACE FUNCTION nexus.tg__set_authorship()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'pg_catalog'
AS $function$
begin
  if tg_op = 'INSERT' then
    new.created_by := nexus.current_user_id();
  end if;
  new.updated_by := nexus.current_user_id();
  return new;
end;
$function$;
revoke all on function nexus.tg__set_authorship() from public;
comment on function nexus.tg__set_authorship() is 'Trigger: records the signed-in user as creator (insert) and last editor (insert and update).';

CREATE OR REPLACE FUNCTION nexus.tg__set_granted_by()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'pg_catalog'
AS $function$
begin
  if tg_table_name = 'user_roles' then
    new.assigned_by := nexus.current_user_id();
  else
    new.granted_by := nexus.current_user_id();
  end if;
  return new;
end;
$function$;
revoke all on function nexus.tg__set_granted_by() from public;
comment on function nexus.tg__set_granted_by() is 'Trigger: records the signed-in user as the one who assigned a role or granted a permission.';

CREATE OR REPLACE FUNCTION nexus.tg__set_updated_at()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'pg_catalog'
AS $function$
begin
  new.updated_at := now();
  return new;
end;
$function$;
revoke all on function nexus.tg__set_updated_at() from public;
comment on function nexus.tg__set_updated_at() is 'Trigger: sets updated_at to the time of the change.';

CREATE OR REPLACE FUNCTION nexus.tg_users__guard_activation()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'pg_catalog'
AS $function$
begin
  if new.is_active is distinct from old.is_active
     and current_user = 'nexus_user'
     and not nexus_auth.has_permission('UPDATE_USERS') then
    raise exception 'changing whether a user is active needs the UPDATE_USERS permission' using errcode = '42501';
  end if;
  return new;
end;
$function$;
revoke all on function nexus.tg_users__guard_activation() from public;
comment on function nexus.tg_users__guard_activation() is 'Trigger: only holders of UPDATE_USERS activate or deactivate users.';
