--! Previous: sha1:aca360aeaaf8e3fce777f34386dab8b6eeeb2831
--! Hash: sha1:d3cf3ff27d8456505e14c17ac7bb468a59a142b9
--! Message: platform: import hash, authorship and archiving of tenants, users, roles and permissions

/*
 * platform: import identity, authorship and archiving for tenants, users,
 * roles and permissions, as every imported and authored record has them.
 *   - import_hash: the identity of a row in imports (unique within the
 *     tenant for users, globally for the tenant root and the catalogs).
 *   - created_by, updated_by: authorship from the JWT's user
 *     (_200_set_authorship of policies/92_row_conventions.sql). A tenant
 *     or user made by the host (CLI, sign-up, invitation) has no signed-in
 *     author: null.
 *   - deleted_at on tenants and users: both must stay referable (every
 *     row's tenant_id, authorship and the audit log point at them), so a
 *     delete archives (_500_soft_delete). An archived account or tenant is
 *     also made inactive, so nobody signs into it any more, and an
 *     archived user's sessions end at once.
 * roles and permissions get no deleted_at, deliberately: they are global
 * catalogs that the permission checks and the code refer to by name; an
 * archived role would have to be ignored by every check, and the operator
 * who wants one gone deletes it (its grants go with it).
 */
alter table platform.tenants
  add column import_hash text,
  add column created_by uuid,
  add column updated_by uuid,
  add column deleted_at timestamptz,
  add constraint tenants_import_hash_key unique (import_hash),
  add constraint tenants_import_hash_not_blank check (char_length(btrim(import_hash)) > 0),
  add constraint tenants_created_by_fkey foreign key (created_by) references platform.users (id) on delete set null,
  add constraint tenants_updated_by_fkey foreign key (updated_by) references platform.users (id) on delete set null;
create index tenants_created_by_idx on platform.tenants (created_by);
create index tenants_updated_by_idx on platform.tenants (updated_by);
comment on constraint tenants_import_hash_not_blank on platform.tenants is 'Import hash cannot be blank.';
comment on column platform.tenants.import_hash is 'Identity of the tenant in imports: importing it again updates it instead of adding a copy. Unique.';
comment on column platform.tenants.created_by is 'The operator who created the tenant; null when the host created it (CLI, sign-up).';
comment on column platform.tenants.updated_by is 'Who last changed the tenant (from the signed-in user, never from input).';
comment on column platform.tenants.deleted_at is 'When the tenant was archived; an archived tenant is inactive (nobody signs in) and keeps its rows.';

alter table platform.users
  add column import_hash text,
  add column created_by uuid,
  add column updated_by uuid,
  add column deleted_at timestamptz,
  add constraint users_tenant_id_import_hash_key unique (tenant_id, import_hash),
  add constraint users_import_hash_not_blank check (char_length(btrim(import_hash)) > 0),
  add constraint users_created_by_fkey foreign key (tenant_id, created_by)
    references platform.users (tenant_id, id) on delete set null (created_by),
  add constraint users_updated_by_fkey foreign key (tenant_id, updated_by)
    references platform.users (tenant_id, id) on delete set null (updated_by);
create index users_created_by_idx on platform.users (tenant_id, created_by);
create index users_updated_by_idx on platform.users (tenant_id, updated_by);
comment on constraint users_import_hash_not_blank on platform.users is 'Import hash cannot be blank.';
comment on column platform.users.created_by is 'Who created the account; null when the host did (CLI, sign-up, an accepted invitation).';
comment on column platform.users.deleted_at is 'When the account was archived (deleted): it is inactive, its sessions ended, and it is hidden. Set it back to null to restore (needs RESTORE_USERS).';
comment on constraint users_created_by_fkey on platform.users is E'@fieldName creator\n@foreignFieldName usersCreated\nThe user who created the account.';
comment on constraint users_updated_by_fkey on platform.users is E'@fieldName lastEditor\n@foreignFieldName usersLastEdited\nThe user who last changed the account.';

alter table platform.roles
  add column import_hash text,
  add column created_by uuid,
  add column updated_by uuid,
  add constraint roles_import_hash_key unique (import_hash),
  add constraint roles_import_hash_not_blank check (char_length(btrim(import_hash)) > 0),
  add constraint roles_created_by_fkey foreign key (created_by) references platform.users (id) on delete set null,
  add constraint roles_updated_by_fkey foreign key (updated_by) references platform.users (id) on delete set null;
create index roles_created_by_idx on platform.roles (created_by);
create index roles_updated_by_idx on platform.roles (updated_by);
comment on constraint roles_import_hash_not_blank on platform.roles is 'Import hash cannot be blank.';
comment on column platform.roles.import_hash is 'Identity of the role in imports. Unique.';

alter table platform.permissions
  add column import_hash text,
  add column created_by uuid,
  add column updated_by uuid,
  add constraint permissions_import_hash_key unique (import_hash),
  add constraint permissions_import_hash_not_blank check (char_length(btrim(import_hash)) > 0),
  add constraint permissions_created_by_fkey foreign key (created_by) references platform.users (id) on delete set null,
  add constraint permissions_updated_by_fkey foreign key (updated_by) references platform.users (id) on delete set null;
create index permissions_created_by_idx on platform.permissions (created_by);
create index permissions_updated_by_idx on platform.permissions (updated_by);
comment on constraint permissions_import_hash_not_blank on platform.permissions is 'Import hash cannot be blank.';
comment on column platform.permissions.import_hash is 'Identity of the permission in imports. Unique.';

/* Archiving deactivates: the login checks read is_active, and an archived user's sessions end now. */
set local role nexus_auth;
create function nexus_auth.tg__archive_deactivates() returns trigger
  language plpgsql volatile security definer
  set search_path = pg_catalog
as $$
begin
  if new.deleted_at is not null and old.deleted_at is null then
    new.is_active := false;
    if tg_table_name = 'users' then
      perform nexus_auth.revoke_user_sessions(new.id, null, 'user_disabled');
    end if;
  end if;
  return new;
end;
$$;
revoke all on function nexus_auth.tg__archive_deactivates() from public;
grant execute on function nexus_auth.tg__archive_deactivates() to nexus_owner;
comment on function nexus_auth.tg__archive_deactivates() is 'Trigger: an archived tenant or user becomes inactive; an archived user''s sessions end.';
set local role nexus_owner;
create trigger _200_archive_deactivates before update of deleted_at on platform.tenants
  for each row execute function nexus_auth.tg__archive_deactivates();
create trigger _200_archive_deactivates before update of deleted_at on platform.users
  for each row execute function nexus_auth.tg__archive_deactivates();

/*
 * The documented index names. Migration 000006 created idx_api_endpoints_name and
 * idx_api_aliases_context, then made each the index of a unique constraint,
 * which renames the index to the constraint's name: the catalog held
 * neither name, although that migration's comment says so. Renaming the
 * index renames its constraint too, so the documented name is now both.
 */
alter index ops.api_endpoints_tenant_id_name_key rename to idx_api_endpoints_name;
alter index ops.api_aliases_context_alias_name_key rename to idx_api_aliases_context;
