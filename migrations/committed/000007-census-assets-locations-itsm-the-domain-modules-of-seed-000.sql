--! Previous: sha1:1d6397dc3e64dfae1bc4e982a84a243a7e7f7378
--! Hash: sha1:6c4c8ec58842f1e8e27f40db4e621ee4136f574e
--! Message: census, assets, locations, itsm: the domain modules of seed 000

/*
 * The domain modules of seed 000, each in its own schema: census (persons,
 * their identities, and Education's schools), locations (a place
 * hierarchy), assets (catalog, inventory, assignment, circulation, repair)
 * and a small ITSM module in public (projects, issues, configuration items).
 * Every table follows DATA-MODEL.md: uuid keys, tenant_id on every row,
 * composite (tenant_id, x_id) foreign keys, seed value lists as enum types.
 */

/* ========================================================================
 * census: who people are. A person is a stable anchor other modules point
 * at; their names live in identities, so a change of name keeps the history
 * and the person's id.
 */
create schema census;
comment on schema census is 'Persons and their identities, and the Education records (schools, years, calendars, enrollments, employments).';

create table census.persons (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  current_identity_id uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint persons_tenant_id_id_key unique (tenant_id, id)
);
alter table census.persons enable row level security;
alter table census.persons force row level security;
create trigger _100_set_updated_at before update on census.persons
  for each row execute function nexus.tg__set_updated_at();
comment on table census.persons is 'A person known to the tenant (student, employee, asset holder). Names are kept in identities.';
comment on column census.persons.id is 'Unique identifier of the person.';
comment on column census.persons.tenant_id is 'The tenant the person belongs to.';
comment on column census.persons.current_identity_id is 'The identity (name) the person goes by now; one of their own identities.';
comment on column census.persons.created_at is 'When the person was recorded.';
comment on column census.persons.updated_at is 'When the person was last changed.';

create table census.identities (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  person_id uuid not null,
  last_name text not null,
  first_name text not null,
  middle_name text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint identities_tenant_id_id_key unique (tenant_id, id),
  -- target of persons_current_identity_fkey: an identity together with its person
  constraint identities_tenant_id_person_id_id_key unique (tenant_id, person_id, id),
  constraint identities_person_fkey foreign key (tenant_id, person_id)
    references census.persons (tenant_id, id) on delete cascade
);
alter table census.identities enable row level security;
alter table census.identities force row level security;
create trigger _100_set_updated_at before update on census.identities
  for each row execute function nexus.tg__set_updated_at();
comment on table census.identities is 'A name a person goes or went by. A person has one or more; persons.current_identity_id marks the current one.';
comment on column census.identities.id is 'Unique identifier of the identity.';
comment on column census.identities.tenant_id is 'The tenant of the person.';
comment on column census.identities.person_id is 'The person this identity belongs to.';
comment on column census.identities.last_name is 'Family name.';
comment on column census.identities.first_name is 'Given name.';
comment on column census.identities.middle_name is 'Middle name(s), if any.';
comment on column census.identities.created_at is 'When the identity was recorded.';
comment on column census.identities.updated_at is 'When the identity was last changed.';
comment on constraint identities_tenant_id_person_id_id_key on census.identities is
  E'@behavior -single -update -delete\nAn identity together with its person: what a person''s current identity refers to.';

/*
 * A person and their current identity refer to each other. The key from
 * person to identity carries the person's own id as well, so the current
 * identity is always one of that person's identities, never someone else's.
 * It is checked at commit, so a person and their first identity can be
 * written in either order in one transaction; deleting the identity clears
 * only current_identity_id.
 */
alter table census.persons
  add constraint persons_current_identity_fkey foreign key (tenant_id, id, current_identity_id)
    references census.identities (tenant_id, person_id, id)
    on delete set null (current_identity_id) deferrable initially deferred;
create index persons_current_identity_idx on census.persons (tenant_id, current_identity_id, id);
comment on constraint persons_current_identity_fkey on census.persons is
  E'@fieldName currentIdentity\n@foreignFieldName currentIdentityOf\nThe identity the person goes by now.';

/*
 * A person with their first name in one call: the person, the identity, and
 * the link between them, in one transaction, as the caller (RLS applies).
 */
create function census.create_person_with_identity(first_name text, last_name text, middle_name text default null)
returns census.persons
  language plpgsql volatile
  set search_path = pg_catalog
as $$
declare
  v_person census.persons;
  v_identity_id uuid;
begin
  insert into census.persons default values returning * into v_person;
  insert into census.identities (person_id, first_name, last_name, middle_name)
  values (v_person.id, create_person_with_identity.first_name, create_person_with_identity.last_name,
          create_person_with_identity.middle_name)
  returning id into v_identity_id;
  update census.persons p set current_identity_id = v_identity_id
  where p.tenant_id = v_person.tenant_id and p.id = v_person.id
  returning * into v_person;
  return v_person;
end;
$$;
comment on function census.create_person_with_identity(text, text, text) is
  E'@resultFieldName person\nCreates a person and their first identity, which becomes the current one.';

/* ------------------------------------------------------------------------
 * Education (seed 000 keeps it in census): schools, the years they run,
 * each school's calendar for a year, and who is enrolled or employed.
 */
create table census.schools (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  name varchar(200) not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint schools_tenant_id_id_key unique (tenant_id, id),
  constraint schools_tenant_id_name_key unique (tenant_id, name)
);
alter table census.schools enable row level security;
alter table census.schools force row level security;
create trigger _100_set_updated_at before update on census.schools
  for each row execute function nexus.tg__set_updated_at();
comment on table census.schools is 'A school of the tenant.';
comment on column census.schools.id is 'Unique identifier of the school.';
comment on column census.schools.tenant_id is 'The tenant the school belongs to.';
comment on column census.schools.name is 'Name of the school, unique within the tenant.';
comment on column census.schools.created_at is 'When the school was recorded.';
comment on column census.schools.updated_at is 'When the school was last changed.';

create table census.school_years (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  name varchar(100) not null,
  start_date date not null,
  end_date date not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint school_years_tenant_id_id_key unique (tenant_id, id),
  constraint school_years_tenant_id_name_key unique (tenant_id, name),
  constraint school_years_dates_ordered check (end_date >= start_date)
);
alter table census.school_years enable row level security;
alter table census.school_years force row level security;
create trigger _100_set_updated_at before update on census.school_years
  for each row execute function nexus.tg__set_updated_at();
comment on table census.school_years is 'A school year of the tenant (e.g. 2026/27), shared by its schools.';
comment on column census.school_years.id is 'Unique identifier of the school year.';
comment on column census.school_years.tenant_id is 'The tenant the school year belongs to.';
comment on column census.school_years.name is 'Name of the year, unique within the tenant.';
comment on column census.school_years.start_date is 'First day of the year.';
comment on column census.school_years.end_date is 'Last day of the year; not before start_date.';
comment on column census.school_years.created_at is 'When the school year was recorded.';
comment on column census.school_years.updated_at is 'When the school year was last changed.';

create table census.school_calendars (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  school_id uuid not null,
  calendar_id uuid not null,
  name varchar(200) not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint school_calendars_tenant_id_id_key unique (tenant_id, id),
  constraint school_calendars_school_fkey foreign key (tenant_id, school_id)
    references census.schools (tenant_id, id) on delete cascade,
  constraint school_calendars_school_year_fkey foreign key (tenant_id, calendar_id)
    references census.school_years (tenant_id, id) on delete restrict
);
create index school_calendars_school_idx on census.school_calendars (tenant_id, school_id);
create index school_calendars_school_year_idx on census.school_calendars (tenant_id, calendar_id);
alter table census.school_calendars enable row level security;
alter table census.school_calendars force row level security;
create trigger _100_set_updated_at before update on census.school_calendars
  for each row execute function nexus.tg__set_updated_at();
comment on table census.school_calendars is 'A school''s calendar for one school year; students enroll in a calendar.';
comment on column census.school_calendars.id is 'Unique identifier of the calendar.';
comment on column census.school_calendars.tenant_id is 'The tenant of the school.';
comment on column census.school_calendars.school_id is 'The school.';
comment on column census.school_calendars.calendar_id is 'The school year this calendar covers (seed 000 names the column calendar_id).';
comment on column census.school_calendars.name is 'Name of the calendar.';
comment on column census.school_calendars.created_at is 'When the calendar was recorded.';
comment on column census.school_calendars.updated_at is 'When the calendar was last changed.';
comment on constraint school_calendars_school_year_fkey on census.school_calendars is
  E'@fieldName schoolYear\n@foreignFieldName schoolCalendars\nThe school year this calendar covers.';

create table census.school_enrollments (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  person_id uuid not null,
  calendar_id uuid not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint school_enrollments_tenant_id_id_key unique (tenant_id, id),
  constraint school_enrollments_person_calendar_key unique (tenant_id, person_id, calendar_id),
  constraint school_enrollments_person_fkey foreign key (tenant_id, person_id)
    references census.persons (tenant_id, id) on delete cascade,
  constraint school_enrollments_calendar_fkey foreign key (tenant_id, calendar_id)
    references census.school_calendars (tenant_id, id) on delete cascade
);
create index school_enrollments_calendar_idx on census.school_enrollments (tenant_id, calendar_id);
comment on constraint school_enrollments_calendar_fkey on census.school_enrollments is E'@foreignFieldName schoolEnrollments\nThe school calendar they are enrolled in.';
alter table census.school_enrollments enable row level security;
alter table census.school_enrollments force row level security;
create trigger _100_set_updated_at before update on census.school_enrollments
  for each row execute function nexus.tg__set_updated_at();
comment on table census.school_enrollments is 'A person enrolled in a school calendar; at most once per calendar.';
comment on column census.school_enrollments.id is 'Unique identifier of the enrollment.';
comment on column census.school_enrollments.tenant_id is 'The tenant of the person and the calendar.';
comment on column census.school_enrollments.person_id is 'The enrolled person.';
comment on column census.school_enrollments.calendar_id is 'The school calendar they are enrolled in.';
comment on column census.school_enrollments.created_at is 'When the enrollment was recorded.';
comment on column census.school_enrollments.updated_at is 'When the enrollment was last changed.';

create table census.school_employments (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  person_id uuid not null,
  start_date date not null,
  end_date date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint school_employments_tenant_id_id_key unique (tenant_id, id),
  constraint school_employments_person_fkey foreign key (tenant_id, person_id)
    references census.persons (tenant_id, id) on delete cascade,
  constraint school_employments_dates_ordered check (end_date is null or end_date >= start_date)
);
create index school_employments_person_idx on census.school_employments (tenant_id, person_id);
alter table census.school_employments enable row level security;
alter table census.school_employments force row level security;
create trigger _100_set_updated_at before update on census.school_employments
  for each row execute function nexus.tg__set_updated_at();
comment on table census.school_employments is 'A person''s employment by the tenant''s schools, from start to (optional) end.';
comment on column census.school_employments.id is 'Unique identifier of the employment.';
comment on column census.school_employments.tenant_id is 'The tenant of the person.';
comment on column census.school_employments.person_id is 'The employed person.';
comment on column census.school_employments.start_date is 'First day of the employment.';
comment on column census.school_employments.end_date is 'Last day, if it has ended; not before start_date.';
comment on column census.school_employments.created_at is 'When the employment was recorded.';
comment on column census.school_employments.updated_at is 'When the employment was last changed.';

create table census.school_employment_assignments (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  person_id uuid not null,
  school_id uuid not null,
  start_date date not null,
  end_date date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint school_employment_assignments_tenant_id_id_key unique (tenant_id, id),
  constraint school_employment_assignments_person_fkey foreign key (tenant_id, person_id)
    references census.persons (tenant_id, id) on delete cascade,
  constraint school_employment_assignments_school_fkey foreign key (tenant_id, school_id)
    references census.schools (tenant_id, id) on delete cascade,
  constraint school_employment_assignments_dates_ordered check (end_date is null or end_date >= start_date)
);
create index school_employment_assignments_person_idx on census.school_employment_assignments (tenant_id, person_id);
create index school_employment_assignments_school_idx on census.school_employment_assignments (tenant_id, school_id);
alter table census.school_employment_assignments enable row level security;
alter table census.school_employment_assignments force row level security;
create trigger _100_set_updated_at before update on census.school_employment_assignments
  for each row execute function nexus.tg__set_updated_at();
comment on table census.school_employment_assignments is 'Where an employed person works: one school, from start to (optional) end.';
comment on column census.school_employment_assignments.id is 'Unique identifier of the assignment.';
comment on column census.school_employment_assignments.tenant_id is 'The tenant of the person and the school.';
comment on column census.school_employment_assignments.person_id is 'The assigned person.';
comment on column census.school_employment_assignments.school_id is 'The school they work at.';
comment on column census.school_employment_assignments.start_date is 'First day at the school.';
comment on column census.school_employment_assignments.end_date is 'Last day, if it has ended; not before start_date.';
comment on column census.school_employment_assignments.created_at is 'When the assignment was recorded.';
comment on column census.school_employment_assignments.updated_at is 'When the assignment was last changed.';

/*
 * Bridge (seed 000 users.person_id): an account may be linked to the person
 * it belongs to. Deleting the person unlinks the account, never deletes it.
 */
alter table platform.users
  add column person_id uuid,
  add constraint users_person_fkey foreign key (tenant_id, person_id)
    references census.persons (tenant_id, id) on delete set null (person_id);
create index users_person_idx on platform.users (tenant_id, person_id);
comment on column platform.users.person_id is 'The person this account belongs to, if linked.';

/* ========================================================================
 * locations: where things are. Places form a tree through parent_id
 * (campus > building > floor > room); each has a tenant-defined type.
 */
create schema locations;
comment on schema locations is 'Places of the tenant as a hierarchy, and their types.';

create table locations.location_types (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  name varchar(100) not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint location_types_tenant_id_id_key unique (tenant_id, id),
  constraint location_types_tenant_id_name_key unique (tenant_id, name)
);
alter table locations.location_types enable row level security;
alter table locations.location_types force row level security;
create trigger _100_set_updated_at before update on locations.location_types
  for each row execute function nexus.tg__set_updated_at();
comment on table locations.location_types is 'A kind of place (building, floor, room), defined by the tenant.';
comment on column locations.location_types.id is 'Unique identifier of the location type.';
comment on column locations.location_types.tenant_id is 'The tenant the type belongs to.';
comment on column locations.location_types.name is 'Name of the type, unique within the tenant.';
comment on column locations.location_types.created_at is 'When the type was created.';
comment on column locations.location_types.updated_at is 'When the type was last changed.';

create table locations.locations (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  parent_id uuid,
  name varchar(200) not null,
  type_id uuid not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint locations_tenant_id_id_key unique (tenant_id, id),
  constraint locations_parent_fkey foreign key (tenant_id, parent_id)
    references locations.locations (tenant_id, id) on delete set null (parent_id),
  constraint locations_type_fkey foreign key (tenant_id, type_id)
    references locations.location_types (tenant_id, id) on delete restrict
);
create index locations_parent_idx on locations.locations (tenant_id, parent_id);
create index locations_type_idx on locations.locations (tenant_id, type_id);
comment on constraint locations_type_fkey on locations.locations is E'@foreignFieldName locations\nWhat kind of place this is.';
alter table locations.locations enable row level security;
alter table locations.locations force row level security;
create trigger _100_set_updated_at before update on locations.locations
  for each row execute function nexus.tg__set_updated_at();
comment on table locations.locations is 'A place: a campus, building, floor, room. Places nest through parent_id; a place is never its own ancestor.';
comment on column locations.locations.id is 'Unique identifier of the location.';
comment on column locations.locations.tenant_id is 'The tenant the location belongs to.';
comment on column locations.locations.parent_id is 'The place this one is inside, if any. Deleting the parent makes this a top-level place.';
comment on column locations.locations.name is 'Name of the place.';
comment on column locations.locations.type_id is 'What kind of place this is.';
comment on column locations.locations.created_at is 'When the location was created.';
comment on column locations.locations.updated_at is 'When the location was last changed.';
comment on constraint locations_parent_fkey on locations.locations is
  E'@fieldName parent\n@foreignFieldName children\nThe place this one is inside.';

/*
 * The tree stays a tree: a new parent may not be the place itself or any
 * place inside it. The walk goes up from the new parent; two concurrent
 * moves in one tenant could each pass alone and close a cycle together, so
 * moves within a tenant are serialized by a transaction-scoped advisory lock.
 */
create function locations.tg_locations__prevent_cycle() returns trigger
  language plpgsql volatile
  set search_path = pg_catalog
as $$
begin
  if new.parent_id is null then
    return new;
  end if;
  perform pg_advisory_xact_lock(hashtext('locations.locations'), hashtext(new.tenant_id::text));
  if new.parent_id = new.id or exists (
    with recursive ancestors (id, parent_id) as (
      select l.id, l.parent_id from locations.locations l
      where l.tenant_id = new.tenant_id and l.id = new.parent_id
      union
      select l.id, l.parent_id from locations.locations l
      join ancestors a on l.tenant_id = new.tenant_id and l.id = a.parent_id
    )
    select 1 from ancestors a where a.id = new.id
  ) then
    raise exception 'a location cannot be inside itself: % would become its own ancestor', new.id
      using errcode = '23514', constraint = 'locations_no_cycle', table = 'locations', schema = 'locations',
            hint = 'Choose a parent that is not the location itself or one of the places inside it.';
  end if;
  return new;
end;
$$;
comment on function locations.tg_locations__prevent_cycle() is 'Trigger: refuses a parent that would make a location its own ancestor (rule locations_no_cycle).';
create trigger _200_prevent_cycle before insert or update of parent_id on locations.locations
  for each row execute function locations.tg_locations__prevent_cycle();

/* ========================================================================
 * assets: what the tenant owns. A catalog (manufacturers, types, models),
 * the inventory of assets, and their history: who or where holds them,
 * how they moved, and their repairs.
 */
create schema assets;
comment on schema assets is 'Asset catalog, inventory, assignment, circulation and repair records.';

create type assets.asset_tracking_type as enum ('serialized', 'countable');
comment on type assets.asset_tracking_type is 'How assets of a model are tracked: one by one (serialized) or by quantity (countable).';
create type assets.asset_circulation_type as enum (
  'issued_to_person', 'returned_from_person', 'moved_to_location', 'received_at_location', 'location_confirmation'
);
comment on type assets.asset_circulation_type is 'What happened to an asset in a circulation event.';
create type assets.asset_repair_status as enum ('open', 'in_progress', 'resolved', 'cancelled');
comment on type assets.asset_repair_status is 'Where a repair stands.';
create type assets.asset_repair_priority as enum ('low', 'normal', 'high', 'critical');
comment on type assets.asset_repair_priority is 'How urgent a repair is.';

create table assets.asset_manufacturers (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  name varchar(200) not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint asset_manufacturers_tenant_id_id_key unique (tenant_id, id),
  constraint asset_manufacturers_tenant_id_name_key unique (tenant_id, name)
);
alter table assets.asset_manufacturers enable row level security;
alter table assets.asset_manufacturers force row level security;
create trigger _100_set_updated_at before update on assets.asset_manufacturers
  for each row execute function nexus.tg__set_updated_at();
comment on table assets.asset_manufacturers is 'A maker of asset models.';
comment on column assets.asset_manufacturers.id is 'Unique identifier of the manufacturer.';
comment on column assets.asset_manufacturers.tenant_id is 'The tenant the manufacturer belongs to.';
comment on column assets.asset_manufacturers.name is 'Name of the manufacturer, unique within the tenant.';
comment on column assets.asset_manufacturers.created_at is 'When the manufacturer was created.';
comment on column assets.asset_manufacturers.updated_at is 'When the manufacturer was last changed.';

create table assets.asset_types (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  name varchar(100) not null,
  end_of_support_label varchar(100),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint asset_types_tenant_id_id_key unique (tenant_id, id),
  constraint asset_types_tenant_id_name_key unique (tenant_id, name)
);
alter table assets.asset_types enable row level security;
alter table assets.asset_types force row level security;
create trigger _100_set_updated_at before update on assets.asset_types
  for each row execute function nexus.tg__set_updated_at();
comment on table assets.asset_types is 'A kind of asset (laptop, projector, chair).';
comment on column assets.asset_types.id is 'Unique identifier of the asset type.';
comment on column assets.asset_types.tenant_id is 'The tenant the type belongs to.';
comment on column assets.asset_types.name is 'Name of the type, unique within the tenant.';
comment on column assets.asset_types.end_of_support_label is 'What end of support is called for this type (e.g. "End of warranty").';
comment on column assets.asset_types.created_at is 'When the type was created.';
comment on column assets.asset_types.updated_at is 'When the type was last changed.';

create table assets.asset_models (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  name text not null,
  tracking_type assets.asset_tracking_type not null default 'serialized',
  manufacturer_id uuid not null,
  end_of_support date,
  asset_type_id uuid not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint asset_models_tenant_id_id_key unique (tenant_id, id),
  constraint asset_models_manufacturer_fkey foreign key (tenant_id, manufacturer_id)
    references assets.asset_manufacturers (tenant_id, id) on delete restrict,
  constraint asset_models_asset_type_fkey foreign key (tenant_id, asset_type_id)
    references assets.asset_types (tenant_id, id) on delete restrict
);
create index asset_models_manufacturer_idx on assets.asset_models (tenant_id, manufacturer_id);
create index asset_models_asset_type_idx on assets.asset_models (tenant_id, asset_type_id);
comment on constraint asset_models_manufacturer_fkey on assets.asset_models is E'@foreignFieldName assetModels\nWho makes the model.';
alter table assets.asset_models enable row level security;
alter table assets.asset_models force row level security;
create trigger _100_set_updated_at before update on assets.asset_models
  for each row execute function nexus.tg__set_updated_at();
comment on table assets.asset_models is 'A product model of a manufacturer; assets are instances of a model.';
comment on column assets.asset_models.id is 'Unique identifier of the model.';
comment on column assets.asset_models.tenant_id is 'The tenant the model belongs to.';
comment on column assets.asset_models.name is 'Name of the model.';
comment on column assets.asset_models.tracking_type is 'Whether assets of this model are tracked one by one or by quantity.';
comment on column assets.asset_models.manufacturer_id is 'Who makes the model.';
comment on column assets.asset_models.end_of_support is 'When the manufacturer stops supporting the model.';
comment on column assets.asset_models.asset_type_id is 'What kind of asset the model is.';
comment on column assets.asset_models.created_at is 'When the model was created.';
comment on column assets.asset_models.updated_at is 'When the model was last changed.';

create table assets.assets (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  name text not null,
  serial_number text,
  model_id uuid not null,
  quantity integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint assets_tenant_id_id_key unique (tenant_id, id),
  constraint assets_tenant_id_serial_number_key unique (tenant_id, serial_number),
  constraint assets_model_fkey foreign key (tenant_id, model_id)
    references assets.asset_models (tenant_id, id) on delete restrict,
  constraint assets_quantity_positive check (quantity > 0)
);
create index assets_model_idx on assets.assets (tenant_id, model_id);
comment on constraint assets_model_fkey on assets.assets is E'@foreignFieldName assets\nThe model this asset is.';
alter table assets.assets enable row level security;
alter table assets.assets force row level security;
create trigger _100_set_updated_at before update on assets.assets
  for each row execute function nexus.tg__set_updated_at();
comment on table assets.assets is 'An asset of the tenant: one serialized item, or a quantity of a countable model.';
comment on column assets.assets.id is 'Unique identifier of the asset.';
comment on column assets.assets.tenant_id is 'The tenant that owns the asset.';
comment on column assets.assets.name is 'Name or label of the asset.';
comment on column assets.assets.serial_number is 'Serial number, unique within the tenant when given.';
comment on column assets.assets.model_id is 'The model this asset is.';
comment on column assets.assets.quantity is 'How many items this record stands for; greater than zero.';
comment on column assets.assets.created_at is 'When the asset was recorded.';
comment on column assets.assets.updated_at is 'When the asset was last changed.';

create table assets.asset_assignments (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  asset_id uuid not null,
  person_id uuid,
  location_id uuid,
  start_date date not null,
  end_date date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint asset_assignments_tenant_id_id_key unique (tenant_id, id),
  constraint asset_assignments_asset_fkey foreign key (tenant_id, asset_id)
    references assets.assets (tenant_id, id) on delete cascade,
  constraint asset_assignments_person_fkey foreign key (tenant_id, person_id)
    references census.persons (tenant_id, id) on delete restrict,
  constraint asset_assignments_location_fkey foreign key (tenant_id, location_id)
    references locations.locations (tenant_id, id) on delete restrict,
  constraint asset_assignments_person_or_location check (num_nonnulls(person_id, location_id) = 1),
  constraint asset_assignments_dates_ordered check (end_date is null or end_date >= start_date)
);
create index asset_assignments_asset_idx on assets.asset_assignments (tenant_id, asset_id);
create index asset_assignments_person_idx on assets.asset_assignments (tenant_id, person_id);
create index asset_assignments_location_idx on assets.asset_assignments (tenant_id, location_id);
alter table assets.asset_assignments enable row level security;
alter table assets.asset_assignments force row level security;
create trigger _100_set_updated_at before update on assets.asset_assignments
  for each row execute function nexus.tg__set_updated_at();
comment on table assets.asset_assignments is 'Who or where holds an asset, from start to (optional) end: exactly one of a person or a location.';
comment on column assets.asset_assignments.id is 'Unique identifier of the assignment.';
comment on column assets.asset_assignments.tenant_id is 'The tenant of the asset.';
comment on column assets.asset_assignments.asset_id is 'The assigned asset.';
comment on column assets.asset_assignments.person_id is 'The person holding the asset (or a location, never both).';
comment on column assets.asset_assignments.location_id is 'The place the asset belongs to (or a person, never both).';
comment on column assets.asset_assignments.start_date is 'First day of the assignment.';
comment on column assets.asset_assignments.end_date is 'Last day, if it has ended; not before start_date.';
comment on column assets.asset_assignments.created_at is 'When the assignment was recorded.';
comment on column assets.asset_assignments.updated_at is 'When the assignment was last changed.';

create table assets.asset_circulations (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  asset_id uuid not null,
  circulation_type assets.asset_circulation_type not null,
  person_id uuid,
  location_id uuid,
  occurred_at timestamptz not null default now(),
  notes text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint asset_circulations_tenant_id_id_key unique (tenant_id, id),
  constraint asset_circulations_asset_fkey foreign key (tenant_id, asset_id)
    references assets.assets (tenant_id, id) on delete cascade,
  constraint asset_circulations_person_fkey foreign key (tenant_id, person_id)
    references census.persons (tenant_id, id) on delete restrict,
  constraint asset_circulations_location_fkey foreign key (tenant_id, location_id)
    references locations.locations (tenant_id, id) on delete restrict
);
create index asset_circulations_asset_idx on assets.asset_circulations (tenant_id, asset_id);
create index asset_circulations_person_idx on assets.asset_circulations (tenant_id, person_id);
create index asset_circulations_location_idx on assets.asset_circulations (tenant_id, location_id);
alter table assets.asset_circulations enable row level security;
alter table assets.asset_circulations force row level security;
create trigger _100_set_updated_at before update on assets.asset_circulations
  for each row execute function nexus.tg__set_updated_at();
comment on table assets.asset_circulations is 'An event in an asset''s movement: issued to or returned from a person, moved to or received at a place.';
comment on column assets.asset_circulations.id is 'Unique identifier of the event.';
comment on column assets.asset_circulations.tenant_id is 'The tenant of the asset.';
comment on column assets.asset_circulations.asset_id is 'The asset that moved.';
comment on column assets.asset_circulations.circulation_type is 'What happened.';
comment on column assets.asset_circulations.person_id is 'The person involved, if any.';
comment on column assets.asset_circulations.location_id is 'The place involved, if any.';
comment on column assets.asset_circulations.occurred_at is 'When it happened.';
comment on column assets.asset_circulations.notes is 'Free-text notes.';
comment on column assets.asset_circulations.created_at is 'When the event was recorded.';
comment on column assets.asset_circulations.updated_at is 'When the event was last changed.';

create table assets.asset_repairs (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  asset_id uuid not null,
  title text not null,
  description text,
  location_id uuid,
  status assets.asset_repair_status not null default 'open',
  priority assets.asset_repair_priority not null default 'normal',
  reported_at timestamptz not null default now(),
  resolved_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint asset_repairs_tenant_id_id_key unique (tenant_id, id),
  constraint asset_repairs_asset_fkey foreign key (tenant_id, asset_id)
    references assets.assets (tenant_id, id) on delete cascade,
  constraint asset_repairs_location_fkey foreign key (tenant_id, location_id)
    references locations.locations (tenant_id, id) on delete restrict,
  constraint asset_repairs_title_not_empty check (char_length(title) > 0),
  constraint asset_repairs_resolved_after_reported check (resolved_at is null or resolved_at >= reported_at)
);
create index asset_repairs_asset_idx on assets.asset_repairs (tenant_id, asset_id);
create index asset_repairs_location_idx on assets.asset_repairs (tenant_id, location_id);
alter table assets.asset_repairs enable row level security;
alter table assets.asset_repairs force row level security;
create trigger _100_set_updated_at before update on assets.asset_repairs
  for each row execute function nexus.tg__set_updated_at();
comment on table assets.asset_repairs is 'A repair of an asset, from report to resolution.';
comment on column assets.asset_repairs.id is 'Unique identifier of the repair.';
comment on column assets.asset_repairs.tenant_id is 'The tenant of the asset.';
comment on column assets.asset_repairs.asset_id is 'The asset to repair.';
comment on column assets.asset_repairs.title is 'Short summary of the fault; not empty.';
comment on column assets.asset_repairs.description is 'Details of the fault and the work.';
comment on column assets.asset_repairs.location_id is 'Where the repair takes place, if known.';
comment on column assets.asset_repairs.status is 'Where the repair stands.';
comment on column assets.asset_repairs.priority is 'How urgent the repair is.';
comment on column assets.asset_repairs.reported_at is 'When the fault was reported.';
comment on column assets.asset_repairs.resolved_at is 'When the repair was resolved; not before reported_at.';
comment on column assets.asset_repairs.created_at is 'When the repair was recorded.';
comment on column assets.asset_repairs.updated_at is 'When the repair was last changed.';

/* ========================================================================
 * ITSM (public, seed 000 names the tables without columns): projects with
 * their issues, and the configuration items that IT runs, with typed
 * relationships between them (a service runs on a server, which a backup
 * server backs up).
 */
create type public.issue_status as enum ('open', 'in_progress', 'blocked', 'resolved', 'closed');
comment on type public.issue_status is 'Where an issue stands.';
create type public.issue_priority as enum ('low', 'normal', 'high', 'critical');
comment on type public.issue_priority is 'How urgent an issue is.';
create type public.configuration_item_type as enum (
  'service', 'application', 'database', 'server', 'virtual_machine', 'network_device', 'storage', 'workstation', 'other'
);
comment on type public.configuration_item_type is 'What kind of thing a configuration item is.';
create type public.configuration_item_status as enum ('planned', 'active', 'maintenance', 'retired');
comment on type public.configuration_item_status is 'Lifecycle state of a configuration item.';
create type public.configuration_item_relationship_type as enum ('depends_on', 'runs_on', 'connects_to', 'contains', 'backs_up');
comment on type public.configuration_item_relationship_type is 'How the source item relates to the target item (source depends_on target).';

create table public.projects (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  key varchar(10) not null,
  name varchar(200) not null,
  description text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint projects_tenant_id_id_key unique (tenant_id, id),
  constraint projects_tenant_id_key_key unique (tenant_id, key),
  constraint projects_key_format check (key ~ '^[A-Z][A-Z0-9]{1,9}$'),
  constraint projects_name_not_blank check (char_length(btrim(name)) > 0)
);
alter table public.projects enable row level security;
alter table public.projects force row level security;
create trigger _100_set_updated_at before update on public.projects
  for each row execute function nexus.tg__set_updated_at();
comment on table public.projects is 'A body of work (a team, a service, an initiative) that issues are filed under.';
comment on column public.projects.id is 'Unique identifier of the project.';
comment on column public.projects.tenant_id is 'The tenant the project belongs to.';
comment on column public.projects.key is 'Short key, unique within the tenant: 2 to 10 uppercase letters or digits, starting with a letter (e.g. OPS).';
comment on column public.projects.name is 'Name of the project; not blank.';
comment on column public.projects.description is 'What the project is about.';
comment on column public.projects.created_at is 'When the project was created.';
comment on column public.projects.updated_at is 'When the project was last changed.';
comment on constraint projects_tenant_id_key_key on public.projects is E'@behavior -update -delete\nA project key is unique within the tenant.';

create table public.issues (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  project_id uuid not null,
  title text not null,
  description text,
  status public.issue_status not null default 'open',
  priority public.issue_priority not null default 'normal',
  assignee_id uuid,
  reporter_id uuid default nexus.current_user_id(),
  due_date date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint issues_tenant_id_id_key unique (tenant_id, id),
  constraint issues_project_fkey foreign key (tenant_id, project_id)
    references public.projects (tenant_id, id) on delete cascade,
  constraint issues_assignee_fkey foreign key (tenant_id, assignee_id)
    references platform.users (tenant_id, id) on delete set null (assignee_id),
  constraint issues_reporter_fkey foreign key (tenant_id, reporter_id)
    references platform.users (tenant_id, id) on delete set null (reporter_id),
  constraint issues_title_not_blank check (char_length(btrim(title)) > 0)
);
create index issues_project_idx on public.issues (tenant_id, project_id);
create index issues_assignee_idx on public.issues (tenant_id, assignee_id);
create index issues_reporter_idx on public.issues (tenant_id, reporter_id);
alter table public.issues enable row level security;
alter table public.issues force row level security;
create trigger _100_set_updated_at before update on public.issues
  for each row execute function nexus.tg__set_updated_at();
comment on table public.issues is 'A piece of work or a problem filed under a project: an incident, a request, a task.';
comment on column public.issues.id is 'Unique identifier of the issue.';
comment on column public.issues.tenant_id is 'The tenant of the project.';
comment on column public.issues.project_id is 'The project the issue is filed under.';
comment on column public.issues.title is 'Short summary; not blank.';
comment on column public.issues.description is 'Details.';
comment on column public.issues.status is 'Where the issue stands.';
comment on column public.issues.priority is 'How urgent the issue is.';
comment on column public.issues.assignee_id is 'The user working on the issue, if any.';
comment on column public.issues.reporter_id is 'The user who reported the issue; defaults to the signed-in user.';
comment on column public.issues.due_date is 'When the issue should be done.';
comment on column public.issues.created_at is 'When the issue was filed.';
comment on column public.issues.updated_at is 'When the issue was last changed.';
comment on constraint issues_assignee_fkey on public.issues is
  E'@fieldName assignee\n@foreignFieldName assignedIssues\nThe user working on the issue.';
comment on constraint issues_reporter_fkey on public.issues is
  E'@fieldName reporter\n@foreignFieldName reportedIssues\nThe user who reported the issue.';

create table public.configuration_items (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  name varchar(200) not null,
  item_type public.configuration_item_type not null,
  status public.configuration_item_status not null default 'active',
  description text,
  asset_id uuid,
  location_id uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint configuration_items_tenant_id_id_key unique (tenant_id, id),
  constraint configuration_items_tenant_id_name_key unique (tenant_id, name),
  constraint configuration_items_asset_fkey foreign key (tenant_id, asset_id)
    references assets.assets (tenant_id, id) on delete set null (asset_id),
  constraint configuration_items_location_fkey foreign key (tenant_id, location_id)
    references locations.locations (tenant_id, id) on delete set null (location_id),
  constraint configuration_items_name_not_blank check (char_length(btrim(name)) > 0)
);
create index configuration_items_asset_idx on public.configuration_items (tenant_id, asset_id);
create index configuration_items_location_idx on public.configuration_items (tenant_id, location_id);
alter table public.configuration_items enable row level security;
alter table public.configuration_items force row level security;
create trigger _100_set_updated_at before update on public.configuration_items
  for each row execute function nexus.tg__set_updated_at();
comment on table public.configuration_items is 'Something IT runs and keeps track of (CMDB): a service, an application, a server, a switch.';
comment on column public.configuration_items.id is 'Unique identifier of the configuration item.';
comment on column public.configuration_items.tenant_id is 'The tenant the item belongs to.';
comment on column public.configuration_items.name is 'Name of the item, unique within the tenant.';
comment on column public.configuration_items.item_type is 'What kind of thing the item is.';
comment on column public.configuration_items.status is 'Lifecycle state of the item.';
comment on column public.configuration_items.description is 'What the item is for.';
comment on column public.configuration_items.asset_id is 'The physical asset behind the item, if any.';
comment on column public.configuration_items.location_id is 'Where the item is, if it has a place.';
comment on column public.configuration_items.created_at is 'When the item was recorded.';
comment on column public.configuration_items.updated_at is 'When the item was last changed.';

create table public.configuration_item_relationships (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references platform.tenants (id) on delete restrict,
  source_id uuid not null,
  target_id uuid not null,
  relationship_type public.configuration_item_relationship_type not null,
  description text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint configuration_item_relationships_tenant_id_id_key unique (tenant_id, id),
  constraint configuration_item_relationships_source_target_type_key
    unique (tenant_id, source_id, target_id, relationship_type),
  constraint configuration_item_relationships_source_fkey foreign key (tenant_id, source_id)
    references public.configuration_items (tenant_id, id) on delete cascade,
  constraint configuration_item_relationships_target_fkey foreign key (tenant_id, target_id)
    references public.configuration_items (tenant_id, id) on delete cascade,
  constraint configuration_item_relationships_not_self check (source_id <> target_id)
);
create index configuration_item_relationships_target_idx on public.configuration_item_relationships (tenant_id, target_id);
alter table public.configuration_item_relationships enable row level security;
alter table public.configuration_item_relationships force row level security;
create trigger _100_set_updated_at before update on public.configuration_item_relationships
  for each row execute function nexus.tg__set_updated_at();
comment on table public.configuration_item_relationships is 'A typed, directed link between two configuration items (source depends_on target); never from an item to itself.';
comment on column public.configuration_item_relationships.id is 'Unique identifier of the relationship.';
comment on column public.configuration_item_relationships.tenant_id is 'The tenant of both items.';
comment on column public.configuration_item_relationships.source_id is 'The item the relationship starts from.';
comment on column public.configuration_item_relationships.target_id is 'The item the relationship points to; not the source.';
comment on column public.configuration_item_relationships.relationship_type is 'How the source relates to the target.';
comment on column public.configuration_item_relationships.description is 'Notes on the relationship.';
comment on column public.configuration_item_relationships.created_at is 'When the relationship was recorded.';
comment on column public.configuration_item_relationships.updated_at is 'When the relationship was last changed.';
comment on constraint configuration_item_relationships_source_target_type_key on public.configuration_item_relationships is
  E'@behavior -single -update -delete\nOne relationship of a type between two items.';
comment on constraint configuration_item_relationships_source_fkey on public.configuration_item_relationships is
  E'@fieldName source\n@foreignFieldName outgoingRelationships\nThe item the relationship starts from.';
comment on constraint configuration_item_relationships_target_fkey on public.configuration_item_relationships is
  E'@fieldName target\n@foreignFieldName incomingRelationships\nThe item the relationship points to.';
