--! Previous: sha1:3c28e9b59387486b20272247f13a15311cab6889
--! Hash: sha1:9a587b2492dc6a0e0511b659ae562ebe638641a7
--! Message: auth: invitations to a tenant

/*
 * Invitations: a tenant admin invites an address; the invitee opens the
 * mailed link, chooses a password, and so gets an account in the inviting
 * tenant. Kept in nexus_auth, beside the functions that use it: only the
 * host touches invitations, and nothing of them reaches GraphQL. The token
 * is stored as a hash only; an invitation is used once and expires.
 */
create table nexus_auth.invitations (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete cascade,
  email text not null,
  role text not null default 'user',
  token_hash text not null,
  invited_by uuid not null,
  expires_at timestamptz not null,
  accepted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint invitations_tenant_id_id_key unique (tenant_id, id),
  constraint invitations_token_hash_key unique (token_hash),
  constraint invitations_role_check check (role in ('admin', 'manager', 'user', 'viewer')),
  constraint invitations_email_format check (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' and char_length(email) <= 320),
  constraint invitations_invited_by_fkey foreign key (tenant_id, invited_by)
    references platform.users (tenant_id, id) on delete cascade
);
-- The question asked: the tenant's open invitation for an address (a new one replaces it).
create index invitations_tenant_email_idx on nexus_auth.invitations (tenant_id, lower(email)) where accepted_at is null;
create index invitations_tenant_invited_by_idx on nexus_auth.invitations (tenant_id, invited_by);
create index invitations_expires_at_idx on nexus_auth.invitations (expires_at) where accepted_at is null;
alter table nexus_auth.invitations enable row level security;
alter table nexus_auth.invitations force row level security;
create trigger _100_set_updated_at before update on nexus_auth.invitations
  for each row execute function nexus.tg__set_updated_at();
grant select, insert, update, delete on nexus_auth.invitations to nexus_auth;
comment on table nexus_auth.invitations is 'Invitations of an email address to a tenant, by one of its admins. Internal to the host.';
comment on column nexus_auth.invitations.email is 'The invited address.';
comment on column nexus_auth.invitations.role is 'The role the account gets: admin, manager, user or viewer.';
comment on column nexus_auth.invitations.token_hash is 'SHA-256 of the mailed token; the token itself is never stored.';
comment on column nexus_auth.invitations.invited_by is 'The admin who invited.';
comment on column nexus_auth.invitations.expires_at is 'After this the link is refused.';
comment on column nexus_auth.invitations.accepted_at is 'When the account was created through the link; the link is refused after that.';

/*
 * The inviter's permission (CREATE_USERS, held by the tenant's admins) is
 * checked here, not in the host. Outcomes: invited (a row to mail), member
 * (the address already has an account in this tenant), unavailable (it has
 * one in another tenant: nothing is stored or sent, and the host answers
 * exactly as for invited, so an admin learns nothing about other tenants).
 */
create function nexus_auth.create_invitation(p_inviter uuid, p_email text, p_role text, p_token_hash text, p_expires_at timestamptz)
returns table (outcome text, tenant_id uuid, tenant_name text, invitation_id uuid)
  language plpgsql volatile security definer
  set search_path = pg_catalog
as $$
declare
  v_tenant_id uuid;
  v_tenant_name text;
  v_owner uuid;
  v_id uuid;
begin
  select u.tenant_id, t.name into v_tenant_id, v_tenant_name
  from platform.users u join platform.tenants t on t.id = u.tenant_id
  where u.id = p_inviter and u.is_active;
  if v_tenant_id is null or not nexus_auth.user_has_permission(p_inviter, 'CREATE_USERS') then
    raise exception 'inviting needs the CREATE_USERS permission' using errcode = '42501';
  end if;
  if p_role not in ('admin', 'manager', 'user', 'viewer') then
    raise exception 'unknown role "%": use admin, manager, user or viewer', p_role using errcode = '22023';
  end if;
  select u.tenant_id into v_owner from platform.users u where lower(u.email) = lower(p_email);
  if v_owner = v_tenant_id then
    return query select 'member'::text, v_tenant_id, v_tenant_name, null::uuid;
    return;
  elsif v_owner is not null then
    return query select 'unavailable'::text, v_tenant_id, v_tenant_name, null::uuid;
    return;
  end if;
  delete from nexus_auth.invitations i
  where i.tenant_id = v_tenant_id and lower(i.email) = lower(p_email) and i.accepted_at is null;
  insert into nexus_auth.invitations (tenant_id, email, role, token_hash, invited_by, expires_at)
  values (v_tenant_id, lower(p_email), p_role, p_token_hash, p_inviter, p_expires_at)
  returning id into v_id;
  return query select 'invited'::text, v_tenant_id, v_tenant_name, v_id;
end;
$$;
comment on function nexus_auth.create_invitation(uuid, text, text, text, timestamptz) is 'Invites an address to the inviter''s tenant; needs CREATE_USERS.';

/* The address of a valid invitation: the host derives a username from it. */
create function nexus_auth.invitation_email(p_token_hash text) returns table (email text)
  language sql stable security definer
  set search_path = pg_catalog
as $$
  select i.email from nexus_auth.invitations i
  where i.token_hash = p_token_hash and i.accepted_at is null and i.expires_at > now()
$$;
comment on function nexus_auth.invitation_email(text) is 'The invited address of a valid, unused invitation.';

/*
 * Accepting creates the account (nexus_auth.create_user) and spends the
 * invitation in one transaction; the row is locked first, so two requests
 * with the same link create one account. No row: invalid, expired or used.
 */
create function nexus_auth.accept_invitation(p_token_hash text, p_username text, p_password_hash text)
returns table (user_id uuid, tenant_id uuid, email text)
  language plpgsql volatile security definer
  set search_path = pg_catalog
as $$
declare
  v_invitation nexus_auth.invitations;
  v_user_id uuid;
begin
  select * into v_invitation from nexus_auth.invitations i
  where i.token_hash = p_token_hash and i.accepted_at is null and i.expires_at > now()
  for update;
  if not found then
    return;
  end if;
  v_user_id := nexus_auth.create_user(v_invitation.tenant_id, v_invitation.email, p_username, p_password_hash, v_invitation.role);
  -- Opening the mailed link proves the address.
  update platform.users set email_verified = true where id = v_user_id;
  update nexus_auth.invitations set accepted_at = now() where id = v_invitation.id;
  return query select v_user_id, v_invitation.tenant_id, v_invitation.email;
end;
$$;
comment on function nexus_auth.accept_invitation(text, text, text) is 'Creates the invited account with its password; the invitation is spent.';

revoke all on function nexus_auth.create_invitation(uuid, text, text, text, timestamptz),
  nexus_auth.invitation_email(text), nexus_auth.accept_invitation(text, text, text) from public;
alter function nexus_auth.create_invitation(uuid, text, text, text, timestamptz) owner to nexus_auth;
alter function nexus_auth.invitation_email(text) owner to nexus_auth;
alter function nexus_auth.accept_invitation(text, text, text) owner to nexus_auth;
