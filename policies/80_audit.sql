/*
 * The audit log. Runs after every module's file, so every table they
 * created is there, and before the tenant defaults (audit_logs declares
 * its own policy, so the defaults skip it).
 *
 * Tenant admins (READ_AUDIT_LOGS) read their tenant's log through GraphQL.
 * Nobody writes it there: select is the only grant, and there is no
 * insert, update or delete policy. The trigger writes it as nexus_auth.
 */
revoke all on all tables in schema audit from nexus_user, nexus_anonymous;
grant usage on schema audit to nexus_user;
grant select on audit.audit_logs to nexus_user;
create policy audit_logs_select on audit.audit_logs for select to nexus_user
  using (tenant_id = (select nexus.current_tenant_id()) and (select nexus_auth.has_permission('READ_AUDIT_LOGS')));

grant usage on schema audit to nexus_auth;
grant insert on audit.audit_logs to nexus_auth;

/* Every tenant table, including any created by a later migration, gets the audit trigger. */
select audit.attach_audit_triggers();
