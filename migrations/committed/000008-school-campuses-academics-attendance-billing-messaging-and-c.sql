--! Previous: sha1:6c4c8ec58842f1e8e27f40db4e621ee4136f574e
--! Hash: sha1:9d7d42d842de9a2581ea72b5a5e0ce1b0993eb56
--! Message: school: campuses, academics, attendance, billing, messaging and content, with soft delete, authorship and import hashes

/*
 * The school-operations product of seed 001, as six schemas. Every table of
 * them follows the same conventions, kept by shared functions instead of
 * per-table code:
 *   - soft delete: deleting a row sets deleted_at instead (trigger
 *     _500_soft_delete); row level security hides archived rows (policies/
 *     20_school.sql); a tenant admin can list and restore them;
 *   - authorship: created_by / updated_by come from the JWT's user (trigger
 *     _200_set_authorship), never from client input;
 *   - import idempotency: import_hash is unique within the tenant, so the
 *     importer (npm run nexus -- import) upserts by it.
 * Foreign keys keep seed 001's (Sequelize's) rule: on delete set null. The
 * bridges to census (students.person_id, staff.person_id,
 * campuses.school_id) close the migration.
 */

/* Authorship of every school row, from the verified JWT. An update leaves created_by alone: on delete set null of a user must still clear it. */
create function nexus.tg__set_authorship() returns trigger
  language plpgsql volatile
  set search_path = pg_catalog
as $$
begin
  if tg_op = 'INSERT' then
    new.created_by := nexus.current_user_id();
  end if;
  new.updated_by := nexus.current_user_id();
  return new;
end;
$$;
comment on function nexus.tg__set_authorship() is 'Trigger: records the signed-in user as creator (insert) and last editor (insert and update).';

/*
 * deleted_at changes only the intended way. Archiving goes through delete
 * (which needs DELETE_<TABLE>); a request that sets deleted_at through an
 * update needs that permission too, and restoring (setting it back to null)
 * needs RESTORE_<TABLE>. The archive time is always the server's.
 */
create function nexus.tg__guard_archive() returns trigger
  language plpgsql volatile
  set search_path = pg_catalog
as $$
declare
  v_permission text;
begin
  if new.deleted_at is not distinct from old.deleted_at or current_user <> 'nexus_user' then
    return new;
  end if;
  v_permission := case when new.deleted_at is null then 'RESTORE_' else 'DELETE_' end || upper(tg_table_name);
  if not nexus_auth.has_permission(v_permission) then
    raise exception 'archiving or restoring % needs the % permission', tg_table_name, v_permission using errcode = '42501';
  end if;
  if new.deleted_at is not null then
    new.deleted_at := now();
  end if;
  return new;
end;
$$;
comment on function nexus.tg__guard_archive() is 'Trigger: only holders of DELETE_<TABLE> archive and only holders of RESTORE_<TABLE> restore a row through an update.';

/*
 * Soft delete. A delete that row level security admitted (so the caller
 * holds DELETE_<TABLE> and the row is theirs) becomes an update of
 * deleted_at, and the delete itself is skipped. The update runs as
 * nexus_auth (BYPASSRLS): as the caller it would fail, because the select
 * policy hides the archived row it produces. It changes nothing but
 * deleted_at (and, by the update triggers, updated_at and updated_by).
 */
set local role nexus_auth;
create function nexus_auth.tg__soft_delete() returns trigger
  language plpgsql volatile security definer
  set search_path = pg_catalog
as $$
begin
  execute format('update %I.%I set deleted_at = now() where id = $1 and deleted_at is null', tg_table_schema, tg_table_name)
    using old.id;
  return null;
end;
$$;
comment on function nexus_auth.tg__soft_delete() is 'Trigger: archives the row (sets deleted_at) instead of deleting it.';
revoke all on function nexus_auth.tg__soft_delete() from public;
grant execute on function nexus_auth.tg__soft_delete() to nexus_owner;
set local role nexus_owner;

/* ========================================================================
 * campus: the physical or online sites of a school tenant and the people
 * attached to them. Every other school schema hangs off campuses, students
 * and staff.
 */
create schema campus;
comment on schema campus is 'School operations: campuses and the people of a campus (students, guardians, staff).';
grant usage on schema campus to nexus_auth;

create type campus.gender as enum ('female', 'male', 'non_binary', 'undisclosed');
comment on type campus.gender is 'Gender of a student, as recorded by the school.';
create type campus.student_status as enum ('applicant', 'enrolled', 'suspended', 'withdrawn', 'transferred', 'graduated');
comment on type campus.student_status is 'Where a student stands with the school.';
create type campus.guardian_relationship as enum ('mother', 'father', 'parent', 'grandparent', 'sibling', 'legal_guardian', 'other');
comment on type campus.guardian_relationship is 'How a guardian is related to the student.';
create type campus.staff_type as enum ('teacher', 'administrator', 'counselor', 'support', 'other');
comment on type campus.staff_type is 'What kind of work a staff member does.';
create type campus.staff_status as enum ('active', 'on_leave', 'inactive');
comment on type campus.staff_status is 'Whether a staff member is currently employed and working.';

create table campus.campuses (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  name text,
  code text,
  address text,
  phone text,
  email text,
  mascot text,
  color text,
  bg_gradient text,
  border_color text,
  text_color text,
  bg_light text,
  description text,
  is_online boolean not null default false,
  active boolean not null default false,
  import_hash text,
  created_by uuid,
  updated_by uuid,
  deleted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint campuses_tenant_id_id_key unique (tenant_id, id),
  constraint campuses_tenant_id_import_hash_key unique (tenant_id, import_hash),
  constraint campuses_import_hash_not_blank check (char_length(btrim(import_hash)) > 0),
  constraint campuses_created_by_fkey foreign key (tenant_id, created_by)
    references platform.users (tenant_id, id) on delete set null (created_by),
  constraint campuses_updated_by_fkey foreign key (tenant_id, updated_by)
    references platform.users (tenant_id, id) on delete set null (updated_by),
  constraint campuses_name_not_blank check (name is null or char_length(btrim(name)) > 0),
  constraint campuses_email_format check (email is null or email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$')
);
create index campuses_created_by_idx on campus.campuses (tenant_id, created_by);
create index campuses_updated_by_idx on campus.campuses (tenant_id, updated_by);
create unique index campuses_tenant_id_code_key on campus.campuses (tenant_id, code) where deleted_at is null;
alter table campus.campuses enable row level security;
alter table campus.campuses force row level security;
create trigger _100_set_updated_at before update on campus.campuses
  for each row execute function nexus.tg__set_updated_at();
create trigger _200_set_authorship before insert or update on campus.campuses
  for each row execute function nexus.tg__set_authorship();
create trigger _300_guard_archive before update of deleted_at on campus.campuses
  for each row execute function nexus.tg__guard_archive();
create trigger _500_soft_delete before delete on campus.campuses
  for each row execute function nexus_auth.tg__soft_delete();
comment on table campus.campuses is 'A physical or online campus of the tenant; parent of its students, staff, classes, timetables and more.';
comment on column campus.campuses.id is 'Unique identifier of the campus.';
comment on column campus.campuses.tenant_id is 'The tenant the row belongs to.';
comment on column campus.campuses.name is 'Display name of the campus.';
comment on column campus.campuses.code is 'Short code of the campus, unique among the tenant''s campuses that are not archived.';
comment on column campus.campuses.address is 'Postal address.';
comment on column campus.campuses.phone is 'Main phone number.';
comment on column campus.campuses.email is 'Main email address.';
comment on column campus.campuses.mascot is 'Mascot name, for branding.';
comment on column campus.campuses.color is 'Brand colour (CSS value).';
comment on column campus.campuses.bg_gradient is 'Background gradient for the campus theme (CSS value).';
comment on column campus.campuses.border_color is 'Border colour for the campus theme (CSS value).';
comment on column campus.campuses.text_color is 'Text colour for the campus theme (CSS value).';
comment on column campus.campuses.bg_light is 'Light background colour for the campus theme (CSS value).';
comment on column campus.campuses.description is 'Free description of the campus.';
comment on column campus.campuses.is_online is 'Whether the campus is online-only.';
comment on column campus.campuses.active is 'Whether the campus is in operation.';
comment on column campus.campuses.import_hash is 'Identity of the row in imports: importing a row with the same hash again updates it instead of adding a copy. Unique within the tenant.';
comment on column campus.campuses.created_by is 'Who created the row (from the signed-in user, never from input).';
comment on column campus.campuses.updated_by is 'Who last changed the row (from the signed-in user, never from input).';
comment on column campus.campuses.deleted_at is 'When the row was archived (deleted); archived rows are hidden. Set it back to null to restore (needs RESTORE_CAMPUSES).';
comment on column campus.campuses.created_at is 'When the row was created.';
comment on column campus.campuses.updated_at is 'When the row was last changed.';
comment on constraint campuses_created_by_fkey on campus.campuses is E'@fieldName creator\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint campuses_updated_by_fkey on campus.campuses is E'@fieldName updater\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint campuses_tenant_id_import_hash_key on campus.campuses is E'@behavior -single -update -delete';

create table campus.staff (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  employee_number text,
  job_title text,
  staff_type campus.staff_type,
  hire_date timestamptz,
  status campus.staff_status,
  campus_id uuid,
  user_id uuid,
  import_hash text,
  created_by uuid,
  updated_by uuid,
  deleted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint staff_tenant_id_id_key unique (tenant_id, id),
  constraint staff_tenant_id_import_hash_key unique (tenant_id, import_hash),
  constraint staff_import_hash_not_blank check (char_length(btrim(import_hash)) > 0),
  constraint staff_campus_fkey foreign key (tenant_id, campus_id)
    references campus.campuses (tenant_id, id) on delete set null (campus_id),
  constraint staff_user_fkey foreign key (tenant_id, user_id)
    references platform.users (tenant_id, id) on delete set null (user_id),
  constraint staff_created_by_fkey foreign key (tenant_id, created_by)
    references platform.users (tenant_id, id) on delete set null (created_by),
  constraint staff_updated_by_fkey foreign key (tenant_id, updated_by)
    references platform.users (tenant_id, id) on delete set null (updated_by)
);
create index staff_campus_idx on campus.staff (tenant_id, campus_id);
create index staff_user_idx on campus.staff (tenant_id, user_id);
create index staff_created_by_idx on campus.staff (tenant_id, created_by);
create index staff_updated_by_idx on campus.staff (tenant_id, updated_by);
create unique index staff_tenant_id_employee_number_key on campus.staff (tenant_id, employee_number) where deleted_at is null;
alter table campus.staff enable row level security;
alter table campus.staff force row level security;
create trigger _100_set_updated_at before update on campus.staff
  for each row execute function nexus.tg__set_updated_at();
create trigger _200_set_authorship before insert or update on campus.staff
  for each row execute function nexus.tg__set_authorship();
create trigger _300_guard_archive before update of deleted_at on campus.staff
  for each row execute function nexus.tg__guard_archive();
create trigger _500_soft_delete before delete on campus.staff
  for each row execute function nexus_auth.tg__soft_delete();
comment on table campus.staff is E'@name staff_member\nA staff member of a campus, optionally linked to a user account: homeroom or subject teacher, attendance taker, payment receiver.';
comment on column campus.staff.id is 'Unique identifier of the staff member.';
comment on column campus.staff.tenant_id is 'The tenant the row belongs to.';
comment on column campus.staff.employee_number is 'Employee number, unique among the tenant''s staff that are not archived.';
comment on column campus.staff.job_title is 'Job title.';
comment on column campus.staff.staff_type is 'What kind of work the staff member does.';
comment on column campus.staff.hire_date is 'When the staff member was hired.';
comment on column campus.staff.status is 'Whether the staff member is currently working.';
comment on column campus.staff.campus_id is 'The campus the staff member works at.';
comment on column campus.staff.user_id is 'The user account of the staff member, if they sign in.';
comment on column campus.staff.import_hash is 'Identity of the row in imports: importing a row with the same hash again updates it instead of adding a copy. Unique within the tenant.';
comment on column campus.staff.created_by is 'Who created the row (from the signed-in user, never from input).';
comment on column campus.staff.updated_by is 'Who last changed the row (from the signed-in user, never from input).';
comment on column campus.staff.deleted_at is 'When the row was archived (deleted); archived rows are hidden. Set it back to null to restore (needs RESTORE_STAFF).';
comment on column campus.staff.created_at is 'When the row was created.';
comment on column campus.staff.updated_at is 'When the row was last changed.';
comment on constraint staff_created_by_fkey on campus.staff is E'@fieldName creator\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint staff_updated_by_fkey on campus.staff is E'@fieldName updater\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint staff_tenant_id_import_hash_key on campus.staff is E'@behavior -single -update -delete';

create table campus.students (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  student_number text,
  first_name text,
  last_name text,
  gender campus.gender,
  date_of_birth timestamptz,
  enrollment_date timestamptz,
  status campus.student_status,
  email text,
  phone text,
  address text,
  campus_id uuid,
  import_hash text,
  created_by uuid,
  updated_by uuid,
  deleted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint students_tenant_id_id_key unique (tenant_id, id),
  constraint students_tenant_id_import_hash_key unique (tenant_id, import_hash),
  constraint students_import_hash_not_blank check (char_length(btrim(import_hash)) > 0),
  constraint students_campus_fkey foreign key (tenant_id, campus_id)
    references campus.campuses (tenant_id, id) on delete set null (campus_id),
  constraint students_created_by_fkey foreign key (tenant_id, created_by)
    references platform.users (tenant_id, id) on delete set null (created_by),
  constraint students_updated_by_fkey foreign key (tenant_id, updated_by)
    references platform.users (tenant_id, id) on delete set null (updated_by),
  constraint students_enrolled_after_birth check (enrollment_date is null or date_of_birth is null or enrollment_date >= date_of_birth),
  constraint students_email_format check (email is null or email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$')
);
create index students_campus_idx on campus.students (tenant_id, campus_id);
create index students_created_by_idx on campus.students (tenant_id, created_by);
create index students_updated_by_idx on campus.students (tenant_id, updated_by);
create unique index students_tenant_id_student_number_key on campus.students (tenant_id, student_number) where deleted_at is null;
alter table campus.students enable row level security;
alter table campus.students force row level security;
create trigger _100_set_updated_at before update on campus.students
  for each row execute function nexus.tg__set_updated_at();
create trigger _200_set_authorship before insert or update on campus.students
  for each row execute function nexus.tg__set_authorship();
create trigger _300_guard_archive before update of deleted_at on campus.students
  for each row execute function nexus.tg__guard_archive();
create trigger _500_soft_delete before delete on campus.students
  for each row execute function nexus_auth.tg__soft_delete();
comment on table campus.students is 'A student of a campus, with guardians, class enrollments, attendance, results and invoices.';
comment on column campus.students.id is 'Unique identifier of the student.';
comment on column campus.students.tenant_id is 'The tenant the row belongs to.';
comment on column campus.students.student_number is 'Student number, unique among the tenant''s students that are not archived.';
comment on column campus.students.first_name is 'Given name.';
comment on column campus.students.last_name is 'Family name.';
comment on column campus.students.gender is 'Gender, as recorded by the school.';
comment on column campus.students.date_of_birth is 'Date of birth.';
comment on column campus.students.enrollment_date is 'When the student enrolled with the school.';
comment on column campus.students.status is 'Where the student stands with the school.';
comment on column campus.students.email is 'Email address of the student.';
comment on column campus.students.phone is 'Phone number of the student.';
comment on column campus.students.address is 'Home address.';
comment on column campus.students.campus_id is 'The campus the student attends.';
comment on column campus.students.import_hash is 'Identity of the row in imports: importing a row with the same hash again updates it instead of adding a copy. Unique within the tenant.';
comment on column campus.students.created_by is 'Who created the row (from the signed-in user, never from input).';
comment on column campus.students.updated_by is 'Who last changed the row (from the signed-in user, never from input).';
comment on column campus.students.deleted_at is 'When the row was archived (deleted); archived rows are hidden. Set it back to null to restore (needs RESTORE_STUDENTS).';
comment on column campus.students.created_at is 'When the row was created.';
comment on column campus.students.updated_at is 'When the row was last changed.';
comment on constraint students_created_by_fkey on campus.students is E'@fieldName creator\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint students_updated_by_fkey on campus.students is E'@fieldName updater\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint students_tenant_id_import_hash_key on campus.students is E'@behavior -single -update -delete';

create table campus.guardians (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  full_name text,
  relationship campus.guardian_relationship,
  phone text,
  email text,
  address text,
  primary_contact boolean not null default false,
  student_id uuid,
  import_hash text,
  created_by uuid,
  updated_by uuid,
  deleted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint guardians_tenant_id_id_key unique (tenant_id, id),
  constraint guardians_tenant_id_import_hash_key unique (tenant_id, import_hash),
  constraint guardians_import_hash_not_blank check (char_length(btrim(import_hash)) > 0),
  constraint guardians_student_fkey foreign key (tenant_id, student_id)
    references campus.students (tenant_id, id) on delete set null (student_id),
  constraint guardians_created_by_fkey foreign key (tenant_id, created_by)
    references platform.users (tenant_id, id) on delete set null (created_by),
  constraint guardians_updated_by_fkey foreign key (tenant_id, updated_by)
    references platform.users (tenant_id, id) on delete set null (updated_by),
  constraint guardians_email_format check (email is null or email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$')
);
create index guardians_student_idx on campus.guardians (tenant_id, student_id);
create index guardians_created_by_idx on campus.guardians (tenant_id, created_by);
create index guardians_updated_by_idx on campus.guardians (tenant_id, updated_by);
alter table campus.guardians enable row level security;
alter table campus.guardians force row level security;
create trigger _100_set_updated_at before update on campus.guardians
  for each row execute function nexus.tg__set_updated_at();
create trigger _200_set_authorship before insert or update on campus.guardians
  for each row execute function nexus.tg__set_authorship();
create trigger _300_guard_archive before update of deleted_at on campus.guardians
  for each row execute function nexus.tg__guard_archive();
create trigger _500_soft_delete before delete on campus.guardians
  for each row execute function nexus_auth.tg__soft_delete();
comment on table campus.guardians is 'A guardian or contact person of a student.';
comment on column campus.guardians.id is 'Unique identifier of the guardian.';
comment on column campus.guardians.tenant_id is 'The tenant the row belongs to.';
comment on column campus.guardians.full_name is 'Full name of the guardian.';
comment on column campus.guardians.relationship is 'How the guardian is related to the student.';
comment on column campus.guardians.phone is 'Phone number.';
comment on column campus.guardians.email is 'Email address.';
comment on column campus.guardians.address is 'Postal address.';
comment on column campus.guardians.primary_contact is 'Whether this is the student''s first contact.';
comment on column campus.guardians.student_id is 'The student this guardian is a contact of.';
comment on column campus.guardians.import_hash is 'Identity of the row in imports: importing a row with the same hash again updates it instead of adding a copy. Unique within the tenant.';
comment on column campus.guardians.created_by is 'Who created the row (from the signed-in user, never from input).';
comment on column campus.guardians.updated_by is 'Who last changed the row (from the signed-in user, never from input).';
comment on column campus.guardians.deleted_at is 'When the row was archived (deleted); archived rows are hidden. Set it back to null to restore (needs RESTORE_GUARDIANS).';
comment on column campus.guardians.created_at is 'When the row was created.';
comment on column campus.guardians.updated_at is 'When the row was last changed.';
comment on constraint guardians_created_by_fkey on campus.guardians is E'@fieldName creator\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint guardians_updated_by_fkey on campus.guardians is E'@fieldName updater\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint guardians_tenant_id_import_hash_key on campus.guardians is E'@behavior -single -update -delete';

/* ========================================================================
 * academics: how teaching is organised. A class belongs to a campus, an
 * academic year and a grade; class_subjects (class + subject + teacher) are
 * the unit timetable periods, attendance sessions and assessments hang off.
 */
create schema academics;
comment on schema academics is 'School operations: academic years, grade levels, subjects, classes, timetables and assessments.';
grant usage on schema academics to nexus_auth;

create type academics.class_status as enum ('planned', 'active', 'closed');
comment on type academics.class_status is 'Lifecycle of a class.';
create type academics.enrollment_status as enum ('active', 'completed', 'withdrawn', 'transferred');
comment on type academics.enrollment_status is 'Lifecycle of a student''s enrollment in a class.';
create type academics.class_subject_status as enum ('active', 'inactive');
comment on type academics.class_subject_status is 'Whether a subject is currently taught in a class.';
create type academics.timetable_status as enum ('draft', 'published', 'retired');
comment on type academics.timetable_status is 'Lifecycle of a timetable.';
create type academics.day_of_week as enum ('monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday');
comment on type academics.day_of_week is 'A day of the week.';
create type academics.assessment_type as enum ('quiz', 'test', 'exam', 'assignment', 'project', 'homework', 'other');
comment on type academics.assessment_type is 'Kind of assessment.';
create type academics.assessment_status as enum ('draft', 'assigned', 'closed', 'graded');
comment on type academics.assessment_status is 'Lifecycle of an assessment.';
create type academics.grade_letter as enum ('a_plus', 'a', 'a_minus', 'b_plus', 'b', 'b_minus', 'c_plus', 'c', 'c_minus', 'd', 'f');
comment on type academics.grade_letter is 'Letter grade of a result (A+ is a_plus, A- is a_minus).';

create table academics.academic_years (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  name text,
  start_date timestamptz,
  end_date timestamptz,
  current boolean not null default false,
  import_hash text,
  created_by uuid,
  updated_by uuid,
  deleted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint academic_years_tenant_id_id_key unique (tenant_id, id),
  constraint academic_years_tenant_id_import_hash_key unique (tenant_id, import_hash),
  constraint academic_years_import_hash_not_blank check (char_length(btrim(import_hash)) > 0),
  constraint academic_years_created_by_fkey foreign key (tenant_id, created_by)
    references platform.users (tenant_id, id) on delete set null (created_by),
  constraint academic_years_updated_by_fkey foreign key (tenant_id, updated_by)
    references platform.users (tenant_id, id) on delete set null (updated_by),
  constraint academic_years_dates_ordered check (start_date is null or end_date is null or end_date > start_date)
);
create index academic_years_created_by_idx on academics.academic_years (tenant_id, created_by);
create index academic_years_updated_by_idx on academics.academic_years (tenant_id, updated_by);
alter table academics.academic_years enable row level security;
alter table academics.academic_years force row level security;
create trigger _100_set_updated_at before update on academics.academic_years
  for each row execute function nexus.tg__set_updated_at();
create trigger _200_set_authorship before insert or update on academics.academic_years
  for each row execute function nexus.tg__set_authorship();
create trigger _300_guard_archive before update of deleted_at on academics.academic_years
  for each row execute function nexus.tg__guard_archive();
create trigger _500_soft_delete before delete on academics.academic_years
  for each row execute function nexus_auth.tg__soft_delete();
comment on table academics.academic_years is 'A school year, with its dates and whether it is the current one; scopes classes, timetables and fee plans.';
comment on column academics.academic_years.id is 'Unique identifier of the academic year.';
comment on column academics.academic_years.tenant_id is 'The tenant the row belongs to.';
comment on column academics.academic_years.name is 'Name of the year, e.g. 2026/27.';
comment on column academics.academic_years.start_date is 'First day of the year.';
comment on column academics.academic_years.end_date is 'Last day of the year.';
comment on column academics.academic_years.current is 'Whether this is the current academic year.';
comment on column academics.academic_years.import_hash is 'Identity of the row in imports: importing a row with the same hash again updates it instead of adding a copy. Unique within the tenant.';
comment on column academics.academic_years.created_by is 'Who created the row (from the signed-in user, never from input).';
comment on column academics.academic_years.updated_by is 'Who last changed the row (from the signed-in user, never from input).';
comment on column academics.academic_years.deleted_at is 'When the row was archived (deleted); archived rows are hidden. Set it back to null to restore (needs RESTORE_ACADEMIC_YEARS).';
comment on column academics.academic_years.created_at is 'When the row was created.';
comment on column academics.academic_years.updated_at is 'When the row was last changed.';
comment on constraint academic_years_created_by_fkey on academics.academic_years is E'@fieldName creator\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint academic_years_updated_by_fkey on academics.academic_years is E'@fieldName updater\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint academic_years_tenant_id_import_hash_key on academics.academic_years is E'@behavior -single -update -delete';

create table academics.grades (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  name text,
  code text,
  sort_order integer,
  description text,
  import_hash text,
  created_by uuid,
  updated_by uuid,
  deleted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint grades_tenant_id_id_key unique (tenant_id, id),
  constraint grades_tenant_id_import_hash_key unique (tenant_id, import_hash),
  constraint grades_import_hash_not_blank check (char_length(btrim(import_hash)) > 0),
  constraint grades_created_by_fkey foreign key (tenant_id, created_by)
    references platform.users (tenant_id, id) on delete set null (created_by),
  constraint grades_updated_by_fkey foreign key (tenant_id, updated_by)
    references platform.users (tenant_id, id) on delete set null (updated_by),
  constraint grades_sort_order_nonnegative check (sort_order is null or sort_order >= 0)
);
create index grades_created_by_idx on academics.grades (tenant_id, created_by);
create index grades_updated_by_idx on academics.grades (tenant_id, updated_by);
alter table academics.grades enable row level security;
alter table academics.grades force row level security;
create trigger _100_set_updated_at before update on academics.grades
  for each row execute function nexus.tg__set_updated_at();
create trigger _200_set_authorship before insert or update on academics.grades
  for each row execute function nexus.tg__set_authorship();
create trigger _300_guard_archive before update of deleted_at on academics.grades
  for each row execute function nexus.tg__guard_archive();
create trigger _500_soft_delete before delete on academics.grades
  for each row execute function nexus_auth.tg__soft_delete();
comment on table academics.grades is 'A grade level (Grade 1, Year 7, …), ordered by sort_order.';
comment on column academics.grades.id is 'Unique identifier of the grade.';
comment on column academics.grades.tenant_id is 'The tenant the row belongs to.';
comment on column academics.grades.name is 'Name of the grade level.';
comment on column academics.grades.code is 'Short code of the grade level.';
comment on column academics.grades.sort_order is 'Position of the grade level in lists, lowest first.';
comment on column academics.grades.description is 'Free description.';
comment on column academics.grades.import_hash is 'Identity of the row in imports: importing a row with the same hash again updates it instead of adding a copy. Unique within the tenant.';
comment on column academics.grades.created_by is 'Who created the row (from the signed-in user, never from input).';
comment on column academics.grades.updated_by is 'Who last changed the row (from the signed-in user, never from input).';
comment on column academics.grades.deleted_at is 'When the row was archived (deleted); archived rows are hidden. Set it back to null to restore (needs RESTORE_GRADES).';
comment on column academics.grades.created_at is 'When the row was created.';
comment on column academics.grades.updated_at is 'When the row was last changed.';
comment on constraint grades_created_by_fkey on academics.grades is E'@fieldName creator\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint grades_updated_by_fkey on academics.grades is E'@fieldName updater\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint grades_tenant_id_import_hash_key on academics.grades is E'@behavior -single -update -delete';

create table academics.subjects (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  name text,
  code text,
  description text,
  import_hash text,
  created_by uuid,
  updated_by uuid,
  deleted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint subjects_tenant_id_id_key unique (tenant_id, id),
  constraint subjects_tenant_id_import_hash_key unique (tenant_id, import_hash),
  constraint subjects_import_hash_not_blank check (char_length(btrim(import_hash)) > 0),
  constraint subjects_created_by_fkey foreign key (tenant_id, created_by)
    references platform.users (tenant_id, id) on delete set null (created_by),
  constraint subjects_updated_by_fkey foreign key (tenant_id, updated_by)
    references platform.users (tenant_id, id) on delete set null (updated_by)
);
create index subjects_created_by_idx on academics.subjects (tenant_id, created_by);
create index subjects_updated_by_idx on academics.subjects (tenant_id, updated_by);
alter table academics.subjects enable row level security;
alter table academics.subjects force row level security;
create trigger _100_set_updated_at before update on academics.subjects
  for each row execute function nexus.tg__set_updated_at();
create trigger _200_set_authorship before insert or update on academics.subjects
  for each row execute function nexus.tg__set_authorship();
create trigger _300_guard_archive before update of deleted_at on academics.subjects
  for each row execute function nexus.tg__guard_archive();
create trigger _500_soft_delete before delete on academics.subjects
  for each row execute function nexus_auth.tg__soft_delete();
comment on table academics.subjects is 'An academic subject (Mathematics, English, …).';
comment on column academics.subjects.id is 'Unique identifier of the subject.';
comment on column academics.subjects.tenant_id is 'The tenant the row belongs to.';
comment on column academics.subjects.name is 'Name of the subject.';
comment on column academics.subjects.code is 'Short code of the subject.';
comment on column academics.subjects.description is 'Free description.';
comment on column academics.subjects.import_hash is 'Identity of the row in imports: importing a row with the same hash again updates it instead of adding a copy. Unique within the tenant.';
comment on column academics.subjects.created_by is 'Who created the row (from the signed-in user, never from input).';
comment on column academics.subjects.updated_by is 'Who last changed the row (from the signed-in user, never from input).';
comment on column academics.subjects.deleted_at is 'When the row was archived (deleted); archived rows are hidden. Set it back to null to restore (needs RESTORE_SUBJECTS).';
comment on column academics.subjects.created_at is 'When the row was created.';
comment on column academics.subjects.updated_at is 'When the row was last changed.';
comment on constraint subjects_created_by_fkey on academics.subjects is E'@fieldName creator\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint subjects_updated_by_fkey on academics.subjects is E'@fieldName updater\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint subjects_tenant_id_import_hash_key on academics.subjects is E'@behavior -single -update -delete';

create table academics.classes (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  name text,
  section text,
  capacity integer,
  status academics.class_status,
  academic_year_id uuid,
  campus_id uuid,
  grade_id uuid,
  homeroom_teacher_id uuid,
  import_hash text,
  created_by uuid,
  updated_by uuid,
  deleted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint classes_tenant_id_id_key unique (tenant_id, id),
  constraint classes_tenant_id_import_hash_key unique (tenant_id, import_hash),
  constraint classes_import_hash_not_blank check (char_length(btrim(import_hash)) > 0),
  constraint classes_academic_year_fkey foreign key (tenant_id, academic_year_id)
    references academics.academic_years (tenant_id, id) on delete set null (academic_year_id),
  constraint classes_campus_fkey foreign key (tenant_id, campus_id)
    references campus.campuses (tenant_id, id) on delete set null (campus_id),
  constraint classes_grade_fkey foreign key (tenant_id, grade_id)
    references academics.grades (tenant_id, id) on delete set null (grade_id),
  constraint classes_homeroom_teacher_fkey foreign key (tenant_id, homeroom_teacher_id)
    references campus.staff (tenant_id, id) on delete set null (homeroom_teacher_id),
  constraint classes_created_by_fkey foreign key (tenant_id, created_by)
    references platform.users (tenant_id, id) on delete set null (created_by),
  constraint classes_updated_by_fkey foreign key (tenant_id, updated_by)
    references platform.users (tenant_id, id) on delete set null (updated_by),
  constraint classes_capacity_positive check (capacity is null or capacity > 0)
);
create index classes_academic_year_idx on academics.classes (tenant_id, academic_year_id);
create index classes_campus_idx on academics.classes (tenant_id, campus_id);
create index classes_grade_idx on academics.classes (tenant_id, grade_id);
create index classes_homeroom_teacher_idx on academics.classes (tenant_id, homeroom_teacher_id);
create index classes_created_by_idx on academics.classes (tenant_id, created_by);
create index classes_updated_by_idx on academics.classes (tenant_id, updated_by);
alter table academics.classes enable row level security;
alter table academics.classes force row level security;
create trigger _100_set_updated_at before update on academics.classes
  for each row execute function nexus.tg__set_updated_at();
create trigger _200_set_authorship before insert or update on academics.classes
  for each row execute function nexus.tg__set_authorship();
create trigger _300_guard_archive before update of deleted_at on academics.classes
  for each row execute function nexus.tg__guard_archive();
create trigger _500_soft_delete before delete on academics.classes
  for each row execute function nexus_auth.tg__soft_delete();
comment on table academics.classes is 'A class (group of students) of a campus in an academic year and grade, with a homeroom teacher.';
comment on column academics.classes.id is 'Unique identifier of the class.';
comment on column academics.classes.tenant_id is 'The tenant the row belongs to.';
comment on column academics.classes.name is 'Name of the class.';
comment on column academics.classes.section is 'Section label, e.g. A or B.';
comment on column academics.classes.capacity is 'Most students the class takes.';
comment on column academics.classes.status is 'Lifecycle of the class.';
comment on column academics.classes.academic_year_id is 'The academic year of the class.';
comment on column academics.classes.campus_id is 'The campus of the class.';
comment on column academics.classes.grade_id is 'The grade level of the class.';
comment on column academics.classes.homeroom_teacher_id is 'The staff member who is the class''s homeroom teacher.';
comment on column academics.classes.import_hash is 'Identity of the row in imports: importing a row with the same hash again updates it instead of adding a copy. Unique within the tenant.';
comment on column academics.classes.created_by is 'Who created the row (from the signed-in user, never from input).';
comment on column academics.classes.updated_by is 'Who last changed the row (from the signed-in user, never from input).';
comment on column academics.classes.deleted_at is 'When the row was archived (deleted); archived rows are hidden. Set it back to null to restore (needs RESTORE_CLASSES).';
comment on column academics.classes.created_at is 'When the row was created.';
comment on column academics.classes.updated_at is 'When the row was last changed.';
comment on constraint classes_homeroom_teacher_fkey on academics.classes is E'@fieldName homeroomTeacher\n@foreignFieldName homeroomClasses';
comment on constraint classes_created_by_fkey on academics.classes is E'@fieldName creator\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint classes_updated_by_fkey on academics.classes is E'@fieldName updater\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint classes_tenant_id_import_hash_key on academics.classes is E'@behavior -single -update -delete';

create table academics.class_enrollments (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  enrolled_on timestamptz,
  ended_on timestamptz,
  status academics.enrollment_status,
  class_id uuid,
  student_id uuid,
  import_hash text,
  created_by uuid,
  updated_by uuid,
  deleted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint class_enrollments_tenant_id_id_key unique (tenant_id, id),
  constraint class_enrollments_tenant_id_import_hash_key unique (tenant_id, import_hash),
  constraint class_enrollments_import_hash_not_blank check (char_length(btrim(import_hash)) > 0),
  constraint class_enrollments_class_fkey foreign key (tenant_id, class_id)
    references academics.classes (tenant_id, id) on delete set null (class_id),
  constraint class_enrollments_student_fkey foreign key (tenant_id, student_id)
    references campus.students (tenant_id, id) on delete set null (student_id),
  constraint class_enrollments_created_by_fkey foreign key (tenant_id, created_by)
    references platform.users (tenant_id, id) on delete set null (created_by),
  constraint class_enrollments_updated_by_fkey foreign key (tenant_id, updated_by)
    references platform.users (tenant_id, id) on delete set null (updated_by),
  constraint class_enrollments_dates_ordered check (enrolled_on is null or ended_on is null or ended_on >= enrolled_on)
);
create index class_enrollments_class_idx on academics.class_enrollments (tenant_id, class_id);
create index class_enrollments_student_idx on academics.class_enrollments (tenant_id, student_id);
create index class_enrollments_created_by_idx on academics.class_enrollments (tenant_id, created_by);
create index class_enrollments_updated_by_idx on academics.class_enrollments (tenant_id, updated_by);
alter table academics.class_enrollments enable row level security;
alter table academics.class_enrollments force row level security;
create trigger _100_set_updated_at before update on academics.class_enrollments
  for each row execute function nexus.tg__set_updated_at();
create trigger _200_set_authorship before insert or update on academics.class_enrollments
  for each row execute function nexus.tg__set_authorship();
create trigger _300_guard_archive before update of deleted_at on academics.class_enrollments
  for each row execute function nexus.tg__guard_archive();
create trigger _500_soft_delete before delete on academics.class_enrollments
  for each row execute function nexus_auth.tg__soft_delete();
comment on table academics.class_enrollments is 'A student''s enrollment in a class, with its dates and status.';
comment on column academics.class_enrollments.id is 'Unique identifier of the class enrollment.';
comment on column academics.class_enrollments.tenant_id is 'The tenant the row belongs to.';
comment on column academics.class_enrollments.enrolled_on is 'When the enrollment began.';
comment on column academics.class_enrollments.ended_on is 'When the enrollment ended.';
comment on column academics.class_enrollments.status is 'Lifecycle of the enrollment.';
comment on column academics.class_enrollments.class_id is 'The class.';
comment on column academics.class_enrollments.student_id is 'The enrolled student.';
comment on column academics.class_enrollments.import_hash is 'Identity of the row in imports: importing a row with the same hash again updates it instead of adding a copy. Unique within the tenant.';
comment on column academics.class_enrollments.created_by is 'Who created the row (from the signed-in user, never from input).';
comment on column academics.class_enrollments.updated_by is 'Who last changed the row (from the signed-in user, never from input).';
comment on column academics.class_enrollments.deleted_at is 'When the row was archived (deleted); archived rows are hidden. Set it back to null to restore (needs RESTORE_CLASS_ENROLLMENTS).';
comment on column academics.class_enrollments.created_at is 'When the row was created.';
comment on column academics.class_enrollments.updated_at is 'When the row was last changed.';
comment on constraint class_enrollments_created_by_fkey on academics.class_enrollments is E'@fieldName creator\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint class_enrollments_updated_by_fkey on academics.class_enrollments is E'@fieldName updater\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint class_enrollments_tenant_id_import_hash_key on academics.class_enrollments is E'@behavior -single -update -delete';

create table academics.class_subjects (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  status academics.class_subject_status,
  class_id uuid,
  subject_id uuid,
  teacher_id uuid,
  import_hash text,
  created_by uuid,
  updated_by uuid,
  deleted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint class_subjects_tenant_id_id_key unique (tenant_id, id),
  constraint class_subjects_tenant_id_import_hash_key unique (tenant_id, import_hash),
  constraint class_subjects_import_hash_not_blank check (char_length(btrim(import_hash)) > 0),
  constraint class_subjects_class_fkey foreign key (tenant_id, class_id)
    references academics.classes (tenant_id, id) on delete set null (class_id),
  constraint class_subjects_subject_fkey foreign key (tenant_id, subject_id)
    references academics.subjects (tenant_id, id) on delete set null (subject_id),
  constraint class_subjects_teacher_fkey foreign key (tenant_id, teacher_id)
    references campus.staff (tenant_id, id) on delete set null (teacher_id),
  constraint class_subjects_created_by_fkey foreign key (tenant_id, created_by)
    references platform.users (tenant_id, id) on delete set null (created_by),
  constraint class_subjects_updated_by_fkey foreign key (tenant_id, updated_by)
    references platform.users (tenant_id, id) on delete set null (updated_by)
);
create index class_subjects_class_idx on academics.class_subjects (tenant_id, class_id);
create index class_subjects_subject_idx on academics.class_subjects (tenant_id, subject_id);
create index class_subjects_teacher_idx on academics.class_subjects (tenant_id, teacher_id);
create index class_subjects_created_by_idx on academics.class_subjects (tenant_id, created_by);
create index class_subjects_updated_by_idx on academics.class_subjects (tenant_id, updated_by);
alter table academics.class_subjects enable row level security;
alter table academics.class_subjects force row level security;
create trigger _100_set_updated_at before update on academics.class_subjects
  for each row execute function nexus.tg__set_updated_at();
create trigger _200_set_authorship before insert or update on academics.class_subjects
  for each row execute function nexus.tg__set_authorship();
create trigger _300_guard_archive before update of deleted_at on academics.class_subjects
  for each row execute function nexus.tg__guard_archive();
create trigger _500_soft_delete before delete on academics.class_subjects
  for each row execute function nexus_auth.tg__soft_delete();
comment on table academics.class_subjects is 'A subject taught in a class by a teacher: the unit that timetable periods, attendance sessions and assessments hang off.';
comment on column academics.class_subjects.id is 'Unique identifier of the class subject.';
comment on column academics.class_subjects.tenant_id is 'The tenant the row belongs to.';
comment on column academics.class_subjects.status is 'Whether the subject is currently taught in the class.';
comment on column academics.class_subjects.class_id is 'The class.';
comment on column academics.class_subjects.subject_id is 'The subject.';
comment on column academics.class_subjects.teacher_id is 'The staff member who teaches it.';
comment on column academics.class_subjects.import_hash is 'Identity of the row in imports: importing a row with the same hash again updates it instead of adding a copy. Unique within the tenant.';
comment on column academics.class_subjects.created_by is 'Who created the row (from the signed-in user, never from input).';
comment on column academics.class_subjects.updated_by is 'Who last changed the row (from the signed-in user, never from input).';
comment on column academics.class_subjects.deleted_at is 'When the row was archived (deleted); archived rows are hidden. Set it back to null to restore (needs RESTORE_CLASS_SUBJECTS).';
comment on column academics.class_subjects.created_at is 'When the row was created.';
comment on column academics.class_subjects.updated_at is 'When the row was last changed.';
comment on constraint class_subjects_teacher_fkey on academics.class_subjects is E'@fieldName teacher\n@foreignFieldName taughtClassSubjects';
comment on constraint class_subjects_created_by_fkey on academics.class_subjects is E'@fieldName creator\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint class_subjects_updated_by_fkey on academics.class_subjects is E'@fieldName updater\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint class_subjects_tenant_id_import_hash_key on academics.class_subjects is E'@behavior -single -update -delete';

create table academics.timetables (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  name text,
  effective_from timestamptz,
  effective_to timestamptz,
  status academics.timetable_status,
  academic_year_id uuid,
  campus_id uuid,
  import_hash text,
  created_by uuid,
  updated_by uuid,
  deleted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint timetables_tenant_id_id_key unique (tenant_id, id),
  constraint timetables_tenant_id_import_hash_key unique (tenant_id, import_hash),
  constraint timetables_import_hash_not_blank check (char_length(btrim(import_hash)) > 0),
  constraint timetables_academic_year_fkey foreign key (tenant_id, academic_year_id)
    references academics.academic_years (tenant_id, id) on delete set null (academic_year_id),
  constraint timetables_campus_fkey foreign key (tenant_id, campus_id)
    references campus.campuses (tenant_id, id) on delete set null (campus_id),
  constraint timetables_created_by_fkey foreign key (tenant_id, created_by)
    references platform.users (tenant_id, id) on delete set null (created_by),
  constraint timetables_updated_by_fkey foreign key (tenant_id, updated_by)
    references platform.users (tenant_id, id) on delete set null (updated_by),
  constraint timetables_dates_ordered check (effective_from is null or effective_to is null or effective_to >= effective_from)
);
create index timetables_academic_year_idx on academics.timetables (tenant_id, academic_year_id);
create index timetables_campus_idx on academics.timetables (tenant_id, campus_id);
create index timetables_created_by_idx on academics.timetables (tenant_id, created_by);
create index timetables_updated_by_idx on academics.timetables (tenant_id, updated_by);
alter table academics.timetables enable row level security;
alter table academics.timetables force row level security;
create trigger _100_set_updated_at before update on academics.timetables
  for each row execute function nexus.tg__set_updated_at();
create trigger _200_set_authorship before insert or update on academics.timetables
  for each row execute function nexus.tg__set_authorship();
create trigger _300_guard_archive before update of deleted_at on academics.timetables
  for each row execute function nexus.tg__guard_archive();
create trigger _500_soft_delete before delete on academics.timetables
  for each row execute function nexus_auth.tg__soft_delete();
comment on table academics.timetables is 'A timetable of a campus for an academic year, with the dates it is in effect.';
comment on column academics.timetables.id is 'Unique identifier of the timetable.';
comment on column academics.timetables.tenant_id is 'The tenant the row belongs to.';
comment on column academics.timetables.name is 'Name of the timetable.';
comment on column academics.timetables.effective_from is 'When the timetable takes effect.';
comment on column academics.timetables.effective_to is 'When the timetable stops being in effect.';
comment on column academics.timetables.status is 'Lifecycle of the timetable.';
comment on column academics.timetables.academic_year_id is 'The academic year.';
comment on column academics.timetables.campus_id is 'The campus.';
comment on column academics.timetables.import_hash is 'Identity of the row in imports: importing a row with the same hash again updates it instead of adding a copy. Unique within the tenant.';
comment on column academics.timetables.created_by is 'Who created the row (from the signed-in user, never from input).';
comment on column academics.timetables.updated_by is 'Who last changed the row (from the signed-in user, never from input).';
comment on column academics.timetables.deleted_at is 'When the row was archived (deleted); archived rows are hidden. Set it back to null to restore (needs RESTORE_TIMETABLES).';
comment on column academics.timetables.created_at is 'When the row was created.';
comment on column academics.timetables.updated_at is 'When the row was last changed.';
comment on constraint timetables_created_by_fkey on academics.timetables is E'@fieldName creator\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint timetables_updated_by_fkey on academics.timetables is E'@fieldName updater\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint timetables_tenant_id_import_hash_key on academics.timetables is E'@behavior -single -update -delete';

create table academics.timetable_periods (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  day_of_week academics.day_of_week,
  starts_at timestamptz,
  ends_at timestamptz,
  room text,
  class_subject_id uuid,
  timetable_id uuid,
  import_hash text,
  created_by uuid,
  updated_by uuid,
  deleted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint timetable_periods_tenant_id_id_key unique (tenant_id, id),
  constraint timetable_periods_tenant_id_import_hash_key unique (tenant_id, import_hash),
  constraint timetable_periods_import_hash_not_blank check (char_length(btrim(import_hash)) > 0),
  constraint timetable_periods_class_subject_fkey foreign key (tenant_id, class_subject_id)
    references academics.class_subjects (tenant_id, id) on delete set null (class_subject_id),
  constraint timetable_periods_timetable_fkey foreign key (tenant_id, timetable_id)
    references academics.timetables (tenant_id, id) on delete set null (timetable_id),
  constraint timetable_periods_created_by_fkey foreign key (tenant_id, created_by)
    references platform.users (tenant_id, id) on delete set null (created_by),
  constraint timetable_periods_updated_by_fkey foreign key (tenant_id, updated_by)
    references platform.users (tenant_id, id) on delete set null (updated_by),
  constraint timetable_periods_times_ordered check (starts_at is null or ends_at is null or ends_at > starts_at)
);
create index timetable_periods_class_subject_idx on academics.timetable_periods (tenant_id, class_subject_id);
create index timetable_periods_timetable_idx on academics.timetable_periods (tenant_id, timetable_id);
create index timetable_periods_created_by_idx on academics.timetable_periods (tenant_id, created_by);
create index timetable_periods_updated_by_idx on academics.timetable_periods (tenant_id, updated_by);
alter table academics.timetable_periods enable row level security;
alter table academics.timetable_periods force row level security;
create trigger _100_set_updated_at before update on academics.timetable_periods
  for each row execute function nexus.tg__set_updated_at();
create trigger _200_set_authorship before insert or update on academics.timetable_periods
  for each row execute function nexus.tg__set_authorship();
create trigger _300_guard_archive before update of deleted_at on academics.timetable_periods
  for each row execute function nexus.tg__guard_archive();
create trigger _500_soft_delete before delete on academics.timetable_periods
  for each row execute function nexus_auth.tg__soft_delete();
comment on table academics.timetable_periods is 'One period of a timetable: a day, a time and a room for a class subject.';
comment on column academics.timetable_periods.id is 'Unique identifier of the timetable period.';
comment on column academics.timetable_periods.tenant_id is 'The tenant the row belongs to.';
comment on column academics.timetable_periods.day_of_week is 'Day of the week of the period.';
comment on column academics.timetable_periods.starts_at is 'When the period starts.';
comment on column academics.timetable_periods.ends_at is 'When the period ends.';
comment on column academics.timetable_periods.room is 'Room the period takes place in.';
comment on column academics.timetable_periods.class_subject_id is 'The class subject taught in the period.';
comment on column academics.timetable_periods.timetable_id is 'The timetable the period belongs to.';
comment on column academics.timetable_periods.import_hash is 'Identity of the row in imports: importing a row with the same hash again updates it instead of adding a copy. Unique within the tenant.';
comment on column academics.timetable_periods.created_by is 'Who created the row (from the signed-in user, never from input).';
comment on column academics.timetable_periods.updated_by is 'Who last changed the row (from the signed-in user, never from input).';
comment on column academics.timetable_periods.deleted_at is 'When the row was archived (deleted); archived rows are hidden. Set it back to null to restore (needs RESTORE_TIMETABLE_PERIODS).';
comment on column academics.timetable_periods.created_at is 'When the row was created.';
comment on column academics.timetable_periods.updated_at is 'When the row was last changed.';
comment on constraint timetable_periods_created_by_fkey on academics.timetable_periods is E'@fieldName creator\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint timetable_periods_updated_by_fkey on academics.timetable_periods is E'@fieldName updater\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint timetable_periods_tenant_id_import_hash_key on academics.timetable_periods is E'@behavior -single -update -delete';

create table academics.assessments (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  name text,
  assessment_type academics.assessment_type,
  assigned_at timestamptz,
  due_at timestamptz,
  max_score numeric(7,2),
  status academics.assessment_status,
  instructions text,
  class_subject_id uuid,
  import_hash text,
  created_by uuid,
  updated_by uuid,
  deleted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint assessments_tenant_id_id_key unique (tenant_id, id),
  constraint assessments_tenant_id_import_hash_key unique (tenant_id, import_hash),
  constraint assessments_import_hash_not_blank check (char_length(btrim(import_hash)) > 0),
  constraint assessments_class_subject_fkey foreign key (tenant_id, class_subject_id)
    references academics.class_subjects (tenant_id, id) on delete set null (class_subject_id),
  constraint assessments_created_by_fkey foreign key (tenant_id, created_by)
    references platform.users (tenant_id, id) on delete set null (created_by),
  constraint assessments_updated_by_fkey foreign key (tenant_id, updated_by)
    references platform.users (tenant_id, id) on delete set null (updated_by),
  constraint assessments_max_score_positive check (max_score is null or max_score > 0),
  constraint assessments_dates_ordered check (assigned_at is null or due_at is null or due_at >= assigned_at)
);
create index assessments_class_subject_idx on academics.assessments (tenant_id, class_subject_id);
create index assessments_created_by_idx on academics.assessments (tenant_id, created_by);
create index assessments_updated_by_idx on academics.assessments (tenant_id, updated_by);
alter table academics.assessments enable row level security;
alter table academics.assessments force row level security;
create trigger _100_set_updated_at before update on academics.assessments
  for each row execute function nexus.tg__set_updated_at();
create trigger _200_set_authorship before insert or update on academics.assessments
  for each row execute function nexus.tg__set_authorship();
create trigger _300_guard_archive before update of deleted_at on academics.assessments
  for each row execute function nexus.tg__guard_archive();
create trigger _500_soft_delete before delete on academics.assessments
  for each row execute function nexus_auth.tg__soft_delete();
comment on table academics.assessments is 'An assessment of a class subject (quiz, exam, assignment, …) with its dates and maximum score.';
comment on column academics.assessments.id is 'Unique identifier of the assessment.';
comment on column academics.assessments.tenant_id is 'The tenant the row belongs to.';
comment on column academics.assessments.name is 'Name of the assessment.';
comment on column academics.assessments.assessment_type is 'Kind of assessment.';
comment on column academics.assessments.assigned_at is 'When the assessment was assigned.';
comment on column academics.assessments.due_at is 'When the assessment is due.';
comment on column academics.assessments.max_score is 'Highest possible score.';
comment on column academics.assessments.status is 'Lifecycle of the assessment.';
comment on column academics.assessments.instructions is 'Instructions for the students.';
comment on column academics.assessments.class_subject_id is 'The class subject assessed.';
comment on column academics.assessments.import_hash is 'Identity of the row in imports: importing a row with the same hash again updates it instead of adding a copy. Unique within the tenant.';
comment on column academics.assessments.created_by is 'Who created the row (from the signed-in user, never from input).';
comment on column academics.assessments.updated_by is 'Who last changed the row (from the signed-in user, never from input).';
comment on column academics.assessments.deleted_at is 'When the row was archived (deleted); archived rows are hidden. Set it back to null to restore (needs RESTORE_ASSESSMENTS).';
comment on column academics.assessments.created_at is 'When the row was created.';
comment on column academics.assessments.updated_at is 'When the row was last changed.';
comment on constraint assessments_created_by_fkey on academics.assessments is E'@fieldName creator\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint assessments_updated_by_fkey on academics.assessments is E'@fieldName updater\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint assessments_tenant_id_import_hash_key on academics.assessments is E'@behavior -single -update -delete';

create table academics.assessment_results (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  score numeric(7,2),
  grade_letter academics.grade_letter,
  remarks text,
  assessment_id uuid,
  student_id uuid,
  import_hash text,
  created_by uuid,
  updated_by uuid,
  deleted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint assessment_results_tenant_id_id_key unique (tenant_id, id),
  constraint assessment_results_tenant_id_import_hash_key unique (tenant_id, import_hash),
  constraint assessment_results_import_hash_not_blank check (char_length(btrim(import_hash)) > 0),
  constraint assessment_results_assessment_fkey foreign key (tenant_id, assessment_id)
    references academics.assessments (tenant_id, id) on delete set null (assessment_id),
  constraint assessment_results_student_fkey foreign key (tenant_id, student_id)
    references campus.students (tenant_id, id) on delete set null (student_id),
  constraint assessment_results_created_by_fkey foreign key (tenant_id, created_by)
    references platform.users (tenant_id, id) on delete set null (created_by),
  constraint assessment_results_updated_by_fkey foreign key (tenant_id, updated_by)
    references platform.users (tenant_id, id) on delete set null (updated_by),
  constraint assessment_results_score_nonnegative check (score is null or score >= 0)
);
create index assessment_results_assessment_idx on academics.assessment_results (tenant_id, assessment_id);
create index assessment_results_student_idx on academics.assessment_results (tenant_id, student_id);
create index assessment_results_created_by_idx on academics.assessment_results (tenant_id, created_by);
create index assessment_results_updated_by_idx on academics.assessment_results (tenant_id, updated_by);
alter table academics.assessment_results enable row level security;
alter table academics.assessment_results force row level security;
create trigger _100_set_updated_at before update on academics.assessment_results
  for each row execute function nexus.tg__set_updated_at();
create trigger _200_set_authorship before insert or update on academics.assessment_results
  for each row execute function nexus.tg__set_authorship();
create trigger _300_guard_archive before update of deleted_at on academics.assessment_results
  for each row execute function nexus.tg__guard_archive();
create trigger _500_soft_delete before delete on academics.assessment_results
  for each row execute function nexus_auth.tg__soft_delete();
comment on table academics.assessment_results is 'A student''s result in an assessment: score and letter grade.';
comment on column academics.assessment_results.id is 'Unique identifier of the assessment result.';
comment on column academics.assessment_results.tenant_id is 'The tenant the row belongs to.';
comment on column academics.assessment_results.score is 'Score the student reached.';
comment on column academics.assessment_results.grade_letter is 'Letter grade.';
comment on column academics.assessment_results.remarks is 'Teacher''s remarks.';
comment on column academics.assessment_results.assessment_id is 'The assessment.';
comment on column academics.assessment_results.student_id is 'The student.';
comment on column academics.assessment_results.import_hash is 'Identity of the row in imports: importing a row with the same hash again updates it instead of adding a copy. Unique within the tenant.';
comment on column academics.assessment_results.created_by is 'Who created the row (from the signed-in user, never from input).';
comment on column academics.assessment_results.updated_by is 'Who last changed the row (from the signed-in user, never from input).';
comment on column academics.assessment_results.deleted_at is 'When the row was archived (deleted); archived rows are hidden. Set it back to null to restore (needs RESTORE_ASSESSMENT_RESULTS).';
comment on column academics.assessment_results.created_at is 'When the row was created.';
comment on column academics.assessment_results.updated_at is 'When the row was last changed.';
comment on constraint assessment_results_created_by_fkey on academics.assessment_results is E'@fieldName creator\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint assessment_results_updated_by_fkey on academics.assessment_results is E'@fieldName updater\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint assessment_results_tenant_id_import_hash_key on academics.assessment_results is E'@behavior -single -update -delete';

/* ========================================================================
 * attendance: who was there. A session (a class or class subject on a
 * day, taken by a staff member) holds one record per student; campuses also
 * keep daily summaries and staff attendance.
 */
create schema attendance;
comment on schema attendance is 'School operations: student attendance per session, campus attendance summaries, staff attendance.';
grant usage on schema attendance to nexus_auth;

create type attendance.session_type as enum ('homeroom', 'lesson', 'event');
comment on type attendance.session_type is 'What an attendance session was taken for.';
create type attendance.attendance_status as enum ('present', 'absent', 'late', 'excused');
comment on type attendance.attendance_status is 'A student''s attendance in a session.';
create type attendance.staff_attendance_status as enum ('present', 'late', 'absent');
comment on type attendance.staff_attendance_status is 'A staff member''s attendance on a day.';

create table attendance.attendance_sessions (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  session_date timestamptz,
  session_type attendance.session_type,
  notes text,
  campus_id uuid,
  class_id uuid,
  class_subject_id uuid,
  taken_by_id uuid,
  import_hash text,
  created_by uuid,
  updated_by uuid,
  deleted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint attendance_sessions_tenant_id_id_key unique (tenant_id, id),
  constraint attendance_sessions_tenant_id_import_hash_key unique (tenant_id, import_hash),
  constraint attendance_sessions_import_hash_not_blank check (char_length(btrim(import_hash)) > 0),
  constraint attendance_sessions_campus_fkey foreign key (tenant_id, campus_id)
    references campus.campuses (tenant_id, id) on delete set null (campus_id),
  constraint attendance_sessions_class_fkey foreign key (tenant_id, class_id)
    references academics.classes (tenant_id, id) on delete set null (class_id),
  constraint attendance_sessions_class_subject_fkey foreign key (tenant_id, class_subject_id)
    references academics.class_subjects (tenant_id, id) on delete set null (class_subject_id),
  constraint attendance_sessions_taken_by_fkey foreign key (tenant_id, taken_by_id)
    references campus.staff (tenant_id, id) on delete set null (taken_by_id),
  constraint attendance_sessions_created_by_fkey foreign key (tenant_id, created_by)
    references platform.users (tenant_id, id) on delete set null (created_by),
  constraint attendance_sessions_updated_by_fkey foreign key (tenant_id, updated_by)
    references platform.users (tenant_id, id) on delete set null (updated_by)
);
create index attendance_sessions_campus_idx on attendance.attendance_sessions (tenant_id, campus_id);
create index attendance_sessions_class_idx on attendance.attendance_sessions (tenant_id, class_id);
create index attendance_sessions_class_subject_idx on attendance.attendance_sessions (tenant_id, class_subject_id);
create index attendance_sessions_taken_by_idx on attendance.attendance_sessions (tenant_id, taken_by_id);
create index attendance_sessions_created_by_idx on attendance.attendance_sessions (tenant_id, created_by);
create index attendance_sessions_updated_by_idx on attendance.attendance_sessions (tenant_id, updated_by);
alter table attendance.attendance_sessions enable row level security;
alter table attendance.attendance_sessions force row level security;
create trigger _100_set_updated_at before update on attendance.attendance_sessions
  for each row execute function nexus.tg__set_updated_at();
create trigger _200_set_authorship before insert or update on attendance.attendance_sessions
  for each row execute function nexus.tg__set_authorship();
create trigger _300_guard_archive before update of deleted_at on attendance.attendance_sessions
  for each row execute function nexus.tg__guard_archive();
create trigger _500_soft_delete before delete on attendance.attendance_sessions
  for each row execute function nexus_auth.tg__soft_delete();
comment on table attendance.attendance_sessions is 'An attendance session of a class or class subject on a day, taken by a staff member.';
comment on column attendance.attendance_sessions.id is 'Unique identifier of the attendance session.';
comment on column attendance.attendance_sessions.tenant_id is 'The tenant the row belongs to.';
comment on column attendance.attendance_sessions.session_date is 'When the session took place.';
comment on column attendance.attendance_sessions.session_type is 'What the session was taken for.';
comment on column attendance.attendance_sessions.notes is 'Notes about the session.';
comment on column attendance.attendance_sessions.campus_id is 'The campus.';
comment on column attendance.attendance_sessions.class_id is 'The class.';
comment on column attendance.attendance_sessions.class_subject_id is 'The class subject, for a lesson.';
comment on column attendance.attendance_sessions.taken_by_id is 'The staff member who took attendance.';
comment on column attendance.attendance_sessions.import_hash is 'Identity of the row in imports: importing a row with the same hash again updates it instead of adding a copy. Unique within the tenant.';
comment on column attendance.attendance_sessions.created_by is 'Who created the row (from the signed-in user, never from input).';
comment on column attendance.attendance_sessions.updated_by is 'Who last changed the row (from the signed-in user, never from input).';
comment on column attendance.attendance_sessions.deleted_at is 'When the row was archived (deleted); archived rows are hidden. Set it back to null to restore (needs RESTORE_ATTENDANCE_SESSIONS).';
comment on column attendance.attendance_sessions.created_at is 'When the row was created.';
comment on column attendance.attendance_sessions.updated_at is 'When the row was last changed.';
comment on constraint attendance_sessions_taken_by_fkey on attendance.attendance_sessions is E'@fieldName takenBy\n@foreignFieldName attendanceSessionsTaken';
comment on constraint attendance_sessions_created_by_fkey on attendance.attendance_sessions is E'@fieldName creator\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint attendance_sessions_updated_by_fkey on attendance.attendance_sessions is E'@fieldName updater\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint attendance_sessions_tenant_id_import_hash_key on attendance.attendance_sessions is E'@behavior -single -update -delete';

create table attendance.attendance_records (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  status attendance.attendance_status,
  minutes_late integer,
  remarks text,
  attendance_session_id uuid,
  student_id uuid,
  import_hash text,
  created_by uuid,
  updated_by uuid,
  deleted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint attendance_records_tenant_id_id_key unique (tenant_id, id),
  constraint attendance_records_tenant_id_import_hash_key unique (tenant_id, import_hash),
  constraint attendance_records_import_hash_not_blank check (char_length(btrim(import_hash)) > 0),
  constraint attendance_records_attendance_session_fkey foreign key (tenant_id, attendance_session_id)
    references attendance.attendance_sessions (tenant_id, id) on delete set null (attendance_session_id),
  constraint attendance_records_student_fkey foreign key (tenant_id, student_id)
    references campus.students (tenant_id, id) on delete set null (student_id),
  constraint attendance_records_created_by_fkey foreign key (tenant_id, created_by)
    references platform.users (tenant_id, id) on delete set null (created_by),
  constraint attendance_records_updated_by_fkey foreign key (tenant_id, updated_by)
    references platform.users (tenant_id, id) on delete set null (updated_by),
  constraint attendance_records_minutes_late_nonnegative check (minutes_late is null or minutes_late >= 0)
);
create index attendance_records_attendance_session_idx on attendance.attendance_records (tenant_id, attendance_session_id);
create index attendance_records_student_idx on attendance.attendance_records (tenant_id, student_id);
create index attendance_records_created_by_idx on attendance.attendance_records (tenant_id, created_by);
create index attendance_records_updated_by_idx on attendance.attendance_records (tenant_id, updated_by);
alter table attendance.attendance_records enable row level security;
alter table attendance.attendance_records force row level security;
create trigger _100_set_updated_at before update on attendance.attendance_records
  for each row execute function nexus.tg__set_updated_at();
create trigger _200_set_authorship before insert or update on attendance.attendance_records
  for each row execute function nexus.tg__set_authorship();
create trigger _300_guard_archive before update of deleted_at on attendance.attendance_records
  for each row execute function nexus.tg__guard_archive();
create trigger _500_soft_delete before delete on attendance.attendance_records
  for each row execute function nexus_auth.tg__soft_delete();
comment on table attendance.attendance_records is 'A student''s attendance in one session.';
comment on column attendance.attendance_records.id is 'Unique identifier of the attendance record.';
comment on column attendance.attendance_records.tenant_id is 'The tenant the row belongs to.';
comment on column attendance.attendance_records.status is 'Whether the student was present, absent, late or excused.';
comment on column attendance.attendance_records.minutes_late is 'How many minutes late the student was.';
comment on column attendance.attendance_records.remarks is 'Remarks.';
comment on column attendance.attendance_records.attendance_session_id is 'The session.';
comment on column attendance.attendance_records.student_id is 'The student.';
comment on column attendance.attendance_records.import_hash is 'Identity of the row in imports: importing a row with the same hash again updates it instead of adding a copy. Unique within the tenant.';
comment on column attendance.attendance_records.created_by is 'Who created the row (from the signed-in user, never from input).';
comment on column attendance.attendance_records.updated_by is 'Who last changed the row (from the signed-in user, never from input).';
comment on column attendance.attendance_records.deleted_at is 'When the row was archived (deleted); archived rows are hidden. Set it back to null to restore (needs RESTORE_ATTENDANCE_RECORDS).';
comment on column attendance.attendance_records.created_at is 'When the row was created.';
comment on column attendance.attendance_records.updated_at is 'When the row was last changed.';
comment on constraint attendance_records_created_by_fkey on attendance.attendance_records is E'@fieldName creator\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint attendance_records_updated_by_fkey on attendance.attendance_records is E'@fieldName updater\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint attendance_records_tenant_id_import_hash_key on attendance.attendance_records is E'@behavior -single -update -delete';

create table attendance.campus_attendance_config (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  campus_key text not null,
  attendance_link text,
  updated_by_label text,
  campus_id uuid,
  import_hash text,
  created_by uuid,
  updated_by uuid,
  deleted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint campus_attendance_config_tenant_id_id_key unique (tenant_id, id),
  constraint campus_attendance_config_tenant_id_import_hash_key unique (tenant_id, import_hash),
  constraint campus_attendance_config_import_hash_not_blank check (char_length(btrim(import_hash)) > 0),
  constraint campus_attendance_config_campus_fkey foreign key (tenant_id, campus_id)
    references campus.campuses (tenant_id, id) on delete set null (campus_id),
  constraint campus_attendance_config_created_by_fkey foreign key (tenant_id, created_by)
    references platform.users (tenant_id, id) on delete set null (created_by),
  constraint campus_attendance_config_updated_by_fkey foreign key (tenant_id, updated_by)
    references platform.users (tenant_id, id) on delete set null (updated_by),
  constraint campus_attendance_config_campus_key_not_blank check (char_length(btrim(campus_key)) > 0)
);
create index campus_attendance_config_campus_idx on attendance.campus_attendance_config (tenant_id, campus_id);
create index campus_attendance_config_created_by_idx on attendance.campus_attendance_config (tenant_id, created_by);
create index campus_attendance_config_updated_by_idx on attendance.campus_attendance_config (tenant_id, updated_by);
alter table attendance.campus_attendance_config enable row level security;
alter table attendance.campus_attendance_config force row level security;
create trigger _100_set_updated_at before update on attendance.campus_attendance_config
  for each row execute function nexus.tg__set_updated_at();
create trigger _200_set_authorship before insert or update on attendance.campus_attendance_config
  for each row execute function nexus.tg__set_authorship();
create trigger _300_guard_archive before update of deleted_at on attendance.campus_attendance_config
  for each row execute function nexus.tg__guard_archive();
create trigger _500_soft_delete before delete on attendance.campus_attendance_config
  for each row execute function nexus_auth.tg__soft_delete();
comment on table attendance.campus_attendance_config is 'Attendance settings of a campus: where attendance is taken.';
comment on column attendance.campus_attendance_config.id is 'Unique identifier of the campus attendance config.';
comment on column attendance.campus_attendance_config.tenant_id is 'The tenant the row belongs to.';
comment on column attendance.campus_attendance_config.campus_key is 'Key of the campus in the attendance product.';
comment on column attendance.campus_attendance_config.attendance_link is 'Link to the attendance form.';
comment on column attendance.campus_attendance_config.updated_by_label is 'Name of who last changed the settings, as shown in the product.';
comment on column attendance.campus_attendance_config.campus_id is 'The campus.';
comment on column attendance.campus_attendance_config.import_hash is 'Identity of the row in imports: importing a row with the same hash again updates it instead of adding a copy. Unique within the tenant.';
comment on column attendance.campus_attendance_config.created_by is 'Who created the row (from the signed-in user, never from input).';
comment on column attendance.campus_attendance_config.updated_by is 'Who last changed the row (from the signed-in user, never from input).';
comment on column attendance.campus_attendance_config.deleted_at is 'When the row was archived (deleted); archived rows are hidden. Set it back to null to restore (needs RESTORE_CAMPUS_ATTENDANCE_CONFIG).';
comment on column attendance.campus_attendance_config.created_at is 'When the row was created.';
comment on column attendance.campus_attendance_config.updated_at is 'When the row was last changed.';
comment on constraint campus_attendance_config_created_by_fkey on attendance.campus_attendance_config is E'@fieldName creator\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint campus_attendance_config_updated_by_fkey on attendance.campus_attendance_config is E'@fieldName updater\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint campus_attendance_config_tenant_id_import_hash_key on attendance.campus_attendance_config is E'@behavior -single -update -delete';

create table attendance.campus_attendance_summaries (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  campus_key text not null,
  attendance_date date not null,
  total_enrolled integer not null,
  total_present integer not null,
  total_absent integer not null,
  total_tardy integer not null default 0,
  attendance_percentage numeric(5,2) not null,
  recorded_by_label text,
  notes text,
  campus_id uuid,
  import_hash text,
  created_by uuid,
  updated_by uuid,
  deleted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint campus_attendance_summaries_tenant_id_id_key unique (tenant_id, id),
  constraint campus_attendance_summaries_tenant_id_import_hash_key unique (tenant_id, import_hash),
  constraint campus_attendance_summaries_import_hash_not_blank check (char_length(btrim(import_hash)) > 0),
  constraint campus_attendance_summaries_campus_fkey foreign key (tenant_id, campus_id)
    references campus.campuses (tenant_id, id) on delete set null (campus_id),
  constraint campus_attendance_summaries_created_by_fkey foreign key (tenant_id, created_by)
    references platform.users (tenant_id, id) on delete set null (created_by),
  constraint campus_attendance_summaries_updated_by_fkey foreign key (tenant_id, updated_by)
    references platform.users (tenant_id, id) on delete set null (updated_by),
  constraint campus_attendance_summaries_totals_nonnegative check (total_enrolled >= 0 and total_present >= 0 and total_absent >= 0 and total_tardy >= 0),
  constraint campus_attendance_summaries_percentage_range check (attendance_percentage between 0 and 100)
);
create index campus_attendance_summaries_campus_idx on attendance.campus_attendance_summaries (tenant_id, campus_id);
create index campus_attendance_summaries_created_by_idx on attendance.campus_attendance_summaries (tenant_id, created_by);
create index campus_attendance_summaries_updated_by_idx on attendance.campus_attendance_summaries (tenant_id, updated_by);
alter table attendance.campus_attendance_summaries enable row level security;
alter table attendance.campus_attendance_summaries force row level security;
create trigger _100_set_updated_at before update on attendance.campus_attendance_summaries
  for each row execute function nexus.tg__set_updated_at();
create trigger _200_set_authorship before insert or update on attendance.campus_attendance_summaries
  for each row execute function nexus.tg__set_authorship();
create trigger _300_guard_archive before update of deleted_at on attendance.campus_attendance_summaries
  for each row execute function nexus.tg__guard_archive();
create trigger _500_soft_delete before delete on attendance.campus_attendance_summaries
  for each row execute function nexus_auth.tg__soft_delete();
comment on table attendance.campus_attendance_summaries is 'A campus''s attendance totals for one day.';
comment on column attendance.campus_attendance_summaries.id is 'Unique identifier of the campus attendance summary.';
comment on column attendance.campus_attendance_summaries.tenant_id is 'The tenant the row belongs to.';
comment on column attendance.campus_attendance_summaries.campus_key is 'Key of the campus in the attendance product.';
comment on column attendance.campus_attendance_summaries.attendance_date is 'The day.';
comment on column attendance.campus_attendance_summaries.total_enrolled is 'Students enrolled that day.';
comment on column attendance.campus_attendance_summaries.total_present is 'Students present.';
comment on column attendance.campus_attendance_summaries.total_absent is 'Students absent.';
comment on column attendance.campus_attendance_summaries.total_tardy is 'Students late.';
comment on column attendance.campus_attendance_summaries.attendance_percentage is 'Share of enrolled students present, in percent.';
comment on column attendance.campus_attendance_summaries.recorded_by_label is 'Name of who recorded the totals.';
comment on column attendance.campus_attendance_summaries.notes is 'Notes.';
comment on column attendance.campus_attendance_summaries.campus_id is 'The campus.';
comment on column attendance.campus_attendance_summaries.import_hash is 'Identity of the row in imports: importing a row with the same hash again updates it instead of adding a copy. Unique within the tenant.';
comment on column attendance.campus_attendance_summaries.created_by is 'Who created the row (from the signed-in user, never from input).';
comment on column attendance.campus_attendance_summaries.updated_by is 'Who last changed the row (from the signed-in user, never from input).';
comment on column attendance.campus_attendance_summaries.deleted_at is 'When the row was archived (deleted); archived rows are hidden. Set it back to null to restore (needs RESTORE_CAMPUS_ATTENDANCE_SUMMARIES).';
comment on column attendance.campus_attendance_summaries.created_at is 'When the row was created.';
comment on column attendance.campus_attendance_summaries.updated_at is 'When the row was last changed.';
comment on constraint campus_attendance_summaries_created_by_fkey on attendance.campus_attendance_summaries is E'@fieldName creator\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint campus_attendance_summaries_updated_by_fkey on attendance.campus_attendance_summaries is E'@fieldName updater\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint campus_attendance_summaries_tenant_id_import_hash_key on attendance.campus_attendance_summaries is E'@behavior -single -update -delete';

create table attendance.staff_attendance_records (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  attendance_date date not null,
  status attendance.staff_attendance_status not null,
  note text,
  user_name text not null,
  user_role text,
  campus_id uuid,
  user_id uuid,
  import_hash text,
  created_by uuid,
  updated_by uuid,
  deleted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint staff_attendance_records_tenant_id_id_key unique (tenant_id, id),
  constraint staff_attendance_records_tenant_id_import_hash_key unique (tenant_id, import_hash),
  constraint staff_attendance_records_import_hash_not_blank check (char_length(btrim(import_hash)) > 0),
  constraint staff_attendance_records_campus_fkey foreign key (tenant_id, campus_id)
    references campus.campuses (tenant_id, id) on delete set null (campus_id),
  constraint staff_attendance_records_user_fkey foreign key (tenant_id, user_id)
    references platform.users (tenant_id, id) on delete set null (user_id),
  constraint staff_attendance_records_created_by_fkey foreign key (tenant_id, created_by)
    references platform.users (tenant_id, id) on delete set null (created_by),
  constraint staff_attendance_records_updated_by_fkey foreign key (tenant_id, updated_by)
    references platform.users (tenant_id, id) on delete set null (updated_by)
);
create index staff_attendance_records_campus_idx on attendance.staff_attendance_records (tenant_id, campus_id);
create index staff_attendance_records_user_idx on attendance.staff_attendance_records (tenant_id, user_id);
create index staff_attendance_records_created_by_idx on attendance.staff_attendance_records (tenant_id, created_by);
create index staff_attendance_records_updated_by_idx on attendance.staff_attendance_records (tenant_id, updated_by);
alter table attendance.staff_attendance_records enable row level security;
alter table attendance.staff_attendance_records force row level security;
create trigger _100_set_updated_at before update on attendance.staff_attendance_records
  for each row execute function nexus.tg__set_updated_at();
create trigger _200_set_authorship before insert or update on attendance.staff_attendance_records
  for each row execute function nexus.tg__set_authorship();
create trigger _300_guard_archive before update of deleted_at on attendance.staff_attendance_records
  for each row execute function nexus.tg__guard_archive();
create trigger _500_soft_delete before delete on attendance.staff_attendance_records
  for each row execute function nexus_auth.tg__soft_delete();
comment on table attendance.staff_attendance_records is 'A staff member''s attendance on one day.';
comment on column attendance.staff_attendance_records.id is 'Unique identifier of the staff attendance record.';
comment on column attendance.staff_attendance_records.tenant_id is 'The tenant the row belongs to.';
comment on column attendance.staff_attendance_records.attendance_date is 'The day.';
comment on column attendance.staff_attendance_records.status is 'Whether the staff member was present, late or absent.';
comment on column attendance.staff_attendance_records.note is 'Note.';
comment on column attendance.staff_attendance_records.user_name is 'Name of the staff member, as shown in the product.';
comment on column attendance.staff_attendance_records.user_role is 'Role of the staff member, as shown in the product.';
comment on column attendance.staff_attendance_records.campus_id is 'The campus.';
comment on column attendance.staff_attendance_records.user_id is 'The staff member''s user account.';
comment on column attendance.staff_attendance_records.import_hash is 'Identity of the row in imports: importing a row with the same hash again updates it instead of adding a copy. Unique within the tenant.';
comment on column attendance.staff_attendance_records.created_by is 'Who created the row (from the signed-in user, never from input).';
comment on column attendance.staff_attendance_records.updated_by is 'Who last changed the row (from the signed-in user, never from input).';
comment on column attendance.staff_attendance_records.deleted_at is 'When the row was archived (deleted); archived rows are hidden. Set it back to null to restore (needs RESTORE_STAFF_ATTENDANCE_RECORDS).';
comment on column attendance.staff_attendance_records.created_at is 'When the row was created.';
comment on column attendance.staff_attendance_records.updated_at is 'When the row was last changed.';
comment on constraint staff_attendance_records_created_by_fkey on attendance.staff_attendance_records is E'@fieldName creator\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint staff_attendance_records_updated_by_fkey on attendance.staff_attendance_records is E'@fieldName updater\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint staff_attendance_records_tenant_id_import_hash_key on attendance.staff_attendance_records is E'@behavior -single -update -delete';

/* ========================================================================
 * billing: what students owe and pay. A fee plan (per grade and academic
 * year) yields invoices; payments settle invoices.
 */
create schema billing;
comment on schema billing is 'School operations: fee plans, invoices to students and payments.';
grant usage on schema billing to nexus_auth;

create type billing.billing_cycle as enum ('one_time', 'monthly', 'quarterly', 'termly', 'annually');
comment on type billing.billing_cycle is 'How often a fee plan is billed.';
create type billing.invoice_status as enum ('draft', 'issued', 'partially_paid', 'paid', 'overdue', 'void');
comment on type billing.invoice_status is 'Lifecycle of an invoice.';
create type billing.payment_method as enum ('cash', 'card', 'bank_transfer', 'cheque', 'mobile_money', 'online', 'other');
comment on type billing.payment_method is 'How a payment was made.';

create table billing.fee_plans (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  name text,
  billing_cycle billing.billing_cycle,
  total_amount numeric(15,2),
  active boolean not null default false,
  notes text,
  academic_year_id uuid,
  grade_id uuid,
  import_hash text,
  created_by uuid,
  updated_by uuid,
  deleted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint fee_plans_tenant_id_id_key unique (tenant_id, id),
  constraint fee_plans_tenant_id_import_hash_key unique (tenant_id, import_hash),
  constraint fee_plans_import_hash_not_blank check (char_length(btrim(import_hash)) > 0),
  constraint fee_plans_academic_year_fkey foreign key (tenant_id, academic_year_id)
    references academics.academic_years (tenant_id, id) on delete set null (academic_year_id),
  constraint fee_plans_grade_fkey foreign key (tenant_id, grade_id)
    references academics.grades (tenant_id, id) on delete set null (grade_id),
  constraint fee_plans_created_by_fkey foreign key (tenant_id, created_by)
    references platform.users (tenant_id, id) on delete set null (created_by),
  constraint fee_plans_updated_by_fkey foreign key (tenant_id, updated_by)
    references platform.users (tenant_id, id) on delete set null (updated_by),
  constraint fee_plans_total_amount_nonnegative check (total_amount is null or total_amount >= 0)
);
create index fee_plans_academic_year_idx on billing.fee_plans (tenant_id, academic_year_id);
create index fee_plans_grade_idx on billing.fee_plans (tenant_id, grade_id);
create index fee_plans_created_by_idx on billing.fee_plans (tenant_id, created_by);
create index fee_plans_updated_by_idx on billing.fee_plans (tenant_id, updated_by);
alter table billing.fee_plans enable row level security;
alter table billing.fee_plans force row level security;
create trigger _100_set_updated_at before update on billing.fee_plans
  for each row execute function nexus.tg__set_updated_at();
create trigger _200_set_authorship before insert or update on billing.fee_plans
  for each row execute function nexus.tg__set_authorship();
create trigger _300_guard_archive before update of deleted_at on billing.fee_plans
  for each row execute function nexus.tg__guard_archive();
create trigger _500_soft_delete before delete on billing.fee_plans
  for each row execute function nexus_auth.tg__soft_delete();
comment on table billing.fee_plans is 'A fee or tuition plan for a grade in an academic year; invoices are issued from it.';
comment on column billing.fee_plans.id is 'Unique identifier of the fee plan.';
comment on column billing.fee_plans.tenant_id is 'The tenant the row belongs to.';
comment on column billing.fee_plans.name is 'Name of the plan.';
comment on column billing.fee_plans.billing_cycle is 'How often the plan is billed.';
comment on column billing.fee_plans.total_amount is 'Total amount of the plan.';
comment on column billing.fee_plans.active is 'Whether the plan is offered.';
comment on column billing.fee_plans.notes is 'Notes.';
comment on column billing.fee_plans.academic_year_id is 'The academic year.';
comment on column billing.fee_plans.grade_id is 'The grade level.';
comment on column billing.fee_plans.import_hash is 'Identity of the row in imports: importing a row with the same hash again updates it instead of adding a copy. Unique within the tenant.';
comment on column billing.fee_plans.created_by is 'Who created the row (from the signed-in user, never from input).';
comment on column billing.fee_plans.updated_by is 'Who last changed the row (from the signed-in user, never from input).';
comment on column billing.fee_plans.deleted_at is 'When the row was archived (deleted); archived rows are hidden. Set it back to null to restore (needs RESTORE_FEE_PLANS).';
comment on column billing.fee_plans.created_at is 'When the row was created.';
comment on column billing.fee_plans.updated_at is 'When the row was last changed.';
comment on constraint fee_plans_created_by_fkey on billing.fee_plans is E'@fieldName creator\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint fee_plans_updated_by_fkey on billing.fee_plans is E'@fieldName updater\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint fee_plans_tenant_id_import_hash_key on billing.fee_plans is E'@behavior -single -update -delete';

create table billing.invoices (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  invoice_number text,
  issue_date timestamptz,
  due_date timestamptz,
  subtotal numeric(15,2),
  discount_amount numeric(15,2),
  tax_amount numeric(15,2),
  total_amount numeric(15,2),
  balance_due numeric(15,2),
  status billing.invoice_status,
  notes text,
  campus_id uuid,
  fee_plan_id uuid,
  student_id uuid,
  import_hash text,
  created_by uuid,
  updated_by uuid,
  deleted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint invoices_tenant_id_id_key unique (tenant_id, id),
  constraint invoices_tenant_id_import_hash_key unique (tenant_id, import_hash),
  constraint invoices_import_hash_not_blank check (char_length(btrim(import_hash)) > 0),
  constraint invoices_campus_fkey foreign key (tenant_id, campus_id)
    references campus.campuses (tenant_id, id) on delete set null (campus_id),
  constraint invoices_fee_plan_fkey foreign key (tenant_id, fee_plan_id)
    references billing.fee_plans (tenant_id, id) on delete set null (fee_plan_id),
  constraint invoices_student_fkey foreign key (tenant_id, student_id)
    references campus.students (tenant_id, id) on delete set null (student_id),
  constraint invoices_created_by_fkey foreign key (tenant_id, created_by)
    references platform.users (tenant_id, id) on delete set null (created_by),
  constraint invoices_updated_by_fkey foreign key (tenant_id, updated_by)
    references platform.users (tenant_id, id) on delete set null (updated_by),
  constraint invoices_amounts_nonnegative check (coalesce(subtotal, 0) >= 0 and coalesce(discount_amount, 0) >= 0 and coalesce(tax_amount, 0) >= 0 and coalesce(total_amount, 0) >= 0 and coalesce(balance_due, 0) >= 0),
  constraint invoices_dates_ordered check (issue_date is null or due_date is null or due_date >= issue_date)
);
create index invoices_campus_idx on billing.invoices (tenant_id, campus_id);
create index invoices_fee_plan_idx on billing.invoices (tenant_id, fee_plan_id);
create index invoices_student_idx on billing.invoices (tenant_id, student_id);
create index invoices_created_by_idx on billing.invoices (tenant_id, created_by);
create index invoices_updated_by_idx on billing.invoices (tenant_id, updated_by);
create unique index invoices_tenant_id_invoice_number_key on billing.invoices (tenant_id, invoice_number) where deleted_at is null;
alter table billing.invoices enable row level security;
alter table billing.invoices force row level security;
create trigger _100_set_updated_at before update on billing.invoices
  for each row execute function nexus.tg__set_updated_at();
create trigger _200_set_authorship before insert or update on billing.invoices
  for each row execute function nexus.tg__set_authorship();
create trigger _300_guard_archive before update of deleted_at on billing.invoices
  for each row execute function nexus.tg__guard_archive();
create trigger _500_soft_delete before delete on billing.invoices
  for each row execute function nexus_auth.tg__soft_delete();
comment on table billing.invoices is 'An invoice to a student, optionally from a fee plan.';
comment on column billing.invoices.id is 'Unique identifier of the invoice.';
comment on column billing.invoices.tenant_id is 'The tenant the row belongs to.';
comment on column billing.invoices.invoice_number is 'Invoice number, unique among the tenant''s invoices that are not archived.';
comment on column billing.invoices.issue_date is 'When the invoice was issued.';
comment on column billing.invoices.due_date is 'When payment is due.';
comment on column billing.invoices.subtotal is 'Amount before discount and tax.';
comment on column billing.invoices.discount_amount is 'Discount.';
comment on column billing.invoices.tax_amount is 'Tax.';
comment on column billing.invoices.total_amount is 'Amount to pay.';
comment on column billing.invoices.balance_due is 'Amount still unpaid.';
comment on column billing.invoices.status is 'Lifecycle of the invoice.';
comment on column billing.invoices.notes is 'Notes.';
comment on column billing.invoices.campus_id is 'The campus.';
comment on column billing.invoices.fee_plan_id is 'The fee plan the invoice was issued from.';
comment on column billing.invoices.student_id is 'The student invoiced.';
comment on column billing.invoices.import_hash is 'Identity of the row in imports: importing a row with the same hash again updates it instead of adding a copy. Unique within the tenant.';
comment on column billing.invoices.created_by is 'Who created the row (from the signed-in user, never from input).';
comment on column billing.invoices.updated_by is 'Who last changed the row (from the signed-in user, never from input).';
comment on column billing.invoices.deleted_at is 'When the row was archived (deleted); archived rows are hidden. Set it back to null to restore (needs RESTORE_INVOICES).';
comment on column billing.invoices.created_at is 'When the row was created.';
comment on column billing.invoices.updated_at is 'When the row was last changed.';
comment on constraint invoices_created_by_fkey on billing.invoices is E'@fieldName creator\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint invoices_updated_by_fkey on billing.invoices is E'@fieldName updater\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint invoices_tenant_id_import_hash_key on billing.invoices is E'@behavior -single -update -delete';

create table billing.payments (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  receipt_number text,
  paid_at timestamptz,
  amount numeric(15,2),
  method billing.payment_method,
  reference_code text,
  notes text,
  invoice_id uuid,
  received_by_id uuid,
  import_hash text,
  created_by uuid,
  updated_by uuid,
  deleted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint payments_tenant_id_id_key unique (tenant_id, id),
  constraint payments_tenant_id_import_hash_key unique (tenant_id, import_hash),
  constraint payments_import_hash_not_blank check (char_length(btrim(import_hash)) > 0),
  constraint payments_invoice_fkey foreign key (tenant_id, invoice_id)
    references billing.invoices (tenant_id, id) on delete set null (invoice_id),
  constraint payments_received_by_fkey foreign key (tenant_id, received_by_id)
    references campus.staff (tenant_id, id) on delete set null (received_by_id),
  constraint payments_created_by_fkey foreign key (tenant_id, created_by)
    references platform.users (tenant_id, id) on delete set null (created_by),
  constraint payments_updated_by_fkey foreign key (tenant_id, updated_by)
    references platform.users (tenant_id, id) on delete set null (updated_by),
  constraint payments_amount_positive check (amount is null or amount > 0)
);
create index payments_invoice_idx on billing.payments (tenant_id, invoice_id);
create index payments_received_by_idx on billing.payments (tenant_id, received_by_id);
create index payments_created_by_idx on billing.payments (tenant_id, created_by);
create index payments_updated_by_idx on billing.payments (tenant_id, updated_by);
create unique index payments_tenant_id_receipt_number_key on billing.payments (tenant_id, receipt_number) where deleted_at is null;
alter table billing.payments enable row level security;
alter table billing.payments force row level security;
create trigger _100_set_updated_at before update on billing.payments
  for each row execute function nexus.tg__set_updated_at();
create trigger _200_set_authorship before insert or update on billing.payments
  for each row execute function nexus.tg__set_authorship();
create trigger _300_guard_archive before update of deleted_at on billing.payments
  for each row execute function nexus.tg__guard_archive();
create trigger _500_soft_delete before delete on billing.payments
  for each row execute function nexus_auth.tg__soft_delete();
comment on table billing.payments is 'A payment against an invoice.';
comment on column billing.payments.id is 'Unique identifier of the payment.';
comment on column billing.payments.tenant_id is 'The tenant the row belongs to.';
comment on column billing.payments.receipt_number is 'Receipt number, unique among the tenant''s payments that are not archived.';
comment on column billing.payments.paid_at is 'When the payment was made.';
comment on column billing.payments.amount is 'Amount paid.';
comment on column billing.payments.method is 'How the payment was made.';
comment on column billing.payments.reference_code is 'Reference of the payment (bank, card or mobile transaction).';
comment on column billing.payments.notes is 'Notes.';
comment on column billing.payments.invoice_id is 'The invoice paid.';
comment on column billing.payments.received_by_id is 'The staff member who received the payment.';
comment on column billing.payments.import_hash is 'Identity of the row in imports: importing a row with the same hash again updates it instead of adding a copy. Unique within the tenant.';
comment on column billing.payments.created_by is 'Who created the row (from the signed-in user, never from input).';
comment on column billing.payments.updated_by is 'Who last changed the row (from the signed-in user, never from input).';
comment on column billing.payments.deleted_at is 'When the row was archived (deleted); archived rows are hidden. Set it back to null to restore (needs RESTORE_PAYMENTS).';
comment on column billing.payments.created_at is 'When the row was created.';
comment on column billing.payments.updated_at is 'When the row was last changed.';
comment on constraint payments_received_by_fkey on billing.payments is E'@fieldName receivedBy\n@foreignFieldName paymentsReceived';
comment on constraint payments_created_by_fkey on billing.payments is E'@fieldName creator\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint payments_updated_by_fkey on billing.payments is E'@fieldName updater\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint payments_tenant_id_import_hash_key on billing.payments is E'@behavior -single -update -delete';

/* ========================================================================
 * messaging: what the school tells whom. A message goes out on a channel
 * to an audience; message_recipients track delivery per recipient.
 */
create schema messaging;
comment on schema messaging is 'School operations: announcements and messages, their recipients, communication events.';
grant usage on schema messaging to nexus_auth;

create type messaging.message_channel as enum ('in_app', 'email', 'sms', 'push');
comment on type messaging.message_channel is 'How a message is delivered.';
create type messaging.message_audience as enum ('everyone', 'students', 'guardians', 'staff', 'class', 'individual');
comment on type messaging.message_audience is 'Whom a message is for.';
create type messaging.message_status as enum ('draft', 'scheduled', 'sent', 'failed');
comment on type messaging.message_status is 'Lifecycle of a message.';
create type messaging.recipient_type as enum ('student', 'guardian', 'staff', 'user');
comment on type messaging.recipient_type is 'What kind of recipient a message went to.';
create type messaging.delivery_status as enum ('pending', 'sent', 'delivered', 'read', 'failed');
comment on type messaging.delivery_status is 'Delivery of a message to one recipient.';

create table messaging.messages (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  subject text,
  body text,
  channel messaging.message_channel,
  audience messaging.message_audience,
  sent_at timestamptz,
  status messaging.message_status,
  campus_id uuid,
  sent_by uuid,
  import_hash text,
  created_by uuid,
  updated_by uuid,
  deleted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint messages_tenant_id_id_key unique (tenant_id, id),
  constraint messages_tenant_id_import_hash_key unique (tenant_id, import_hash),
  constraint messages_import_hash_not_blank check (char_length(btrim(import_hash)) > 0),
  constraint messages_campus_fkey foreign key (tenant_id, campus_id)
    references campus.campuses (tenant_id, id) on delete set null (campus_id),
  constraint messages_sent_by_fkey foreign key (tenant_id, sent_by)
    references platform.users (tenant_id, id) on delete set null (sent_by),
  constraint messages_created_by_fkey foreign key (tenant_id, created_by)
    references platform.users (tenant_id, id) on delete set null (created_by),
  constraint messages_updated_by_fkey foreign key (tenant_id, updated_by)
    references platform.users (tenant_id, id) on delete set null (updated_by)
);
create index messages_campus_idx on messaging.messages (tenant_id, campus_id);
create index messages_sent_by_idx on messaging.messages (tenant_id, sent_by);
create index messages_created_by_idx on messaging.messages (tenant_id, created_by);
create index messages_updated_by_idx on messaging.messages (tenant_id, updated_by);
alter table messaging.messages enable row level security;
alter table messaging.messages force row level security;
create trigger _100_set_updated_at before update on messaging.messages
  for each row execute function nexus.tg__set_updated_at();
create trigger _200_set_authorship before insert or update on messaging.messages
  for each row execute function nexus.tg__set_authorship();
create trigger _300_guard_archive before update of deleted_at on messaging.messages
  for each row execute function nexus.tg__guard_archive();
create trigger _500_soft_delete before delete on messaging.messages
  for each row execute function nexus_auth.tg__soft_delete();
comment on table messaging.messages is 'An announcement or message with subject and body, sent on a channel to an audience.';
comment on column messaging.messages.id is 'Unique identifier of the message.';
comment on column messaging.messages.tenant_id is 'The tenant the row belongs to.';
comment on column messaging.messages.subject is 'Subject line.';
comment on column messaging.messages.body is 'Text of the message.';
comment on column messaging.messages.channel is 'How the message is delivered.';
comment on column messaging.messages.audience is 'Whom the message is for.';
comment on column messaging.messages.sent_at is 'When the message was sent.';
comment on column messaging.messages.status is 'Lifecycle of the message.';
comment on column messaging.messages.campus_id is 'The campus the message is about.';
comment on column messaging.messages.sent_by is 'The user who sent the message.';
comment on column messaging.messages.import_hash is 'Identity of the row in imports: importing a row with the same hash again updates it instead of adding a copy. Unique within the tenant.';
comment on column messaging.messages.created_by is 'Who created the row (from the signed-in user, never from input).';
comment on column messaging.messages.updated_by is 'Who last changed the row (from the signed-in user, never from input).';
comment on column messaging.messages.deleted_at is 'When the row was archived (deleted); archived rows are hidden. Set it back to null to restore (needs RESTORE_MESSAGES).';
comment on column messaging.messages.created_at is 'When the row was created.';
comment on column messaging.messages.updated_at is 'When the row was last changed.';
comment on constraint messages_sent_by_fkey on messaging.messages is E'@fieldName sender\n@foreignFieldName messagesSent';
comment on constraint messages_created_by_fkey on messaging.messages is E'@fieldName creator\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint messages_updated_by_fkey on messaging.messages is E'@fieldName updater\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint messages_tenant_id_import_hash_key on messaging.messages is E'@behavior -single -update -delete';

create table messaging.message_recipients (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  recipient_type messaging.recipient_type,
  recipient_label text,
  destination text,
  delivery_status messaging.delivery_status,
  delivered_at timestamptz,
  read_at timestamptz,
  message_id uuid,
  import_hash text,
  created_by uuid,
  updated_by uuid,
  deleted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint message_recipients_tenant_id_id_key unique (tenant_id, id),
  constraint message_recipients_tenant_id_import_hash_key unique (tenant_id, import_hash),
  constraint message_recipients_import_hash_not_blank check (char_length(btrim(import_hash)) > 0),
  constraint message_recipients_message_fkey foreign key (tenant_id, message_id)
    references messaging.messages (tenant_id, id) on delete set null (message_id),
  constraint message_recipients_created_by_fkey foreign key (tenant_id, created_by)
    references platform.users (tenant_id, id) on delete set null (created_by),
  constraint message_recipients_updated_by_fkey foreign key (tenant_id, updated_by)
    references platform.users (tenant_id, id) on delete set null (updated_by)
);
create index message_recipients_message_idx on messaging.message_recipients (tenant_id, message_id);
create index message_recipients_created_by_idx on messaging.message_recipients (tenant_id, created_by);
create index message_recipients_updated_by_idx on messaging.message_recipients (tenant_id, updated_by);
alter table messaging.message_recipients enable row level security;
alter table messaging.message_recipients force row level security;
create trigger _100_set_updated_at before update on messaging.message_recipients
  for each row execute function nexus.tg__set_updated_at();
create trigger _200_set_authorship before insert or update on messaging.message_recipients
  for each row execute function nexus.tg__set_authorship();
create trigger _300_guard_archive before update of deleted_at on messaging.message_recipients
  for each row execute function nexus.tg__guard_archive();
create trigger _500_soft_delete before delete on messaging.message_recipients
  for each row execute function nexus_auth.tg__soft_delete();
comment on table messaging.message_recipients is 'Delivery and reading of a message by one recipient.';
comment on column messaging.message_recipients.id is 'Unique identifier of the message recipient.';
comment on column messaging.message_recipients.tenant_id is 'The tenant the row belongs to.';
comment on column messaging.message_recipients.recipient_type is 'What kind of recipient this is.';
comment on column messaging.message_recipients.recipient_label is 'Name of the recipient, as shown.';
comment on column messaging.message_recipients.destination is 'Where the message was delivered (address, number or user).';
comment on column messaging.message_recipients.delivery_status is 'Delivery state.';
comment on column messaging.message_recipients.delivered_at is 'When the message was delivered.';
comment on column messaging.message_recipients.read_at is 'When the recipient read the message.';
comment on column messaging.message_recipients.message_id is 'The message.';
comment on column messaging.message_recipients.import_hash is 'Identity of the row in imports: importing a row with the same hash again updates it instead of adding a copy. Unique within the tenant.';
comment on column messaging.message_recipients.created_by is 'Who created the row (from the signed-in user, never from input).';
comment on column messaging.message_recipients.updated_by is 'Who last changed the row (from the signed-in user, never from input).';
comment on column messaging.message_recipients.deleted_at is 'When the row was archived (deleted); archived rows are hidden. Set it back to null to restore (needs RESTORE_MESSAGE_RECIPIENTS).';
comment on column messaging.message_recipients.created_at is 'When the row was created.';
comment on column messaging.message_recipients.updated_at is 'When the row was last changed.';
comment on constraint message_recipients_created_by_fkey on messaging.message_recipients is E'@fieldName creator\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint message_recipients_updated_by_fkey on messaging.message_recipients is E'@fieldName updater\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint message_recipients_tenant_id_import_hash_key on messaging.message_recipients is E'@behavior -single -update -delete';

create table messaging.communication_events (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  title text not null,
  event_date date not null,
  event_type text not null,
  roles jsonb not null default '[]'::jsonb,
  campus_id uuid,
  import_hash text,
  created_by uuid,
  updated_by uuid,
  deleted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint communication_events_tenant_id_id_key unique (tenant_id, id),
  constraint communication_events_tenant_id_import_hash_key unique (tenant_id, import_hash),
  constraint communication_events_import_hash_not_blank check (char_length(btrim(import_hash)) > 0),
  constraint communication_events_campus_fkey foreign key (tenant_id, campus_id)
    references campus.campuses (tenant_id, id) on delete set null (campus_id),
  constraint communication_events_created_by_fkey foreign key (tenant_id, created_by)
    references platform.users (tenant_id, id) on delete set null (created_by),
  constraint communication_events_updated_by_fkey foreign key (tenant_id, updated_by)
    references platform.users (tenant_id, id) on delete set null (updated_by),
  constraint communication_events_title_not_blank check (char_length(btrim(title)) > 0),
  constraint communication_events_roles_array check (jsonb_typeof(roles) = 'array')
);
create index communication_events_campus_idx on messaging.communication_events (tenant_id, campus_id);
create index communication_events_created_by_idx on messaging.communication_events (tenant_id, created_by);
create index communication_events_updated_by_idx on messaging.communication_events (tenant_id, updated_by);
alter table messaging.communication_events enable row level security;
alter table messaging.communication_events force row level security;
create trigger _100_set_updated_at before update on messaging.communication_events
  for each row execute function nexus.tg__set_updated_at();
create trigger _200_set_authorship before insert or update on messaging.communication_events
  for each row execute function nexus.tg__set_authorship();
create trigger _300_guard_archive before update of deleted_at on messaging.communication_events
  for each row execute function nexus.tg__guard_archive();
create trigger _500_soft_delete before delete on messaging.communication_events
  for each row execute function nexus_auth.tg__soft_delete();
comment on table messaging.communication_events is 'A dated event communicated to the school community (meeting, drill, deadline, …).';
comment on column messaging.communication_events.id is 'Unique identifier of the communication event.';
comment on column messaging.communication_events.tenant_id is 'The tenant the row belongs to.';
comment on column messaging.communication_events.title is 'Title of the event.';
comment on column messaging.communication_events.event_date is 'Day of the event.';
comment on column messaging.communication_events.event_type is 'Kind of event (meeting, drill, event, deadline, …).';
comment on column messaging.communication_events.roles is 'Roles the event concerns, as a JSON array of names.';
comment on column messaging.communication_events.campus_id is 'The campus.';
comment on column messaging.communication_events.import_hash is 'Identity of the row in imports: importing a row with the same hash again updates it instead of adding a copy. Unique within the tenant.';
comment on column messaging.communication_events.created_by is 'Who created the row (from the signed-in user, never from input).';
comment on column messaging.communication_events.updated_by is 'Who last changed the row (from the signed-in user, never from input).';
comment on column messaging.communication_events.deleted_at is 'When the row was archived (deleted); archived rows are hidden. Set it back to null to restore (needs RESTORE_COMMUNICATION_EVENTS).';
comment on column messaging.communication_events.created_at is 'When the row was created.';
comment on column messaging.communication_events.updated_at is 'When the row was last changed.';
comment on constraint communication_events_created_by_fkey on messaging.communication_events is E'@fieldName creator\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint communication_events_updated_by_fkey on messaging.communication_events is E'@fieldName updater\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint communication_events_tenant_id_import_hash_key on messaging.communication_events is E'@behavior -single -update -delete';

/* ========================================================================
 * content: what the school's product modules store. content_catalog is
 * shared by every tenant; the rest belongs to a tenant and usually a campus.
 */
create schema content;
comment on schema content is 'School operations: the global content catalog, documents, files and the product modules'' records (frames, progress, quizzes, walkthroughs).';
grant usage on schema content to nexus_auth;

create type content.document_entity_type as enum ('student', 'staff', 'campus', 'invoice', 'payment', 'other');
comment on type content.document_entity_type is 'What kind of record a document belongs to.';
create type content.document_category as enum ('enrollment', 'medical', 'identity', 'academic', 'financial', 'policy', 'other');
comment on type content.document_category is 'Category of a document.';

create table content.documents (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  entity_type content.document_entity_type,
  entity_reference text,
  name text,
  category content.document_category,
  uploaded_at timestamptz,
  notes text,
  campus_id uuid,
  import_hash text,
  created_by uuid,
  updated_by uuid,
  deleted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint documents_tenant_id_id_key unique (tenant_id, id),
  constraint documents_tenant_id_import_hash_key unique (tenant_id, import_hash),
  constraint documents_import_hash_not_blank check (char_length(btrim(import_hash)) > 0),
  constraint documents_campus_fkey foreign key (tenant_id, campus_id)
    references campus.campuses (tenant_id, id) on delete set null (campus_id),
  constraint documents_created_by_fkey foreign key (tenant_id, created_by)
    references platform.users (tenant_id, id) on delete set null (created_by),
  constraint documents_updated_by_fkey foreign key (tenant_id, updated_by)
    references platform.users (tenant_id, id) on delete set null (updated_by)
);
create index documents_campus_idx on content.documents (tenant_id, campus_id);
create index documents_created_by_idx on content.documents (tenant_id, created_by);
create index documents_updated_by_idx on content.documents (tenant_id, updated_by);
alter table content.documents enable row level security;
alter table content.documents force row level security;
create trigger _100_set_updated_at before update on content.documents
  for each row execute function nexus.tg__set_updated_at();
create trigger _200_set_authorship before insert or update on content.documents
  for each row execute function nexus.tg__set_authorship();
create trigger _300_guard_archive before update of deleted_at on content.documents
  for each row execute function nexus.tg__guard_archive();
create trigger _500_soft_delete before delete on content.documents
  for each row execute function nexus_auth.tg__soft_delete();
comment on table content.documents is 'A document about a record of the school (a student, staff member, invoice, …), with its file.';
comment on column content.documents.id is 'Unique identifier of the document.';
comment on column content.documents.tenant_id is 'The tenant the row belongs to.';
comment on column content.documents.entity_type is 'What kind of record the document belongs to.';
comment on column content.documents.entity_reference is 'Identifier of that record.';
comment on column content.documents.name is 'Name of the document.';
comment on column content.documents.category is 'Category of the document.';
comment on column content.documents.uploaded_at is 'When the document was uploaded.';
comment on column content.documents.notes is 'Notes.';
comment on column content.documents.campus_id is 'The campus.';
comment on column content.documents.import_hash is 'Identity of the row in imports: importing a row with the same hash again updates it instead of adding a copy. Unique within the tenant.';
comment on column content.documents.created_by is 'Who created the row (from the signed-in user, never from input).';
comment on column content.documents.updated_by is 'Who last changed the row (from the signed-in user, never from input).';
comment on column content.documents.deleted_at is 'When the row was archived (deleted); archived rows are hidden. Set it back to null to restore (needs RESTORE_DOCUMENTS).';
comment on column content.documents.created_at is 'When the row was created.';
comment on column content.documents.updated_at is 'When the row was last changed.';
comment on constraint documents_created_by_fkey on content.documents is E'@fieldName creator\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint documents_updated_by_fkey on content.documents is E'@fieldName updater\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint documents_tenant_id_import_hash_key on content.documents is E'@behavior -single -update -delete';

create table content.frame_entries (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  week_of text not null,
  posted_date text not null,
  formal text not null,
  recognition text not null,
  application text not null,
  management text not null,
  emotional text not null,
  author text not null,
  campus_id uuid,
  import_hash text,
  created_by uuid,
  updated_by uuid,
  deleted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint frame_entries_tenant_id_id_key unique (tenant_id, id),
  constraint frame_entries_tenant_id_import_hash_key unique (tenant_id, import_hash),
  constraint frame_entries_import_hash_not_blank check (char_length(btrim(import_hash)) > 0),
  constraint frame_entries_campus_fkey foreign key (tenant_id, campus_id)
    references campus.campuses (tenant_id, id) on delete set null (campus_id),
  constraint frame_entries_created_by_fkey foreign key (tenant_id, created_by)
    references platform.users (tenant_id, id) on delete set null (created_by),
  constraint frame_entries_updated_by_fkey foreign key (tenant_id, updated_by)
    references platform.users (tenant_id, id) on delete set null (updated_by)
);
create index frame_entries_campus_idx on content.frame_entries (tenant_id, campus_id);
create index frame_entries_created_by_idx on content.frame_entries (tenant_id, created_by);
create index frame_entries_updated_by_idx on content.frame_entries (tenant_id, updated_by);
alter table content.frame_entries enable row level security;
alter table content.frame_entries force row level security;
create trigger _100_set_updated_at before update on content.frame_entries
  for each row execute function nexus.tg__set_updated_at();
create trigger _200_set_authorship before insert or update on content.frame_entries
  for each row execute function nexus.tg__set_authorship();
create trigger _300_guard_archive before update of deleted_at on content.frame_entries
  for each row execute function nexus.tg__guard_archive();
create trigger _500_soft_delete before delete on content.frame_entries
  for each row execute function nexus_auth.tg__soft_delete();
comment on table content.frame_entries is 'A weekly frame entry of the product''s frame module.';
comment on column content.frame_entries.id is 'Unique identifier of the frame entry.';
comment on column content.frame_entries.tenant_id is 'The tenant the row belongs to.';
comment on column content.frame_entries.week_of is 'The week the entry is for.';
comment on column content.frame_entries.posted_date is 'When the entry was posted, as shown.';
comment on column content.frame_entries.formal is 'Formal part.';
comment on column content.frame_entries.recognition is 'Recognition part.';
comment on column content.frame_entries.application is 'Application part.';
comment on column content.frame_entries.management is 'Management part.';
comment on column content.frame_entries.emotional is 'Emotional part.';
comment on column content.frame_entries.author is 'Author, as shown.';
comment on column content.frame_entries.campus_id is 'The campus.';
comment on column content.frame_entries.import_hash is 'Identity of the row in imports: importing a row with the same hash again updates it instead of adding a copy. Unique within the tenant.';
comment on column content.frame_entries.created_by is 'Who created the row (from the signed-in user, never from input).';
comment on column content.frame_entries.updated_by is 'Who last changed the row (from the signed-in user, never from input).';
comment on column content.frame_entries.deleted_at is 'When the row was archived (deleted); archived rows are hidden. Set it back to null to restore (needs RESTORE_FRAME_ENTRIES).';
comment on column content.frame_entries.created_at is 'When the row was created.';
comment on column content.frame_entries.updated_at is 'When the row was last changed.';
comment on constraint frame_entries_created_by_fkey on content.frame_entries is E'@fieldName creator\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint frame_entries_updated_by_fkey on content.frame_entries is E'@fieldName updater\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint frame_entries_tenant_id_import_hash_key on content.frame_entries is E'@behavior -single -update -delete';

create table content.user_progress (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  progress_type text not null,
  item_id text not null,
  value text,
  score integer,
  metadata jsonb,
  campus_id uuid,
  user_id uuid,
  import_hash text,
  created_by uuid,
  updated_by uuid,
  deleted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint user_progress_tenant_id_id_key unique (tenant_id, id),
  constraint user_progress_tenant_id_import_hash_key unique (tenant_id, import_hash),
  constraint user_progress_import_hash_not_blank check (char_length(btrim(import_hash)) > 0),
  constraint user_progress_campus_fkey foreign key (tenant_id, campus_id)
    references campus.campuses (tenant_id, id) on delete set null (campus_id),
  constraint user_progress_user_fkey foreign key (tenant_id, user_id)
    references platform.users (tenant_id, id) on delete set null (user_id),
  constraint user_progress_created_by_fkey foreign key (tenant_id, created_by)
    references platform.users (tenant_id, id) on delete set null (created_by),
  constraint user_progress_updated_by_fkey foreign key (tenant_id, updated_by)
    references platform.users (tenant_id, id) on delete set null (updated_by)
);
create index user_progress_campus_idx on content.user_progress (tenant_id, campus_id);
create index user_progress_user_idx on content.user_progress (tenant_id, user_id);
create index user_progress_created_by_idx on content.user_progress (tenant_id, created_by);
create index user_progress_updated_by_idx on content.user_progress (tenant_id, updated_by);
alter table content.user_progress enable row level security;
alter table content.user_progress force row level security;
create trigger _100_set_updated_at before update on content.user_progress
  for each row execute function nexus.tg__set_updated_at();
create trigger _200_set_authorship before insert or update on content.user_progress
  for each row execute function nexus.tg__set_authorship();
create trigger _300_guard_archive before update of deleted_at on content.user_progress
  for each row execute function nexus.tg__guard_archive();
create trigger _500_soft_delete before delete on content.user_progress
  for each row execute function nexus_auth.tg__soft_delete();
comment on table content.user_progress is 'A user''s progress in a product module (sign learning, zone check-ins, …).';
comment on column content.user_progress.id is 'Unique identifier of the user progress.';
comment on column content.user_progress.tenant_id is 'The tenant the row belongs to.';
comment on column content.user_progress.progress_type is 'Module or kind of progress.';
comment on column content.user_progress.item_id is 'Item the progress is on.';
comment on column content.user_progress.value is 'Value recorded.';
comment on column content.user_progress.score is 'Score reached.';
comment on column content.user_progress.metadata is 'Further details, as JSON.';
comment on column content.user_progress.campus_id is 'The campus.';
comment on column content.user_progress.user_id is 'The user.';
comment on column content.user_progress.import_hash is 'Identity of the row in imports: importing a row with the same hash again updates it instead of adding a copy. Unique within the tenant.';
comment on column content.user_progress.created_by is 'Who created the row (from the signed-in user, never from input).';
comment on column content.user_progress.updated_by is 'Who last changed the row (from the signed-in user, never from input).';
comment on column content.user_progress.deleted_at is 'When the row was archived (deleted); archived rows are hidden. Set it back to null to restore (needs RESTORE_USER_PROGRESS).';
comment on column content.user_progress.created_at is 'When the row was created.';
comment on column content.user_progress.updated_at is 'When the row was last changed.';
comment on constraint user_progress_created_by_fkey on content.user_progress is E'@fieldName creator\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint user_progress_updated_by_fkey on content.user_progress is E'@fieldName updater\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint user_progress_tenant_id_import_hash_key on content.user_progress is E'@behavior -single -update -delete';

create table content.safety_quiz_results (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  quiz_id text not null,
  quiz_title text not null,
  week_of text not null,
  score integer not null,
  total_questions integer not null,
  answers jsonb not null,
  user_name text not null,
  user_role text not null,
  completed_at timestamptz not null,
  campus_id uuid,
  user_id uuid,
  import_hash text,
  created_by uuid,
  updated_by uuid,
  deleted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint safety_quiz_results_tenant_id_id_key unique (tenant_id, id),
  constraint safety_quiz_results_tenant_id_import_hash_key unique (tenant_id, import_hash),
  constraint safety_quiz_results_import_hash_not_blank check (char_length(btrim(import_hash)) > 0),
  constraint safety_quiz_results_campus_fkey foreign key (tenant_id, campus_id)
    references campus.campuses (tenant_id, id) on delete set null (campus_id),
  constraint safety_quiz_results_user_fkey foreign key (tenant_id, user_id)
    references platform.users (tenant_id, id) on delete set null (user_id),
  constraint safety_quiz_results_created_by_fkey foreign key (tenant_id, created_by)
    references platform.users (tenant_id, id) on delete set null (created_by),
  constraint safety_quiz_results_updated_by_fkey foreign key (tenant_id, updated_by)
    references platform.users (tenant_id, id) on delete set null (updated_by),
  constraint safety_quiz_results_score_range check (total_questions > 0 and score between 0 and total_questions)
);
create index safety_quiz_results_campus_idx on content.safety_quiz_results (tenant_id, campus_id);
create index safety_quiz_results_user_idx on content.safety_quiz_results (tenant_id, user_id);
create index safety_quiz_results_created_by_idx on content.safety_quiz_results (tenant_id, created_by);
create index safety_quiz_results_updated_by_idx on content.safety_quiz_results (tenant_id, updated_by);
alter table content.safety_quiz_results enable row level security;
alter table content.safety_quiz_results force row level security;
create trigger _100_set_updated_at before update on content.safety_quiz_results
  for each row execute function nexus.tg__set_updated_at();
create trigger _200_set_authorship before insert or update on content.safety_quiz_results
  for each row execute function nexus.tg__set_authorship();
create trigger _300_guard_archive before update of deleted_at on content.safety_quiz_results
  for each row execute function nexus.tg__guard_archive();
create trigger _500_soft_delete before delete on content.safety_quiz_results
  for each row execute function nexus_auth.tg__soft_delete();
comment on table content.safety_quiz_results is 'A user''s result in a weekly safety quiz.';
comment on column content.safety_quiz_results.id is 'Unique identifier of the safety quiz result.';
comment on column content.safety_quiz_results.tenant_id is 'The tenant the row belongs to.';
comment on column content.safety_quiz_results.quiz_id is 'Identifier of the quiz.';
comment on column content.safety_quiz_results.quiz_title is 'Title of the quiz.';
comment on column content.safety_quiz_results.week_of is 'The week of the quiz.';
comment on column content.safety_quiz_results.score is 'Correct answers.';
comment on column content.safety_quiz_results.total_questions is 'Questions in the quiz.';
comment on column content.safety_quiz_results.answers is 'The answers given, as JSON.';
comment on column content.safety_quiz_results.user_name is 'Name of the user, as shown.';
comment on column content.safety_quiz_results.user_role is 'Role of the user, as shown.';
comment on column content.safety_quiz_results.completed_at is 'When the quiz was completed.';
comment on column content.safety_quiz_results.campus_id is 'The campus.';
comment on column content.safety_quiz_results.user_id is 'The user.';
comment on column content.safety_quiz_results.import_hash is 'Identity of the row in imports: importing a row with the same hash again updates it instead of adding a copy. Unique within the tenant.';
comment on column content.safety_quiz_results.created_by is 'Who created the row (from the signed-in user, never from input).';
comment on column content.safety_quiz_results.updated_by is 'Who last changed the row (from the signed-in user, never from input).';
comment on column content.safety_quiz_results.deleted_at is 'When the row was archived (deleted); archived rows are hidden. Set it back to null to restore (needs RESTORE_SAFETY_QUIZ_RESULTS).';
comment on column content.safety_quiz_results.created_at is 'When the row was created.';
comment on column content.safety_quiz_results.updated_at is 'When the row was last changed.';
comment on constraint safety_quiz_results_created_by_fkey on content.safety_quiz_results is E'@fieldName creator\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint safety_quiz_results_updated_by_fkey on content.safety_quiz_results is E'@fieldName updater\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint safety_quiz_results_tenant_id_import_hash_key on content.safety_quiz_results is E'@behavior -single -update -delete';

create table content.walkthrough_checkins (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  teacher_name text not null,
  classroom text not null,
  director_name text not null,
  check_in_date date not null,
  check_in_time time not null,
  attitude_rating integer not null,
  attitude_comment text,
  classroom_management_rating integer not null,
  classroom_management_comment text,
  cleanliness_rating integer not null,
  cleanliness_comment text,
  vibes_rating integer not null,
  vibes_comment text,
  team_dynamics_rating integer not null,
  team_dynamics_comment text,
  emergency_exit_rating integer not null,
  emergency_exit_comment text,
  lesson_plan_rating integer not null,
  lesson_plan_comment text,
  overall_notes text,
  campus_id uuid,
  import_hash text,
  created_by uuid,
  updated_by uuid,
  deleted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint walkthrough_checkins_tenant_id_id_key unique (tenant_id, id),
  constraint walkthrough_checkins_tenant_id_import_hash_key unique (tenant_id, import_hash),
  constraint walkthrough_checkins_import_hash_not_blank check (char_length(btrim(import_hash)) > 0),
  constraint walkthrough_checkins_campus_fkey foreign key (tenant_id, campus_id)
    references campus.campuses (tenant_id, id) on delete set null (campus_id),
  constraint walkthrough_checkins_created_by_fkey foreign key (tenant_id, created_by)
    references platform.users (tenant_id, id) on delete set null (created_by),
  constraint walkthrough_checkins_updated_by_fkey foreign key (tenant_id, updated_by)
    references platform.users (tenant_id, id) on delete set null (updated_by),
  constraint walkthrough_checkins_ratings_range check (attitude_rating between 1 and 5 and classroom_management_rating between 1 and 5 and cleanliness_rating between 1 and 5 and vibes_rating between 1 and 5 and team_dynamics_rating between 1 and 5 and emergency_exit_rating between 1 and 5 and lesson_plan_rating between 1 and 5)
);
create index walkthrough_checkins_campus_idx on content.walkthrough_checkins (tenant_id, campus_id);
create index walkthrough_checkins_created_by_idx on content.walkthrough_checkins (tenant_id, created_by);
create index walkthrough_checkins_updated_by_idx on content.walkthrough_checkins (tenant_id, updated_by);
alter table content.walkthrough_checkins enable row level security;
alter table content.walkthrough_checkins force row level security;
create trigger _100_set_updated_at before update on content.walkthrough_checkins
  for each row execute function nexus.tg__set_updated_at();
create trigger _200_set_authorship before insert or update on content.walkthrough_checkins
  for each row execute function nexus.tg__set_authorship();
create trigger _300_guard_archive before update of deleted_at on content.walkthrough_checkins
  for each row execute function nexus.tg__guard_archive();
create trigger _500_soft_delete before delete on content.walkthrough_checkins
  for each row execute function nexus_auth.tg__soft_delete();
comment on table content.walkthrough_checkins is 'A director''s walkthrough check-in of a classroom, rated 1 to 5 on several points.';
comment on column content.walkthrough_checkins.id is 'Unique identifier of the walkthrough checkin.';
comment on column content.walkthrough_checkins.tenant_id is 'The tenant the row belongs to.';
comment on column content.walkthrough_checkins.teacher_name is 'Teacher of the classroom.';
comment on column content.walkthrough_checkins.classroom is 'The classroom.';
comment on column content.walkthrough_checkins.director_name is 'Director who did the walkthrough.';
comment on column content.walkthrough_checkins.check_in_date is 'Day of the check-in.';
comment on column content.walkthrough_checkins.check_in_time is 'Time of the check-in.';
comment on column content.walkthrough_checkins.attitude_rating is 'Attitude, 1 to 5.';
comment on column content.walkthrough_checkins.attitude_comment is 'Comment on attitude.';
comment on column content.walkthrough_checkins.classroom_management_rating is 'Classroom management, 1 to 5.';
comment on column content.walkthrough_checkins.classroom_management_comment is 'Comment on classroom management.';
comment on column content.walkthrough_checkins.cleanliness_rating is 'Cleanliness, 1 to 5.';
comment on column content.walkthrough_checkins.cleanliness_comment is 'Comment on cleanliness.';
comment on column content.walkthrough_checkins.vibes_rating is 'Atmosphere, 1 to 5.';
comment on column content.walkthrough_checkins.vibes_comment is 'Comment on the atmosphere.';
comment on column content.walkthrough_checkins.team_dynamics_rating is 'Team dynamics, 1 to 5.';
comment on column content.walkthrough_checkins.team_dynamics_comment is 'Comment on team dynamics.';
comment on column content.walkthrough_checkins.emergency_exit_rating is 'Emergency exits, 1 to 5.';
comment on column content.walkthrough_checkins.emergency_exit_comment is 'Comment on emergency exits.';
comment on column content.walkthrough_checkins.lesson_plan_rating is 'Lesson plan, 1 to 5.';
comment on column content.walkthrough_checkins.lesson_plan_comment is 'Comment on the lesson plan.';
comment on column content.walkthrough_checkins.overall_notes is 'Overall notes.';
comment on column content.walkthrough_checkins.campus_id is 'The campus.';
comment on column content.walkthrough_checkins.import_hash is 'Identity of the row in imports: importing a row with the same hash again updates it instead of adding a copy. Unique within the tenant.';
comment on column content.walkthrough_checkins.created_by is 'Who created the row (from the signed-in user, never from input).';
comment on column content.walkthrough_checkins.updated_by is 'Who last changed the row (from the signed-in user, never from input).';
comment on column content.walkthrough_checkins.deleted_at is 'When the row was archived (deleted); archived rows are hidden. Set it back to null to restore (needs RESTORE_WALKTHROUGH_CHECKINS).';
comment on column content.walkthrough_checkins.created_at is 'When the row was created.';
comment on column content.walkthrough_checkins.updated_at is 'When the row was last changed.';
comment on constraint walkthrough_checkins_created_by_fkey on content.walkthrough_checkins is E'@fieldName creator\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint walkthrough_checkins_updated_by_fkey on content.walkthrough_checkins is E'@fieldName updater\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint walkthrough_checkins_tenant_id_import_hash_key on content.walkthrough_checkins is E'@behavior -single -update -delete';

create table content.personality_quiz_results (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  personality_type text not null,
  quiz_answers jsonb not null,
  completed_at timestamptz not null,
  campus_id uuid,
  user_id uuid,
  import_hash text,
  created_by uuid,
  updated_by uuid,
  deleted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint personality_quiz_results_tenant_id_id_key unique (tenant_id, id),
  constraint personality_quiz_results_tenant_id_import_hash_key unique (tenant_id, import_hash),
  constraint personality_quiz_results_import_hash_not_blank check (char_length(btrim(import_hash)) > 0),
  constraint personality_quiz_results_campus_fkey foreign key (tenant_id, campus_id)
    references campus.campuses (tenant_id, id) on delete set null (campus_id),
  constraint personality_quiz_results_user_fkey foreign key (tenant_id, user_id)
    references platform.users (tenant_id, id) on delete set null (user_id),
  constraint personality_quiz_results_created_by_fkey foreign key (tenant_id, created_by)
    references platform.users (tenant_id, id) on delete set null (created_by),
  constraint personality_quiz_results_updated_by_fkey foreign key (tenant_id, updated_by)
    references platform.users (tenant_id, id) on delete set null (updated_by)
);
create index personality_quiz_results_campus_idx on content.personality_quiz_results (tenant_id, campus_id);
create index personality_quiz_results_user_idx on content.personality_quiz_results (tenant_id, user_id);
create index personality_quiz_results_created_by_idx on content.personality_quiz_results (tenant_id, created_by);
create index personality_quiz_results_updated_by_idx on content.personality_quiz_results (tenant_id, updated_by);
alter table content.personality_quiz_results enable row level security;
alter table content.personality_quiz_results force row level security;
create trigger _100_set_updated_at before update on content.personality_quiz_results
  for each row execute function nexus.tg__set_updated_at();
create trigger _200_set_authorship before insert or update on content.personality_quiz_results
  for each row execute function nexus.tg__set_authorship();
create trigger _300_guard_archive before update of deleted_at on content.personality_quiz_results
  for each row execute function nexus.tg__guard_archive();
create trigger _500_soft_delete before delete on content.personality_quiz_results
  for each row execute function nexus_auth.tg__soft_delete();
comment on table content.personality_quiz_results is 'A user''s result in the personality quiz.';
comment on column content.personality_quiz_results.id is 'Unique identifier of the personality quiz result.';
comment on column content.personality_quiz_results.tenant_id is 'The tenant the row belongs to.';
comment on column content.personality_quiz_results.personality_type is 'Personality type found.';
comment on column content.personality_quiz_results.quiz_answers is 'The answers given, as JSON.';
comment on column content.personality_quiz_results.completed_at is 'When the quiz was completed.';
comment on column content.personality_quiz_results.campus_id is 'The campus.';
comment on column content.personality_quiz_results.user_id is 'The user.';
comment on column content.personality_quiz_results.import_hash is 'Identity of the row in imports: importing a row with the same hash again updates it instead of adding a copy. Unique within the tenant.';
comment on column content.personality_quiz_results.created_by is 'Who created the row (from the signed-in user, never from input).';
comment on column content.personality_quiz_results.updated_by is 'Who last changed the row (from the signed-in user, never from input).';
comment on column content.personality_quiz_results.deleted_at is 'When the row was archived (deleted); archived rows are hidden. Set it back to null to restore (needs RESTORE_PERSONALITY_QUIZ_RESULTS).';
comment on column content.personality_quiz_results.created_at is 'When the row was created.';
comment on column content.personality_quiz_results.updated_at is 'When the row was last changed.';
comment on constraint personality_quiz_results_created_by_fkey on content.personality_quiz_results is E'@fieldName creator\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint personality_quiz_results_updated_by_fkey on content.personality_quiz_results is E'@fieldName updater\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint personality_quiz_results_tenant_id_import_hash_key on content.personality_quiz_results is E'@behavior -single -update -delete';

create table content.files (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  belongs_to text,
  belongs_to_id uuid,
  belongs_to_column text,
  name text not null,
  size_in_bytes integer,
  private_url text,
  public_url text not null,
  import_hash text,
  created_by uuid,
  updated_by uuid,
  deleted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint files_tenant_id_id_key unique (tenant_id, id),
  constraint files_tenant_id_import_hash_key unique (tenant_id, import_hash),
  constraint files_import_hash_not_blank check (char_length(btrim(import_hash)) > 0),
  constraint files_created_by_fkey foreign key (tenant_id, created_by)
    references platform.users (tenant_id, id) on delete set null (created_by),
  constraint files_updated_by_fkey foreign key (tenant_id, updated_by)
    references platform.users (tenant_id, id) on delete set null (updated_by),
  constraint files_name_not_blank check (char_length(btrim(name)) > 0),
  constraint files_size_nonnegative check (size_in_bytes is null or size_in_bytes >= 0)
);
create index files_created_by_idx on content.files (tenant_id, created_by);
create index files_updated_by_idx on content.files (tenant_id, updated_by);
alter table content.files enable row level security;
alter table content.files force row level security;
create trigger _100_set_updated_at before update on content.files
  for each row execute function nexus.tg__set_updated_at();
create trigger _200_set_authorship before insert or update on content.files
  for each row execute function nexus.tg__set_authorship();
create trigger _300_guard_archive before update of deleted_at on content.files
  for each row execute function nexus.tg__guard_archive();
create trigger _500_soft_delete before delete on content.files
  for each row execute function nexus_auth.tg__soft_delete();
comment on table content.files is 'A stored file (avatar, photo, attachment, proof of payment), attached to any record by table, column and id.';
comment on column content.files.id is 'Unique identifier of the file.';
comment on column content.files.tenant_id is 'The tenant the row belongs to.';
comment on column content.files.belongs_to is 'Table of the record the file is attached to.';
comment on column content.files.belongs_to_id is 'Id of the record the file is attached to (any table, so no foreign key).';
comment on column content.files.belongs_to_column is 'Field of that record the file fills (avatar, photo, attachments, proof).';
comment on column content.files.name is 'File name.';
comment on column content.files.size_in_bytes is 'Size of the file in bytes.';
comment on column content.files.private_url is 'Storage location, for the server only.';
comment on column content.files.public_url is 'URL clients download the file from.';
comment on column content.files.import_hash is 'Identity of the row in imports: importing a row with the same hash again updates it instead of adding a copy. Unique within the tenant.';
comment on column content.files.created_by is 'Who created the row (from the signed-in user, never from input).';
comment on column content.files.updated_by is 'Who last changed the row (from the signed-in user, never from input).';
comment on column content.files.deleted_at is 'When the row was archived (deleted); archived rows are hidden. Set it back to null to restore (needs RESTORE_FILES).';
comment on column content.files.created_at is 'When the row was created.';
comment on column content.files.updated_at is 'When the row was last changed.';
comment on constraint files_created_by_fkey on content.files is E'@fieldName creator\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint files_updated_by_fkey on content.files is E'@fieldName updater\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint files_tenant_id_import_hash_key on content.files is E'@behavior -single -update -delete';

/*
 * The content catalog is global (DATA-MODEL.md): one payload per content
 * type, shared by every tenant, written only by the platform operator. It
 * has no tenant, so no authorship columns either (seed 001 gives it none).
 */
create table content.content_catalog (
  id uuid primary key default gen_random_uuid(),
  content_type text not null,
  payload jsonb not null,
  active boolean not null default true,
  import_hash text,
  deleted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint content_catalog_content_type_key unique (content_type),
  constraint content_catalog_import_hash_key unique (import_hash),
  constraint content_catalog_content_type_not_blank check (char_length(btrim(content_type)) > 0),
  constraint content_catalog_import_hash_not_blank check (char_length(btrim(import_hash)) > 0)
);
alter table content.content_catalog enable row level security;
alter table content.content_catalog force row level security;
create trigger _100_set_updated_at before update on content.content_catalog
  for each row execute function nexus.tg__set_updated_at();
create trigger _500_soft_delete before delete on content.content_catalog
  for each row execute function nexus_auth.tg__soft_delete();
comment on table content.content_catalog is 'Product content shared by every tenant, one payload per content type. Every signed-in user reads it; only the platform operator writes it.';
comment on column content.content_catalog.id is 'Unique identifier of the catalog entry.';
comment on column content.content_catalog.content_type is 'Kind of content, unique.';
comment on column content.content_catalog.payload is 'The content, as JSON.';
comment on column content.content_catalog.active is 'Whether the content is in use.';
comment on column content.content_catalog.import_hash is 'Identity of the entry in imports; unique.';
comment on column content.content_catalog.deleted_at is 'When the entry was archived (deleted); archived entries are hidden. The platform operator restores by setting it back to null.';
comment on column content.content_catalog.created_at is 'When the entry was created.';
comment on column content.content_catalog.updated_at is 'When the entry was last changed.';
comment on constraint content_catalog_import_hash_key on content.content_catalog is E'@behavior -single -update -delete';

/*
 * Bridges to census (DATA-MODEL.md): a student or a staff member may be a
 * census person, and a campus may be a census school. Optional, composite
 * with tenant_id like every other key, and cleared when the person or school
 * goes away.
 */
alter table campus.students
  add column person_id uuid,
  add constraint students_person_fkey foreign key (tenant_id, person_id)
    references census.persons (tenant_id, id) on delete set null (person_id);
create index students_person_idx on campus.students (tenant_id, person_id);
comment on column campus.students.person_id is 'The census person this student is, if recorded.';

alter table campus.staff
  add column person_id uuid,
  add constraint staff_person_fkey foreign key (tenant_id, person_id)
    references census.persons (tenant_id, id) on delete set null (person_id);
create index staff_person_idx on campus.staff (tenant_id, person_id);
comment on column campus.staff.person_id is 'The census person this staff member is, if recorded.';

alter table campus.campuses
  add column school_id uuid,
  add constraint campuses_school_fkey foreign key (tenant_id, school_id)
    references census.schools (tenant_id, id) on delete set null (school_id);
create index campuses_school_idx on campus.campuses (tenant_id, school_id);
comment on column campus.campuses.school_id is 'The census school this campus belongs to, if recorded.';
