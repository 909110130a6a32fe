--! Previous: sha1:b4fadda8d274fbcd75565c160abb10285dc14ff4
--! Hash: sha1:2a309fcb67e6a1d1b7ee4bec4943ba5b0b113997
--! Message: auth: per-tenant budgets shared by every instance

/*
 * Per-tenant budgets, shared by every gateway instance: operations and
 * estimated cost per tenant in the current window, counted by
 * nexus_auth.tenant_budget_take in one statement (an upsert that resets an
 * expired window and adds to a current one). Unlogged: the counts are
 * worth less than the WAL and fsync of every request, and a crash only
 * forgets the current window. The table lives in nexus_auth, which GraphQL
 * never reflects, and is written only through that function.
 */
set local role nexus_auth;

create unlogged table nexus_auth.tenant_budgets (
  tenant_id uuid primary key,
  window_started_at timestamptz not null default now(),
  requests integer not null default 1,
  cost bigint not null default 0,
  constraint tenant_budgets_counts_nonnegative check (requests >= 0 and cost >= 0)
);
alter table nexus_auth.tenant_budgets enable row level security;
alter table nexus_auth.tenant_budgets force row level security;
comment on table nexus_auth.tenant_budgets is 'Operations and estimated cost of each tenant in the current budget window; internal to the host.';
comment on column nexus_auth.tenant_budgets.tenant_id is 'The tenant counted (no foreign key: an unlogged table cannot reference a logged one).';
comment on column nexus_auth.tenant_budgets.window_started_at is 'When the current window began.';
comment on column nexus_auth.tenant_budgets.requests is 'Operations in the current window.';
comment on column nexus_auth.tenant_budgets.cost is 'Estimated cost (objects) of the operations in the current window.';

set local role nexus_owner;
