/*
 * The functions of schema nexus_auth (owner nexus_auth, BYPASSRLS): sign-in,
 * sessions, revocation, throttling, tenants and users, invitations, mail,
 * permission checks.
 *
 * This file is their one definition. It is re-applied after every
 * migration, before policies/, so a change to one of these functions is
 * made here, not in a new migration (docs/conventions.md). Each body is
 * written the way PostgreSQL prints it back (pg_get_functiondef), which
 * test/functions.test.ts compares with the live catalog: keep that form.
 * `create or replace` keeps the owner, and only the owner may replace a
 * function or grant on it, so this file switches to nexus_auth.
 */
set local role nexus_auth;

CREATE OR REPLACE FUNCTION nexus_auth.accept_invitation(p_token_hash text, p_username text, p_password_hash text)
 RETURNS TABLE(user_id uuid, tenant_id uuid, email text)
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog'
AS $function$
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
$function$;
revoke all on function nexus_auth.accept_invitation(text,text,text) from public;
grant execute on function nexus_auth.accept_invitation(text,text,text) to nexus_authenticator;
comment on function nexus_auth.accept_invitation(text,text,text) is 'Creates the invited account with its password; the invitation is spent.';

CREATE OR REPLACE FUNCTION nexus_auth.assign_group(p_user_id uuid, p_group text)
 RETURNS boolean
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog'
AS $function$
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
$function$;
revoke all on function nexus_auth.assign_group(uuid,text) from public;
grant execute on function nexus_auth.assign_group(uuid,text) to nexus_authenticator;
comment on function nexus_auth.assign_group(uuid,text) is 'Adds a user to a group of their tenant, by name.';

CREATE OR REPLACE FUNCTION nexus_auth.assign_role(p_user_id uuid, p_role text)
 RETURNS boolean
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog'
AS $function$
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
$function$;
revoke all on function nexus_auth.assign_role(uuid,text) from public;
grant execute on function nexus_auth.assign_role(uuid,text) to nexus_authenticator;
comment on function nexus_auth.assign_role(uuid,text) is 'Gives a user a tenant role, by name.';

CREATE OR REPLACE FUNCTION nexus_auth.automation_claim_run(p_run_id uuid, p_job_id text)
 RETURNS TABLE(tenant_id uuid, run_as uuid, conditions jsonb, actions jsonb, context jsonb, attempts integer, max_attempts integer)
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog'
AS $function$
begin
  -- The job that made the attempt under way is back: graphile-worker hands a job out again only once the
  -- lock of the worker that held it has expired, so that attempt died with its process. It is recorded as
  -- abandoned; the run then waits for its retry like a failed attempt, or fails when that was its last.
  update automation.automation_runs r
  set abandoned_attempts = r.abandoned_attempts + 1,
      error = format('attempt %s was abandoned: its process stopped before it finished', r.attempts),
      status = case when r.attempts >= r.max_attempts then 'failed'::automation.run_status else r.status end,
      finished_at = case when r.attempts >= r.max_attempts then now() end
  where r.id = p_run_id and r.status = 'running' and r.error is null and r.attempt_job_id = p_job_id;
  return query
  with claimed as (
    update automation.automation_runs r
    set status = 'running', attempts = r.attempts + 1, started_at = coalesce(r.started_at, now()), error = null,
        attempt_job_id = p_job_id
    from automation.automation_rules rule
    -- running with an error: the last attempt failed and waits for its retry; running without one: an attempt is under way
    where r.id = p_run_id and (r.status = 'queued' or (r.status = 'running' and r.error is not null))
      and r.attempts < r.max_attempts
      and rule.tenant_id = r.tenant_id and rule.id = r.rule_id
    returning r.tenant_id, rule.created_by, rule.conditions, rule.actions, r.context, r.attempts, r.max_attempts
  )
  select * from claimed;
end;
$function$;
revoke all on function nexus_auth.automation_claim_run(uuid,text) from public;
grant execute on function nexus_auth.automation_claim_run(uuid,text) to nexus_authenticator;
comment on function nexus_auth.automation_claim_run(uuid,text) is 'Starts the next attempt of a queued run or of one whose last attempt failed, for the given job: what to do, for whom, and as whom; nothing while another job''s attempt is under way or once it is finished. The job that made the attempt under way, handed out again, finds it abandoned.';

CREATE OR REPLACE FUNCTION nexus_auth.automation_due_cron_jobs()
 RETURNS TABLE(id uuid, schedule text, next_run_at timestamp with time zone)
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog'
AS $function$
begin
  -- locked for the caller's transaction; another instance skips them
  return query
  select j.id, j.schedule, j.next_run_at
  from automation.cron_jobs j
  join automation.automation_rules r on r.tenant_id = j.tenant_id and r.id = j.rule_id
  where j.is_active and r.is_active and j.next_run_at <= now()
  order by j.next_run_at
  limit 100
  for update of j skip locked;
end;
$function$;
revoke all on function nexus_auth.automation_due_cron_jobs() from public;
grant execute on function nexus_auth.automation_due_cron_jobs() to nexus_authenticator;
comment on function nexus_auth.automation_due_cron_jobs() is 'The active cron jobs that are due, locked for the caller''s transaction.';

CREATE OR REPLACE FUNCTION nexus_auth.automation_finish_run(p_run_id uuid, p_status text, p_result jsonb, p_error text)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog'
AS $function$
begin
  update automation.automation_runs r
  set status = p_status::automation.run_status,
      result = coalesce(p_result, r.result),
      error = left(p_error, 2000),
      finished_at = case when p_status = 'running' then null else now() end
  where r.id = p_run_id and r.status = 'running';
end;
$function$;
revoke all on function nexus_auth.automation_finish_run(uuid,text,jsonb,text) from public;
grant execute on function nexus_auth.automation_finish_run(uuid,text,jsonb,text) to nexus_authenticator;
comment on function nexus_auth.automation_finish_run(uuid,text,jsonb,text) is 'Records the outcome of an attempt: succeeded, skipped, failed, or running (to be retried) with its error.';

CREATE OR REPLACE FUNCTION nexus_auth.automation_queued_runs()
 RETURNS TABLE(id uuid, max_attempts integer)
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog'
AS $function$
begin
  return query
  select r.id, r.max_attempts from automation.automation_runs r
  where r.status = 'queued'
  order by r.queued_at
  limit 500;
end;
$function$;
revoke all on function nexus_auth.automation_queued_runs() from public;
grant execute on function nexus_auth.automation_queued_runs() to nexus_authenticator;
comment on function nexus_auth.automation_queued_runs() is 'Runs waiting for their first attempt, oldest first.';

CREATE OR REPLACE FUNCTION nexus_auth.automation_schedule_cron_run(p_cron_job_id uuid, p_next_run_at timestamp with time zone)
 RETURNS uuid
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog'
AS $function$
declare
  v_tenant_id uuid;
  v_rule_id uuid;
  v_name text;
  v_run_id uuid;
begin
  update automation.cron_jobs j set last_run_at = now(), next_run_at = p_next_run_at
  where j.id = p_cron_job_id
  returning j.tenant_id, j.rule_id, j.name into v_tenant_id, v_rule_id, v_name;
  if not found then
    return null;
  end if;
  insert into automation.automation_runs (tenant_id, rule_id, cron_job_id, context)
  values (v_tenant_id, v_rule_id, p_cron_job_id, jsonb_build_object('scheduled_at', now(), 'cron_job', v_name))
  returning id into v_run_id;
  return v_run_id;
end;
$function$;
revoke all on function nexus_auth.automation_schedule_cron_run(uuid,timestamp with time zone) from public;
grant execute on function nexus_auth.automation_schedule_cron_run(uuid,timestamp with time zone) to nexus_authenticator;
comment on function nexus_auth.automation_schedule_cron_run(uuid,timestamp with time zone) is 'Fires a due cron job: queues a run of its rule and moves the job to its next time.';

CREATE OR REPLACE FUNCTION nexus_auth.claim_mail(p_id uuid)
 RETURNS TABLE(id uuid, recipient text, subject text, body text, attempts integer)
 LANGUAGE sql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog'
AS $function$
  select m.id, m.recipient, m.subject, m.body, m.attempts
  from platform.mail_outbox m
  where m.id = p_id and m.status = 'pending'
  for update
$function$;
revoke all on function nexus_auth.claim_mail(uuid) from public;
grant execute on function nexus_auth.claim_mail(uuid) to nexus_authenticator;
comment on function nexus_auth.claim_mail(uuid) is 'Locks a pending mail for sending.';

CREATE OR REPLACE FUNCTION nexus_auth.clear_throttle(p_account text)
 RETURNS integer
 LANGUAGE sql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog'
AS $function$
  with cleared as (delete from nexus_auth.sign_in_throttle where account = p_account returning 1)
  select count(*)::integer from cleared
$function$;
revoke all on function nexus_auth.clear_throttle(text) from public;
grant execute on function nexus_auth.clear_throttle(text) to nexus_authenticator;
comment on function nexus_auth.clear_throttle(text) is 'Clears the sign-in throttle of one account; returns how many buckets.';

CREATE OR REPLACE FUNCTION nexus_auth.confirm_email_verification(p_token_hash text)
 RETURNS uuid
 LANGUAGE sql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog'
AS $function$
  update platform.users u
  set email_verified = true, email_verification_token_hash = null, email_verification_token_expires_at = null
  where u.email_verification_token_hash = p_token_hash and u.email_verification_token_expires_at > now()
  returning u.id
$function$;
revoke all on function nexus_auth.confirm_email_verification(text) from public;
grant execute on function nexus_auth.confirm_email_verification(text) to nexus_authenticator;
comment on function nexus_auth.confirm_email_verification(text) is 'Marks the email of the user holding a valid verification token as verified.';

CREATE OR REPLACE FUNCTION nexus_auth.confirm_password_reset(p_token_hash text, p_password_hash text)
 RETURNS uuid
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog'
AS $function$
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
$function$;
revoke all on function nexus_auth.confirm_password_reset(text,text) from public;
grant execute on function nexus_auth.confirm_password_reset(text,text) to nexus_authenticator;
comment on function nexus_auth.confirm_password_reset(text,text) is 'Sets the password of the user holding a valid reset token; ends all their sessions.';

CREATE OR REPLACE FUNCTION nexus_auth.create_invitation(p_inviter uuid, p_email text, p_role text, p_token_hash text, p_expires_at timestamp with time zone)
 RETURNS TABLE(outcome text, tenant_id uuid, tenant_name text, invitation_id uuid)
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog'
AS $function$
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
$function$;
revoke all on function nexus_auth.create_invitation(uuid,text,text,text,timestamp with time zone) from public;
grant execute on function nexus_auth.create_invitation(uuid,text,text,text,timestamp with time zone) to nexus_authenticator;
comment on function nexus_auth.create_invitation(uuid,text,text,text,timestamp with time zone) is 'Invites an address to the inviter''s tenant; needs CREATE_USERS.';

CREATE OR REPLACE FUNCTION nexus_auth.add_tenant_defaults(p_tenant_id uuid)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog'
AS $function$
-- plpgsql, not sql: this file is applied before policies/ grants nexus_auth the ops schema
begin
  insert into ops.api_endpoints (tenant_id, name, path, method, description)
  values
    (p_tenant_id, 'health.check', '/health', 'GET', 'Health check of the gateway.'),
    (p_tenant_id, 'users.profile.get', '/v1/users/me', 'GET', 'The signed-in user''s profile.'),
    (p_tenant_id, 'users.profile.update', '/v1/users/me', 'PATCH', 'Change the signed-in user''s profile.'),
    (p_tenant_id, 'accounts.list', '/v1/accounts', 'GET', 'The accounts of the tenant.'),
    (p_tenant_id, 'transactions.create', '/v1/transactions', 'POST', 'Record a transaction.'),
    (p_tenant_id, 'ai.chat', '/v1/ai/chat', 'POST', 'Chat with the tenant''s active AI model.'),
    (p_tenant_id, 'analytics.summary', '/v1/analytics/summary', 'GET', 'Key metrics of the last 24 hours.')
  on conflict (tenant_id, name) do nothing;
  insert into ops.ssot_anchors (tenant_id, anchor_id, family, description, format, source_hint, owner, version, centrality_score)
  values
    (p_tenant_id, 'config.env', 'environment', 'Environment configuration', 'env', '.env.example', 'platform-team', '1.0.0', 0.95),
    (p_tenant_id, 'config.docker', 'docker', 'Docker configuration', 'yaml', 'docker-compose.yml', 'platform-team', '1.0.0', 0.80),
    (p_tenant_id, 'config.kubernetes', 'kubernetes', 'Kubernetes configuration', 'yaml', 'k8s/deployment.yaml', 'platform-team', '1.0.0', 0.70),
    (p_tenant_id, 'config.monitoring', 'monitoring', 'Monitoring configuration', 'yaml', 'monitoring/prometheus.yml', 'platform-team', '1.0.0', 0.60),
    (p_tenant_id, 'config.api', 'api', 'API configuration', 'json', 'config/api.json', 'platform-team', '1.0.0', 0.90)
  on conflict (tenant_id, anchor_id) do nothing;
  insert into platform.tenant_settings (tenant_id) values (p_tenant_id) on conflict (tenant_id) do nothing;
end;
$function$;
revoke all on function nexus_auth.add_tenant_defaults(uuid) from public;
grant execute on function nexus_auth.add_tenant_defaults(uuid) to nexus_authenticator;
comment on function nexus_auth.add_tenant_defaults(uuid) is 'Gives a new tenant its settings, the default API endpoints and configuration anchors; adding them again changes nothing.';

CREATE OR REPLACE FUNCTION nexus_auth.create_tenant(p_name text, p_admin_email text, p_admin_username text, p_admin_password_hash text)
 RETURNS TABLE(tenant_id uuid, admin_user_id uuid)
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog'
AS $function$
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
  perform nexus_auth.add_tenant_defaults(v_tenant_id);
  return query select v_tenant_id, nexus_auth.create_user(v_tenant_id, p_admin_email, p_admin_username, p_admin_password_hash, 'admin');
end;
$function$;
revoke all on function nexus_auth.create_tenant(text,text,text,text) from public;
grant execute on function nexus_auth.create_tenant(text,text,text,text) to nexus_authenticator;
comment on function nexus_auth.create_tenant(text,text,text,text) is 'Creates a tenant with its admin and users groups, its default API endpoints and configuration anchors, and its first admin user.';

CREATE OR REPLACE FUNCTION nexus_auth.create_user(p_tenant_id uuid, p_email text, p_username text, p_password_hash text, p_role text DEFAULT 'user'::text, p_first_name text DEFAULT NULL::text, p_last_name text DEFAULT NULL::text)
 RETURNS uuid
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog'
AS $function$
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
$function$;
revoke all on function nexus_auth.create_user(uuid,text,text,text,text,text,text) from public;
grant execute on function nexus_auth.create_user(uuid,text,text,text,text,text,text) to nexus_authenticator;
comment on function nexus_auth.create_user(uuid,text,text,text,text,text,text) is 'Creates a user with a role (admin, manager, user or viewer) in a tenant.';

CREATE OR REPLACE FUNCTION nexus_auth.current_permissions()
 RETURNS text[]
 LANGUAGE sql
 STABLE PARALLEL SAFE SECURITY DEFINER
 SET search_path TO 'pg_catalog'
AS $function$
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
$function$;
revoke all on function nexus_auth.current_permissions() from public;
grant execute on function nexus_auth.current_permissions() to nexus_authenticator, nexus_user;
comment on function nexus_auth.current_permissions() is 'Permissions the signed-in user holds in their tenant.';

CREATE OR REPLACE FUNCTION nexus_auth.enqueue_mail(p_tenant_id uuid, p_user_id uuid, p_recipient text, p_subject text, p_body text)
 RETURNS uuid
 LANGUAGE sql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog'
AS $function$
  insert into platform.mail_outbox (tenant_id, user_id, recipient, subject, body)
  values (p_tenant_id, p_user_id, p_recipient, p_subject, p_body)
  returning id
$function$;
revoke all on function nexus_auth.enqueue_mail(uuid,uuid,text,text,text) from public;
grant execute on function nexus_auth.enqueue_mail(uuid,uuid,text,text,text) to nexus_authenticator;
comment on function nexus_auth.enqueue_mail(uuid,uuid,text,text,text) is 'Queues a mail for delivery.';

CREATE OR REPLACE FUNCTION nexus_auth.file_purged(p_id uuid)
 RETURNS void
 LANGUAGE sql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog'
AS $function$
  update content.files set state = 'purged' where id = p_id and state = 'stored' and deleted_at is not null
$function$;
revoke all on function nexus_auth.file_purged(uuid) from public;
grant execute on function nexus_auth.file_purged(uuid) to nexus_authenticator;
comment on function nexus_auth.file_purged(uuid) is 'Marks an archived file whose bytes were removed.';

CREATE OR REPLACE FUNCTION nexus_auth.files_to_purge(p_retention interval)
 RETURNS TABLE(id uuid, storage_key text)
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog'
AS $function$
  select f.id, f.storage_key from content.files f
  where f.state = 'stored' and f.storage_key is not null and f.deleted_at < now() - p_retention
  order by f.deleted_at
  limit 500
$function$;
revoke all on function nexus_auth.files_to_purge(interval) from public;
grant execute on function nexus_auth.files_to_purge(interval) to nexus_authenticator;
comment on function nexus_auth.files_to_purge(interval) is 'Archived files whose bytes were kept longer than the retention period.';

CREATE OR REPLACE FUNCTION nexus_auth.find_login(p_identifier text)
 RETURNS TABLE(user_id uuid, tenant_id uuid, password_hash text, is_active boolean, locked_until timestamp with time zone)
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog'
AS $function$
  select u.id, u.tenant_id, u.password_hash, u.is_active and t.is_active, u.locked_until
  from platform.users u
  join platform.tenants t on t.id = u.tenant_id
  where lower(u.email) = lower(p_identifier) or lower(u.username) = lower(p_identifier)
  limit 1
$function$;
revoke all on function nexus_auth.find_login(text) from public;
grant execute on function nexus_auth.find_login(text) to nexus_authenticator;
comment on function nexus_auth.find_login(text) is 'The account signing in with this email or username.';

CREATE OR REPLACE FUNCTION nexus_auth.find_tenant(p_name_or_id text)
 RETURNS TABLE(id uuid, name text)
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog'
AS $function$
  select t.id, t.name::text
  from platform.tenants t
  where lower(t.name) = lower(btrim(p_name_or_id)) or t.id::text = lower(btrim(p_name_or_id))
  order by t.created_at
$function$;
revoke all on function nexus_auth.find_tenant(text) from public;
grant execute on function nexus_auth.find_tenant(text) to nexus_authenticator;
comment on function nexus_auth.find_tenant(text) is 'The tenants with this name (case-insensitive) or id.';

CREATE OR REPLACE FUNCTION nexus_auth.has_permission(permission text)
 RETURNS boolean
 LANGUAGE sql
 STABLE PARALLEL SAFE SECURITY DEFINER
 SET search_path TO 'pg_catalog'
AS $function$
  select exists (
    select 1 from platform.users u
    where u.id = nexus.current_user_id() and u.tenant_id = nexus.current_tenant_id()
  ) and nexus_auth.user_has_permission(nexus.current_user_id(), permission)
$function$;
revoke all on function nexus_auth.has_permission(text) from public;
grant execute on function nexus_auth.has_permission(text) to nexus_authenticator, nexus_user;
comment on function nexus_auth.has_permission(text) is 'Whether the signed-in user holds the named permission in their tenant.';

CREATE OR REPLACE FUNCTION nexus_auth.invitation_email(p_token_hash text)
 RETURNS TABLE(email text)
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog'
AS $function$
  select i.email from nexus_auth.invitations i
  where i.token_hash = p_token_hash and i.accepted_at is null and i.expires_at > now()
$function$;
revoke all on function nexus_auth.invitation_email(text) from public;
grant execute on function nexus_auth.invitation_email(text) to nexus_authenticator;
comment on function nexus_auth.invitation_email(text) is 'The invited address of a valid, unused invitation.';

CREATE OR REPLACE FUNCTION nexus_auth.integration_secret(p_credential_id uuid, p_key text)
 RETURNS text
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog'
AS $function$
begin
  return (
    select extensions.pgp_sym_decrypt(c.secret_ciphertext, p_key)
    from integrations.integration_credentials c
    where c.id = p_credential_id
  );
end;
$function$;
revoke all on function nexus_auth.integration_secret(uuid,text) from public;
grant execute on function nexus_auth.integration_secret(uuid,text) to nexus_authenticator;
comment on function nexus_auth.integration_secret(uuid,text) is 'The decrypted secret of a credential, for the host''s syncs; the key is the gateway''s, given by the caller.';

CREATE OR REPLACE FUNCTION nexus_auth.is_platform_operator()
 RETURNS boolean
 LANGUAGE sql
 STABLE PARALLEL SAFE SECURITY DEFINER
 SET search_path TO 'pg_catalog'
AS $function$
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
$function$;
revoke all on function nexus_auth.is_platform_operator() from public;
grant execute on function nexus_auth.is_platform_operator() to nexus_authenticator, nexus_user;
comment on function nexus_auth.is_platform_operator() is 'Whether the signed-in user is a platform operator (may write the global catalogs).';

CREATE OR REPLACE FUNCTION nexus_auth.is_revoked(p_jti uuid, p_session_id uuid)
 RETURNS boolean
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog'
AS $function$
  select exists (select 1 from platform.revoked_tokens r where r.jti = p_jti)
      or exists (select 1 from platform.user_sessions s where s.id = p_session_id and s.revoked_at is not null)
$function$;
revoke all on function nexus_auth.is_revoked(uuid,uuid) from public;
grant execute on function nexus_auth.is_revoked(uuid,uuid) to nexus_authenticator;
comment on function nexus_auth.is_revoked(uuid,uuid) is 'Whether an access token or its session has been revoked.';

CREATE OR REPLACE FUNCTION nexus_auth.list_sessions(p_user_id uuid)
 RETURNS TABLE(id uuid, created_at timestamp with time zone, last_seen_at timestamp with time zone, expires_at timestamp with time zone, user_agent text, ip_address inet)
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog'
AS $function$
  select s.id, s.created_at, s.last_seen_at, s.expires_at, s.user_agent, s.ip_address
  from platform.user_sessions s
  where s.user_id = p_user_id and s.revoked_at is null and s.expires_at > now()
  order by s.last_seen_at desc
$function$;
revoke all on function nexus_auth.list_sessions(uuid) from public;
grant execute on function nexus_auth.list_sessions(uuid) to nexus_authenticator;
comment on function nexus_auth.list_sessions(uuid) is 'The active sessions of a user, most recent first.';

CREATE OR REPLACE FUNCTION nexus_auth.list_tenants()
 RETURNS TABLE(id uuid, name text, is_active boolean, users bigint, created_at timestamp with time zone)
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog'
AS $function$
  select t.id, t.name::text, t.is_active, (select count(*) from platform.users u where u.tenant_id = t.id), t.created_at
  from platform.tenants t
  order by t.name
$function$;
revoke all on function nexus_auth.list_tenants() from public;
grant execute on function nexus_auth.list_tenants() to nexus_authenticator;
comment on function nexus_auth.list_tenants() is 'Every tenant, for the operator''s CLI.';

CREATE OR REPLACE FUNCTION nexus_auth.mail_attempt_failed(p_id uuid, p_error text, p_final boolean)
 RETURNS void
 LANGUAGE sql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog'
AS $function$
  update platform.mail_outbox
  set attempts = attempts + 1,
      last_error = left(p_error, 1000),
      status = case when p_final then 'failed' else status end,
      failed_at = case when p_final then now() else failed_at end
  where id = p_id and status = 'pending'
$function$;
revoke all on function nexus_auth.mail_attempt_failed(uuid,text,boolean) from public;
grant execute on function nexus_auth.mail_attempt_failed(uuid,text,boolean) to nexus_authenticator;
comment on function nexus_auth.mail_attempt_failed(uuid,text,boolean) is 'Records a failed delivery attempt; the last one marks the mail failed.';

CREATE OR REPLACE FUNCTION nexus_auth.mail_sent(p_id uuid)
 RETURNS void
 LANGUAGE sql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog'
AS $function$
  update platform.mail_outbox
  set status = 'sent', sent_at = now(), attempts = attempts + 1, last_error = null
  where id = p_id and status = 'pending'
$function$;
revoke all on function nexus_auth.mail_sent(uuid) from public;
grant execute on function nexus_auth.mail_sent(uuid) to nexus_authenticator;
comment on function nexus_auth.mail_sent(uuid) is 'Marks a mail as sent.';

CREATE OR REPLACE FUNCTION nexus_auth.migration_head()
 RETURNS text
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog'
AS $function$
begin
  return (select m.filename from graphile_migrate.migrations m order by m.filename desc limit 1);
exception when undefined_table or insufficient_privilege then
  return null;
end;
$function$;
revoke all on function nexus_auth.migration_head() from public;
grant execute on function nexus_auth.migration_head() to nexus_authenticator;
comment on function nexus_auth.migration_head() is 'File name of the last applied migration (null if unknown).';

CREATE OR REPLACE FUNCTION nexus_auth.pending_mail(p_older_than interval)
 RETURNS SETOF uuid
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog'
AS $function$
  select m.id from platform.mail_outbox m
  where m.sent_at is null and m.status = 'pending' and m.created_at < now() - p_older_than
    -- A mail with a failed attempt has its job, which graphile-worker retries with backoff (the longest gap
    -- some 20 minutes): only one left untouched for an hour has lost it. Another queue (another
    -- NEXUS_JOBS_SCHEMA on the same database) would otherwise take a retrying mail as its own.
    and (m.attempts = 0 or m.updated_at < now() - interval '1 hour')
  order by m.created_at
  limit 500
$function$;
revoke all on function nexus_auth.pending_mail(interval) from public;
grant execute on function nexus_auth.pending_mail(interval) to nexus_authenticator;
comment on function nexus_auth.pending_mail(interval) is 'Pending mail queued longer ago than the given age: never attempted, or attempted but untouched for an hour (its job lost).';

CREATE OR REPLACE FUNCTION nexus_auth.prune_expired()
 RETURNS TABLE(revoked_tokens integer, refresh_tokens integer, sessions integer)
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog'
AS $function$
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
$function$;
revoke all on function nexus_auth.prune_expired() from public;
grant execute on function nexus_auth.prune_expired() to nexus_authenticator;
comment on function nexus_auth.prune_expired() is 'Deletes expired revocations, refresh tokens and old sessions.';

CREATE OR REPLACE FUNCTION nexus_auth.prune_throttle()
 RETURNS integer
 LANGUAGE sql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog'
AS $function$
  with pruned as (
    delete from nexus_auth.sign_in_throttle
    where updated_at < now() - interval '1 day' and (blocked_until is null or blocked_until < now())
    returning 1
  )
  select count(*)::integer from pruned
$function$;
revoke all on function nexus_auth.prune_throttle() from public;
grant execute on function nexus_auth.prune_throttle() to nexus_authenticator;
comment on function nexus_auth.prune_throttle() is 'Deletes throttle buckets idle for a day.';

CREATE OR REPLACE FUNCTION nexus_auth.record_login_failure(p_user_id uuid, p_max_failures integer, p_lock_seconds integer)
 RETURNS timestamp with time zone
 LANGUAGE sql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog'
AS $function$
  update platform.users
  set failed_login_count = case when failed_login_count + 1 >= p_max_failures then 0 else failed_login_count + 1 end,
      locked_until = case when failed_login_count + 1 >= p_max_failures
                          then now() + make_interval(secs => p_lock_seconds) else locked_until end
  where id = p_user_id
  returning locked_until
$function$;
revoke all on function nexus_auth.record_login_failure(uuid,integer,integer) from public;
grant execute on function nexus_auth.record_login_failure(uuid,integer,integer) to nexus_authenticator;
comment on function nexus_auth.record_login_failure(uuid,integer,integer) is 'Counts a failed sign-in; returns until when the account is locked, if it is.';

CREATE OR REPLACE FUNCTION nexus_auth.refresh_session(p_token_hash text, p_successor_hash text, p_expires_at timestamp with time zone, p_grace_seconds integer, p_user_agent text, p_ip inet)
 RETURNS TABLE(outcome text, user_id uuid, tenant_id uuid, session_id uuid, hops integer)
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog'
AS $function$
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
$function$;
revoke all on function nexus_auth.refresh_session(text,text,timestamp with time zone,integer,text,inet) from public;
grant execute on function nexus_auth.refresh_session(text,text,timestamp with time zone,integer,text,inet) to nexus_authenticator;
comment on function nexus_auth.refresh_session(text,text,timestamp with time zone,integer,text,inet) is 'Rotates a refresh token; detects reuse and revokes the family.';

CREATE OR REPLACE FUNCTION nexus_auth.request_email_verification(p_user_id uuid, p_token_hash text, p_expires_at timestamp with time zone)
 RETURNS TABLE(tenant_id uuid, email text, email_verified boolean)
 LANGUAGE sql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog'
AS $function$
  update platform.users u
  set email_verification_token_hash = case when u.email_verified then null else p_token_hash end,
      email_verification_token_expires_at = case when u.email_verified then null else p_expires_at end
  where u.id = p_user_id
  returning u.tenant_id, u.email, u.email_verified
$function$;
revoke all on function nexus_auth.request_email_verification(uuid,text,timestamp with time zone) from public;
grant execute on function nexus_auth.request_email_verification(uuid,text,timestamp with time zone) to nexus_authenticator;
comment on function nexus_auth.request_email_verification(uuid,text,timestamp with time zone) is 'Stores an email verification token hash unless the email is already verified.';

CREATE OR REPLACE FUNCTION nexus_auth.request_password_reset(p_email text, p_token_hash text, p_expires_at timestamp with time zone)
 RETURNS TABLE(user_id uuid, tenant_id uuid, email text)
 LANGUAGE sql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog'
AS $function$
  update platform.users u
  set password_reset_token_hash = p_token_hash, password_reset_token_expires_at = p_expires_at
  where lower(u.email) = lower(p_email) and u.is_active
  returning u.id, u.tenant_id, u.email
$function$;
revoke all on function nexus_auth.request_password_reset(text,text,timestamp with time zone) from public;
grant execute on function nexus_auth.request_password_reset(text,text,timestamp with time zone) to nexus_authenticator;
comment on function nexus_auth.request_password_reset(text,text,timestamp with time zone) is 'Stores a password reset token hash for the user with this email, if any.';

CREATE OR REPLACE FUNCTION nexus_auth.revocation_snapshot(p_access_ttl_seconds integer)
 RETURNS TABLE(kind text, id uuid, expires_at timestamp with time zone)
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog'
AS $function$
  select 'token', r.jti, r.expires_at from platform.revoked_tokens r where r.expires_at > now()
  union all
  select 'session', s.id, s.revoked_at + make_interval(secs => p_access_ttl_seconds)
  from platform.user_sessions s
  where s.revoked_at > now() - make_interval(secs => p_access_ttl_seconds)
$function$;
revoke all on function nexus_auth.revocation_snapshot(integer) from public;
grant execute on function nexus_auth.revocation_snapshot(integer) to nexus_authenticator;
comment on function nexus_auth.revocation_snapshot(integer) is 'Revoked tokens and sessions whose access tokens may still be unexpired.';

CREATE OR REPLACE FUNCTION nexus_auth.revoke_access_token(p_jti uuid, p_user_id uuid, p_expires_at timestamp with time zone)
 RETURNS void
 LANGUAGE sql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog'
AS $function$
  insert into platform.revoked_tokens (jti, tenant_id, user_id, expires_at)
  select p_jti, u.tenant_id, u.id, p_expires_at from platform.users u where u.id = p_user_id
  on conflict (jti) do nothing
$function$;
revoke all on function nexus_auth.revoke_access_token(uuid,uuid,timestamp with time zone) from public;
grant execute on function nexus_auth.revoke_access_token(uuid,uuid,timestamp with time zone) to nexus_authenticator;
comment on function nexus_auth.revoke_access_token(uuid,uuid,timestamp with time zone) is 'Revokes one access token (by jti) until it expires.';

CREATE OR REPLACE FUNCTION nexus_auth.revoke_session(p_session_id uuid, p_reason text)
 RETURNS boolean
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog'
AS $function$
begin
  update platform.refresh_tokens t set revoked_at = now()
  where t.session_id = p_session_id and t.revoked_at is null;
  update platform.user_sessions s set revoked_at = now(), revoked_reason = p_reason
  where s.id = p_session_id and s.revoked_at is null;
  return found;
end;
$function$;
revoke all on function nexus_auth.revoke_session(uuid,text) from public;
grant execute on function nexus_auth.revoke_session(uuid,text) to nexus_authenticator;
comment on function nexus_auth.revoke_session(uuid,text) is 'Ends one session and its refresh tokens; its access tokens stop working at once.';

CREATE OR REPLACE FUNCTION nexus_auth.revoke_user_sessions(p_user_id uuid, p_except_session_id uuid, p_reason text)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog'
AS $function$
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
$function$;
revoke all on function nexus_auth.revoke_user_sessions(uuid,uuid,text) from public;
grant execute on function nexus_auth.revoke_user_sessions(uuid,uuid,text) to nexus_authenticator;
comment on function nexus_auth.revoke_user_sessions(uuid,uuid,text) is 'Ends every session of a user except one (or all, given null).';

CREATE OR REPLACE FUNCTION nexus_auth.session_owner(p_session_id uuid)
 RETURNS TABLE(user_id uuid, tenant_id uuid, revoked_at timestamp with time zone)
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog'
AS $function$
  select s.user_id, s.tenant_id, s.revoked_at from platform.user_sessions s where s.id = p_session_id
$function$;
revoke all on function nexus_auth.session_owner(uuid) from public;
grant execute on function nexus_auth.session_owner(uuid) to nexus_authenticator;
comment on function nexus_auth.session_owner(uuid) is 'Who a session belongs to.';

CREATE OR REPLACE FUNCTION nexus_auth.set_integration_secret(p_credential_id uuid, p_secret text)
 RETURNS timestamp with time zone
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog'
AS $function$
declare
  v_key text := nullif(pg_catalog.current_setting('nexus.credential_key', true), '');
  v_set_at timestamptz;
begin
  if v_key is null then
    raise exception 'secrets cannot be stored: the gateway has no credential key (NEXUS_CREDENTIAL_KEY)' using errcode = '22023';
  end if;
  if p_secret is null or char_length(p_secret) = 0 or char_length(p_secret) > 8192 then
    raise exception 'a secret is 1 to 8192 characters' using errcode = '22023';
  end if;
  if not nexus_auth.has_permission('UPDATE_INTEGRATION_CREDENTIALS') then
    raise exception 'storing a secret needs UPDATE_INTEGRATION_CREDENTIALS' using errcode = '42501';
  end if;
  update integrations.integration_credentials c
  set secret_ciphertext = extensions.pgp_sym_encrypt(p_secret, v_key, 'cipher-algo=aes256'), secret_set_at = now()
  where c.id = p_credential_id and c.tenant_id = nexus.current_tenant_id()
  returning c.secret_set_at into v_set_at;
  if v_set_at is null then
    raise exception 'no such credential' using errcode = '42501';
  end if;
  return v_set_at;
end;
$function$;
revoke all on function nexus_auth.set_integration_secret(uuid,text) from public;
grant execute on function nexus_auth.set_integration_secret(uuid,text) to nexus_authenticator, nexus_user;
comment on function nexus_auth.set_integration_secret(uuid,text) is 'Encrypts and stores a credential''s secret with the key of this transaction, for a caller of its tenant who holds UPDATE_INTEGRATION_CREDENTIALS.';

CREATE OR REPLACE FUNCTION nexus_auth.set_password(p_user_id uuid, p_password_hash text, p_keep_session_id uuid, p_reason text)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog'
AS $function$
begin
  update platform.users
  set password_hash = p_password_hash, password_changed_at = now(), failed_login_count = 0, locked_until = null,
      password_reset_token_hash = null, password_reset_token_expires_at = null
  where id = p_user_id;
  return nexus_auth.revoke_user_sessions(p_user_id, p_keep_session_id, p_reason);
end;
$function$;
revoke all on function nexus_auth.set_password(uuid,text,uuid,text) from public;
grant execute on function nexus_auth.set_password(uuid,text,uuid,text) to nexus_authenticator;
comment on function nexus_auth.set_password(uuid,text,uuid,text) is 'Sets a new password hash and ends every other session.';

CREATE OR REPLACE FUNCTION nexus_auth.set_tenant_active(p_tenant_id uuid, p_active boolean)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog'
AS $function$
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
$function$;
revoke all on function nexus_auth.set_tenant_active(uuid,boolean) from public;
grant execute on function nexus_auth.set_tenant_active(uuid,boolean) to nexus_authenticator;
comment on function nexus_auth.set_tenant_active(uuid,boolean) is 'Enables or disables a tenant; disabling ends all its sessions.';

CREATE OR REPLACE FUNCTION nexus_auth.set_user_active(p_user_id uuid, p_active boolean)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog'
AS $function$
begin
  update platform.users u set is_active = p_active where u.id = p_user_id;
  if not found then
    raise exception 'no user %', p_user_id using errcode = 'P0002';
  end if;
end;
$function$;
revoke all on function nexus_auth.set_user_active(uuid,boolean) from public;
grant execute on function nexus_auth.set_user_active(uuid,boolean) to nexus_authenticator;
comment on function nexus_auth.set_user_active(uuid,boolean) is 'Enables or disables a user; disabling ends their sessions.';

CREATE OR REPLACE FUNCTION nexus_auth.start_session(p_user_id uuid, p_refresh_token_hash text, p_expires_at timestamp with time zone, p_user_agent text, p_ip inet)
 RETURNS TABLE(session_id uuid, tenant_id uuid)
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog'
AS $function$
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
$function$;
revoke all on function nexus_auth.start_session(uuid,text,timestamp with time zone,text,inet) from public;
grant execute on function nexus_auth.start_session(uuid,text,timestamp with time zone,text,inet) to nexus_authenticator;
comment on function nexus_auth.start_session(uuid,text,timestamp with time zone,text,inet) is 'Opens a session with its first refresh token.';

CREATE OR REPLACE FUNCTION nexus_auth.stored_file_keys(p_keys text[])
 RETURNS SETOF text
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog'
AS $function$
  select f.storage_key from content.files f
  where (f.tenant_id, f.id) in (select split_part(k, '/', 1)::uuid, split_part(k, '/', 2)::uuid from unnest(p_keys) k)
    and f.storage_key = any (p_keys) and f.state = 'stored'

$function$;
revoke all on function nexus_auth.stored_file_keys(text[]) from public;
grant execute on function nexus_auth.stored_file_keys(text[]) to nexus_authenticator;
comment on function nexus_auth.stored_file_keys(text[]) is 'Which of these storage keys a file row stands for (the orphan sweep keeps those).';

CREATE OR REPLACE FUNCTION nexus_auth.sync_permission_catalog()
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog'
AS $function$
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
$function$;
revoke all on function nexus_auth.sync_permission_catalog() from public;
comment on function nexus_auth.sync_permission_catalog() is 'Creates the default roles and the permissions of every tenant table; idempotent.';

CREATE OR REPLACE FUNCTION nexus_auth.tenant_budget_take(p_tenant_id uuid, p_cost bigint, p_requests_per_window integer, p_cost_per_window bigint, p_window_seconds integer)
 RETURNS integer
 LANGUAGE sql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog'
AS $function$
  with counted as (
    insert into nexus_auth.tenant_budgets as b (tenant_id, cost)
    values (p_tenant_id, p_cost)
    on conflict (tenant_id) do update
    set requests = case when b.window_started_at <= now() - make_interval(secs => p_window_seconds) then 1 else b.requests + 1 end,
        cost = case when b.window_started_at <= now() - make_interval(secs => p_window_seconds) then excluded.cost else b.cost + excluded.cost end,
        window_started_at = case when b.window_started_at <= now() - make_interval(secs => p_window_seconds) then now() else b.window_started_at end
    returning b.requests, b.cost, b.window_started_at
  )
  select case
    when (p_requests_per_window > 0 and requests > p_requests_per_window) or (p_cost_per_window > 0 and cost > p_cost_per_window)
    then greatest(1, ceil(extract(epoch from window_started_at + make_interval(secs => p_window_seconds) - now())))::integer
    else 0
  end
  from counted
$function$;
revoke all on function nexus_auth.tenant_budget_take(uuid,bigint,integer,bigint,integer) from public;
grant execute on function nexus_auth.tenant_budget_take(uuid,bigint,integer,bigint,integer) to nexus_authenticator;
comment on function nexus_auth.tenant_budget_take(uuid,bigint,integer,bigint,integer) is 'Counts an operation and its cost in the tenant''s budget window; the seconds to wait when the budget is spent, or 0.';

CREATE OR REPLACE FUNCTION nexus_auth.tenant_of_user(p_user_id uuid)
 RETURNS uuid
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog'
AS $function$
declare
  v_tenant_id uuid;
begin
  select u.tenant_id into v_tenant_id from platform.users u where u.id = p_user_id;
  if v_tenant_id is null then
    raise exception 'no user %', p_user_id using errcode = 'P0002';
  end if;
  return v_tenant_id;
end;
$function$;
revoke all on function nexus_auth.tenant_of_user(uuid) from public;
grant execute on function nexus_auth.tenant_of_user(uuid) to nexus_authenticator;
comment on function nexus_auth.tenant_of_user(uuid) is 'The tenant of a user, for the operator''s CLI.';

CREATE OR REPLACE FUNCTION nexus_auth.tg__archive_deactivates()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog'
AS $function$
begin
  if new.deleted_at is not null and old.deleted_at is null then
    new.is_active := false;
    if tg_table_name = 'users' then
      perform nexus_auth.revoke_user_sessions(new.id, null, 'user_disabled');
    end if;
  end if;
  return new;
end;
$function$;
revoke all on function nexus_auth.tg__archive_deactivates() from public;
grant execute on function nexus_auth.tg__archive_deactivates() to nexus_owner;
comment on function nexus_auth.tg__archive_deactivates() is 'Trigger: an archived tenant or user becomes inactive; an archived user''s sessions end.';

CREATE OR REPLACE FUNCTION nexus_auth.tg__soft_delete()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog'
AS $function$
begin
  execute format('update %I.%I set deleted_at = now() where id = $1 and deleted_at is null', tg_table_schema, tg_table_name)
    using old.id;
  return null;
end;
$function$;
revoke all on function nexus_auth.tg__soft_delete() from public;
grant execute on function nexus_auth.tg__soft_delete() to nexus_owner;
comment on function nexus_auth.tg__soft_delete() is 'Trigger: archives the row (sets deleted_at) instead of deleting it.';

CREATE OR REPLACE FUNCTION nexus_auth.tg_users__revoke_sessions_when_disabled()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog'
AS $function$
begin
  if old.is_active and not new.is_active then
    perform nexus_auth.revoke_user_sessions(new.id, null, 'user_disabled');
  end if;
  return null;
end;
$function$;
revoke all on function nexus_auth.tg_users__revoke_sessions_when_disabled() from public;
comment on function nexus_auth.tg_users__revoke_sessions_when_disabled() is 'Trigger: ends the sessions of a user who is made inactive.';

CREATE OR REPLACE FUNCTION nexus_auth.throttle_failure(p_bucket text, p_account text, p_max_failures integer, p_base_seconds integer, p_max_seconds integer)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog'
AS $function$
declare
  v_failures integer;
  v_seconds integer := 0;
begin
  insert into nexus_auth.sign_in_throttle as t (bucket, account, failures)
  values (p_bucket, p_account, 1)
  on conflict (bucket) do update set failures = t.failures + 1, updated_at = now()
  returning failures into v_failures;
  if v_failures >= p_max_failures then
    v_seconds := least(p_max_seconds::numeric, p_base_seconds * power(2::numeric, least(v_failures - p_max_failures, 30)))::integer;
    update nexus_auth.sign_in_throttle set blocked_until = now() + make_interval(secs => v_seconds) where bucket = p_bucket;
  end if;
  return v_seconds;
end;
$function$;
revoke all on function nexus_auth.throttle_failure(text,text,integer,integer,integer) from public;
grant execute on function nexus_auth.throttle_failure(text,text,integer,integer,integer) to nexus_authenticator;
comment on function nexus_auth.throttle_failure(text,text,integer,integer,integer) is 'Counts a failure in a row; blocks the bucket with exponential backoff past the limit.';

CREATE OR REPLACE FUNCTION nexus_auth.throttle_success(p_bucket text)
 RETURNS void
 LANGUAGE sql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog'
AS $function$
  delete from nexus_auth.sign_in_throttle where bucket = p_bucket
$function$;
revoke all on function nexus_auth.throttle_success(text) from public;
grant execute on function nexus_auth.throttle_success(text) to nexus_authenticator;
comment on function nexus_auth.throttle_success(text) is 'Forgets the failures of a bucket after a success.';

CREATE OR REPLACE FUNCTION nexus_auth.throttle_take(p_bucket text, p_account text, p_limit integer, p_window_seconds integer)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog'
AS $function$
declare
  v_row nexus_auth.sign_in_throttle;
  v_window interval := make_interval(secs => p_window_seconds);
begin
  insert into nexus_auth.sign_in_throttle as t (bucket, account)
  values (p_bucket, p_account)
  on conflict (bucket) do update
  set attempts = case when t.window_started_at <= now() - v_window then 1 else t.attempts + 1 end,
      window_started_at = case when t.window_started_at <= now() - v_window then now() else t.window_started_at end,
      updated_at = now()
  returning * into v_row;
  return greatest(
    0,
    ceil(extract(epoch from coalesce(v_row.blocked_until, now()) - now())),
    case when v_row.attempts > p_limit then ceil(extract(epoch from v_row.window_started_at + v_window - now())) else 0 end
  )::integer;
end;
$function$;
revoke all on function nexus_auth.throttle_take(text,text,integer,integer) from public;
grant execute on function nexus_auth.throttle_take(text,text,integer,integer) to nexus_authenticator;
comment on function nexus_auth.throttle_take(text,text,integer,integer) is 'Counts an attempt in a bucket; the seconds to wait, or 0.';

CREATE OR REPLACE FUNCTION nexus_auth.user_credentials(p_user_id uuid)
 RETURNS TABLE(tenant_id uuid, email text, password_hash text, is_active boolean)
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog'
AS $function$
  select u.tenant_id, u.email, u.password_hash, u.is_active from platform.users u where u.id = p_user_id
$function$;
revoke all on function nexus_auth.user_credentials(uuid) from public;
grant execute on function nexus_auth.user_credentials(uuid) to nexus_authenticator;
comment on function nexus_auth.user_credentials(uuid) is 'Password hash and state of one user, for a password change.';

CREATE OR REPLACE FUNCTION nexus_auth.user_has_permission(p_user_id uuid, p_permission text)
 RETURNS boolean
 LANGUAGE sql
 STABLE PARALLEL SAFE SECURITY DEFINER
 SET search_path TO 'pg_catalog'
AS $function$
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
$function$;
revoke all on function nexus_auth.user_has_permission(uuid,text) from public;
grant execute on function nexus_auth.user_has_permission(uuid,text) to nexus_authenticator;
comment on function nexus_auth.user_has_permission(uuid,text) is 'has_permission for a user the host names (outside a GraphQL request).';

set local role nexus_owner;
