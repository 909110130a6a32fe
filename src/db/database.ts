import type { Config } from "../config";
import { bootstrapRoles, ensureDatabase, grantDatabase, withClient, withCredentials, withDatabase } from "./bootstrap";
import { attachEmbeddedCluster, DataDirectoryInUseError, type EmbeddedCluster, startEmbeddedCluster } from "./embedded";
import { migrateDatabase, type MigrationTarget } from "./migrate";
import { DB_ROLES } from "./roles";

export const EMBEDDED_DATABASE = "nexus";

/** Where the gateway's data lives and how each part of it connects. */
export interface Database extends MigrationTarget {
  /** The GraphQL pool's connection: logs in as the authenticator role. */
  authenticatorUrl: string;
  /** The revocation listener's connection (NEXUS_LISTEN_DATABASE_URL: direct, past a transaction pooler). */
  listenerUrl: string;
  /** NEXUS_REPLICA_URLS, each logging in as the authenticator role like the GraphQL pool. */
  replicaUrls: string[];
  /** The embedded cluster, when the gateway runs its own PostgreSQL (or attached to a running gateway's). */
  embedded: EmbeddedCluster | null;
  /** For the banner: where the data is, without passwords. */
  description: string;
  close(): Promise<void>;
}

/** pg_advisory_xact_lock key of the start-up preparation ("nexus" in ASCII). */
const PREPARATION_LOCK = 0x6e65787573;

/**
 * Instances starting together would create and alter the same roles and
 * grants at once ("tuple concurrently updated"), and graphile-migrate gives
 * up when another process holds its migration lock. So the preparation runs
 * one instance at a time, under a transaction-level advisory lock in the
 * maintenance database: a transaction keeps its server connection even
 * through a transaction-mode pooler, where a session lock would not hold.
 */
async function oneInstanceAtATime<T>(adminUrl: string, work: () => Promise<T>): Promise<T> {
  return withClient(withDatabase(adminUrl, "postgres"), async (client) => {
    await client.query("begin");
    try {
      await client.query("select pg_advisory_xact_lock($1)", [PREPARATION_LOCK]);
      return await work();
    } finally {
      await client.query("commit").catch(() => undefined);
    }
  });
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}

/**
 * Starts the embedded PostgreSQL (with no DATABASE_URL) or reaches the given
 * one, then makes sure roles, database rights and the committed migrations
 * and policies are in place. Safe to run on every start.
 */
export async function openDatabase(config: Config, options: { migrate?: boolean; attach?: boolean } = {}): Promise<Database> {
  let embedded: EmbeddedCluster | null = null;
  let adminUrl: string;
  let authenticatorPassword: string;
  if (config.databaseUrl) {
    adminUrl = config.databaseUrl;
    authenticatorPassword = config.authenticatorPassword ?? decodeURIComponent(new URL(adminUrl).password);
    if (!authenticatorPassword) {
      throw new Error("NEXUS_AUTHENTICATOR_PASSWORD is required when DATABASE_URL has no password");
    }
  } else {
    try {
      embedded = await startEmbeddedCluster(config.dataDir);
    } catch (error) {
      // A command beside a running gateway uses that gateway's PostgreSQL.
      if (!(error instanceof DataDirectoryInUseError) || !options.attach) throw error;
      embedded = await attachEmbeddedCluster(config.dataDir);
    }
    adminUrl = embedded.url(EMBEDDED_DATABASE);
    authenticatorPassword = config.authenticatorPassword ?? embedded.authenticatorPassword;
  }
  try {
    const target: MigrationTarget = { adminUrl, shadowUrl: withDatabase(adminUrl, `${new URL(adminUrl).pathname.slice(1)}_shadow`) };
    await oneInstanceAtATime(adminUrl, async () => {
      await bootstrapRoles(adminUrl, authenticatorPassword, { resetPassword: embedded !== null || config.resetAuthenticatorPassword });
      if (embedded) await ensureDatabase(adminUrl, EMBEDDED_DATABASE);
      await grantDatabase(adminUrl);
      if (options.migrate !== false) await migrateDatabase(target);
    });
    return {
      ...target,
      authenticatorUrl: withCredentials(adminUrl, DB_ROLES.authenticator, authenticatorPassword),
      listenerUrl: withCredentials(config.listenDatabaseUrl ?? adminUrl, DB_ROLES.authenticator, authenticatorPassword),
      replicaUrls: config.replicas.urls.map((url) => withCredentials(url, DB_ROLES.authenticator, authenticatorPassword)),
      embedded,
      description: embedded ? `embedded PostgreSQL in ${config.dataDir} (port ${embedded.port})` : redact(adminUrl),
      close: async () => {
        await embedded?.stop();
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}
