--! Previous: sha1:919fd5f3bfed957272a9b1e3ad93272ddacaec4f
--! Hash: sha1:a0229fa271c90c157f9dbf8a5f922195ba1bfd37
--! Message: automation: rules with validated conditions and actions, cron jobs, the run history

/*
 * automation: rules that act for the tenant, run by the job queue. A rule
 * says when it fires (trigger), what must hold of the run's context
 * (conditions) and what it does (actions); conditions and actions are JSON
 * whose shape CHECKs validate, so the runner never meets an action it does
 * not know. A cron job fires its rule on a schedule. Every firing is a row
 * of automation_runs, the run history: queued, running, then succeeded,
 * skipped (conditions did not hold) or failed after its last attempt, with
 * attempts, result and error. The runner (src/automation) performs a
 * rule's actions as the rule's author, through the same RLS and
 * permissions as the author's own requests: a rule can do nothing its
 * author could not.
 */
create schema automation;
comment on schema automation is 'Automation: rules (trigger, conditions, actions), cron jobs that fire them, and the history of their runs.';

create type automation.trigger_type as enum ('schedule', 'manual');
comment on type automation.trigger_type is 'What fires a rule: a cron job, or a run requested by a user.';
create type automation.run_status as enum ('queued', 'running', 'succeeded', 'skipped', 'failed');
comment on type automation.run_status is 'Where a run stands: queued, running (or being retried), succeeded, skipped because its conditions did not hold, failed after its last attempt.';

create table automation.automation_rules (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  name text not null,
  description text,
  trigger_type automation.trigger_type not null,
  conditions jsonb not null default '[]',
  actions jsonb not null,
  is_active boolean not null default true,
  max_attempts integer not null default 3,
  created_by uuid,
  updated_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint automation_rules_tenant_id_id_key unique (tenant_id, id),
  constraint automation_rules_tenant_id_name_key unique (tenant_id, name),
  constraint automation_rules_created_by_fkey foreign key (tenant_id, created_by)
    references platform.users (tenant_id, id) on delete set null (created_by),
  constraint automation_rules_updated_by_fkey foreign key (tenant_id, updated_by)
    references platform.users (tenant_id, id) on delete set null (updated_by),
  constraint automation_rules_name_not_blank check (char_length(btrim(name)) > 0),
  constraint automation_rules_max_attempts_range check (max_attempts between 1 and 10),
  -- each condition: { "field": "<key of the run's context>", "op": eq|neq|gt|lt|exists, "value": … }
  constraint automation_rules_conditions_valid check (
    jsonb_typeof(conditions) = 'array'
    and jsonb_array_length(conditions) <= 20
    and not jsonb_path_exists(conditions,
      '$[*] ? (@.type() != "object" || !(@.field.type() == "string") || !(@.op == "eq" || @.op == "neq" || @.op == "gt" || @.op == "lt" || @.op == "exists"))')
  ),
  -- each action: { "type": "create_alert", "name", "message", "severity" } or { "type": "record_metric", "name", "value" }
  constraint automation_rules_actions_valid check (
    jsonb_typeof(actions) = 'array'
    and jsonb_array_length(actions) between 1 and 20
    and not jsonb_path_exists(actions,
      '$[*] ? (!((@.type == "create_alert" && @.name.type() == "string" && @.message.type() == "string" && (@.severity == "info" || @.severity == "warning" || @.severity == "error" || @.severity == "critical")) || (@.type == "record_metric" && @.name.type() == "string" && @.value.type() == "number")))')
  )
);
create index automation_rules_created_by_idx on automation.automation_rules (tenant_id, created_by);
create index automation_rules_updated_by_idx on automation.automation_rules (tenant_id, updated_by);
alter table automation.automation_rules enable row level security;
alter table automation.automation_rules force row level security;
comment on table automation.automation_rules is 'A rule: when it fires, what must hold, what it does. Its actions run as its author, with the author''s permissions.';
comment on column automation.automation_rules.id is 'Unique identifier of the rule.';
comment on column automation.automation_rules.tenant_id is 'The tenant the rule belongs to.';
comment on column automation.automation_rules.name is 'Name of the rule, unique within the tenant.';
comment on column automation.automation_rules.description is 'What the rule is for.';
comment on column automation.automation_rules.trigger_type is 'What fires the rule: schedule (a cron job) or manual (a run a user asks for).';
comment on column automation.automation_rules.conditions is 'A JSON array of conditions on the run''s context, all of which must hold: {"field", "op": eq|neq|gt|lt|exists, "value"}.';
comment on column automation.automation_rules.actions is 'A JSON array of 1 to 20 actions done in order: {"type": "create_alert", "name", "message", "severity"} or {"type": "record_metric", "name", "value"}.';
comment on column automation.automation_rules.is_active is 'False when the rule is paused: it does not fire.';
comment on column automation.automation_rules.max_attempts is 'How often a failing run is tried (1 to 10) before it is marked failed.';
comment on constraint automation_rules_name_not_blank on automation.automation_rules is 'Name cannot be blank.';
comment on constraint automation_rules_max_attempts_range on automation.automation_rules is 'Max attempts must be between 1 and 10.';
comment on constraint automation_rules_conditions_valid on automation.automation_rules is 'Conditions must be a list of at most 20 objects, each with a text field and an op of eq, neq, gt, lt or exists.';
comment on constraint automation_rules_actions_valid on automation.automation_rules is 'Actions must be a list of 1 to 20: create_alert with name, message and severity (info, warning, error, critical), or record_metric with name and a numeric value.';

create table automation.cron_jobs (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  rule_id uuid not null,
  name text not null,
  schedule text not null,
  is_active boolean not null default true,
  next_run_at timestamptz not null default now(),
  last_run_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint cron_jobs_tenant_id_id_key unique (tenant_id, id),
  constraint cron_jobs_tenant_id_name_key unique (tenant_id, name),
  constraint cron_jobs_rule_fkey foreign key (tenant_id, rule_id)
    references automation.automation_rules (tenant_id, id) on delete cascade,
  constraint cron_jobs_name_not_blank check (char_length(btrim(name)) > 0),
  constraint cron_jobs_schedule_format check (schedule ~ '^[0-9*,/-]+( [0-9*,/-]+){4}$')
);
create index cron_jobs_rule_idx on automation.cron_jobs (tenant_id, rule_id);
-- the runner's question, across tenants: which active jobs are due
create index cron_jobs_due_idx on automation.cron_jobs (next_run_at) where is_active;
alter table automation.cron_jobs enable row level security;
alter table automation.cron_jobs force row level security;
comment on table automation.cron_jobs is 'A schedule that fires a rule: at every time its cron expression matches (UTC), a run is queued.';
comment on column automation.cron_jobs.id is 'Unique identifier of the cron job.';
comment on column automation.cron_jobs.tenant_id is 'The tenant of the rule.';
comment on column automation.cron_jobs.rule_id is 'The rule the job fires.';
comment on column automation.cron_jobs.name is 'Name of the job, unique within the tenant.';
comment on column automation.cron_jobs.schedule is 'Cron expression of five fields (minute hour day-of-month month day-of-week), in UTC.';
comment on column automation.cron_jobs.is_active is 'False when the job is paused.';
comment on column automation.cron_jobs.next_run_at is 'When the job fires next; the runner moves it on each time it fires. Set it to now to fire at once.';
comment on column automation.cron_jobs.last_run_at is 'When the job last fired (kept by the runner).';
comment on constraint cron_jobs_name_not_blank on automation.cron_jobs is 'Name cannot be blank.';
comment on constraint cron_jobs_schedule_format on automation.cron_jobs is 'Schedule must be a cron expression of five fields, such as */15 * * * *.';
comment on constraint cron_jobs_rule_fkey on automation.cron_jobs is E'@fieldName rule\n@foreignFieldName cronJobs\nThe rule the job fires.';

create table automation.automation_runs (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  rule_id uuid not null,
  cron_job_id uuid,
  trigger_type automation.trigger_type not null default 'manual',
  context jsonb not null default '{}',
  status automation.run_status not null default 'queued',
  attempts integer not null default 0,
  max_attempts integer not null default 3,
  queued_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz,
  result jsonb,
  error text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint automation_runs_tenant_id_id_key unique (tenant_id, id),
  constraint automation_runs_rule_fkey foreign key (tenant_id, rule_id)
    references automation.automation_rules (tenant_id, id) on delete restrict,
  constraint automation_runs_cron_job_fkey foreign key (tenant_id, cron_job_id)
    references automation.cron_jobs (tenant_id, id) on delete set null (cron_job_id),
  constraint automation_runs_context_object check (jsonb_typeof(context) = 'object'),
  constraint automation_runs_attempts_range check (attempts between 0 and max_attempts),
  constraint automation_runs_finished_when_done check ((status in ('succeeded', 'skipped', 'failed')) = (finished_at is not null)),
  constraint automation_runs_failed_has_error check (status <> 'failed' or error is not null)
);
create index automation_runs_rule_queued_idx on automation.automation_runs (tenant_id, rule_id, queued_at desc);
create index automation_runs_cron_job_idx on automation.automation_runs (tenant_id, cron_job_id);
create index automation_runs_status_idx on automation.automation_runs (tenant_id, status, queued_at desc);
-- the runner's sweep, across tenants: runs still waiting for their job
create index automation_runs_queued_idx on automation.automation_runs (queued_at) where status = 'queued';
alter table automation.automation_runs enable row level security;
alter table automation.automation_runs force row level security;
comment on table automation.automation_runs is 'The run history: every firing of a rule, its attempts and outcome. A user queues a manual run by inserting one; the runner does the rest.';
comment on column automation.automation_runs.id is 'Unique identifier of the run.';
comment on column automation.automation_runs.tenant_id is 'The tenant of the rule.';
comment on column automation.automation_runs.rule_id is 'The rule that fired. A rule with runs cannot be deleted: pause it instead.';
comment on column automation.automation_runs.cron_job_id is 'The cron job that fired it, for scheduled runs.';
comment on column automation.automation_runs.trigger_type is 'What fired the run (set by the database).';
comment on column automation.automation_runs.context is 'The facts the conditions are checked against (a JSON object): given for a manual run, the scheduled time for a scheduled one.';
comment on column automation.automation_runs.status is 'Where the run stands (kept by the runner).';
comment on column automation.automation_runs.attempts is 'Attempts made so far.';
comment on column automation.automation_runs.max_attempts is 'Attempts allowed, the rule''s at the time it fired.';
comment on column automation.automation_runs.queued_at is 'When the run was queued.';
comment on column automation.automation_runs.started_at is 'When its first attempt began.';
comment on column automation.automation_runs.finished_at is 'When it succeeded, was skipped or failed for good.';
comment on column automation.automation_runs.result is 'What the actions did (ids of what they created).';
comment on column automation.automation_runs.error is 'Why the last attempt failed.';
comment on constraint automation_runs_context_object on automation.automation_runs is 'Context must be a JSON object.';
comment on constraint automation_runs_attempts_range on automation.automation_runs is 'Attempts must be between 0 and the maximum.';
comment on constraint automation_runs_finished_when_done on automation.automation_runs is 'Finished at is set exactly when the run succeeded, was skipped or failed.';
comment on constraint automation_runs_failed_has_error on automation.automation_runs is 'A failed run needs the error.';
comment on constraint automation_runs_rule_fkey on automation.automation_runs is E'@fieldName rule\n@foreignFieldName runs\nThe rule that fired.';
comment on constraint automation_runs_cron_job_fkey on automation.automation_runs is E'@fieldName cronJob\n@foreignFieldName runs\nThe cron job that fired the run.';

/*
 * A run starts as the database says, not as its inserter says: queued,
 * no attempts, the rule's trigger and attempt limit; a paused rule is not
 * run. (The columns are not granted either; this holds for every writer.)
 */
create function automation.tg_automation_runs__start_queued() returns trigger
  language plpgsql volatile
  set search_path = pg_catalog
as $$
declare
  v_rule automation.automation_rules;
begin
  select * into v_rule from automation.automation_rules r where r.tenant_id = new.tenant_id and r.id = new.rule_id;
  if found and not v_rule.is_active then
    raise exception 'a paused rule does not run' using errcode = '23514', constraint = 'automation_runs_rule_active';
  end if;
  new.status := 'queued';
  new.attempts := 0;
  new.started_at := null;
  new.finished_at := null;
  new.result := null;
  new.error := null;
  new.trigger_type := case when new.cron_job_id is null then 'manual' else 'schedule' end;
  new.max_attempts := coalesce(v_rule.max_attempts, new.max_attempts);
  return new;
end;
$$;
comment on function automation.tg_automation_runs__start_queued() is 'Trigger: a new run is queued with the rule''s attempt limit; a paused rule''s run is refused.';
create trigger _200_start_queued before insert on automation.automation_runs
  for each row execute function automation.tg_automation_runs__start_queued();
