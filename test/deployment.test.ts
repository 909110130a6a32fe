import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import net from "node:net";
import os from "node:os";
import path from "node:path";

import pg from "pg";
import pino from "pino";

import { loadConfig } from "../src/config";
import { withCredentials } from "../src/db/bootstrap";
import { freePort } from "../src/db/embedded";
import { DB_ROLES } from "../src/db/roles";
import { createGateway } from "../src/http/app";
import { createTenant, PASSWORD, withAdmin } from "./support/fixtures";
import { UNTHROTTLED_SIGN_IN } from "./support/test-settings";
import { withTimeout } from "./support/with-timeout";

/**
 * What a deployment does to its neighbours and to itself: a second
 * deployment on the same cluster, a login role whose password changed
 * under a running gateway, and a stop while sockets, the listener and the
 * pool hang on a database that no longer answers.
 */
const ROOT = path.join(__dirname, "..");
const ADMIN_URL = () => process.env.NEXUS_TEST_ADMIN_URL!;
const AUTHENTICATOR_PASSWORD = () => decodeURIComponent(new URL(process.env.NEXUS_TEST_AUTHENTICATOR_URL!).password);

/**
 * A TCP relay on loopback to the test PostgreSQL that can go silent: every
 * connection, open or new, stays open and is never answered again (a peer
 * gone without a FIN, a half-dead pooler).
 */
async function silenceableRelay(target: URL): Promise<{ port: number; silence(): void; close(): void }> {
  let silent = false;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on("error", () => undefined);
    if (silent) return; // accepted, never answered
    const upstream = net.connect(Number(target.port), target.hostname);
    sockets.add(upstream);
    upstream.on("error", () => client.destroy());
    client.on("data", (chunk) => silent || upstream.write(chunk));
    upstream.on("data", (chunk) => silent || client.write(chunk));
    client.on("close", () => silent || upstream.destroy());
    upstream.on("close", () => silent || client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    silence: () => (silent = true),
    close: () => {
      for (const socket of sockets) socket.destroy();
      server.close();
    },
  };
}

function via(url: string, port: number): string {
  const parsed = new URL(url);
  parsed.hostname = "127.0.0.1";
  parsed.port = String(port);
  return parsed.toString();
}

describe("deployments side by side", () => {
  test("a second deployment with another authenticator password is refused, and the first keeps signing in", async () => {
    const child = spawn(process.execPath, [path.join(ROOT, "dist", "src", "cli", "nexus.js"), "db", "migrate"], {
      env: {
        PATH: process.env.PATH!,
        HOME: os.tmpdir(),
        DATABASE_URL: ADMIN_URL(),
        NEXUS_AUTHENTICATOR_PASSWORD: `another-${randomBytes(6).toString("hex")}`,
        NODE_ENV: "development",
        NEXUS_DATA_DIR: os.tmpdir(),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(code).not.toBe(0);
    expect(output).toMatch(/nexus_authenticator already exists on this PostgreSQL cluster with another password/);
    expect(output).toMatch(/NEXUS_AUTHENTICATOR_PASSWORD_RESET=1/);
    // The first deployment's password still logs in.
    const client = new pg.Client({ connectionString: process.env.NEXUS_TEST_AUTHENTICATOR_URL });
    await client.connect();
    await client.end();
  });

  test("/health and the log name a refused database login as such", async () => {
    const role = `nexus_probe_${randomBytes(4).toString("hex")}`;
    const password = randomBytes(12).toString("hex");
    const database = new URL(ADMIN_URL()).pathname.slice(1);
    await withAdmin(async (c) => {
      await c.query(`create role ${role} login noinherit password '${password}'`);
      await c.query(`grant ${DB_ROLES.anonymous}, ${DB_ROLES.user} to ${role}`);
      await c.query(`grant connect on database "${database}" to ${role}`);
      await c.query(`grant execute on all functions in schema nexus_auth to ${role}`);
      await c.query(`grant usage on schema nexus_auth to ${role}`);
    });
    const lines: Array<{ msg: string; err?: { code?: string } }> = [];
    const logger = pino({ level: "error" }, { write: (line: string) => lines.push(JSON.parse(line)) });
    const gateway = await createGateway({
      config: loadConfig({ NODE_ENV: "test", NEXUS_WEBSOCKETS: "0" }),
      authenticatorUrl: withCredentials(ADMIN_URL(), role, password),
      logger,
    });
    await new Promise<void>((resolve) => gateway.server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(gateway.server.address() as net.AddressInfo).port}`;
    try {
      expect((await fetch(`${url}/health`)).status).toBe(200);
      // The password changes under the running gateway; its pooled connections end.
      await withAdmin(async (c) => {
        await c.query(`alter role ${role} password 'changed-${password}'`);
        await c.query("select pg_terminate_backend(pid) from pg_stat_activity where usename = $1", [role]);
      });
      let reply: any;
      const deadline = Date.now() + 20_000;
      do reply = await (await fetch(`${url}/health`)).json();
      while (reply.error?.code !== "DATABASE_AUTHENTICATION_FAILED" && Date.now() < deadline);
      expect(reply).toMatchObject({ status: "unavailable", error: { code: "DATABASE_AUTHENTICATION_FAILED" } });
      const logged = lines.find((line) => line.msg === "database authentication failed: the gateway's login role cannot sign in");
      expect(logged?.err?.code).toBe("28P01");
    } finally {
      gateway.server.closeAllConnections();
      await new Promise<void>((resolve) => gateway.server.close(() => resolve()));
      await gateway.release();
      await withAdmin(async (c) => {
        await c.query("select pg_terminate_backend(pid) from pg_stat_activity where usename = $1", [role]);
        await c.query(`drop owned by ${role}`);
        await c.query(`drop role ${role}`);
      });
    }
  }, 180_000);
});

describe("stopping", () => {
  let gateway: ChildProcess | undefined;
  afterAll(() => {
    if (gateway?.exitCode === null) gateway.kill("SIGKILL");
  });

  test("SIGTERM ends within grace + cap despite an open WebSocket, a silent listener and a pool stuck on an unanswered connection", async () => {
    const relay = await silenceableRelay(new URL(ADMIN_URL()));
    const port = await freePort();
    const [graceMs, capMs] = [1_000, 2_000];
    const adminUrl = via(ADMIN_URL(), relay.port);
    gateway = spawn(process.execPath, [path.join(ROOT, "dist", "src", "cli", "start.js")], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH!,
        HOME: os.tmpdir(),
        NODE_ENV: "development",
        DATABASE_URL: adminUrl,
        NEXUS_LISTEN_DATABASE_URL: adminUrl,
        NEXUS_AUTHENTICATOR_PASSWORD: AUTHENTICATOR_PASSWORD(),
        JWT_SECRET: randomBytes(32).toString("hex"),
        NEXUS_DATA_DIR: os.tmpdir(),
        NEXUS_DEMO: "0",
        PORT: String(port),
        NEXUS_SHUTDOWN_GRACE_MS: String(graceMs),
        NEXUS_SHUTDOWN_CAP_MS: String(capMs),
        NEXUS_LOG_FORMAT: "json",
        ...UNTHROTTLED_SIGN_IN,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    gateway.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    gateway.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => gateway!.once("exit", resolve));
    // Each step fails with its name and what the gateway printed, not with the test's timeout.
    const within = <T>(step: string, ms: number, promise: Promise<T>): Promise<T> =>
      withTimeout(promise, ms, step).catch((error: Error) => {
        throw new Error(`${error.message}; the gateway printed:\n${output}`);
      });
    try {
      const deadline = Date.now() + 120_000;
      while (!output.includes("gateway started")) {
        if (gateway.exitCode !== null || Date.now() > deadline) throw new Error(`the gateway did not start:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      // An open, acknowledged WebSocket (signed in: an anonymous one is closed at connection_init).
      const tenant = await createTenant("Shutdown", 1);
      const login = await within(
        "sign-in",
        30_000,
        fetch(`http://127.0.0.1:${port}/auth/login`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ email: tenant.users[0]!.email, password: PASSWORD }),
        }),
      );
      const signedIn = (await login.json()) as { accessToken?: string };
      if (login.status !== 200 || !signedIn.accessToken) throw new Error(`sign-in answered ${login.status}: ${JSON.stringify(signedIn)}`);
      const socket = new WebSocket(`ws://127.0.0.1:${port}/graphql`, "graphql-transport-ws");
      const acked = new Promise<void>((resolve, reject) => {
        socket.onmessage = (event) => JSON.parse(String(event.data)).type === "connection_ack" && resolve();
        socket.onerror = () => reject(new Error("the WebSocket failed"));
        socket.onclose = (event) => reject(new Error(`the WebSocket closed before its acknowledgement: ${event.code} ${event.reason}`));
      });
      socket.onopen = () =>
        socket.send(JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${signedIn.accessToken}` } }));
      await within("the WebSocket's acknowledgement", 30_000, acked);
      // The database goes silent: the listener's connection and the pool's hang.
      relay.silence();
      const stuck = fetch(`http://127.0.0.1:${port}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ roles(first: 1) { totalCount } }" }),
      }).catch(() => "closed");
      const started = performance.now();
      gateway.kill("SIGTERM");
      // Bounded well past grace + cap, so a stop that hangs fails here with the gateway's output.
      const code = await within("the stop", graceMs + capMs + 30_000, exited);
      const elapsed = performance.now() - started;
      expect(await stuck).toBeDefined();
      // Unbounded, this waited for the database forever (only SIGKILL ended it).
      expect(elapsed).toBeLessThan(graceMs + capMs + 3_000);
      expect(code).not.toBeNull();
      socket.close();
    } finally {
      relay.close();
    }
  }, 180_000);
});
