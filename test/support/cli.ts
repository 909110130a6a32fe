import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";

/** The compiled admin CLI (`npm run nexus`); npm test builds it first. */
export const NEXUS = path.join(__dirname, "..", "..", "dist", "src", "cli", "nexus.js");

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in its own process against the test database, with `input` on stdin. */
export function runNexus(args: string[], input = ""): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [NEXUS, ...args], {
      env: {
        PATH: process.env.PATH!,
        HOME: os.tmpdir(),
        DATABASE_URL: process.env.NEXUS_TEST_ADMIN_URL!,
        NEXUS_AUTHENTICATOR_PASSWORD: decodeURIComponent(new URL(process.env.NEXUS_TEST_AUTHENTICATOR_URL!).password),
        NODE_ENV: "development",
      },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdin.end(input);
    child.once("exit", (code) => resolve({ code, stdout, stderr }));
  });
}
