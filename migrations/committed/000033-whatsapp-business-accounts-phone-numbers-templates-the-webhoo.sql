--! Previous: sha1:d3cf3ff27d8456505e14c17ac7bb468a59a142b9
--! Hash: sha1:cee5e366b1d50f160e4ccdb8d370ebb62d55ded6
--! Message: whatsapp: business accounts, phone numbers, templates with approval status, the inbound webhook log

/*
 * whatsapp: the WhatsApp Business side of the tenant's conversations. A
 * business account (the provider's WABA) owns phone numbers and message
 * templates; templates need the provider's approval before they may be
 * sent, so their status is a value list the provider's reviews move along.
 * Every webhook call the provider makes is kept as it arrived, append-only:
 * it is the evidence of what was received, and processing only records its
 * outcome beside it. Threads and customers live in other modules; an event
 * carries the provider's ids (wa_id, message id) that those modules match on.
 */
create schema whatsapp;
comment on schema whatsapp is 'WhatsApp Business: accounts, phone numbers, message templates and the inbound webhook log.';

create type whatsapp.account_status as enum ('pending', 'active', 'suspended', 'disconnected');
comment on type whatsapp.account_status is 'Where a business account stands with the provider.';
create type whatsapp.phone_number_status as enum ('pending', 'verified', 'connected', 'flagged', 'disconnected');
comment on type whatsapp.phone_number_status is 'Where a phone number stands: verification, connection, or flagged by the provider.';
create type whatsapp.quality_rating as enum ('unknown', 'green', 'yellow', 'red');
comment on type whatsapp.quality_rating is 'The provider''s quality rating of a phone number.';
create type whatsapp.template_category as enum ('marketing', 'utility', 'authentication');
comment on type whatsapp.template_category is 'The provider''s category of a message template.';
create type whatsapp.template_status as enum ('draft', 'pending', 'approved', 'rejected', 'paused', 'disabled');
comment on type whatsapp.template_status is 'Approval status of a template: drafted, submitted (pending), then approved or rejected; approved ones may be paused or disabled by the provider.';
create type whatsapp.webhook_event_type as enum ('message', 'message_status', 'template_status', 'account_update', 'phone_number_update', 'other');
comment on type whatsapp.webhook_event_type is 'What a webhook call reported.';
create type whatsapp.processing_status as enum ('received', 'processed', 'ignored', 'failed');
comment on type whatsapp.processing_status is 'What became of a received webhook event.';

create table whatsapp.whatsapp_accounts (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  name text not null,
  business_account_id text not null,
  status whatsapp.account_status not null default 'pending',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint whatsapp_accounts_tenant_id_id_key unique (tenant_id, id),
  constraint whatsapp_accounts_tenant_id_business_account_id_key unique (tenant_id, business_account_id),
  constraint whatsapp_accounts_name_not_blank check (char_length(btrim(name)) > 0),
  constraint whatsapp_accounts_business_account_id_format check (business_account_id ~ '^[0-9]{5,32}$')
);
create index whatsapp_accounts_status_idx on whatsapp.whatsapp_accounts (tenant_id, status);
alter table whatsapp.whatsapp_accounts enable row level security;
alter table whatsapp.whatsapp_accounts force row level security;
comment on table whatsapp.whatsapp_accounts is 'A WhatsApp Business account of the tenant. It cannot be deleted while its numbers, templates or events point at it: disconnect it instead (status).';
comment on column whatsapp.whatsapp_accounts.id is 'Unique identifier of the account.';
comment on column whatsapp.whatsapp_accounts.tenant_id is 'The tenant the account belongs to.';
comment on column whatsapp.whatsapp_accounts.name is 'Name of the account as the tenant knows it.';
comment on column whatsapp.whatsapp_accounts.business_account_id is 'The provider''s id of the business account (digits), unique within the tenant.';
comment on column whatsapp.whatsapp_accounts.status is 'Where the account stands with the provider.';
comment on constraint whatsapp_accounts_name_not_blank on whatsapp.whatsapp_accounts is 'Name cannot be blank.';
comment on constraint whatsapp_accounts_business_account_id_format on whatsapp.whatsapp_accounts is 'Business account id must be the provider''s numeric id (5 to 32 digits).';

create table whatsapp.whatsapp_phone_numbers (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  account_id uuid not null,
  phone_number text not null,
  phone_number_id text not null,
  display_name text not null,
  status whatsapp.phone_number_status not null default 'pending',
  quality_rating whatsapp.quality_rating not null default 'unknown',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint whatsapp_phone_numbers_tenant_id_id_key unique (tenant_id, id),
  constraint whatsapp_phone_numbers_tenant_id_phone_number_key unique (tenant_id, phone_number),
  constraint whatsapp_phone_numbers_tenant_id_phone_number_id_key unique (tenant_id, phone_number_id),
  constraint whatsapp_phone_numbers_account_fkey foreign key (tenant_id, account_id)
    references whatsapp.whatsapp_accounts (tenant_id, id) on delete restrict,
  constraint whatsapp_phone_numbers_phone_number_format check (phone_number ~ '^\+[1-9][0-9]{6,14}$'),
  constraint whatsapp_phone_numbers_phone_number_id_format check (phone_number_id ~ '^[0-9]{5,32}$'),
  constraint whatsapp_phone_numbers_display_name_not_blank check (char_length(btrim(display_name)) > 0)
);
create index whatsapp_phone_numbers_account_idx on whatsapp.whatsapp_phone_numbers (tenant_id, account_id);
alter table whatsapp.whatsapp_phone_numbers enable row level security;
alter table whatsapp.whatsapp_phone_numbers force row level security;
comment on table whatsapp.whatsapp_phone_numbers is 'A phone number registered to a WhatsApp Business account; messages are sent from and received on it.';
comment on column whatsapp.whatsapp_phone_numbers.id is 'Unique identifier of the phone number.';
comment on column whatsapp.whatsapp_phone_numbers.tenant_id is 'The tenant of the account.';
comment on column whatsapp.whatsapp_phone_numbers.account_id is 'The business account the number is registered to.';
comment on column whatsapp.whatsapp_phone_numbers.phone_number is 'The number in E.164 form (+ and 7 to 15 digits), unique within the tenant.';
comment on column whatsapp.whatsapp_phone_numbers.phone_number_id is 'The provider''s id of the number, which its webhooks name; unique within the tenant.';
comment on column whatsapp.whatsapp_phone_numbers.display_name is 'The business name customers see.';
comment on column whatsapp.whatsapp_phone_numbers.status is 'Verification and connection state of the number.';
comment on column whatsapp.whatsapp_phone_numbers.quality_rating is 'The provider''s quality rating of the number.';
comment on constraint whatsapp_phone_numbers_phone_number_format on whatsapp.whatsapp_phone_numbers is 'Phone number must be in E.164 form: + and 7 to 15 digits.';
comment on constraint whatsapp_phone_numbers_phone_number_id_format on whatsapp.whatsapp_phone_numbers is 'Phone number id must be the provider''s numeric id (5 to 32 digits).';
comment on constraint whatsapp_phone_numbers_display_name_not_blank on whatsapp.whatsapp_phone_numbers is 'Display name cannot be blank.';
comment on constraint whatsapp_phone_numbers_account_fkey on whatsapp.whatsapp_phone_numbers is E'@fieldName account\n@foreignFieldName phoneNumbers\nThe business account the number is registered to.';

/*
 * A template is sent only once approved; a rejection says why. reviewed_at
 * follows the status (trigger): it is when the provider last decided.
 */
create table whatsapp.whatsapp_templates (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  account_id uuid not null,
  name text not null,
  language text not null,
  category whatsapp.template_category not null,
  body text not null,
  status whatsapp.template_status not null default 'draft',
  rejection_reason text,
  reviewed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint whatsapp_templates_tenant_id_id_key unique (tenant_id, id),
  constraint whatsapp_templates_tenant_id_account_id_name_language_key unique (tenant_id, account_id, name, language),
  constraint whatsapp_templates_account_fkey foreign key (tenant_id, account_id)
    references whatsapp.whatsapp_accounts (tenant_id, id) on delete restrict,
  constraint whatsapp_templates_name_format check (name ~ '^[a-z0-9_]+$' and char_length(name) <= 512),
  constraint whatsapp_templates_language_format check (language ~ '^[a-z]{2,3}(_[A-Z]{2})?$'),
  constraint whatsapp_templates_body_not_blank check (char_length(btrim(body)) > 0 and char_length(body) <= 1024),
  constraint whatsapp_templates_rejection_has_reason check (status <> 'rejected' or rejection_reason is not null)
);
create index whatsapp_templates_status_idx on whatsapp.whatsapp_templates (tenant_id, account_id, status);
alter table whatsapp.whatsapp_templates enable row level security;
alter table whatsapp.whatsapp_templates force row level security;
comment on table whatsapp.whatsapp_templates is 'A message template of a business account, with its approval status at the provider.';
comment on column whatsapp.whatsapp_templates.id is 'Unique identifier of the template.';
comment on column whatsapp.whatsapp_templates.tenant_id is 'The tenant of the account.';
comment on column whatsapp.whatsapp_templates.account_id is 'The business account the template belongs to.';
comment on column whatsapp.whatsapp_templates.name is 'The template''s name at the provider (lowercase letters, digits, underscores); with the language, unique per account.';
comment on column whatsapp.whatsapp_templates.language is 'Language of the template (en, pt_BR).';
comment on column whatsapp.whatsapp_templates.category is 'The provider''s category, which decides pricing and review.';
comment on column whatsapp.whatsapp_templates.body is 'The text, with {{1}}-style placeholders; at most 1024 characters.';
comment on column whatsapp.whatsapp_templates.status is 'Approval status; only approved templates are sent.';
comment on column whatsapp.whatsapp_templates.rejection_reason is 'Why the provider rejected the template; required when rejected.';
comment on column whatsapp.whatsapp_templates.reviewed_at is 'When the status last became approved, rejected, paused or disabled (kept by the database).';
comment on constraint whatsapp_templates_name_format on whatsapp.whatsapp_templates is 'Template name may hold only lowercase letters, digits and underscores (at most 512).';
comment on constraint whatsapp_templates_language_format on whatsapp.whatsapp_templates is 'Language must be a code like en or pt_BR.';
comment on constraint whatsapp_templates_body_not_blank on whatsapp.whatsapp_templates is 'Template body cannot be blank or longer than 1024 characters.';
comment on constraint whatsapp_templates_rejection_has_reason on whatsapp.whatsapp_templates is 'A rejected template needs the rejection reason.';
comment on constraint whatsapp_templates_account_fkey on whatsapp.whatsapp_templates is E'@fieldName account\n@foreignFieldName templates\nThe business account the template belongs to.';

create function whatsapp.tg_whatsapp_templates__track_status() returns trigger
  language plpgsql volatile
  set search_path = pg_catalog
as $$
begin
  if new.status in ('approved', 'rejected', 'paused', 'disabled')
     and (tg_op = 'INSERT' or new.status is distinct from old.status) then
    new.reviewed_at := now();
  elsif new.status in ('draft', 'pending') then
    new.reviewed_at := null;
  end if;
  if new.status <> 'rejected' then
    new.rejection_reason := null;
  end if;
  return new;
end;
$$;
comment on function whatsapp.tg_whatsapp_templates__track_status() is 'Trigger: reviewed_at follows the approval status; a reason is kept only while rejected.';
create trigger _200_track_status before insert or update on whatsapp.whatsapp_templates
  for each row execute function whatsapp.tg_whatsapp_templates__track_status();

/*
 * The inbound webhook log. A row is what the provider sent, as it arrived:
 * payload, type and ids are never rewritten (trigger) and rows are never
 * deleted through the API; processing records only its outcome.
 * external_id (the provider's id of the message or status change) makes a
 * redelivered webhook a duplicate the database refuses.
 */
create table whatsapp.whatsapp_webhook_events (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  account_id uuid not null,
  phone_number_id uuid,
  event_type whatsapp.webhook_event_type not null,
  external_id text not null,
  sender_wa_id text,
  payload jsonb not null,
  received_at timestamptz not null default now(),
  processing_status whatsapp.processing_status not null default 'received',
  processed_at timestamptz,
  error text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint whatsapp_webhook_events_tenant_id_id_key unique (tenant_id, id),
  constraint whatsapp_webhook_events_tenant_id_external_id_event_type_key unique (tenant_id, external_id, event_type),
  constraint whatsapp_webhook_events_account_fkey foreign key (tenant_id, account_id)
    references whatsapp.whatsapp_accounts (tenant_id, id) on delete restrict,
  constraint whatsapp_webhook_events_phone_number_fkey foreign key (tenant_id, phone_number_id)
    references whatsapp.whatsapp_phone_numbers (tenant_id, id) on delete restrict,
  constraint whatsapp_webhook_events_payload_object check (jsonb_typeof(payload) = 'object'),
  constraint whatsapp_webhook_events_external_id_not_blank check (char_length(btrim(external_id)) > 0),
  constraint whatsapp_webhook_events_sender_format check (sender_wa_id is null or sender_wa_id ~ '^[0-9]{7,15}$'),
  constraint whatsapp_webhook_events_processed_when_done check ((processing_status = 'received') = (processed_at is null)),
  constraint whatsapp_webhook_events_failed_has_error check (processing_status <> 'failed' or error is not null)
);
create index whatsapp_webhook_events_account_received_idx on whatsapp.whatsapp_webhook_events (tenant_id, account_id, received_at desc);
create index whatsapp_webhook_events_phone_number_idx on whatsapp.whatsapp_webhook_events (tenant_id, phone_number_id);
create index whatsapp_webhook_events_pending_idx on whatsapp.whatsapp_webhook_events (tenant_id, received_at)
  where processing_status = 'received';
create index whatsapp_webhook_events_sender_idx on whatsapp.whatsapp_webhook_events (tenant_id, sender_wa_id, received_at desc);
alter table whatsapp.whatsapp_webhook_events enable row level security;
alter table whatsapp.whatsapp_webhook_events force row level security;
comment on table whatsapp.whatsapp_webhook_events is 'The inbound webhook log: every event the provider delivered, as it arrived (append-only), and what processing made of it.';
comment on column whatsapp.whatsapp_webhook_events.id is 'Unique identifier of the event.';
comment on column whatsapp.whatsapp_webhook_events.tenant_id is 'The tenant of the account.';
comment on column whatsapp.whatsapp_webhook_events.account_id is 'The business account the event is about.';
comment on column whatsapp.whatsapp_webhook_events.phone_number_id is 'The phone number the event arrived on, if it names one.';
comment on column whatsapp.whatsapp_webhook_events.event_type is 'What the event reported.';
comment on column whatsapp.whatsapp_webhook_events.external_id is 'The provider''s id of the message or change; with the type, unique within the tenant, so a redelivery is refused.';
comment on column whatsapp.whatsapp_webhook_events.sender_wa_id is 'The sender''s WhatsApp id (digits of the phone number) for inbound messages; what conversations match a customer on.';
comment on column whatsapp.whatsapp_webhook_events.payload is 'The event as the provider sent it (a JSON object). Never changed.';
comment on column whatsapp.whatsapp_webhook_events.received_at is 'When the event arrived. Never changed.';
comment on column whatsapp.whatsapp_webhook_events.processing_status is 'What became of the event.';
comment on column whatsapp.whatsapp_webhook_events.processed_at is 'When processing finished; set exactly when the status is no longer received.';
comment on column whatsapp.whatsapp_webhook_events.error is 'Why processing failed; required when it did.';
comment on constraint whatsapp_webhook_events_payload_object on whatsapp.whatsapp_webhook_events is 'Payload must be a JSON object.';
comment on constraint whatsapp_webhook_events_external_id_not_blank on whatsapp.whatsapp_webhook_events is 'External id cannot be blank.';
comment on constraint whatsapp_webhook_events_sender_format on whatsapp.whatsapp_webhook_events is 'Sender must be a WhatsApp id: 7 to 15 digits.';
comment on constraint whatsapp_webhook_events_processed_when_done on whatsapp.whatsapp_webhook_events is 'Processed at is set exactly when the event is no longer just received.';
comment on constraint whatsapp_webhook_events_failed_has_error on whatsapp.whatsapp_webhook_events is 'A failed event needs the error.';
comment on constraint whatsapp_webhook_events_account_fkey on whatsapp.whatsapp_webhook_events is E'@fieldName account\n@foreignFieldName webhookEvents\nThe business account the event is about.';
comment on constraint whatsapp_webhook_events_phone_number_fkey on whatsapp.whatsapp_webhook_events is E'@fieldName phoneNumber\n@foreignFieldName webhookEvents\nThe phone number the event arrived on.';

create function whatsapp.tg_whatsapp_webhook_events__keep_as_received() returns trigger
  language plpgsql volatile
  set search_path = pg_catalog
as $$
begin
  if new.payload is distinct from old.payload or new.event_type is distinct from old.event_type
     or new.external_id is distinct from old.external_id or new.received_at is distinct from old.received_at
     or new.account_id is distinct from old.account_id or new.phone_number_id is distinct from old.phone_number_id
     or new.sender_wa_id is distinct from old.sender_wa_id then
    raise exception 'a webhook event is kept as it was received; only its processing outcome changes'
      using errcode = '23514', constraint = 'whatsapp_webhook_events_append_only';
  end if;
  return new;
end;
$$;
comment on function whatsapp.tg_whatsapp_webhook_events__keep_as_received() is 'Trigger: what a webhook event received is never rewritten.';
create trigger _300_keep_as_received before update on whatsapp.whatsapp_webhook_events
  for each row execute function whatsapp.tg_whatsapp_webhook_events__keep_as_received();
