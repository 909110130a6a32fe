import { createHash } from "node:crypto";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";

import { type Config, loadConfig } from "../../src/config";
import { createGateway, type Gateway } from "../../src/http/app";
import type { Logger } from "../../src/observability/logger";
import { UNTHROTTLED_SIGN_IN } from "./sign-in-limits";

export interface Reply {
  status: number;
  body: any;
  headers: Headers;
}

export interface RequestOptions {
  token?: string;
  headers?: Record<string, string>;
}

export interface TestGateway {
  url: string;
  config: Config;
  gateway: Gateway;
  /** POST /graphql. */
  graphql(query: string, options?: RequestOptions & { variables?: Record<string, unknown> }): Promise<Reply>;
  /** The reply body of a GraphQL request made as `token`. */
  body(token: string, query: string, variables?: Record<string, unknown>): Promise<any>;
  /** The data of a GraphQL request made as `token` that must succeed: any error fails the test. */
  data(token: string, query: string, variables?: Record<string, unknown>): Promise<any>;
  /** POST a JSON body. */
  post(path: string, body?: unknown, options?: RequestOptions): Promise<Reply>;
  get(path: string, options?: RequestOptions): Promise<Reply>;
  close(): Promise<void>;
}

/**
 * The job queue's schema of the test file that runs: the files share one
 * database, and a gateway of one file must not take another's jobs (its
 * mail would go to the other's SMTP server, its sweep to the other's store).
 */
export function testJobsSchema(): string {
  const file = path.relative(path.join(__dirname, ".."), expect.getState().testPath ?? "unknown");
  return `graphile_worker_${createHash("sha1").update(file).digest("hex").slice(0, 10)}`;
}

/**
 * Test configuration: generous sign-in rate limits and planning time unless a test sets its
 * own. No WebSockets in-process: grafserv loads its WebSocket server with a
 * dynamic import, which jest's sandbox refuses (test/realtime.test.ts runs
 * its gateway in a process of its own).
 */
export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: "test",
    NEXUS_LOG_LEVEL: process.env.NEXUS_TEST_LOG_LEVEL ?? "silent",
    ...UNTHROTTLED_SIGN_IN,
    NEXUS_WEBSOCKETS: "0",
    // The planning limit (2 s by default) is proved on its own (operation-abuse.test.ts sets 1 ms); on a busy machine it
    // would fail whatever else a test checks (the attack matrix's lists with every relation took longer at load 20).
    NEXUS_PLANNING_TIMEOUT_MS: "30000",
    // Uploaded bytes stay out of the working tree.
    NEXUS_FILES_DIR: path.join(os.tmpdir(), "nexus-test-files"),
    NEXUS_JOBS_SCHEMA: testJobsSchema(),
    ...env,
  });
}

async function send(url: string, init: RequestInit & { token?: string; extraHeaders?: Record<string, string> }): Promise<Reply> {
  const response = await fetch(url, {
    ...init,
    headers: {
      accept: "application/json",
      ...(init.body !== undefined ? { "content-type": "application/json" } : {}),
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...init.extraHeaders,
    },
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body, headers: response.headers };
}

/**
 * Gateways of this test file not closed yet, started or still starting. A
 * gateway that outlives its file keeps the jest worker alive (its pools, its
 * LISTEN connections), and jest then reports "A worker process has failed to
 * exit gracefully": a start that finishes after its hook timed out (a busy
 * machine makes a schema build slow) or a test that failed before its
 * close. Whatever is left is closed once the file is done.
 */
const unclosed = new Set<Promise<TestGateway>>();
afterAll(async () => {
  await Promise.all([...unclosed].map(async (starting) => (await starting.catch(() => null))?.close()));
});

/** The real gateway, on a free loopback port, over the test database. */
export function startTestGateway(
  options: { config?: Config; logger?: Logger; jobs?: boolean; replicaUrls?: string[]; port?: number } = {},
): Promise<TestGateway> {
  const starting = start(options).then((gateway) => {
    // Closed once, whoever asks first: the file's own afterAll may run after the one above.
    let closing: Promise<void> | null = null;
    return {
      ...gateway,
      close() {
        unclosed.delete(starting);
        closing ??= gateway.close();
        return closing;
      },
    };
  });
  unclosed.add(starting);
  // A start that fails leaves nothing open (createGateway releases what it opened).
  starting.catch(() => unclosed.delete(starting));
  return starting;
}

async function start(options: {
  config?: Config;
  logger?: Logger;
  jobs?: boolean;
  replicaUrls?: string[];
  port?: number;
}): Promise<TestGateway> {
  const config = options.config ?? testConfig();
  const gateway = await createGateway({
    config,
    authenticatorUrl: process.env.NEXUS_TEST_AUTHENTICATOR_URL!,
    ...(options.logger ? { logger: options.logger } : {}),
    // The job queue (mail delivery) runs only in gateways that ask for it: each one would take the others' jobs.
    ...(options.jobs ? { jobsUrl: process.env.NEXUS_TEST_ADMIN_URL! } : {}),
    ...(options.replicaUrls ? { replicaUrls: options.replicaUrls } : {}),
  });
  // A fixed port when the test names its public URL (signed file links carry it); else any free one.
  await new Promise<void>((resolve) => gateway.server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(gateway.server.address() as AddressInfo).port}`;
  const graphql: TestGateway["graphql"] = (query, { token, variables, headers } = {}) =>
    send(`${url}/graphql`, { method: "POST", body: JSON.stringify({ query, variables }), token, extraHeaders: headers });
  return {
    url,
    config,
    gateway,
    graphql,
    body: async (token, query, variables = {}) => (await graphql(query, { token, variables })).body,
    async data(token, query, variables = {}) {
      const body = (await graphql(query, { token, variables })).body;
      expect(body.errors).toBeUndefined();
      return body.data;
    },
    post: (path, body = {}, { token, headers } = {}) =>
      send(`${url}${path}`, { method: "POST", body: JSON.stringify(body), token, extraHeaders: headers }),
    get: (path, { token, headers } = {}) => send(`${url}${path}`, { method: "GET", token, extraHeaders: headers }),
    async close() {
      gateway.server.closeAllConnections();
      await new Promise<void>((resolve) => gateway.server.close(() => resolve()));
      await gateway.release();
    },
  };
}
