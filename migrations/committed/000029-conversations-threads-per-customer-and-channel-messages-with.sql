--! Previous: sha1:872266e9f5d227e91037981cd3b4fbf8e51eeac0
--! Hash: sha1:ff715772b24dec1c53606fabd33a6221b98cb3b8
--! Message: conversations: threads per customer and channel, messages with direction and status, attachments, status events

/*
 * conversations: the shop's threads with its customers, one per customer
 * and channel conversation (WhatsApp, e-mail, SMS, social, web chat).
 * Messages go in (from the customer) or out (from the shop) and pass
 * through delivery states reported by the channel; a message's status is
 * always that of its latest status event (trigger), and a chat's
 * last_message_at that of its newest message. Table names carry their
 * module: the school product already has messages.
 */
create schema conversations;
comment on schema conversations is 'Omnichannel threads per customer and channel, their messages, attachments and delivery status events.';

create type conversations.chat_channel as enum ('whatsapp', 'email', 'sms', 'messenger', 'instagram', 'web_chat');
comment on type conversations.chat_channel is 'The channel a conversation runs on.';
create type conversations.chat_status as enum ('open', 'pending', 'closed');
comment on type conversations.chat_status is 'Whether a conversation waits for the shop (open), for the customer (pending), or is done (closed).';
create type conversations.message_direction as enum ('inbound', 'outbound');
comment on type conversations.message_direction is 'Whether a message came from the customer (inbound) or was sent by the shop (outbound).';
create type conversations.conversation_message_status as enum ('queued', 'sent', 'delivered', 'read', 'failed', 'received');
comment on type conversations.conversation_message_status is 'Delivery state of a message: outbound queued, sent, delivered, read or failed; inbound received or read.';

create table conversations.chats (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  customer_id uuid not null,
  channel conversations.chat_channel not null,
  external_thread_id text,
  subject text,
  status conversations.chat_status not null default 'open',
  last_message_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint chats_tenant_id_id_key unique (tenant_id, id),
  constraint chats_tenant_id_channel_external_thread_id_key unique (tenant_id, channel, external_thread_id),
  constraint chats_customer_fkey foreign key (tenant_id, customer_id)
    references crm.customers (tenant_id, id) on delete restrict
);
-- the inbox: conversations of a status, most recent message first; a customer's conversations
create index chats_status_idx on conversations.chats (tenant_id, status, last_message_at desc);
create index chats_customer_idx on conversations.chats (tenant_id, customer_id, last_message_at desc);
comment on table conversations.chats is 'A conversation with a customer on one channel.';
comment on column conversations.chats.id is 'Unique identifier of the conversation.';
comment on column conversations.chats.tenant_id is 'The tenant (shop) talking.';
comment on column conversations.chats.customer_id is 'The customer talked to.';
comment on column conversations.chats.channel is 'The channel it runs on.';
comment on column conversations.chats.external_thread_id is 'The channel''s own id of the thread, unique per channel within the tenant.';
comment on column conversations.chats.subject is 'What the conversation is about (e-mail subject, first line).';
comment on column conversations.chats.status is 'Whether it waits for the shop, for the customer, or is closed.';
comment on column conversations.chats.last_message_at is 'When its newest message was sent (kept by the database).';

create table conversations.conversation_messages (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  chat_id uuid not null,
  direction conversations.message_direction not null,
  status conversations.conversation_message_status not null,
  body text,
  sent_at timestamptz not null default now(),
  external_message_id text,
  created_by uuid,
  updated_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint conversation_messages_tenant_id_id_key unique (tenant_id, id),
  constraint conversation_messages_chat_fkey foreign key (tenant_id, chat_id)
    references conversations.chats (tenant_id, id) on delete cascade,
  constraint conversation_messages_created_by_fkey foreign key (tenant_id, created_by)
    references platform.users (tenant_id, id) on delete set null (created_by),
  constraint conversation_messages_updated_by_fkey foreign key (tenant_id, updated_by)
    references platform.users (tenant_id, id) on delete set null (updated_by),
  constraint conversation_messages_status_matches_direction check (
    case direction when 'inbound' then status in ('received', 'read') else status <> 'received' end
  ),
  constraint conversation_messages_body_not_blank check (body is null or char_length(btrim(body)) > 0)
);
-- a thread, oldest first
create index conversation_messages_chat_idx on conversations.conversation_messages (tenant_id, chat_id, sent_at);
create index conversation_messages_created_by_idx on conversations.conversation_messages (tenant_id, created_by);
create index conversation_messages_updated_by_idx on conversations.conversation_messages (tenant_id, updated_by);
comment on table conversations.conversation_messages is 'A message in a conversation, in or out, with its delivery status.';
comment on column conversations.conversation_messages.id is 'Unique identifier of the message.';
comment on column conversations.conversation_messages.tenant_id is 'The tenant of the conversation.';
comment on column conversations.conversation_messages.chat_id is 'The conversation.';
comment on column conversations.conversation_messages.direction is 'Whether it came from the customer or was sent by the shop.';
comment on column conversations.conversation_messages.status is 'Delivery state: that of its latest status event once there is one (kept by the database).';
comment on column conversations.conversation_messages.body is 'Text of the message (none for an attachment alone).';
comment on column conversations.conversation_messages.sent_at is 'When it was sent.';
comment on column conversations.conversation_messages.external_message_id is 'The channel''s own id of the message.';
comment on constraint conversation_messages_status_matches_direction on conversations.conversation_messages is 'An inbound message is received or read; an outbound message is queued, sent, delivered, read or failed.';
comment on constraint conversation_messages_body_not_blank on conversations.conversation_messages is 'Text must not be blank (leave it empty for an attachment alone).';

create table conversations.message_attachments (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  message_id uuid not null,
  file_name text not null,
  content_type text not null,
  byte_size bigint not null,
  storage_url text not null,
  created_at timestamptz not null default now(),
  constraint message_attachments_tenant_id_id_key unique (tenant_id, id),
  constraint message_attachments_message_fkey foreign key (tenant_id, message_id)
    references conversations.conversation_messages (tenant_id, id) on delete cascade,
  constraint message_attachments_file_name_not_blank check (char_length(btrim(file_name)) > 0),
  constraint message_attachments_content_type_shape check (content_type ~ '^[a-z]+/[A-Za-z0-9.+-]+$'),
  constraint message_attachments_byte_size_nonnegative check (byte_size >= 0),
  constraint message_attachments_storage_url_shape check (storage_url ~ '^https://')
);
create index message_attachments_message_idx on conversations.message_attachments (tenant_id, message_id);
comment on table conversations.message_attachments is 'A file sent with a message (image, document); the file itself is in object storage.';
comment on column conversations.message_attachments.id is 'Unique identifier of the attachment.';
comment on column conversations.message_attachments.tenant_id is 'The tenant of the message.';
comment on column conversations.message_attachments.message_id is 'The message it came with.';
comment on column conversations.message_attachments.file_name is 'Name of the file.';
comment on column conversations.message_attachments.content_type is 'Media type of the file (e.g. image/jpeg).';
comment on column conversations.message_attachments.byte_size is 'Size of the file in bytes.';
comment on column conversations.message_attachments.storage_url is 'Where the file is stored (https).';
comment on constraint message_attachments_file_name_not_blank on conversations.message_attachments is 'File name must not be blank.';
comment on constraint message_attachments_content_type_shape on conversations.message_attachments is 'Content type must be a media type such as image/jpeg.';
comment on constraint message_attachments_byte_size_nonnegative on conversations.message_attachments is 'Size must not be negative.';
comment on constraint message_attachments_storage_url_shape on conversations.message_attachments is 'Storage address must start with https://.';

create table conversations.message_status_events (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  message_id uuid not null,
  status conversations.conversation_message_status not null,
  occurred_at timestamptz not null default now(),
  error_detail text,
  created_at timestamptz not null default now(),
  constraint message_status_events_tenant_id_id_key unique (tenant_id, id),
  constraint message_status_events_message_fkey foreign key (tenant_id, message_id)
    references conversations.conversation_messages (tenant_id, id) on delete cascade,
  constraint message_status_events_error_only_when_failed check (error_detail is null or status = 'failed')
);
create index message_status_events_message_idx on conversations.message_status_events (tenant_id, message_id, occurred_at desc, id desc);
comment on table conversations.message_status_events is 'A delivery state the channel reported for a message (sent, delivered, read, failed).';
comment on column conversations.message_status_events.id is 'Unique identifier of the event.';
comment on column conversations.message_status_events.tenant_id is 'The tenant of the message.';
comment on column conversations.message_status_events.message_id is 'The message.';
comment on column conversations.message_status_events.status is 'The state reported.';
comment on column conversations.message_status_events.occurred_at is 'When the channel says it happened (reports may arrive out of order).';
comment on column conversations.message_status_events.error_detail is 'Why delivery failed (failed events only).';
comment on constraint message_status_events_error_only_when_failed on conversations.message_status_events is 'Only a failed event can carry an error.';

/*
 * Derived columns, kept here: a message's status follows its latest event
 * (by occurred_at, then id, as waybills do), a chat's last_message_at its
 * newest message. Run as nexus_auth: neither is writable by request roles.
 */
create function conversations.tg_message_status_events__follow_latest() returns trigger
  language plpgsql volatile security definer
  set search_path = pg_catalog
as $$
begin
  update conversations.conversation_messages m
  set status = e.status
  from (
    select se.status from conversations.message_status_events se
    where se.tenant_id = new.tenant_id and se.message_id = new.message_id
    order by se.occurred_at desc, se.id desc
    limit 1
  ) e
  where m.tenant_id = new.tenant_id and m.id = new.message_id and m.status is distinct from e.status;
  return null;
end;
$$;
comment on function conversations.tg_message_status_events__follow_latest() is 'Trigger: sets a message''s status to that of its latest status event.';
create trigger _500_follow_latest_event after insert on conversations.message_status_events
  for each row execute function conversations.tg_message_status_events__follow_latest();

create function conversations.tg_conversation_messages__touch_chat() returns trigger
  language plpgsql volatile security definer
  set search_path = pg_catalog
as $$
begin
  update conversations.chats c
  set last_message_at = new.sent_at
  where c.tenant_id = new.tenant_id and c.id = new.chat_id
    and (c.last_message_at is null or c.last_message_at < new.sent_at);
  return null;
end;
$$;
comment on function conversations.tg_conversation_messages__touch_chat() is 'Trigger: keeps a chat''s last_message_at at its newest message.';
create trigger _500_touch_chat after insert on conversations.conversation_messages
  for each row execute function conversations.tg_conversation_messages__touch_chat();

/* Security definer functions belong to nexus_auth (BYPASSRLS); it may create in conversations only for the handover. */
revoke all on function conversations.tg_message_status_events__follow_latest() from public;
revoke all on function conversations.tg_conversation_messages__touch_chat() from public;
grant create on schema conversations to nexus_auth;
alter function conversations.tg_message_status_events__follow_latest() owner to nexus_auth;
alter function conversations.tg_conversation_messages__touch_chat() owner to nexus_auth;
revoke create on schema conversations from nexus_auth;
