import { createHash } from "node:crypto";
import type { AddressInfo } from "node:net";
import path from "node:path";

import { type Config, loadConfig } from "../../src/config";
import type { Gateway } from "../../src/http/app";
import type { Logger } from "../../src/observability/logger";
import { testGatewayEnv } from "./test-settings";

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

/** Test configuration: testGatewayEnv(), the file's own job queue, then `env`. */
export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({ ...testGatewayEnv(), NEXUS_JOBS_SCHEMA: testJobsSchema(), ...env });
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

interface StartOptions {
  config?: Config;
  logger?: Logger;
  jobs?: boolean;
  replicaUrls?: string[];
  port?: number;
  /** A gateway of this file's own, even with the default settings (a test that reads its internals or its process-wide state). */
  own?: boolean;
}

/**
 * The real gateway over the test database. With no options, the run's
 * shared gateway: a process global-setup starts with testGatewayEnv() and
 * no job queue, whose GraphQL schema is built once for the whole run
 * instead of once per file. Anything else (other settings, a logger, a job
 * queue, `own`) starts a gateway of this file's own, in process, on a free
 * loopback port.
 */
export function startTestGateway(options: StartOptions = {}): Promise<TestGateway> {
  const shared = process.env.NEXUS_TEST_SHARED_GATEWAY_URL;
  if (shared && Object.keys(options).length === 0) return Promise.resolve(sharedGateway(shared));
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

/** What a test asks of a gateway over HTTP, at `url`. */
function client(url: string, config: Config): Omit<TestGateway, "gateway" | "close"> {
  const graphql: TestGateway["graphql"] = (query, { token, variables, headers } = {}) =>
    send(`${url}/graphql`, { method: "POST", body: JSON.stringify({ query, variables }), token, extraHeaders: headers });
  return {
    url,
    config,
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
  };
}

/** The run's shared gateway; it is another process, so a test reaches it over HTTP only, and closing it is global-teardown's. */
function sharedGateway(url: string): TestGateway {
  return {
    ...client(url, testConfig()),
    get gateway(): Gateway {
      throw new Error("the run's shared gateway is another process: start one of this file's own (startTestGateway({ own: true }))");
    },
    close: () => Promise.resolve(),
  };
}

async function start(options: StartOptions): Promise<TestGateway> {
  const config = options.config ?? testConfig();
  // Loaded here: a file that only uses the shared gateway does not load PostGraphile at all.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
  const { createGateway } = require("../../src/http/app") as typeof import("../../src/http/app");
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
  return {
    ...client(url, config),
    gateway,
    async close() {
      gateway.server.closeAllConnections();
      await new Promise<void>((resolve) => gateway.server.close(() => resolve()));
      await gateway.release();
    },
  };
}
