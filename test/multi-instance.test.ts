import { type ChildProcess, spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";

import { freePort } from "../src/db/embedded";
import { createTenant, signIn, type TenantFixture } from "./support/fixtures";
import { startTestGateway, type TestGateway } from "./support/gateway";
import { UNTHROTTLED_SIGN_IN } from "./support/test-settings";

/**
 * Two gateways on one database share nothing but PostgreSQL: a revocation
 * made through one must be refused by the other on the very next request.
 */
describe("a second gateway process on the same database", () => {
  let first: TestGateway;
  let second: ChildProcess;
  let secondUrl: string;
  let tenant: TenantFixture;

  beforeAll(async () => {
    first = await startTestGateway();
    tenant = await createTenant("Instances", 1);
    const port = await freePort();
    secondUrl = `http://127.0.0.1:${port}`;
    second = spawn(process.execPath, [path.join(__dirname, "..", "dist", "src", "cli", "start.js")], {
      cwd: path.join(__dirname, ".."),
      env: {
        PATH: process.env.PATH!,
        HOME: os.tmpdir(),
        NODE_ENV: "test",
        PORT: String(port),
        HOST: "127.0.0.1",
        DATABASE_URL: process.env.NEXUS_TEST_ADMIN_URL!,
        NEXUS_AUTHENTICATOR_PASSWORD: decodeURIComponent(new URL(process.env.NEXUS_TEST_AUTHENTICATOR_URL!).password),
        ...UNTHROTTLED_SIGN_IN,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    second.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    second.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const deadline = Date.now() + 150_000;
    while (!output.includes("Health")) {
      if (second.exitCode !== null || Date.now() > deadline) throw new Error(`second gateway did not start:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }, 180_000);
  afterAll(async () => {
    await first.close();
    if (second.exitCode === null) {
      second.kill("SIGTERM");
      await new Promise((resolve) => second.once("exit", resolve));
    }
  });

  const askSecond = (token: string) =>
    fetch(`${secondUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: "{ tenants { nodes { rowId } } }" }),
    });

  test("a session logged out through the first is refused by the second on the next request", async () => {
    const { accessToken } = await signIn(first, tenant.users[0]!.email);
    expect((await askSecond(accessToken)).status).toBe(200);
    expect((await first.post("/auth/logout", { scope: "local" }, { token: accessToken })).status).toBe(200);
    const after = await askSecond(accessToken);
    expect(after.status).toBe(401);
    expect(((await after.json()) as { error: { code: string } }).error.code).toBe("TOKEN_REVOKED");
  });

  test("a single revoked access token is refused by the second too", async () => {
    const { accessToken } = await signIn(first, tenant.users[0]!.email);
    const jti = JSON.parse(Buffer.from(accessToken.split(".")[1]!, "base64url").toString()).jti;
    expect((await first.post("/auth/revoke", { jti }, { token: accessToken })).status).toBe(200);
    expect((await askSecond(accessToken)).status).toBe(401);
  });
});
