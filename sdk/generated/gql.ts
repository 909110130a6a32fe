/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query Users($first: Int, $after: Cursor, $filter: UserFilter) {\n  users(first: $first, after: $after, filter: $filter) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      rowId\n      email\n      username\n      createdAt\n    }\n  }\n}\n\nquery UserGroups {\n  userGroups {\n    totalCount\n    aggregates {\n      distinctCount {\n        rowId\n      }\n    }\n    nodes {\n      rowId\n      name\n      description\n    }\n  }\n}\n\nquery Roles {\n  roles {\n    nodes {\n      rowId\n      name\n      description\n      globalAccess\n    }\n  }\n}\n\nquery MySessions {\n  userSessions(orderBy: PRIMARY_KEY_ASC) {\n    nodes {\n      rowId\n      createdAt\n      lastSeenAt\n      expiresAt\n      revokedAt\n      userAgent\n    }\n  }\n}\n\nquery ViewerPermissions {\n  viewerPermissions\n}\n\nmutation CreateUserGroup($name: String!, $description: String) {\n  createUserGroup(input: {userGroup: {name: $name, description: $description}}) {\n    userGroup {\n      rowId\n      name\n      description\n    }\n  }\n}\n\nmutation DeleteUserGroup($rowId: UUID!) {\n  deleteUserGroup(input: {rowId: $rowId}) {\n    userGroup {\n      rowId\n    }\n  }\n}\n\nsubscription RowChanged($table: String) {\n  rowChanged(table: $table) {\n    table\n    op\n    rowId\n    node {\n      id\n    }\n  }\n}": typeof types.UsersDocument,
};
const documents: Documents = {
    "query Users($first: Int, $after: Cursor, $filter: UserFilter) {\n  users(first: $first, after: $after, filter: $filter) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      rowId\n      email\n      username\n      createdAt\n    }\n  }\n}\n\nquery UserGroups {\n  userGroups {\n    totalCount\n    aggregates {\n      distinctCount {\n        rowId\n      }\n    }\n    nodes {\n      rowId\n      name\n      description\n    }\n  }\n}\n\nquery Roles {\n  roles {\n    nodes {\n      rowId\n      name\n      description\n      globalAccess\n    }\n  }\n}\n\nquery MySessions {\n  userSessions(orderBy: PRIMARY_KEY_ASC) {\n    nodes {\n      rowId\n      createdAt\n      lastSeenAt\n      expiresAt\n      revokedAt\n      userAgent\n    }\n  }\n}\n\nquery ViewerPermissions {\n  viewerPermissions\n}\n\nmutation CreateUserGroup($name: String!, $description: String) {\n  createUserGroup(input: {userGroup: {name: $name, description: $description}}) {\n    userGroup {\n      rowId\n      name\n      description\n    }\n  }\n}\n\nmutation DeleteUserGroup($rowId: UUID!) {\n  deleteUserGroup(input: {rowId: $rowId}) {\n    userGroup {\n      rowId\n    }\n  }\n}\n\nsubscription RowChanged($table: String) {\n  rowChanged(table: $table) {\n    table\n    op\n    rowId\n    node {\n      id\n    }\n  }\n}": types.UsersDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Users($first: Int, $after: Cursor, $filter: UserFilter) {\n  users(first: $first, after: $after, filter: $filter) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      rowId\n      email\n      username\n      createdAt\n    }\n  }\n}\n\nquery UserGroups {\n  userGroups {\n    totalCount\n    aggregates {\n      distinctCount {\n        rowId\n      }\n    }\n    nodes {\n      rowId\n      name\n      description\n    }\n  }\n}\n\nquery Roles {\n  roles {\n    nodes {\n      rowId\n      name\n      description\n      globalAccess\n    }\n  }\n}\n\nquery MySessions {\n  userSessions(orderBy: PRIMARY_KEY_ASC) {\n    nodes {\n      rowId\n      createdAt\n      lastSeenAt\n      expiresAt\n      revokedAt\n      userAgent\n    }\n  }\n}\n\nquery ViewerPermissions {\n  viewerPermissions\n}\n\nmutation CreateUserGroup($name: String!, $description: String) {\n  createUserGroup(input: {userGroup: {name: $name, description: $description}}) {\n    userGroup {\n      rowId\n      name\n      description\n    }\n  }\n}\n\nmutation DeleteUserGroup($rowId: UUID!) {\n  deleteUserGroup(input: {rowId: $rowId}) {\n    userGroup {\n      rowId\n    }\n  }\n}\n\nsubscription RowChanged($table: String) {\n  rowChanged(table: $table) {\n    table\n    op\n    rowId\n    node {\n      id\n    }\n  }\n}"): (typeof documents)["query Users($first: Int, $after: Cursor, $filter: UserFilter) {\n  users(first: $first, after: $after, filter: $filter) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      rowId\n      email\n      username\n      createdAt\n    }\n  }\n}\n\nquery UserGroups {\n  userGroups {\n    totalCount\n    aggregates {\n      distinctCount {\n        rowId\n      }\n    }\n    nodes {\n      rowId\n      name\n      description\n    }\n  }\n}\n\nquery Roles {\n  roles {\n    nodes {\n      rowId\n      name\n      description\n      globalAccess\n    }\n  }\n}\n\nquery MySessions {\n  userSessions(orderBy: PRIMARY_KEY_ASC) {\n    nodes {\n      rowId\n      createdAt\n      lastSeenAt\n      expiresAt\n      revokedAt\n      userAgent\n    }\n  }\n}\n\nquery ViewerPermissions {\n  viewerPermissions\n}\n\nmutation CreateUserGroup($name: String!, $description: String) {\n  createUserGroup(input: {userGroup: {name: $name, description: $description}}) {\n    userGroup {\n      rowId\n      name\n      description\n    }\n  }\n}\n\nmutation DeleteUserGroup($rowId: UUID!) {\n  deleteUserGroup(input: {rowId: $rowId}) {\n    userGroup {\n      rowId\n    }\n  }\n}\n\nsubscription RowChanged($table: String) {\n  rowChanged(table: $table) {\n    table\n    op\n    rowId\n    node {\n      id\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;