import { randomBytes, randomUUID } from "node:crypto";
import { readdirSync } from "node:fs";
import { request } from "node:http";
import path from "node:path";

import type { Context } from "./context";
import { signIn } from "./load";
import { GatewayProcess, PASSWORD, sleep, tempDir, withClient } from "./processes";
import type { Report } from "./report";

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const DECLARED_BYTES = 8 * 1024 * 1024;

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

/** Starts an upload that declares 8 MB and sends only the first `sent` bytes; returns the request, to cut it off. */
function partialUpload(gateway: GatewayProcess, token: string, name: string, sent: number) {
  const req = request({
    host: "127.0.0.1",
    port: gateway.port,
    method: "POST",
    path: `/files?name=${name}`,
    headers: { authorization: `Bearer ${token}`, "content-type": "image/png", "content-length": String(DECLARED_BYTES) },
  });
  req.on("error", () => undefined);
  req.write(Buffer.concat([PNG, randomBytes(sent - PNG.length)]));
  return req;
}

/**
 * Uploads cut off mid-stream, and a gateway killed (SIGKILL) during an
 * upload: no row and no bytes remain once the gateway is back and the
 * orphan sweep has run, and a file stored before the kill is still whole.
 */
export async function filesUnderFaults(context: Context, report: Report): Promise<void> {
  const dir = await tempDir("files");
  const env = { ...context.database.gatewayEnv(), NEXUS_FILES_DIR: dir, NEXUS_FILES_ORPHAN_GRACE_SECONDS: "0", NEXUS_FILES_CLEANUP: "1" };
  let gateway = await GatewayProcess.start("files", env);
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
    for (const req of cut) req.destroy();
    report.check("cut-off uploads leave no staged bytes", await until(() => staged(dir).length === 0));
    report.check("cut-off uploads leave no row", (await rows()) === 1, `${await rows()} rows of the scenario`);

    // 2. The gateway killed while an upload streams.
    const killed = partialUpload(gateway, token, `${prefix}-killed.png`, 2 * 1024 * 1024);
    await until(() => staged(dir).length > 0);
    gateway.signal("SIGKILL");
    await gateway.exited;
    killed.destroy();
    report.check("the killed gateway left staged bytes behind", staged(dir).length > 0, `${staged(dir).length} staged`);
    report.check("the killed upload wrote no row", (await rows()) === 1);

    // 3. Back up; the orphan sweep (queued now rather than waiting for its quarter hour) removes them.
    gateway = await GatewayProcess.start("files-again", env);
    await withClient(context.database.adminUrl, (client) => client.query("select graphile_worker.add_job('files_sweep')"));
    report.check("after restart and sweep no staged bytes remain", await until(() => staged(dir).length === 0, 60_000));
    token = await signIn(gateway.url, context.tenants[0].adminEmail, PASSWORD);
    const again = await fetch(`${gateway.url}/files/${keptId}/content`, { headers: { authorization: `Bearer ${token}` } });
    report.check("the file stored before the faults is whole", again.status === 200 && Buffer.from(await again.arrayBuffer()).equals(kept));
    report.check("only that file's row remains", (await rows()) === 1);
  } finally {
    await gateway.stop();
  }
}
