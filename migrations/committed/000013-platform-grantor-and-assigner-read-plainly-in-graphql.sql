--! Previous: sha1:8d677518a7066dda330f4845e7b53359815cd5a9
--! Hash: sha1:7eb608a34748a5875184096e97ec9ba4a80f8547
--! Message: platform: grantor and assigner read plainly in GraphQL

/*
 * The user who granted a permission or assigned a role reads as grantor /
 * assigner, not userByTenantIdAndGrantedBy; the relations back from a user
 * as grantedUserPermissions / assignedUserRoles.
 */
comment on constraint user_permissions_granted_by_fkey on platform.user_permissions is E'@fieldName grantor\n@foreignFieldName grantedUserPermissions\nThe user who granted the permission.';
comment on constraint user_roles_assigned_by_fkey on platform.user_roles is E'@fieldName assigner\n@foreignFieldName assignedUserRoles\nThe user who assigned the role.';
