--! Previous: sha1:6e205ecbd0a1459152fd71ffdc94e1b36c8fc1e2
--! Hash: sha1:9e2d7641b8b6249ad8be9ba1b02ad204e44a9e51
--! Message: platform: grantor and assigner read plainly in GraphQL

/*
 * The user who granted a permission or assigned a role reads as grantor /
 * assigner, not userByTenantIdAndGrantedBy; the relations back from a user
 * as grantedUserPermissions / assignedUserRoles.
 */
comment on constraint user_permissions_granted_by_fkey on platform.user_permissions is E'@fieldName grantor\n@foreignFieldName grantedUserPermissions\nThe user who granted the permission.';
comment on constraint user_roles_assigned_by_fkey on platform.user_roles is E'@fieldName assigner\n@foreignFieldName assignedUserRoles\nThe user who assigned the role.';
