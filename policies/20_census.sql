/*
 * census: persons, identities and the Education records. Every table keeps
 * the tenant defaults of 90_tenant_defaults.sql (read within the tenant;
 * writes need CREATE_/UPDATE_/DELETE_<TABLE>). Grants are declared from
 * scratch on every run.
 */
revoke all on all tables in schema census from nexus_user, nexus_anonymous;
grant usage on schema census to nexus_user;

grant select, insert (current_identity_id), update (current_identity_id), delete on census.persons to nexus_user;
grant select, insert (person_id, last_name, first_name, middle_name), update (last_name, first_name, middle_name), delete
  on census.identities to nexus_user;
grant execute on function census.create_person_with_identity(text, text, text) to nexus_user;

grant select, insert (name), update (name), delete on census.schools to nexus_user;
grant select, insert (name, start_date, end_date), update (name, start_date, end_date), delete on census.school_years to nexus_user;
grant select, insert (school_id, calendar_id, name), update (school_id, calendar_id, name), delete
  on census.school_calendars to nexus_user;
grant select, insert (person_id, calendar_id), update (person_id, calendar_id), delete on census.school_enrollments to nexus_user;
grant select, insert (person_id, start_date, end_date), update (person_id, start_date, end_date), delete
  on census.school_employments to nexus_user;
grant select, insert (person_id, school_id, start_date, end_date), update (person_id, school_id, start_date, end_date), delete
  on census.school_employment_assignments to nexus_user;

/*
 * Bridge: the person an account belongs to (platform.users.person_id).
 * 10_platform.sql revoked and re-granted platform.users before this file
 * ran; this adds the one column census owns. Who may change it is
 * platform's users_update policy: the user themself, or UPDATE_USERS.
 */
grant select (person_id), update (person_id) on platform.users to nexus_user;
