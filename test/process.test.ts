import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import { existsSync, readFileSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
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

async function waitFor(running: Running, text: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!running.output().includes(text)) {
    if (running.child.exitCode !== null) throw new Error(`gateway exited (${running.child.exitCode}):\n${running.output()}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for "${text}":\n${running.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("the gateway process (npm start)", () => {
  let dataDir: string;
  let port: number;
  let first: Running | undefined;

  beforeAll(async () => {
    if (!existsSync(START)) throw new Error("run `npm run build` first (npm test does)");
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "nexus-process-"));
    port = await freePort();
  });
  afterAll(async () => {
    if (first?.child.exitCode === null) {
      first.child.kill("SIGTERM");
      await first.exited;
    }
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  const env = () => ({ NEXUS_DATA_DIR: dataDir, PORT: String(port), NODE_ENV: "development" });

  test("starts an embedded PostgreSQL, migrates and prints the URLs", async () => {
    first = start(env());
    await waitFor(first, "Health");
    expect(first.output()).toContain(`http://localhost:${port}/graphql`);
    expect(first.output()).toContain(`http://localhost:${port}/graphiql`);
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

  test("the demo tenants are there on the first start", async () => {
    for (const email of ["admin@acme.test", "user@acme.test", "admin@globex.test", "user@globex.test"]) {
      const response = await fetch(`http://127.0.0.1:${port}/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email, password: "nexus-demo" }),
      });
      expect(response.status).toBe(200);
    }
  });

  test("`nexus tenant create` and `user create` work beside the running gateway, and refuse bad input clearly", async () => {
    const nexus = (args: string[]) =>
      new Promise<{ code: number | null; output: string }>((resolve) => {
        const child = spawn(process.execPath, [NEXUS, ...args, "--password-stdin"], {
          cwd: ROOT,
          env: { PATH: process.env.PATH!, HOME: os.tmpdir(), ...env() },
          stdio: ["pipe", "pipe", "pipe"],
        });
        let output = "";
        child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
        child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
        child.stdin.end("a long enough password\n");
        child.once("exit", (code) => resolve({ code, output }));
      });
    const create = (name: string) => nexus(["tenant", "create", "--name", name, "--admin-email", `boss@${name.toLowerCase()}.test`]);
    const first = await create("Initech");
    expect(first.code).toBe(0);
    expect(first.output).toMatch(/created tenant Initech/);
    const again = await create("Initech");
    expect(again.code).toBe(1);
    expect(again.output.trim()).toBe('nexus: a tenant named "Initech" already exists');
    const user = await nexus(["user", "create", "--tenant", "Initech", "--email", "peter@initech.test", "--role", "viewer"]);
    expect(user.code).toBe(0);
    expect(user.output).toMatch(/created viewer peter@initech.test/);
    const duplicate = await nexus(["user", "create", "--tenant", "Initech", "--email", "peter@initech.test"]);
    expect(duplicate.output.trim()).toBe("nexus: a user with email peter@initech.test already exists");
    const nowhere = await nexus(["user", "create", "--tenant", "Vandelay", "--email", "art@vandelay.test"]);
    expect(nowhere.output.trim()).toBe('nexus: no tenant named "Vandelay"');
    const seed = await nexus(["seed"]);
    expect(seed.code).toBe(0);
    expect(seed.output.trim()).toBe("the demo tenants are already there");
    const badEmail = await nexus(["user", "create", "--tenant", "Initech", "--email", "not-an-email"]);
    expect(badEmail.code).toBe(1);
    expect(badEmail.output.trim()).toBe('nexus: "not-an-email" is not a valid email address');
  });

  test("SIGTERM finishes an in-flight request, then stops PostgreSQL cleanly", async () => {
    // A request in flight when the signal arrives: headers and half the body
    // sent before SIGTERM, the rest after. It must still get its answer.
    const request = http.request({ host: "127.0.0.1", port, path: "/graphql", method: "POST", headers: { "content-type": "application/json" } });
    const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
      request.once("response", (response) => {
        let body = "";
        response.on("data", (chunk: Buffer) => (body += chunk.toString()));
        response.once("end", () => resolve({ status: response.statusCode!, body }));
      });
      request.once("error", reject);
    });
    request.write('{"query":"{ __typ');
    await new Promise((resolve) => setTimeout(resolve, 300));
    first!.child.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 300));
    request.end('ename }"}');
    const { status, body } = await answered;
    expect(status).toBe(200);
    expect(JSON.parse(body)).toEqual({ data: { __typename: "Query" } });
    expect(await first!.exited).toBe(0);
    expect(first!.output()).toContain("gateway stopped");
    expect(existsSync(path.join(dataDir, "pg", "postmaster.pid"))).toBe(false);
  });

  test("starts again on the same data directory, with its data, without loading the demo twice", async () => {
    first = start(env());
    await waitFor(first, "Health");
    const signIn = await fetch(`http://127.0.0.1:${port}/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "boss@initech.test", password: "a long enough password" }),
    });
    expect(signIn.status).toBe(200);
    const { accessToken } = (await signIn.json()) as { accessToken: string };
    const tenants = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ query: "{ tenants { nodes { name } } }" }),
    });
    expect(await tenants.json()).toEqual({ data: { tenants: { nodes: [{ name: "Initech" }] } } });
  });

  test("/health reports an outage of the database with 503, and the gateway still stops cleanly", async () => {
    const postmaster = Number(readFileSync(path.join(dataDir, "pg", "postmaster.pid"), "utf8").split("\n")[0]);
    process.kill(postmaster, "SIGINT");
    const deadline = Date.now() + 30_000;
    let status = 0;
    while (Date.now() < deadline) {
      status = (await fetch(`http://127.0.0.1:${port}/health`)).status;
      if (status === 503) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(status).toBe(503);
    first!.child.kill("SIGTERM");
    expect(await first!.exited).toBe(0);
  });

  test("production without JWT_SECRET refuses to start, naming the variable in one line", async () => {
    const running = start({ ...env(), NODE_ENV: "production", PORT: String(await freePort()) });
    expect(await running.exited).toBe(1);
    const lines = running.output().trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^nexus: invalid configuration: JWT_SECRET /);
  });
});
