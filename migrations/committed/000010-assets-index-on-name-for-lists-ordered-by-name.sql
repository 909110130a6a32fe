--! Previous: sha1:1e44a31646e4fc66315205f9a6f4b3ed8ffe7cd8
--! Hash: sha1:83ad76e21cc8553d0ef780fd40e2c6f3dfa4af51
--! Message: assets: index on name for lists ordered by name

/*
 * Assets are listed by name: the first page of a tenant's assets ordered by
 * name reads this index instead of sorting every asset of the tenant. It
 * also exposes NAME_ASC/NAME_DESC and the name filter in GraphQL (only
 * indexed columns are orderable).
 */
create index assets_name_idx on assets.assets (tenant_id, name);
