import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import fs from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";

import pg from "pg";

import { freePort } from "../src/db/embedded";

/**
 * `npm start` as a user runs it: the compiled gateway in its own process with
 * its own embedded PostgreSQL in a fresh data directory.
 */
const ROOT = path.join(__dirname, "..");
const START = path.join(ROOT, "dist", "src", "cli", "start.js");
const NEXUS = path.join(ROOT, "dist", "src", "cli", "nexus.js");

interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function start(env: Record<string, string>): Running {
  const child = spawn(process.execPath, [START], {
    cwd: ROOT,
    env: { PATH: process.env.PATH!, HOME: os.tmpdir(), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Runs the admin CLI beside the gateway, on its data directory; `input` on stdin. */
function nexus(env: Record<string, string>, args: string[], input = ""): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [NEXUS, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH!, HOME: os.tmpdir(), ...env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stdin.end(input);
    child.once("exit", (code) => resolve({ code, output }));
  });
}

async function stop(running: Running | undefined): Promise<void> {
  if (running?.child.exitCode === null) {
    running.child.kill("SIGTERM");
    await running.exited;
  }
}

/** Exit code 0; else the failure shows what the process printed. */
async function expectCleanExit(running: Running): Promise<void> {
  const code = await running.exited;
  if (code !== 0) throw new Error(`the gateway exited ${code}:\n${running.output()}`);
}

async function signInAs(port: number, email: string, password: string): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${port}/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/**
 * A GraphQL request. `fresh`: on a connection of its own, as a new client
 * makes it. Rebuilding the schema keeps the gateway's event loop busy for a
 * few seconds; a keep-alive connection idle for longer than the server's
 * keep-alive timeout is closed when it wakes, even with a request on its way.
 */
function graphqlAt(port: number, token: string, query: string, fresh = false): Promise<any> {
  const body = JSON.stringify({ query });
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: "127.0.0.1",
        port,
        path: "/graphql",
        method: "POST",
        agent: fresh ? false : undefined,
        headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "content-length": Buffer.byteLength(body) },
      },
      (response) => {
        let text = "";
        response.on("data", (chunk: Buffer) => (text += chunk.toString()));
        response.once("end", () => resolve(JSON.parse(text)));
      },
    );
    request.once("error", reject);
    request.end(body);
  });
}

async function waitFor(running: Running, text: string, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!running.output().includes(text)) {
    if (running.child.exitCode !== null) throw new Error(`gateway exited (${running.child.exitCode}):\n${running.output()}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for "${text}":\n${running.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/*
 * Each block starts (and stops) its own gateway on the one data directory,
 * so the blocks and the tests in them hold in any order (CI shuffles them).
 */
// A start migrates, may load the demo and builds the schema: over 90 s on a busy 2-core machine; some tests start twice.
jest.setTimeout(420_000);

describe("the gateway process (npm start)", () => {
  let dataDir: string;
  let port: number;

  beforeAll(async () => {
    if (!existsSync(START)) throw new Error("run `npm run build` first (npm test does)");
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "nexus-process-"));
    port = await freePort();
  });
  afterAll(async () => {
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  // A clean stop is what these tests check, not its speed: stopping the embedded PostgreSQL took longer
  // than the 5 s default cap at a load average of 17, and the gateway then exits 1.
  const env = () => ({ NEXUS_DATA_DIR: dataDir, PORT: String(port), NODE_ENV: "development", NEXUS_SHUTDOWN_CAP_MS: "30000" });

  describe("while it runs", () => {
    let running: Running | undefined;
    beforeAll(async () => {
      running = start(env());
      await waitFor(running, "Health");
    });
    afterAll(() => stop(running));

    test("it started an embedded PostgreSQL, migrated and printed the URLs", async () => {
      expect(running!.output()).toContain(`http://localhost:${port}/graphql`);
      expect(running!.output()).toContain(`http://localhost:${port}/graphiql`);
      const health = await fetch(`http://127.0.0.1:${port}/health`);
      expect(health.status).toBe(200);
      const graphiql = await fetch(`http://127.0.0.1:${port}/graphiql`, { headers: { accept: "text/html" } });
      expect(graphiql.status).toBe(200);
      expect(await graphiql.text()).toMatch(/ruru/i);
    });

    test("a second start on the same port says so in one line", async () => {
      const second = start(env());
      expect(await second.exited).toBe(1);
      const lines = second.output().trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/port \d+ is in use/);
    });

    test("a second start on the same data directory says so in one line", async () => {
      const second = start({ ...env(), PORT: String(await freePort()) });
      expect(await second.exited).toBe(1);
      const lines = second.output().trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/data directory .* is in use/);
    });

    test("the demo tenants are there", async () => {
      for (const email of ["admin@acme.test", "user@acme.test", "admin@globex.test", "user@globex.test"])
        await signInAs(port, email, "nexus-demo");
    });

    test("`nexus tenant create` and `user create` work beside the running gateway, and refuse bad input clearly", async () => {
      const run = (args: string[]) => nexus(env(), [...args, "--password-stdin"], "a long enough password\n");
      const create = (name: string) => run(["tenant", "create", "--name", name, "--admin-email", `boss@${name.toLowerCase()}.test`]);
      const first = await create("Initech");
      expect(first.code).toBe(0);
      expect(first.output).toMatch(/created tenant Initech/);
      const again = await create("Initech");
      expect(again.code).toBe(1);
      expect(again.output.trim()).toBe('nexus: a tenant named "Initech" already exists');
      const user = await run(["user", "create", "--tenant", "Initech", "--email", "peter@initech.test", "--role", "viewer"]);
      expect(user.code).toBe(0);
      expect(user.output).toMatch(/created viewer peter@initech.test/);
      const duplicate = await run(["user", "create", "--tenant", "Initech", "--email", "peter@initech.test"]);
      expect(duplicate.output.trim()).toBe("nexus: a user with email peter@initech.test already exists");
      const nowhere = await run(["user", "create", "--tenant", "Vandelay", "--email", "art@vandelay.test"]);
      expect(nowhere.output.trim()).toBe('nexus: no tenant named "Vandelay"');
      const seed = await run(["seed"]);
      expect(seed.code).toBe(0);
      expect(seed.output.trim()).toBe("the demo tenants are already there");
      const badEmail = await run(["user", "create", "--tenant", "Initech", "--email", "not-an-email"]);
      expect(badEmail.code).toBe(1);
      expect(badEmail.output.trim()).toBe('nexus: "not-an-email" is not a valid email address');
    });

    test("`db migrate` and `db policies` run beside it, and a schema change reaches its GraphQL schema without a restart", async () => {
      const token = await signInAs(port, "admin@acme.test", "nexus-demo");
      const probe = "{ userGroups(first: 1) { nodes { reloadProbe } } }";
      expect((await graphqlAt(port, token, probe)).errors?.[0]?.message).toMatch(/reloadProbe/);
      expect(await nexus(env(), ["db", "migrate"])).toMatchObject({ code: 0 });
      // A change as current.sql makes one (db watch applies it, then policies/ through `db policies`).
      const cluster = JSON.parse(readFileSync(path.join(dataDir, "cluster.json"), "utf8")) as { port: number; superuserPassword: string };
      const admin = new pg.Client({
        host: "127.0.0.1",
        port: cluster.port,
        user: "postgres",
        password: cluster.superuserPassword,
        database: "nexus",
      });
      await admin.connect();
      try {
        await admin.query("alter table platform.user_groups add column reload_probe text");
        await admin.query("comment on column platform.user_groups.reload_probe is 'Made by the process test.'");
      } finally {
        await admin.end();
      }
      const policies = await nexus(env(), ["db", "policies"]);
      expect(policies).toMatchObject({ code: 0 });
      const deadline = Date.now() + 30_000;
      let answer: any;
      do {
        answer = await graphqlAt(port, token, probe, true);
        if (!answer.errors) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      } while (Date.now() < deadline);
      expect(answer).toEqual({ data: { userGroups: { nodes: [expect.objectContaining({ reloadProbe: null })] } } });
      expect(running!.child.exitCode).toBeNull();
    });
  });

  describe("stopping and starting again", () => {
    let running: Running | undefined;
    afterAll(() => stop(running));

    test("SIGTERM finishes an in-flight request, stops PostgreSQL cleanly, and the data is there on the next start", async () => {
      running = start(env());
      await waitFor(running, "Health");
      const before = await signInAs(port, "admin@acme.test", "nexus-demo");
      const tenantsBefore = await graphqlAt(port, before, "{ tenants { totalCount } }");
      // A request in flight when the signal arrives: the gateway has read its
      // headers (it answered "100 Continue") and half its body before
      // SIGTERM, and gets the rest once it says it is shutting down.
      const request = http.request({
        host: "127.0.0.1",
        port,
        path: "/graphql",
        method: "POST",
        headers: { "content-type": "application/json", expect: "100-continue" },
      });
      const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
        request.once("response", (response) => {
          let body = "";
          response.on("data", (chunk: Buffer) => (body += chunk.toString()));
          response.once("end", () => resolve({ status: response.statusCode!, body }));
        });
        request.once("error", reject);
      });
      request.flushHeaders();
      await new Promise<void>((resolve) => request.once("continue", resolve));
      request.write('{"query":"{ __typ');
      running.child.kill("SIGTERM");
      await waitFor(running, "shutting down");
      request.end('ename }"}');
      const { status, body } = await answered;
      expect(status).toBe(200);
      expect(JSON.parse(body)).toEqual({ data: { __typename: "Query" } });
      await expectCleanExit(running);
      expect(running.output()).toContain("gateway stopped");
      expect(existsSync(path.join(dataDir, "pg", "postmaster.pid"))).toBe(false);

      running = start(env());
      await waitFor(running, "Health");
      const after = await signInAs(port, "admin@acme.test", "nexus-demo");
      // The demo is loaded on the first start only: the same tenants, not twice as many.
      expect(await graphqlAt(port, after, "{ tenants { totalCount } }")).toEqual(tenantsBefore);
    });
  });

  describe("with NEXUS_WORKERS=2", () => {
    let running: Running | undefined;
    afterAll(() => stop(running));
    const occurrences = (text: string) => running!.output().split(text).length - 1;

    test("two workers serve the port, /metrics counts both, and SIGTERM drains each before the database stops", async () => {
      running = start({ ...env(), NEXUS_WORKERS: "2" });
      await waitFor(running, "Health", 240_000);
      expect(running.output()).toContain("Workers   2 processes");
      const pids = [
        ...running.output().matchAll(/gateway worker started.*?"workerPid":(\d+)|"workerPid":(\d+).*?gateway worker started/g),
      ].map((match) => Number(match[1] ?? match[2]));
      expect(new Set(pids).size).toBe(2);
      expect(pids).not.toContain(running.child.pid);

      // Connections of their own, so the primary hands them to the workers in turn.
      const token = await signInAs(port, "admin@acme.test", "nexus-demo");
      for (let i = 0; i < 6; i++) {
        expect(await graphqlAt(port, token, "query ClusterProbe { tenants { totalCount } }", true)).toEqual({
          data: { tenants: { totalCount: expect.any(Number) } },
        });
      }
      const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      const probes = [...metrics.matchAll(/^nexus_graphql_requests_total\{[^}]*operation="ClusterProbe"[^}]*\} (\d+)$/gm)];
      expect(probes.reduce((sum, match) => sum + Number(match[1]), 0)).toBe(6);

      // A request in flight in a worker when the primary is told to stop (as in the single-process test).
      const request = http.request({
        host: "127.0.0.1",
        port,
        path: "/graphql",
        method: "POST",
        agent: false,
        headers: { "content-type": "application/json", expect: "100-continue" },
      });
      const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
        request.once("response", (response) => {
          let body = "";
          response.on("data", (chunk: Buffer) => (body += chunk.toString()));
          response.once("end", () => resolve({ status: response.statusCode!, body }));
        });
        request.once("error", reject);
      });
      request.flushHeaders();
      await new Promise<void>((resolve) => request.once("continue", resolve));
      request.write('{"query":"{ __typ');
      running.child.kill("SIGTERM");
      const deadline = Date.now() + 30_000;
      while (occurrences("finishing in-flight requests") < 2 && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 50));
      expect(occurrences("finishing in-flight requests")).toBe(2);
      request.end('ename }"}');
      const { status, body } = await answered;
      expect(status).toBe(200);
      expect(JSON.parse(body)).toEqual({ data: { __typename: "Query" } });
      await expectCleanExit(running);
      // Both workers and the primary said so; no worker is left, the embedded PostgreSQL stopped.
      expect(occurrences("gateway stopped")).toBe(3);
      for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow(expect.objectContaining({ code: "ESRCH" }));
      expect(existsSync(path.join(dataDir, "pg", "postmaster.pid"))).toBe(false);
      // Two schema builds at once on a busy machine, after a first start's migrations.
    }, 360_000);
  });

  describe("when its database goes away", () => {
    let running: Running | undefined;
    afterAll(() => stop(running));

    test("/health reports the outage with 503, and the gateway still stops cleanly", async () => {
      running = start(env());
      await waitFor(running, "Health");
      const postmaster = Number(readFileSync(path.join(dataDir, "pg", "postmaster.pid"), "utf8").split("\n")[0]);
      process.kill(postmaster, "SIGINT");
      const deadline = Date.now() + 30_000;
      let status = 0;
      while (Date.now() < deadline) {
        status = await fetch(`http://127.0.0.1:${port}/health`).then(
          (response) => response.status,
          (error: Error) => {
            throw new Error(`/health failed (${error.message}, ${String(error.cause)}); the gateway printed:\n${running!.output()}`);
          },
        );
        if (status === 503) break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(status).toBe(503);
      running.child.kill("SIGTERM");
      await expectCleanExit(running);
    });
  });

  test("production without JWT_SECRET refuses to start, naming the variable in one line", async () => {
    const refused = start({ ...env(), NODE_ENV: "production", PORT: String(await freePort()) });
    expect(await refused.exited).toBe(1);
    const lines = refused.output().trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^nexus: invalid configuration: JWT_SECRET /);
  });
});
