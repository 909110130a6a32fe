--! Previous: sha1:93a2354cc50768b82bd9191774ebc3b04a3243cb
--! Hash: sha1:b76a2f1451e3c986dfe4db0b760b520e161a10c9
--! Message: platform: permission checks for a named user

/*
 * The host asks whether a user it names holds a permission (may this admin
 * revoke that session?). One query answers both that and the request-time
 * check, which adds that the user belongs to the tenant of the JWT.
 * Functions of nexus_auth are replaced as their owner.
 */
set local role nexus_auth;

create or replace function nexus_auth.user_has_permission(p_user_id uuid, p_permission text) returns boolean
  language sql stable security definer parallel safe
  set search_path = pg_catalog
as $$
  select exists (
    select 1
    from platform.users u
    join platform.permissions p on p.name = p_permission
    where u.id = p_user_id
      and u.is_active
      and (
        exists (
          select 1 from platform.user_permissions up
          where up.tenant_id = u.tenant_id and up.user_id = u.id and up.permission_id = p.id
        )
        or exists (
          select 1 from platform.role_permissions rp
          where rp.permission_id = p.id
            and rp.role_id in (
              select ur.role_id from platform.user_roles ur
              where ur.tenant_id = u.tenant_id and ur.user_id = u.id
              union all
              select gr.role_id
              from platform.user_group_memberships m
              join platform.group_roles gr on gr.tenant_id = m.tenant_id and gr.user_group_id = m.user_group_id
              where m.tenant_id = u.tenant_id and m.user_id = u.id
            )
        )
      )
  )
$$;

create or replace function nexus_auth.has_permission(permission text) returns boolean
  language sql stable security definer parallel safe
  set search_path = pg_catalog
as $$
  select exists (
    select 1 from platform.users u
    where u.id = nexus.current_user_id() and u.tenant_id = nexus.current_tenant_id()
  ) and nexus_auth.user_has_permission(nexus.current_user_id(), permission)
$$;

set local role nexus_owner;
