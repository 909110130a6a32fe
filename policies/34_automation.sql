/*
 * automation: rules, cron jobs, runs. Every table keeps the tenant defaults
 * of 90_tenant_defaults.sql (read within the tenant; writes need
 * CREATE_/UPDATE_/DELETE_<TABLE>). Grants are declared from scratch on
 * every run.
 *
 * A user queues a manual run by inserting a run with its rule and context;
 * everything else about a run (status, attempts, result, error, times) is
 * the runner's, written through nexus_auth's automation functions
 * (functions/nexus_auth.sql), never granted to the request roles. A cron
 * job's last_run_at is the runner's too.
 */
revoke all on all tables in schema automation from nexus_user, nexus_anonymous;
grant usage on schema automation to nexus_user;

grant select, insert (name, description, trigger_type, conditions, actions, is_active, max_attempts),
  update (name, description, trigger_type, conditions, actions, is_active, max_attempts), delete
  on automation.automation_rules to nexus_user;
grant select, insert (rule_id, name, schedule, is_active, next_run_at),
  update (name, schedule, is_active, next_run_at), delete
  on automation.cron_jobs to nexus_user;
grant select, insert (rule_id, context), delete on automation.automation_runs to nexus_user;

/* The runner's functions run as nexus_auth (BYPASSRLS): they read the rules and write the runs and the jobs' times. */
grant usage on schema automation to nexus_auth;
grant select on automation.automation_rules to nexus_auth;
grant select, update (last_run_at, next_run_at) on automation.cron_jobs to nexus_auth;
grant select, insert, update (status, attempts, started_at, finished_at, result, error, attempt_job_id, abandoned_attempts)
  on automation.automation_runs to nexus_auth;
