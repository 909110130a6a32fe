import pg from "pg";

import { markSearchFunctionsLeakproof } from "./leakproof";
import { DB_ROLES } from "./roles";

const { escapeIdentifier, escapeLiteral } = pg;

/** Replaces the database of a connection string (keeping host, user, password). */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/** Replaces the user and password of a connection string. */
export function withCredentials(url: string, user: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(user);
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ""));
}

/** Runs `fn` with one client of `url`, always closing it. */
export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates `database` owned by the owner role, if it does not exist yet. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  await withClient(withDatabase(adminUrl, "postgres"), async (client) => {
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [database]);
    if (!rowCount) {
      await client.query(`create database ${escapeIdentifier(database)} owner ${escapeIdentifier(DB_ROLES.owner)}`);
    }
  });
}

/**
 * Creates the four roles and the database-level grants they need. Idempotent.
 * Needs a superuser (or CREATEROLE) connection the first time; afterwards a
 * connection without those rights passes as long as the roles exist.
 */
/**
 * The roles are cluster-wide and their names fixed (the committed
 * migrations and policies name them), so two deployments on one cluster
 * share `nexus_authenticator`. Its password is therefore set only when it is
 * created, or when `resetPassword` says so (the embedded cluster, which
 * belongs to its data directory, or NEXUS_AUTHENTICATOR_PASSWORD_RESET=1);
 * otherwise a password that does not log in is refused with a message,
 * instead of silently locking the other deployment out.
 */
export class RolePasswordMismatchError extends Error {
  constructor(role: string) {
    super(
      `the role ${role} already exists on this PostgreSQL cluster with another password (roles are shared by every database of a cluster: is another Nexus deployment using it?). ` +
        `Set NEXUS_AUTHENTICATOR_PASSWORD to its password, or NEXUS_AUTHENTICATOR_PASSWORD_RESET=1 to change it (any other deployment using the role then stops signing in). ` +
        `Role names cannot be prefixed per deployment: give each deployment its own cluster.`,
    );
    this.name = "RolePasswordMismatchError";
  }
}

/** Whether `password` logs `role` in (a failed authentication, 28P01, is the only "no"). */
async function passwordWorks(adminUrl: string, role: string, password: string): Promise<boolean> {
  try {
    await withClient(withCredentials(withDatabase(adminUrl, "postgres"), role, password), async () => undefined);
    return true;
  } catch (error) {
    return (error as { code?: string }).code !== "28P01";
  }
}

export async function bootstrapRoles(adminUrl: string, authenticatorPassword: string, options: { resetPassword: boolean }): Promise<void> {
  await withClient(withDatabase(adminUrl, "postgres"), async (client) => {
    const { rows } = await client.query<{ superuser: boolean; createrole: boolean }>(
      "select rolsuper as superuser, rolcreaterole as createrole from pg_roles where rolname = current_user",
    );
    const privileged = rows[0]!.superuser || rows[0]!.createrole;
    const { rows: existing } = await client.query<{ rolname: string }>("select rolname from pg_roles where rolname = any($1)", [
      Object.values(DB_ROLES),
    ]);
    const have = new Set(existing.map((r) => r.rolname));
    if (!privileged) {
      const missing = Object.values(DB_ROLES).filter((role) => !have.has(role));
      if (missing.length) {
        throw new Error(
          `the database user of DATABASE_URL may not create roles, and ${missing.join(", ")} do not exist; connect once as a superuser or create them`,
        );
      }
      return;
    }
    if (!rows[0]!.superuser && !have.has(DB_ROLES.auth)) {
      throw new Error(`creating ${DB_ROLES.auth} (BYPASSRLS) needs a superuser connection once`);
    }
    const create = async (role: string, options: string) => {
      const verb = have.has(role) ? "alter" : "create";
      await client.query(`${verb} role ${escapeIdentifier(role)} with ${options}`);
    };
    // createdb: graphile-migrate rebuilds its shadow database as this role.
    await create(DB_ROLES.owner, "nologin noinherit nobypassrls createdb");
    if (rows[0]!.superuser) await create(DB_ROLES.auth, "nologin noinherit bypassrls");
    await create(DB_ROLES.anonymous, "nologin nobypassrls");
    await create(DB_ROLES.user, "nologin nobypassrls");
    const keepPassword = have.has(DB_ROLES.authenticator) && !options.resetPassword;
    if (keepPassword && !(await passwordWorks(adminUrl, DB_ROLES.authenticator, authenticatorPassword))) {
      throw new RolePasswordMismatchError(DB_ROLES.authenticator);
    }
    await create(
      DB_ROLES.authenticator,
      `login noinherit nobypassrls nocreatedb nocreaterole${keepPassword ? "" : ` password ${escapeLiteral(authenticatorPassword)}`}`,
    );
    await client.query(
      `grant ${escapeIdentifier(DB_ROLES.anonymous)}, ${escapeIdentifier(DB_ROLES.user)} to ${escapeIdentifier(DB_ROLES.authenticator)}`,
    );
    // The owner hands its SECURITY DEFINER functions over to nexus_auth.
    await client.query(`grant ${escapeIdentifier(DB_ROLES.auth)} to ${escapeIdentifier(DB_ROLES.owner)}`);
    if (!rows[0]!.superuser) {
      // Without superuser rights, migrations reach the owner role through SET ROLE.
      await client.query(`grant ${escapeIdentifier(DB_ROLES.owner)} to current_user`);
    }
  });
}

/**
 * Database-level rights: only the owner creates; the authenticator may only
 * connect. In one transaction: run statement by statement, every start of
 * an instance (a rolling deploy) opened a moment between the revoke and the
 * grant in which the running instances' new connections were refused
 * (42501, permission denied for database).
 */
export async function grantDatabase(adminUrl: string): Promise<void> {
  await withClient(adminUrl, async (client) => {
    const db = escapeIdentifier(databaseName(adminUrl));
    await client.query("begin");
    try {
      await client.query(`revoke all on database ${db} from public`);
      await client.query(`grant connect, create, temporary on database ${db} to ${escapeIdentifier(DB_ROLES.owner)}`);
      await client.query(`grant connect on database ${db} to ${escapeIdentifier(DB_ROLES.authenticator)}`);
      await client.query(`grant usage, create on schema public to ${escapeIdentifier(DB_ROLES.owner)}`);
      await client.query("revoke create on schema public from public");
      await markSearchFunctionsLeakproof(client);
      await client.query("commit");
    } catch (error) {
      await client.query("rollback").catch(() => undefined);
      throw error;
    }
  });
}
