import pg from "pg";
import { postgraphile } from "postgraphile";
import { makePgService } from "postgraphile/adaptors/pg";
import { getNamedType, type GraphQLField, type GraphQLSchema, isInputObjectType, isNonNullType, isObjectType } from "postgraphile/graphql";

import type { Config } from "../config";
import { withClient } from "../db/bootstrap";
import { EXPOSED_SCHEMAS } from "../db/roles";
import { makePreset } from "../graphql/preset";

/**
 * What `npm run docs:gen` knows about the database: the catalog of the
 * documented schemas (read as an administrator, so nothing is hidden) and
 * the GraphQL schema PostGraphile builds over it as the gateway's
 * authenticator role (so grants, smart tags and behaviours are exactly the
 * gateway's). Nothing here carries an OID, a host, a port or a time: the
 * same migrations give the same documentation on every machine.
 */

/** Where the documentation is read from. */
export interface DocsSource {
  /** A connection that may read the whole catalog (superuser, owner or a read-only login). */
  adminUrl: string;
  /** The gateway's GraphQL login (nexus_authenticator): the GraphQL schema is built as it. */
  authenticatorUrl: string;
}

export interface IntrospectOptions {
  /** Schemas to document; default EXPOSED_SCHEMAS. Internal schemas are always left out. */
  schemas?: readonly string[];
}

export interface DatabaseDoc {
  schemas: SchemaDoc[];
  /** The functions of the documented schemas and of the internal helper schemas (FUNCTION_SCHEMAS), with their comments. */
  functions: FunctionDoc[];
}

export interface FunctionDoc {
  schema: string;
  name: string;
  /** The argument list as PostgreSQL prints it (names and types). */
  arguments: string;
  returns: string;
  language: string;
  volatility: "immutable" | "stable" | "volatile";
  securityDefiner: boolean;
  comment: string | null;
}

export interface SchemaDoc {
  name: string;
  comment: string | null;
  tables: TableDoc[];
}

export type TableKind = "table" | "partitioned table" | "view" | "materialized view" | "foreign table";

export interface TableDoc {
  schema: string;
  name: string;
  kind: TableKind;
  owner: string;
  comment: string | null;
  columns: ColumnDoc[];
  /** Primary key, unique and exclusion constraints. */
  keys: KeyConstraintDoc[];
  checks: CheckDoc[];
  /** Foreign keys of this table. */
  foreignKeys: ForeignKeyDoc[];
  /** Foreign keys of other tables (or of this one, for a hierarchy) that point here. */
  referencedBy: ForeignKeyDoc[];
  indexes: IndexDoc[];
  triggers: TriggerDoc[];
  rls: { enabled: boolean; forced: boolean };
  /** Views only: whether the view reads its tables with the caller's rights (and RLS) rather than its owner's. */
  securityInvoker: boolean | null;
  policies: PolicyDoc[];
  grants: GrantDoc[];
  /** The SELECT of a view or materialized view. */
  viewDefinition: string | null;
  /** How GraphQL exposes the table; null when it does not. */
  graphql: GraphQLExposure | null;
}

export interface ColumnDoc {
  name: string;
  /** format_type: `character varying(200)`, `timestamp with time zone`, a domain's name. */
  type: string;
  /** The bare type name (`varchar`, `timestamptz`), for the ER diagram. */
  shortType: string;
  nullable: boolean;
  default: string | null;
  identity: "always" | "by default" | null;
  /** Expression of a generated (stored) column. */
  generated: string | null;
  comment: string | null;
}

export interface KeyConstraintDoc {
  name: string;
  kind: "primary key" | "unique" | "exclusion";
  columns: string[];
  definition: string;
}

export interface CheckDoc {
  name: string;
  definition: string;
}

export type ReferentialAction = "NO ACTION" | "RESTRICT" | "CASCADE" | "SET NULL" | "SET DEFAULT";

export interface ForeignKeyDoc {
  name: string;
  schema: string;
  table: string;
  columns: string[];
  targetSchema: string;
  targetTable: string;
  targetColumns: string[];
  /** The action, with its column list when it names one: `SET NULL (parent_id)`. */
  onDelete: string;
  onUpdate: ReferentialAction;
  /** `not deferrable`, `deferrable initially immediate` or `deferrable initially deferred`. */
  timing: string;
  definition: string;
  comment: string | null;
  /** `Type.field` that follows this key from the referencing row, if GraphQL has one. */
  forwardField: string | null;
  /** `Type.field` that lists the referencing rows from the referenced one, if GraphQL has one. */
  backwardField: string | null;
}

export interface IndexKeyDoc {
  /** The column, when the key is a plain column. */
  column: string | null;
  /** The key as pg_get_indexdef prints it: a column name or an expression. */
  expression: string;
}

export interface IndexDoc {
  name: string;
  unique: boolean;
  primary: boolean;
  /** The constraint the index implements (primary key, unique, exclusion), if any. */
  constraint: string | null;
  /** pg_get_indexdef after `USING`: method, keys, INCLUDE, WHERE. */
  definition: string;
  keys: IndexKeyDoc[];
  predicate: string | null;
  valid: boolean;
}

export interface TriggerDoc {
  name: string;
  /** pg_get_triggerdef after the trigger's name: timing, events, table, level, function. */
  definition: string;
  enabled: "always" | "origin" | "replica" | "disabled";
  function: string;
  functionComment: string | null;
}

export type PolicyCommand = "ALL" | "SELECT" | "INSERT" | "UPDATE" | "DELETE";

export interface PolicyDoc {
  name: string;
  command: PolicyCommand;
  permissive: boolean;
  roles: string[];
  using: string | null;
  withCheck: string | null;
}

export interface GrantDoc {
  role: string;
  /** Privileges on the whole table. */
  table: string[];
  /** Column privileges: privilege → columns. */
  columns: { privilege: string; columns: string[] }[];
}

export interface GraphQLRootField {
  operation: "query" | "mutation";
  name: string;
  /** `user(rowId: UUID!): User`: required arguments and the result type. */
  signature: string;
  /** What the field does with the table, in words. */
  purpose: string;
}

export interface GraphQLExposure {
  typeName: string;
  /** Column name → GraphQL field name on the type. */
  columnFields: Record<string, string>;
  rootFields: GraphQLRootField[];
}

/** Never documented: PostgreSQL's own, and Nexus's helper schemas that GraphQL never exposes. */
const INTERNAL_SCHEMAS = new Set(["information_schema", "graphile_migrate", "nexus", "nexus_auth"]);

export function isInternalSchema(name: string): boolean {
  return INTERNAL_SCHEMAS.has(name) || name.startsWith("pg_");
}

/** Code-unit order: the same on every machine, whatever the locale or collation. */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const ACTIONS: Record<string, ReferentialAction> = {
  a: "NO ACTION",
  r: "RESTRICT",
  c: "CASCADE",
  n: "SET NULL",
  d: "SET DEFAULT",
};

const COMMANDS: Record<string, PolicyCommand> = { "*": "ALL", r: "SELECT", a: "INSERT", w: "UPDATE", d: "DELETE" };

const KINDS: Record<string, TableKind> = {
  r: "table",
  p: "partitioned table",
  v: "view",
  m: "materialized view",
  f: "foreign table",
};

const TRIGGER_STATES: Record<string, TriggerDoc["enabled"]> = { O: "origin", D: "disabled", R: "replica", A: "always" };

/** The order PostgreSQL's documentation lists privileges in. */
const PRIVILEGE_ORDER = ["SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER", "MAINTAIN"];

function privilegeRank(privilege: string): number {
  const rank = PRIVILEGE_ORDER.indexOf(privilege);
  return rank < 0 ? PRIVILEGE_ORDER.length : rank;
}

const tableKey = (schema: string, table: string) => `${schema}.${table}`;

/** Internal schemas whose functions the reference lists beside the documented schemas' (their tables are not documented). */
const FUNCTION_SCHEMAS = ["nexus", "nexus_auth"];

const VOLATILITY: Record<string, FunctionDoc["volatility"]> = { i: "immutable", s: "stable", v: "volatile" };

interface FunctionRow {
  schema: string;
  name: string;
  arguments: string;
  returns: string;
  language: string;
  volatility: string;
  security_definer: boolean;
  comment: string | null;
}

/** The functions and procedures of `schemas`, not an extension's. */
async function readFunctions(client: pg.Client, schemas: string[]): Promise<FunctionDoc[]> {
  const { rows } = await client.query<FunctionRow>(
    `select n.nspname::text as schema, p.proname::text as name, pg_get_function_arguments(p.oid) as arguments,
            pg_get_function_result(p.oid) as returns, l.lanname::text as language, p.provolatile::text as volatility,
            p.prosecdef as security_definer, obj_description(p.oid, 'pg_proc') as comment
     from pg_proc p
     join pg_namespace n on n.oid = p.pronamespace
     join pg_language l on l.oid = p.prolang
     where n.nspname = any($1::text[])
       and p.prokind in ('f', 'p')
       and not exists (
         select 1 from pg_depend d
         where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e'
       )`,
    [schemas],
  );
  return rows
    .map((row) => ({
      schema: row.schema,
      name: row.name,
      arguments: row.arguments,
      returns: row.returns,
      language: row.language,
      volatility: VOLATILITY[row.volatility] ?? "volatile",
      securityDefiner: row.security_definer,
      comment: row.comment,
    }))
    .sort((a, b) => byCodeUnits(a.schema, b.schema) || byCodeUnits(a.name, b.name) || byCodeUnits(a.arguments, b.arguments));
}

interface TableRow {
  relid: number;
  schema: string;
  name: string;
  kind: string;
  owner: string;
  comment: string | null;
  rls_enabled: boolean;
  rls_forced: boolean;
  view_definition: string | null;
  security_invoker: boolean | null;
}

/** The tables, views and foreign tables of the documented schemas (not partitions, not an extension's). */
async function readTables(client: pg.Client, schemas: string[]): Promise<TableRow[]> {
  const { rows } = await client.query<TableRow>(
    `select c.oid as relid, n.nspname::text as schema, c.relname::text as name, c.relkind::text as kind,
            pg_get_userbyid(c.relowner)::text as owner, obj_description(c.oid, 'pg_class') as comment,
            c.relrowsecurity as rls_enabled, c.relforcerowsecurity as rls_forced,
            case when c.relkind in ('v', 'm') then pg_get_viewdef(c.oid, true) end as view_definition,
            case when c.relkind = 'v' then coalesce(
              (select option_value::boolean from pg_options_to_table(c.reloptions) where option_name = 'security_invoker'), false)
            end as security_invoker
     from pg_class c
     join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = any($1::text[])
       and c.relkind in ('r', 'p', 'v', 'm', 'f')
       and not c.relispartition
       and not exists (
         select 1 from pg_depend d
         where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e'
       )`,
    [schemas],
  );
  return rows;
}

interface ColumnRow {
  relid: number;
  name: string;
  type: string;
  short_type: string;
  nullable: boolean;
  default: string | null;
  identity: string;
  generated: string;
  comment: string | null;
}

/** Their columns, in order. */
async function readColumns(client: pg.Client, relids: number[]): Promise<ColumnRow[]> {
  const { rows } = await client.query<ColumnRow>(
    `select a.attrelid as relid, a.attname::text as name, format_type(a.atttypid, a.atttypmod) as type,
            case when t.typcategory = 'A' and et.oid is not null then et.typname || '[]' else t.typname::text end as short_type,
            not a.attnotnull as nullable, pg_get_expr(d.adbin, d.adrelid, true) as default,
            a.attidentity::text as identity, a.attgenerated::text as generated,
            col_description(a.attrelid, a.attnum) as comment
     from pg_attribute a
     join pg_type t on t.oid = a.atttypid
     left join pg_type et on et.oid = t.typelem
     left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
     where a.attrelid = any($1::oid[]) and a.attnum > 0 and not a.attisdropped
     order by a.attrelid, a.attnum`,
    [relids],
  );
  return rows;
}

interface ConstraintRow {
  relid: number;
  target_relid: number | null;
  name: string;
  type: string;
  schema: string;
  table: string;
  columns: string[];
  target_schema: string | null;
  target_table: string | null;
  target_columns: string[] | null;
  on_delete: string;
  on_update: string;
  on_delete_columns: string[];
  deferrable: boolean;
  deferred: boolean;
  definition: string;
  comment: string | null;
}

/** Their constraints, and foreign keys from anywhere into them. */
async function readConstraints(client: pg.Client, relids: number[]): Promise<ConstraintRow[]> {
  const { rows } = await client.query<ConstraintRow>(
    `select con.conrelid as relid, nullif(con.confrelid, 0) as target_relid, con.conname::text as name, con.contype::text as type,
            cn.nspname::text as schema, cc.relname::text as table,
            array(select a.attname::text from unnest(con.conkey) with ordinality k(num, ord)
                  join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.num order by k.ord) as columns,
            fn.nspname::text as target_schema, fc.relname::text as target_table,
            array(select a.attname::text from unnest(con.confkey) with ordinality k(num, ord)
                  join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.num order by k.ord) as target_columns,
            con.confdeltype::text as on_delete, con.confupdtype::text as on_update,
            array(select a.attname::text from unnest(con.confdelsetcols) with ordinality k(num, ord)
                  join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.num order by k.ord) as on_delete_columns,
            con.condeferrable as deferrable, con.condeferred as deferred,
            pg_get_constraintdef(con.oid, true) as definition, obj_description(con.oid, 'pg_constraint') as comment
     from pg_constraint con
     join pg_class cc on cc.oid = con.conrelid
     join pg_namespace cn on cn.oid = cc.relnamespace
     left join pg_class fc on fc.oid = con.confrelid
     left join pg_namespace fn on fn.oid = fc.relnamespace
     where (con.conrelid = any($1::oid[]) and con.contype in ('p', 'u', 'x', 'c', 'f'))
        or (con.confrelid = any($1::oid[]) and con.contype = 'f')`,
    [relids],
  );
  return rows;
}

interface IndexRow {
  relid: number;
  name: string;
  unique: boolean;
  primary: boolean;
  constraint: string | null;
  definition: string;
  predicate: string | null;
  keys: IndexKeyDoc[];
  valid: boolean;
}

/** Their indexes, with the constraint each backs. */
async function readIndexes(client: pg.Client, relids: number[]): Promise<IndexRow[]> {
  const { rows } = await client.query<IndexRow>(
    `select i.indrelid as relid, ic.relname::text as name, i.indisunique as unique, i.indisprimary as primary,
            con.conname::text as constraint,
            substring(pg_get_indexdef(i.indexrelid, 0, true) from ' USING (.*)$') as definition,
            pg_get_expr(i.indpred, i.indrelid, true) as predicate,
            (select json_agg(json_build_object('column', a.attname, 'expression', pg_get_indexdef(i.indexrelid, k.n, true)) order by k.n)
             from generate_series(1, i.indnkeyatts) k(n)
             left join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[k.n - 1] and i.indkey[k.n - 1] > 0) as keys,
            i.indisvalid as valid
     from pg_index i
     join pg_class ic on ic.oid = i.indexrelid
     left join pg_constraint con on con.conindid = i.indexrelid and con.conrelid = i.indrelid and con.contype in ('p', 'u', 'x')
     where i.indrelid = any($1::oid[])`,
    [relids],
  );
  return rows;
}

interface TriggerRow {
  relid: number;
  name: string;
  quoted_name: string;
  definition: string;
  enabled: string;
  function: string;
  function_comment: string | null;
}

/** Their triggers (not the internal ones of constraints), with each function's comment. */
async function readTriggers(client: pg.Client, relids: number[]): Promise<TriggerRow[]> {
  const { rows } = await client.query<TriggerRow>(
    `select t.tgrelid as relid, t.tgname::text as name, quote_ident(t.tgname) as quoted_name,
            pg_get_triggerdef(t.oid, true) as definition, t.tgenabled::text as enabled,
            t.tgfoid::regprocedure::text as function, obj_description(t.tgfoid, 'pg_proc') as function_comment
     from pg_trigger t
     where t.tgrelid = any($1::oid[]) and not t.tgisinternal`,
    [relids],
  );
  return rows;
}

interface PolicyRow {
  relid: number;
  name: string;
  command: string;
  permissive: boolean;
  roles: string[];
  using: string | null;
  with_check: string | null;
}

/** Their RLS policies, the expressions as PostgreSQL prints them. */
async function readPolicies(client: pg.Client, relids: number[]): Promise<PolicyRow[]> {
  const { rows } = await client.query<PolicyRow>(
    `select p.polrelid as relid, p.polname::text as name, p.polcmd::text as command, p.polpermissive as permissive,
            array(select case when r = 0 then 'public' else pg_get_userbyid(r)::text end from unnest(p.polroles) r) as roles,
            pg_get_expr(p.polqual, p.polrelid, true) as using, pg_get_expr(p.polwithcheck, p.polrelid, true) as with_check
     from pg_policy p
     where p.polrelid = any($1::oid[])`,
    [relids],
  );
  return rows;
}

interface GrantRow {
  relid: number;
  role: string;
  privilege: string;
  column: string | null;
}

/** Grants to anyone but the owner (whose rights are implicit), on tables and on columns. */
async function readGrants(client: pg.Client, relids: number[]): Promise<GrantRow[]> {
  const { rows } = await client.query<GrantRow>(
    `select c.oid as relid, case when acl.grantee = 0 then 'PUBLIC' else pg_get_userbyid(acl.grantee)::text end as role,
            acl.privilege_type as privilege, null::text as column
     from pg_class c, aclexplode(c.relacl) acl
     where c.oid = any($1::oid[]) and acl.grantee <> c.relowner
     union all
     select c.oid, case when acl.grantee = 0 then 'PUBLIC' else pg_get_userbyid(acl.grantee)::text end,
            acl.privilege_type, a.attname::text
     from pg_class c
     join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped,
          aclexplode(a.attacl) acl
     where c.oid = any($1::oid[]) and acl.grantee <> c.relowner`,
    [relids],
  );
  return rows;
}

/**
 * Reads the documented schemas: one query per kind of catalog object, then
 * one TableDoc per table. `search_path` is pinned to pg_catalog so every
 * expression PostgreSQL prints (defaults, checks, policies, index and
 * trigger definitions) names its objects schema-qualified, whatever the
 * search_path of the login role.
 */
async function readCatalog(client: pg.Client, schemas: string[]): Promise<Omit<TableDoc, "graphql">[]> {
  await client.query("set search_path = pg_catalog");
  const tables = await readTables(client, schemas);
  const relids = tables.map((table) => table.relid);
  const columns = await readColumns(client, relids);
  const constraints = await readConstraints(client, relids);
  const indexes = await readIndexes(client, relids);
  const triggers = await readTriggers(client, relids);
  const policies = await readPolicies(client, relids);
  const grants = await readGrants(client, relids);

  const documented = new Set(schemas);
  return tables.map((table) => {
    const own = <T extends { relid: number }>(rows: T[]) => rows.filter((row) => row.relid === table.relid);
    const toForeignKey = (row: ConstraintRow): ForeignKeyDoc => ({
      name: row.name,
      schema: row.schema,
      table: row.table,
      columns: row.columns,
      targetSchema: row.target_schema!,
      targetTable: row.target_table!,
      targetColumns: row.target_columns!,
      // ON DELETE SET NULL (parent_id): only some of the key's columns are cleared.
      onDelete: row.on_delete_columns.length ? `${ACTIONS[row.on_delete]!} (${row.on_delete_columns.join(", ")})` : ACTIONS[row.on_delete]!,
      onUpdate: ACTIONS[row.on_update]!,
      timing: !row.deferrable ? "not deferrable" : row.deferred ? "deferrable initially deferred" : "deferrable initially immediate",
      definition: row.definition,
      comment: row.comment,
      forwardField: null,
      backwardField: null,
    });
    const ownConstraints = own(constraints);
    return {
      schema: table.schema,
      name: table.name,
      kind: KINDS[table.kind]!,
      owner: table.owner,
      comment: table.comment,
      columns: own(columns).map((column) => ({
        name: column.name,
        type: column.type,
        shortType: column.short_type,
        nullable: column.nullable,
        default: column.generated === "s" ? null : column.default,
        identity: column.identity === "a" ? "always" : column.identity === "d" ? "by default" : null,
        generated: column.generated === "s" ? column.default : null,
        comment: column.comment,
      })),
      keys: ownConstraints
        .filter((row) => row.type === "p" || row.type === "u" || row.type === "x")
        .map((row) => ({
          name: row.name,
          kind: row.type === "p" ? ("primary key" as const) : row.type === "u" ? ("unique" as const) : ("exclusion" as const),
          columns: row.columns,
          definition: row.definition,
        }))
        .sort((a, b) => Number(b.kind === "primary key") - Number(a.kind === "primary key") || byCodeUnits(a.name, b.name)),
      checks: ownConstraints
        .filter((row) => row.type === "c")
        .map((row) => ({ name: row.name, definition: row.definition }))
        .sort((a, b) => byCodeUnits(a.name, b.name)),
      foreignKeys: ownConstraints
        .filter((row) => row.type === "f")
        .map(toForeignKey)
        .sort((a, b) => byCodeUnits(a.name, b.name)),
      // From the documented schemas and Nexus's internal ones only: a scratch
      // table that some session (a test, a developer) created elsewhere is
      // not part of the schema being documented.
      referencedBy: constraints
        .filter((row) => row.type === "f" && row.target_relid === table.relid)
        .filter((row) => documented.has(row.schema) || isInternalSchema(row.schema))
        .map(toForeignKey)
        .sort((a, b) => byCodeUnits(a.schema, b.schema) || byCodeUnits(a.table, b.table) || byCodeUnits(a.name, b.name)),
      indexes: own(indexes)
        .map((index) => ({
          name: index.name,
          unique: index.unique,
          primary: index.primary,
          constraint: index.constraint,
          definition: index.definition,
          keys: index.keys ?? [],
          predicate: index.predicate,
          valid: index.valid,
        }))
        .sort((a, b) => byCodeUnits(a.name, b.name)),
      triggers: own(triggers)
        .map((trigger) => ({
          name: trigger.name,
          definition: trigger.definition.replace(/^CREATE (CONSTRAINT )?TRIGGER /, "").replace(`${trigger.quoted_name} `, ""),
          enabled: TRIGGER_STATES[trigger.enabled] ?? "origin",
          function: trigger.function,
          functionComment: trigger.function_comment,
        }))
        .sort((a, b) => byCodeUnits(a.name, b.name)),
      rls: { enabled: table.rls_enabled, forced: table.rls_forced },
      securityInvoker: table.security_invoker,
      policies: own(policies)
        .map((policy) => ({
          name: policy.name,
          command: COMMANDS[policy.command]!,
          permissive: policy.permissive,
          roles: [...policy.roles].sort(byCodeUnits),
          using: policy.using,
          withCheck: policy.with_check,
        }))
        .sort((a, b) => byCodeUnits(a.name, b.name)),
      grants: groupGrants(
        own(grants),
        own(columns).map((column) => column.name),
      ),
      viewDefinition: table.view_definition?.trim() ?? null,
    };
  });
}

function groupGrants(rows: { role: string; privilege: string; column: string | null }[], columnOrder: string[]): GrantDoc[] {
  const roles = [...new Set(rows.map((row) => row.role))].sort(byCodeUnits);
  return roles.map((role) => {
    const mine = rows.filter((row) => row.role === role);
    const table = [...new Set(mine.filter((row) => row.column === null).map((row) => row.privilege))].sort(
      (a, b) => privilegeRank(a) - privilegeRank(b) || byCodeUnits(a, b),
    );
    const columnPrivileges = [...new Set(mine.filter((row) => row.column !== null).map((row) => row.privilege))].sort(
      (a, b) => privilegeRank(a) - privilegeRank(b) || byCodeUnits(a, b),
    );
    return {
      role,
      table,
      columns: columnPrivileges.map((privilege) => {
        const granted = new Set(mine.filter((row) => row.privilege === privilege && row.column !== null).map((row) => row.column!));
        return { privilege, columns: columnOrder.filter((column) => granted.has(column)) };
      }),
    };
  });
}

/* ------------------------------------------------------------------------ */
/* GraphQL: what PostGraphile made of each table                             */
/* ------------------------------------------------------------------------ */

interface TableRef {
  schema: string;
  table: string;
}

interface FieldRecord {
  typeName: string;
  fieldName: string;
  /** Table whose object type this field belongs to (attribute and relation fields). */
  owner: TableRef | null;
  column: string | null;
  relation: { local: TableRef; remote: TableRef; localColumns: string[]; remoteColumns: string[]; backward: boolean } | null;
  root: { operation: "query" | "mutation"; table: TableRef | null; nodeTypeName: string | null; purpose: string } | null;
}

type AnyCodec = { name: string; attributes?: Record<string, unknown>; extensions?: { pg?: { schemaName?: string; name?: string } } };

function tableOf(codec: AnyCodec | undefined | null): TableRef | null {
  const pg = codec?.extensions?.pg;
  return pg?.schemaName && pg.name ? { schema: pg.schemaName, table: pg.name } : null;
}

/**
 * A plugin that watches PostGraphile build the schema and notes, from each
 * field's scope, which table, column or foreign key it came from. Reading
 * scopes (rather than re-deriving names with the inflectors) documents what
 * the gateway really serves, whatever naming plugins are in the preset.
 */
function fieldRecorder(records: FieldRecord[]): GraphileConfig.Plugin {
  return {
    name: "NexusDocsFieldRecorderPlugin",
    version: "1.0.0",
    schema: {
      hooks: {
        GraphQLObjectType_fields_field(field, _build, context) {
          const scope = context.scope;
          const typeName = context.Self.name;
          const codec = scope.pgCodec as AnyCodec | undefined;
          const owner = scope.isPgClassType ? tableOf(codec) : null;
          const record: FieldRecord = { typeName, fieldName: scope.fieldName, owner, column: null, relation: null, root: null };

          if (owner && scope.pgFieldAttribute && codec?.attributes) {
            record.column = Object.entries(codec.attributes).find(([, attribute]) => attribute === scope.pgFieldAttribute)?.[0] ?? null;
          }
          const details = scope.pgRelationDetails;
          if (owner && details) {
            const relation = details.registry.pgRelations[details.codec.name]?.[details.relationName];
            const remote = relation ? tableOf(relation.remoteResource.codec as AnyCodec) : null;
            if (relation && remote) {
              record.relation = {
                local: owner,
                remote,
                localColumns: [...relation.localAttributes] as string[],
                remoteColumns: [...relation.remoteAttributes] as string[],
                backward: Boolean(relation.isReferencee),
              };
            }
          }
          if (scope.isRootQuery || scope.isRootMutation) {
            const resource = scope.pgFieldResource as
              { codec: AnyCodec; parameters?: unknown; extensions?: { pg?: { schemaName?: string; name?: string } } } | undefined;
            const unique = scope.pgFieldResourceUnique;
            let purpose = "";
            if (resource?.parameters) {
              const fn = resource.extensions?.pg;
              purpose = `function \`${fn?.schemaName}.${fn?.name}\``;
            } else if (scope.isPgFieldConnection) purpose = "list (connection)";
            else if (scope.isPgFieldSimpleCollection) purpose = "list";
            else if (unique)
              purpose = unique.isPrimary ? "one row by primary key" : `one row by unique key (${unique.attributes.join(", ")})`;
            else if (scope.isPgCreateMutation) purpose = "create";
            else if (scope.isPgUpdateMutation) purpose = "update";
            else if (scope.isPgDeleteMutation) purpose = "delete";
            const nodeTypeName = scope.nodeAccessorTypeName ?? null;
            if (nodeTypeName) purpose = "one row by global node ID";
            if (resource || nodeTypeName) {
              record.root = {
                operation: scope.isRootQuery ? "query" : "mutation",
                table: resource ? tableOf(resource.codec) : null,
                nodeTypeName,
                purpose,
              };
            }
          }
          records.push(record);
          return field;
        },
      },
    },
  };
}

/** `name(requiredArg: Type!): Result`: what a caller must pass and gets back. */
function signature(name: string, field: GraphQLField<unknown, unknown>): string {
  const required = field.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);
  const args = required.length ? `(${required.map((arg) => `${arg.name}: ${String(arg.type)}`).join(", ")})` : "";
  return `${name}${args}: ${String(field.type)}`;
}

/**
 * Update and delete mutations name their row through required fields of
 * their input (a key, or the global node `id`): say which, since the scope
 * does not.
 */
function chosenBy(field: GraphQLField<unknown, unknown>): string {
  const input = field.args.find((arg) => arg.name === "input");
  const type = input ? getNamedType(input.type) : null;
  if (!isInputObjectType(type)) return "";
  const keys = Object.values(type.getFields()).filter(
    (inputField) => isNonNullType(inputField.type) && inputField.name !== "patch" && inputField.name !== "clientMutationId",
  );
  if (!keys.length) return "";
  const ids = keys.map((key) => `\`${key.name}\``);
  const global = keys.length === 1 && String(getNamedType(keys[0]!.type)) === "ID";
  return global ? ` the row with the global node ${ids[0]}` : ` the row with the given ${ids.join(", ")}`;
}

const hasField = (schema: GraphQLSchema, typeName: string, fieldName: string): GraphQLField<unknown, unknown> | null => {
  const type = schema.getType(typeName);
  return isObjectType(type) ? (type.getFields()[fieldName] ?? null) : null;
};

interface GraphQLFacts {
  exposures: Map<string, GraphQLExposure>;
  /** Foreign key identity (see relationKey) → forward / backward fields. */
  relations: Map<string, { forward: string | null; backward: string | null }>;
}

const relationKey = (child: TableRef, childColumns: string[], parent: TableRef, parentColumns: string[]) =>
  `${tableKey(child.schema, child.table)}(${childColumns.join(",")})->${tableKey(parent.schema, parent.table)}(${parentColumns.join(",")})`;

/** Builds the gateway's GraphQL schema over `schemas` as the authenticator and maps it back to tables. */
async function readGraphQL(config: Config, authenticatorUrl: string, schemas: string[]): Promise<GraphQLFacts> {
  const pool = new pg.Pool({ connectionString: authenticatorUrl, max: 2, connectionTimeoutMillis: 10_000 });
  pool.on("error", () => undefined);
  const records: FieldRecord[] = [];
  const base = makePreset(config, pool);
  const sameSchemas = schemas.length === EXPOSED_SCHEMAS.length && schemas.every((schema) => EXPOSED_SCHEMAS.includes(schema));
  const instance = postgraphile({
    extends: [base],
    plugins: [fieldRecorder(records)],
    // The gateway's own service unless asked for other schemas (tests document scratch ones).
    ...(sameSchemas ? {} : { pgServices: [makePgService({ pool, schemas })] }),
  });
  let schema: GraphQLSchema;
  try {
    schema = await instance.getSchema();
  } finally {
    await instance.release();
    await pool.end();
  }

  const exposures = new Map<string, GraphQLExposure>();
  const exposureOf = (ref: TableRef, typeName: string) => {
    const key = tableKey(ref.schema, ref.table);
    let exposure = exposures.get(key);
    if (!exposure) {
      exposure = { typeName, columnFields: {}, rootFields: [] };
      exposures.set(key, exposure);
    }
    return exposure;
  };

  // Only what survived into the final schema counts: later plugins may drop fields.
  const typeTables = new Map<string, TableRef>();
  for (const record of records) {
    if (!record.owner || !hasField(schema, record.typeName, record.fieldName)) continue;
    typeTables.set(record.typeName, record.owner);
    const exposure = exposureOf(record.owner, record.typeName);
    if (record.column) exposure.columnFields[record.column] = record.fieldName;
  }

  const relations = new Map<string, { forward: string | null; backward: string | null }>();
  for (const record of records) {
    if (!record.relation || !hasField(schema, record.typeName, record.fieldName)) continue;
    const { local, remote, localColumns, remoteColumns, backward } = record.relation;
    const key = backward
      ? relationKey(remote, remoteColumns, local, localColumns)
      : relationKey(local, localColumns, remote, remoteColumns);
    const entry = relations.get(key) ?? { forward: null, backward: null };
    const field = `${record.typeName}.${record.fieldName}`;
    // A backward relation may appear as a connection and as a list; name the first (connection) one.
    if (backward) entry.backward ??= field;
    else entry.forward ??= field;
    relations.set(key, entry);
  }

  for (const record of records) {
    if (!record.root) continue;
    const rootType = record.root.operation === "query" ? schema.getQueryType() : schema.getMutationType();
    const field = rootType?.getFields()[record.fieldName];
    if (!rootType || !field || rootType.name !== record.typeName) continue;
    const table = record.root.table ?? (record.root.nodeTypeName ? typeTables.get(record.root.nodeTypeName) : undefined);
    if (!table) continue;
    const typeName = [...typeTables].find(([, ref]) => ref.schema === table.schema && ref.table === table.table)?.[0];
    if (!typeName) continue;
    exposureOf(table, typeName).rootFields.push({
      operation: record.root.operation,
      name: record.fieldName,
      signature: signature(record.fieldName, field),
      purpose:
        record.root.purpose === "update" || record.root.purpose === "delete" ? record.root.purpose + chosenBy(field) : record.root.purpose,
    });
  }
  for (const exposure of exposures.values()) {
    exposure.rootFields.sort(
      (a, b) => Number(a.operation === "mutation") - Number(b.operation === "mutation") || byCodeUnits(a.name, b.name),
    );
  }
  return { exposures, relations };
}

/**
 * The documented schemas: `options.schemas` or EXPOSED_SCHEMAS, without
 * internal ones, and only those that exist in the database (a module whose
 * migration has not run yet simply has no pages).
 */
export async function introspectDatabase(config: Config, source: DocsSource, options: IntrospectOptions = {}): Promise<DatabaseDoc> {
  const wanted = [...new Set(options.schemas ?? EXPOSED_SCHEMAS)].filter((name) => !isInternalSchema(name)).sort(byCodeUnits);
  const { schemaRows, tables, functions } = await withClient(source.adminUrl, async (client) => {
    const { rows } = await client.query<{ name: string; comment: string | null }>(
      "select nspname::text as name, obj_description(oid, 'pg_namespace') as comment from pg_namespace where nspname = any($1::text[])",
      [wanted],
    );
    const present = rows.map((row) => row.name);
    const tables = present.length ? await readCatalog(client, present) : [];
    await client.query("set search_path = pg_catalog");
    return { schemaRows: rows, tables, functions: await readFunctions(client, [...present, ...FUNCTION_SCHEMAS]) };
  });
  const present = schemaRows.map((row) => row.name).sort(byCodeUnits);
  const graphql = present.length
    ? await readGraphQL(config, source.authenticatorUrl, present)
    : { exposures: new Map(), relations: new Map() };

  const withGraphQL = (fk: ForeignKeyDoc): ForeignKeyDoc => {
    const fields = graphql.relations.get(
      relationKey({ schema: fk.schema, table: fk.table }, fk.columns, { schema: fk.targetSchema, table: fk.targetTable }, fk.targetColumns),
    );
    return { ...fk, forwardField: fields?.forward ?? null, backwardField: fields?.backward ?? null };
  };

  return {
    schemas: present.map((name) => ({
      name,
      comment: schemaRows.find((row) => row.name === name)!.comment,
      tables: tables
        .filter((table) => table.schema === name)
        .map((table) => ({
          ...table,
          foreignKeys: table.foreignKeys.map(withGraphQL),
          referencedBy: table.referencedBy.map(withGraphQL),
          graphql: graphql.exposures.get(tableKey(table.schema, table.name)) ?? null,
        }))
        .sort((a, b) => byCodeUnits(a.name, b.name)),
    })),
    functions,
  };
}
