--! Previous: sha1:f23045936bb28ddb26ff7a22f451555800c23240
--! Hash: sha1:d21315f591d652ed97e4c27685d5c50c08a5c75e
--! Message: assets: index on name for lists ordered by name

/*
 * Assets are listed by name: the first page of a tenant's assets ordered by
 * name reads this index instead of sorting every asset of the tenant. It
 * also exposes NAME_ASC/NAME_DESC and the name filter in GraphQL (only
 * indexed columns are orderable).
 */
create index assets_name_idx on assets.assets (tenant_id, name);
