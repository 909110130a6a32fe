--! Previous: sha1:9d7d42d842de9a2581ea72b5a5e0ce1b0993eb56
--! Hash: sha1:1e44a31646e4fc66315205f9a6f4b3ed8ffe7cd8
--! Message: audit: look up the history of one record

/*
 * "What happened to this row?" is the audit log's most common question; the
 * seed's (table_name, record_id) index answers it only together with the
 * table, and filters need a key of their own to stay cheap.
 */
create index idx_audit_logs_record on audit.audit_logs (tenant_id, record_id, changed_at);
