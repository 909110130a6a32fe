/*
 * ITSM (schema public): projects, issues, configuration items and their
 * relationships. Every table keeps the tenant defaults of
 * 90_tenant_defaults.sql. An issue's reporter defaults to the signed-in
 * user but may be given (filing on someone's behalf). Grants are declared
 * from scratch on every run; public holds only this module's tables.
 */
revoke all on all tables in schema public from nexus_user, nexus_anonymous;
grant usage on schema public to nexus_user;

grant select, insert (key, name, description), update (key, name, description), delete on public.projects to nexus_user;
grant select, insert (project_id, title, description, status, priority, assignee_id, reporter_id, due_date),
  update (project_id, title, description, status, priority, assignee_id, reporter_id, due_date), delete
  on public.issues to nexus_user;
grant select, insert (name, item_type, status, description, asset_id, location_id),
  update (name, item_type, status, description, asset_id, location_id), delete
  on public.configuration_items to nexus_user;
grant select, insert (source_id, target_id, relationship_type, description),
  update (relationship_type, description), delete
  on public.configuration_item_relationships to nexus_user;
