--! Previous: sha1:cee5e366b1d50f160e4ccdb8d370ebb62d55ded6
--! Hash: sha1:919fd5f3bfed957272a9b1e3ad93272ddacaec4f
--! Message: telephony: PBX trunks, user extensions, call records, active calls, recordings

/*
 * telephony: the tenant's PBX. Trunks connect it to the phone network, each
 * user may have an extension, every finished call leaves a call record
 * (direction, duration, disposition), live calls are rows of active_calls
 * while they last, and recordings are kept as metadata pointing at the
 * storage that holds the audio. Call records are records of what happened:
 * deleting one needs DELETE_CALL_RECORDS, which only the admin role holds.
 * What a call was about (a customer, a lead, an order of other modules) is
 * a polymorphic reference (subject_type, subject_id), so this module needs
 * none of them.
 */
create schema telephony;
comment on schema telephony is 'Calls and the PBX: trunks, user extensions, call records with dispositions, active calls, recordings.';

create type telephony.trunk_protocol as enum ('sip', 'iax2', 'pstn');
comment on type telephony.trunk_protocol is 'How a trunk connects to the carrier.';
create type telephony.call_direction as enum ('inbound', 'outbound', 'internal');
comment on type telephony.call_direction is 'Which way a call went: from outside, to outside, or between extensions.';
create type telephony.active_call_state as enum ('ringing', 'connected', 'on_hold', 'transferring');
comment on type telephony.active_call_state is 'Where a live call stands.';
create type telephony.call_subject_type as enum ('customer', 'lead', 'order', 'ticket', 'other');
comment on type telephony.call_subject_type is 'What kind of record a call was about.';

create table telephony.pbx_trunks (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  name text not null,
  provider text not null,
  protocol telephony.trunk_protocol not null default 'sip',
  host text not null,
  port integer not null default 5060,
  max_channels integer not null default 10,
  is_active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint pbx_trunks_tenant_id_id_key unique (tenant_id, id),
  constraint pbx_trunks_tenant_id_name_key unique (tenant_id, name),
  constraint pbx_trunks_name_not_blank check (char_length(btrim(name)) > 0),
  constraint pbx_trunks_provider_not_blank check (char_length(btrim(provider)) > 0),
  constraint pbx_trunks_host_format check (host ~ '^[A-Za-z0-9.-]+$'),
  constraint pbx_trunks_port_range check (port between 1 and 65535),
  constraint pbx_trunks_max_channels_positive check (max_channels > 0)
);
alter table telephony.pbx_trunks enable row level security;
alter table telephony.pbx_trunks force row level security;
comment on table telephony.pbx_trunks is 'A trunk connecting the tenant''s PBX to a carrier. Its credentials are kept with the integrations, never here.';
comment on column telephony.pbx_trunks.id is 'Unique identifier of the trunk.';
comment on column telephony.pbx_trunks.tenant_id is 'The tenant the trunk belongs to.';
comment on column telephony.pbx_trunks.name is 'Name of the trunk, unique within the tenant.';
comment on column telephony.pbx_trunks.provider is 'The carrier.';
comment on column telephony.pbx_trunks.protocol is 'How the trunk connects.';
comment on column telephony.pbx_trunks.host is 'Host name or address of the carrier''s side.';
comment on column telephony.pbx_trunks.port is 'Port of the carrier''s side (1 to 65535).';
comment on column telephony.pbx_trunks.max_channels is 'How many calls the trunk carries at once.';
comment on column telephony.pbx_trunks.is_active is 'False when the trunk is out of use.';
comment on constraint pbx_trunks_name_not_blank on telephony.pbx_trunks is 'Name cannot be blank.';
comment on constraint pbx_trunks_provider_not_blank on telephony.pbx_trunks is 'Provider cannot be blank.';
comment on constraint pbx_trunks_host_format on telephony.pbx_trunks is 'Host must be a host name or address (letters, digits, dots, hyphens).';
comment on constraint pbx_trunks_port_range on telephony.pbx_trunks is 'Port must be between 1 and 65535.';
comment on constraint pbx_trunks_max_channels_positive on telephony.pbx_trunks is 'Max channels must be at least 1.';

create table telephony.user_extensions (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  user_id uuid not null,
  extension text not null,
  trunk_id uuid,
  caller_id text,
  is_active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint user_extensions_tenant_id_id_key unique (tenant_id, id),
  constraint user_extensions_tenant_id_extension_key unique (tenant_id, extension),
  constraint user_extensions_tenant_id_user_id_key unique (tenant_id, user_id),
  constraint user_extensions_user_fkey foreign key (tenant_id, user_id)
    references platform.users (tenant_id, id) on delete cascade,
  constraint user_extensions_trunk_fkey foreign key (tenant_id, trunk_id)
    references telephony.pbx_trunks (tenant_id, id) on delete set null (trunk_id),
  constraint user_extensions_extension_format check (extension ~ '^[0-9]{2,8}$'),
  constraint user_extensions_caller_id_format check (caller_id is null or caller_id ~ '^\+[1-9][0-9]{6,14}$')
);
create index user_extensions_trunk_idx on telephony.user_extensions (tenant_id, trunk_id);
alter table telephony.user_extensions enable row level security;
alter table telephony.user_extensions force row level security;
comment on table telephony.user_extensions is 'The PBX extension of a user: one per user, each number unique within the tenant.';
comment on column telephony.user_extensions.id is 'Unique identifier of the extension.';
comment on column telephony.user_extensions.tenant_id is 'The tenant of the user.';
comment on column telephony.user_extensions.user_id is 'The user who answers the extension.';
comment on column telephony.user_extensions.extension is 'The extension number (2 to 8 digits), unique within the tenant.';
comment on column telephony.user_extensions.trunk_id is 'The trunk outbound calls of this extension use; null for the PBX''s default.';
comment on column telephony.user_extensions.caller_id is 'The number shown to those called (E.164), if not the trunk''s.';
comment on column telephony.user_extensions.is_active is 'False when the extension rings nowhere.';
comment on constraint user_extensions_extension_format on telephony.user_extensions is 'Extension must be 2 to 8 digits.';
comment on constraint user_extensions_caller_id_format on telephony.user_extensions is 'Caller id must be in E.164 form: + and 7 to 15 digits.';
comment on constraint user_extensions_user_fkey on telephony.user_extensions is E'@fieldName user\n@foreignFieldName extensions\nThe user who answers the extension.';

create table telephony.call_dispositions (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  code text not null,
  label text not null,
  is_success boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint call_dispositions_tenant_id_id_key unique (tenant_id, id),
  constraint call_dispositions_tenant_id_code_key unique (tenant_id, code),
  constraint call_dispositions_code_format check (code ~ '^[a-z][a-z0-9_]{0,49}$'),
  constraint call_dispositions_label_not_blank check (char_length(btrim(label)) > 0)
);
alter table telephony.call_dispositions enable row level security;
alter table telephony.call_dispositions force row level security;
comment on table telephony.call_dispositions is 'The outcomes the tenant''s agents file calls under (sale, callback, no answer).';
comment on column telephony.call_dispositions.id is 'Unique identifier of the disposition.';
comment on column telephony.call_dispositions.tenant_id is 'The tenant the disposition belongs to.';
comment on column telephony.call_dispositions.code is 'Short code (lowercase, digits, underscores), unique within the tenant.';
comment on column telephony.call_dispositions.label is 'What agents see.';
comment on column telephony.call_dispositions.is_success is 'Whether the outcome counts as a success in reports.';
comment on constraint call_dispositions_code_format on telephony.call_dispositions is 'Code must start with a lowercase letter and hold only lowercase letters, digits and underscores (at most 50).';
comment on constraint call_dispositions_label_not_blank on telephony.call_dispositions is 'Label cannot be blank.';

/*
 * A finished call. Its duration is derived, never entered: the database
 * computes duration_seconds from started_at and ended_at, and talk_seconds
 * from answered_at, so reports cannot disagree with the timestamps.
 */
create table telephony.call_records (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  external_call_id text not null,
  direction telephony.call_direction not null,
  trunk_id uuid,
  extension_id uuid,
  user_id uuid,
  from_number text not null,
  to_number text not null,
  started_at timestamptz not null,
  answered_at timestamptz,
  ended_at timestamptz not null,
  duration_seconds integer generated always as (floor(extract(epoch from ended_at - started_at))::integer) stored,
  talk_seconds integer generated always as (coalesce(floor(extract(epoch from ended_at - answered_at))::integer, 0)) stored,
  disposition_id uuid,
  subject_type telephony.call_subject_type,
  subject_id uuid,
  notes text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint call_records_tenant_id_id_key unique (tenant_id, id),
  constraint call_records_tenant_id_external_call_id_key unique (tenant_id, external_call_id),
  constraint call_records_trunk_fkey foreign key (tenant_id, trunk_id)
    references telephony.pbx_trunks (tenant_id, id) on delete set null (trunk_id),
  constraint call_records_extension_fkey foreign key (tenant_id, extension_id)
    references telephony.user_extensions (tenant_id, id) on delete set null (extension_id),
  constraint call_records_user_fkey foreign key (tenant_id, user_id)
    references platform.users (tenant_id, id) on delete set null (user_id),
  constraint call_records_disposition_fkey foreign key (tenant_id, disposition_id)
    references telephony.call_dispositions (tenant_id, id) on delete restrict,
  constraint call_records_times_ordered check (ended_at >= started_at),
  constraint call_records_answered_within_call check (answered_at is null or answered_at between started_at and ended_at),
  constraint call_records_subject_complete check ((subject_type is null) = (subject_id is null)),
  constraint call_records_numbers_not_blank check (char_length(btrim(from_number)) > 0 and char_length(btrim(to_number)) > 0),
  constraint call_records_external_call_id_not_blank check (char_length(btrim(external_call_id)) > 0)
);
create index call_records_started_idx on telephony.call_records (tenant_id, started_at desc);
create index call_records_user_started_idx on telephony.call_records (tenant_id, user_id, started_at desc);
create index call_records_trunk_idx on telephony.call_records (tenant_id, trunk_id);
create index call_records_extension_idx on telephony.call_records (tenant_id, extension_id);
create index call_records_disposition_idx on telephony.call_records (tenant_id, disposition_id);
create index call_records_subject_idx on telephony.call_records (tenant_id, subject_type, subject_id) where subject_id is not null;
alter table telephony.call_records enable row level security;
alter table telephony.call_records force row level security;
comment on table telephony.call_records is 'A finished call: who called whom, when, for how long, and how it ended. Deleting one needs DELETE_CALL_RECORDS (admins).';
comment on column telephony.call_records.id is 'Unique identifier of the call record.';
comment on column telephony.call_records.tenant_id is 'The tenant of the call.';
comment on column telephony.call_records.external_call_id is 'The PBX''s id of the call, unique within the tenant: recording the same call twice is refused.';
comment on column telephony.call_records.direction is 'Inbound, outbound or internal.';
comment on column telephony.call_records.trunk_id is 'The trunk the call used, if it left the PBX.';
comment on column telephony.call_records.extension_id is 'The extension that took or made the call.';
comment on column telephony.call_records.user_id is 'The user who took or made the call.';
comment on column telephony.call_records.from_number is 'The calling number or extension.';
comment on column telephony.call_records.to_number is 'The called number or extension.';
comment on column telephony.call_records.started_at is 'When the call began (ringing).';
comment on column telephony.call_records.answered_at is 'When it was answered; null if it never was.';
comment on column telephony.call_records.ended_at is 'When it ended; not before started_at.';
comment on column telephony.call_records.duration_seconds is 'Whole seconds from start to end (computed by the database).';
comment on column telephony.call_records.talk_seconds is 'Whole seconds from answer to end, 0 when unanswered (computed by the database).';
comment on column telephony.call_records.disposition_id is 'How the agent filed the call.';
comment on column telephony.call_records.subject_type is 'What kind of record the call was about, with subject_id.';
comment on column telephony.call_records.subject_id is 'The id of the record the call was about (a customer, lead, order or ticket of its module).';
comment on column telephony.call_records.notes is 'The agent''s notes.';
comment on constraint call_records_times_ordered on telephony.call_records is 'A call cannot end before it started.';
comment on constraint call_records_answered_within_call on telephony.call_records is 'A call is answered between its start and its end.';
comment on constraint call_records_subject_complete on telephony.call_records is 'Subject type and subject id go together: give both or neither.';
comment on constraint call_records_numbers_not_blank on telephony.call_records is 'From and to numbers cannot be blank.';
comment on constraint call_records_external_call_id_not_blank on telephony.call_records is 'External call id cannot be blank.';
comment on constraint call_records_user_fkey on telephony.call_records is E'@fieldName user\n@foreignFieldName callRecords\nThe user who took or made the call.';

create table telephony.active_calls (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  external_call_id text not null,
  direction telephony.call_direction not null,
  trunk_id uuid,
  extension_id uuid,
  from_number text not null,
  to_number text not null,
  state telephony.active_call_state not null default 'ringing',
  started_at timestamptz not null default now(),
  answered_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint active_calls_tenant_id_id_key unique (tenant_id, id),
  constraint active_calls_tenant_id_external_call_id_key unique (tenant_id, external_call_id),
  constraint active_calls_trunk_fkey foreign key (tenant_id, trunk_id)
    references telephony.pbx_trunks (tenant_id, id) on delete cascade,
  constraint active_calls_extension_fkey foreign key (tenant_id, extension_id)
    references telephony.user_extensions (tenant_id, id) on delete cascade,
  constraint active_calls_answered_when_connected check (state = 'ringing' or answered_at is not null),
  constraint active_calls_answered_after_start check (answered_at is null or answered_at >= started_at),
  constraint active_calls_numbers_not_blank check (char_length(btrim(from_number)) > 0 and char_length(btrim(to_number)) > 0),
  constraint active_calls_external_call_id_not_blank check (char_length(btrim(external_call_id)) > 0)
);
create index active_calls_trunk_idx on telephony.active_calls (tenant_id, trunk_id);
create index active_calls_extension_idx on telephony.active_calls (tenant_id, extension_id);
create index active_calls_started_idx on telephony.active_calls (tenant_id, started_at);
alter table telephony.active_calls enable row level security;
alter table telephony.active_calls force row level security;
comment on table telephony.active_calls is 'A call in progress, for the live wallboard; the PBX removes it when the call ends and writes its call record.';
comment on column telephony.active_calls.id is 'Unique identifier of the live call.';
comment on column telephony.active_calls.tenant_id is 'The tenant of the call.';
comment on column telephony.active_calls.external_call_id is 'The PBX''s id of the call; its call record will carry the same id.';
comment on column telephony.active_calls.direction is 'Inbound, outbound or internal.';
comment on column telephony.active_calls.trunk_id is 'The trunk the call uses, if it leaves the PBX.';
comment on column telephony.active_calls.extension_id is 'The extension on the call.';
comment on column telephony.active_calls.from_number is 'The calling number or extension.';
comment on column telephony.active_calls.to_number is 'The called number or extension.';
comment on column telephony.active_calls.state is 'Ringing, connected, on hold or being transferred.';
comment on column telephony.active_calls.started_at is 'When the call began.';
comment on column telephony.active_calls.answered_at is 'When it was answered; required once it is no longer ringing.';
comment on constraint active_calls_answered_when_connected on telephony.active_calls is 'A call past ringing needs the time it was answered.';
comment on constraint active_calls_answered_after_start on telephony.active_calls is 'A call is answered after it started.';
comment on constraint active_calls_numbers_not_blank on telephony.active_calls is 'From and to numbers cannot be blank.';
comment on constraint active_calls_external_call_id_not_blank on telephony.active_calls is 'External call id cannot be blank.';

create table telephony.call_recordings (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  call_record_id uuid not null,
  storage_url text not null,
  content_type text not null default 'audio/mpeg',
  duration_seconds integer not null,
  size_bytes bigint not null,
  recorded_at timestamptz not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint call_recordings_tenant_id_id_key unique (tenant_id, id),
  constraint call_recordings_call_record_fkey foreign key (tenant_id, call_record_id)
    references telephony.call_records (tenant_id, id) on delete restrict,
  constraint call_recordings_storage_url_format check (storage_url ~ '^(https|s3)://\S+$'),
  constraint call_recordings_content_type_audio check (content_type ~ '^audio/[a-z0-9.+-]+$'),
  constraint call_recordings_duration_positive check (duration_seconds > 0),
  constraint call_recordings_size_not_negative check (size_bytes >= 0)
);
create index call_recordings_call_record_idx on telephony.call_recordings (tenant_id, call_record_id);
alter table telephony.call_recordings enable row level security;
alter table telephony.call_recordings force row level security;
comment on table telephony.call_recordings is 'A recording of a call, as metadata: the audio lives in object storage at storage_url.';
comment on column telephony.call_recordings.id is 'Unique identifier of the recording.';
comment on column telephony.call_recordings.tenant_id is 'The tenant of the call.';
comment on column telephony.call_recordings.call_record_id is 'The call recorded; a recorded call''s record cannot be deleted before its recordings.';
comment on column telephony.call_recordings.storage_url is 'Where the audio is (https:// or s3://).';
comment on column telephony.call_recordings.content_type is 'Audio media type (audio/mpeg, audio/wav).';
comment on column telephony.call_recordings.duration_seconds is 'Length of the recording in seconds (at least 1).';
comment on column telephony.call_recordings.size_bytes is 'Size of the audio file in bytes.';
comment on column telephony.call_recordings.recorded_at is 'When recording began.';
comment on constraint call_recordings_storage_url_format on telephony.call_recordings is 'Storage URL must start with https:// or s3://.';
comment on constraint call_recordings_content_type_audio on telephony.call_recordings is 'Content type must be an audio media type (audio/...).';
comment on constraint call_recordings_duration_positive on telephony.call_recordings is 'Duration must be at least 1 second.';
comment on constraint call_recordings_size_not_negative on telephony.call_recordings is 'Size cannot be negative.';
comment on constraint call_recordings_call_record_fkey on telephony.call_recordings is E'@fieldName callRecord\n@foreignFieldName recordings\nThe call recorded.';
