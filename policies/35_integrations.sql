/*
 * integrations: credentials, Shopify stores with their cursors and
 * mappings, Facebook pages, social accounts. Every table keeps the tenant
 * defaults of 90_tenant_defaults.sql (read within the tenant; writes need
 * CREATE_/UPDATE_/DELETE_<TABLE>, deletes of credentials are the admins').
 * Grants are declared from scratch on every run.
 *
 * integration_credentials.secret_ciphertext is granted to no request role:
 * it is not in the GraphQL schema. A secret is written only through
 * integrations.store_integration_secret, and read only by the host.
 */
revoke all on all tables in schema integrations from nexus_user, nexus_anonymous;
grant usage on schema integrations to nexus_user;

grant select (id, tenant_id, provider, label, secret_set_at, expires_at, created_at, updated_at),
  insert (provider, label, expires_at), update (label, expires_at), delete
  on integrations.integration_credentials to nexus_user;
grant execute on function integrations.store_integration_secret(uuid, text) to nexus_user;
grant select, insert (shop_domain, name, currency, status, credential_id, connected_at),
  update (name, currency, status, credential_id, connected_at), delete
  on integrations.shopify_stores to nexus_user;
grant select, insert (store_id, resource, cursor, last_synced_at, last_error),
  update (cursor, last_synced_at, last_error), delete
  on integrations.shopify_sync_cursors to nexus_user;
grant select, insert (store_id, resource, external_id, local_type, local_id, external_updated_at, synced_at),
  update (local_type, local_id, external_updated_at, synced_at), delete
  on integrations.shopify_object_mappings to nexus_user;
grant select, insert (page_id, name, status, credential_id), update (name, status, credential_id), delete
  on integrations.facebook_pages to nexus_user;
grant select, insert (network, external_id, handle, status, credential_id), update (handle, status, credential_id), delete
  on integrations.social_accounts to nexus_user;

/* The secret's writer and the host's reader (nexus_auth, BYPASSRLS). */
grant usage on schema integrations, extensions to nexus_auth;
grant select (id, tenant_id, secret_ciphertext, secret_set_at), update (secret_ciphertext, secret_set_at)
  on integrations.integration_credentials to nexus_auth;
