/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /**
   * A signed eight-byte integer. The upper big integer values are greater than the
   * max value for a JavaScript number. Therefore all big integers will be output as
   * strings and not numbers.
   */
  BigInt: { input: string; output: string; }
  /** A location in a connection that can be used for resuming pagination. */
  Cursor: { input: string; output: string; }
  /**
   * A point in time as described by the [ISO
   * 8601](https://en.wikipedia.org/wiki/ISO_8601) and, if it has a timezone, [RFC
   * 3339](https://datatracker.ietf.org/doc/html/rfc3339) standards. Input values
   * that do not conform to both ISO 8601 and RFC 3339 may be coerced, which may lead
   * to unexpected results.
   */
  Datetime: { input: string; output: string; }
  /** An IPv4 or IPv6 host address, and optionally its subnet. */
  InternetAddress: { input: string; output: string; }
  /** Represents JSON values as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSON: { input: unknown; output: unknown; }
  /** A universally unique identifier as defined by [RFC 4122](https://tools.ietf.org/html/rfc4122). */
  UUID: { input: string; output: string; }
};

/** All input for the create `GroupRole` mutation. */
export type CreateGroupRoleInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The `GroupRole` to be created by this mutation. */
  groupRole: GroupRoleInput;
};

/** The output of our create `GroupRole` mutation. */
export type CreateGroupRolePayload = {
  __typename?: 'CreateGroupRolePayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** The `GroupRole` that was created by this mutation. */
  groupRole?: Maybe<GroupRole>;
  /** An edge for our `GroupRole`. May be used by Relay 1. */
  groupRoleEdge?: Maybe<GroupRoleEdge>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
};


/** The output of our create `GroupRole` mutation. */
export type CreateGroupRolePayloadGroupRoleEdgeArgs = {
  orderBy?: Array<GroupRoleOrderBy>;
};

/** All input for the create `Permission` mutation. */
export type CreatePermissionInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The `Permission` to be created by this mutation. */
  permission: PermissionInput;
};

/** The output of our create `Permission` mutation. */
export type CreatePermissionPayload = {
  __typename?: 'CreatePermissionPayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** The `Permission` that was created by this mutation. */
  permission?: Maybe<Permission>;
  /** An edge for our `Permission`. May be used by Relay 1. */
  permissionEdge?: Maybe<PermissionEdge>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
};


/** The output of our create `Permission` mutation. */
export type CreatePermissionPayloadPermissionEdgeArgs = {
  orderBy?: Array<PermissionOrderBy>;
};

/** All input for the create `Role` mutation. */
export type CreateRoleInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The `Role` to be created by this mutation. */
  role: RoleInput;
};

/** The output of our create `Role` mutation. */
export type CreateRolePayload = {
  __typename?: 'CreateRolePayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  /** The `Role` that was created by this mutation. */
  role?: Maybe<Role>;
  /** An edge for our `Role`. May be used by Relay 1. */
  roleEdge?: Maybe<RoleEdge>;
};


/** The output of our create `Role` mutation. */
export type CreateRolePayloadRoleEdgeArgs = {
  orderBy?: Array<RoleOrderBy>;
};

/** All input for the create `RolePermission` mutation. */
export type CreateRolePermissionInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The `RolePermission` to be created by this mutation. */
  rolePermission: RolePermissionInput;
};

/** The output of our create `RolePermission` mutation. */
export type CreateRolePermissionPayload = {
  __typename?: 'CreateRolePermissionPayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  /** The `RolePermission` that was created by this mutation. */
  rolePermission?: Maybe<RolePermission>;
  /** An edge for our `RolePermission`. May be used by Relay 1. */
  rolePermissionEdge?: Maybe<RolePermissionEdge>;
};


/** The output of our create `RolePermission` mutation. */
export type CreateRolePermissionPayloadRolePermissionEdgeArgs = {
  orderBy?: Array<RolePermissionOrderBy>;
};

/** All input for the create `UserGroup` mutation. */
export type CreateUserGroupInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The `UserGroup` to be created by this mutation. */
  userGroup: UserGroupInput;
};

/** All input for the create `UserGroupMembership` mutation. */
export type CreateUserGroupMembershipInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The `UserGroupMembership` to be created by this mutation. */
  userGroupMembership: UserGroupMembershipInput;
};

/** The output of our create `UserGroupMembership` mutation. */
export type CreateUserGroupMembershipPayload = {
  __typename?: 'CreateUserGroupMembershipPayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  /** The `UserGroupMembership` that was created by this mutation. */
  userGroupMembership?: Maybe<UserGroupMembership>;
  /** An edge for our `UserGroupMembership`. May be used by Relay 1. */
  userGroupMembershipEdge?: Maybe<UserGroupMembershipEdge>;
};


/** The output of our create `UserGroupMembership` mutation. */
export type CreateUserGroupMembershipPayloadUserGroupMembershipEdgeArgs = {
  orderBy?: Array<UserGroupMembershipOrderBy>;
};

/** The output of our create `UserGroup` mutation. */
export type CreateUserGroupPayload = {
  __typename?: 'CreateUserGroupPayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  /** The `UserGroup` that was created by this mutation. */
  userGroup?: Maybe<UserGroup>;
  /** An edge for our `UserGroup`. May be used by Relay 1. */
  userGroupEdge?: Maybe<UserGroupEdge>;
};


/** The output of our create `UserGroup` mutation. */
export type CreateUserGroupPayloadUserGroupEdgeArgs = {
  orderBy?: Array<UserGroupOrderBy>;
};

/** All input for the create `UserPermission` mutation. */
export type CreateUserPermissionInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The `UserPermission` to be created by this mutation. */
  userPermission: UserPermissionInput;
};

/** The output of our create `UserPermission` mutation. */
export type CreateUserPermissionPayload = {
  __typename?: 'CreateUserPermissionPayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  /** The `UserPermission` that was created by this mutation. */
  userPermission?: Maybe<UserPermission>;
  /** An edge for our `UserPermission`. May be used by Relay 1. */
  userPermissionEdge?: Maybe<UserPermissionEdge>;
};


/** The output of our create `UserPermission` mutation. */
export type CreateUserPermissionPayloadUserPermissionEdgeArgs = {
  orderBy?: Array<UserPermissionOrderBy>;
};

/** All input for the create `UserPreference` mutation. */
export type CreateUserPreferenceInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The `UserPreference` to be created by this mutation. */
  userPreference: UserPreferenceInput;
};

/** The output of our create `UserPreference` mutation. */
export type CreateUserPreferencePayload = {
  __typename?: 'CreateUserPreferencePayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  /** The `UserPreference` that was created by this mutation. */
  userPreference?: Maybe<UserPreference>;
  /** An edge for our `UserPreference`. May be used by Relay 1. */
  userPreferenceEdge?: Maybe<UserPreferenceEdge>;
};


/** The output of our create `UserPreference` mutation. */
export type CreateUserPreferencePayloadUserPreferenceEdgeArgs = {
  orderBy?: Array<UserPreferenceOrderBy>;
};

/** All input for the create `UserRole` mutation. */
export type CreateUserRoleInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The `UserRole` to be created by this mutation. */
  userRole: UserRoleInput;
};

/** The output of our create `UserRole` mutation. */
export type CreateUserRolePayload = {
  __typename?: 'CreateUserRolePayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  /** The `UserRole` that was created by this mutation. */
  userRole?: Maybe<UserRole>;
  /** An edge for our `UserRole`. May be used by Relay 1. */
  userRoleEdge?: Maybe<UserRoleEdge>;
};


/** The output of our create `UserRole` mutation. */
export type CreateUserRolePayloadUserRoleEdgeArgs = {
  orderBy?: Array<UserRoleOrderBy>;
};

/** All input for the `deleteGroupRoleById` mutation. */
export type DeleteGroupRoleByIdInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The globally unique `ID` which will identify a single `GroupRole` to be deleted. */
  id: Scalars['ID']['input'];
};

/** All input for the `deleteGroupRoleByTenantIdAndUserGroupIdAndRoleId` mutation. */
export type DeleteGroupRoleByTenantIdAndUserGroupIdAndRoleIdInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The role its members get. */
  roleId: Scalars['UUID']['input'];
  /** The tenant of the group. */
  tenantId: Scalars['UUID']['input'];
  /** The group. */
  userGroupId: Scalars['UUID']['input'];
};

/** All input for the `deleteGroupRole` mutation. */
export type DeleteGroupRoleInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** Unique identifier of the assignment. */
  rowId: Scalars['UUID']['input'];
};

/** The output of our delete `GroupRole` mutation. */
export type DeleteGroupRolePayload = {
  __typename?: 'DeleteGroupRolePayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  deletedGroupRoleId?: Maybe<Scalars['ID']['output']>;
  /** The `GroupRole` that was deleted by this mutation. */
  groupRole?: Maybe<GroupRole>;
  /** An edge for our `GroupRole`. May be used by Relay 1. */
  groupRoleEdge?: Maybe<GroupRoleEdge>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
};


/** The output of our delete `GroupRole` mutation. */
export type DeleteGroupRolePayloadGroupRoleEdgeArgs = {
  orderBy?: Array<GroupRoleOrderBy>;
};

/** All input for the `deletePermissionById` mutation. */
export type DeletePermissionByIdInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The globally unique `ID` which will identify a single `Permission` to be deleted. */
  id: Scalars['ID']['input'];
};

/** All input for the `deletePermissionByName` mutation. */
export type DeletePermissionByNameInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** METHOD_ENTITY, unique. */
  name: Scalars['String']['input'];
};

/** All input for the `deletePermission` mutation. */
export type DeletePermissionInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** Unique identifier of the permission. */
  rowId: Scalars['UUID']['input'];
};

/** The output of our delete `Permission` mutation. */
export type DeletePermissionPayload = {
  __typename?: 'DeletePermissionPayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  deletedPermissionId?: Maybe<Scalars['ID']['output']>;
  /** The `Permission` that was deleted by this mutation. */
  permission?: Maybe<Permission>;
  /** An edge for our `Permission`. May be used by Relay 1. */
  permissionEdge?: Maybe<PermissionEdge>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
};


/** The output of our delete `Permission` mutation. */
export type DeletePermissionPayloadPermissionEdgeArgs = {
  orderBy?: Array<PermissionOrderBy>;
};

/** All input for the `deleteRoleById` mutation. */
export type DeleteRoleByIdInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The globally unique `ID` which will identify a single `Role` to be deleted. */
  id: Scalars['ID']['input'];
};

/** All input for the `deleteRoleByName` mutation. */
export type DeleteRoleByNameInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** Role name, lowercase, unique. */
  name: Scalars['String']['input'];
};

/** All input for the `deleteRole` mutation. */
export type DeleteRoleInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** Unique identifier of the role. */
  rowId: Scalars['UUID']['input'];
};

/** The output of our delete `Role` mutation. */
export type DeleteRolePayload = {
  __typename?: 'DeleteRolePayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  deletedRoleId?: Maybe<Scalars['ID']['output']>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  /** The `Role` that was deleted by this mutation. */
  role?: Maybe<Role>;
  /** An edge for our `Role`. May be used by Relay 1. */
  roleEdge?: Maybe<RoleEdge>;
};


/** The output of our delete `Role` mutation. */
export type DeleteRolePayloadRoleEdgeArgs = {
  orderBy?: Array<RoleOrderBy>;
};

/** All input for the `deleteRolePermissionById` mutation. */
export type DeleteRolePermissionByIdInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The globally unique `ID` which will identify a single `RolePermission` to be deleted. */
  id: Scalars['ID']['input'];
};

/** All input for the `deleteRolePermissionByRoleIdAndPermissionId` mutation. */
export type DeleteRolePermissionByRoleIdAndPermissionIdInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The permission the role grants. */
  permissionId: Scalars['UUID']['input'];
  /** The role. */
  roleId: Scalars['UUID']['input'];
};

/** All input for the `deleteRolePermission` mutation. */
export type DeleteRolePermissionInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** Unique identifier of the grant. */
  rowId: Scalars['UUID']['input'];
};

/** The output of our delete `RolePermission` mutation. */
export type DeleteRolePermissionPayload = {
  __typename?: 'DeleteRolePermissionPayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  deletedRolePermissionId?: Maybe<Scalars['ID']['output']>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  /** The `RolePermission` that was deleted by this mutation. */
  rolePermission?: Maybe<RolePermission>;
  /** An edge for our `RolePermission`. May be used by Relay 1. */
  rolePermissionEdge?: Maybe<RolePermissionEdge>;
};


/** The output of our delete `RolePermission` mutation. */
export type DeleteRolePermissionPayloadRolePermissionEdgeArgs = {
  orderBy?: Array<RolePermissionOrderBy>;
};

/** All input for the `deleteUserById` mutation. */
export type DeleteUserByIdInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The globally unique `ID` which will identify a single `User` to be deleted. */
  id: Scalars['ID']['input'];
};

/** All input for the `deleteUserGroupById` mutation. */
export type DeleteUserGroupByIdInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The globally unique `ID` which will identify a single `UserGroup` to be deleted. */
  id: Scalars['ID']['input'];
};

/** All input for the `deleteUserGroupByTenantIdAndName` mutation. */
export type DeleteUserGroupByTenantIdAndNameInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** Group name, unique within the tenant. */
  name: Scalars['String']['input'];
  /** The tenant the group belongs to. */
  tenantId: Scalars['UUID']['input'];
};

/** All input for the `deleteUserGroup` mutation. */
export type DeleteUserGroupInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** Unique identifier of the group. */
  rowId: Scalars['UUID']['input'];
};

/** All input for the `deleteUserGroupMembershipById` mutation. */
export type DeleteUserGroupMembershipByIdInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The globally unique `ID` which will identify a single `UserGroupMembership` to be deleted. */
  id: Scalars['ID']['input'];
};

/** All input for the `deleteUserGroupMembershipByTenantIdAndUserIdAndUserGroupId` mutation. */
export type DeleteUserGroupMembershipByTenantIdAndUserIdAndUserGroupIdInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The tenant of the user and the group. */
  tenantId: Scalars['UUID']['input'];
  /** The group. */
  userGroupId: Scalars['UUID']['input'];
  /** The member. */
  userId: Scalars['UUID']['input'];
};

/** All input for the `deleteUserGroupMembership` mutation. */
export type DeleteUserGroupMembershipInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** Unique identifier of the membership. */
  rowId: Scalars['UUID']['input'];
};

/** The output of our delete `UserGroupMembership` mutation. */
export type DeleteUserGroupMembershipPayload = {
  __typename?: 'DeleteUserGroupMembershipPayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  deletedUserGroupMembershipId?: Maybe<Scalars['ID']['output']>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  /** The `UserGroupMembership` that was deleted by this mutation. */
  userGroupMembership?: Maybe<UserGroupMembership>;
  /** An edge for our `UserGroupMembership`. May be used by Relay 1. */
  userGroupMembershipEdge?: Maybe<UserGroupMembershipEdge>;
};


/** The output of our delete `UserGroupMembership` mutation. */
export type DeleteUserGroupMembershipPayloadUserGroupMembershipEdgeArgs = {
  orderBy?: Array<UserGroupMembershipOrderBy>;
};

/** The output of our delete `UserGroup` mutation. */
export type DeleteUserGroupPayload = {
  __typename?: 'DeleteUserGroupPayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  deletedUserGroupId?: Maybe<Scalars['ID']['output']>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  /** The `UserGroup` that was deleted by this mutation. */
  userGroup?: Maybe<UserGroup>;
  /** An edge for our `UserGroup`. May be used by Relay 1. */
  userGroupEdge?: Maybe<UserGroupEdge>;
};


/** The output of our delete `UserGroup` mutation. */
export type DeleteUserGroupPayloadUserGroupEdgeArgs = {
  orderBy?: Array<UserGroupOrderBy>;
};

/** All input for the `deleteUser` mutation. */
export type DeleteUserInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** Unique identifier of the user. */
  rowId: Scalars['UUID']['input'];
};

/** The output of our delete `User` mutation. */
export type DeleteUserPayload = {
  __typename?: 'DeleteUserPayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  deletedUserId?: Maybe<Scalars['ID']['output']>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  /** The `User` that was deleted by this mutation. */
  user?: Maybe<User>;
  /** An edge for our `User`. May be used by Relay 1. */
  userEdge?: Maybe<UserEdge>;
};


/** The output of our delete `User` mutation. */
export type DeleteUserPayloadUserEdgeArgs = {
  orderBy?: Array<UserOrderBy>;
};

/** All input for the `deleteUserPermissionById` mutation. */
export type DeleteUserPermissionByIdInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The globally unique `ID` which will identify a single `UserPermission` to be deleted. */
  id: Scalars['ID']['input'];
};

/** All input for the `deleteUserPermissionByTenantIdAndUserIdAndPermissionId` mutation. */
export type DeleteUserPermissionByTenantIdAndUserIdAndPermissionIdInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The permission. */
  permissionId: Scalars['UUID']['input'];
  /** The tenant of the user. */
  tenantId: Scalars['UUID']['input'];
  /** The user. */
  userId: Scalars['UUID']['input'];
};

/** All input for the `deleteUserPermission` mutation. */
export type DeleteUserPermissionInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** Unique identifier of the grant. */
  rowId: Scalars['UUID']['input'];
};

/** The output of our delete `UserPermission` mutation. */
export type DeleteUserPermissionPayload = {
  __typename?: 'DeleteUserPermissionPayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  deletedUserPermissionId?: Maybe<Scalars['ID']['output']>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  /** The `UserPermission` that was deleted by this mutation. */
  userPermission?: Maybe<UserPermission>;
  /** An edge for our `UserPermission`. May be used by Relay 1. */
  userPermissionEdge?: Maybe<UserPermissionEdge>;
};


/** The output of our delete `UserPermission` mutation. */
export type DeleteUserPermissionPayloadUserPermissionEdgeArgs = {
  orderBy?: Array<UserPermissionOrderBy>;
};

/** All input for the `deleteUserRoleById` mutation. */
export type DeleteUserRoleByIdInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The globally unique `ID` which will identify a single `UserRole` to be deleted. */
  id: Scalars['ID']['input'];
};

/** All input for the `deleteUserRoleByTenantIdAndUserIdAndRoleId` mutation. */
export type DeleteUserRoleByTenantIdAndUserIdAndRoleIdInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The role. */
  roleId: Scalars['UUID']['input'];
  /** The tenant of the user. */
  tenantId: Scalars['UUID']['input'];
  /** The user. */
  userId: Scalars['UUID']['input'];
};

/** All input for the `deleteUserRole` mutation. */
export type DeleteUserRoleInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** Unique identifier of the assignment. */
  rowId: Scalars['UUID']['input'];
};

/** The output of our delete `UserRole` mutation. */
export type DeleteUserRolePayload = {
  __typename?: 'DeleteUserRolePayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  deletedUserRoleId?: Maybe<Scalars['ID']['output']>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  /** The `UserRole` that was deleted by this mutation. */
  userRole?: Maybe<UserRole>;
  /** An edge for our `UserRole`. May be used by Relay 1. */
  userRoleEdge?: Maybe<UserRoleEdge>;
};


/** The output of our delete `UserRole` mutation. */
export type DeleteUserRolePayloadUserRoleEdgeArgs = {
  orderBy?: Array<UserRoleOrderBy>;
};

/** A role given to every member of a group. */
export type GroupRole = Node & {
  __typename?: 'GroupRole';
  /** When the role was given. */
  createdAt: Scalars['Datetime']['output'];
  /** A globally unique identifier. Can be used in various places throughout the system to identify this single value. */
  id: Scalars['ID']['output'];
  /** Reads a single `Role` that is related to this `GroupRole`. */
  role?: Maybe<Role>;
  /** The role its members get. */
  roleId: Scalars['UUID']['output'];
  /** Unique identifier of the assignment. */
  rowId: Scalars['UUID']['output'];
  /** Reads a single `Tenant` that is related to this `GroupRole`. */
  tenant?: Maybe<Tenant>;
  /** The tenant of the group. */
  tenantId: Scalars['UUID']['output'];
  /** When the assignment was last changed. */
  updatedAt: Scalars['Datetime']['output'];
  /** Reads a single `UserGroup` that is related to this `GroupRole`. */
  userGroup?: Maybe<UserGroup>;
  /** The group. */
  userGroupId: Scalars['UUID']['output'];
};

export type GroupRoleAggregates = {
  __typename?: 'GroupRoleAggregates';
  /** Distinct count aggregates across the matching connection (ignoring before/after/first/last/offset) */
  distinctCount?: Maybe<GroupRoleDistinctCountAggregates>;
  keys?: Maybe<Array<Maybe<Scalars['String']['output']>>>;
};

/**
 * A condition to be used against `GroupRole` object types. All fields are tested
 * for equality and combined with a logical ‘and.’
 */
export type GroupRoleCondition = {
  /** Checks for equality with the object’s `roleId` field. */
  roleId?: InputMaybe<Scalars['UUID']['input']>;
  /** Checks for equality with the object’s `rowId` field. */
  rowId?: InputMaybe<Scalars['UUID']['input']>;
  /** Checks for equality with the object’s `tenantId` field. */
  tenantId?: InputMaybe<Scalars['UUID']['input']>;
  /** Checks for equality with the object’s `userGroupId` field. */
  userGroupId?: InputMaybe<Scalars['UUID']['input']>;
};

/** A connection to a list of `GroupRole` values. */
export type GroupRoleConnection = {
  __typename?: 'GroupRoleConnection';
  /** Aggregates across the matching connection (ignoring before/after/first/last/offset) */
  aggregates?: Maybe<GroupRoleAggregates>;
  /** A list of edges which contains the `GroupRole` and cursor to aid in pagination. */
  edges: Array<GroupRoleEdge>;
  /** Grouped aggregates across the matching connection (ignoring before/after/first/last/offset) */
  groupedAggregates?: Maybe<Array<GroupRoleAggregates>>;
  /** A list of `GroupRole` objects. */
  nodes: Array<GroupRole>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** The count of *all* `GroupRole` you could get from the connection. */
  totalCount: Scalars['Int']['output'];
};


/** A connection to a list of `GroupRole` values. */
export type GroupRoleConnectionGroupedAggregatesArgs = {
  groupBy: Array<GroupRoleGroupBy>;
  having?: InputMaybe<GroupRoleHavingInput>;
};

export type GroupRoleDistinctCountAggregates = {
  __typename?: 'GroupRoleDistinctCountAggregates';
  /** Distinct count of createdAt across the matching connection */
  createdAt?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of roleId across the matching connection */
  roleId?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of rowId across the matching connection */
  rowId?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of tenantId across the matching connection */
  tenantId?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of updatedAt across the matching connection */
  updatedAt?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of userGroupId across the matching connection */
  userGroupId?: Maybe<Scalars['BigInt']['output']>;
};

/** A `GroupRole` edge in the connection. */
export type GroupRoleEdge = {
  __typename?: 'GroupRoleEdge';
  /** A cursor for use in pagination. */
  cursor?: Maybe<Scalars['Cursor']['output']>;
  /** The `GroupRole` at the end of the edge. */
  node: GroupRole;
};

/** A filter to be used against `GroupRole` object types. All fields are combined with a logical ‘and.’ */
export type GroupRoleFilter = {
  /** Checks for all expressions in this list. */
  and?: InputMaybe<Array<GroupRoleFilter>>;
  /** Negates the expression. */
  not?: InputMaybe<GroupRoleFilter>;
  /** Checks for any expressions in this list. */
  or?: InputMaybe<Array<GroupRoleFilter>>;
  /** Filter by the object’s `role` relation. */
  role?: InputMaybe<RoleFilter>;
  /** Filter by the object’s `roleId` field. */
  roleId?: InputMaybe<UuidFilter>;
  /** Filter by the object’s `rowId` field. */
  rowId?: InputMaybe<UuidFilter>;
  /** Filter by the object’s `tenant` relation. */
  tenant?: InputMaybe<TenantFilter>;
  /** Filter by the object’s `tenantId` field. */
  tenantId?: InputMaybe<UuidFilter>;
  /** Filter by the object’s `userGroup` relation. */
  userGroup?: InputMaybe<UserGroupFilter>;
  /** Filter by the object’s `userGroupId` field. */
  userGroupId?: InputMaybe<UuidFilter>;
};

/** Grouping methods for `GroupRole` for usage during aggregation. */
export type GroupRoleGroupBy =
  | 'ROLE_ID'
  | 'TENANT_ID'
  | 'USER_GROUP_ID';

export type GroupRoleHavingAverageInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

export type GroupRoleHavingDistinctCountInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

/** Conditions for `GroupRole` aggregates. */
export type GroupRoleHavingInput = {
  AND?: InputMaybe<Array<GroupRoleHavingInput>>;
  OR?: InputMaybe<Array<GroupRoleHavingInput>>;
  average?: InputMaybe<GroupRoleHavingAverageInput>;
  distinctCount?: InputMaybe<GroupRoleHavingDistinctCountInput>;
  max?: InputMaybe<GroupRoleHavingMaxInput>;
  min?: InputMaybe<GroupRoleHavingMinInput>;
  stddevPopulation?: InputMaybe<GroupRoleHavingStddevPopulationInput>;
  stddevSample?: InputMaybe<GroupRoleHavingStddevSampleInput>;
  sum?: InputMaybe<GroupRoleHavingSumInput>;
  variancePopulation?: InputMaybe<GroupRoleHavingVariancePopulationInput>;
  varianceSample?: InputMaybe<GroupRoleHavingVarianceSampleInput>;
};

export type GroupRoleHavingMaxInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

export type GroupRoleHavingMinInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

export type GroupRoleHavingStddevPopulationInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

export type GroupRoleHavingStddevSampleInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

export type GroupRoleHavingSumInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

export type GroupRoleHavingVariancePopulationInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

export type GroupRoleHavingVarianceSampleInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

/** An input for mutations affecting `GroupRole` */
export type GroupRoleInput = {
  /** The role its members get. */
  roleId: Scalars['UUID']['input'];
  /** The group. */
  userGroupId: Scalars['UUID']['input'];
};

/** Methods to use when ordering `GroupRole`. */
export type GroupRoleOrderBy =
  | 'NATURAL'
  | 'PRIMARY_KEY_ASC'
  | 'PRIMARY_KEY_DESC'
  | 'ROLE_ID_ASC'
  | 'ROLE_ID_DESC'
  | 'ROW_ID_ASC'
  | 'ROW_ID_DESC'
  | 'TENANT_ID_ASC'
  | 'TENANT_ID_DESC'
  | 'USER_GROUP_ID_ASC'
  | 'USER_GROUP_ID_DESC';

export type HavingDatetimeFilter = {
  equalTo?: InputMaybe<Scalars['Datetime']['input']>;
  greaterThan?: InputMaybe<Scalars['Datetime']['input']>;
  greaterThanOrEqualTo?: InputMaybe<Scalars['Datetime']['input']>;
  lessThan?: InputMaybe<Scalars['Datetime']['input']>;
  lessThanOrEqualTo?: InputMaybe<Scalars['Datetime']['input']>;
  notEqualTo?: InputMaybe<Scalars['Datetime']['input']>;
};

/** The root mutation type which contains root level fields which mutate data. */
export type Mutation = {
  __typename?: 'Mutation';
  /** Creates a single `GroupRole`. */
  createGroupRole?: Maybe<CreateGroupRolePayload>;
  /** Creates a single `Permission`. */
  createPermission?: Maybe<CreatePermissionPayload>;
  /** Creates a single `Role`. */
  createRole?: Maybe<CreateRolePayload>;
  /** Creates a single `RolePermission`. */
  createRolePermission?: Maybe<CreateRolePermissionPayload>;
  /** Creates a single `UserGroup`. */
  createUserGroup?: Maybe<CreateUserGroupPayload>;
  /** Creates a single `UserGroupMembership`. */
  createUserGroupMembership?: Maybe<CreateUserGroupMembershipPayload>;
  /** Creates a single `UserPermission`. */
  createUserPermission?: Maybe<CreateUserPermissionPayload>;
  /** Creates a single `UserPreference`. */
  createUserPreference?: Maybe<CreateUserPreferencePayload>;
  /** Creates a single `UserRole`. */
  createUserRole?: Maybe<CreateUserRolePayload>;
  /** Deletes a single `GroupRole` using a unique key. */
  deleteGroupRole?: Maybe<DeleteGroupRolePayload>;
  /** Deletes a single `GroupRole` using its globally unique id. */
  deleteGroupRoleById?: Maybe<DeleteGroupRolePayload>;
  /** Deletes a single `GroupRole` using a unique key. */
  deleteGroupRoleByTenantIdAndUserGroupIdAndRoleId?: Maybe<DeleteGroupRolePayload>;
  /** Deletes a single `Permission` using a unique key. */
  deletePermission?: Maybe<DeletePermissionPayload>;
  /** Deletes a single `Permission` using its globally unique id. */
  deletePermissionById?: Maybe<DeletePermissionPayload>;
  /** Deletes a single `Permission` using a unique key. */
  deletePermissionByName?: Maybe<DeletePermissionPayload>;
  /** Deletes a single `Role` using a unique key. */
  deleteRole?: Maybe<DeleteRolePayload>;
  /** Deletes a single `Role` using its globally unique id. */
  deleteRoleById?: Maybe<DeleteRolePayload>;
  /** Deletes a single `Role` using a unique key. */
  deleteRoleByName?: Maybe<DeleteRolePayload>;
  /** Deletes a single `RolePermission` using a unique key. */
  deleteRolePermission?: Maybe<DeleteRolePermissionPayload>;
  /** Deletes a single `RolePermission` using its globally unique id. */
  deleteRolePermissionById?: Maybe<DeleteRolePermissionPayload>;
  /** Deletes a single `RolePermission` using a unique key. */
  deleteRolePermissionByRoleIdAndPermissionId?: Maybe<DeleteRolePermissionPayload>;
  /** Deletes a single `User` using a unique key. */
  deleteUser?: Maybe<DeleteUserPayload>;
  /** Deletes a single `User` using its globally unique id. */
  deleteUserById?: Maybe<DeleteUserPayload>;
  /** Deletes a single `UserGroup` using a unique key. */
  deleteUserGroup?: Maybe<DeleteUserGroupPayload>;
  /** Deletes a single `UserGroup` using its globally unique id. */
  deleteUserGroupById?: Maybe<DeleteUserGroupPayload>;
  /** Deletes a single `UserGroup` using a unique key. */
  deleteUserGroupByTenantIdAndName?: Maybe<DeleteUserGroupPayload>;
  /** Deletes a single `UserGroupMembership` using a unique key. */
  deleteUserGroupMembership?: Maybe<DeleteUserGroupMembershipPayload>;
  /** Deletes a single `UserGroupMembership` using its globally unique id. */
  deleteUserGroupMembershipById?: Maybe<DeleteUserGroupMembershipPayload>;
  /** Deletes a single `UserGroupMembership` using a unique key. */
  deleteUserGroupMembershipByTenantIdAndUserIdAndUserGroupId?: Maybe<DeleteUserGroupMembershipPayload>;
  /** Deletes a single `UserPermission` using a unique key. */
  deleteUserPermission?: Maybe<DeleteUserPermissionPayload>;
  /** Deletes a single `UserPermission` using its globally unique id. */
  deleteUserPermissionById?: Maybe<DeleteUserPermissionPayload>;
  /** Deletes a single `UserPermission` using a unique key. */
  deleteUserPermissionByTenantIdAndUserIdAndPermissionId?: Maybe<DeleteUserPermissionPayload>;
  /** Deletes a single `UserRole` using a unique key. */
  deleteUserRole?: Maybe<DeleteUserRolePayload>;
  /** Deletes a single `UserRole` using its globally unique id. */
  deleteUserRoleById?: Maybe<DeleteUserRolePayload>;
  /** Deletes a single `UserRole` using a unique key. */
  deleteUserRoleByTenantIdAndUserIdAndRoleId?: Maybe<DeleteUserRolePayload>;
  /** Updates a single `Permission` using a unique key and a patch. */
  updatePermission?: Maybe<UpdatePermissionPayload>;
  /** Updates a single `Permission` using its globally unique id and a patch. */
  updatePermissionById?: Maybe<UpdatePermissionPayload>;
  /** Updates a single `Permission` using a unique key and a patch. */
  updatePermissionByName?: Maybe<UpdatePermissionPayload>;
  /** Updates a single `Role` using a unique key and a patch. */
  updateRole?: Maybe<UpdateRolePayload>;
  /** Updates a single `Role` using its globally unique id and a patch. */
  updateRoleById?: Maybe<UpdateRolePayload>;
  /** Updates a single `Role` using a unique key and a patch. */
  updateRoleByName?: Maybe<UpdateRolePayload>;
  /** Updates a single `Tenant` using a unique key and a patch. */
  updateTenant?: Maybe<UpdateTenantPayload>;
  /** Updates a single `Tenant` using its globally unique id and a patch. */
  updateTenantById?: Maybe<UpdateTenantPayload>;
  /** Updates a single `Tenant` using a unique key and a patch. */
  updateTenantByName?: Maybe<UpdateTenantPayload>;
  /** Updates a single `User` using a unique key and a patch. */
  updateUser?: Maybe<UpdateUserPayload>;
  /** Updates a single `User` using its globally unique id and a patch. */
  updateUserById?: Maybe<UpdateUserPayload>;
  /** Updates a single `UserGroup` using a unique key and a patch. */
  updateUserGroup?: Maybe<UpdateUserGroupPayload>;
  /** Updates a single `UserGroup` using its globally unique id and a patch. */
  updateUserGroupById?: Maybe<UpdateUserGroupPayload>;
  /** Updates a single `UserGroup` using a unique key and a patch. */
  updateUserGroupByTenantIdAndName?: Maybe<UpdateUserGroupPayload>;
  /** Updates a single `UserPreference` using a unique key and a patch. */
  updateUserPreference?: Maybe<UpdateUserPreferencePayload>;
  /** Updates a single `UserPreference` using its globally unique id and a patch. */
  updateUserPreferenceById?: Maybe<UpdateUserPreferencePayload>;
  /** Updates a single `UserPreference` using a unique key and a patch. */
  updateUserPreferenceByTenantIdAndUserId?: Maybe<UpdateUserPreferencePayload>;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationCreateGroupRoleArgs = {
  input: CreateGroupRoleInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationCreatePermissionArgs = {
  input: CreatePermissionInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationCreateRoleArgs = {
  input: CreateRoleInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationCreateRolePermissionArgs = {
  input: CreateRolePermissionInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationCreateUserGroupArgs = {
  input: CreateUserGroupInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationCreateUserGroupMembershipArgs = {
  input: CreateUserGroupMembershipInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationCreateUserPermissionArgs = {
  input: CreateUserPermissionInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationCreateUserPreferenceArgs = {
  input: CreateUserPreferenceInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationCreateUserRoleArgs = {
  input: CreateUserRoleInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationDeleteGroupRoleArgs = {
  input: DeleteGroupRoleInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationDeleteGroupRoleByIdArgs = {
  input: DeleteGroupRoleByIdInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationDeleteGroupRoleByTenantIdAndUserGroupIdAndRoleIdArgs = {
  input: DeleteGroupRoleByTenantIdAndUserGroupIdAndRoleIdInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationDeletePermissionArgs = {
  input: DeletePermissionInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationDeletePermissionByIdArgs = {
  input: DeletePermissionByIdInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationDeletePermissionByNameArgs = {
  input: DeletePermissionByNameInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationDeleteRoleArgs = {
  input: DeleteRoleInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationDeleteRoleByIdArgs = {
  input: DeleteRoleByIdInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationDeleteRoleByNameArgs = {
  input: DeleteRoleByNameInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationDeleteRolePermissionArgs = {
  input: DeleteRolePermissionInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationDeleteRolePermissionByIdArgs = {
  input: DeleteRolePermissionByIdInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationDeleteRolePermissionByRoleIdAndPermissionIdArgs = {
  input: DeleteRolePermissionByRoleIdAndPermissionIdInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationDeleteUserArgs = {
  input: DeleteUserInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationDeleteUserByIdArgs = {
  input: DeleteUserByIdInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationDeleteUserGroupArgs = {
  input: DeleteUserGroupInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationDeleteUserGroupByIdArgs = {
  input: DeleteUserGroupByIdInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationDeleteUserGroupByTenantIdAndNameArgs = {
  input: DeleteUserGroupByTenantIdAndNameInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationDeleteUserGroupMembershipArgs = {
  input: DeleteUserGroupMembershipInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationDeleteUserGroupMembershipByIdArgs = {
  input: DeleteUserGroupMembershipByIdInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationDeleteUserGroupMembershipByTenantIdAndUserIdAndUserGroupIdArgs = {
  input: DeleteUserGroupMembershipByTenantIdAndUserIdAndUserGroupIdInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationDeleteUserPermissionArgs = {
  input: DeleteUserPermissionInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationDeleteUserPermissionByIdArgs = {
  input: DeleteUserPermissionByIdInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationDeleteUserPermissionByTenantIdAndUserIdAndPermissionIdArgs = {
  input: DeleteUserPermissionByTenantIdAndUserIdAndPermissionIdInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationDeleteUserRoleArgs = {
  input: DeleteUserRoleInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationDeleteUserRoleByIdArgs = {
  input: DeleteUserRoleByIdInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationDeleteUserRoleByTenantIdAndUserIdAndRoleIdArgs = {
  input: DeleteUserRoleByTenantIdAndUserIdAndRoleIdInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationUpdatePermissionArgs = {
  input: UpdatePermissionInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationUpdatePermissionByIdArgs = {
  input: UpdatePermissionByIdInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationUpdatePermissionByNameArgs = {
  input: UpdatePermissionByNameInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationUpdateRoleArgs = {
  input: UpdateRoleInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationUpdateRoleByIdArgs = {
  input: UpdateRoleByIdInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationUpdateRoleByNameArgs = {
  input: UpdateRoleByNameInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationUpdateTenantArgs = {
  input: UpdateTenantInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationUpdateTenantByIdArgs = {
  input: UpdateTenantByIdInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationUpdateTenantByNameArgs = {
  input: UpdateTenantByNameInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationUpdateUserArgs = {
  input: UpdateUserInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationUpdateUserByIdArgs = {
  input: UpdateUserByIdInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationUpdateUserGroupArgs = {
  input: UpdateUserGroupInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationUpdateUserGroupByIdArgs = {
  input: UpdateUserGroupByIdInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationUpdateUserGroupByTenantIdAndNameArgs = {
  input: UpdateUserGroupByTenantIdAndNameInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationUpdateUserPreferenceArgs = {
  input: UpdateUserPreferenceInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationUpdateUserPreferenceByIdArgs = {
  input: UpdateUserPreferenceByIdInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationUpdateUserPreferenceByTenantIdAndUserIdArgs = {
  input: UpdateUserPreferenceByTenantIdAndUserIdInput;
};

/** An object with a globally unique `ID`. */
export type Node = {
  /** A globally unique identifier. Can be used in various places throughout the system to identify this single value. */
  id: Scalars['ID']['output'];
};

/** Information about pagination in a connection. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** When paginating forwards, the cursor to continue. */
  endCursor?: Maybe<Scalars['Cursor']['output']>;
  /** When paginating forwards, are there more items? */
  hasNextPage: Scalars['Boolean']['output'];
  /** When paginating backwards, are there more items? */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** When paginating backwards, the cursor to continue. */
  startCursor?: Maybe<Scalars['Cursor']['output']>;
};

/** The permission catalog. Names are METHOD_ENTITY (CREATE_ASSETS, DELETE_INVOICES); one CREATE_, UPDATE_ and DELETE_ permission exists for every tenant table. */
export type Permission = Node & {
  __typename?: 'Permission';
  /** When the permission was created. */
  createdAt: Scalars['Datetime']['output'];
  /** What the permission allows. */
  description?: Maybe<Scalars['String']['output']>;
  /** A globally unique identifier. Can be used in various places throughout the system to identify this single value. */
  id: Scalars['ID']['output'];
  /** METHOD_ENTITY, unique. */
  name: Scalars['String']['output'];
  /** Reads and enables pagination through a set of `RolePermission`. */
  rolePermissions: RolePermissionConnection;
  /** Unique identifier of the permission. */
  rowId: Scalars['UUID']['output'];
  /** When the permission was last changed. */
  updatedAt: Scalars['Datetime']['output'];
  /** Reads and enables pagination through a set of `UserPermission`. */
  userPermissions: UserPermissionConnection;
};


/** The permission catalog. Names are METHOD_ENTITY (CREATE_ASSETS, DELETE_INVOICES); one CREATE_, UPDATE_ and DELETE_ permission exists for every tenant table. */
export type PermissionRolePermissionsArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<RolePermissionCondition>;
  filter?: InputMaybe<RolePermissionFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<RolePermissionOrderBy>>;
};


/** The permission catalog. Names are METHOD_ENTITY (CREATE_ASSETS, DELETE_INVOICES); one CREATE_, UPDATE_ and DELETE_ permission exists for every tenant table. */
export type PermissionUserPermissionsArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<UserPermissionCondition>;
  filter?: InputMaybe<UserPermissionFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<UserPermissionOrderBy>>;
};

export type PermissionAggregates = {
  __typename?: 'PermissionAggregates';
  /** Distinct count aggregates across the matching connection (ignoring before/after/first/last/offset) */
  distinctCount?: Maybe<PermissionDistinctCountAggregates>;
  keys?: Maybe<Array<Maybe<Scalars['String']['output']>>>;
};

/**
 * A condition to be used against `Permission` object types. All fields are tested
 * for equality and combined with a logical ‘and.’
 */
export type PermissionCondition = {
  /** Checks for equality with the object’s `name` field. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Checks for equality with the object’s `rowId` field. */
  rowId?: InputMaybe<Scalars['UUID']['input']>;
};

/** A connection to a list of `Permission` values. */
export type PermissionConnection = {
  __typename?: 'PermissionConnection';
  /** Aggregates across the matching connection (ignoring before/after/first/last/offset) */
  aggregates?: Maybe<PermissionAggregates>;
  /** A list of edges which contains the `Permission` and cursor to aid in pagination. */
  edges: Array<PermissionEdge>;
  /** A list of `Permission` objects. */
  nodes: Array<Permission>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** The count of *all* `Permission` you could get from the connection. */
  totalCount: Scalars['Int']['output'];
};

export type PermissionDistinctCountAggregates = {
  __typename?: 'PermissionDistinctCountAggregates';
  /** Distinct count of createdAt across the matching connection */
  createdAt?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of description across the matching connection */
  description?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of name across the matching connection */
  name?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of rowId across the matching connection */
  rowId?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of updatedAt across the matching connection */
  updatedAt?: Maybe<Scalars['BigInt']['output']>;
};

/** A `Permission` edge in the connection. */
export type PermissionEdge = {
  __typename?: 'PermissionEdge';
  /** A cursor for use in pagination. */
  cursor?: Maybe<Scalars['Cursor']['output']>;
  /** The `Permission` at the end of the edge. */
  node: Permission;
};

/** A filter to be used against `Permission` object types. All fields are combined with a logical ‘and.’ */
export type PermissionFilter = {
  /** Checks for all expressions in this list. */
  and?: InputMaybe<Array<PermissionFilter>>;
  /** Filter by the object’s `name` field. */
  name?: InputMaybe<StringFilter>;
  /** Negates the expression. */
  not?: InputMaybe<PermissionFilter>;
  /** Checks for any expressions in this list. */
  or?: InputMaybe<Array<PermissionFilter>>;
  /** Filter by the object’s `rolePermissions` relation. */
  rolePermissions?: InputMaybe<PermissionToManyRolePermissionFilter>;
  /** Some related `rolePermissions` exist. */
  rolePermissionsExist?: InputMaybe<Scalars['Boolean']['input']>;
  /** Filter by the object’s `rowId` field. */
  rowId?: InputMaybe<UuidFilter>;
  /** Filter by the object’s `userPermissions` relation. */
  userPermissions?: InputMaybe<PermissionToManyUserPermissionFilter>;
  /** Some related `userPermissions` exist. */
  userPermissionsExist?: InputMaybe<Scalars['Boolean']['input']>;
};

/** An input for mutations affecting `Permission` */
export type PermissionInput = {
  /** What the permission allows. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** METHOD_ENTITY, unique. */
  name: Scalars['String']['input'];
};

/** Methods to use when ordering `Permission`. */
export type PermissionOrderBy =
  | 'NAME_ASC'
  | 'NAME_DESC'
  | 'NATURAL'
  | 'PRIMARY_KEY_ASC'
  | 'PRIMARY_KEY_DESC'
  | 'ROW_ID_ASC'
  | 'ROW_ID_DESC';

/** Represents an update to a `Permission`. Fields that are set will be updated. */
export type PermissionPatch = {
  /** What the permission allows. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** METHOD_ENTITY, unique. */
  name?: InputMaybe<Scalars['String']['input']>;
};

/** A filter to be used against many `RolePermission` object types. All fields are combined with a logical ‘and.’ */
export type PermissionToManyRolePermissionFilter = {
  /** Every related `RolePermission` matches the filter criteria. All fields are combined with a logical ‘and.’ */
  every?: InputMaybe<RolePermissionFilter>;
  /** No related `RolePermission` matches the filter criteria. All fields are combined with a logical ‘and.’ */
  none?: InputMaybe<RolePermissionFilter>;
  /** Some related `RolePermission` matches the filter criteria. All fields are combined with a logical ‘and.’ */
  some?: InputMaybe<RolePermissionFilter>;
};

/** A filter to be used against many `UserPermission` object types. All fields are combined with a logical ‘and.’ */
export type PermissionToManyUserPermissionFilter = {
  /** Every related `UserPermission` matches the filter criteria. All fields are combined with a logical ‘and.’ */
  every?: InputMaybe<UserPermissionFilter>;
  /** No related `UserPermission` matches the filter criteria. All fields are combined with a logical ‘and.’ */
  none?: InputMaybe<UserPermissionFilter>;
  /** Some related `UserPermission` matches the filter criteria. All fields are combined with a logical ‘and.’ */
  some?: InputMaybe<UserPermissionFilter>;
};

/** The root query type which gives access points into the data universe. */
export type Query = Node & {
  __typename?: 'Query';
  /** Get a single `GroupRole`. */
  groupRole?: Maybe<GroupRole>;
  /** Reads a single `GroupRole` using its globally unique `ID`. */
  groupRoleById?: Maybe<GroupRole>;
  /** Get a single `GroupRole`. */
  groupRoleByTenantIdAndUserGroupIdAndRoleId?: Maybe<GroupRole>;
  /** Reads and enables pagination through a set of `GroupRole`. */
  groupRoles?: Maybe<GroupRoleConnection>;
  /** The root query type must be a `Node` to work well with Relay 1 mutations. This just resolves to `query`. */
  id: Scalars['ID']['output'];
  /** Fetches an object given its globally unique `ID`. */
  node?: Maybe<Node>;
  /** Get a single `Permission`. */
  permission?: Maybe<Permission>;
  /** Reads a single `Permission` using its globally unique `ID`. */
  permissionById?: Maybe<Permission>;
  /** Get a single `Permission`. */
  permissionByName?: Maybe<Permission>;
  /** Reads and enables pagination through a set of `Permission`. */
  permissions?: Maybe<PermissionConnection>;
  /**
   * Exposes the root query type nested one level down. This is helpful for Relay 1
   * which can only query top level fields if they are in a particular form.
   */
  query: Query;
  /** Get a single `Role`. */
  role?: Maybe<Role>;
  /** Reads a single `Role` using its globally unique `ID`. */
  roleById?: Maybe<Role>;
  /** Get a single `Role`. */
  roleByName?: Maybe<Role>;
  /** Get a single `RolePermission`. */
  rolePermission?: Maybe<RolePermission>;
  /** Reads a single `RolePermission` using its globally unique `ID`. */
  rolePermissionById?: Maybe<RolePermission>;
  /** Get a single `RolePermission`. */
  rolePermissionByRoleIdAndPermissionId?: Maybe<RolePermission>;
  /** Reads and enables pagination through a set of `RolePermission`. */
  rolePermissions?: Maybe<RolePermissionConnection>;
  /** Reads and enables pagination through a set of `Role`. */
  roles?: Maybe<RoleConnection>;
  /** Get a single `Tenant`. */
  tenant?: Maybe<Tenant>;
  /** Reads a single `Tenant` using its globally unique `ID`. */
  tenantById?: Maybe<Tenant>;
  /** Get a single `Tenant`. */
  tenantByName?: Maybe<Tenant>;
  /** Reads and enables pagination through a set of `Tenant`. */
  tenants?: Maybe<TenantConnection>;
  /** Get a single `User`. */
  user?: Maybe<User>;
  /** Reads a single `User` using its globally unique `ID`. */
  userById?: Maybe<User>;
  /** Get a single `UserGroup`. */
  userGroup?: Maybe<UserGroup>;
  /** Reads a single `UserGroup` using its globally unique `ID`. */
  userGroupById?: Maybe<UserGroup>;
  /** Get a single `UserGroup`. */
  userGroupByTenantIdAndName?: Maybe<UserGroup>;
  /** Get a single `UserGroupMembership`. */
  userGroupMembership?: Maybe<UserGroupMembership>;
  /** Reads a single `UserGroupMembership` using its globally unique `ID`. */
  userGroupMembershipById?: Maybe<UserGroupMembership>;
  /** Get a single `UserGroupMembership`. */
  userGroupMembershipByTenantIdAndUserIdAndUserGroupId?: Maybe<UserGroupMembership>;
  /** Reads and enables pagination through a set of `UserGroupMembership`. */
  userGroupMemberships?: Maybe<UserGroupMembershipConnection>;
  /** Reads and enables pagination through a set of `UserGroup`. */
  userGroups?: Maybe<UserGroupConnection>;
  /** Get a single `UserPermission`. */
  userPermission?: Maybe<UserPermission>;
  /** Reads a single `UserPermission` using its globally unique `ID`. */
  userPermissionById?: Maybe<UserPermission>;
  /** Get a single `UserPermission`. */
  userPermissionByTenantIdAndUserIdAndPermissionId?: Maybe<UserPermission>;
  /** Reads and enables pagination through a set of `UserPermission`. */
  userPermissions?: Maybe<UserPermissionConnection>;
  /** Get a single `UserPreference`. */
  userPreference?: Maybe<UserPreference>;
  /** Reads a single `UserPreference` using its globally unique `ID`. */
  userPreferenceById?: Maybe<UserPreference>;
  /** Get a single `UserPreference`. */
  userPreferenceByTenantIdAndUserId?: Maybe<UserPreference>;
  /** Reads and enables pagination through a set of `UserPreference`. */
  userPreferences?: Maybe<UserPreferenceConnection>;
  /** Get a single `UserRole`. */
  userRole?: Maybe<UserRole>;
  /** Reads a single `UserRole` using its globally unique `ID`. */
  userRoleById?: Maybe<UserRole>;
  /** Get a single `UserRole`. */
  userRoleByTenantIdAndUserIdAndRoleId?: Maybe<UserRole>;
  /** Reads and enables pagination through a set of `UserRole`. */
  userRoles?: Maybe<UserRoleConnection>;
  /** Get a single `UserSession`. */
  userSession?: Maybe<UserSession>;
  /** Reads a single `UserSession` using its globally unique `ID`. */
  userSessionById?: Maybe<UserSession>;
  /** Reads and enables pagination through a set of `UserSession`. */
  userSessions?: Maybe<UserSessionConnection>;
  /** Reads and enables pagination through a set of `User`. */
  users?: Maybe<UserConnection>;
  /** Names of the permissions the signed-in user holds in their tenant (METHOD_ENTITY). */
  viewerPermissions?: Maybe<Array<Maybe<Scalars['String']['output']>>>;
};


/** The root query type which gives access points into the data universe. */
export type QueryGroupRoleArgs = {
  rowId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryGroupRoleByIdArgs = {
  id: Scalars['ID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryGroupRoleByTenantIdAndUserGroupIdAndRoleIdArgs = {
  roleId: Scalars['UUID']['input'];
  tenantId: Scalars['UUID']['input'];
  userGroupId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryGroupRolesArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<GroupRoleCondition>;
  filter?: InputMaybe<GroupRoleFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<GroupRoleOrderBy>>;
};


/** The root query type which gives access points into the data universe. */
export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryPermissionArgs = {
  rowId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryPermissionByIdArgs = {
  id: Scalars['ID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryPermissionByNameArgs = {
  name: Scalars['String']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryPermissionsArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<PermissionCondition>;
  filter?: InputMaybe<PermissionFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<PermissionOrderBy>>;
};


/** The root query type which gives access points into the data universe. */
export type QueryRoleArgs = {
  rowId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryRoleByIdArgs = {
  id: Scalars['ID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryRoleByNameArgs = {
  name: Scalars['String']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryRolePermissionArgs = {
  rowId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryRolePermissionByIdArgs = {
  id: Scalars['ID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryRolePermissionByRoleIdAndPermissionIdArgs = {
  permissionId: Scalars['UUID']['input'];
  roleId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryRolePermissionsArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<RolePermissionCondition>;
  filter?: InputMaybe<RolePermissionFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<RolePermissionOrderBy>>;
};


/** The root query type which gives access points into the data universe. */
export type QueryRolesArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<RoleCondition>;
  filter?: InputMaybe<RoleFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<RoleOrderBy>>;
};


/** The root query type which gives access points into the data universe. */
export type QueryTenantArgs = {
  rowId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryTenantByIdArgs = {
  id: Scalars['ID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryTenantByNameArgs = {
  name: Scalars['String']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryTenantsArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<TenantCondition>;
  filter?: InputMaybe<TenantFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<TenantOrderBy>>;
};


/** The root query type which gives access points into the data universe. */
export type QueryUserArgs = {
  rowId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryUserByIdArgs = {
  id: Scalars['ID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryUserGroupArgs = {
  rowId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryUserGroupByIdArgs = {
  id: Scalars['ID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryUserGroupByTenantIdAndNameArgs = {
  name: Scalars['String']['input'];
  tenantId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryUserGroupMembershipArgs = {
  rowId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryUserGroupMembershipByIdArgs = {
  id: Scalars['ID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryUserGroupMembershipByTenantIdAndUserIdAndUserGroupIdArgs = {
  tenantId: Scalars['UUID']['input'];
  userGroupId: Scalars['UUID']['input'];
  userId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryUserGroupMembershipsArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<UserGroupMembershipCondition>;
  filter?: InputMaybe<UserGroupMembershipFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<UserGroupMembershipOrderBy>>;
};


/** The root query type which gives access points into the data universe. */
export type QueryUserGroupsArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<UserGroupCondition>;
  filter?: InputMaybe<UserGroupFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<UserGroupOrderBy>>;
};


/** The root query type which gives access points into the data universe. */
export type QueryUserPermissionArgs = {
  rowId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryUserPermissionByIdArgs = {
  id: Scalars['ID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryUserPermissionByTenantIdAndUserIdAndPermissionIdArgs = {
  permissionId: Scalars['UUID']['input'];
  tenantId: Scalars['UUID']['input'];
  userId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryUserPermissionsArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<UserPermissionCondition>;
  filter?: InputMaybe<UserPermissionFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<UserPermissionOrderBy>>;
};


/** The root query type which gives access points into the data universe. */
export type QueryUserPreferenceArgs = {
  rowId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryUserPreferenceByIdArgs = {
  id: Scalars['ID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryUserPreferenceByTenantIdAndUserIdArgs = {
  tenantId: Scalars['UUID']['input'];
  userId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryUserPreferencesArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<UserPreferenceCondition>;
  filter?: InputMaybe<UserPreferenceFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<UserPreferenceOrderBy>>;
};


/** The root query type which gives access points into the data universe. */
export type QueryUserRoleArgs = {
  rowId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryUserRoleByIdArgs = {
  id: Scalars['ID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryUserRoleByTenantIdAndUserIdAndRoleIdArgs = {
  roleId: Scalars['UUID']['input'];
  tenantId: Scalars['UUID']['input'];
  userId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryUserRolesArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<UserRoleCondition>;
  filter?: InputMaybe<UserRoleFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<UserRoleOrderBy>>;
};


/** The root query type which gives access points into the data universe. */
export type QueryUserSessionArgs = {
  rowId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryUserSessionByIdArgs = {
  id: Scalars['ID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryUserSessionsArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<UserSessionCondition>;
  filter?: InputMaybe<UserSessionFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<UserSessionOrderBy>>;
};


/** The root query type which gives access points into the data universe. */
export type QueryUsersArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<UserCondition>;
  filter?: InputMaybe<UserFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<UserOrderBy>>;
};

/** A named set of permissions (RBAC), shared by all tenants: admin, manager, user, viewer and the platform operator. */
export type Role = Node & {
  __typename?: 'Role';
  /** When the role was created. */
  createdAt: Scalars['Datetime']['output'];
  /** What the role is for. */
  description?: Maybe<Scalars['String']['output']>;
  /** Marks the platform operator: may write the global catalogs. Assignable only by a platform operator. */
  globalAccess: Scalars['Boolean']['output'];
  /** Reads and enables pagination through a set of `GroupRole`. */
  groupRoles: GroupRoleConnection;
  /** A globally unique identifier. Can be used in various places throughout the system to identify this single value. */
  id: Scalars['ID']['output'];
  /** Role name, lowercase, unique. */
  name: Scalars['String']['output'];
  /** Reads and enables pagination through a set of `RolePermission`. */
  rolePermissions: RolePermissionConnection;
  /** Unique identifier of the role. */
  rowId: Scalars['UUID']['output'];
  /** When the role was last changed. */
  updatedAt: Scalars['Datetime']['output'];
  /** Reads and enables pagination through a set of `UserRole`. */
  userRoles: UserRoleConnection;
};


/** A named set of permissions (RBAC), shared by all tenants: admin, manager, user, viewer and the platform operator. */
export type RoleGroupRolesArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<GroupRoleCondition>;
  filter?: InputMaybe<GroupRoleFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<GroupRoleOrderBy>>;
};


/** A named set of permissions (RBAC), shared by all tenants: admin, manager, user, viewer and the platform operator. */
export type RoleRolePermissionsArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<RolePermissionCondition>;
  filter?: InputMaybe<RolePermissionFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<RolePermissionOrderBy>>;
};


/** A named set of permissions (RBAC), shared by all tenants: admin, manager, user, viewer and the platform operator. */
export type RoleUserRolesArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<UserRoleCondition>;
  filter?: InputMaybe<UserRoleFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<UserRoleOrderBy>>;
};

export type RoleAggregates = {
  __typename?: 'RoleAggregates';
  /** Distinct count aggregates across the matching connection (ignoring before/after/first/last/offset) */
  distinctCount?: Maybe<RoleDistinctCountAggregates>;
  keys?: Maybe<Array<Maybe<Scalars['String']['output']>>>;
};

/** A condition to be used against `Role` object types. All fields are tested for equality and combined with a logical ‘and.’ */
export type RoleCondition = {
  /** Checks for equality with the object’s `name` field. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Checks for equality with the object’s `rowId` field. */
  rowId?: InputMaybe<Scalars['UUID']['input']>;
};

/** A connection to a list of `Role` values. */
export type RoleConnection = {
  __typename?: 'RoleConnection';
  /** Aggregates across the matching connection (ignoring before/after/first/last/offset) */
  aggregates?: Maybe<RoleAggregates>;
  /** A list of edges which contains the `Role` and cursor to aid in pagination. */
  edges: Array<RoleEdge>;
  /** A list of `Role` objects. */
  nodes: Array<Role>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** The count of *all* `Role` you could get from the connection. */
  totalCount: Scalars['Int']['output'];
};

export type RoleDistinctCountAggregates = {
  __typename?: 'RoleDistinctCountAggregates';
  /** Distinct count of createdAt across the matching connection */
  createdAt?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of description across the matching connection */
  description?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of globalAccess across the matching connection */
  globalAccess?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of name across the matching connection */
  name?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of rowId across the matching connection */
  rowId?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of updatedAt across the matching connection */
  updatedAt?: Maybe<Scalars['BigInt']['output']>;
};

/** A `Role` edge in the connection. */
export type RoleEdge = {
  __typename?: 'RoleEdge';
  /** A cursor for use in pagination. */
  cursor?: Maybe<Scalars['Cursor']['output']>;
  /** The `Role` at the end of the edge. */
  node: Role;
};

/** A filter to be used against `Role` object types. All fields are combined with a logical ‘and.’ */
export type RoleFilter = {
  /** Checks for all expressions in this list. */
  and?: InputMaybe<Array<RoleFilter>>;
  /** Filter by the object’s `groupRoles` relation. */
  groupRoles?: InputMaybe<RoleToManyGroupRoleFilter>;
  /** Some related `groupRoles` exist. */
  groupRolesExist?: InputMaybe<Scalars['Boolean']['input']>;
  /** Filter by the object’s `name` field. */
  name?: InputMaybe<StringFilter>;
  /** Negates the expression. */
  not?: InputMaybe<RoleFilter>;
  /** Checks for any expressions in this list. */
  or?: InputMaybe<Array<RoleFilter>>;
  /** Filter by the object’s `rolePermissions` relation. */
  rolePermissions?: InputMaybe<RoleToManyRolePermissionFilter>;
  /** Some related `rolePermissions` exist. */
  rolePermissionsExist?: InputMaybe<Scalars['Boolean']['input']>;
  /** Filter by the object’s `rowId` field. */
  rowId?: InputMaybe<UuidFilter>;
  /** Filter by the object’s `userRoles` relation. */
  userRoles?: InputMaybe<RoleToManyUserRoleFilter>;
  /** Some related `userRoles` exist. */
  userRolesExist?: InputMaybe<Scalars['Boolean']['input']>;
};

/** An input for mutations affecting `Role` */
export type RoleInput = {
  /** What the role is for. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Marks the platform operator: may write the global catalogs. Assignable only by a platform operator. */
  globalAccess?: InputMaybe<Scalars['Boolean']['input']>;
  /** Role name, lowercase, unique. */
  name: Scalars['String']['input'];
};

/** Methods to use when ordering `Role`. */
export type RoleOrderBy =
  | 'NAME_ASC'
  | 'NAME_DESC'
  | 'NATURAL'
  | 'PRIMARY_KEY_ASC'
  | 'PRIMARY_KEY_DESC'
  | 'ROW_ID_ASC'
  | 'ROW_ID_DESC';

/** Represents an update to a `Role`. Fields that are set will be updated. */
export type RolePatch = {
  /** What the role is for. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Marks the platform operator: may write the global catalogs. Assignable only by a platform operator. */
  globalAccess?: InputMaybe<Scalars['Boolean']['input']>;
  /** Role name, lowercase, unique. */
  name?: InputMaybe<Scalars['String']['input']>;
};

/** Which permissions each role grants. */
export type RolePermission = Node & {
  __typename?: 'RolePermission';
  /** When the grant was made. */
  createdAt: Scalars['Datetime']['output'];
  /** A globally unique identifier. Can be used in various places throughout the system to identify this single value. */
  id: Scalars['ID']['output'];
  /** Reads a single `Permission` that is related to this `RolePermission`. */
  permission?: Maybe<Permission>;
  /** The permission the role grants. */
  permissionId: Scalars['UUID']['output'];
  /** Reads a single `Role` that is related to this `RolePermission`. */
  role?: Maybe<Role>;
  /** The role. */
  roleId: Scalars['UUID']['output'];
  /** Unique identifier of the grant. */
  rowId: Scalars['UUID']['output'];
  /** When the grant was last changed. */
  updatedAt: Scalars['Datetime']['output'];
};

export type RolePermissionAggregates = {
  __typename?: 'RolePermissionAggregates';
  /** Distinct count aggregates across the matching connection (ignoring before/after/first/last/offset) */
  distinctCount?: Maybe<RolePermissionDistinctCountAggregates>;
  keys?: Maybe<Array<Maybe<Scalars['String']['output']>>>;
};

/**
 * A condition to be used against `RolePermission` object types. All fields are
 * tested for equality and combined with a logical ‘and.’
 */
export type RolePermissionCondition = {
  /** Checks for equality with the object’s `permissionId` field. */
  permissionId?: InputMaybe<Scalars['UUID']['input']>;
  /** Checks for equality with the object’s `roleId` field. */
  roleId?: InputMaybe<Scalars['UUID']['input']>;
  /** Checks for equality with the object’s `rowId` field. */
  rowId?: InputMaybe<Scalars['UUID']['input']>;
};

/** A connection to a list of `RolePermission` values. */
export type RolePermissionConnection = {
  __typename?: 'RolePermissionConnection';
  /** Aggregates across the matching connection (ignoring before/after/first/last/offset) */
  aggregates?: Maybe<RolePermissionAggregates>;
  /** A list of edges which contains the `RolePermission` and cursor to aid in pagination. */
  edges: Array<RolePermissionEdge>;
  /** Grouped aggregates across the matching connection (ignoring before/after/first/last/offset) */
  groupedAggregates?: Maybe<Array<RolePermissionAggregates>>;
  /** A list of `RolePermission` objects. */
  nodes: Array<RolePermission>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** The count of *all* `RolePermission` you could get from the connection. */
  totalCount: Scalars['Int']['output'];
};


/** A connection to a list of `RolePermission` values. */
export type RolePermissionConnectionGroupedAggregatesArgs = {
  groupBy: Array<RolePermissionGroupBy>;
  having?: InputMaybe<RolePermissionHavingInput>;
};

export type RolePermissionDistinctCountAggregates = {
  __typename?: 'RolePermissionDistinctCountAggregates';
  /** Distinct count of createdAt across the matching connection */
  createdAt?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of permissionId across the matching connection */
  permissionId?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of roleId across the matching connection */
  roleId?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of rowId across the matching connection */
  rowId?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of updatedAt across the matching connection */
  updatedAt?: Maybe<Scalars['BigInt']['output']>;
};

/** A `RolePermission` edge in the connection. */
export type RolePermissionEdge = {
  __typename?: 'RolePermissionEdge';
  /** A cursor for use in pagination. */
  cursor?: Maybe<Scalars['Cursor']['output']>;
  /** The `RolePermission` at the end of the edge. */
  node: RolePermission;
};

/** A filter to be used against `RolePermission` object types. All fields are combined with a logical ‘and.’ */
export type RolePermissionFilter = {
  /** Checks for all expressions in this list. */
  and?: InputMaybe<Array<RolePermissionFilter>>;
  /** Negates the expression. */
  not?: InputMaybe<RolePermissionFilter>;
  /** Checks for any expressions in this list. */
  or?: InputMaybe<Array<RolePermissionFilter>>;
  /** Filter by the object’s `permission` relation. */
  permission?: InputMaybe<PermissionFilter>;
  /** Filter by the object’s `permissionId` field. */
  permissionId?: InputMaybe<UuidFilter>;
  /** Filter by the object’s `role` relation. */
  role?: InputMaybe<RoleFilter>;
  /** Filter by the object’s `roleId` field. */
  roleId?: InputMaybe<UuidFilter>;
  /** Filter by the object’s `rowId` field. */
  rowId?: InputMaybe<UuidFilter>;
};

/** Grouping methods for `RolePermission` for usage during aggregation. */
export type RolePermissionGroupBy =
  | 'PERMISSION_ID'
  | 'ROLE_ID';

export type RolePermissionHavingAverageInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

export type RolePermissionHavingDistinctCountInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

/** Conditions for `RolePermission` aggregates. */
export type RolePermissionHavingInput = {
  AND?: InputMaybe<Array<RolePermissionHavingInput>>;
  OR?: InputMaybe<Array<RolePermissionHavingInput>>;
  average?: InputMaybe<RolePermissionHavingAverageInput>;
  distinctCount?: InputMaybe<RolePermissionHavingDistinctCountInput>;
  max?: InputMaybe<RolePermissionHavingMaxInput>;
  min?: InputMaybe<RolePermissionHavingMinInput>;
  stddevPopulation?: InputMaybe<RolePermissionHavingStddevPopulationInput>;
  stddevSample?: InputMaybe<RolePermissionHavingStddevSampleInput>;
  sum?: InputMaybe<RolePermissionHavingSumInput>;
  variancePopulation?: InputMaybe<RolePermissionHavingVariancePopulationInput>;
  varianceSample?: InputMaybe<RolePermissionHavingVarianceSampleInput>;
};

export type RolePermissionHavingMaxInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

export type RolePermissionHavingMinInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

export type RolePermissionHavingStddevPopulationInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

export type RolePermissionHavingStddevSampleInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

export type RolePermissionHavingSumInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

export type RolePermissionHavingVariancePopulationInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

export type RolePermissionHavingVarianceSampleInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

/** An input for mutations affecting `RolePermission` */
export type RolePermissionInput = {
  /** The permission the role grants. */
  permissionId: Scalars['UUID']['input'];
  /** The role. */
  roleId: Scalars['UUID']['input'];
};

/** Methods to use when ordering `RolePermission`. */
export type RolePermissionOrderBy =
  | 'NATURAL'
  | 'PERMISSION_ID_ASC'
  | 'PERMISSION_ID_DESC'
  | 'PRIMARY_KEY_ASC'
  | 'PRIMARY_KEY_DESC'
  | 'ROLE_ID_ASC'
  | 'ROLE_ID_DESC'
  | 'ROW_ID_ASC'
  | 'ROW_ID_DESC';

/** A filter to be used against many `GroupRole` object types. All fields are combined with a logical ‘and.’ */
export type RoleToManyGroupRoleFilter = {
  /** Every related `GroupRole` matches the filter criteria. All fields are combined with a logical ‘and.’ */
  every?: InputMaybe<GroupRoleFilter>;
  /** No related `GroupRole` matches the filter criteria. All fields are combined with a logical ‘and.’ */
  none?: InputMaybe<GroupRoleFilter>;
  /** Some related `GroupRole` matches the filter criteria. All fields are combined with a logical ‘and.’ */
  some?: InputMaybe<GroupRoleFilter>;
};

/** A filter to be used against many `RolePermission` object types. All fields are combined with a logical ‘and.’ */
export type RoleToManyRolePermissionFilter = {
  /** Every related `RolePermission` matches the filter criteria. All fields are combined with a logical ‘and.’ */
  every?: InputMaybe<RolePermissionFilter>;
  /** No related `RolePermission` matches the filter criteria. All fields are combined with a logical ‘and.’ */
  none?: InputMaybe<RolePermissionFilter>;
  /** Some related `RolePermission` matches the filter criteria. All fields are combined with a logical ‘and.’ */
  some?: InputMaybe<RolePermissionFilter>;
};

/** A filter to be used against many `UserRole` object types. All fields are combined with a logical ‘and.’ */
export type RoleToManyUserRoleFilter = {
  /** Every related `UserRole` matches the filter criteria. All fields are combined with a logical ‘and.’ */
  every?: InputMaybe<UserRoleFilter>;
  /** No related `UserRole` matches the filter criteria. All fields are combined with a logical ‘and.’ */
  none?: InputMaybe<UserRoleFilter>;
  /** Some related `UserRole` matches the filter criteria. All fields are combined with a logical ‘and.’ */
  some?: InputMaybe<UserRoleFilter>;
};

/** A change to a row of a tenant table. */
export type RowChange = {
  __typename?: 'RowChange';
  /** The row as it is now, read as the subscriber (null after a delete, or when they may not read it). */
  node?: Maybe<Node>;
  /** insert, update or delete. */
  op: Scalars['String']['output'];
  rowId: Scalars['UUID']['output'];
  /** The table's SQL name, e.g. user_groups. */
  table: Scalars['String']['output'];
};

/** A filter to be used against String fields. All fields are combined with a logical ‘and.’ */
export type StringFilter = {
  /** Not equal to the specified value, treating null like an ordinary value. */
  distinctFrom?: InputMaybe<Scalars['String']['input']>;
  /** Equal to the specified value. */
  equalTo?: InputMaybe<Scalars['String']['input']>;
  /** Greater than the specified value. */
  greaterThan?: InputMaybe<Scalars['String']['input']>;
  /** Greater than or equal to the specified value. */
  greaterThanOrEqualTo?: InputMaybe<Scalars['String']['input']>;
  /** Included in the specified list. */
  in?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Is null (if `true` is specified) or is not null (if `false` is specified). */
  isNull?: InputMaybe<Scalars['Boolean']['input']>;
  /** Less than the specified value. */
  lessThan?: InputMaybe<Scalars['String']['input']>;
  /** Less than or equal to the specified value. */
  lessThanOrEqualTo?: InputMaybe<Scalars['String']['input']>;
  /** Equal to the specified value, treating null like an ordinary value. */
  notDistinctFrom?: InputMaybe<Scalars['String']['input']>;
  /** Not equal to the specified value. */
  notEqualTo?: InputMaybe<Scalars['String']['input']>;
  /** Not included in the specified list. */
  notIn?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** The root subscription type: contains realtime events you can subscribe to with the `subscription` operation. */
export type Subscription = {
  __typename?: 'Subscription';
  /** Row changes in the caller's tenant, of one table (its SQL name) or of all. */
  rowChanged?: Maybe<RowChange>;
};


/** The root subscription type: contains realtime events you can subscribe to with the `subscription` operation. */
export type SubscriptionRowChangedArgs = {
  table?: InputMaybe<Scalars['String']['input']>;
};

/** An organization using Nexus. A signed-in user sees only their own tenant. */
export type Tenant = Node & {
  __typename?: 'Tenant';
  /** The group whose members administer the tenant. */
  adminGroup?: Maybe<UserGroup>;
  /** When the tenant was created. */
  createdAt: Scalars['Datetime']['output'];
  /** Reads and enables pagination through a set of `GroupRole`. */
  groupRoles: GroupRoleConnection;
  /** A globally unique identifier. Can be used in various places throughout the system to identify this single value. */
  id: Scalars['ID']['output'];
  /** Display name, unique across Nexus. */
  name: Scalars['String']['output'];
  /** Unique identifier of the tenant. */
  rowId: Scalars['UUID']['output'];
  /** The group whose members administer the tenant (role admin). */
  tenantAdminGroupId: Scalars['UUID']['output'];
  /** The group every user of the tenant belongs to (role user). */
  tenantUsersGroupId: Scalars['UUID']['output'];
  /** When the tenant was last changed. */
  updatedAt: Scalars['Datetime']['output'];
  /** Reads and enables pagination through a set of `UserGroupMembership`. */
  userGroupMemberships: UserGroupMembershipConnection;
  /** Reads and enables pagination through a set of `UserGroup`. */
  userGroups: UserGroupConnection;
  /** Reads and enables pagination through a set of `UserPermission`. */
  userPermissions: UserPermissionConnection;
  /** Reads and enables pagination through a set of `UserPreference`. */
  userPreferences: UserPreferenceConnection;
  /** Reads and enables pagination through a set of `UserRole`. */
  userRoles: UserRoleConnection;
  /** Reads and enables pagination through a set of `UserSession`. */
  userSessions: UserSessionConnection;
  /** Reads and enables pagination through a set of `User`. */
  users: UserConnection;
  /** The group every user of the tenant belongs to. */
  usersGroup?: Maybe<UserGroup>;
};


/** An organization using Nexus. A signed-in user sees only their own tenant. */
export type TenantGroupRolesArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<GroupRoleCondition>;
  filter?: InputMaybe<GroupRoleFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<GroupRoleOrderBy>>;
};


/** An organization using Nexus. A signed-in user sees only their own tenant. */
export type TenantUserGroupMembershipsArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<UserGroupMembershipCondition>;
  filter?: InputMaybe<UserGroupMembershipFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<UserGroupMembershipOrderBy>>;
};


/** An organization using Nexus. A signed-in user sees only their own tenant. */
export type TenantUserGroupsArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<UserGroupCondition>;
  filter?: InputMaybe<UserGroupFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<UserGroupOrderBy>>;
};


/** An organization using Nexus. A signed-in user sees only their own tenant. */
export type TenantUserPermissionsArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<UserPermissionCondition>;
  filter?: InputMaybe<UserPermissionFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<UserPermissionOrderBy>>;
};


/** An organization using Nexus. A signed-in user sees only their own tenant. */
export type TenantUserPreferencesArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<UserPreferenceCondition>;
  filter?: InputMaybe<UserPreferenceFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<UserPreferenceOrderBy>>;
};


/** An organization using Nexus. A signed-in user sees only their own tenant. */
export type TenantUserRolesArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<UserRoleCondition>;
  filter?: InputMaybe<UserRoleFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<UserRoleOrderBy>>;
};


/** An organization using Nexus. A signed-in user sees only their own tenant. */
export type TenantUserSessionsArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<UserSessionCondition>;
  filter?: InputMaybe<UserSessionFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<UserSessionOrderBy>>;
};


/** An organization using Nexus. A signed-in user sees only their own tenant. */
export type TenantUsersArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<UserCondition>;
  filter?: InputMaybe<UserFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<UserOrderBy>>;
};

export type TenantAggregates = {
  __typename?: 'TenantAggregates';
  /** Distinct count aggregates across the matching connection (ignoring before/after/first/last/offset) */
  distinctCount?: Maybe<TenantDistinctCountAggregates>;
  keys?: Maybe<Array<Maybe<Scalars['String']['output']>>>;
};

/** A condition to be used against `Tenant` object types. All fields are tested for equality and combined with a logical ‘and.’ */
export type TenantCondition = {
  /** Checks for equality with the object’s `name` field. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Checks for equality with the object’s `rowId` field. */
  rowId?: InputMaybe<Scalars['UUID']['input']>;
};

/** A connection to a list of `Tenant` values. */
export type TenantConnection = {
  __typename?: 'TenantConnection';
  /** Aggregates across the matching connection (ignoring before/after/first/last/offset) */
  aggregates?: Maybe<TenantAggregates>;
  /** A list of edges which contains the `Tenant` and cursor to aid in pagination. */
  edges: Array<TenantEdge>;
  /** A list of `Tenant` objects. */
  nodes: Array<Tenant>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** The count of *all* `Tenant` you could get from the connection. */
  totalCount: Scalars['Int']['output'];
};

export type TenantDistinctCountAggregates = {
  __typename?: 'TenantDistinctCountAggregates';
  /** Distinct count of createdAt across the matching connection */
  createdAt?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of name across the matching connection */
  name?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of rowId across the matching connection */
  rowId?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of tenantAdminGroupId across the matching connection */
  tenantAdminGroupId?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of tenantUsersGroupId across the matching connection */
  tenantUsersGroupId?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of updatedAt across the matching connection */
  updatedAt?: Maybe<Scalars['BigInt']['output']>;
};

/** A `Tenant` edge in the connection. */
export type TenantEdge = {
  __typename?: 'TenantEdge';
  /** A cursor for use in pagination. */
  cursor?: Maybe<Scalars['Cursor']['output']>;
  /** The `Tenant` at the end of the edge. */
  node: Tenant;
};

/** A filter to be used against `Tenant` object types. All fields are combined with a logical ‘and.’ */
export type TenantFilter = {
  /** Filter by the object’s `adminGroup` relation. */
  adminGroup?: InputMaybe<UserGroupFilter>;
  /** Checks for all expressions in this list. */
  and?: InputMaybe<Array<TenantFilter>>;
  /** Filter by the object’s `groupRoles` relation. */
  groupRoles?: InputMaybe<TenantToManyGroupRoleFilter>;
  /** Some related `groupRoles` exist. */
  groupRolesExist?: InputMaybe<Scalars['Boolean']['input']>;
  /** Filter by the object’s `name` field. */
  name?: InputMaybe<StringFilter>;
  /** Negates the expression. */
  not?: InputMaybe<TenantFilter>;
  /** Checks for any expressions in this list. */
  or?: InputMaybe<Array<TenantFilter>>;
  /** Filter by the object’s `rowId` field. */
  rowId?: InputMaybe<UuidFilter>;
  /** Filter by the object’s `userGroupMemberships` relation. */
  userGroupMemberships?: InputMaybe<TenantToManyUserGroupMembershipFilter>;
  /** Some related `userGroupMemberships` exist. */
  userGroupMembershipsExist?: InputMaybe<Scalars['Boolean']['input']>;
  /** Filter by the object’s `userGroups` relation. */
  userGroups?: InputMaybe<TenantToManyUserGroupFilter>;
  /** Some related `userGroups` exist. */
  userGroupsExist?: InputMaybe<Scalars['Boolean']['input']>;
  /** Filter by the object’s `userPermissions` relation. */
  userPermissions?: InputMaybe<TenantToManyUserPermissionFilter>;
  /** Some related `userPermissions` exist. */
  userPermissionsExist?: InputMaybe<Scalars['Boolean']['input']>;
  /** Filter by the object’s `userPreferences` relation. */
  userPreferences?: InputMaybe<TenantToManyUserPreferenceFilter>;
  /** Some related `userPreferences` exist. */
  userPreferencesExist?: InputMaybe<Scalars['Boolean']['input']>;
  /** Filter by the object’s `userRoles` relation. */
  userRoles?: InputMaybe<TenantToManyUserRoleFilter>;
  /** Some related `userRoles` exist. */
  userRolesExist?: InputMaybe<Scalars['Boolean']['input']>;
  /** Filter by the object’s `userSessions` relation. */
  userSessions?: InputMaybe<TenantToManyUserSessionFilter>;
  /** Some related `userSessions` exist. */
  userSessionsExist?: InputMaybe<Scalars['Boolean']['input']>;
  /** Filter by the object’s `users` relation. */
  users?: InputMaybe<TenantToManyUserFilter>;
  /** Some related `users` exist. */
  usersExist?: InputMaybe<Scalars['Boolean']['input']>;
  /** Filter by the object’s `usersGroup` relation. */
  usersGroup?: InputMaybe<UserGroupFilter>;
};

/** Methods to use when ordering `Tenant`. */
export type TenantOrderBy =
  | 'NAME_ASC'
  | 'NAME_DESC'
  | 'NATURAL'
  | 'PRIMARY_KEY_ASC'
  | 'PRIMARY_KEY_DESC'
  | 'ROW_ID_ASC'
  | 'ROW_ID_DESC';

/** Represents an update to a `Tenant`. Fields that are set will be updated. */
export type TenantPatch = {
  /** Display name, unique across Nexus. */
  name?: InputMaybe<Scalars['String']['input']>;
};

/** A filter to be used against many `GroupRole` object types. All fields are combined with a logical ‘and.’ */
export type TenantToManyGroupRoleFilter = {
  /** Every related `GroupRole` matches the filter criteria. All fields are combined with a logical ‘and.’ */
  every?: InputMaybe<GroupRoleFilter>;
  /** No related `GroupRole` matches the filter criteria. All fields are combined with a logical ‘and.’ */
  none?: InputMaybe<GroupRoleFilter>;
  /** Some related `GroupRole` matches the filter criteria. All fields are combined with a logical ‘and.’ */
  some?: InputMaybe<GroupRoleFilter>;
};

/** A filter to be used against many `User` object types. All fields are combined with a logical ‘and.’ */
export type TenantToManyUserFilter = {
  /** Every related `User` matches the filter criteria. All fields are combined with a logical ‘and.’ */
  every?: InputMaybe<UserFilter>;
  /** No related `User` matches the filter criteria. All fields are combined with a logical ‘and.’ */
  none?: InputMaybe<UserFilter>;
  /** Some related `User` matches the filter criteria. All fields are combined with a logical ‘and.’ */
  some?: InputMaybe<UserFilter>;
};

/** A filter to be used against many `UserGroup` object types. All fields are combined with a logical ‘and.’ */
export type TenantToManyUserGroupFilter = {
  /** Every related `UserGroup` matches the filter criteria. All fields are combined with a logical ‘and.’ */
  every?: InputMaybe<UserGroupFilter>;
  /** No related `UserGroup` matches the filter criteria. All fields are combined with a logical ‘and.’ */
  none?: InputMaybe<UserGroupFilter>;
  /** Some related `UserGroup` matches the filter criteria. All fields are combined with a logical ‘and.’ */
  some?: InputMaybe<UserGroupFilter>;
};

/** A filter to be used against many `UserGroupMembership` object types. All fields are combined with a logical ‘and.’ */
export type TenantToManyUserGroupMembershipFilter = {
  /** Every related `UserGroupMembership` matches the filter criteria. All fields are combined with a logical ‘and.’ */
  every?: InputMaybe<UserGroupMembershipFilter>;
  /** No related `UserGroupMembership` matches the filter criteria. All fields are combined with a logical ‘and.’ */
  none?: InputMaybe<UserGroupMembershipFilter>;
  /** Some related `UserGroupMembership` matches the filter criteria. All fields are combined with a logical ‘and.’ */
  some?: InputMaybe<UserGroupMembershipFilter>;
};

/** A filter to be used against many `UserPermission` object types. All fields are combined with a logical ‘and.’ */
export type TenantToManyUserPermissionFilter = {
  /** Every related `UserPermission` matches the filter criteria. All fields are combined with a logical ‘and.’ */
  every?: InputMaybe<UserPermissionFilter>;
  /** No related `UserPermission` matches the filter criteria. All fields are combined with a logical ‘and.’ */
  none?: InputMaybe<UserPermissionFilter>;
  /** Some related `UserPermission` matches the filter criteria. All fields are combined with a logical ‘and.’ */
  some?: InputMaybe<UserPermissionFilter>;
};

/** A filter to be used against many `UserPreference` object types. All fields are combined with a logical ‘and.’ */
export type TenantToManyUserPreferenceFilter = {
  /** Every related `UserPreference` matches the filter criteria. All fields are combined with a logical ‘and.’ */
  every?: InputMaybe<UserPreferenceFilter>;
  /** No related `UserPreference` matches the filter criteria. All fields are combined with a logical ‘and.’ */
  none?: InputMaybe<UserPreferenceFilter>;
  /** Some related `UserPreference` matches the filter criteria. All fields are combined with a logical ‘and.’ */
  some?: InputMaybe<UserPreferenceFilter>;
};

/** A filter to be used against many `UserRole` object types. All fields are combined with a logical ‘and.’ */
export type TenantToManyUserRoleFilter = {
  /** Every related `UserRole` matches the filter criteria. All fields are combined with a logical ‘and.’ */
  every?: InputMaybe<UserRoleFilter>;
  /** No related `UserRole` matches the filter criteria. All fields are combined with a logical ‘and.’ */
  none?: InputMaybe<UserRoleFilter>;
  /** Some related `UserRole` matches the filter criteria. All fields are combined with a logical ‘and.’ */
  some?: InputMaybe<UserRoleFilter>;
};

/** A filter to be used against many `UserSession` object types. All fields are combined with a logical ‘and.’ */
export type TenantToManyUserSessionFilter = {
  /** Every related `UserSession` matches the filter criteria. All fields are combined with a logical ‘and.’ */
  every?: InputMaybe<UserSessionFilter>;
  /** No related `UserSession` matches the filter criteria. All fields are combined with a logical ‘and.’ */
  none?: InputMaybe<UserSessionFilter>;
  /** Some related `UserSession` matches the filter criteria. All fields are combined with a logical ‘and.’ */
  some?: InputMaybe<UserSessionFilter>;
};

/** A filter to be used against UUID fields. All fields are combined with a logical ‘and.’ */
export type UuidFilter = {
  /** Not equal to the specified value, treating null like an ordinary value. */
  distinctFrom?: InputMaybe<Scalars['UUID']['input']>;
  /** Equal to the specified value. */
  equalTo?: InputMaybe<Scalars['UUID']['input']>;
  /** Greater than the specified value. */
  greaterThan?: InputMaybe<Scalars['UUID']['input']>;
  /** Greater than or equal to the specified value. */
  greaterThanOrEqualTo?: InputMaybe<Scalars['UUID']['input']>;
  /** Included in the specified list. */
  in?: InputMaybe<Array<Scalars['UUID']['input']>>;
  /** Is null (if `true` is specified) or is not null (if `false` is specified). */
  isNull?: InputMaybe<Scalars['Boolean']['input']>;
  /** Less than the specified value. */
  lessThan?: InputMaybe<Scalars['UUID']['input']>;
  /** Less than or equal to the specified value. */
  lessThanOrEqualTo?: InputMaybe<Scalars['UUID']['input']>;
  /** Equal to the specified value, treating null like an ordinary value. */
  notDistinctFrom?: InputMaybe<Scalars['UUID']['input']>;
  /** Not equal to the specified value. */
  notEqualTo?: InputMaybe<Scalars['UUID']['input']>;
  /** Not included in the specified list. */
  notIn?: InputMaybe<Array<Scalars['UUID']['input']>>;
};

/** All input for the `updatePermissionById` mutation. */
export type UpdatePermissionByIdInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The globally unique `ID` which will identify a single `Permission` to be updated. */
  id: Scalars['ID']['input'];
  /** An object where the defined keys will be set on the `Permission` being updated. */
  patch: PermissionPatch;
};

/** All input for the `updatePermissionByName` mutation. */
export type UpdatePermissionByNameInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** METHOD_ENTITY, unique. */
  name: Scalars['String']['input'];
  /** An object where the defined keys will be set on the `Permission` being updated. */
  patch: PermissionPatch;
};

/** All input for the `updatePermission` mutation. */
export type UpdatePermissionInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** An object where the defined keys will be set on the `Permission` being updated. */
  patch: PermissionPatch;
  /** Unique identifier of the permission. */
  rowId: Scalars['UUID']['input'];
};

/** The output of our update `Permission` mutation. */
export type UpdatePermissionPayload = {
  __typename?: 'UpdatePermissionPayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** The `Permission` that was updated by this mutation. */
  permission?: Maybe<Permission>;
  /** An edge for our `Permission`. May be used by Relay 1. */
  permissionEdge?: Maybe<PermissionEdge>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
};


/** The output of our update `Permission` mutation. */
export type UpdatePermissionPayloadPermissionEdgeArgs = {
  orderBy?: Array<PermissionOrderBy>;
};

/** All input for the `updateRoleById` mutation. */
export type UpdateRoleByIdInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The globally unique `ID` which will identify a single `Role` to be updated. */
  id: Scalars['ID']['input'];
  /** An object where the defined keys will be set on the `Role` being updated. */
  patch: RolePatch;
};

/** All input for the `updateRoleByName` mutation. */
export type UpdateRoleByNameInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** Role name, lowercase, unique. */
  name: Scalars['String']['input'];
  /** An object where the defined keys will be set on the `Role` being updated. */
  patch: RolePatch;
};

/** All input for the `updateRole` mutation. */
export type UpdateRoleInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** An object where the defined keys will be set on the `Role` being updated. */
  patch: RolePatch;
  /** Unique identifier of the role. */
  rowId: Scalars['UUID']['input'];
};

/** The output of our update `Role` mutation. */
export type UpdateRolePayload = {
  __typename?: 'UpdateRolePayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  /** The `Role` that was updated by this mutation. */
  role?: Maybe<Role>;
  /** An edge for our `Role`. May be used by Relay 1. */
  roleEdge?: Maybe<RoleEdge>;
};


/** The output of our update `Role` mutation. */
export type UpdateRolePayloadRoleEdgeArgs = {
  orderBy?: Array<RoleOrderBy>;
};

/** All input for the `updateTenantById` mutation. */
export type UpdateTenantByIdInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The globally unique `ID` which will identify a single `Tenant` to be updated. */
  id: Scalars['ID']['input'];
  /** An object where the defined keys will be set on the `Tenant` being updated. */
  patch: TenantPatch;
};

/** All input for the `updateTenantByName` mutation. */
export type UpdateTenantByNameInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** Display name, unique across Nexus. */
  name: Scalars['String']['input'];
  /** An object where the defined keys will be set on the `Tenant` being updated. */
  patch: TenantPatch;
};

/** All input for the `updateTenant` mutation. */
export type UpdateTenantInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** An object where the defined keys will be set on the `Tenant` being updated. */
  patch: TenantPatch;
  /** Unique identifier of the tenant. */
  rowId: Scalars['UUID']['input'];
};

/** The output of our update `Tenant` mutation. */
export type UpdateTenantPayload = {
  __typename?: 'UpdateTenantPayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  /** The `Tenant` that was updated by this mutation. */
  tenant?: Maybe<Tenant>;
  /** An edge for our `Tenant`. May be used by Relay 1. */
  tenantEdge?: Maybe<TenantEdge>;
};


/** The output of our update `Tenant` mutation. */
export type UpdateTenantPayloadTenantEdgeArgs = {
  orderBy?: Array<TenantOrderBy>;
};

/** All input for the `updateUserById` mutation. */
export type UpdateUserByIdInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The globally unique `ID` which will identify a single `User` to be updated. */
  id: Scalars['ID']['input'];
  /** An object where the defined keys will be set on the `User` being updated. */
  patch: UserPatch;
};

/** All input for the `updateUserGroupById` mutation. */
export type UpdateUserGroupByIdInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The globally unique `ID` which will identify a single `UserGroup` to be updated. */
  id: Scalars['ID']['input'];
  /** An object where the defined keys will be set on the `UserGroup` being updated. */
  patch: UserGroupPatch;
};

/** All input for the `updateUserGroupByTenantIdAndName` mutation. */
export type UpdateUserGroupByTenantIdAndNameInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** Group name, unique within the tenant. */
  name: Scalars['String']['input'];
  /** An object where the defined keys will be set on the `UserGroup` being updated. */
  patch: UserGroupPatch;
  /** The tenant the group belongs to. */
  tenantId: Scalars['UUID']['input'];
};

/** All input for the `updateUserGroup` mutation. */
export type UpdateUserGroupInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** An object where the defined keys will be set on the `UserGroup` being updated. */
  patch: UserGroupPatch;
  /** Unique identifier of the group. */
  rowId: Scalars['UUID']['input'];
};

/** The output of our update `UserGroup` mutation. */
export type UpdateUserGroupPayload = {
  __typename?: 'UpdateUserGroupPayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  /** The `UserGroup` that was updated by this mutation. */
  userGroup?: Maybe<UserGroup>;
  /** An edge for our `UserGroup`. May be used by Relay 1. */
  userGroupEdge?: Maybe<UserGroupEdge>;
};


/** The output of our update `UserGroup` mutation. */
export type UpdateUserGroupPayloadUserGroupEdgeArgs = {
  orderBy?: Array<UserGroupOrderBy>;
};

/** All input for the `updateUser` mutation. */
export type UpdateUserInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** An object where the defined keys will be set on the `User` being updated. */
  patch: UserPatch;
  /** Unique identifier of the user. */
  rowId: Scalars['UUID']['input'];
};

/** The output of our update `User` mutation. */
export type UpdateUserPayload = {
  __typename?: 'UpdateUserPayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  /** The `User` that was updated by this mutation. */
  user?: Maybe<User>;
  /** An edge for our `User`. May be used by Relay 1. */
  userEdge?: Maybe<UserEdge>;
};


/** The output of our update `User` mutation. */
export type UpdateUserPayloadUserEdgeArgs = {
  orderBy?: Array<UserOrderBy>;
};

/** All input for the `updateUserPreferenceById` mutation. */
export type UpdateUserPreferenceByIdInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The globally unique `ID` which will identify a single `UserPreference` to be updated. */
  id: Scalars['ID']['input'];
  /** An object where the defined keys will be set on the `UserPreference` being updated. */
  patch: UserPreferencePatch;
};

/** All input for the `updateUserPreferenceByTenantIdAndUserId` mutation. */
export type UpdateUserPreferenceByTenantIdAndUserIdInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** An object where the defined keys will be set on the `UserPreference` being updated. */
  patch: UserPreferencePatch;
  /** The tenant of the user. */
  tenantId: Scalars['UUID']['input'];
  /** The user. */
  userId: Scalars['UUID']['input'];
};

/** All input for the `updateUserPreference` mutation. */
export type UpdateUserPreferenceInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** An object where the defined keys will be set on the `UserPreference` being updated. */
  patch: UserPreferencePatch;
  /** Unique identifier of the preferences. */
  rowId: Scalars['UUID']['input'];
};

/** The output of our update `UserPreference` mutation. */
export type UpdateUserPreferencePayload = {
  __typename?: 'UpdateUserPreferencePayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  /** The `UserPreference` that was updated by this mutation. */
  userPreference?: Maybe<UserPreference>;
  /** An edge for our `UserPreference`. May be used by Relay 1. */
  userPreferenceEdge?: Maybe<UserPreferenceEdge>;
};


/** The output of our update `UserPreference` mutation. */
export type UpdateUserPreferencePayloadUserPreferenceEdgeArgs = {
  orderBy?: Array<UserPreferenceOrderBy>;
};

/** An account that signs in to Nexus; belongs to exactly one tenant. */
export type User = Node & {
  __typename?: 'User';
  /** When the user was created. */
  createdAt: Scalars['Datetime']['output'];
  /** Email address, unique across Nexus (case-insensitive). */
  email: Scalars['String']['output'];
  /** Whether the user proved they own the email address. */
  emailVerified: Scalars['Boolean']['output'];
  /** Given name. */
  firstName?: Maybe<Scalars['String']['output']>;
  /** A globally unique identifier. Can be used in various places throughout the system to identify this single value. */
  id: Scalars['ID']['output'];
  /** An inactive user cannot sign in and holds no permissions. */
  isActive: Scalars['Boolean']['output'];
  /** When the user last signed in. */
  lastLoginAt?: Maybe<Scalars['Datetime']['output']>;
  /** Family name. */
  lastName?: Maybe<Scalars['String']['output']>;
  /** When the password was last set. */
  passwordChangedAt?: Maybe<Scalars['Datetime']['output']>;
  /** Phone number, free format. */
  phoneNumber?: Maybe<Scalars['String']['output']>;
  /** How the user signs in: password, or the name of an external identity provider. */
  provider: Scalars['String']['output'];
  /** Unique identifier of the user. */
  rowId: Scalars['UUID']['output'];
  /** Reads a single `Tenant` that is related to this `User`. */
  tenant?: Maybe<Tenant>;
  /** The tenant this user belongs to. */
  tenantId: Scalars['UUID']['output'];
  /** When the user was last changed. */
  updatedAt: Scalars['Datetime']['output'];
  /** Reads and enables pagination through a set of `UserGroupMembership`. */
  userGroupMemberships: UserGroupMembershipConnection;
  /** Reads and enables pagination through a set of `UserPermission`. */
  userPermissions: UserPermissionConnection;
  /** Reads and enables pagination through a set of `UserPermission`. */
  userPermissionsByTenantIdAndGrantedBy: UserPermissionConnection;
  /** Reads a single `UserPreference` that is related to this `User`. */
  userPreference?: Maybe<UserPreference>;
  /** Reads and enables pagination through a set of `UserRole`. */
  userRoles: UserRoleConnection;
  /** Reads and enables pagination through a set of `UserRole`. */
  userRolesByTenantIdAndAssignedBy: UserRoleConnection;
  /** Reads and enables pagination through a set of `UserSession`. */
  userSessions: UserSessionConnection;
  /** Login name, unique across Nexus (case-insensitive). */
  username: Scalars['String']['output'];
};


/** An account that signs in to Nexus; belongs to exactly one tenant. */
export type UserUserGroupMembershipsArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<UserGroupMembershipCondition>;
  filter?: InputMaybe<UserGroupMembershipFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<UserGroupMembershipOrderBy>>;
};


/** An account that signs in to Nexus; belongs to exactly one tenant. */
export type UserUserPermissionsArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<UserPermissionCondition>;
  filter?: InputMaybe<UserPermissionFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<UserPermissionOrderBy>>;
};


/** An account that signs in to Nexus; belongs to exactly one tenant. */
export type UserUserPermissionsByTenantIdAndGrantedByArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<UserPermissionCondition>;
  filter?: InputMaybe<UserPermissionFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<UserPermissionOrderBy>>;
};


/** An account that signs in to Nexus; belongs to exactly one tenant. */
export type UserUserRolesArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<UserRoleCondition>;
  filter?: InputMaybe<UserRoleFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<UserRoleOrderBy>>;
};


/** An account that signs in to Nexus; belongs to exactly one tenant. */
export type UserUserRolesByTenantIdAndAssignedByArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<UserRoleCondition>;
  filter?: InputMaybe<UserRoleFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<UserRoleOrderBy>>;
};


/** An account that signs in to Nexus; belongs to exactly one tenant. */
export type UserUserSessionsArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<UserSessionCondition>;
  filter?: InputMaybe<UserSessionFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<UserSessionOrderBy>>;
};

export type UserAggregates = {
  __typename?: 'UserAggregates';
  /** Distinct count aggregates across the matching connection (ignoring before/after/first/last/offset) */
  distinctCount?: Maybe<UserDistinctCountAggregates>;
  keys?: Maybe<Array<Maybe<Scalars['String']['output']>>>;
};

/** A condition to be used against `User` object types. All fields are tested for equality and combined with a logical ‘and.’ */
export type UserCondition = {
  /** Checks for equality with the object’s `rowId` field. */
  rowId?: InputMaybe<Scalars['UUID']['input']>;
  /** Checks for equality with the object’s `tenantId` field. */
  tenantId?: InputMaybe<Scalars['UUID']['input']>;
};

/** A connection to a list of `User` values. */
export type UserConnection = {
  __typename?: 'UserConnection';
  /** Aggregates across the matching connection (ignoring before/after/first/last/offset) */
  aggregates?: Maybe<UserAggregates>;
  /** A list of edges which contains the `User` and cursor to aid in pagination. */
  edges: Array<UserEdge>;
  /** Grouped aggregates across the matching connection (ignoring before/after/first/last/offset) */
  groupedAggregates?: Maybe<Array<UserAggregates>>;
  /** A list of `User` objects. */
  nodes: Array<User>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** The count of *all* `User` you could get from the connection. */
  totalCount: Scalars['Int']['output'];
};


/** A connection to a list of `User` values. */
export type UserConnectionGroupedAggregatesArgs = {
  groupBy: Array<UserGroupBy>;
  having?: InputMaybe<UserHavingInput>;
};

export type UserDistinctCountAggregates = {
  __typename?: 'UserDistinctCountAggregates';
  /** Distinct count of createdAt across the matching connection */
  createdAt?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of email across the matching connection */
  email?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of emailVerified across the matching connection */
  emailVerified?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of firstName across the matching connection */
  firstName?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of isActive across the matching connection */
  isActive?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of lastLoginAt across the matching connection */
  lastLoginAt?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of lastName across the matching connection */
  lastName?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of passwordChangedAt across the matching connection */
  passwordChangedAt?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of phoneNumber across the matching connection */
  phoneNumber?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of provider across the matching connection */
  provider?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of rowId across the matching connection */
  rowId?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of tenantId across the matching connection */
  tenantId?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of updatedAt across the matching connection */
  updatedAt?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of username across the matching connection */
  username?: Maybe<Scalars['BigInt']['output']>;
};

/** A `User` edge in the connection. */
export type UserEdge = {
  __typename?: 'UserEdge';
  /** A cursor for use in pagination. */
  cursor?: Maybe<Scalars['Cursor']['output']>;
  /** The `User` at the end of the edge. */
  node: User;
};

/** A filter to be used against `User` object types. All fields are combined with a logical ‘and.’ */
export type UserFilter = {
  /** Checks for all expressions in this list. */
  and?: InputMaybe<Array<UserFilter>>;
  /** Negates the expression. */
  not?: InputMaybe<UserFilter>;
  /** Checks for any expressions in this list. */
  or?: InputMaybe<Array<UserFilter>>;
  /** Filter by the object’s `rowId` field. */
  rowId?: InputMaybe<UuidFilter>;
  /** Filter by the object’s `tenant` relation. */
  tenant?: InputMaybe<TenantFilter>;
  /** Filter by the object’s `tenantId` field. */
  tenantId?: InputMaybe<UuidFilter>;
  /** Filter by the object’s `userGroupMemberships` relation. */
  userGroupMemberships?: InputMaybe<UserToManyUserGroupMembershipFilter>;
  /** Some related `userGroupMemberships` exist. */
  userGroupMembershipsExist?: InputMaybe<Scalars['Boolean']['input']>;
  /** Filter by the object’s `userPermissions` relation. */
  userPermissions?: InputMaybe<UserToManyUserPermissionFilter>;
  /** Filter by the object’s `userPermissionsByTenantIdAndGrantedBy` relation. */
  userPermissionsByTenantIdAndGrantedBy?: InputMaybe<UserToManyUserPermissionFilter>;
  /** Some related `userPermissionsByTenantIdAndGrantedBy` exist. */
  userPermissionsByTenantIdAndGrantedByExist?: InputMaybe<Scalars['Boolean']['input']>;
  /** Some related `userPermissions` exist. */
  userPermissionsExist?: InputMaybe<Scalars['Boolean']['input']>;
  /** Filter by the object’s `userPreference` relation. */
  userPreference?: InputMaybe<UserPreferenceFilter>;
  /** A related `userPreference` exists. */
  userPreferenceExists?: InputMaybe<Scalars['Boolean']['input']>;
  /** Filter by the object’s `userRoles` relation. */
  userRoles?: InputMaybe<UserToManyUserRoleFilter>;
  /** Filter by the object’s `userRolesByTenantIdAndAssignedBy` relation. */
  userRolesByTenantIdAndAssignedBy?: InputMaybe<UserToManyUserRoleFilter>;
  /** Some related `userRolesByTenantIdAndAssignedBy` exist. */
  userRolesByTenantIdAndAssignedByExist?: InputMaybe<Scalars['Boolean']['input']>;
  /** Some related `userRoles` exist. */
  userRolesExist?: InputMaybe<Scalars['Boolean']['input']>;
  /** Filter by the object’s `userSessions` relation. */
  userSessions?: InputMaybe<UserToManyUserSessionFilter>;
  /** Some related `userSessions` exist. */
  userSessionsExist?: InputMaybe<Scalars['Boolean']['input']>;
};

/** A group of users of one tenant; roles given to a group apply to its members. */
export type UserGroup = Node & {
  __typename?: 'UserGroup';
  /** Reads a single `Tenant` that is related to this `UserGroup`. */
  administeredTenant?: Maybe<Tenant>;
  /** When the group was created. */
  createdAt: Scalars['Datetime']['output'];
  /** What the group is for. */
  description?: Maybe<Scalars['String']['output']>;
  /** Reads and enables pagination through a set of `GroupRole`. */
  groupRoles: GroupRoleConnection;
  /** A globally unique identifier. Can be used in various places throughout the system to identify this single value. */
  id: Scalars['ID']['output'];
  /** Group name, unique within the tenant. */
  name: Scalars['String']['output'];
  /** Unique identifier of the group. */
  rowId: Scalars['UUID']['output'];
  /** Reads a single `Tenant` that is related to this `UserGroup`. */
  tenant?: Maybe<Tenant>;
  /** The tenant the group belongs to. */
  tenantId: Scalars['UUID']['output'];
  /** When the group was last changed. */
  updatedAt: Scalars['Datetime']['output'];
  /** Reads and enables pagination through a set of `UserGroupMembership`. */
  userGroupMemberships: UserGroupMembershipConnection;
  /** Reads a single `Tenant` that is related to this `UserGroup`. */
  usersGroupOfTenant?: Maybe<Tenant>;
};


/** A group of users of one tenant; roles given to a group apply to its members. */
export type UserGroupGroupRolesArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<GroupRoleCondition>;
  filter?: InputMaybe<GroupRoleFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<GroupRoleOrderBy>>;
};


/** A group of users of one tenant; roles given to a group apply to its members. */
export type UserGroupUserGroupMembershipsArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<UserGroupMembershipCondition>;
  filter?: InputMaybe<UserGroupMembershipFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<UserGroupMembershipOrderBy>>;
};

export type UserGroupAggregates = {
  __typename?: 'UserGroupAggregates';
  /** Distinct count aggregates across the matching connection (ignoring before/after/first/last/offset) */
  distinctCount?: Maybe<UserGroupDistinctCountAggregates>;
  keys?: Maybe<Array<Maybe<Scalars['String']['output']>>>;
};

/** Grouping methods for `User` for usage during aggregation. */
export type UserGroupBy =
  | 'TENANT_ID';

/**
 * A condition to be used against `UserGroup` object types. All fields are tested
 * for equality and combined with a logical ‘and.’
 */
export type UserGroupCondition = {
  /** Checks for equality with the object’s `name` field. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Checks for equality with the object’s `rowId` field. */
  rowId?: InputMaybe<Scalars['UUID']['input']>;
  /** Checks for equality with the object’s `tenantId` field. */
  tenantId?: InputMaybe<Scalars['UUID']['input']>;
};

/** A connection to a list of `UserGroup` values. */
export type UserGroupConnection = {
  __typename?: 'UserGroupConnection';
  /** Aggregates across the matching connection (ignoring before/after/first/last/offset) */
  aggregates?: Maybe<UserGroupAggregates>;
  /** A list of edges which contains the `UserGroup` and cursor to aid in pagination. */
  edges: Array<UserGroupEdge>;
  /** Grouped aggregates across the matching connection (ignoring before/after/first/last/offset) */
  groupedAggregates?: Maybe<Array<UserGroupAggregates>>;
  /** A list of `UserGroup` objects. */
  nodes: Array<UserGroup>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** The count of *all* `UserGroup` you could get from the connection. */
  totalCount: Scalars['Int']['output'];
};


/** A connection to a list of `UserGroup` values. */
export type UserGroupConnectionGroupedAggregatesArgs = {
  groupBy: Array<UserGroupGroupBy>;
  having?: InputMaybe<UserGroupHavingInput>;
};

export type UserGroupDistinctCountAggregates = {
  __typename?: 'UserGroupDistinctCountAggregates';
  /** Distinct count of createdAt across the matching connection */
  createdAt?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of description across the matching connection */
  description?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of name across the matching connection */
  name?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of rowId across the matching connection */
  rowId?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of tenantId across the matching connection */
  tenantId?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of updatedAt across the matching connection */
  updatedAt?: Maybe<Scalars['BigInt']['output']>;
};

/** A `UserGroup` edge in the connection. */
export type UserGroupEdge = {
  __typename?: 'UserGroupEdge';
  /** A cursor for use in pagination. */
  cursor?: Maybe<Scalars['Cursor']['output']>;
  /** The `UserGroup` at the end of the edge. */
  node: UserGroup;
};

/** A filter to be used against `UserGroup` object types. All fields are combined with a logical ‘and.’ */
export type UserGroupFilter = {
  /** Filter by the object’s `administeredTenant` relation. */
  administeredTenant?: InputMaybe<TenantFilter>;
  /** A related `administeredTenant` exists. */
  administeredTenantExists?: InputMaybe<Scalars['Boolean']['input']>;
  /** Checks for all expressions in this list. */
  and?: InputMaybe<Array<UserGroupFilter>>;
  /** Filter by the object’s `groupRoles` relation. */
  groupRoles?: InputMaybe<UserGroupToManyGroupRoleFilter>;
  /** Some related `groupRoles` exist. */
  groupRolesExist?: InputMaybe<Scalars['Boolean']['input']>;
  /** Filter by the object’s `name` field. */
  name?: InputMaybe<StringFilter>;
  /** Negates the expression. */
  not?: InputMaybe<UserGroupFilter>;
  /** Checks for any expressions in this list. */
  or?: InputMaybe<Array<UserGroupFilter>>;
  /** Filter by the object’s `rowId` field. */
  rowId?: InputMaybe<UuidFilter>;
  /** Filter by the object’s `tenant` relation. */
  tenant?: InputMaybe<TenantFilter>;
  /** Filter by the object’s `tenantId` field. */
  tenantId?: InputMaybe<UuidFilter>;
  /** Filter by the object’s `userGroupMemberships` relation. */
  userGroupMemberships?: InputMaybe<UserGroupToManyUserGroupMembershipFilter>;
  /** Some related `userGroupMemberships` exist. */
  userGroupMembershipsExist?: InputMaybe<Scalars['Boolean']['input']>;
  /** Filter by the object’s `usersGroupOfTenant` relation. */
  usersGroupOfTenant?: InputMaybe<TenantFilter>;
  /** A related `usersGroupOfTenant` exists. */
  usersGroupOfTenantExists?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Grouping methods for `UserGroup` for usage during aggregation. */
export type UserGroupGroupBy =
  | 'NAME'
  | 'TENANT_ID';

export type UserGroupHavingAverageInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

export type UserGroupHavingDistinctCountInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

/** Conditions for `UserGroup` aggregates. */
export type UserGroupHavingInput = {
  AND?: InputMaybe<Array<UserGroupHavingInput>>;
  OR?: InputMaybe<Array<UserGroupHavingInput>>;
  average?: InputMaybe<UserGroupHavingAverageInput>;
  distinctCount?: InputMaybe<UserGroupHavingDistinctCountInput>;
  max?: InputMaybe<UserGroupHavingMaxInput>;
  min?: InputMaybe<UserGroupHavingMinInput>;
  stddevPopulation?: InputMaybe<UserGroupHavingStddevPopulationInput>;
  stddevSample?: InputMaybe<UserGroupHavingStddevSampleInput>;
  sum?: InputMaybe<UserGroupHavingSumInput>;
  variancePopulation?: InputMaybe<UserGroupHavingVariancePopulationInput>;
  varianceSample?: InputMaybe<UserGroupHavingVarianceSampleInput>;
};

export type UserGroupHavingMaxInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

export type UserGroupHavingMinInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

export type UserGroupHavingStddevPopulationInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

export type UserGroupHavingStddevSampleInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

export type UserGroupHavingSumInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

export type UserGroupHavingVariancePopulationInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

export type UserGroupHavingVarianceSampleInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

/** An input for mutations affecting `UserGroup` */
export type UserGroupInput = {
  /** What the group is for. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Group name, unique within the tenant. */
  name: Scalars['String']['input'];
};

/** A user's membership of a group. */
export type UserGroupMembership = Node & {
  __typename?: 'UserGroupMembership';
  /** When the user joined the group. */
  createdAt: Scalars['Datetime']['output'];
  /** A globally unique identifier. Can be used in various places throughout the system to identify this single value. */
  id: Scalars['ID']['output'];
  /** Unique identifier of the membership. */
  rowId: Scalars['UUID']['output'];
  /** Reads a single `Tenant` that is related to this `UserGroupMembership`. */
  tenant?: Maybe<Tenant>;
  /** The tenant of the user and the group. */
  tenantId: Scalars['UUID']['output'];
  /** When the membership was last changed. */
  updatedAt: Scalars['Datetime']['output'];
  /** Reads a single `User` that is related to this `UserGroupMembership`. */
  user?: Maybe<User>;
  /** Reads a single `UserGroup` that is related to this `UserGroupMembership`. */
  userGroup?: Maybe<UserGroup>;
  /** The group. */
  userGroupId: Scalars['UUID']['output'];
  /** The member. */
  userId: Scalars['UUID']['output'];
};

export type UserGroupMembershipAggregates = {
  __typename?: 'UserGroupMembershipAggregates';
  /** Distinct count aggregates across the matching connection (ignoring before/after/first/last/offset) */
  distinctCount?: Maybe<UserGroupMembershipDistinctCountAggregates>;
  keys?: Maybe<Array<Maybe<Scalars['String']['output']>>>;
};

/**
 * A condition to be used against `UserGroupMembership` object types. All fields
 * are tested for equality and combined with a logical ‘and.’
 */
export type UserGroupMembershipCondition = {
  /** Checks for equality with the object’s `rowId` field. */
  rowId?: InputMaybe<Scalars['UUID']['input']>;
  /** Checks for equality with the object’s `tenantId` field. */
  tenantId?: InputMaybe<Scalars['UUID']['input']>;
  /** Checks for equality with the object’s `userGroupId` field. */
  userGroupId?: InputMaybe<Scalars['UUID']['input']>;
  /** Checks for equality with the object’s `userId` field. */
  userId?: InputMaybe<Scalars['UUID']['input']>;
};

/** A connection to a list of `UserGroupMembership` values. */
export type UserGroupMembershipConnection = {
  __typename?: 'UserGroupMembershipConnection';
  /** Aggregates across the matching connection (ignoring before/after/first/last/offset) */
  aggregates?: Maybe<UserGroupMembershipAggregates>;
  /** A list of edges which contains the `UserGroupMembership` and cursor to aid in pagination. */
  edges: Array<UserGroupMembershipEdge>;
  /** Grouped aggregates across the matching connection (ignoring before/after/first/last/offset) */
  groupedAggregates?: Maybe<Array<UserGroupMembershipAggregates>>;
  /** A list of `UserGroupMembership` objects. */
  nodes: Array<UserGroupMembership>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** The count of *all* `UserGroupMembership` you could get from the connection. */
  totalCount: Scalars['Int']['output'];
};


/** A connection to a list of `UserGroupMembership` values. */
export type UserGroupMembershipConnectionGroupedAggregatesArgs = {
  groupBy: Array<UserGroupMembershipGroupBy>;
  having?: InputMaybe<UserGroupMembershipHavingInput>;
};

export type UserGroupMembershipDistinctCountAggregates = {
  __typename?: 'UserGroupMembershipDistinctCountAggregates';
  /** Distinct count of createdAt across the matching connection */
  createdAt?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of rowId across the matching connection */
  rowId?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of tenantId across the matching connection */
  tenantId?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of updatedAt across the matching connection */
  updatedAt?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of userGroupId across the matching connection */
  userGroupId?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of userId across the matching connection */
  userId?: Maybe<Scalars['BigInt']['output']>;
};

/** A `UserGroupMembership` edge in the connection. */
export type UserGroupMembershipEdge = {
  __typename?: 'UserGroupMembershipEdge';
  /** A cursor for use in pagination. */
  cursor?: Maybe<Scalars['Cursor']['output']>;
  /** The `UserGroupMembership` at the end of the edge. */
  node: UserGroupMembership;
};

/** A filter to be used against `UserGroupMembership` object types. All fields are combined with a logical ‘and.’ */
export type UserGroupMembershipFilter = {
  /** Checks for all expressions in this list. */
  and?: InputMaybe<Array<UserGroupMembershipFilter>>;
  /** Negates the expression. */
  not?: InputMaybe<UserGroupMembershipFilter>;
  /** Checks for any expressions in this list. */
  or?: InputMaybe<Array<UserGroupMembershipFilter>>;
  /** Filter by the object’s `rowId` field. */
  rowId?: InputMaybe<UuidFilter>;
  /** Filter by the object’s `tenant` relation. */
  tenant?: InputMaybe<TenantFilter>;
  /** Filter by the object’s `tenantId` field. */
  tenantId?: InputMaybe<UuidFilter>;
  /** Filter by the object’s `user` relation. */
  user?: InputMaybe<UserFilter>;
  /** Filter by the object’s `userGroup` relation. */
  userGroup?: InputMaybe<UserGroupFilter>;
  /** Filter by the object’s `userGroupId` field. */
  userGroupId?: InputMaybe<UuidFilter>;
  /** Filter by the object’s `userId` field. */
  userId?: InputMaybe<UuidFilter>;
};

/** Grouping methods for `UserGroupMembership` for usage during aggregation. */
export type UserGroupMembershipGroupBy =
  | 'TENANT_ID'
  | 'USER_GROUP_ID'
  | 'USER_ID';

export type UserGroupMembershipHavingAverageInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

export type UserGroupMembershipHavingDistinctCountInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

/** Conditions for `UserGroupMembership` aggregates. */
export type UserGroupMembershipHavingInput = {
  AND?: InputMaybe<Array<UserGroupMembershipHavingInput>>;
  OR?: InputMaybe<Array<UserGroupMembershipHavingInput>>;
  average?: InputMaybe<UserGroupMembershipHavingAverageInput>;
  distinctCount?: InputMaybe<UserGroupMembershipHavingDistinctCountInput>;
  max?: InputMaybe<UserGroupMembershipHavingMaxInput>;
  min?: InputMaybe<UserGroupMembershipHavingMinInput>;
  stddevPopulation?: InputMaybe<UserGroupMembershipHavingStddevPopulationInput>;
  stddevSample?: InputMaybe<UserGroupMembershipHavingStddevSampleInput>;
  sum?: InputMaybe<UserGroupMembershipHavingSumInput>;
  variancePopulation?: InputMaybe<UserGroupMembershipHavingVariancePopulationInput>;
  varianceSample?: InputMaybe<UserGroupMembershipHavingVarianceSampleInput>;
};

export type UserGroupMembershipHavingMaxInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

export type UserGroupMembershipHavingMinInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

export type UserGroupMembershipHavingStddevPopulationInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

export type UserGroupMembershipHavingStddevSampleInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

export type UserGroupMembershipHavingSumInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

export type UserGroupMembershipHavingVariancePopulationInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

export type UserGroupMembershipHavingVarianceSampleInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

/** An input for mutations affecting `UserGroupMembership` */
export type UserGroupMembershipInput = {
  /** The group. */
  userGroupId: Scalars['UUID']['input'];
  /** The member. */
  userId: Scalars['UUID']['input'];
};

/** Methods to use when ordering `UserGroupMembership`. */
export type UserGroupMembershipOrderBy =
  | 'NATURAL'
  | 'PRIMARY_KEY_ASC'
  | 'PRIMARY_KEY_DESC'
  | 'ROW_ID_ASC'
  | 'ROW_ID_DESC'
  | 'TENANT_ID_ASC'
  | 'TENANT_ID_DESC'
  | 'USER_GROUP_ID_ASC'
  | 'USER_GROUP_ID_DESC'
  | 'USER_ID_ASC'
  | 'USER_ID_DESC';

/** Methods to use when ordering `UserGroup`. */
export type UserGroupOrderBy =
  | 'NAME_ASC'
  | 'NAME_DESC'
  | 'NATURAL'
  | 'PRIMARY_KEY_ASC'
  | 'PRIMARY_KEY_DESC'
  | 'ROW_ID_ASC'
  | 'ROW_ID_DESC'
  | 'TENANT_ID_ASC'
  | 'TENANT_ID_DESC';

/** Represents an update to a `UserGroup`. Fields that are set will be updated. */
export type UserGroupPatch = {
  /** What the group is for. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Group name, unique within the tenant. */
  name?: InputMaybe<Scalars['String']['input']>;
};

/** A filter to be used against many `GroupRole` object types. All fields are combined with a logical ‘and.’ */
export type UserGroupToManyGroupRoleFilter = {
  /** Every related `GroupRole` matches the filter criteria. All fields are combined with a logical ‘and.’ */
  every?: InputMaybe<GroupRoleFilter>;
  /** No related `GroupRole` matches the filter criteria. All fields are combined with a logical ‘and.’ */
  none?: InputMaybe<GroupRoleFilter>;
  /** Some related `GroupRole` matches the filter criteria. All fields are combined with a logical ‘and.’ */
  some?: InputMaybe<GroupRoleFilter>;
};

/** A filter to be used against many `UserGroupMembership` object types. All fields are combined with a logical ‘and.’ */
export type UserGroupToManyUserGroupMembershipFilter = {
  /** Every related `UserGroupMembership` matches the filter criteria. All fields are combined with a logical ‘and.’ */
  every?: InputMaybe<UserGroupMembershipFilter>;
  /** No related `UserGroupMembership` matches the filter criteria. All fields are combined with a logical ‘and.’ */
  none?: InputMaybe<UserGroupMembershipFilter>;
  /** Some related `UserGroupMembership` matches the filter criteria. All fields are combined with a logical ‘and.’ */
  some?: InputMaybe<UserGroupMembershipFilter>;
};

export type UserHavingAverageInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  lastLoginAt?: InputMaybe<HavingDatetimeFilter>;
  passwordChangedAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

export type UserHavingDistinctCountInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  lastLoginAt?: InputMaybe<HavingDatetimeFilter>;
  passwordChangedAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

/** Conditions for `User` aggregates. */
export type UserHavingInput = {
  AND?: InputMaybe<Array<UserHavingInput>>;
  OR?: InputMaybe<Array<UserHavingInput>>;
  average?: InputMaybe<UserHavingAverageInput>;
  distinctCount?: InputMaybe<UserHavingDistinctCountInput>;
  max?: InputMaybe<UserHavingMaxInput>;
  min?: InputMaybe<UserHavingMinInput>;
  stddevPopulation?: InputMaybe<UserHavingStddevPopulationInput>;
  stddevSample?: InputMaybe<UserHavingStddevSampleInput>;
  sum?: InputMaybe<UserHavingSumInput>;
  variancePopulation?: InputMaybe<UserHavingVariancePopulationInput>;
  varianceSample?: InputMaybe<UserHavingVarianceSampleInput>;
};

export type UserHavingMaxInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  lastLoginAt?: InputMaybe<HavingDatetimeFilter>;
  passwordChangedAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

export type UserHavingMinInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  lastLoginAt?: InputMaybe<HavingDatetimeFilter>;
  passwordChangedAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

export type UserHavingStddevPopulationInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  lastLoginAt?: InputMaybe<HavingDatetimeFilter>;
  passwordChangedAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

export type UserHavingStddevSampleInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  lastLoginAt?: InputMaybe<HavingDatetimeFilter>;
  passwordChangedAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

export type UserHavingSumInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  lastLoginAt?: InputMaybe<HavingDatetimeFilter>;
  passwordChangedAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

export type UserHavingVariancePopulationInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  lastLoginAt?: InputMaybe<HavingDatetimeFilter>;
  passwordChangedAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

export type UserHavingVarianceSampleInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  lastLoginAt?: InputMaybe<HavingDatetimeFilter>;
  passwordChangedAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

/** Methods to use when ordering `User`. */
export type UserOrderBy =
  | 'NATURAL'
  | 'PRIMARY_KEY_ASC'
  | 'PRIMARY_KEY_DESC'
  | 'ROW_ID_ASC'
  | 'ROW_ID_DESC'
  | 'TENANT_ID_ASC'
  | 'TENANT_ID_DESC';

/** Represents an update to a `User`. Fields that are set will be updated. */
export type UserPatch = {
  /** Given name. */
  firstName?: InputMaybe<Scalars['String']['input']>;
  /** An inactive user cannot sign in and holds no permissions. */
  isActive?: InputMaybe<Scalars['Boolean']['input']>;
  /** Family name. */
  lastName?: InputMaybe<Scalars['String']['input']>;
  /** Phone number, free format. */
  phoneNumber?: InputMaybe<Scalars['String']['input']>;
};

/** A permission given directly to a user (seed 001's custom permissions). */
export type UserPermission = Node & {
  __typename?: 'UserPermission';
  /** When the permission was granted. */
  createdAt: Scalars['Datetime']['output'];
  /** Who granted it (from the signed-in user, never from input). */
  grantedBy?: Maybe<Scalars['UUID']['output']>;
  /** A globally unique identifier. Can be used in various places throughout the system to identify this single value. */
  id: Scalars['ID']['output'];
  /** Reads a single `Permission` that is related to this `UserPermission`. */
  permission?: Maybe<Permission>;
  /** The permission. */
  permissionId: Scalars['UUID']['output'];
  /** Unique identifier of the grant. */
  rowId: Scalars['UUID']['output'];
  /** Reads a single `Tenant` that is related to this `UserPermission`. */
  tenant?: Maybe<Tenant>;
  /** The tenant of the user. */
  tenantId: Scalars['UUID']['output'];
  /** When the grant was last changed. */
  updatedAt: Scalars['Datetime']['output'];
  /** Reads a single `User` that is related to this `UserPermission`. */
  user?: Maybe<User>;
  /** Reads a single `User` that is related to this `UserPermission`. */
  userByTenantIdAndGrantedBy?: Maybe<User>;
  /** The user. */
  userId: Scalars['UUID']['output'];
};

export type UserPermissionAggregates = {
  __typename?: 'UserPermissionAggregates';
  /** Distinct count aggregates across the matching connection (ignoring before/after/first/last/offset) */
  distinctCount?: Maybe<UserPermissionDistinctCountAggregates>;
  keys?: Maybe<Array<Maybe<Scalars['String']['output']>>>;
};

/**
 * A condition to be used against `UserPermission` object types. All fields are
 * tested for equality and combined with a logical ‘and.’
 */
export type UserPermissionCondition = {
  /** Checks for equality with the object’s `grantedBy` field. */
  grantedBy?: InputMaybe<Scalars['UUID']['input']>;
  /** Checks for equality with the object’s `permissionId` field. */
  permissionId?: InputMaybe<Scalars['UUID']['input']>;
  /** Checks for equality with the object’s `rowId` field. */
  rowId?: InputMaybe<Scalars['UUID']['input']>;
  /** Checks for equality with the object’s `tenantId` field. */
  tenantId?: InputMaybe<Scalars['UUID']['input']>;
  /** Checks for equality with the object’s `userId` field. */
  userId?: InputMaybe<Scalars['UUID']['input']>;
};

/** A connection to a list of `UserPermission` values. */
export type UserPermissionConnection = {
  __typename?: 'UserPermissionConnection';
  /** Aggregates across the matching connection (ignoring before/after/first/last/offset) */
  aggregates?: Maybe<UserPermissionAggregates>;
  /** A list of edges which contains the `UserPermission` and cursor to aid in pagination. */
  edges: Array<UserPermissionEdge>;
  /** Grouped aggregates across the matching connection (ignoring before/after/first/last/offset) */
  groupedAggregates?: Maybe<Array<UserPermissionAggregates>>;
  /** A list of `UserPermission` objects. */
  nodes: Array<UserPermission>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** The count of *all* `UserPermission` you could get from the connection. */
  totalCount: Scalars['Int']['output'];
};


/** A connection to a list of `UserPermission` values. */
export type UserPermissionConnectionGroupedAggregatesArgs = {
  groupBy: Array<UserPermissionGroupBy>;
  having?: InputMaybe<UserPermissionHavingInput>;
};

export type UserPermissionDistinctCountAggregates = {
  __typename?: 'UserPermissionDistinctCountAggregates';
  /** Distinct count of createdAt across the matching connection */
  createdAt?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of grantedBy across the matching connection */
  grantedBy?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of permissionId across the matching connection */
  permissionId?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of rowId across the matching connection */
  rowId?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of tenantId across the matching connection */
  tenantId?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of updatedAt across the matching connection */
  updatedAt?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of userId across the matching connection */
  userId?: Maybe<Scalars['BigInt']['output']>;
};

/** A `UserPermission` edge in the connection. */
export type UserPermissionEdge = {
  __typename?: 'UserPermissionEdge';
  /** A cursor for use in pagination. */
  cursor?: Maybe<Scalars['Cursor']['output']>;
  /** The `UserPermission` at the end of the edge. */
  node: UserPermission;
};

/** A filter to be used against `UserPermission` object types. All fields are combined with a logical ‘and.’ */
export type UserPermissionFilter = {
  /** Checks for all expressions in this list. */
  and?: InputMaybe<Array<UserPermissionFilter>>;
  /** Filter by the object’s `grantedBy` field. */
  grantedBy?: InputMaybe<UuidFilter>;
  /** Negates the expression. */
  not?: InputMaybe<UserPermissionFilter>;
  /** Checks for any expressions in this list. */
  or?: InputMaybe<Array<UserPermissionFilter>>;
  /** Filter by the object’s `permission` relation. */
  permission?: InputMaybe<PermissionFilter>;
  /** Filter by the object’s `permissionId` field. */
  permissionId?: InputMaybe<UuidFilter>;
  /** Filter by the object’s `rowId` field. */
  rowId?: InputMaybe<UuidFilter>;
  /** Filter by the object’s `tenant` relation. */
  tenant?: InputMaybe<TenantFilter>;
  /** Filter by the object’s `tenantId` field. */
  tenantId?: InputMaybe<UuidFilter>;
  /** Filter by the object’s `user` relation. */
  user?: InputMaybe<UserFilter>;
  /** Filter by the object’s `userByTenantIdAndGrantedBy` relation. */
  userByTenantIdAndGrantedBy?: InputMaybe<UserFilter>;
  /** A related `userByTenantIdAndGrantedBy` exists. */
  userByTenantIdAndGrantedByExists?: InputMaybe<Scalars['Boolean']['input']>;
  /** Filter by the object’s `userId` field. */
  userId?: InputMaybe<UuidFilter>;
};

/** Grouping methods for `UserPermission` for usage during aggregation. */
export type UserPermissionGroupBy =
  | 'GRANTED_BY'
  | 'PERMISSION_ID'
  | 'TENANT_ID'
  | 'USER_ID';

export type UserPermissionHavingAverageInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

export type UserPermissionHavingDistinctCountInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

/** Conditions for `UserPermission` aggregates. */
export type UserPermissionHavingInput = {
  AND?: InputMaybe<Array<UserPermissionHavingInput>>;
  OR?: InputMaybe<Array<UserPermissionHavingInput>>;
  average?: InputMaybe<UserPermissionHavingAverageInput>;
  distinctCount?: InputMaybe<UserPermissionHavingDistinctCountInput>;
  max?: InputMaybe<UserPermissionHavingMaxInput>;
  min?: InputMaybe<UserPermissionHavingMinInput>;
  stddevPopulation?: InputMaybe<UserPermissionHavingStddevPopulationInput>;
  stddevSample?: InputMaybe<UserPermissionHavingStddevSampleInput>;
  sum?: InputMaybe<UserPermissionHavingSumInput>;
  variancePopulation?: InputMaybe<UserPermissionHavingVariancePopulationInput>;
  varianceSample?: InputMaybe<UserPermissionHavingVarianceSampleInput>;
};

export type UserPermissionHavingMaxInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

export type UserPermissionHavingMinInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

export type UserPermissionHavingStddevPopulationInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

export type UserPermissionHavingStddevSampleInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

export type UserPermissionHavingSumInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

export type UserPermissionHavingVariancePopulationInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

export type UserPermissionHavingVarianceSampleInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

/** An input for mutations affecting `UserPermission` */
export type UserPermissionInput = {
  /** The permission. */
  permissionId: Scalars['UUID']['input'];
  /** The user. */
  userId: Scalars['UUID']['input'];
};

/** Methods to use when ordering `UserPermission`. */
export type UserPermissionOrderBy =
  | 'GRANTED_BY_ASC'
  | 'GRANTED_BY_DESC'
  | 'NATURAL'
  | 'PERMISSION_ID_ASC'
  | 'PERMISSION_ID_DESC'
  | 'PRIMARY_KEY_ASC'
  | 'PRIMARY_KEY_DESC'
  | 'ROW_ID_ASC'
  | 'ROW_ID_DESC'
  | 'TENANT_ID_ASC'
  | 'TENANT_ID_DESC'
  | 'USER_ID_ASC'
  | 'USER_ID_DESC';

/** A user's settings: language, time zone, theme and free-form client settings. Each user reads and writes only their own. */
export type UserPreference = Node & {
  __typename?: 'UserPreference';
  /** When the preferences were created. */
  createdAt: Scalars['Datetime']['output'];
  /** A globally unique identifier. Can be used in various places throughout the system to identify this single value. */
  id: Scalars['ID']['output'];
  /** BCP 47 language tag, e.g. en or pt-BR. */
  locale: Scalars['String']['output'];
  /** Unique identifier of the preferences. */
  rowId: Scalars['UUID']['output'];
  /** Client settings as a JSON object. */
  settings: Scalars['JSON']['output'];
  /** Reads a single `Tenant` that is related to this `UserPreference`. */
  tenant?: Maybe<Tenant>;
  /** The tenant of the user. */
  tenantId: Scalars['UUID']['output'];
  /** light, dark or system. */
  theme: Scalars['String']['output'];
  /** IANA time zone, e.g. Europe/Berlin. */
  timeZone: Scalars['String']['output'];
  /** When the preferences were last changed. */
  updatedAt: Scalars['Datetime']['output'];
  /** Reads a single `User` that is related to this `UserPreference`. */
  user?: Maybe<User>;
  /** The user. */
  userId: Scalars['UUID']['output'];
};

export type UserPreferenceAggregates = {
  __typename?: 'UserPreferenceAggregates';
  /** Distinct count aggregates across the matching connection (ignoring before/after/first/last/offset) */
  distinctCount?: Maybe<UserPreferenceDistinctCountAggregates>;
  keys?: Maybe<Array<Maybe<Scalars['String']['output']>>>;
};

/**
 * A condition to be used against `UserPreference` object types. All fields are
 * tested for equality and combined with a logical ‘and.’
 */
export type UserPreferenceCondition = {
  /** Checks for equality with the object’s `rowId` field. */
  rowId?: InputMaybe<Scalars['UUID']['input']>;
  /** Checks for equality with the object’s `tenantId` field. */
  tenantId?: InputMaybe<Scalars['UUID']['input']>;
  /** Checks for equality with the object’s `userId` field. */
  userId?: InputMaybe<Scalars['UUID']['input']>;
};

/** A connection to a list of `UserPreference` values. */
export type UserPreferenceConnection = {
  __typename?: 'UserPreferenceConnection';
  /** Aggregates across the matching connection (ignoring before/after/first/last/offset) */
  aggregates?: Maybe<UserPreferenceAggregates>;
  /** A list of edges which contains the `UserPreference` and cursor to aid in pagination. */
  edges: Array<UserPreferenceEdge>;
  /** Grouped aggregates across the matching connection (ignoring before/after/first/last/offset) */
  groupedAggregates?: Maybe<Array<UserPreferenceAggregates>>;
  /** A list of `UserPreference` objects. */
  nodes: Array<UserPreference>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** The count of *all* `UserPreference` you could get from the connection. */
  totalCount: Scalars['Int']['output'];
};


/** A connection to a list of `UserPreference` values. */
export type UserPreferenceConnectionGroupedAggregatesArgs = {
  groupBy: Array<UserPreferenceGroupBy>;
  having?: InputMaybe<UserPreferenceHavingInput>;
};

export type UserPreferenceDistinctCountAggregates = {
  __typename?: 'UserPreferenceDistinctCountAggregates';
  /** Distinct count of createdAt across the matching connection */
  createdAt?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of locale across the matching connection */
  locale?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of rowId across the matching connection */
  rowId?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of settings across the matching connection */
  settings?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of tenantId across the matching connection */
  tenantId?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of theme across the matching connection */
  theme?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of timeZone across the matching connection */
  timeZone?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of updatedAt across the matching connection */
  updatedAt?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of userId across the matching connection */
  userId?: Maybe<Scalars['BigInt']['output']>;
};

/** A `UserPreference` edge in the connection. */
export type UserPreferenceEdge = {
  __typename?: 'UserPreferenceEdge';
  /** A cursor for use in pagination. */
  cursor?: Maybe<Scalars['Cursor']['output']>;
  /** The `UserPreference` at the end of the edge. */
  node: UserPreference;
};

/** A filter to be used against `UserPreference` object types. All fields are combined with a logical ‘and.’ */
export type UserPreferenceFilter = {
  /** Checks for all expressions in this list. */
  and?: InputMaybe<Array<UserPreferenceFilter>>;
  /** Negates the expression. */
  not?: InputMaybe<UserPreferenceFilter>;
  /** Checks for any expressions in this list. */
  or?: InputMaybe<Array<UserPreferenceFilter>>;
  /** Filter by the object’s `rowId` field. */
  rowId?: InputMaybe<UuidFilter>;
  /** Filter by the object’s `tenant` relation. */
  tenant?: InputMaybe<TenantFilter>;
  /** Filter by the object’s `tenantId` field. */
  tenantId?: InputMaybe<UuidFilter>;
  /** Filter by the object’s `user` relation. */
  user?: InputMaybe<UserFilter>;
  /** Filter by the object’s `userId` field. */
  userId?: InputMaybe<UuidFilter>;
};

/** Grouping methods for `UserPreference` for usage during aggregation. */
export type UserPreferenceGroupBy =
  | 'TENANT_ID'
  | 'USER_ID';

export type UserPreferenceHavingAverageInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

export type UserPreferenceHavingDistinctCountInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

/** Conditions for `UserPreference` aggregates. */
export type UserPreferenceHavingInput = {
  AND?: InputMaybe<Array<UserPreferenceHavingInput>>;
  OR?: InputMaybe<Array<UserPreferenceHavingInput>>;
  average?: InputMaybe<UserPreferenceHavingAverageInput>;
  distinctCount?: InputMaybe<UserPreferenceHavingDistinctCountInput>;
  max?: InputMaybe<UserPreferenceHavingMaxInput>;
  min?: InputMaybe<UserPreferenceHavingMinInput>;
  stddevPopulation?: InputMaybe<UserPreferenceHavingStddevPopulationInput>;
  stddevSample?: InputMaybe<UserPreferenceHavingStddevSampleInput>;
  sum?: InputMaybe<UserPreferenceHavingSumInput>;
  variancePopulation?: InputMaybe<UserPreferenceHavingVariancePopulationInput>;
  varianceSample?: InputMaybe<UserPreferenceHavingVarianceSampleInput>;
};

export type UserPreferenceHavingMaxInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

export type UserPreferenceHavingMinInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

export type UserPreferenceHavingStddevPopulationInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

export type UserPreferenceHavingStddevSampleInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

export type UserPreferenceHavingSumInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

export type UserPreferenceHavingVariancePopulationInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

export type UserPreferenceHavingVarianceSampleInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

/** An input for mutations affecting `UserPreference` */
export type UserPreferenceInput = {
  /** BCP 47 language tag, e.g. en or pt-BR. */
  locale?: InputMaybe<Scalars['String']['input']>;
  /** Client settings as a JSON object. */
  settings?: InputMaybe<Scalars['JSON']['input']>;
  /** light, dark or system. */
  theme?: InputMaybe<Scalars['String']['input']>;
  /** IANA time zone, e.g. Europe/Berlin. */
  timeZone?: InputMaybe<Scalars['String']['input']>;
};

/** Methods to use when ordering `UserPreference`. */
export type UserPreferenceOrderBy =
  | 'NATURAL'
  | 'PRIMARY_KEY_ASC'
  | 'PRIMARY_KEY_DESC'
  | 'ROW_ID_ASC'
  | 'ROW_ID_DESC'
  | 'TENANT_ID_ASC'
  | 'TENANT_ID_DESC'
  | 'USER_ID_ASC'
  | 'USER_ID_DESC';

/** Represents an update to a `UserPreference`. Fields that are set will be updated. */
export type UserPreferencePatch = {
  /** BCP 47 language tag, e.g. en or pt-BR. */
  locale?: InputMaybe<Scalars['String']['input']>;
  /** Client settings as a JSON object. */
  settings?: InputMaybe<Scalars['JSON']['input']>;
  /** light, dark or system. */
  theme?: InputMaybe<Scalars['String']['input']>;
  /** IANA time zone, e.g. Europe/Berlin. */
  timeZone?: InputMaybe<Scalars['String']['input']>;
};

/** A role given directly to a user (beside the roles of their groups). */
export type UserRole = Node & {
  __typename?: 'UserRole';
  /** When the role was assigned. */
  assignedAt: Scalars['Datetime']['output'];
  /** Who assigned it (from the signed-in user, never from input). */
  assignedBy?: Maybe<Scalars['UUID']['output']>;
  /** When the assignment was created. */
  createdAt: Scalars['Datetime']['output'];
  /** A globally unique identifier. Can be used in various places throughout the system to identify this single value. */
  id: Scalars['ID']['output'];
  /** Reads a single `Role` that is related to this `UserRole`. */
  role?: Maybe<Role>;
  /** The role. */
  roleId: Scalars['UUID']['output'];
  /** Unique identifier of the assignment. */
  rowId: Scalars['UUID']['output'];
  /** Reads a single `Tenant` that is related to this `UserRole`. */
  tenant?: Maybe<Tenant>;
  /** The tenant of the user. */
  tenantId: Scalars['UUID']['output'];
  /** When the assignment was last changed. */
  updatedAt: Scalars['Datetime']['output'];
  /** Reads a single `User` that is related to this `UserRole`. */
  user?: Maybe<User>;
  /** Reads a single `User` that is related to this `UserRole`. */
  userByTenantIdAndAssignedBy?: Maybe<User>;
  /** The user. */
  userId: Scalars['UUID']['output'];
};

export type UserRoleAggregates = {
  __typename?: 'UserRoleAggregates';
  /** Distinct count aggregates across the matching connection (ignoring before/after/first/last/offset) */
  distinctCount?: Maybe<UserRoleDistinctCountAggregates>;
  keys?: Maybe<Array<Maybe<Scalars['String']['output']>>>;
};

/**
 * A condition to be used against `UserRole` object types. All fields are tested
 * for equality and combined with a logical ‘and.’
 */
export type UserRoleCondition = {
  /** Checks for equality with the object’s `assignedBy` field. */
  assignedBy?: InputMaybe<Scalars['UUID']['input']>;
  /** Checks for equality with the object’s `roleId` field. */
  roleId?: InputMaybe<Scalars['UUID']['input']>;
  /** Checks for equality with the object’s `rowId` field. */
  rowId?: InputMaybe<Scalars['UUID']['input']>;
  /** Checks for equality with the object’s `tenantId` field. */
  tenantId?: InputMaybe<Scalars['UUID']['input']>;
  /** Checks for equality with the object’s `userId` field. */
  userId?: InputMaybe<Scalars['UUID']['input']>;
};

/** A connection to a list of `UserRole` values. */
export type UserRoleConnection = {
  __typename?: 'UserRoleConnection';
  /** Aggregates across the matching connection (ignoring before/after/first/last/offset) */
  aggregates?: Maybe<UserRoleAggregates>;
  /** A list of edges which contains the `UserRole` and cursor to aid in pagination. */
  edges: Array<UserRoleEdge>;
  /** Grouped aggregates across the matching connection (ignoring before/after/first/last/offset) */
  groupedAggregates?: Maybe<Array<UserRoleAggregates>>;
  /** A list of `UserRole` objects. */
  nodes: Array<UserRole>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** The count of *all* `UserRole` you could get from the connection. */
  totalCount: Scalars['Int']['output'];
};


/** A connection to a list of `UserRole` values. */
export type UserRoleConnectionGroupedAggregatesArgs = {
  groupBy: Array<UserRoleGroupBy>;
  having?: InputMaybe<UserRoleHavingInput>;
};

export type UserRoleDistinctCountAggregates = {
  __typename?: 'UserRoleDistinctCountAggregates';
  /** Distinct count of assignedAt across the matching connection */
  assignedAt?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of assignedBy across the matching connection */
  assignedBy?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of createdAt across the matching connection */
  createdAt?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of roleId across the matching connection */
  roleId?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of rowId across the matching connection */
  rowId?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of tenantId across the matching connection */
  tenantId?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of updatedAt across the matching connection */
  updatedAt?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of userId across the matching connection */
  userId?: Maybe<Scalars['BigInt']['output']>;
};

/** A `UserRole` edge in the connection. */
export type UserRoleEdge = {
  __typename?: 'UserRoleEdge';
  /** A cursor for use in pagination. */
  cursor?: Maybe<Scalars['Cursor']['output']>;
  /** The `UserRole` at the end of the edge. */
  node: UserRole;
};

/** A filter to be used against `UserRole` object types. All fields are combined with a logical ‘and.’ */
export type UserRoleFilter = {
  /** Checks for all expressions in this list. */
  and?: InputMaybe<Array<UserRoleFilter>>;
  /** Filter by the object’s `assignedBy` field. */
  assignedBy?: InputMaybe<UuidFilter>;
  /** Negates the expression. */
  not?: InputMaybe<UserRoleFilter>;
  /** Checks for any expressions in this list. */
  or?: InputMaybe<Array<UserRoleFilter>>;
  /** Filter by the object’s `role` relation. */
  role?: InputMaybe<RoleFilter>;
  /** Filter by the object’s `roleId` field. */
  roleId?: InputMaybe<UuidFilter>;
  /** Filter by the object’s `rowId` field. */
  rowId?: InputMaybe<UuidFilter>;
  /** Filter by the object’s `tenant` relation. */
  tenant?: InputMaybe<TenantFilter>;
  /** Filter by the object’s `tenantId` field. */
  tenantId?: InputMaybe<UuidFilter>;
  /** Filter by the object’s `user` relation. */
  user?: InputMaybe<UserFilter>;
  /** Filter by the object’s `userByTenantIdAndAssignedBy` relation. */
  userByTenantIdAndAssignedBy?: InputMaybe<UserFilter>;
  /** A related `userByTenantIdAndAssignedBy` exists. */
  userByTenantIdAndAssignedByExists?: InputMaybe<Scalars['Boolean']['input']>;
  /** Filter by the object’s `userId` field. */
  userId?: InputMaybe<UuidFilter>;
};

/** Grouping methods for `UserRole` for usage during aggregation. */
export type UserRoleGroupBy =
  | 'ASSIGNED_BY'
  | 'ROLE_ID'
  | 'TENANT_ID'
  | 'USER_ID';

export type UserRoleHavingAverageInput = {
  assignedAt?: InputMaybe<HavingDatetimeFilter>;
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

export type UserRoleHavingDistinctCountInput = {
  assignedAt?: InputMaybe<HavingDatetimeFilter>;
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

/** Conditions for `UserRole` aggregates. */
export type UserRoleHavingInput = {
  AND?: InputMaybe<Array<UserRoleHavingInput>>;
  OR?: InputMaybe<Array<UserRoleHavingInput>>;
  average?: InputMaybe<UserRoleHavingAverageInput>;
  distinctCount?: InputMaybe<UserRoleHavingDistinctCountInput>;
  max?: InputMaybe<UserRoleHavingMaxInput>;
  min?: InputMaybe<UserRoleHavingMinInput>;
  stddevPopulation?: InputMaybe<UserRoleHavingStddevPopulationInput>;
  stddevSample?: InputMaybe<UserRoleHavingStddevSampleInput>;
  sum?: InputMaybe<UserRoleHavingSumInput>;
  variancePopulation?: InputMaybe<UserRoleHavingVariancePopulationInput>;
  varianceSample?: InputMaybe<UserRoleHavingVarianceSampleInput>;
};

export type UserRoleHavingMaxInput = {
  assignedAt?: InputMaybe<HavingDatetimeFilter>;
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

export type UserRoleHavingMinInput = {
  assignedAt?: InputMaybe<HavingDatetimeFilter>;
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

export type UserRoleHavingStddevPopulationInput = {
  assignedAt?: InputMaybe<HavingDatetimeFilter>;
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

export type UserRoleHavingStddevSampleInput = {
  assignedAt?: InputMaybe<HavingDatetimeFilter>;
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

export type UserRoleHavingSumInput = {
  assignedAt?: InputMaybe<HavingDatetimeFilter>;
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

export type UserRoleHavingVariancePopulationInput = {
  assignedAt?: InputMaybe<HavingDatetimeFilter>;
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

export type UserRoleHavingVarianceSampleInput = {
  assignedAt?: InputMaybe<HavingDatetimeFilter>;
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

/** An input for mutations affecting `UserRole` */
export type UserRoleInput = {
  /** The role. */
  roleId: Scalars['UUID']['input'];
  /** The user. */
  userId: Scalars['UUID']['input'];
};

/** Methods to use when ordering `UserRole`. */
export type UserRoleOrderBy =
  | 'ASSIGNED_BY_ASC'
  | 'ASSIGNED_BY_DESC'
  | 'NATURAL'
  | 'PRIMARY_KEY_ASC'
  | 'PRIMARY_KEY_DESC'
  | 'ROLE_ID_ASC'
  | 'ROLE_ID_DESC'
  | 'ROW_ID_ASC'
  | 'ROW_ID_DESC'
  | 'TENANT_ID_ASC'
  | 'TENANT_ID_DESC'
  | 'USER_ID_ASC'
  | 'USER_ID_DESC';

/** One sign-in on one device. Users see their own sessions; tenant admins see all of their tenant's. */
export type UserSession = Node & {
  __typename?: 'UserSession';
  /** When the user signed in. */
  createdAt: Scalars['Datetime']['output'];
  /** When the session ends unless refreshed. */
  expiresAt: Scalars['Datetime']['output'];
  /** A globally unique identifier. Can be used in various places throughout the system to identify this single value. */
  id: Scalars['ID']['output'];
  /** IP address the session was last refreshed from. */
  ipAddress?: Maybe<Scalars['InternetAddress']['output']>;
  /** When the session last signed in or refreshed. */
  lastSeenAt: Scalars['Datetime']['output'];
  /** When the session was ended (logout, revocation, token reuse). */
  revokedAt?: Maybe<Scalars['Datetime']['output']>;
  /** Why the session was ended. */
  revokedReason?: Maybe<Scalars['String']['output']>;
  /** Unique identifier of the session (the sid claim of its access tokens). */
  rowId: Scalars['UUID']['output'];
  /** Reads a single `Tenant` that is related to this `UserSession`. */
  tenant?: Maybe<Tenant>;
  /** The tenant of the user. */
  tenantId: Scalars['UUID']['output'];
  /** When the session was last changed. */
  updatedAt: Scalars['Datetime']['output'];
  /** Reads a single `User` that is related to this `UserSession`. */
  user?: Maybe<User>;
  /** User agent of the device that signed in. */
  userAgent?: Maybe<Scalars['String']['output']>;
  /** The user. */
  userId: Scalars['UUID']['output'];
};

export type UserSessionAggregates = {
  __typename?: 'UserSessionAggregates';
  /** Distinct count aggregates across the matching connection (ignoring before/after/first/last/offset) */
  distinctCount?: Maybe<UserSessionDistinctCountAggregates>;
  keys?: Maybe<Array<Maybe<Scalars['String']['output']>>>;
};

/**
 * A condition to be used against `UserSession` object types. All fields are tested
 * for equality and combined with a logical ‘and.’
 */
export type UserSessionCondition = {
  /** Checks for equality with the object’s `rowId` field. */
  rowId?: InputMaybe<Scalars['UUID']['input']>;
  /** Checks for equality with the object’s `tenantId` field. */
  tenantId?: InputMaybe<Scalars['UUID']['input']>;
  /** Checks for equality with the object’s `userId` field. */
  userId?: InputMaybe<Scalars['UUID']['input']>;
};

/** A connection to a list of `UserSession` values. */
export type UserSessionConnection = {
  __typename?: 'UserSessionConnection';
  /** Aggregates across the matching connection (ignoring before/after/first/last/offset) */
  aggregates?: Maybe<UserSessionAggregates>;
  /** A list of edges which contains the `UserSession` and cursor to aid in pagination. */
  edges: Array<UserSessionEdge>;
  /** Grouped aggregates across the matching connection (ignoring before/after/first/last/offset) */
  groupedAggregates?: Maybe<Array<UserSessionAggregates>>;
  /** A list of `UserSession` objects. */
  nodes: Array<UserSession>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** The count of *all* `UserSession` you could get from the connection. */
  totalCount: Scalars['Int']['output'];
};


/** A connection to a list of `UserSession` values. */
export type UserSessionConnectionGroupedAggregatesArgs = {
  groupBy: Array<UserSessionGroupBy>;
  having?: InputMaybe<UserSessionHavingInput>;
};

export type UserSessionDistinctCountAggregates = {
  __typename?: 'UserSessionDistinctCountAggregates';
  /** Distinct count of createdAt across the matching connection */
  createdAt?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of expiresAt across the matching connection */
  expiresAt?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of ipAddress across the matching connection */
  ipAddress?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of lastSeenAt across the matching connection */
  lastSeenAt?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of revokedAt across the matching connection */
  revokedAt?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of revokedReason across the matching connection */
  revokedReason?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of rowId across the matching connection */
  rowId?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of tenantId across the matching connection */
  tenantId?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of updatedAt across the matching connection */
  updatedAt?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of userAgent across the matching connection */
  userAgent?: Maybe<Scalars['BigInt']['output']>;
  /** Distinct count of userId across the matching connection */
  userId?: Maybe<Scalars['BigInt']['output']>;
};

/** A `UserSession` edge in the connection. */
export type UserSessionEdge = {
  __typename?: 'UserSessionEdge';
  /** A cursor for use in pagination. */
  cursor?: Maybe<Scalars['Cursor']['output']>;
  /** The `UserSession` at the end of the edge. */
  node: UserSession;
};

/** A filter to be used against `UserSession` object types. All fields are combined with a logical ‘and.’ */
export type UserSessionFilter = {
  /** Checks for all expressions in this list. */
  and?: InputMaybe<Array<UserSessionFilter>>;
  /** Negates the expression. */
  not?: InputMaybe<UserSessionFilter>;
  /** Checks for any expressions in this list. */
  or?: InputMaybe<Array<UserSessionFilter>>;
  /** Filter by the object’s `rowId` field. */
  rowId?: InputMaybe<UuidFilter>;
  /** Filter by the object’s `tenant` relation. */
  tenant?: InputMaybe<TenantFilter>;
  /** Filter by the object’s `tenantId` field. */
  tenantId?: InputMaybe<UuidFilter>;
  /** Filter by the object’s `user` relation. */
  user?: InputMaybe<UserFilter>;
  /** Filter by the object’s `userId` field. */
  userId?: InputMaybe<UuidFilter>;
};

/** Grouping methods for `UserSession` for usage during aggregation. */
export type UserSessionGroupBy =
  | 'TENANT_ID'
  | 'USER_ID';

export type UserSessionHavingAverageInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  expiresAt?: InputMaybe<HavingDatetimeFilter>;
  lastSeenAt?: InputMaybe<HavingDatetimeFilter>;
  revokedAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

export type UserSessionHavingDistinctCountInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  expiresAt?: InputMaybe<HavingDatetimeFilter>;
  lastSeenAt?: InputMaybe<HavingDatetimeFilter>;
  revokedAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

/** Conditions for `UserSession` aggregates. */
export type UserSessionHavingInput = {
  AND?: InputMaybe<Array<UserSessionHavingInput>>;
  OR?: InputMaybe<Array<UserSessionHavingInput>>;
  average?: InputMaybe<UserSessionHavingAverageInput>;
  distinctCount?: InputMaybe<UserSessionHavingDistinctCountInput>;
  max?: InputMaybe<UserSessionHavingMaxInput>;
  min?: InputMaybe<UserSessionHavingMinInput>;
  stddevPopulation?: InputMaybe<UserSessionHavingStddevPopulationInput>;
  stddevSample?: InputMaybe<UserSessionHavingStddevSampleInput>;
  sum?: InputMaybe<UserSessionHavingSumInput>;
  variancePopulation?: InputMaybe<UserSessionHavingVariancePopulationInput>;
  varianceSample?: InputMaybe<UserSessionHavingVarianceSampleInput>;
};

export type UserSessionHavingMaxInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  expiresAt?: InputMaybe<HavingDatetimeFilter>;
  lastSeenAt?: InputMaybe<HavingDatetimeFilter>;
  revokedAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

export type UserSessionHavingMinInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  expiresAt?: InputMaybe<HavingDatetimeFilter>;
  lastSeenAt?: InputMaybe<HavingDatetimeFilter>;
  revokedAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

export type UserSessionHavingStddevPopulationInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  expiresAt?: InputMaybe<HavingDatetimeFilter>;
  lastSeenAt?: InputMaybe<HavingDatetimeFilter>;
  revokedAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

export type UserSessionHavingStddevSampleInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  expiresAt?: InputMaybe<HavingDatetimeFilter>;
  lastSeenAt?: InputMaybe<HavingDatetimeFilter>;
  revokedAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

export type UserSessionHavingSumInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  expiresAt?: InputMaybe<HavingDatetimeFilter>;
  lastSeenAt?: InputMaybe<HavingDatetimeFilter>;
  revokedAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

export type UserSessionHavingVariancePopulationInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  expiresAt?: InputMaybe<HavingDatetimeFilter>;
  lastSeenAt?: InputMaybe<HavingDatetimeFilter>;
  revokedAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

export type UserSessionHavingVarianceSampleInput = {
  createdAt?: InputMaybe<HavingDatetimeFilter>;
  expiresAt?: InputMaybe<HavingDatetimeFilter>;
  lastSeenAt?: InputMaybe<HavingDatetimeFilter>;
  revokedAt?: InputMaybe<HavingDatetimeFilter>;
  updatedAt?: InputMaybe<HavingDatetimeFilter>;
};

/** Methods to use when ordering `UserSession`. */
export type UserSessionOrderBy =
  | 'NATURAL'
  | 'PRIMARY_KEY_ASC'
  | 'PRIMARY_KEY_DESC'
  | 'ROW_ID_ASC'
  | 'ROW_ID_DESC'
  | 'TENANT_ID_ASC'
  | 'TENANT_ID_DESC'
  | 'USER_ID_ASC'
  | 'USER_ID_DESC';

/** A filter to be used against many `UserGroupMembership` object types. All fields are combined with a logical ‘and.’ */
export type UserToManyUserGroupMembershipFilter = {
  /** Every related `UserGroupMembership` matches the filter criteria. All fields are combined with a logical ‘and.’ */
  every?: InputMaybe<UserGroupMembershipFilter>;
  /** No related `UserGroupMembership` matches the filter criteria. All fields are combined with a logical ‘and.’ */
  none?: InputMaybe<UserGroupMembershipFilter>;
  /** Some related `UserGroupMembership` matches the filter criteria. All fields are combined with a logical ‘and.’ */
  some?: InputMaybe<UserGroupMembershipFilter>;
};

/** A filter to be used against many `UserPermission` object types. All fields are combined with a logical ‘and.’ */
export type UserToManyUserPermissionFilter = {
  /** Every related `UserPermission` matches the filter criteria. All fields are combined with a logical ‘and.’ */
  every?: InputMaybe<UserPermissionFilter>;
  /** No related `UserPermission` matches the filter criteria. All fields are combined with a logical ‘and.’ */
  none?: InputMaybe<UserPermissionFilter>;
  /** Some related `UserPermission` matches the filter criteria. All fields are combined with a logical ‘and.’ */
  some?: InputMaybe<UserPermissionFilter>;
};

/** A filter to be used against many `UserRole` object types. All fields are combined with a logical ‘and.’ */
export type UserToManyUserRoleFilter = {
  /** Every related `UserRole` matches the filter criteria. All fields are combined with a logical ‘and.’ */
  every?: InputMaybe<UserRoleFilter>;
  /** No related `UserRole` matches the filter criteria. All fields are combined with a logical ‘and.’ */
  none?: InputMaybe<UserRoleFilter>;
  /** Some related `UserRole` matches the filter criteria. All fields are combined with a logical ‘and.’ */
  some?: InputMaybe<UserRoleFilter>;
};

/** A filter to be used against many `UserSession` object types. All fields are combined with a logical ‘and.’ */
export type UserToManyUserSessionFilter = {
  /** Every related `UserSession` matches the filter criteria. All fields are combined with a logical ‘and.’ */
  every?: InputMaybe<UserSessionFilter>;
  /** No related `UserSession` matches the filter criteria. All fields are combined with a logical ‘and.’ */
  none?: InputMaybe<UserSessionFilter>;
  /** Some related `UserSession` matches the filter criteria. All fields are combined with a logical ‘and.’ */
  some?: InputMaybe<UserSessionFilter>;
};

export type UsersQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['Cursor']['input']>;
  filter?: InputMaybe<UserFilter>;
}>;


export type UsersQuery = { __typename?: 'Query', users?: { __typename?: 'UserConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, nodes: Array<{ __typename?: 'User', rowId: string, email: string, username: string, createdAt: string }> } | null };

export type UserGroupsQueryVariables = Exact<{ [key: string]: never; }>;


export type UserGroupsQuery = { __typename?: 'Query', userGroups?: { __typename?: 'UserGroupConnection', totalCount: number, aggregates?: { __typename?: 'UserGroupAggregates', distinctCount?: { __typename?: 'UserGroupDistinctCountAggregates', rowId?: string | null } | null } | null, nodes: Array<{ __typename?: 'UserGroup', rowId: string, name: string, description?: string | null }> } | null };

export type RolesQueryVariables = Exact<{ [key: string]: never; }>;


export type RolesQuery = { __typename?: 'Query', roles?: { __typename?: 'RoleConnection', nodes: Array<{ __typename?: 'Role', rowId: string, name: string, description?: string | null, globalAccess: boolean }> } | null };

export type MySessionsQueryVariables = Exact<{ [key: string]: never; }>;


export type MySessionsQuery = { __typename?: 'Query', userSessions?: { __typename?: 'UserSessionConnection', nodes: Array<{ __typename?: 'UserSession', rowId: string, createdAt: string, lastSeenAt: string, expiresAt: string, revokedAt?: string | null, userAgent?: string | null }> } | null };

export type ViewerPermissionsQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerPermissionsQuery = { __typename?: 'Query', viewerPermissions?: Array<string | null> | null };

export type CreateUserGroupMutationVariables = Exact<{
  name: Scalars['String']['input'];
  description?: InputMaybe<Scalars['String']['input']>;
}>;


export type CreateUserGroupMutation = { __typename?: 'Mutation', createUserGroup?: { __typename?: 'CreateUserGroupPayload', userGroup?: { __typename?: 'UserGroup', rowId: string, name: string, description?: string | null } | null } | null };

export type DeleteUserGroupMutationVariables = Exact<{
  rowId: Scalars['UUID']['input'];
}>;


export type DeleteUserGroupMutation = { __typename?: 'Mutation', deleteUserGroup?: { __typename?: 'DeleteUserGroupPayload', userGroup?: { __typename?: 'UserGroup', rowId: string } | null } | null };

export type RowChangedSubscriptionVariables = Exact<{
  table?: InputMaybe<Scalars['String']['input']>;
}>;


export type RowChangedSubscription = { __typename?: 'Subscription', rowChanged?: { __typename?: 'RowChange', table: string, op: string, rowId: string, node?:
      | { __typename?: 'GroupRole', id: string }
      | { __typename?: 'Permission', id: string }
      | { __typename?: 'Query', id: string }
      | { __typename?: 'Role', id: string }
      | { __typename?: 'RolePermission', id: string }
      | { __typename?: 'Tenant', id: string }
      | { __typename?: 'User', id: string }
      | { __typename?: 'UserGroup', id: string }
      | { __typename?: 'UserGroupMembership', id: string }
      | { __typename?: 'UserPermission', id: string }
      | { __typename?: 'UserPreference', id: string }
      | { __typename?: 'UserRole', id: string }
      | { __typename?: 'UserSession', id: string }
     | null } | null };


export const UsersDocument = {"__meta__":{"hash":"199b930a8fe13ef493cb16fa9fd6459b7d7573d9ac2d29b47b52b1b6007ffa32"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Users"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Cursor"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"UserFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"users"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]} as unknown as DocumentNode<UsersQuery, UsersQueryVariables>;
export const UserGroupsDocument = {"__meta__":{"hash":"35101e9843b6ff09a2d25be0fe3f053fd11060b1ebf5bd0e32b5ba73805a2f14"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UserGroups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userGroups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"aggregates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"distinctCount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]}}]} as unknown as DocumentNode<UserGroupsQuery, UserGroupsQueryVariables>;
export const RolesDocument = {"__meta__":{"hash":"aca0e1afd8d140b238bf477216b20697dfd0d8e570519e2c11425690586f6b86"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"globalAccess"}}]}}]}}]}}]} as unknown as DocumentNode<RolesQuery, RolesQueryVariables>;
export const MySessionsDocument = {"__meta__":{"hash":"23fe4c1675a3672372fece5994cb45876f68f1a068aa542329132439e7e5ba9e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MySessions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userSessions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"EnumValue","value":"PRIMARY_KEY_ASC"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastSeenAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"userAgent"}}]}}]}}]}}]} as unknown as DocumentNode<MySessionsQuery, MySessionsQueryVariables>;
export const ViewerPermissionsDocument = {"__meta__":{"hash":"fee01d5898e267540b280f3d0ccb3ac898aaac99492490eed9f7c6d4acf36146"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ViewerPermissions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewerPermissions"}}]}}]} as unknown as DocumentNode<ViewerPermissionsQuery, ViewerPermissionsQueryVariables>;
export const CreateUserGroupDocument = {"__meta__":{"hash":"a77d59792339de76c783f284d8b678e9ce1da52738de9811b33846e5aafdee52"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateUserGroup"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"description"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createUserGroup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"userGroup"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"description"},"value":{"kind":"Variable","name":{"kind":"Name","value":"description"}}}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userGroup"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]}}]} as unknown as DocumentNode<CreateUserGroupMutation, CreateUserGroupMutationVariables>;
export const DeleteUserGroupDocument = {"__meta__":{"hash":"b9010d5d884b89177e10b50732088d2d3cf9485682ea9aadfb54627cafa177e3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteUserGroup"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"rowId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UUID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteUserGroup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"rowId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"rowId"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userGroup"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}}]}}]}}]}}]} as unknown as DocumentNode<DeleteUserGroupMutation, DeleteUserGroupMutationVariables>;
export const RowChangedDocument = {"__meta__":{"hash":"f6813b0341f58ee406be2d50d7c7dcca41207f0ffe29b81c7e8ea534df26da2c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"RowChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"table"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"table"},"value":{"kind":"Variable","name":{"kind":"Name","value":"table"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"table"}},{"kind":"Field","name":{"kind":"Name","value":"op"}},{"kind":"Field","name":{"kind":"Name","value":"rowId"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<RowChangedSubscription, RowChangedSubscriptionVariables>;