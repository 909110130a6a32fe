/*
 * conversations: chats, messages, attachments, status events. Every table
 * keeps the tenant defaults of 90_tenant_defaults.sql (read within the
 * tenant; writes need CREATE_/UPDATE_/DELETE_<TABLE>). A message's status
 * after its first event and a chat's last_message_at are written by the
 * database (triggers, as nexus_auth). Grants are declared from scratch on
 * every run.
 */
revoke all on all tables in schema conversations from nexus_user, nexus_anonymous;
grant usage on schema conversations to nexus_user;

grant select, insert (customer_id, channel, external_thread_id, subject, status), update (subject, status), delete
  on conversations.chats to nexus_user;
grant select, insert (chat_id, direction, status, body, sent_at, external_message_id), update (body), delete
  on conversations.conversation_messages to nexus_user;
grant select, insert (message_id, file_name, content_type, byte_size, storage_url), delete
  on conversations.message_attachments to nexus_user;
grant select, insert (message_id, status, occurred_at, error_detail) on conversations.message_status_events to nexus_user;

-- the derived-column triggers run as nexus_auth
grant usage on schema conversations to nexus_auth;
grant select on conversations.message_status_events to nexus_auth;
grant select, update (status) on conversations.conversation_messages to nexus_auth;
grant select, update (last_message_at) on conversations.chats to nexus_auth;
