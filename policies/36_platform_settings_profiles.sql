/*
 * platform's tenant settings and public profiles (after 10_platform.sql,
 * which revoked every platform grant first).
 *
 * Settings: one row per tenant, made with the tenant
 * (nexus_auth.add_tenant_defaults); read by the tenant's users, changed by
 * holders of UPDATE_TENANT_SETTINGS (the tenant defaults, admins only for
 * platform tables). Never inserted or deleted through the API.
 *
 * Profiles: every user of the tenant reads them; a user writes their own
 * (user_id is always the signed-in user); holders of UPDATE_PROFILES or
 * DELETE_PROFILES (admins) moderate anyone's.
 */
grant select, update (locale, time_zone, currency, week_starts_on, business_hours, settings)
  on platform.tenant_settings to nexus_user;
grant select, insert on platform.tenant_settings to nexus_auth;

grant select, insert (display_name, headline, bio, avatar_url), update (display_name, headline, bio, avatar_url), delete
  on platform.profiles to nexus_user;
create policy profiles_select on platform.profiles for select to nexus_user
  using (tenant_id = (select nexus.current_tenant_id()));
create policy profiles_insert on platform.profiles for insert to nexus_user
  with check (tenant_id = (select nexus.current_tenant_id()) and user_id = (select nexus.current_user_id()));
create policy profiles_update on platform.profiles for update to nexus_user
  using (
    tenant_id = (select nexus.current_tenant_id())
    and (user_id = (select nexus.current_user_id()) or (select nexus_auth.has_permission('UPDATE_PROFILES')))
  )
  with check (tenant_id = (select nexus.current_tenant_id()));
create policy profiles_delete on platform.profiles for delete to nexus_user
  using (
    tenant_id = (select nexus.current_tenant_id())
    and (user_id = (select nexus.current_user_id()) or (select nexus_auth.has_permission('DELETE_PROFILES')))
  );
