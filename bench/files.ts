/*
 * npm run bench:files [-- --count 20 --concurrency 4]
 *
 * File throughput in one run, on an embedded PostgreSQL of its own (a
 * temporary directory), the gateway in a process of its own with the local
 * storage backend:
 *
 * 1. upload and download throughput (files/s and MB/s) of 100 KB and 10 MB
 *    files, `count` of each, `concurrency` at a time;
 * 2. the gateway's resident memory (VmRSS) sampled every 10 ms during one
 *    10 MB and one 50 MB upload: flat, not proportional to the file.
 *
 * Writes bench/results/files.md and prints it.
 */
import "../src/cli/graphile-env";

import { type ChildProcess, fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import pg from "pg";

import { createTenant } from "../src/auth/accounts";
import { loadConfig } from "../src/config";
import { openDatabase } from "../src/db/database";
import { argCount } from "./data";

const RESULTS_FILE = path.join("bench", "results", "files.md");
const PASSWORD = "bench files password";
const EMAIL = "admin@bench-files.test";
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

interface Gateway {
  child: ChildProcess;
  url: string;
}

function startGateway(env: NodeJS.ProcessEnv): Promise<Gateway> {
  const child = fork(path.join(__dirname, "server.js"), ["gateway"], { env, stdio: ["ignore", "ignore", "inherit", "ipc"] });
  return new Promise((resolve, reject) => {
    child.once("message", (m: { port: number }) => resolve({ child, url: `http://127.0.0.1:${m.port}` }));
    child.once("exit", (code) => reject(new Error(`the gateway exited (${code})`)));
  });
}

function rssMb(pid: number | undefined): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

const png = (size: number) => Buffer.concat([PNG_SIGNATURE, randomBytes(size - PNG_SIGNATURE.length)]);

async function upload(url: string, token: string, bytes: Buffer): Promise<string> {
  const response = await fetch(`${url}/files?name=bench.png`, {
    method: "POST",
    body: bytes,
    headers: { authorization: `Bearer ${token}`, "content-type": "image/png" },
  });
  if (response.status !== 201) throw new Error(`upload failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { file: { rowId: string } }).file.rowId;
}

async function download(url: string, token: string, id: string): Promise<number> {
  const response = await fetch(`${url}/files/${id}/content`, { headers: { authorization: `Bearer ${token}` } });
  return (await response.arrayBuffer()).byteLength;
}

/** Runs `count` jobs, `concurrency` at a time; seconds taken. */
async function timed(count: number, concurrency: number, job: (i: number) => Promise<unknown>): Promise<number> {
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await job(next++);
    }),
  );
  return (performance.now() - started) / 1000;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const count = argCount(argv, "count", 20);
  const concurrency = argCount(argv, "concurrency", 4);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "nexus-bench-files-"));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    NODE_ENV: "test",
    NEXUS_DATA_DIR: dataDir,
    NEXUS_DEMO: "0",
    NEXUS_LOG_LEVEL: "silent",
    NEXUS_LOGIN_RATE_PER_IP: "10000",
    NEXUS_FILES_MAX_BYTES: String(64 * 1024 * 1024),
  };
  const database = await openDatabase(loadConfig(env));
  const lines: string[] = [];
  const out = (line: string) => (lines.push(line), process.stdout.write(`${line}\n`));
  let gateway: Gateway | null = null;
  try {
    const authenticator = new pg.Pool({ connectionString: database.authenticatorUrl, max: 1 });
    await createTenant(authenticator, { name: "Bench files", adminEmail: EMAIL, password: PASSWORD });
    await authenticator.end();
    gateway = await startGateway({ ...env, NEXUS_BENCH_AUTHENTICATOR_URL: database.authenticatorUrl });
    const url = gateway.url;
    const login = await fetch(`${url}/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
    });
    const token = ((await login.json()) as { accessToken: string }).accessToken;

    out(`## Throughput (${count} files of each size, ${concurrency} at a time, local storage)\n`);
    out(`| size | uploads/s | upload MB/s | downloads/s | download MB/s |`);
    out(`|---:|---:|---:|---:|---:|`);
    for (const [label, size] of [
      ["100 KB", 100 * 1024],
      ["10 MB", 10 * 1024 * 1024],
    ] as const) {
      const bytes = png(size);
      const ids: string[] = [];
      const up = await timed(count, concurrency, async () => ids.push(await upload(url, token, bytes)));
      const down = await timed(count, concurrency, (i) => download(url, token, ids[i]!));
      const mb = (count * size) / (1024 * 1024);
      out(`| ${label} | ${(count / up).toFixed(1)} | ${(mb / up).toFixed(1)} | ${(count / down).toFixed(1)} | ${(mb / down).toFixed(1)} |`);
    }

    out(`\n## Gateway memory during one upload (VmRSS, sampled every 10 ms)\n`);
    out(`| upload | RSS before | RSS peak | growth | growth / file size |`);
    out(`|---:|---:|---:|---:|---:|`);
    for (const [label, size] of [
      ["10 MB", 10 * 1024 * 1024],
      ["50 MB", 50 * 1024 * 1024],
    ] as const) {
      const bytes = png(size);
      // Settle first: what earlier uploads left for the collector is not this upload's.
      await upload(url, token, png(1024));
      const before = rssMb(gateway.child.pid);
      let peak = before;
      const sampler = setInterval(() => (peak = Math.max(peak, rssMb(gateway!.child.pid))), 10);
      await upload(url, token, bytes);
      clearInterval(sampler);
      peak = Math.max(peak, rssMb(gateway.child.pid));
      const growth = peak - before;
      out(
        `| ${label} | ${before.toFixed(0)} MB | ${peak.toFixed(0)} MB | ${growth.toFixed(1)} MB | ${(growth / (size / 1024 / 1024)).toFixed(2)} |`,
      );
    }
    fs.mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
    fs.writeFileSync(RESULTS_FILE, `# Files benchmark\n\n${lines.join("\n")}\n`);
  } finally {
    if (gateway) {
      const child = gateway.child;
      await new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      });
    }
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`bench:files: ${(error as Error).stack}\n`);
  process.exit(1);
});
