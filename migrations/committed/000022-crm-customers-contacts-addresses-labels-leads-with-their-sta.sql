--! Previous: sha1:2a309fcb67e6a1d1b7ee4bec4943ba5b0b113997
--! Hash: sha1:841308311a90a9247830f1238e3a944d5b366749
--! Message: crm: customers, contacts, addresses, labels, leads with their stage history, notes

/*
 * crm: the shop's customers, the people and places behind each, labels to
 * group them, and the sales pipeline of leads. A customer is referred to by
 * orders and conversations, so it is never deleted while they exist (their
 * foreign keys restrict); status 'archived' hides it from everyday lists.
 */
create schema crm;
comment on schema crm is 'Customers with contacts and addresses, labels, leads with their pipeline stage history, notes and activities.';

create type crm.customer_status as enum ('active', 'inactive', 'archived');
comment on type crm.customer_status is 'Whether a customer is current: active, inactive (no recent business), archived (kept for history only).';
create type crm.address_kind as enum ('billing', 'shipping');
comment on type crm.address_kind is 'What an address is used for.';
create type crm.note_kind as enum ('note', 'call', 'email', 'meeting', 'task');
comment on type crm.note_kind is 'What a customer note records: a plain note or an activity (call, email, meeting, task).';

create table crm.customers (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  display_name text not null,
  company_name text,
  email text,
  phone text,
  status crm.customer_status not null default 'active',
  accepts_marketing boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint customers_tenant_id_id_key unique (tenant_id, id),
  constraint customers_display_name_not_blank check (char_length(btrim(display_name)) > 0),
  constraint customers_email_shape check (email is null or email ~ '^[^@\s]+@[^@\s]+$')
);
-- The customer list is read by name; a customer is found by e-mail when an order or message arrives.
create index customers_display_name_idx on crm.customers (tenant_id, display_name, id);
create unique index customers_email_key on crm.customers (tenant_id, lower(email)) where email is not null;
comment on table crm.customers is 'A customer of the shop: a person or a company that orders, talks to the shop, or is a lead.';
comment on column crm.customers.id is 'Unique identifier of the customer.';
comment on column crm.customers.tenant_id is 'The tenant (shop) the customer belongs to.';
comment on column crm.customers.display_name is 'Name shown in lists: the person''s or the company''s name.';
comment on column crm.customers.company_name is 'Company the customer buys for, if any.';
comment on column crm.customers.email is 'Main e-mail address; unique within the tenant (case-insensitive).';
comment on column crm.customers.phone is 'Main phone number, in international format where known.';
comment on column crm.customers.status is 'Whether the customer is current; archived customers stay referable by their orders.';
comment on column crm.customers.accepts_marketing is 'Whether the customer agreed to receive marketing messages.';
comment on constraint customers_display_name_not_blank on crm.customers is 'Name must not be blank.';
comment on constraint customers_email_shape on crm.customers is 'E-mail must look like name@domain.';

create table crm.customer_contacts (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  customer_id uuid not null,
  full_name text not null,
  job_title text,
  email text,
  phone text,
  is_primary boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint customer_contacts_tenant_id_id_key unique (tenant_id, id),
  constraint customer_contacts_customer_fkey foreign key (tenant_id, customer_id)
    references crm.customers (tenant_id, id) on delete cascade,
  constraint customer_contacts_full_name_not_blank check (char_length(btrim(full_name)) > 0),
  constraint customer_contacts_reachable check (email is not null or phone is not null)
);
create index customer_contacts_customer_idx on crm.customer_contacts (tenant_id, customer_id, full_name);
-- at most one primary contact per customer
create unique index customer_contacts_one_primary_key on crm.customer_contacts (tenant_id, customer_id) where is_primary;
comment on table crm.customer_contacts is 'A person to talk to at a customer (for company customers: buyers, accounting).';
comment on column crm.customer_contacts.id is 'Unique identifier of the contact.';
comment on column crm.customer_contacts.tenant_id is 'The tenant of the customer.';
comment on column crm.customer_contacts.customer_id is 'The customer this contact belongs to.';
comment on column crm.customer_contacts.full_name is 'Full name of the contact.';
comment on column crm.customer_contacts.job_title is 'The contact''s role at the customer.';
comment on column crm.customer_contacts.email is 'E-mail address of the contact.';
comment on column crm.customer_contacts.phone is 'Phone number of the contact.';
comment on column crm.customer_contacts.is_primary is 'Whether this is the customer''s primary contact (at most one per customer).';
comment on constraint customer_contacts_full_name_not_blank on crm.customer_contacts is 'Name must not be blank.';
comment on constraint customer_contacts_reachable on crm.customer_contacts is 'Give an e-mail address or a phone number.';
comment on index crm.customer_contacts_one_primary_key is 'A customer has at most one primary contact.';

create table crm.customer_addresses (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  customer_id uuid not null,
  kind crm.address_kind not null default 'shipping',
  recipient text not null,
  line1 text not null,
  line2 text,
  city text not null,
  region text,
  postal_code text,
  country_code char(2) not null,
  is_default boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint customer_addresses_tenant_id_id_key unique (tenant_id, id),
  constraint customer_addresses_customer_fkey foreign key (tenant_id, customer_id)
    references crm.customers (tenant_id, id) on delete cascade,
  constraint customer_addresses_country_code_shape check (country_code ~ '^[A-Z]{2}$'),
  constraint customer_addresses_line1_not_blank check (char_length(btrim(line1)) > 0)
);
create index customer_addresses_customer_idx on crm.customer_addresses (tenant_id, customer_id, kind);
create unique index customer_addresses_one_default_key on crm.customer_addresses (tenant_id, customer_id, kind) where is_default;
comment on table crm.customer_addresses is 'A billing or shipping address of a customer.';
comment on column crm.customer_addresses.id is 'Unique identifier of the address.';
comment on column crm.customer_addresses.tenant_id is 'The tenant of the customer.';
comment on column crm.customer_addresses.customer_id is 'The customer this address belongs to.';
comment on column crm.customer_addresses.kind is 'Whether the address is for billing or shipping.';
comment on column crm.customer_addresses.recipient is 'Name to print on the label or invoice.';
comment on column crm.customer_addresses.line1 is 'Street and number.';
comment on column crm.customer_addresses.line2 is 'Apartment, suite, floor (optional).';
comment on column crm.customer_addresses.city is 'City or town.';
comment on column crm.customer_addresses.region is 'State, province or county, where the country uses one.';
comment on column crm.customer_addresses.postal_code is 'Postal code, where the country uses one.';
comment on column crm.customer_addresses.country_code is 'ISO 3166-1 alpha-2 country code (upper case).';
comment on column crm.customer_addresses.is_default is 'Whether this is the customer''s default address of its kind (at most one per kind).';
comment on constraint customer_addresses_country_code_shape on crm.customer_addresses is 'Country code must be two upper-case letters (ISO 3166-1, e.g. DE).';
comment on constraint customer_addresses_line1_not_blank on crm.customer_addresses is 'Street must not be blank.';

create table crm.labels (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  name text not null,
  color text not null default '#808080',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint labels_tenant_id_id_key unique (tenant_id, id),
  constraint labels_tenant_id_name_key unique (tenant_id, name),
  constraint labels_name_not_blank check (char_length(btrim(name)) > 0),
  constraint labels_color_shape check (color ~ '^#[0-9a-fA-F]{6}$')
);
comment on table crm.labels is 'A label to group customers (VIP, wholesale, newsletter).';
comment on column crm.labels.id is 'Unique identifier of the label.';
comment on column crm.labels.tenant_id is 'The tenant the label belongs to.';
comment on column crm.labels.name is 'Name of the label, unique within the tenant.';
comment on column crm.labels.color is 'Colour the label is shown in, as #rrggbb.';
comment on constraint labels_name_not_blank on crm.labels is 'Name must not be blank.';
comment on constraint labels_color_shape on crm.labels is 'Colour must be written as #rrggbb.';

create table crm.customer_labels (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  customer_id uuid not null,
  label_id uuid not null,
  created_at timestamptz not null default now(),
  constraint customer_labels_tenant_id_id_key unique (tenant_id, id),
  constraint customer_labels_tenant_id_customer_id_label_id_key unique (tenant_id, customer_id, label_id),
  constraint customer_labels_customer_fkey foreign key (tenant_id, customer_id)
    references crm.customers (tenant_id, id) on delete cascade,
  constraint customer_labels_label_fkey foreign key (tenant_id, label_id)
    references crm.labels (tenant_id, id) on delete cascade
);
create index customer_labels_label_idx on crm.customer_labels (tenant_id, label_id, customer_id);
comment on table crm.customer_labels is 'A label given to a customer (many labels per customer, many customers per label).';
comment on column crm.customer_labels.id is 'Unique identifier of the labelling.';
comment on column crm.customer_labels.tenant_id is 'The tenant of the customer and label.';
comment on column crm.customer_labels.customer_id is 'The labelled customer.';
comment on column crm.customer_labels.label_id is 'The label given.';

create table crm.lead_stages (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  name text not null,
  position integer not null,
  is_won boolean not null default false,
  is_lost boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint lead_stages_tenant_id_id_key unique (tenant_id, id),
  constraint lead_stages_tenant_id_name_key unique (tenant_id, name),
  constraint lead_stages_tenant_id_position_key unique (tenant_id, position),
  constraint lead_stages_name_not_blank check (char_length(btrim(name)) > 0),
  constraint lead_stages_position_nonnegative check (position >= 0),
  constraint lead_stages_won_or_lost check (not (is_won and is_lost))
);
comment on table crm.lead_stages is 'A stage of the sales pipeline (new, qualified, proposal, won, lost), in board order.';
comment on column crm.lead_stages.id is 'Unique identifier of the stage.';
comment on column crm.lead_stages.tenant_id is 'The tenant whose pipeline this is.';
comment on column crm.lead_stages.name is 'Name of the stage, unique within the tenant.';
comment on column crm.lead_stages.position is 'Place of the stage on the board, left to right; unique within the tenant.';
comment on column crm.lead_stages.is_won is 'Whether a lead in this stage is won (closed).';
comment on column crm.lead_stages.is_lost is 'Whether a lead in this stage is lost (closed).';
comment on constraint lead_stages_name_not_blank on crm.lead_stages is 'Name must not be blank.';
comment on constraint lead_stages_position_nonnegative on crm.lead_stages is 'Position must not be negative.';
comment on constraint lead_stages_won_or_lost on crm.lead_stages is 'A stage cannot be both won and lost.';

create table crm.leads (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  customer_id uuid,
  stage_id uuid not null,
  title text not null,
  expected_amount numeric(14, 2) not null default 0,
  currency char(3) not null default 'EUR',
  expected_close_on date,
  stage_changed_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint leads_tenant_id_id_key unique (tenant_id, id),
  constraint leads_customer_fkey foreign key (tenant_id, customer_id)
    references crm.customers (tenant_id, id) on delete restrict,
  constraint leads_stage_fkey foreign key (tenant_id, stage_id)
    references crm.lead_stages (tenant_id, id) on delete restrict,
  constraint leads_title_not_blank check (char_length(btrim(title)) > 0),
  constraint leads_expected_amount_nonnegative check (expected_amount >= 0),
  constraint leads_currency_shape check (currency ~ '^[A-Z]{3}$')
);
-- the pipeline board: the leads of one stage, longest in it first
create index leads_stage_idx on crm.leads (tenant_id, stage_id, stage_changed_at);
create index leads_customer_idx on crm.leads (tenant_id, customer_id);
comment on table crm.leads is 'A sales opportunity moving through the pipeline stages; optionally for a known customer.';
comment on column crm.leads.id is 'Unique identifier of the lead.';
comment on column crm.leads.tenant_id is 'The tenant the lead belongs to.';
comment on column crm.leads.customer_id is 'The customer the lead is with, once known.';
comment on column crm.leads.stage_id is 'The pipeline stage the lead is in; every change is recorded in lead_stage_history.';
comment on column crm.leads.title is 'What the lead is about.';
comment on column crm.leads.expected_amount is 'Expected value of the deal.';
comment on column crm.leads.currency is 'ISO 4217 currency of the expected amount.';
comment on column crm.leads.expected_close_on is 'When the deal is expected to close.';
comment on column crm.leads.stage_changed_at is 'When the lead entered its current stage (kept by the database).';
comment on constraint leads_title_not_blank on crm.leads is 'Title must not be blank.';
comment on constraint leads_expected_amount_nonnegative on crm.leads is 'Expected amount must not be negative.';
comment on constraint leads_currency_shape on crm.leads is 'Currency must be a three-letter ISO 4217 code (e.g. EUR).';

create table crm.lead_stage_history (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  lead_id uuid not null,
  from_stage_id uuid,
  to_stage_id uuid not null,
  changed_by uuid,
  changed_at timestamptz not null default now(),
  constraint lead_stage_history_tenant_id_id_key unique (tenant_id, id),
  constraint lead_stage_history_lead_fkey foreign key (tenant_id, lead_id)
    references crm.leads (tenant_id, id) on delete cascade,
  constraint lead_stage_history_from_stage_fkey foreign key (tenant_id, from_stage_id)
    references crm.lead_stages (tenant_id, id) on delete restrict,
  constraint lead_stage_history_to_stage_fkey foreign key (tenant_id, to_stage_id)
    references crm.lead_stages (tenant_id, id) on delete restrict,
  constraint lead_stage_history_changed_by_fkey foreign key (tenant_id, changed_by)
    references platform.users (tenant_id, id) on delete set null (changed_by)
);
create index lead_stage_history_changed_by_idx on crm.lead_stage_history (tenant_id, changed_by);
create index lead_stage_history_lead_idx on crm.lead_stage_history (tenant_id, lead_id, changed_at);
create index lead_stage_history_from_stage_idx on crm.lead_stage_history (tenant_id, from_stage_id);
create index lead_stage_history_to_stage_idx on crm.lead_stage_history (tenant_id, to_stage_id);
comment on table crm.lead_stage_history is 'Every stage a lead entered, written by the database when the lead is created or moved; read-only.';
comment on column crm.lead_stage_history.id is 'Unique identifier of the history entry.';
comment on column crm.lead_stage_history.tenant_id is 'The tenant of the lead.';
comment on column crm.lead_stage_history.lead_id is 'The lead that moved.';
comment on column crm.lead_stage_history.from_stage_id is 'The stage it left (none when the lead was created).';
comment on column crm.lead_stage_history.to_stage_id is 'The stage it entered.';
comment on column crm.lead_stage_history.changed_by is 'The signed-in user who moved it.';
comment on column crm.lead_stage_history.changed_at is 'When it moved.';

/*
 * The stage history is written here, not by clients: request roles cannot
 * insert into it, so the trigger runs as nexus_auth (security definer,
 * BYPASSRLS), taking the lead's tenant and the signed-in user from the row
 * and the JWT. stage_changed_at is set in the same step (before trigger).
 */
create function crm.tg_leads__track_stage() returns trigger
  language plpgsql volatile security definer
  set search_path = pg_catalog
as $$
begin
  if tg_op = 'UPDATE' and new.stage_id is not distinct from old.stage_id then
    return null;
  end if;
  insert into crm.lead_stage_history (tenant_id, lead_id, from_stage_id, to_stage_id, changed_by)
  values (new.tenant_id, new.id, case when tg_op = 'UPDATE' then old.stage_id end, new.stage_id, nexus.current_user_id());
  return null;
end;
$$;
revoke all on function crm.tg_leads__track_stage() from public;
comment on function crm.tg_leads__track_stage() is 'Trigger: records every stage a lead enters in lead_stage_history.';
create trigger _900_track_stage after insert or update of stage_id on crm.leads
  for each row execute function crm.tg_leads__track_stage();

create function crm.tg_leads__stamp_stage_change() returns trigger
  language plpgsql volatile
  set search_path = pg_catalog
as $$
begin
  if tg_op = 'INSERT' or new.stage_id is distinct from old.stage_id then
    new.stage_changed_at := now();
  end if;
  return new;
end;
$$;
comment on function crm.tg_leads__stamp_stage_change() is 'Trigger: sets stage_changed_at when a lead is created or changes stage.';
create trigger _200_stamp_stage_change before insert or update of stage_id on crm.leads
  for each row execute function crm.tg_leads__stamp_stage_change();

create table crm.customer_notes (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  customer_id uuid not null,
  lead_id uuid,
  kind crm.note_kind not null default 'note',
  body text not null,
  due_at timestamptz,
  done_at timestamptz,
  created_by uuid,
  updated_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint customer_notes_tenant_id_id_key unique (tenant_id, id),
  constraint customer_notes_customer_fkey foreign key (tenant_id, customer_id)
    references crm.customers (tenant_id, id) on delete cascade,
  constraint customer_notes_lead_fkey foreign key (tenant_id, lead_id)
    references crm.leads (tenant_id, id) on delete set null (lead_id),
  constraint customer_notes_created_by_fkey foreign key (tenant_id, created_by)
    references platform.users (tenant_id, id) on delete set null (created_by),
  constraint customer_notes_updated_by_fkey foreign key (tenant_id, updated_by)
    references platform.users (tenant_id, id) on delete set null (updated_by),
  constraint customer_notes_body_not_blank check (char_length(btrim(body)) > 0),
  constraint customer_notes_due_only_for_tasks check (due_at is null or kind = 'task')
);
-- a customer's timeline, newest first
create index customer_notes_customer_idx on crm.customer_notes (tenant_id, customer_id, created_at desc);
create index customer_notes_created_by_idx on crm.customer_notes (tenant_id, created_by);
create index customer_notes_updated_by_idx on crm.customer_notes (tenant_id, updated_by);
create index customer_notes_lead_idx on crm.customer_notes (tenant_id, lead_id);
-- open tasks by due date
create index customer_notes_open_tasks_idx on crm.customer_notes (tenant_id, due_at) where kind = 'task' and done_at is null;
comment on table crm.customer_notes is 'A note or activity (call, e-mail, meeting, task) on a customer''s timeline.';
comment on column crm.customer_notes.id is 'Unique identifier of the note.';
comment on column crm.customer_notes.tenant_id is 'The tenant of the customer.';
comment on column crm.customer_notes.customer_id is 'The customer the note is about.';
comment on column crm.customer_notes.lead_id is 'The lead the note belongs to, if any.';
comment on column crm.customer_notes.kind is 'A plain note, or the kind of activity it records.';
comment on column crm.customer_notes.body is 'What was said or done.';
comment on column crm.customer_notes.due_at is 'When a task is due (tasks only).';
comment on column crm.customer_notes.done_at is 'When the activity was done, or the task completed.';
comment on constraint customer_notes_body_not_blank on crm.customer_notes is 'Text must not be blank.';
comment on constraint customer_notes_due_only_for_tasks on crm.customer_notes is 'Only a task can have a due date.';

/* Security definer functions belong to nexus_auth (BYPASSRLS); it may create in crm only for the handover. */
grant create on schema crm to nexus_auth;
alter function crm.tg_leads__track_stage() owner to nexus_auth;
revoke create on schema crm from nexus_auth;
