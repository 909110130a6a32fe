--! Previous: sha1:06c69b7c2c71f6a5a6e85db92c98cc884c798ea2
--! Hash: sha1:db682068c796e1dca58ff7a20a02635e37202a96
--! Message: platform: grantor and assigner read plainly in GraphQL

/*
 * The user who granted a permission or assigned a role reads as grantor /
 * assigner, not userByTenantIdAndGrantedBy; the relations back from a user
 * as grantedUserPermissions / assignedUserRoles.
 */
comment on constraint user_permissions_granted_by_fkey on platform.user_permissions is E'@fieldName grantor\n@foreignFieldName grantedUserPermissions\nThe user who granted the permission.';
comment on constraint user_roles_assigned_by_fkey on platform.user_roles is E'@fieldName assigner\n@foreignFieldName assignedUserRoles\nThe user who assigned the role.';
