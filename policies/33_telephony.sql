/*
 * telephony: trunks, extensions, dispositions, call records, active calls,
 * recordings. Every table keeps the tenant defaults of
 * 90_tenant_defaults.sql: read within the tenant; writes need
 * CREATE_/UPDATE_/DELETE_<TABLE>, and only the admin role holds DELETE_ by
 * default, which is what keeps call records deletable by admins alone.
 * Durations are computed by the database and never granted. Grants are
 * declared from scratch on every run.
 */
revoke all on all tables in schema telephony from nexus_user, nexus_anonymous;
grant usage on schema telephony to nexus_user;

grant select, insert (name, provider, protocol, host, port, max_channels, is_active),
  update (name, provider, protocol, host, port, max_channels, is_active), delete
  on telephony.pbx_trunks to nexus_user;
grant select, insert (user_id, extension, trunk_id, caller_id, is_active),
  update (extension, trunk_id, caller_id, is_active), delete
  on telephony.user_extensions to nexus_user;
grant select, insert (code, label, is_success), update (label, is_success), delete
  on telephony.call_dispositions to nexus_user;
grant select, insert (external_call_id, direction, trunk_id, extension_id, user_id, from_number, to_number, started_at,
                      answered_at, ended_at, disposition_id, subject_type, subject_id, notes),
  update (disposition_id, subject_type, subject_id, notes), delete
  on telephony.call_records to nexus_user;
grant select, insert (external_call_id, direction, trunk_id, extension_id, from_number, to_number, state, started_at,
                      answered_at),
  update (state, answered_at), delete
  on telephony.active_calls to nexus_user;
grant select, insert (call_record_id, storage_url, content_type, duration_seconds, size_bytes, recorded_at), delete
  on telephony.call_recordings to nexus_user;
