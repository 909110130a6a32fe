import type { AddressInfo } from "node:net";
import pg from "pg";
import { loadConfig, type Config } from "../../src/config";
import { createGateway, type Gateway } from "../../src/http/app";

export interface TestGateway {
  url: string;
  config: Config;
  gateway: Gateway;
  /** POST /graphql; returns status and parsed body. */
  graphql(query: string, options?: { token?: string; variables?: Record<string, unknown>; headers?: Record<string, string> }): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({ NODE_ENV: "test", ...env });
}

/** The real gateway, on a free loopback port, over the test database. */
export async function startTestGateway(options: { config?: Config; authenticatorUrl?: string } = {}): Promise<TestGateway> {
  const config = options.config ?? testConfig();
  const authenticator = new pg.Pool({
    connectionString: options.authenticatorUrl ?? process.env.NEXUS_TEST_AUTHENTICATOR_URL,
    max: 4,
    connectionTimeoutMillis: 2_000,
  });
  authenticator.on("error", () => undefined);
  const gateway = await createGateway({ config, pools: { authenticator } });
  await new Promise<void>((resolve) => gateway.server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(gateway.server.address() as AddressInfo).port}`;
  return {
    url,
    config,
    gateway,
    async graphql(query, { token, variables, headers = {} } = {}) {
      const response = await fetch(`${url}/graphql`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "application/json",
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: await response.json() };
    },
    async close() {
      await new Promise<void>((resolve) => gateway.server.close(() => resolve()));
      await gateway.release();
      await authenticator.end();
    },
  };
}
