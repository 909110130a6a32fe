--! Previous: sha1:1e44a31646e4fc66315205f9a6f4b3ed8ffe7cd8
--! Hash: sha1:f23045936bb28ddb26ff7a22f451555800c23240
--! Message: operations: disable a tenant, readiness's migration head

/*
 * Operations: an operator can disable a whole tenant (unpaid, offboarded,
 * compromised) without deleting anything. A disabled tenant's users cannot
 * sign in or refresh, and its open sessions end at once, on every gateway.
 */
alter table platform.tenants drop column if exists is_active;
alter table platform.tenants add column is_active boolean not null default true;
comment on column platform.tenants.is_active is 'False when an operator has disabled the tenant: its users cannot sign in.';

/* A session ended because its tenant was disabled says so. */
alter table platform.user_sessions drop constraint user_sessions_revoked_reason;
alter table platform.user_sessions add constraint user_sessions_revoked_reason check (
  (revoked_at is null) = (revoked_reason is null)
  and revoked_reason in ('logout', 'logout_global', 'logout_others', 'revoked', 'refresh_token_reuse', 'password_changed', 'password_reset', 'user_disabled', 'tenant_disabled')
);

/* Functions of nexus_auth are replaced as their owner. */
set local role nexus_auth;

/* The host refuses an inactive account; an account of a disabled tenant is inactive too. */
create or replace function nexus_auth.find_login(p_identifier text)
returns table (user_id uuid, tenant_id uuid, password_hash text, is_active boolean, locked_until timestamptz)
  language sql stable security definer
  set search_path = pg_catalog
as $$
  select u.id, u.tenant_id, u.password_hash, u.is_active and t.is_active, u.locked_until
  from platform.users u
  join platform.tenants t on t.id = u.tenant_id
  where lower(u.email) = lower(p_identifier) or lower(u.username) = lower(p_identifier)
  limit 1
$$;

/* Checked again here: the tenant may be disabled between find_login and this call. */
create or replace function nexus_auth.start_session(
  p_user_id uuid,
  p_refresh_token_hash text,
  p_expires_at timestamptz,
  p_user_agent text,
  p_ip inet
) returns table (session_id uuid, tenant_id uuid)
  language plpgsql volatile security definer
  set search_path = pg_catalog
as $$
declare
  v_tenant_id uuid;
  v_session_id uuid;
begin
  update platform.users u
  set failed_login_count = 0, locked_until = null, last_login_at = now()
  where u.id = p_user_id and u.is_active
    and exists (select 1 from platform.tenants t where t.id = u.tenant_id and t.is_active)
  returning u.tenant_id into v_tenant_id;
  if v_tenant_id is null then
    raise exception 'user % cannot sign in', p_user_id using errcode = '42501';
  end if;
  insert into platform.user_sessions (tenant_id, user_id, user_agent, ip_address, expires_at)
  values (v_tenant_id, p_user_id, left(p_user_agent, 512), p_ip, p_expires_at)
  returning id into v_session_id;
  insert into platform.refresh_tokens (tenant_id, user_id, session_id, token_hash, user_agent, ip_address, expires_at)
  values (v_tenant_id, p_user_id, v_session_id, p_refresh_token_hash, left(p_user_agent, 512), p_ip, p_expires_at);
  return query select v_session_id, v_tenant_id;
end;
$$;

/* As in 000002, with "the user is active" now meaning "and so is their tenant". */
create or replace function nexus_auth.refresh_session(
  p_token_hash text,
  p_successor_hash text,
  p_expires_at timestamptz,
  p_grace_seconds integer,
  p_user_agent text,
  p_ip inet
) returns table (outcome text, user_id uuid, tenant_id uuid, session_id uuid, hops integer)
  language plpgsql volatile security definer
  set search_path = pg_catalog
as $$
declare
  v_token platform.refresh_tokens;
  v_head platform.refresh_tokens;
  v_session platform.user_sessions;
  v_active boolean;
  v_new_id uuid;
  v_hops integer := 0;
begin
  select * into v_token from platform.refresh_tokens t where t.token_hash = p_token_hash for update;
  if not found then
    return query select 'invalid', null::uuid, null::uuid, null::uuid, 0;
    return;
  end if;
  select * into v_session from platform.user_sessions s where s.id = v_token.session_id for update;
  select u.is_active and t.is_active into v_active
  from platform.users u join platform.tenants t on t.id = u.tenant_id
  where u.id = v_token.user_id;
  if v_session.revoked_at is not null or not coalesce(v_active, false) then
    return query select 'invalid', v_token.user_id, v_token.tenant_id, v_token.session_id, 0;
    return;
  end if;
  if v_token.expires_at <= now() or v_session.expires_at <= now() then
    return query select 'expired', v_token.user_id, v_token.tenant_id, v_token.session_id, 0;
    return;
  end if;

  if v_token.rotated_at is null then
    if v_token.revoked_at is not null then
      return query select 'invalid', v_token.user_id, v_token.tenant_id, v_token.session_id, 0;
      return;
    end if;
    insert into platform.refresh_tokens (tenant_id, user_id, session_id, token_hash, previous_token_id, user_agent, ip_address, expires_at)
    values (v_token.tenant_id, v_token.user_id, v_token.session_id, p_successor_hash, v_token.id, left(p_user_agent, 512), p_ip, p_expires_at)
    returning id into v_new_id;
    update platform.refresh_tokens t
    set rotated_at = now(), revoked_at = now(), replaced_by_token_id = v_new_id
    where t.id = v_token.id;
    update platform.user_sessions s
    set last_seen_at = now(), expires_at = p_expires_at, ip_address = coalesce(p_ip, s.ip_address)
    where s.id = v_token.session_id;
    return query select 'rotated', v_token.user_id, v_token.tenant_id, v_token.session_id, 1;
    return;
  end if;

  if v_token.rotated_at > now() - make_interval(secs => p_grace_seconds) then
    v_head := v_token;
    while v_head.replaced_by_token_id is not null loop
      select * into v_head from platform.refresh_tokens t where t.id = v_head.replaced_by_token_id;
      v_hops := v_hops + 1;
    end loop;
    if v_head.revoked_at is null and v_head.expires_at > now() then
      return query select 'grace', v_token.user_id, v_token.tenant_id, v_token.session_id, v_hops;
      return;
    end if;
  end if;

  -- a rotated token came back: it was stolen or replayed; end the whole family
  update platform.user_sessions s
  set revoked_at = now(), revoked_reason = 'refresh_token_reuse'
  where s.id = v_token.session_id and s.revoked_at is null;
  update platform.refresh_tokens t set revoked_at = now()
  where t.session_id = v_token.session_id and t.revoked_at is null;
  return query select 'reused', v_token.user_id, v_token.tenant_id, v_token.session_id, 0;
end;
$$;

/*
 * The operator's switch (npm run nexus -- tenant disable). Disabling ends
 * every open session of the tenant in the same transaction; returns how
 * many sessions it ended.
 */
drop function if exists nexus_auth.set_tenant_active(uuid, boolean);
create function nexus_auth.set_tenant_active(p_tenant_id uuid, p_active boolean) returns integer
  language plpgsql volatile security definer
  set search_path = pg_catalog
as $$
declare
  v_count integer := 0;
begin
  update platform.tenants t set is_active = p_active where t.id = p_tenant_id;
  if not found then
    raise exception 'no tenant %', p_tenant_id using errcode = 'P0002';
  end if;
  if not p_active then
    update platform.refresh_tokens r set revoked_at = now()
    where r.tenant_id = p_tenant_id and r.revoked_at is null;
    update platform.user_sessions s set revoked_at = now(), revoked_reason = 'tenant_disabled'
    where s.tenant_id = p_tenant_id and s.revoked_at is null;
    get diagnostics v_count = row_count;
  end if;
  return v_count;
end;
$$;
comment on function nexus_auth.set_tenant_active(uuid, boolean) is 'Enables or disables a tenant; disabling ends all its sessions.';

/* Every tenant with whether it is active and how many users it has, for operators. */
drop function if exists nexus_auth.list_tenants();
create function nexus_auth.list_tenants()
returns table (id uuid, name text, is_active boolean, users bigint, created_at timestamptz)
  language sql stable security definer
  set search_path = pg_catalog
as $$
  select t.id, t.name::text, t.is_active, (select count(*) from platform.users u where u.tenant_id = t.id), t.created_at
  from platform.tenants t
  order by t.name
$$;
comment on function nexus_auth.list_tenants() is 'Every tenant, for the operator''s CLI.';

/*
 * The newest applied migration, for readiness: a gateway whose code expects
 * a newer schema is not ready. Null when graphile-migrate's table is not
 * readable (policies/00_shared.sql grants it where it can).
 */
drop function if exists nexus_auth.migration_head();
create function nexus_auth.migration_head() returns text
  language plpgsql stable security definer
  set search_path = pg_catalog
as $$
begin
  return (select m.filename from graphile_migrate.migrations m order by m.filename desc limit 1);
exception when undefined_table or insufficient_privilege then
  return null;
end;
$$;
comment on function nexus_auth.migration_head() is 'File name of the last applied migration (null if unknown).';

/*
 * The operator's switch for one user (npm run nexus -- user disable/enable).
 * Disabling ends the user's sessions through the trigger of 000002, so it
 * reaches every gateway by the same NOTIFY as a logout.
 */
drop function if exists nexus_auth.set_user_active(uuid, boolean);
create function nexus_auth.set_user_active(p_user_id uuid, p_active boolean) returns void
  language plpgsql volatile security definer
  set search_path = pg_catalog
as $$
begin
  update platform.users u set is_active = p_active where u.id = p_user_id;
  if not found then
    raise exception 'no user %', p_user_id using errcode = 'P0002';
  end if;
end;
$$;
comment on function nexus_auth.set_user_active(uuid, boolean) is 'Enables or disables a user; disabling ends their sessions.';

/* The tenant of a user the operator names; "not found" when there is no such user. */
drop function if exists nexus_auth.tenant_of_user(uuid);
create function nexus_auth.tenant_of_user(p_user_id uuid) returns uuid
  language plpgsql stable security definer
  set search_path = pg_catalog
as $$
declare
  v_tenant_id uuid;
begin
  select u.tenant_id into v_tenant_id from platform.users u where u.id = p_user_id;
  if v_tenant_id is null then
    raise exception 'no user %', p_user_id using errcode = 'P0002';
  end if;
  return v_tenant_id;
end;
$$;
comment on function nexus_auth.tenant_of_user(uuid) is 'The tenant of a user, for the operator''s CLI.';

/* Adds a user to a group of their own tenant, by the group's name; false when already a member. */
drop function if exists nexus_auth.assign_group(uuid, text);
create function nexus_auth.assign_group(p_user_id uuid, p_group text) returns boolean
  language plpgsql volatile security definer
  set search_path = pg_catalog
as $$
declare
  v_tenant_id uuid;
  v_group_id uuid;
begin
  v_tenant_id := nexus_auth.tenant_of_user(p_user_id);
  select g.id into v_group_id from platform.user_groups g where g.tenant_id = v_tenant_id and lower(g.name) = lower(p_group);
  if v_group_id is null then
    raise exception 'no group named "%" in the user''s tenant', p_group using errcode = 'P0002';
  end if;
  insert into platform.user_group_memberships (tenant_id, user_id, user_group_id)
  values (v_tenant_id, p_user_id, v_group_id)
  on conflict on constraint user_group_memberships_member_key do nothing;
  return found;
end;
$$;
comment on function nexus_auth.assign_group(uuid, text) is 'Adds a user to a group of their tenant, by name.';

/* Gives a user a tenant role (not the platform operator's); false when they already hold it. */
drop function if exists nexus_auth.assign_role(uuid, text);
create function nexus_auth.assign_role(p_user_id uuid, p_role text) returns boolean
  language plpgsql volatile security definer
  set search_path = pg_catalog
as $$
declare
  v_tenant_id uuid;
  v_role_id uuid;
begin
  v_tenant_id := nexus_auth.tenant_of_user(p_user_id);
  select r.id into v_role_id from platform.roles r where r.name = lower(p_role) and not r.global_access;
  if v_role_id is null then
    raise exception 'no tenant role named "%"', p_role using errcode = 'P0002';
  end if;
  insert into platform.user_roles (tenant_id, user_id, role_id)
  values (v_tenant_id, p_user_id, v_role_id)
  on conflict on constraint user_roles_user_role_key do nothing;
  return found;
end;
$$;
comment on function nexus_auth.assign_role(uuid, text) is 'Gives a user a tenant role, by name.';

revoke all on function nexus_auth.set_tenant_active(uuid, boolean), nexus_auth.list_tenants(), nexus_auth.migration_head(),
  nexus_auth.set_user_active(uuid, boolean), nexus_auth.tenant_of_user(uuid), nexus_auth.assign_group(uuid, text), nexus_auth.assign_role(uuid, text)
  from public;

set local role nexus_owner;
