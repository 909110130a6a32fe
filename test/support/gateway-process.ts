import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

import { UNTHROTTLED_SIGN_IN } from "./test-settings";

/**
 * The compiled gateway (npm test builds first) in a process of its own, on
 * the test database. grafserv loads its WebSocket server and Ruru's page
 * with dynamic imports, which jest's module sandbox refuses; tests of
 * either run the gateway this way.
 */
export interface GatewayProcess {
  url: string;
  child: ChildProcess;
  /** What the process has printed so far (its log, at the level its env asks for). */
  output(): string;
  stop(): Promise<void>;
}

const script = (env: Record<string, string>) => `
  const { loadConfig } = require("./dist/src/config");
  const { createGateway } = require("./dist/src/http/app");
  (async () => {
    const config = loadConfig(${JSON.stringify({ NODE_ENV: "test", ...UNTHROTTLED_SIGN_IN, ...env })});
    const gateway = await createGateway({ config, authenticatorUrl: process.env.NEXUS_TEST_AUTHENTICATOR_URL, replicationUrl: process.env.NEXUS_TEST_DECODE === "1" ? process.env.NEXUS_TEST_ADMIN_URL : null });
    gateway.server.listen(0, "127.0.0.1", () => console.log("listening " + gateway.server.address().port));
  })().catch((error) => { console.error(error); process.exit(1); });
`;

/** `decode`: the process may decode the row changes (it gets the test cluster's superuser for replication). */
export async function startGatewayProcess(env: Record<string, string> = {}, { decode = false } = {}): Promise<GatewayProcess> {
  const child = spawn(process.execPath, ["-e", script(env)], {
    cwd: path.join(__dirname, "..", ".."),
    env: { ...process.env, NEXUS_TEST_DECODE: decode ? "1" : "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const port = /listening (\d+)/.exec(output)?.[1];
      if (port) {
        resolve({
          url: `http://127.0.0.1:${port}`,
          child,
          output: () => output,
          stop: () =>
            new Promise<void>((done) => {
              // A child killed by a signal (the failover test's SIGKILL) has no exit code, only a signal code.
              if (child.exitCode !== null || child.signalCode !== null) return done();
              child.once("exit", () => done());
              child.kill();
            }),
        });
      }
    });
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => reject(new Error(`gateway exited (${code}): ${output}`)));
  });
}
