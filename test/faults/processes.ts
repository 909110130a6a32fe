import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import pg from "pg";

import { createTenant, createUser } from "../../src/auth/accounts";
import { GATEWAY_NODE_FLAGS } from "../../src/cli/runtime";
import { bootstrapRoles, ensureDatabase, grantDatabase, withCredentials } from "../../src/db/bootstrap";
import { type EmbeddedCluster, freePort, readPid, startEmbeddedCluster } from "../../src/db/embedded";
import { migrateDatabase } from "../../src/db/migrate";
import { DB_ROLES } from "../../src/db/roles";

/**
 * The real processes of the fault suite: PostgreSQL, gateways, PgBouncer.
 * Everything started here is registered, so that however the suite ends
 * (a failed check, a timeout, Ctrl-C) no process, port or directory is left.
 */

export const ROOT = path.join(__dirname, "..", "..", "..");
const START = path.join(ROOT, "dist", "src", "cli", "start.js");

const children = new Set<ChildProcess>();
const directories = new Set<string>();
const postmasterFiles = new Set<string>();

export async function tempDir(label: string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), `nexus-faults-${label}-`));
  directories.add(dir);
  return dir;
}

/** A PostgreSQL the suite started some other way, for cleanUp to stop. */
export function trackPostmaster(pidFile: string): void {
  postmasterFiles.add(pidFile);
}

/** Running: exists and is not a zombie waiting to be reaped. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return false;
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The postmaster of a data directory, from its postmaster.pid. */
export function postmasterOf(pgData: string): number | null {
  return readPid(path.join(pgData, "postmaster.pid"));
}

/** The backends and helpers of a postmaster: after a SIGKILL they linger until they notice. */
export function childrenOf(pid: number): number[] {
  const found: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) found.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

export async function waitUntilGone(pids: number[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (pids.some(isAlive)) {
    if (Date.now() > deadline) throw new Error(`processes ${pids.filter(isAlive).join(", ")} still run after ${timeoutMs} ms`);
    await sleep(50);
  }
}

/** SIGKILL of a postmaster, then waits for its orphaned backends so the next start finds no shared memory in use. */
export async function killPostmaster(pgData: string): Promise<void> {
  const pid = postmasterOf(pgData);
  if (pid === null || !isAlive(pid)) throw new Error(`no running postmaster in ${pgData}`);
  const backends = childrenOf(pid);
  process.kill(pid, "SIGKILL");
  await waitUntilGone([pid, ...backends], 15_000);
}

export function rssBytes(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((l) => l.startsWith("VmRSS:"));
  return Number(line?.replace(/\D/g, "") ?? 0) * 1024;
}

export interface Spawned {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

export function track(child: ChildProcess): Spawned {
  children.add(child);
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => {
      children.delete(child);
      resolve(code);
    }),
  );
  return { child, output: () => output, exited };
}

/** A gateway process (dist/src/cli/start.js), as `npm start` runs it. */
export class GatewayProcess {
  readonly url: string;
  private constructor(
    readonly name: string,
    readonly port: number,
    readonly dataDir: string | null,
    private readonly spawned: Spawned,
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  static async start(
    name: string,
    env: Record<string, string>,
    options: { dataDir?: string; port?: number } = {},
  ): Promise<GatewayProcess> {
    const port = options.port ?? (await freePort());
    const child = spawn(process.execPath, [...GATEWAY_NODE_FLAGS, START], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH!,
        HOME: os.tmpdir(),
        NODE_ENV: "test",
        HOST: "127.0.0.1",
        PORT: String(port),
        NEXUS_GRAPHIQL: "0",
        NEXUS_LOGIN_RATE_PER_IP: "10000",
        NEXUS_LOGIN_RATE_PER_ACCOUNT: "10000",
        ...(options.dataDir ? { NEXUS_DATA_DIR: options.dataDir } : {}),
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    if (options.dataDir) postmasterFiles.add(path.join(options.dataDir, "pg", "postmaster.pid"));
    const gateway = new GatewayProcess(name, port, options.dataDir ?? null, track(child));
    const deadline = Date.now() + 120_000;
    while (!gateway.output().includes("Health ")) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`gateway ${name} did not start:\n${gateway.output()}`);
      if (Date.now() > deadline) throw new Error(`gateway ${name} not ready within 120 s:\n${gateway.output()}`);
      await sleep(50);
    }
    return gateway;
  }

  get pid(): number {
    return this.spawned.child.pid!;
  }

  get running(): boolean {
    return this.spawned.child.exitCode === null && this.spawned.child.signalCode === null;
  }

  get exited(): Promise<number | null> {
    return this.spawned.exited;
  }

  output(): string {
    return this.spawned.output();
  }

  signal(signal: NodeJS.Signals): void {
    this.spawned.child.kill(signal);
  }

  async stop(): Promise<number | null> {
    if (this.running) this.signal("SIGTERM");
    return this.exited;
  }
}

/**
 * A PostgreSQL that the suite owns (not a gateway), so it can stop, kill and
 * restart it under running gateways. Migrated like a production database;
 * gateways reach it through DATABASE_URL.
 */
export class SuiteDatabase {
  static readonly NAME = "nexus";
  private constructor(
    readonly dir: string,
    private cluster: EmbeddedCluster,
  ) {}

  static async create(): Promise<SuiteDatabase> {
    const dir = await tempDir("db");
    postmasterFiles.add(path.join(dir, "pg", "postmaster.pid"));
    const database = new SuiteDatabase(dir, await startEmbeddedCluster(dir));
    await bootstrapRoles(database.adminUrl, database.cluster.authenticatorPassword, { resetPassword: true });
    await ensureDatabase(database.adminUrl, SuiteDatabase.NAME);
    await grantDatabase(database.adminUrl);
    await migrateDatabase({ adminUrl: database.adminUrl });
    return database;
  }

  get port(): number {
    return this.cluster.port;
  }

  get pgData(): string {
    return path.join(this.dir, "pg");
  }

  get adminUrl(): string {
    return this.cluster.url(SuiteDatabase.NAME);
  }

  get authenticatorPassword(): string {
    return this.cluster.authenticatorPassword;
  }

  get authenticatorUrl(): string {
    return withCredentials(this.adminUrl, DB_ROLES.authenticator, this.authenticatorPassword);
  }

  /** What a gateway on this database needs. */
  gatewayEnv(): Record<string, string> {
    return { DATABASE_URL: this.adminUrl, NEXUS_AUTHENTICATOR_PASSWORD: this.authenticatorPassword };
  }

  /** Fast shutdown (SIGINT): sessions end, a checkpoint is written. */
  async stopFast(): Promise<void> {
    await this.cluster.stop();
  }

  /** SIGKILL of the postmaster: the next start runs crash recovery. */
  async kill(): Promise<void> {
    await killPostmaster(this.pgData);
    await this.cluster.stop();
  }

  /** Starts again on the same data directory and port. */
  async start(): Promise<void> {
    const port = this.cluster.port;
    this.cluster = await startEmbeddedCluster(this.dir);
    if (this.cluster.port !== port) throw new Error(`PostgreSQL came back on port ${this.cluster.port}, not ${port}`);
  }

  async stop(): Promise<void> {
    await this.cluster.stop();
  }
}

export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => undefined);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Waits until `count` statements of the gateways' GraphQL pools wait on a lock (so they are surely in flight). */
export async function waitForLockWaiters(client: pg.Client, count: number, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // Statistics views hold still within a transaction (the caller may be in one): look afresh each time.
    await client.query("select pg_stat_clear_snapshot()");
    const { rows } = await client.query<{ n: number }>(
      "select count(*)::int as n from pg_stat_activity where application_name = 'nexus-graphql' and wait_event_type = 'Lock'",
    );
    if (rows[0]!.n >= count) return;
    if (Date.now() > deadline) {
      const { rows: seen } = await client.query(
        "select application_name, state, wait_event_type, wait_event, left(query, 60) as query from pg_stat_activity where backend_type = 'client backend'",
      );
      throw new Error(`only ${rows[0]!.n} of ${count} statements came to wait on the lock within ${timeoutMs} ms: ${JSON.stringify(seen)}`);
    }
    await sleep(25);
  }
}

export const PASSWORD = "fault suite password";

export interface SuiteTenant {
  name: string;
  tenantId: string;
  adminEmail: string;
  userEmail: string;
}

/** A tenant with an admin and one user, made as `nexus tenant create` makes them. */
export async function makeTenant(authenticatorUrl: string, label: string): Promise<SuiteTenant> {
  const pool = new pg.Pool({ connectionString: authenticatorUrl, max: 1 });
  try {
    const domain = `${label.toLowerCase()}.test`;
    const adminEmail = `admin@${domain}`;
    const userEmail = `user@${domain}`;
    const { tenantId } = await createTenant(pool, { name: label, adminEmail, password: PASSWORD });
    await createUser(pool, { tenant: label, email: userEmail, password: PASSWORD, role: "user" });
    return { name: label, tenantId, adminEmail, userEmail };
  } finally {
    await pool.end();
  }
}

/**
 * Ends every process the suite started and removes every directory it made.
 * PostgreSQL started by a gateway runs detached from it, so a gateway killed
 * here may leave one: its postmaster.pid names it.
 */
export async function cleanUp(): Promise<void> {
  for (const child of children) child.kill("SIGKILL");
  await sleep(children.size ? 200 : 0);
  const postmasters: number[] = [];
  for (const file of postmasterFiles) {
    const pid = existsSync(file) ? readPid(file) : null;
    if (pid !== null && isAlive(pid) && readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("postgres")) {
      process.kill(pid, "SIGINT");
      postmasters.push(pid);
    }
  }
  try {
    await waitUntilGone(postmasters, 20_000);
  } catch {
    for (const pid of postmasters.filter(isAlive)) process.kill(pid, "SIGKILL");
  }
  for (const dir of directories) await fs.rm(dir, { recursive: true, force: true });
  directories.clear();
}

/** Last resort on a synchronous exit: no waiting possible, so SIGKILL. */
export function killAllNow(): void {
  for (const child of children) child.kill("SIGKILL");
}
