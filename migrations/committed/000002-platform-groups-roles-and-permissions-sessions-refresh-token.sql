--! Previous: sha1:28908d3543b01639f04f2ce53d9232effa0a5881
--! Hash: sha1:c9c801a1798be31cee00e93f934a65a99baa6706
--! Message: platform: groups, roles and permissions, sessions, refresh tokens, revocation

/*
 * nexus_auth holds the narrow SECURITY DEFINER functions the host calls for
 * login, refresh, revocation and permission checks. It is never exposed to
 * GraphQL. Its functions belong to the role nexus_auth (BYPASSRLS), pin their
 * search_path, and are executable only by the roles named in policies/.
 */
create schema nexus_auth;
comment on schema nexus_auth is 'Authentication and authorization functions of the host. Not exposed to GraphQL.';
grant usage, create on schema nexus_auth to nexus_auth;
grant usage on schema platform, nexus to nexus_auth;

/* ------------------------------------------------------------------------
 * Global catalogs: roles, permissions and what each role may do. Shared by
 * every tenant; readable by every signed-in user, written only by the
 * platform operator.
 */
create table platform.roles (
  id uuid primary key default gen_random_uuid(),
  name varchar(100) not null,
  description text,
  global_access boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint roles_name_key unique (name),
  constraint roles_name_format check (name ~ '^[a-z][a-z0-9_]{1,99}$')
);
alter table platform.roles enable row level security;
alter table platform.roles force row level security;
create trigger _100_set_updated_at before update on platform.roles
  for each row execute function nexus.tg__set_updated_at();
comment on table platform.roles is 'A named set of permissions (RBAC), shared by all tenants: admin, manager, user, viewer and the platform operator.';
comment on column platform.roles.id is 'Unique identifier of the role.';
comment on column platform.roles.name is 'Role name, lowercase, unique.';
comment on column platform.roles.description is 'What the role is for.';
comment on column platform.roles.global_access is 'Marks the platform operator: may write the global catalogs. Assignable only by a platform operator.';
comment on column platform.roles.created_at is 'When the role was created.';
comment on column platform.roles.updated_at is 'When the role was last changed.';

create table platform.permissions (
  id uuid primary key default gen_random_uuid(),
  name varchar(120) not null,
  description text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint permissions_name_key unique (name),
  constraint permissions_name_format check (name ~ '^[A-Z]+_[A-Z0-9_]+$')
);
alter table platform.permissions enable row level security;
alter table platform.permissions force row level security;
create trigger _100_set_updated_at before update on platform.permissions
  for each row execute function nexus.tg__set_updated_at();
comment on table platform.permissions is 'The permission catalog. Names are METHOD_ENTITY (CREATE_ASSETS, DELETE_INVOICES); one CREATE_, UPDATE_ and DELETE_ permission exists for every tenant table.';
comment on column platform.permissions.id is 'Unique identifier of the permission.';
comment on column platform.permissions.name is 'METHOD_ENTITY, unique.';
comment on column platform.permissions.description is 'What the permission allows.';
comment on column platform.permissions.created_at is 'When the permission was created.';
comment on column platform.permissions.updated_at is 'When the permission was last changed.';

create table platform.role_permissions (
  id uuid primary key default gen_random_uuid(),
  role_id uuid not null references platform.roles (id) on delete cascade,
  permission_id uuid not null references platform.permissions (id) on delete cascade,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint role_permissions_role_id_permission_id_key unique (role_id, permission_id)
);
create index role_permissions_permission_id_idx on platform.role_permissions (permission_id);
alter table platform.role_permissions enable row level security;
alter table platform.role_permissions force row level security;
create trigger _100_set_updated_at before update on platform.role_permissions
  for each row execute function nexus.tg__set_updated_at();
comment on table platform.role_permissions is 'Which permissions each role grants.';
comment on column platform.role_permissions.id is 'Unique identifier of the grant.';
comment on column platform.role_permissions.role_id is 'The role.';
comment on column platform.role_permissions.permission_id is 'The permission the role grants.';
comment on column platform.role_permissions.created_at is 'When the grant was made.';
comment on column platform.role_permissions.updated_at is 'When the grant was last changed.';

/* ------------------------------------------------------------------------
 * Groups (seed 000). Every tenant has an admin group and a users group; the
 * tenant row points at both and both point back at the tenant, so the
 * tenant-side foreign keys are deferred to the end of the creating
 * transaction.
 */
create table platform.user_groups (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  name varchar(200) not null,
  description text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint user_groups_tenant_id_id_key unique (tenant_id, id),
  constraint user_groups_tenant_id_name_key unique (tenant_id, name),
  constraint user_groups_name_not_blank check (char_length(btrim(name)) > 0)
);
alter table platform.user_groups enable row level security;
alter table platform.user_groups force row level security;
create trigger _100_set_updated_at before update on platform.user_groups
  for each row execute function nexus.tg__set_updated_at();
comment on table platform.user_groups is 'A group of users of one tenant; roles given to a group apply to its members.';
comment on column platform.user_groups.id is 'Unique identifier of the group.';
comment on column platform.user_groups.tenant_id is 'The tenant the group belongs to.';
comment on column platform.user_groups.name is 'Group name, unique within the tenant.';
comment on column platform.user_groups.description is 'What the group is for.';
comment on column platform.user_groups.created_at is 'When the group was created.';
comment on column platform.user_groups.updated_at is 'When the group was last changed.';

alter table platform.tenants
  add column tenant_admin_group_id uuid,
  add column tenant_users_group_id uuid;

/*
 * Tenants created before groups existed get their two groups now. The owner
 * is bound by forced RLS; lift it for this backfill only, in this transaction.
 */
alter table platform.tenants no force row level security;
alter table platform.user_groups no force row level security;
with created as (
  insert into platform.user_groups (tenant_id, name, description)
  select t.id, g.name, g.description
  from platform.tenants t
  cross join (values ('Administrators', 'Administrators of the tenant.'), ('Users', 'Every user of the tenant.')) as g (name, description)
  returning id, tenant_id, name
)
update platform.tenants t
set tenant_admin_group_id = (select c.id from created c where c.tenant_id = t.id and c.name = 'Administrators'),
    tenant_users_group_id = (select c.id from created c where c.tenant_id = t.id and c.name = 'Users');

alter table platform.tenants force row level security;
alter table platform.user_groups force row level security;

alter table platform.tenants
  alter column tenant_admin_group_id set not null,
  alter column tenant_users_group_id set not null,
  add constraint tenants_admin_group_fkey foreign key (id, tenant_admin_group_id)
    references platform.user_groups (tenant_id, id) on delete restrict deferrable initially deferred,
  add constraint tenants_users_group_fkey foreign key (id, tenant_users_group_id)
    references platform.user_groups (tenant_id, id) on delete restrict deferrable initially deferred,
  add constraint tenants_groups_differ check (tenant_admin_group_id <> tenant_users_group_id);
create index tenants_admin_group_idx on platform.tenants (id, tenant_admin_group_id);
create index tenants_users_group_idx on platform.tenants (id, tenant_users_group_id);
comment on column platform.tenants.tenant_admin_group_id is 'The group whose members administer the tenant (role admin).';
comment on column platform.tenants.tenant_users_group_id is 'The group every user of the tenant belongs to (role user).';

create table platform.user_group_memberships (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  user_id uuid not null,
  user_group_id uuid not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint user_group_memberships_tenant_id_id_key unique (tenant_id, id),
  constraint user_group_memberships_member_key unique (tenant_id, user_id, user_group_id),
  constraint user_group_memberships_user_fkey foreign key (tenant_id, user_id)
    references platform.users (tenant_id, id) on delete cascade,
  constraint user_group_memberships_group_fkey foreign key (tenant_id, user_group_id)
    references platform.user_groups (tenant_id, id) on delete cascade
);
create index user_group_memberships_group_idx on platform.user_group_memberships (tenant_id, user_group_id);
alter table platform.user_group_memberships enable row level security;
alter table platform.user_group_memberships force row level security;
create trigger _100_set_updated_at before update on platform.user_group_memberships
  for each row execute function nexus.tg__set_updated_at();
comment on table platform.user_group_memberships is 'A user''s membership of a group.';
comment on column platform.user_group_memberships.id is 'Unique identifier of the membership.';
comment on column platform.user_group_memberships.tenant_id is 'The tenant of the user and the group.';
comment on column platform.user_group_memberships.user_id is 'The member.';
comment on column platform.user_group_memberships.user_group_id is 'The group.';
comment on column platform.user_group_memberships.created_at is 'When the user joined the group.';
comment on column platform.user_group_memberships.updated_at is 'When the membership was last changed.';

create table platform.group_roles (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  user_group_id uuid not null,
  role_id uuid not null references platform.roles (id) on delete cascade,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint group_roles_tenant_id_id_key unique (tenant_id, id),
  constraint group_roles_group_role_key unique (tenant_id, user_group_id, role_id),
  constraint group_roles_group_fkey foreign key (tenant_id, user_group_id)
    references platform.user_groups (tenant_id, id) on delete cascade
);
create index group_roles_role_id_idx on platform.group_roles (role_id);
alter table platform.group_roles enable row level security;
alter table platform.group_roles force row level security;
create trigger _100_set_updated_at before update on platform.group_roles
  for each row execute function nexus.tg__set_updated_at();
comment on table platform.group_roles is 'A role given to every member of a group.';
comment on column platform.group_roles.id is 'Unique identifier of the assignment.';
comment on column platform.group_roles.tenant_id is 'The tenant of the group.';
comment on column platform.group_roles.user_group_id is 'The group.';
comment on column platform.group_roles.role_id is 'The role its members get.';
comment on column platform.group_roles.created_at is 'When the role was given.';
comment on column platform.group_roles.updated_at is 'When the assignment was last changed.';

/* ------------------------------------------------------------------------
 * Users: the columns of seeds 001 and 004 beside seed 000's. Secrets (the
 * password hash and the token hashes) and the lockout counters are never
 * granted to the request roles.
 */
alter table platform.users
  add column first_name varchar(100),
  add column last_name varchar(100),
  add column phone_number varchar(40),
  add column is_active boolean not null default true,
  add column email_verified boolean not null default false,
  add column last_login_at timestamptz,
  add column provider varchar(40) not null default 'password',
  add column email_verification_token_hash text,
  add column email_verification_token_expires_at timestamptz,
  add column password_reset_token_hash text,
  add column password_reset_token_expires_at timestamptz,
  add column password_changed_at timestamptz,
  add column failed_login_count integer not null default 0,
  add column locked_until timestamptz,
  add constraint users_provider_format check (provider ~ '^[a-z][a-z0-9_-]{0,39}$'),
  add constraint users_failed_login_count_nonnegative check (failed_login_count >= 0),
  add constraint users_phone_number_format check (phone_number ~ '^\+?[0-9 ()./-]{3,40}$');
create unique index users_email_verification_token_hash_key on platform.users (email_verification_token_hash)
  where email_verification_token_hash is not null;
create unique index users_password_reset_token_hash_key on platform.users (password_reset_token_hash)
  where password_reset_token_hash is not null;
comment on column platform.users.first_name is 'Given name.';
comment on column platform.users.last_name is 'Family name.';
comment on column platform.users.phone_number is 'Phone number, free format.';
comment on column platform.users.is_active is 'An inactive user cannot sign in and holds no permissions.';
comment on column platform.users.email_verified is 'Whether the user proved they own the email address.';
comment on column platform.users.last_login_at is 'When the user last signed in.';
comment on column platform.users.provider is 'How the user signs in: password, or the name of an external identity provider.';
comment on column platform.users.email_verification_token_hash is E'@behavior -*\nHash of the pending email verification token; never exposed.';
comment on column platform.users.email_verification_token_expires_at is E'@behavior -*\nExpiry of the pending email verification token.';
comment on column platform.users.password_reset_token_hash is E'@behavior -*\nHash of the pending password reset token; never exposed.';
comment on column platform.users.password_reset_token_expires_at is E'@behavior -*\nExpiry of the pending password reset token.';
comment on column platform.users.password_changed_at is 'When the password was last set.';
comment on column platform.users.failed_login_count is E'@behavior -*\nFailed sign-ins since the last success.';
comment on column platform.users.locked_until is E'@behavior -*\nSign-in is refused until this time after repeated failures.';

create table platform.user_roles (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  user_id uuid not null,
  role_id uuid not null references platform.roles (id) on delete cascade,
  assigned_at timestamptz not null default now(),
  assigned_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint user_roles_tenant_id_id_key unique (tenant_id, id),
  constraint user_roles_user_role_key unique (tenant_id, user_id, role_id),
  constraint user_roles_user_fkey foreign key (tenant_id, user_id)
    references platform.users (tenant_id, id) on delete cascade,
  constraint user_roles_assigned_by_fkey foreign key (tenant_id, assigned_by)
    references platform.users (tenant_id, id) on delete set null (assigned_by)
);
create index user_roles_role_id_idx on platform.user_roles (role_id);
create index user_roles_assigned_by_idx on platform.user_roles (tenant_id, assigned_by);
alter table platform.user_roles enable row level security;
alter table platform.user_roles force row level security;
create trigger _100_set_updated_at before update on platform.user_roles
  for each row execute function nexus.tg__set_updated_at();
comment on table platform.user_roles is 'A role given directly to a user (beside the roles of their groups).';
comment on column platform.user_roles.id is 'Unique identifier of the assignment.';
comment on column platform.user_roles.tenant_id is 'The tenant of the user.';
comment on column platform.user_roles.user_id is 'The user.';
comment on column platform.user_roles.role_id is 'The role.';
comment on column platform.user_roles.assigned_at is 'When the role was assigned.';
comment on column platform.user_roles.assigned_by is 'Who assigned it (from the signed-in user, never from input).';
comment on column platform.user_roles.created_at is 'When the assignment was created.';
comment on column platform.user_roles.updated_at is 'When the assignment was last changed.';

create table platform.user_permissions (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  user_id uuid not null,
  permission_id uuid not null references platform.permissions (id) on delete cascade,
  granted_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint user_permissions_tenant_id_id_key unique (tenant_id, id),
  constraint user_permissions_user_permission_key unique (tenant_id, user_id, permission_id),
  constraint user_permissions_user_fkey foreign key (tenant_id, user_id)
    references platform.users (tenant_id, id) on delete cascade,
  constraint user_permissions_granted_by_fkey foreign key (tenant_id, granted_by)
    references platform.users (tenant_id, id) on delete set null (granted_by)
);
create index user_permissions_permission_id_idx on platform.user_permissions (permission_id);
create index user_permissions_granted_by_idx on platform.user_permissions (tenant_id, granted_by);
alter table platform.user_permissions enable row level security;
alter table platform.user_permissions force row level security;
create trigger _100_set_updated_at before update on platform.user_permissions
  for each row execute function nexus.tg__set_updated_at();
comment on table platform.user_permissions is 'A permission given directly to a user (seed 001''s custom permissions).';
comment on column platform.user_permissions.id is 'Unique identifier of the grant.';
comment on column platform.user_permissions.tenant_id is 'The tenant of the user.';
comment on column platform.user_permissions.user_id is 'The user.';
comment on column platform.user_permissions.permission_id is 'The permission.';
comment on column platform.user_permissions.granted_by is 'Who granted it (from the signed-in user, never from input).';
comment on column platform.user_permissions.created_at is 'When the permission was granted.';
comment on column platform.user_permissions.updated_at is 'When the grant was last changed.';

/* assigned_by / granted_by come from the JWT, never from the client. */
create function nexus.tg__set_granted_by() returns trigger
  language plpgsql volatile
  set search_path = pg_catalog
as $$
begin
  if tg_table_name = 'user_roles' then
    new.assigned_by := nexus.current_user_id();
  else
    new.granted_by := nexus.current_user_id();
  end if;
  return new;
end;
$$;
comment on function nexus.tg__set_granted_by() is 'Trigger: records the signed-in user as the one who assigned a role or granted a permission.';
create trigger _200_set_assigned_by before insert on platform.user_roles
  for each row execute function nexus.tg__set_granted_by();
create trigger _200_set_granted_by before insert on platform.user_permissions
  for each row execute function nexus.tg__set_granted_by();

/* ------------------------------------------------------------------------
 * Preferences: one row per user, written by the user themself.
 */
create table platform.user_preferences (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  user_id uuid not null,
  locale varchar(35) not null default 'en',
  time_zone varchar(64) not null default 'UTC',
  theme varchar(10) not null default 'system',
  settings jsonb not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint user_preferences_tenant_id_id_key unique (tenant_id, id),
  constraint user_preferences_user_key unique (tenant_id, user_id),
  constraint user_preferences_user_fkey foreign key (tenant_id, user_id)
    references platform.users (tenant_id, id) on delete cascade,
  constraint user_preferences_theme check (theme in ('light', 'dark', 'system')),
  constraint user_preferences_locale_format check (locale ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$'),
  constraint user_preferences_settings_object check (jsonb_typeof(settings) = 'object')
);
alter table platform.user_preferences enable row level security;
alter table platform.user_preferences force row level security;
create trigger _100_set_updated_at before update on platform.user_preferences
  for each row execute function nexus.tg__set_updated_at();
comment on table platform.user_preferences is 'A user''s settings: language, time zone, theme and free-form client settings. Each user reads and writes only their own.';
comment on column platform.user_preferences.id is 'Unique identifier of the preferences.';
comment on column platform.user_preferences.tenant_id is 'The tenant of the user.';
comment on column platform.user_preferences.user_id is 'The user.';
comment on column platform.user_preferences.locale is 'BCP 47 language tag, e.g. en or pt-BR.';
comment on column platform.user_preferences.time_zone is 'IANA time zone, e.g. Europe/Berlin.';
comment on column platform.user_preferences.theme is 'light, dark or system.';
comment on column platform.user_preferences.settings is 'Client settings as a JSON object.';
comment on column platform.user_preferences.created_at is 'When the preferences were created.';
comment on column platform.user_preferences.updated_at is 'When the preferences were last changed.';

/* ------------------------------------------------------------------------
 * Sessions and refresh tokens. A session is one sign-in on one device; its
 * refresh tokens form a family: every refresh rotates the token, and
 * presenting a rotated one (outside a short grace window) revokes the whole
 * session. Revoking a session ends its access tokens at once.
 */
create table platform.user_sessions (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  user_id uuid not null,
  user_agent text,
  ip_address inet,
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz,
  revoked_reason varchar(40),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint user_sessions_tenant_id_id_key unique (tenant_id, id),
  constraint user_sessions_user_fkey foreign key (tenant_id, user_id)
    references platform.users (tenant_id, id) on delete cascade,
  constraint user_sessions_revoked_reason check (
    (revoked_at is null) = (revoked_reason is null)
    and revoked_reason in ('logout', 'logout_global', 'logout_others', 'revoked', 'refresh_token_reuse', 'password_changed', 'password_reset', 'user_disabled')
  ),
  constraint user_sessions_expires_after_created check (expires_at > created_at)
);
create index user_sessions_user_idx on platform.user_sessions (tenant_id, user_id);
create index user_sessions_revoked_idx on platform.user_sessions (revoked_at) where revoked_at is not null;
alter table platform.user_sessions enable row level security;
alter table platform.user_sessions force row level security;
create trigger _100_set_updated_at before update on platform.user_sessions
  for each row execute function nexus.tg__set_updated_at();
comment on table platform.user_sessions is 'One sign-in on one device. Users see their own sessions; tenant admins see all of their tenant''s.';
comment on column platform.user_sessions.id is 'Unique identifier of the session (the sid claim of its access tokens).';
comment on column platform.user_sessions.tenant_id is 'The tenant of the user.';
comment on column platform.user_sessions.user_id is 'The user.';
comment on column platform.user_sessions.user_agent is 'User agent of the device that signed in.';
comment on column platform.user_sessions.ip_address is 'IP address the session was last refreshed from.';
comment on column platform.user_sessions.last_seen_at is 'When the session last signed in or refreshed.';
comment on column platform.user_sessions.expires_at is 'When the session ends unless refreshed.';
comment on column platform.user_sessions.revoked_at is 'When the session was ended (logout, revocation, token reuse).';
comment on column platform.user_sessions.revoked_reason is 'Why the session was ended.';
comment on column platform.user_sessions.created_at is 'When the user signed in.';
comment on column platform.user_sessions.updated_at is 'When the session was last changed.';

create table platform.refresh_tokens (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  user_id uuid not null,
  session_id uuid not null,
  token_hash text not null,
  previous_token_id uuid,
  replaced_by_token_id uuid,
  user_agent text,
  ip_address inet,
  expires_at timestamptz not null,
  rotated_at timestamptz,
  revoked_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint refresh_tokens_tenant_id_id_key unique (tenant_id, id),
  constraint refresh_tokens_token_hash_key unique (token_hash),
  constraint refresh_tokens_user_fkey foreign key (tenant_id, user_id)
    references platform.users (tenant_id, id) on delete cascade,
  constraint refresh_tokens_session_fkey foreign key (tenant_id, session_id)
    references platform.user_sessions (tenant_id, id) on delete cascade,
  constraint refresh_tokens_previous_fkey foreign key (tenant_id, previous_token_id)
    references platform.refresh_tokens (tenant_id, id) on delete set null (previous_token_id),
  constraint refresh_tokens_replaced_by_fkey foreign key (tenant_id, replaced_by_token_id)
    references platform.refresh_tokens (tenant_id, id) on delete set null (replaced_by_token_id),
  constraint refresh_tokens_rotation check ((rotated_at is null) = (replaced_by_token_id is null))
);
create index refresh_tokens_user_idx on platform.refresh_tokens (tenant_id, user_id);
create index refresh_tokens_session_idx on platform.refresh_tokens (tenant_id, session_id);
create index refresh_tokens_previous_idx on platform.refresh_tokens (tenant_id, previous_token_id);
create index refresh_tokens_replaced_by_idx on platform.refresh_tokens (tenant_id, replaced_by_token_id);
create index refresh_tokens_expires_at_idx on platform.refresh_tokens (expires_at);
alter table platform.refresh_tokens enable row level security;
alter table platform.refresh_tokens force row level security;
create trigger _100_set_updated_at before update on platform.refresh_tokens
  for each row execute function nexus.tg__set_updated_at();
comment on table platform.refresh_tokens is E'@behavior -*\nRefresh-token rotation records (hash only). Internal to the host.';

/* Seed 000's revoked_tokens: access tokens (by jti) ended before their expiry. */
create table platform.revoked_tokens (
  jti uuid primary key,
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  user_id uuid not null,
  expires_at timestamptz not null,
  revoked_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint revoked_tokens_tenant_id_jti_key unique (tenant_id, jti),
  constraint revoked_tokens_user_fkey foreign key (tenant_id, user_id)
    references platform.users (tenant_id, id) on delete cascade
);
create index revoked_tokens_user_idx on platform.revoked_tokens (tenant_id, user_id);
create index revoked_tokens_expires_at_idx on platform.revoked_tokens (expires_at);
alter table platform.revoked_tokens enable row level security;
alter table platform.revoked_tokens force row level security;
create trigger _100_set_updated_at before update on platform.revoked_tokens
  for each row execute function nexus.tg__set_updated_at();
comment on table platform.revoked_tokens is E'@behavior -*\nAccess tokens revoked before they expire; pruned once expired. Internal to the host.';

/* Mail waiting for delivery (reset and verification links). */
create table platform.mail_outbox (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  user_id uuid,
  recipient text not null,
  subject text not null,
  body text not null,
  sent_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint mail_outbox_tenant_id_id_key unique (tenant_id, id),
  constraint mail_outbox_user_fkey foreign key (tenant_id, user_id)
    references platform.users (tenant_id, id) on delete cascade
);
create index mail_outbox_user_idx on platform.mail_outbox (tenant_id, user_id);
create index mail_outbox_unsent_idx on platform.mail_outbox (created_at) where sent_at is null;
alter table platform.mail_outbox enable row level security;
alter table platform.mail_outbox force row level security;
create trigger _100_set_updated_at before update on platform.mail_outbox
  for each row execute function nexus.tg__set_updated_at();
comment on table platform.mail_outbox is E'@behavior -*\nMail waiting for delivery by a mailer. Internal to the host.';

/* ------------------------------------------------------------------------
 * Revocations reach every gateway instance at once: each one LISTENs on
 * nexus_revocations and keeps an in-memory set.
 */
create function nexus.tg__notify_revocation() returns trigger
  language plpgsql volatile
  set search_path = pg_catalog
as $$
begin
  if tg_table_name = 'revoked_tokens' then
    perform pg_notify('nexus_revocations', json_build_object('kind', 'token', 'id', new.jti, 'expiresAt', new.expires_at)::text);
  elsif new.revoked_at is not null and old.revoked_at is null then
    perform pg_notify('nexus_revocations', json_build_object('kind', 'session', 'id', new.id, 'expiresAt', new.expires_at)::text);
  end if;
  return null;
end;
$$;
comment on function nexus.tg__notify_revocation() is 'Trigger: tells every gateway instance about a revoked access token or session.';
create trigger _900_notify_revocation after insert on platform.revoked_tokens
  for each row execute function nexus.tg__notify_revocation();
create trigger _900_notify_revocation after update of revoked_at on platform.user_sessions
  for each row execute function nexus.tg__notify_revocation();

/* A role with global access may be given only by a platform operator. */
create function nexus.tg__forbid_global_role_assignment() returns trigger
  language plpgsql volatile
  set search_path = pg_catalog
as $$
begin
  if exists (select 1 from platform.roles r where r.id = new.role_id and r.global_access)
     and current_user <> 'nexus_owner' and current_user <> 'nexus_auth'
     and not nexus_auth.is_platform_operator() then
    raise exception 'only a platform operator may assign a role with global access'
      using errcode = '42501';
  end if;
  return new;
end;
$$;
comment on function nexus.tg__forbid_global_role_assignment() is 'Trigger: keeps tenant admins from making anyone a platform operator.';
create trigger _300_forbid_global_role before insert or update of role_id on platform.user_roles
  for each row execute function nexus.tg__forbid_global_role_assignment();
create trigger _300_forbid_global_role before insert or update of role_id on platform.group_roles
  for each row execute function nexus.tg__forbid_global_role_assignment();

/* ========================================================================
 * nexus_auth functions. Each is SECURITY DEFINER, owned by nexus_auth
 * (BYPASSRLS), with search_path pinned to pg_catalog, and takes the user it
 * acts for as an argument: the host has verified who that is.
 */

/*
 * Effective permissions = roles of the user's groups + roles given directly
 * + permissions given directly, for the user and tenant of the JWT, and
 * only while the user is active. Policies call it as
 * `(select nexus_auth.has_permission('DELETE_X'))`: once per statement.
 */
create function nexus_auth.has_permission(permission text) returns boolean
  language sql stable security definer parallel safe
  set search_path = pg_catalog
as $$
  select exists (
    select 1
    from platform.users u
    join platform.permissions p on p.name = permission
    where u.id = nexus.current_user_id()
      and u.tenant_id = nexus.current_tenant_id()
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
comment on function nexus_auth.has_permission(text) is 'Whether the signed-in user holds the named permission in their tenant.';

/* The names of all permissions the signed-in user holds (for clients that shape their UI). */
create function nexus_auth.current_permissions() returns text[]
  language sql stable security definer parallel safe
  set search_path = pg_catalog
as $$
  select coalesce(array_agg(distinct p.name order by p.name), '{}')
  from platform.users u
  join platform.permissions p on true
  where u.id = nexus.current_user_id()
    and u.tenant_id = nexus.current_tenant_id()
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
$$;
comment on function nexus_auth.current_permissions() is 'Permissions the signed-in user holds in their tenant.';

/* The platform operator: holds a role with global_access. */
create function nexus_auth.is_platform_operator() returns boolean
  language sql stable security definer parallel safe
  set search_path = pg_catalog
as $$
  select exists (
    select 1
    from platform.users u
    join platform.roles r on r.global_access
    where u.id = nexus.current_user_id()
      and u.tenant_id = nexus.current_tenant_id()
      and u.is_active
      and r.id in (
        select ur.role_id from platform.user_roles ur
        where ur.tenant_id = u.tenant_id and ur.user_id = u.id
        union all
        select gr.role_id
        from platform.user_group_memberships m
        join platform.group_roles gr on gr.tenant_id = m.tenant_id and gr.user_group_id = m.user_group_id
        where m.tenant_id = u.tenant_id and m.user_id = u.id
      )
  )
$$;
comment on function nexus_auth.is_platform_operator() is 'Whether the signed-in user is a platform operator (may write the global catalogs).';

/*
 * The default roles and one CREATE_/UPDATE_/DELETE_ permission per tenant
 * table, for every table present and future. A permission seen for the
 * first time is granted to admin, and for tables outside `platform` also
 * (CREATE_, UPDATE_) to manager and user; viewer writes nothing. Grants an
 * operator changed later are never touched again. Called after every
 * migration, at the end of policies/ (so after the grants it reads).
 */
create function nexus_auth.sync_permission_catalog() returns void
  language plpgsql volatile security definer
  set search_path = pg_catalog
as $$
declare
  tbl record;
  method text;
  permission_id uuid;
begin
  insert into platform.roles (name, description, global_access) values
    ('admin', 'Administrator with full access to the tenant.', false),
    ('manager', 'Manager: creates and changes records; cannot delete or manage access.', false),
    ('user', 'Standard user: creates and changes records.', false),
    ('viewer', 'Read-only access.', false),
    ('platform_operator', 'Operates the platform: writes the global catalogs.', true)
  on conflict (name) do nothing;

  for tbl in
    select n.nspname as schema_name, c.relname as table_name
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    where c.relkind in ('r', 'p')
      and pg_get_userbyid(c.relowner) = 'nexus_owner'
      and n.nspname not in ('graphile_migrate', 'nexus', 'nexus_auth')
      and exists (
        select 1 from pg_attribute a
        where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
      )
      -- tables only the host touches (refresh tokens, outbox) have no permissions to give
      and (has_table_privilege('nexus_user', c.oid, 'SELECT, INSERT, UPDATE, DELETE')
           or has_any_column_privilege('nexus_user', c.oid, 'SELECT, INSERT, UPDATE'))
    order by 1, 2
  loop
    foreach method in array array['CREATE', 'UPDATE', 'DELETE'] loop
      insert into platform.permissions (name, description)
      values (
        method || '_' || upper(tbl.table_name),
        initcap(method) || ' rows of ' || tbl.schema_name || '.' || tbl.table_name || '.'
      )
      on conflict (name) do nothing
      returning id into permission_id;
      if permission_id is not null then
        insert into platform.role_permissions (role_id, permission_id)
        select r.id, permission_id
        from platform.roles r
        where r.name = 'admin'
           or (r.name in ('manager', 'user') and method <> 'DELETE' and tbl.schema_name <> 'platform')
        on conflict do nothing;
      end if;
    end loop;
  end loop;
  -- the tenant root has no tenant_id; its admins may rename it
  insert into platform.permissions (name, description)
  values ('UPDATE_TENANTS', 'Rename the tenant.')
  on conflict (name) do nothing
  returning id into permission_id;
  if permission_id is not null then
    insert into platform.role_permissions (role_id, permission_id)
    select r.id, permission_id from platform.roles r where r.name = 'admin'
    on conflict do nothing;
  end if;
end;
$$;
comment on function nexus_auth.sync_permission_catalog() is 'Creates the default roles and the permissions of every tenant table; idempotent.';

/* ------------------------------------------------------------------------
 * Tenants and users.
 */

/* A user joins the users group (roles user, manager, admin) and, as admin, the admin group too. */
create function nexus_auth.create_user(
  p_tenant_id uuid,
  p_email text,
  p_username text,
  p_password_hash text,
  p_role text default 'user',
  p_first_name text default null,
  p_last_name text default null
) returns uuid
  language plpgsql volatile security definer
  set search_path = pg_catalog
as $$
declare
  v_tenant platform.tenants;
  v_user_id uuid;
  v_role_id uuid;
begin
  select * into v_tenant from platform.tenants where id = p_tenant_id;
  if not found then
    raise exception 'no tenant with id %', p_tenant_id using errcode = 'P0002';
  end if;
  select id into v_role_id from platform.roles where name = p_role and not global_access;
  if v_role_id is null then
    raise exception 'unknown role "%": use admin, manager, user or viewer', p_role using errcode = '22023';
  end if;
  insert into platform.users (tenant_id, email, username, password_hash, first_name, last_name, password_changed_at)
  values (p_tenant_id, lower(p_email), p_username, p_password_hash, p_first_name, p_last_name, now())
  returning id into v_user_id;
  insert into platform.user_preferences (tenant_id, user_id) values (p_tenant_id, v_user_id);
  if p_role <> 'viewer' then
    insert into platform.user_group_memberships (tenant_id, user_id, user_group_id)
    values (p_tenant_id, v_user_id, v_tenant.tenant_users_group_id);
  end if;
  if p_role = 'admin' then
    insert into platform.user_group_memberships (tenant_id, user_id, user_group_id)
    values (p_tenant_id, v_user_id, v_tenant.tenant_admin_group_id);
  elsif p_role in ('manager', 'viewer') then
    insert into platform.user_roles (tenant_id, user_id, role_id) values (p_tenant_id, v_user_id, v_role_id);
  end if;
  return v_user_id;
end;
$$;
comment on function nexus_auth.create_user(uuid, text, text, text, text, text, text) is 'Creates a user with a role (admin, manager, user or viewer) in a tenant.';

/* A tenant, its two groups with their roles, and its first admin, in one transaction. */
create function nexus_auth.create_tenant(
  p_name text,
  p_admin_email text,
  p_admin_username text,
  p_admin_password_hash text
) returns table (tenant_id uuid, admin_user_id uuid)
  language plpgsql volatile security definer
  set search_path = pg_catalog
as $$
declare
  v_tenant_id uuid := gen_random_uuid();
  v_admin_group uuid := gen_random_uuid();
  v_users_group uuid := gen_random_uuid();
begin
  -- the tenant -> group keys are deferred: both groups follow in this transaction
  insert into platform.tenants (id, name, tenant_admin_group_id, tenant_users_group_id)
  values (v_tenant_id, btrim(p_name), v_admin_group, v_users_group);
  insert into platform.user_groups (id, tenant_id, name, description) values
    (v_admin_group, v_tenant_id, 'Administrators', 'Administrators of the tenant.'),
    (v_users_group, v_tenant_id, 'Users', 'Every user of the tenant.');
  insert into platform.group_roles (tenant_id, user_group_id, role_id)
  select v_tenant_id, v_admin_group, r.id from platform.roles r where r.name = 'admin'
  union all
  select v_tenant_id, v_users_group, r.id from platform.roles r where r.name = 'user';
  return query select v_tenant_id, nexus_auth.create_user(v_tenant_id, p_admin_email, p_admin_username, p_admin_password_hash, 'admin');
end;
$$;
comment on function nexus_auth.create_tenant(text, text, text, text) is 'Creates a tenant with its admin and users groups and its first admin user.';

/* ------------------------------------------------------------------------
 * Sign-in.
 */

/* By email or username, case-insensitive. Returns the hash for the host to verify. */
create function nexus_auth.find_login(p_identifier text)
returns table (user_id uuid, tenant_id uuid, password_hash text, is_active boolean, locked_until timestamptz)
  language sql stable security definer
  set search_path = pg_catalog
as $$
  select u.id, u.tenant_id, u.password_hash, u.is_active, u.locked_until
  from platform.users u
  where lower(u.email) = lower(p_identifier) or lower(u.username) = lower(p_identifier)
  limit 1
$$;
comment on function nexus_auth.find_login(text) is 'The account signing in with this email or username.';

create function nexus_auth.user_credentials(p_user_id uuid)
returns table (tenant_id uuid, email text, password_hash text, is_active boolean)
  language sql stable security definer
  set search_path = pg_catalog
as $$
  select u.tenant_id, u.email, u.password_hash, u.is_active from platform.users u where u.id = p_user_id
$$;
comment on function nexus_auth.user_credentials(uuid) is 'Password hash and state of one user, for a password change.';

/* After the host saw a wrong password: count it, and lock the account at the limit. */
create function nexus_auth.record_login_failure(p_user_id uuid, p_max_failures integer, p_lock_seconds integer)
returns timestamptz
  language sql volatile security definer
  set search_path = pg_catalog
as $$
  update platform.users
  set failed_login_count = case when failed_login_count + 1 >= p_max_failures then 0 else failed_login_count + 1 end,
      locked_until = case when failed_login_count + 1 >= p_max_failures
                          then now() + make_interval(secs => p_lock_seconds) else locked_until end
  where id = p_user_id
  returning locked_until
$$;
comment on function nexus_auth.record_login_failure(uuid, integer, integer) is 'Counts a failed sign-in; returns until when the account is locked, if it is.';

/* After a good password: a new session and the first refresh token of its family. */
create function nexus_auth.start_session(
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
  update platform.users
  set failed_login_count = 0, locked_until = null, last_login_at = now()
  where id = p_user_id and is_active
  returning platform.users.tenant_id into v_tenant_id;
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
comment on function nexus_auth.start_session(uuid, text, timestamptz, text, inet) is 'Opens a session with its first refresh token.';

/*
 * Refresh-token rotation. The host derives every successor token from its
 * predecessor with a keyed hash, so a repeat inside the grace window (two
 * tabs refreshing at once) can be answered with the family's current token:
 * this returns how many rotations separate the presented token from it.
 * Outcomes: rotated, grace, reused (the family is revoked), expired, invalid.
 */
create function nexus_auth.refresh_session(
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
  select u.is_active into v_active from platform.users u where u.id = v_token.user_id;
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
comment on function nexus_auth.refresh_session(text, text, timestamptz, integer, text, inet) is 'Rotates a refresh token; detects reuse and revokes the family.';

/* ------------------------------------------------------------------------
 * Revocation.
 */
create function nexus_auth.revoke_session(p_session_id uuid, p_reason text) returns boolean
  language plpgsql volatile security definer
  set search_path = pg_catalog
as $$
begin
  update platform.refresh_tokens t set revoked_at = now()
  where t.session_id = p_session_id and t.revoked_at is null;
  update platform.user_sessions s set revoked_at = now(), revoked_reason = p_reason
  where s.id = p_session_id and s.revoked_at is null;
  return found;
end;
$$;
comment on function nexus_auth.revoke_session(uuid, text) is 'Ends one session and its refresh tokens; its access tokens stop working at once.';

create function nexus_auth.revoke_user_sessions(p_user_id uuid, p_except_session_id uuid, p_reason text) returns integer
  language plpgsql volatile security definer
  set search_path = pg_catalog
as $$
declare
  v_count integer;
begin
  update platform.refresh_tokens t set revoked_at = now()
  where t.user_id = p_user_id and t.revoked_at is null
    and t.session_id is distinct from p_except_session_id;
  update platform.user_sessions s set revoked_at = now(), revoked_reason = p_reason
  where s.user_id = p_user_id and s.revoked_at is null
    and s.id is distinct from p_except_session_id;
  get diagnostics v_count = row_count;
  return v_count;
end;
$$;
comment on function nexus_auth.revoke_user_sessions(uuid, uuid, text) is 'Ends every session of a user except one (or all, given null).';

create function nexus_auth.revoke_access_token(p_jti uuid, p_user_id uuid, p_expires_at timestamptz) returns void
  language sql volatile security definer
  set search_path = pg_catalog
as $$
  insert into platform.revoked_tokens (jti, tenant_id, user_id, expires_at)
  select p_jti, u.tenant_id, u.id, p_expires_at from platform.users u where u.id = p_user_id
  on conflict (jti) do nothing
$$;
comment on function nexus_auth.revoke_access_token(uuid, uuid, timestamptz) is 'Revokes one access token (by jti) until it expires.';

/* What every gateway instance must refuse right now (loaded at start and after a listener reconnect). */
create function nexus_auth.revocation_snapshot(p_access_ttl_seconds integer)
returns table (kind text, id uuid, expires_at timestamptz)
  language sql stable security definer
  set search_path = pg_catalog
as $$
  select 'token', r.jti, r.expires_at from platform.revoked_tokens r where r.expires_at > now()
  union all
  select 'session', s.id, s.revoked_at + make_interval(secs => p_access_ttl_seconds)
  from platform.user_sessions s
  where s.revoked_at > now() - make_interval(secs => p_access_ttl_seconds)
$$;
comment on function nexus_auth.revocation_snapshot(integer) is 'Revoked tokens and sessions whose access tokens may still be unexpired.';

/* The slow path, used only while an instance's listener is down. */
create function nexus_auth.is_revoked(p_jti uuid, p_session_id uuid) returns boolean
  language sql stable security definer
  set search_path = pg_catalog
as $$
  select exists (select 1 from platform.revoked_tokens r where r.jti = p_jti)
      or exists (select 1 from platform.user_sessions s where s.id = p_session_id and s.revoked_at is not null)
$$;
comment on function nexus_auth.is_revoked(uuid, uuid) is 'Whether an access token or its session has been revoked.';

create function nexus_auth.list_sessions(p_user_id uuid)
returns table (id uuid, created_at timestamptz, last_seen_at timestamptz, expires_at timestamptz, user_agent text, ip_address inet)
  language sql stable security definer
  set search_path = pg_catalog
as $$
  select s.id, s.created_at, s.last_seen_at, s.expires_at, s.user_agent, s.ip_address
  from platform.user_sessions s
  where s.user_id = p_user_id and s.revoked_at is null and s.expires_at > now()
  order by s.last_seen_at desc
$$;
comment on function nexus_auth.list_sessions(uuid) is 'The active sessions of a user, most recent first.';

/* Tenant admins may revoke the sessions of their own tenant's users; anyone their own. */
create function nexus_auth.session_owner(p_session_id uuid)
returns table (user_id uuid, tenant_id uuid, revoked_at timestamptz)
  language sql stable security definer
  set search_path = pg_catalog
as $$
  select s.user_id, s.tenant_id, s.revoked_at from platform.user_sessions s where s.id = p_session_id
$$;
comment on function nexus_auth.session_owner(uuid) is 'Who a session belongs to.';

create function nexus_auth.user_has_permission(p_user_id uuid, p_permission text) returns boolean
  language plpgsql stable security definer
  set search_path = pg_catalog
as $$
declare
  v_tenant uuid;
  v_result boolean;
begin
  select u.tenant_id into v_tenant from platform.users u where u.id = p_user_id;
  if v_tenant is null then
    return false;
  end if;
  perform set_config('jwt.claims.user_id', p_user_id::text, true);
  perform set_config('jwt.claims.tenant_id', v_tenant::text, true);
  v_result := nexus_auth.has_permission(p_permission);
  return v_result;
end;
$$;
comment on function nexus_auth.user_has_permission(uuid, text) is 'has_permission for a user the host names (outside a GraphQL request).';

/* ------------------------------------------------------------------------
 * Passwords, reset and verification. Tokens are stored as hashes only.
 */
create function nexus_auth.set_password(p_user_id uuid, p_password_hash text, p_keep_session_id uuid, p_reason text)
returns integer
  language plpgsql volatile security definer
  set search_path = pg_catalog
as $$
begin
  update platform.users
  set password_hash = p_password_hash, password_changed_at = now(), failed_login_count = 0, locked_until = null,
      password_reset_token_hash = null, password_reset_token_expires_at = null
  where id = p_user_id;
  return nexus_auth.revoke_user_sessions(p_user_id, p_keep_session_id, p_reason);
end;
$$;
comment on function nexus_auth.set_password(uuid, text, uuid, text) is 'Sets a new password hash and ends every other session.';

create function nexus_auth.request_password_reset(p_email text, p_token_hash text, p_expires_at timestamptz)
returns table (user_id uuid, tenant_id uuid, email text)
  language sql volatile security definer
  set search_path = pg_catalog
as $$
  update platform.users u
  set password_reset_token_hash = p_token_hash, password_reset_token_expires_at = p_expires_at
  where lower(u.email) = lower(p_email) and u.is_active
  returning u.id, u.tenant_id, u.email
$$;
comment on function nexus_auth.request_password_reset(text, text, timestamptz) is 'Stores a password reset token hash for the user with this email, if any.';

create function nexus_auth.confirm_password_reset(p_token_hash text, p_password_hash text) returns uuid
  language plpgsql volatile security definer
  set search_path = pg_catalog
as $$
declare
  v_user_id uuid;
begin
  select u.id into v_user_id from platform.users u
  where u.password_reset_token_hash = p_token_hash and u.password_reset_token_expires_at > now() and u.is_active
  for update;
  if v_user_id is null then
    return null;
  end if;
  perform nexus_auth.set_password(v_user_id, p_password_hash, null, 'password_reset');
  return v_user_id;
end;
$$;
comment on function nexus_auth.confirm_password_reset(text, text) is 'Sets the password of the user holding a valid reset token; ends all their sessions.';

create function nexus_auth.request_email_verification(p_user_id uuid, p_token_hash text, p_expires_at timestamptz)
returns table (tenant_id uuid, email text, email_verified boolean)
  language sql volatile security definer
  set search_path = pg_catalog
as $$
  update platform.users u
  set email_verification_token_hash = case when u.email_verified then null else p_token_hash end,
      email_verification_token_expires_at = case when u.email_verified then null else p_expires_at end
  where u.id = p_user_id
  returning u.tenant_id, u.email, u.email_verified
$$;
comment on function nexus_auth.request_email_verification(uuid, text, timestamptz) is 'Stores an email verification token hash unless the email is already verified.';

create function nexus_auth.confirm_email_verification(p_token_hash text) returns uuid
  language sql volatile security definer
  set search_path = pg_catalog
as $$
  update platform.users u
  set email_verified = true, email_verification_token_hash = null, email_verification_token_expires_at = null
  where u.email_verification_token_hash = p_token_hash and u.email_verification_token_expires_at > now()
  returning u.id
$$;
comment on function nexus_auth.confirm_email_verification(text) is 'Marks the email of the user holding a valid verification token as verified.';

create function nexus_auth.enqueue_mail(p_tenant_id uuid, p_user_id uuid, p_recipient text, p_subject text, p_body text)
returns uuid
  language sql volatile security definer
  set search_path = pg_catalog
as $$
  insert into platform.mail_outbox (tenant_id, user_id, recipient, subject, body)
  values (p_tenant_id, p_user_id, p_recipient, p_subject, p_body)
  returning id
$$;
comment on function nexus_auth.enqueue_mail(uuid, uuid, text, text, text) is 'Queues a mail for delivery.';

/* Expired revocations and tokens are no longer needed to refuse anything. */
create function nexus_auth.prune_expired() returns table (revoked_tokens integer, refresh_tokens integer, sessions integer)
  language plpgsql volatile security definer
  set search_path = pg_catalog
as $$
declare
  v_revoked integer;
  v_refresh integer;
  v_sessions integer;
begin
  delete from platform.revoked_tokens r where r.expires_at < now();
  get diagnostics v_revoked = row_count;
  delete from platform.refresh_tokens t where t.expires_at < now() - interval '1 day';
  get diagnostics v_refresh = row_count;
  delete from platform.user_sessions s
  where (s.expires_at < now() - interval '30 days')
     or (s.revoked_at < now() - interval '30 days');
  get diagnostics v_sessions = row_count;
  return query select v_revoked, v_refresh, v_sessions;
end;
$$;
comment on function nexus_auth.prune_expired() is 'Deletes expired revocations, refresh tokens and old sessions.';

/* A user made inactive loses every session at once. */
create function nexus_auth.tg_users__revoke_sessions_when_disabled() returns trigger
  language plpgsql volatile security definer
  set search_path = pg_catalog
as $$
begin
  if old.is_active and not new.is_active then
    perform nexus_auth.revoke_user_sessions(new.id, null, 'user_disabled');
  end if;
  return null;
end;
$$;
comment on function nexus_auth.tg_users__revoke_sessions_when_disabled() is 'Trigger: ends the sessions of a user who is made inactive.';
create trigger _500_revoke_sessions_when_disabled after update of is_active on platform.users
  for each row execute function nexus_auth.tg_users__revoke_sessions_when_disabled();

/* Only holders of UPDATE_USERS change whether a user is active; users edit their own profile otherwise. */
create function nexus.tg_users__guard_activation() returns trigger
  language plpgsql volatile
  set search_path = pg_catalog
as $$
begin
  if new.is_active is distinct from old.is_active
     and current_user = 'nexus_user'
     and not nexus_auth.has_permission('UPDATE_USERS') then
    raise exception 'changing whether a user is active needs the UPDATE_USERS permission' using errcode = '42501';
  end if;
  return new;
end;
$$;
comment on function nexus.tg_users__guard_activation() is 'Trigger: only holders of UPDATE_USERS activate or deactivate users.';
create trigger _200_guard_activation before update of is_active on platform.users
  for each row execute function nexus.tg_users__guard_activation();

/* Hand every function of nexus_auth to the BYPASSRLS role; nobody else may run them unless granted. */
do $$
declare
  fn regprocedure;
begin
  for fn in
    select p.oid::regprocedure from pg_proc p where p.pronamespace = 'nexus_auth'::regnamespace
  loop
    execute format('revoke all on function %s from public', fn);
    execute format('alter function %s owner to nexus_auth', fn);
  end loop;
end;
$$;
