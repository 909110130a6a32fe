--! Previous: sha1:b76a2f1451e3c986dfe4db0b760b520e161a10c9
--! Hash: sha1:f802acec535702189730d48491cf687314944df0
--! Message: platform: names for the tenant's two groups in GraphQL

/* The composite keys from a tenant to its groups read as tenant.adminGroup / tenant.usersGroup. */
comment on constraint tenants_admin_group_fkey on platform.tenants is
  E'@fieldName adminGroup\n@foreignFieldName administeredTenant\nThe group whose members administer the tenant.';
comment on constraint tenants_users_group_fkey on platform.tenants is
  E'@fieldName usersGroup\n@foreignFieldName usersGroupOfTenant\nThe group every user of the tenant belongs to.';
