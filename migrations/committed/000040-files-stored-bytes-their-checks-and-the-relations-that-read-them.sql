--! Previous: sha1:73617bb5156008c525aac8447771b7ec4fbb3b6f
--! Hash: sha1:ae49a87a1b06637fbf1f819ce6cdbe3caa468f4f
--! Message: files: stored bytes, their checks and the relations that read them

/*
 * content.files gains the facts of the bytes it stands for. The upload
 * route (src/http/file-routes.ts) writes them as the caller, in the
 * transaction that makes the bytes final; GraphQL reads them but can never
 * write them (smart tags below), so no client can point a row at other
 * bytes or claim another type or digest. The storage key is a function of
 * the row (tenant/id, checked), so even a write that bypassed GraphQL could
 * not name another tenant's object.
 *
 * state: 'stored' while the bytes exist; 'purged' once a retention job has
 * removed the bytes of an archived row (the row stays, as the record that
 * the file existed).
 */
create type content.file_state as enum ('stored', 'purged');
comment on type content.file_state is 'Whether the bytes of a file are kept (stored) or were removed after the file was archived (purged).';

alter table content.files
  add column content_type text,
  add column sha256 text,
  add column storage_key text,
  add column state content.file_state not null default 'stored',
  add constraint files_sha256_hex check (sha256 is null or sha256 ~ '^[0-9a-f]{64}$'),
  add constraint files_content_type_form check (content_type is null or content_type ~ '^[a-z0-9.+-]+/[a-z0-9.+-]+$'),
  add constraint files_storage_key_of_row check (storage_key is null or storage_key = tenant_id::text || '/' || id::text);

comment on column content.files.content_type is E'@behavior -insert -update\nMedia type of the bytes, as their signature showed on upload (image/png, application/pdf).';
comment on column content.files.sha256 is E'@behavior -insert -update\nSHA-256 of the bytes, hex.';
comment on column content.files.storage_key is E'@behavior -*\nWhere the bytes are kept in the storage backend (tenant id/file id); for the server only.';
comment on column content.files.state is E'@behavior -insert -update\nWhether the bytes are kept (stored) or were removed after the file was archived (purged).';
comment on constraint files_sha256_hex on content.files is 'SHA-256 must be 64 lowercase hex digits.';
comment on constraint files_content_type_form on content.files is 'Content type must be a media type like image/png.';
comment on constraint files_storage_key_of_row on content.files is 'The storage key is the tenant id and the file id.';

/* Files are created by uploading their bytes (POST /files): a row made through GraphQL would have none. */
comment on table content.files is E'@behavior -insert\nA stored file (avatar, photo, attachment, proof of payment), attached to any record by table, column and id. Created by uploading it (POST /files).';

/* The relations read the files of one record, newest first: one index answers them all. */
create index files_attached_idx on content.files (tenant_id, belongs_to, belongs_to_id, belongs_to_column, created_at desc);

/*
 * belongs_to / belongs_to_id point at any table, so no foreign key can
 * keep them inside the tenant. This trigger does what one would: the
 * record must exist and be visible to the caller. It runs as the caller
 * (security invoker), so RLS decides, and another tenant's record fails
 * exactly like a missing one: the same error, code 23503, for both.
 */
create function content.tg_files__check_attached_record() returns trigger
language plpgsql volatile
set search_path = pg_catalog
as $$
declare
  target regclass;
  found boolean := false;
begin
  if new.belongs_to_id is null then
    return new;
  end if;
  if tg_op = 'UPDATE' and new.belongs_to is not distinct from old.belongs_to and new.belongs_to_id is not distinct from old.belongs_to_id then
    return new;
  end if;
  target := pg_catalog.to_regclass(new.belongs_to);
  if target is not null and exists (
    select 1 from pg_catalog.pg_attribute a
    where a.attrelid = target and a.attname = 'tenant_id' and not a.attisdropped
  ) then
    begin
      execute pg_catalog.format('select exists (select 1 from %s where id = $1)', target) into found using new.belongs_to_id;
    exception when insufficient_privilege then
      found := false;
    end;
  end if;
  if not found then
    raise exception 'The record the file is attached to does not exist.'
      using errcode = 'foreign_key_violation', constraint = 'files_belongs_to_id_fkey', column = 'belongs_to_id';
  end if;
  return new;
end;
$$;
comment on function content.tg_files__check_attached_record() is 'The record a file is attached to exists and is visible to the caller (RLS), like a foreign key within the tenant.';
create trigger _200_check_attached_record before insert or update of belongs_to, belongs_to_id on content.files
  for each row execute function content.tg_files__check_attached_record();

/*
 * Photos and attachments, read from the record: computed columns over
 * content.files (RLS applies, archived files are hidden by it), the newest
 * file of the field for a single one. A user's avatar has none: a computed
 * column takes the whole row, and platform.users is readable only by
 * column (its secrets are not); it is read as
 * files(condition: { belongsTo: "platform.users", belongsToId: … }).
 */
create function campus.students_photo(student campus.students) returns content.files
language sql stable
as $$
  select f.* from content.files f
  where f.tenant_id = student.tenant_id and f.belongs_to = 'campus.students' and f.belongs_to_id = student.id
    and f.belongs_to_column = 'photo' and f.state = 'stored'
  order by f.created_at desc
  limit 1
$$;
comment on function campus.students_photo(campus.students) is 'The student''s photo (the newest file attached as photo).';

create function campus.staff_photo(member campus.staff) returns content.files
language sql stable
as $$
  select f.* from content.files f
  where f.tenant_id = member.tenant_id and f.belongs_to = 'campus.staff' and f.belongs_to_id = member.id
    and f.belongs_to_column = 'photo' and f.state = 'stored'
  order by f.created_at desc
  limit 1
$$;
comment on function campus.staff_photo(campus.staff) is 'The staff member''s photo (the newest file attached as photo).';

create function assets.asset_repairs_attachments(repair assets.asset_repairs) returns setof content.files
language sql stable
as $$
  select f.* from content.files f
  where f.tenant_id = repair.tenant_id and f.belongs_to = 'assets.asset_repairs' and f.belongs_to_id = repair.id
    and f.belongs_to_column = 'attachments' and f.state = 'stored'
  order by f.created_at desc
$$;
comment on function assets.asset_repairs_attachments(assets.asset_repairs) is E'@behavior -connection +list\nFiles attached to the repair (photos, scans), newest first.';

create function content.documents_attachments(document content.documents) returns setof content.files
language sql stable
as $$
  select f.* from content.files f
  where f.tenant_id = document.tenant_id and f.belongs_to = 'content.documents' and f.belongs_to_id = document.id
    and f.belongs_to_column = 'attachments' and f.state = 'stored'
  order by f.created_at desc
$$;
comment on function content.documents_attachments(content.documents) is E'@behavior -connection +list\nFiles attached to the document, newest first.';

revoke all on function campus.students_photo(campus.students), campus.staff_photo(campus.staff),
  assets.asset_repairs_attachments(assets.asset_repairs),
  content.documents_attachments(content.documents) from public;
grant execute on function campus.students_photo(campus.students), campus.staff_photo(campus.staff),
  assets.asset_repairs_attachments(assets.asset_repairs),
  content.documents_attachments(content.documents) to nexus_user;
