/*
 * crm: customers, contacts, addresses, labels, leads and their stage
 * history, notes. Every table keeps the tenant defaults of
 * 90_tenant_defaults.sql (read within the tenant; writes need
 * CREATE_/UPDATE_/DELETE_<TABLE>). lead_stage_history is written only by
 * the database (trigger _900_track_stage, as nexus_auth): request roles
 * read it. Grants are declared from scratch on every run.
 */
revoke all on all tables in schema crm from nexus_user, nexus_anonymous;
grant usage on schema crm to nexus_user;

grant select, insert (display_name, company_name, email, phone, status, accepts_marketing),
  update (display_name, company_name, email, phone, status, accepts_marketing), delete
  on crm.customers to nexus_user;
grant select, insert (customer_id, full_name, job_title, email, phone, is_primary),
  update (full_name, job_title, email, phone, is_primary), delete
  on crm.customer_contacts to nexus_user;
grant select, insert (customer_id, kind, recipient, line1, line2, city, region, postal_code, country_code, is_default),
  update (kind, recipient, line1, line2, city, region, postal_code, country_code, is_default), delete
  on crm.customer_addresses to nexus_user;
grant select, insert (name, color), update (name, color), delete on crm.labels to nexus_user;
grant select, insert (customer_id, label_id), delete on crm.customer_labels to nexus_user;
grant select, insert (name, position, is_won, is_lost), update (name, position, is_won, is_lost), delete
  on crm.lead_stages to nexus_user;
grant select, insert (customer_id, stage_id, title, expected_amount, currency, expected_close_on),
  update (customer_id, stage_id, title, expected_amount, currency, expected_close_on), delete
  on crm.leads to nexus_user;
grant select on crm.lead_stage_history to nexus_user;
grant select, insert (customer_id, lead_id, kind, body, due_at, done_at),
  update (lead_id, kind, body, due_at, done_at), delete
  on crm.customer_notes to nexus_user;

-- the stage history trigger writes as nexus_auth
grant usage on schema crm to nexus_auth;
grant insert on crm.lead_stage_history to nexus_auth;
