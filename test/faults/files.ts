import { randomBytes, randomUUID } from "node:crypto";
import { readdirSync } from "node:fs";
import { request } from "node:http";
import path from "node:path";

import { filesSweepTask } from "../../src/files/jobs";
import { LocalStorage } from "../../src/files/storage";
import type { Context } from "./context";
import { signIn } from "./load";
import { GatewayProcess, PASSWORD, sleep, tempDir, withClient } from "./processes";
import type { Report } from "./report";

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const DECLARED_BYTES = 8 * 1024 * 1024;
/** NEXUS_FILES_ORPHAN_GRACE_SECONDS of the scenario's gateways (the least it may be). */
const BOUND_SECONDS = 10;

const staged = (dir: string) => {
  try {
    return readdirSync(path.join(dir, ".staging"));
  } catch {
    return [];
  }
};

/** Polls an observable condition until it holds, or the deadline passes. */
async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}

/** An upload that declares 8 MB and sends only the first `sent` bytes: cut it off (`req.destroy()`) or `finish` it. */
function partialUpload(gateway: GatewayProcess, token: string, name: string, sent: number) {
  const head = Buffer.concat([PNG, randomBytes(sent - PNG.length)]);
  const req = request({
    host: "127.0.0.1",
    port: gateway.port,
    method: "POST",
    path: `/files?name=${name}`,
    headers: { authorization: `Bearer ${token}`, "content-type": "image/png", "content-length": String(DECLARED_BYTES) },
  });
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.once("response", (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.once("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.once("error", reject);
  });
  answer.catch(() => undefined);
  req.write(head);
  /** Sends the rest of the declared bytes; the answer and every byte the upload sent. */
  const finish = async () => {
    const rest = randomBytes(DECLARED_BYTES - sent);
    req.end(rest);
    return { ...(await answer), bytes: Buffer.concat([head, rest]) };
  };
  return { req, finish };
}

/**
 * Uploads cut off mid-stream, and a gateway killed (SIGKILL) during an
 * upload: no row and no bytes remain once the gateway is back and its
 * scheduled orphan sweep has run, while an upload that the restarted
 * gateway is still receiving, paused for longer than the sweep's bound,
 * keeps its staged bytes (their lease is renewed) and completes. The suite's
 * main gateway has a store of its own and runs its own file cleanup: the
 * sweep of this scenario's store must not be taken by it.
 */
export async function filesUnderFaults(context: Context, report: Report): Promise<void> {
  const dir = await tempDir("files");
  const env = {
    ...context.database.gatewayEnv(),
    NEXUS_FILES_DIR: dir,
    NEXUS_FILES_ORPHAN_GRACE_SECONDS: String(BOUND_SECONDS),
    NEXUS_FILES_CLEANUP: "1",
  };
  let gateway = await GatewayProcess.start("files", env);
  const sweepTask = filesSweepTask(await new LocalStorage(dir, 1_000).identity());
  const prefix = `fault-${randomUUID().slice(0, 8)}`;
  const rows = () =>
    withClient(context.database.adminUrl, async (client) =>
      Number((await client.query("select count(*) from content.files where name like $1", [`${prefix}%`])).rows[0].count),
    );
  try {
    let token = await signIn(gateway.url, context.tenants[0].adminEmail, PASSWORD);
    const kept = Buffer.concat([PNG, randomBytes(100_000)]);
    const stored = await fetch(`${gateway.url}/files?name=${prefix}-kept.png`, {
      method: "POST",
      body: kept,
      headers: { authorization: `Bearer ${token}`, "content-type": "image/png" },
    });
    const keptId = ((await stored.json()) as { file: { rowId: string } }).file.rowId;
    report.check("a file is stored before the faults", stored.status === 201);

    // 1. Five uploads cut off mid-stream.
    const cut = Array.from({ length: 5 }, (_, i) => partialUpload(gateway, token, `${prefix}-cut-${i}.png`, 1024 * 1024));
    await until(() => staged(dir).length > 0);
    for (const upload of cut) upload.req.destroy();
    report.check("cut-off uploads leave no staged bytes", await until(() => staged(dir).length === 0));
    report.check("cut-off uploads leave no row", (await rows()) === 1, `${await rows()} rows of the scenario`);

    // 2. The gateway killed while an upload streams.
    const killed = partialUpload(gateway, token, `${prefix}-killed.png`, 2 * 1024 * 1024);
    await until(() => staged(dir).length > 0);
    gateway.signal("SIGKILL");
    await gateway.exited;
    killed.req.destroy();
    const dead = staged(dir);
    report.check("the killed gateway left staged bytes behind", dead.length > 0, `${dead.length} staged`);
    report.check("the killed upload wrote no row", (await rows()) === 1);

    // 3. Back up, an upload begins and pauses; the sweep of this store is queued to run once the pause is
    //    past the bound (rather than waiting for its quarter hour), and the gateway with the store takes it.
    gateway = await GatewayProcess.start("files-again", env);
    token = await signIn(gateway.url, context.tenants[0].adminEmail, PASSWORD);
    const paused = partialUpload(gateway, token, `${prefix}-paused.png`, 1024 * 1024);
    await until(() => staged(dir).length > dead.length);
    const live = staged(dir).filter((name) => !dead.includes(name));
    const queued = () =>
      withClient(context.database.adminUrl, async (client) =>
        Number((await client.query("select count(*) from graphile_worker.jobs where task_identifier = $1", [sweepTask])).rows[0].count),
      );
    await withClient(context.database.adminUrl, (client) =>
      client.query("select graphile_worker.add_job($1, run_at => now() + make_interval(secs => $2))", [sweepTask, BOUND_SECONDS + 1]),
    );
    report.check(
      "after restart the scheduled sweep removes the killed upload's staged bytes",
      await until(async () => !staged(dir).some((name) => dead.includes(name)) && (await queued()) === 0, 60_000),
      `${staged(dir).length} staged`,
    );
    report.check(
      "the staged bytes of an upload paused past the bound are kept",
      live.length === 1 && staged(dir).includes(live[0]!),
      `${live.length} new staged, ${staged(dir).length} staged now`,
    );
    const resumed = await paused.finish();
    const resumedId = resumed.status === 201 ? (JSON.parse(resumed.body) as { file: { rowId: string } }).file.rowId : null;
    const resumedBytes = resumedId
      ? Buffer.from(
          await (await fetch(`${gateway.url}/files/${resumedId}/content`, { headers: { authorization: `Bearer ${token}` } })).arrayBuffer(),
        )
      : null;
    report.check(
      "the paused upload completes whole",
      resumedBytes?.equals(resumed.bytes) === true,
      `${resumed.status} ${resumed.body.slice(0, 200)}`,
    );
    const again = await fetch(`${gateway.url}/files/${keptId}/content`, { headers: { authorization: `Bearer ${token}` } });
    report.check("the file stored before the faults is whole", again.status === 200 && Buffer.from(await again.arrayBuffer()).equals(kept));
    report.check("only the rows of the two stored files remain", (await rows()) === 2);
    report.check("no staged bytes remain", staged(dir).length === 0, `${staged(dir).length} staged`);
  } finally {
    await gateway.stop();
  }
}
