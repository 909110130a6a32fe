import { randomUUID } from "node:crypto";

import type { Context } from "./context";
import { signIn } from "./load";
import { GatewayProcess, makeTenant, PASSWORD } from "./processes";
import type { Report } from "./report";

/** The single-instance allowances under test, small so that three times each is quick to send. */
const SIGN_INS_PER_MINUTE = 4;
const RESETS_PER_ADDRESS = 3;
const TENANT_REQUESTS_PER_MINUTE = 6;
const COUNT = "{ userGroups(first: 1) { totalCount } }";

async function statusOf(url: string, body: unknown, token?: string): Promise<number> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  await response.arrayBuffer();
  return response.status;
}

/** `3 × allowance` attempts, one instance after the other in turn: the statuses, in order. */
async function roundRobin(urls: string[], attempts: number, attempt: (url: string) => Promise<number>): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < attempts; i++) statuses.push(await attempt(urls[i % urls.length]!));
  return statuses;
}

const describe = (statuses: number[]) => statuses.join(" ");

/**
 * Three gateway processes with small allowances, on one database: attempts
 * spread round-robin over them are limited to what one instance allows,
 * because every count is kept in PostgreSQL. Sign-ins of one account from
 * one client, password-reset requests for one address, and the operations
 * of one tenant.
 */
export async function sharedLimits(context: Context, report: Report): Promise<void> {
  const { database } = context;
  const env = {
    ...database.gatewayEnv(),
    NEXUS_DB_CONNECT_TIMEOUT_MS: String(context.connectTimeoutMs),
    NEXUS_LOGIN_RATE_PER_ACCOUNT: String(SIGN_INS_PER_MINUTE),
    NEXUS_LOGIN_RATE_PER_IP: "1000",
    // The backoff after failures would refuse first: this scenario is about the rate.
    NEXUS_LOGIN_MAX_FAILURES: "100",
    NEXUS_PASSWORD_RESET_PER_ADDRESS: String(RESETS_PER_ADDRESS),
    NEXUS_TENANT_REQUESTS_PER_MINUTE: String(TENANT_REQUESTS_PER_MINUTE),
  };
  const gateways: GatewayProcess[] = [];
  try {
    // One after the other: three schema builds at once can take longer than a start may on a busy machine.
    for (const name of ["limits-a", "limits-b", "limits-c"]) gateways.push(await GatewayProcess.start(name, env));
    const urls = gateways.map((g) => g.url);
    const identifier = `nobody-${randomUUID()}@shared-limits.test`;
    const signIns = await roundRobin(urls, 3 * SIGN_INS_PER_MINUTE, (url) =>
      statusOf(`${url}/auth/login`, { email: identifier, password: "not the password" }),
    );
    report.check(
      `sign-ins of one account spread over three instances get the allowance of one (${SIGN_INS_PER_MINUTE} a minute), then 429`,
      signIns.slice(0, SIGN_INS_PER_MINUTE).every((s) => s === 401) && signIns.slice(SIGN_INS_PER_MINUTE).every((s) => s === 429),
      describe(signIns),
    );

    const address = `reset-${randomUUID()}@shared-limits.test`;
    const resets = await roundRobin(urls, 3 * RESETS_PER_ADDRESS, (url) =>
      statusOf(`${url}/auth/password-reset/request`, { email: address }),
    );
    report.check(
      `password-reset requests for one address over three instances get the allowance of one (${RESETS_PER_ADDRESS} an hour), then 429`,
      resets.slice(0, RESETS_PER_ADDRESS).every((s) => s === 202) && resets.slice(RESETS_PER_ADDRESS).every((s) => s === 429),
      describe(resets),
    );

    // A tenant of its own: the suite's tenants are counted by every other scenario's requests too.
    const tenant = await makeTenant(database.authenticatorUrl, `FaultsBudget${randomUUID().slice(0, 8)}`);
    const token = await signIn(urls[0]!, tenant.adminEmail, PASSWORD);
    const operations = await roundRobin(urls, 3 * TENANT_REQUESTS_PER_MINUTE, (url) => statusOf(`${url}/graphql`, { query: COUNT }, token));
    report.check(
      `one tenant's operations over three instances get the budget of one (${TENANT_REQUESTS_PER_MINUTE} a minute), then 429`,
      operations.slice(0, TENANT_REQUESTS_PER_MINUTE).every((s) => s === 200) &&
        operations.slice(TENANT_REQUESTS_PER_MINUTE).every((s) => s === 429),
      describe(operations),
    );
  } finally {
    await Promise.all(gateways.map((g) => g.stop()));
  }
}
