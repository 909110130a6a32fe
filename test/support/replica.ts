import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import pg from "pg";

import { withCredentials } from "../../src/db/bootstrap";
import { type EmbeddedCluster, freePort, readPid, startEmbeddedCluster } from "../../src/db/embedded";
import { DB_ROLES } from "../../src/db/roles";

/**
 * A real streaming replica of a running embedded primary, from the
 * embedded binaries alone (they have no pg_basebackup): PostgreSQL's
 * low-level base backup (`pg_backup_start`, a copy of the data directory,
 * `pg_backup_stop`, whose label the copy gets as `backup_label`), then
 * `standby.signal` and `primary_conninfo`, so the copy starts as a hot
 * standby that streams the primary's WAL from where the backup began. The
 * copy leaves out what a base backup may (the WAL, whose segments the
 * standby streams instead, replication slots, transient state).
 */

/** Directories whose contents a base backup leaves out (the directories themselves must exist). */
const EMPTIED = new Set(["pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify", "pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans"]);
const SKIPPED = new Set(["postmaster.pid", "postmaster.opts", "backup_label", "tablespace_map", "standby.signal"]);

/** Copies a directory the server is writing to: a file removed meanwhile is simply not copied. */
async function copyLive(from: string, to: string, uid: number, gid: number, top = true): Promise<void> {
  await fs.mkdir(to, { mode: 0o700 });
  await fs.chown(to, uid, gid);
  let entries: import("node:fs").Dirent[];
  try {
    entries = await fs.readdir(from, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  for (const entry of entries) {
    if (top && SKIPPED.has(entry.name)) continue;
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) {
      if (top && EMPTIED.has(entry.name)) {
        await fs.mkdir(target, { mode: 0o700 });
        await fs.chown(target, uid, gid);
        if (entry.name === "pg_wal")
          await copyLive(path.join(source, "archive_status"), path.join(target, "archive_status"), uid, gid, false);
        continue;
      }
      await copyLive(source, target, uid, gid, false);
    } else if (entry.isFile()) {
      try {
        await fs.copyFile(source, target);
        await fs.chown(target, uid, gid);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      }
    }
  }
}

async function waitFor(what: string, condition: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export class StreamingReplica {
  private constructor(
    /** The replica's own directory (as an embedded cluster's: pg/ and cluster.json). */
    readonly dir: string,
    private cluster: EmbeddedCluster | null,
    private readonly database: string,
    private readonly superuserPassword: string,
    private readonly authenticatorPassword: string,
    readonly port: number,
  ) {}

  /**
   * A replica of the embedded cluster behind `adminUrl` (a superuser's
   * connection to `database`), started and caught up with the primary; in
   * `into` (an empty directory) or a new temporary one.
   */
  static async create(adminUrl: string, authenticatorPassword: string, into?: string): Promise<StreamingReplica> {
    const primaryUrl = new URL(adminUrl);
    const database = decodeURIComponent(primaryUrl.pathname.slice(1));
    const superuserPassword = decodeURIComponent(primaryUrl.password);
    const dir = into ?? (await fs.mkdtemp(path.join(os.tmpdir(), "nexus-replica-")));
    const pgData = path.join(dir, "pg");
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      const source = (await client.query<{ data_directory: string }>("show data_directory")).rows[0]!.data_directory;
      const owner = await fs.stat(source);
      // fast: checkpoint now rather than spread over checkpoint_timeout.
      await client.query("select pg_backup_start('nexus-test-replica', fast => true)");
      try {
        await copyLive(source, pgData, owner.uid, owner.gid);
      } finally {
        const { labelfile } = (await client.query<{ labelfile: string }>("select labelfile from pg_backup_stop(wait_for_archive => false)"))
          .rows[0]!;
        await fs.writeFile(path.join(pgData, "backup_label"), labelfile);
        await fs.chown(path.join(pgData, "backup_label"), owner.uid, owner.gid);
      }
    } finally {
      await client.end();
    }
    const conninfo = `host=127.0.0.1 port=${primaryUrl.port} user=${decodeURIComponent(primaryUrl.username)} password=${superuserPassword} application_name=nexus_test_replica`;
    await fs.appendFile(path.join(pgData, "postgresql.auto.conf"), `\nprimary_conninfo = '${conninfo}'\nhot_standby = on\n`);
    await fs.writeFile(path.join(pgData, "standby.signal"), "");
    // As an embedded cluster's directory: startEmbeddedCluster keeps its port and passwords here (the copy's roles are the primary's).
    await fs.writeFile(
      path.join(dir, "cluster.json"),
      JSON.stringify({ port: await freePort(), superuserPassword, authenticatorPassword }),
      { mode: 0o600 },
    );
    const cluster = await startEmbeddedCluster(dir);
    const replica = new StreamingReplica(dir, cluster, database, superuserPassword, authenticatorPassword, cluster.port);
    await replica.caughtUpWith(adminUrl);
    return replica;
  }

  /** The replica as the superuser. */
  get adminUrl(): string {
    return `postgres://postgres:${encodeURIComponent(this.superuserPassword)}@127.0.0.1:${this.port}/${encodeURIComponent(this.database)}`;
  }

  /** The replica as the gateway's GraphQL pool logs in. */
  get authenticatorUrl(): string {
    return withCredentials(this.adminUrl, DB_ROLES.authenticator, this.authenticatorPassword);
  }

  private async query<T extends pg.QueryResultRow>(text: string): Promise<T[]> {
    const client = new pg.Client({ connectionString: this.adminUrl, connectionTimeoutMillis: 2_000 });
    await client.connect();
    try {
      return (await client.query<T>(text)).rows;
    } finally {
      await client.end();
    }
  }

  /** Waits until the replica has replayed everything the primary had written when this was called. */
  async caughtUpWith(primaryAdminUrl: string): Promise<void> {
    const primary = new pg.Client({ connectionString: primaryAdminUrl });
    await primary.connect();
    const target = (await primary.query<{ lsn: string }>("select pg_current_wal_lsn()::text as lsn")).rows[0]!.lsn;
    await primary.end();
    await waitFor("replay on the replica", async () => {
      const [row] = await this.query<{ ok: boolean }>(`select pg_last_wal_replay_lsn() >= '${target}'::pg_lsn as ok`);
      return row?.ok === true;
    });
  }

  /** Stops replaying (the primary goes on writing: lag grows). */
  async pauseReplay(): Promise<void> {
    await this.query("select pg_wal_replay_pause()");
  }

  async resumeReplay(): Promise<void> {
    await this.query("select pg_wal_replay_resume()");
  }

  /** Fast shutdown. */
  async stop(): Promise<void> {
    await this.cluster?.stop();
    this.cluster = null;
  }

  /** SIGKILL of the postmaster and every backend (its own process group), as a crash or a lost machine. */
  async kill(): Promise<void> {
    const pidFile = path.join(this.dir, "pg", "postmaster.pid");
    const pid = readPid(pidFile);
    if (pid !== null) {
      try {
        process.kill(-pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
    await this.cluster?.stop();
    this.cluster = null;
  }

  /** Starts again on the same directory and port; streaming resumes from where replay stopped. */
  async start(): Promise<void> {
    const cluster = await startEmbeddedCluster(this.dir);
    if (cluster.port !== this.port) throw new Error(`the replica came back on port ${cluster.port}, not ${this.port}`);
    this.cluster = cluster;
  }

  /** Stops it and removes its directory. */
  async remove(): Promise<void> {
    await this.stop();
    await fs.rm(this.dir, { recursive: true, force: true });
  }
}
