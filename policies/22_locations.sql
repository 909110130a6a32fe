/*
 * locations: place types and the place hierarchy. Both keep the tenant
 * defaults of 90_tenant_defaults.sql; the no-cycle rule is a trigger of the
 * migration, so it holds for every writer. Grants are declared from
 * scratch on every run.
 */
revoke all on all tables in schema locations from nexus_user, nexus_anonymous;
grant usage on schema locations to nexus_user;

grant select, insert (name), update (name), delete on locations.location_types to nexus_user;
grant select, insert (parent_id, name, type_id), update (parent_id, name, type_id), delete on locations.locations to nexus_user;
