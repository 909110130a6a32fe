--! Previous: sha1:a0229fa271c90c157f9dbf8a5f922195ba1bfd37
--! Hash: sha1:838988b3637c1de88870eb99686242bfca7ccc9d
--! Message: integrations: Shopify stores, sync cursors and object mappings, Facebook pages, social accounts, encrypted credentials

/*
 * integrations: the tenant's connected stores, pages and social accounts,
 * what each sync has reached (cursors), which imported object is which
 * local record (mappings), and the credentials they connect with.
 *
 * Credentials are encrypted at rest with pgcrypto (pgp_sym_encrypt). The
 * key is never in the database: the gateway has it from its environment
 * (NEXUS_CREDENTIAL_KEY) and hands it to PostgreSQL only as a setting of a
 * mutation's own transaction (nexus.credential_key), where
 * integrations.store_integration_secret encrypts with it. The ciphertext
 * column is granted to no request role, so it is not in the GraphQL schema
 * at all; only the host decrypts (nexus_auth.integration_secret, given the
 * key as an argument, executable by the authenticator alone), to sync.
 * Deleting a credential needs DELETE_INTEGRATION_CREDENTIALS (admins).
 *
 * Local records (customers, orders, products) belong to other modules: a
 * mapping names them polymorphically (local_type, local_id).
 */
create extension if not exists pgcrypto with schema extensions;

create schema integrations;
comment on schema integrations is 'Integrations: connected Shopify stores, Facebook pages and social accounts, their sync cursors and object mappings, and encrypted credentials.';

create type integrations.provider as enum ('shopify', 'facebook', 'instagram', 'tiktok', 'whatsapp', 'pbx', 'other');
comment on type integrations.provider is 'Whose API a credential opens.';
create type integrations.connection_status as enum ('pending', 'connected', 'error', 'disconnected');
comment on type integrations.connection_status is 'Where a connection stands.';
create type integrations.shopify_resource as enum ('products', 'variants', 'customers', 'orders', 'inventory_levels', 'fulfillments');
comment on type integrations.shopify_resource is 'The Shopify resources that are synced.';
create type integrations.local_object_type as enum ('customer', 'order', 'product', 'variant', 'fulfillment', 'inventory_item', 'other');
comment on type integrations.local_object_type is 'What kind of local record an imported object became.';
create type integrations.social_network as enum ('instagram', 'tiktok', 'x', 'linkedin', 'youtube', 'pinterest');
comment on type integrations.social_network is 'A social network an account is on (Facebook pages have their own table).';

create table integrations.integration_credentials (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  provider integrations.provider not null,
  label text not null,
  secret_ciphertext bytea,
  secret_set_at timestamptz,
  expires_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint integration_credentials_tenant_id_id_key unique (tenant_id, id),
  constraint integration_credentials_tenant_id_label_key unique (tenant_id, label),
  constraint integration_credentials_label_not_blank check (char_length(btrim(label)) > 0),
  constraint integration_credentials_secret_with_time check ((secret_ciphertext is null) = (secret_set_at is null))
);
alter table integrations.integration_credentials enable row level security;
alter table integrations.integration_credentials force row level security;
comment on table integrations.integration_credentials is 'A credential (API token, app secret) of a connection. Its secret is encrypted and never readable through the API; deleting one needs DELETE_INTEGRATION_CREDENTIALS.';
comment on column integrations.integration_credentials.id is 'Unique identifier of the credential.';
comment on column integrations.integration_credentials.tenant_id is 'The tenant the credential belongs to.';
comment on column integrations.integration_credentials.provider is 'Whose API the credential opens.';
comment on column integrations.integration_credentials.label is 'Name of the credential, unique within the tenant.';
comment on column integrations.integration_credentials.secret_ciphertext is E'@behavior -*\nThe secret, encrypted with the gateway''s key (pgcrypto, pgp_sym_encrypt). Not granted to any request role.';
comment on column integrations.integration_credentials.secret_set_at is 'When the secret was last stored (storeIntegrationSecret); null while none is.';
comment on column integrations.integration_credentials.expires_at is 'When the provider says the credential expires, if it does.';
comment on constraint integration_credentials_label_not_blank on integrations.integration_credentials is 'Label cannot be blank.';
comment on constraint integration_credentials_secret_with_time on integrations.integration_credentials is 'A stored secret has the time it was stored, and only then.';

/*
 * Stores a credential's secret, encrypted with the key of this
 * transaction (the gateway sets it for mutations). The caller never
 * touches the ciphertext column: nexus_auth.set_integration_secret
 * (functions/nexus_auth.sql) writes it after checking, as the policies
 * would, that the credential is the caller's tenant's and that the caller
 * holds UPDATE_INTEGRATION_CREDENTIALS. Returns when the secret was stored.
 */
create function integrations.store_integration_secret(credential_id uuid, secret text)
returns timestamptz
  language plpgsql volatile
  set search_path = pg_catalog
as $$
begin
  return nexus_auth.set_integration_secret(store_integration_secret.credential_id, store_integration_secret.secret);
end;
$$;
comment on function integrations.store_integration_secret(uuid, text) is
  E'@resultFieldName secretSetAt\nStores the secret of a credential, encrypted at rest; it can never be read back through the API.';

create table integrations.shopify_stores (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  shop_domain text not null,
  name text not null,
  currency char(3),
  status integrations.connection_status not null default 'pending',
  credential_id uuid,
  connected_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint shopify_stores_tenant_id_id_key unique (tenant_id, id),
  constraint shopify_stores_tenant_id_shop_domain_key unique (tenant_id, shop_domain),
  constraint shopify_stores_credential_fkey foreign key (tenant_id, credential_id)
    references integrations.integration_credentials (tenant_id, id) on delete set null (credential_id),
  constraint shopify_stores_shop_domain_format check (shop_domain ~ '^[a-z0-9][a-z0-9-]*\.myshopify\.com$'),
  constraint shopify_stores_name_not_blank check (char_length(btrim(name)) > 0),
  constraint shopify_stores_currency_format check (currency is null or currency ~ '^[A-Z]{3}$'),
  constraint shopify_stores_connected_when_connected check (status <> 'connected' or connected_at is not null)
);
create index shopify_stores_credential_idx on integrations.shopify_stores (tenant_id, credential_id);
alter table integrations.shopify_stores enable row level security;
alter table integrations.shopify_stores force row level security;
comment on table integrations.shopify_stores is 'A Shopify store connected to the tenant.';
comment on column integrations.shopify_stores.id is 'Unique identifier of the store.';
comment on column integrations.shopify_stores.tenant_id is 'The tenant the store is connected to.';
comment on column integrations.shopify_stores.shop_domain is 'The store''s myshopify.com domain, unique within the tenant.';
comment on column integrations.shopify_stores.name is 'The store''s name.';
comment on column integrations.shopify_stores.currency is 'The store''s currency (ISO 4217).';
comment on column integrations.shopify_stores.status is 'Where the connection stands.';
comment on column integrations.shopify_stores.credential_id is 'The credential the store is reached with.';
comment on column integrations.shopify_stores.connected_at is 'When the store was connected; required once connected.';
comment on constraint shopify_stores_shop_domain_format on integrations.shopify_stores is 'Shop domain must be a lowercase name ending in .myshopify.com.';
comment on constraint shopify_stores_name_not_blank on integrations.shopify_stores is 'Name cannot be blank.';
comment on constraint shopify_stores_currency_format on integrations.shopify_stores is 'Currency must be a three-letter ISO 4217 code.';
comment on constraint shopify_stores_connected_when_connected on integrations.shopify_stores is 'A connected store needs the time it was connected.';
comment on constraint shopify_stores_credential_fkey on integrations.shopify_stores is E'@fieldName credential\n@foreignFieldName shopifyStores\nThe credential the store is reached with.';

create table integrations.shopify_sync_cursors (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  store_id uuid not null,
  resource integrations.shopify_resource not null,
  cursor text,
  last_synced_at timestamptz,
  last_error text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint shopify_sync_cursors_tenant_id_id_key unique (tenant_id, id),
  constraint shopify_sync_cursors_tenant_id_store_id_resource_key unique (tenant_id, store_id, resource),
  constraint shopify_sync_cursors_store_fkey foreign key (tenant_id, store_id)
    references integrations.shopify_stores (tenant_id, id) on delete cascade
);
alter table integrations.shopify_sync_cursors enable row level security;
alter table integrations.shopify_sync_cursors force row level security;
comment on table integrations.shopify_sync_cursors is 'How far the sync of one resource of a store has come: the next sync resumes from its cursor.';
comment on column integrations.shopify_sync_cursors.id is 'Unique identifier of the cursor.';
comment on column integrations.shopify_sync_cursors.tenant_id is 'The tenant of the store.';
comment on column integrations.shopify_sync_cursors.store_id is 'The store synced.';
comment on column integrations.shopify_sync_cursors.resource is 'The resource synced; one cursor per store and resource.';
comment on column integrations.shopify_sync_cursors.cursor is 'Shopify''s page cursor (or updated_at watermark) to resume from; null before the first sync.';
comment on column integrations.shopify_sync_cursors.last_synced_at is 'When the last sync of the resource finished.';
comment on column integrations.shopify_sync_cursors.last_error is 'Why the last sync failed, if it did.';
comment on constraint shopify_sync_cursors_store_fkey on integrations.shopify_sync_cursors is E'@fieldName store\n@foreignFieldName syncCursors\nThe store synced.';

create table integrations.shopify_object_mappings (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  store_id uuid not null,
  resource integrations.shopify_resource not null,
  external_id text not null,
  local_type integrations.local_object_type not null,
  local_id uuid not null,
  external_updated_at timestamptz,
  synced_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint shopify_object_mappings_tenant_id_id_key unique (tenant_id, id),
  constraint shopify_object_mappings_external_key unique (tenant_id, store_id, resource, external_id),
  constraint shopify_object_mappings_store_fkey foreign key (tenant_id, store_id)
    references integrations.shopify_stores (tenant_id, id) on delete cascade,
  constraint shopify_object_mappings_external_id_format check (external_id ~ '^(gid://shopify/[A-Za-z]+/)?[0-9]+$')
);
create index shopify_object_mappings_local_idx on integrations.shopify_object_mappings (tenant_id, local_type, local_id);
alter table integrations.shopify_object_mappings enable row level security;
alter table integrations.shopify_object_mappings force row level security;
comment on table integrations.shopify_object_mappings is 'Which local record an imported Shopify object became, so a re-import updates it instead of adding a copy.';
comment on column integrations.shopify_object_mappings.id is 'Unique identifier of the mapping.';
comment on column integrations.shopify_object_mappings.tenant_id is 'The tenant of the store.';
comment on column integrations.shopify_object_mappings.store_id is 'The store the object came from.';
comment on column integrations.shopify_object_mappings.resource is 'The Shopify resource of the object.';
comment on column integrations.shopify_object_mappings.external_id is 'Shopify''s id of the object (numeric, or its gid://shopify/… form); unique per store and resource.';
comment on column integrations.shopify_object_mappings.local_type is 'What kind of local record it became.';
comment on column integrations.shopify_object_mappings.local_id is 'The id of that local record (in its module).';
comment on column integrations.shopify_object_mappings.external_updated_at is 'Shopify''s updated_at of the object when it was last imported.';
comment on column integrations.shopify_object_mappings.synced_at is 'When the object was last imported.';
comment on constraint shopify_object_mappings_external_id_format on integrations.shopify_object_mappings is 'External id must be a Shopify id: digits, or gid://shopify/<Type>/<digits>.';
comment on constraint shopify_object_mappings_store_fkey on integrations.shopify_object_mappings is E'@fieldName store\n@foreignFieldName objectMappings\nThe store the object came from.';

create table integrations.facebook_pages (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  page_id text not null,
  name text not null,
  status integrations.connection_status not null default 'pending',
  credential_id uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint facebook_pages_tenant_id_id_key unique (tenant_id, id),
  constraint facebook_pages_tenant_id_page_id_key unique (tenant_id, page_id),
  constraint facebook_pages_credential_fkey foreign key (tenant_id, credential_id)
    references integrations.integration_credentials (tenant_id, id) on delete set null (credential_id),
  constraint facebook_pages_page_id_format check (page_id ~ '^[0-9]{5,32}$'),
  constraint facebook_pages_name_not_blank check (char_length(btrim(name)) > 0)
);
create index facebook_pages_credential_idx on integrations.facebook_pages (tenant_id, credential_id);
alter table integrations.facebook_pages enable row level security;
alter table integrations.facebook_pages force row level security;
comment on table integrations.facebook_pages is 'A Facebook page connected to the tenant (messages and leads come from it).';
comment on column integrations.facebook_pages.id is 'Unique identifier of the page.';
comment on column integrations.facebook_pages.tenant_id is 'The tenant the page is connected to.';
comment on column integrations.facebook_pages.page_id is 'Facebook''s numeric id of the page, unique within the tenant.';
comment on column integrations.facebook_pages.name is 'Name of the page.';
comment on column integrations.facebook_pages.status is 'Where the connection stands.';
comment on column integrations.facebook_pages.credential_id is 'The page access token''s credential.';
comment on constraint facebook_pages_page_id_format on integrations.facebook_pages is 'Page id must be Facebook''s numeric id (5 to 32 digits).';
comment on constraint facebook_pages_name_not_blank on integrations.facebook_pages is 'Name cannot be blank.';
comment on constraint facebook_pages_credential_fkey on integrations.facebook_pages is E'@fieldName credential\n@foreignFieldName facebookPages\nThe page access token''s credential.';

create table integrations.social_accounts (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  network integrations.social_network not null,
  external_id text not null,
  handle text not null,
  status integrations.connection_status not null default 'pending',
  credential_id uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint social_accounts_tenant_id_id_key unique (tenant_id, id),
  constraint social_accounts_tenant_id_network_external_id_key unique (tenant_id, network, external_id),
  constraint social_accounts_credential_fkey foreign key (tenant_id, credential_id)
    references integrations.integration_credentials (tenant_id, id) on delete set null (credential_id),
  constraint social_accounts_external_id_not_blank check (char_length(btrim(external_id)) > 0),
  constraint social_accounts_handle_format check (handle ~ '^@?[A-Za-z0-9._]{1,100}$')
);
create index social_accounts_credential_idx on integrations.social_accounts (tenant_id, credential_id);
alter table integrations.social_accounts enable row level security;
alter table integrations.social_accounts force row level security;
comment on table integrations.social_accounts is 'A social media account of the tenant (Instagram, TikTok, …) connected for messages and posts.';
comment on column integrations.social_accounts.id is 'Unique identifier of the account.';
comment on column integrations.social_accounts.tenant_id is 'The tenant the account is connected to.';
comment on column integrations.social_accounts.network is 'The network the account is on.';
comment on column integrations.social_accounts.external_id is 'The network''s id of the account; unique per network within the tenant.';
comment on column integrations.social_accounts.handle is 'The account''s handle (letters, digits, dots, underscores).';
comment on column integrations.social_accounts.status is 'Where the connection stands.';
comment on column integrations.social_accounts.credential_id is 'The credential the account is reached with.';
comment on constraint social_accounts_external_id_not_blank on integrations.social_accounts is 'External id cannot be blank.';
comment on constraint social_accounts_handle_format on integrations.social_accounts is 'Handle may hold only letters, digits, dots and underscores (at most 100), with an optional leading @.';
comment on constraint social_accounts_credential_fkey on integrations.social_accounts is E'@fieldName credential\n@foreignFieldName socialAccounts\nThe credential the account is reached with.';
