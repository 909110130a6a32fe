/*
 * School operations: campus, academics, attendance, billing,
 * messaging, content, the schemas listed once by nexus.school_schemas()
 * (functions/nexus.sql). Every tenant table of these schemas is handled by
 * the loops below, so a table added later gets the same contract, and a
 * schema added to that list does too.
 *
 * Grants. Request roles read every column and write the domain columns;
 * id, tenant_id (from the JWT), created_at/updated_at and
 * created_by/updated_by (from the JWT, trigger _200_set_authorship) are
 * never writable, so they are not in the GraphQL input types. deleted_at is
 * updatable only to restore a row (see below).
 *
 * Soft delete. A delete sets deleted_at instead (trigger _500_soft_delete),
 * and these policies, which replace the tenant defaults of
 * 90_tenant_defaults.sql for every table with deleted_at, hide archived rows
 * from every list, lookup, relation and count. Archived rows are visible
 * only when both hold:
 *   - the request asks for them: header X-Nexus-Include-Archived: 1, which
 *     the host turns into the setting nexus.include_archived = 'on'
 *     (src/graphql/preset.ts), and
 *   - the user holds RESTORE_<TABLE> (tenant admins do, see below).
 * Restoring is an ordinary update that sets deleted_at back to null, sent
 * with that header (so the row is visible); trigger _300_guard_archive
 * lets only holders of RESTORE_<TABLE> do it. Inserting, updating and
 * deleting need CREATE_/UPDATE_/DELETE_<TABLE> as everywhere else.
 *
 * content.content_catalog is global: every signed-in user reads it, only
 * the platform operator writes, archives, sees archived entries (with the
 * header) and restores them.
 */
do $$
declare
  schemas text := (select string_agg(quote_ident(s), ', ') from unnest(nexus.school_schemas()) s);
begin
  execute format('revoke all on all tables in schema %s from nexus_user, nexus_anonymous', schemas);
  execute format('grant usage on schema %s to nexus_user', schemas);
  /* The soft-delete trigger updates deleted_at as nexus_auth (BYPASSRLS), after the delete policy admitted the row. */
  execute format('grant usage on schema %s to nexus_auth', schemas);
  execute format('grant select, update on all tables in schema %s to nexus_auth', schemas);
end;
$$;

do $$
declare
  tbl record;
  writable text;
  archived_visible text;
begin
  for tbl in
    select t.name, t.oid, t.entity, t.tenant_owned, t.soft_deletable as soft_delete
    from nexus.owner_tables t
    where t.schema_name = any (nexus.school_schemas())
  loop
    select string_agg(quote_ident(a.attname), ', ' order by a.attnum) into writable
    from pg_attribute a
    where a.attrelid = tbl.oid and a.attnum > 0 and not a.attisdropped
      and a.attname not in ('id', 'tenant_id', 'created_at', 'updated_at', 'created_by', 'updated_by', 'deleted_at');
    execute format('grant select, delete, insert (%s) on %s to nexus_user', writable, tbl.name);
    execute format('grant update (%s) on %s to nexus_user', writable || case when tbl.soft_delete then ', deleted_at' else '' end, tbl.name);

    continue when not (tbl.tenant_owned and tbl.soft_delete);
    archived_visible := format(
      '((select pg_catalog.current_setting(''nexus.include_archived'', true)) = ''on'' and (select nexus_auth.has_permission(%L)))',
      'RESTORE_' || tbl.entity);
    perform nexus.declare_tenant_policies(tbl.name, tbl.entity, 'school', archived_visible);
  end loop;
end;
$$;

/* The global content catalog: like platform's catalogs, plus archived entries for the operator who asks. */
create policy catalog_select on content.content_catalog for select to nexus_user
  using (
    deleted_at is null
    or ((select pg_catalog.current_setting('nexus.include_archived', true)) = 'on' and (select nexus_auth.is_platform_operator()))
  );
create policy catalog_insert on content.content_catalog for insert to nexus_user
  with check ((select nexus_auth.is_platform_operator()));
create policy catalog_update on content.content_catalog for update to nexus_user
  using ((select nexus_auth.is_platform_operator())) with check ((select nexus_auth.is_platform_operator()));
create policy catalog_delete on content.content_catalog for delete to nexus_user
  using ((select nexus_auth.is_platform_operator()));

/*
 * RESTORE_<TABLE> for every soft-delete tenant table, given to the admin
 * role when first created (later changes by an operator are kept), the way
 * sync_permission_catalog gives CREATE_/UPDATE_/DELETE_.
 */
set local role nexus_auth;
do $$
declare
  tbl record;
  v_permission_id uuid;
begin
  -- the default roles exist before the first RESTORE_ permission is handed out
  perform nexus_auth.sync_permission_catalog();
  for tbl in
    select t.schema_name, t.table_name
    from nexus.owner_tables t
    where t.schema_name = any (nexus.school_schemas())
      and t.tenant_owned and t.soft_deletable
    order by 1, 2
  loop
    insert into platform.permissions (name, description)
    values ('RESTORE_' || upper(tbl.table_name), 'Restore archived rows of ' || tbl.schema_name || '.' || tbl.table_name || ', and see them on request.')
    on conflict (name) do nothing
    returning id into v_permission_id;
    if v_permission_id is not null then
      insert into platform.role_permissions (role_id, permission_id)
      select r.id, v_permission_id from platform.roles r where r.name = 'admin'
      on conflict do nothing;
    end if;
  end loop;
end;
$$;
set local role nexus_owner;
