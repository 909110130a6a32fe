/*
 * whatsapp: accounts, phone numbers, templates, the webhook log. Every
 * table keeps the tenant defaults of 90_tenant_defaults.sql (read within
 * the tenant; writes need CREATE_/UPDATE_/DELETE_<TABLE>). Grants are
 * declared from scratch on every run.
 *
 * The webhook log is append-only for the request roles: insert, and an
 * update of the processing outcome only; no delete grant, so no delete
 * mutation. template reviewed_at is kept by its trigger, never written.
 */
revoke all on all tables in schema whatsapp from nexus_user, nexus_anonymous;
grant usage on schema whatsapp to nexus_user;

grant select, insert (name, business_account_id, status), update (name, business_account_id, status), delete
  on whatsapp.whatsapp_accounts to nexus_user;
grant select, insert (account_id, phone_number, phone_number_id, display_name, status, quality_rating),
  update (display_name, status, quality_rating), delete
  on whatsapp.whatsapp_phone_numbers to nexus_user;
grant select, insert (account_id, name, language, category, body, status, rejection_reason),
  update (category, body, status, rejection_reason), delete
  on whatsapp.whatsapp_templates to nexus_user;
grant select, insert (account_id, phone_number_id, event_type, external_id, sender_wa_id, payload, received_at,
                      processing_status, processed_at, error),
  update (processing_status, processed_at, error)
  on whatsapp.whatsapp_webhook_events to nexus_user;
