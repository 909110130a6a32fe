import { createHash, randomBytes, randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";

import { filesSweepTask } from "../src/files/jobs";
import { FileLinks } from "../src/files/links";
import { contentDisposition, sanitizeFileName, servedInline, sniffType } from "../src/files/media";
import { STAGING_DIR } from "../src/files/storage";
import { parseRange } from "../src/http/file-routes";
import { createTenant, signIn, type TenantFixture, withAdmin } from "./support/fixtures";
import { startTestGateway, testConfig, type TestGateway, testJobsSchema } from "./support/gateway";
import { eventually } from "./support/mail-server";

// s3rver ships without types: the part of its API used here.
interface S3rverServer {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver = require("s3rver") as new (options: object) => S3rverServer;

const MAX_BYTES = 3 * 1024 * 1024;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Bytes a PNG signature opens, then random bytes: the gateway checks the signature, not the whole image. */
const png = (size: number) => Buffer.concat([PNG_SIGNATURE, randomBytes(size - PNG_SIGNATURE.length)]);
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
/** The path and query of a signed URL (the gateway names its public URL, not the test's port). */
const pathOf = (url: string) => {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
};

interface Upload {
  status: number;
  body: any;
}

interface UploadOptions {
  token: string;
  name?: string;
  type?: string;
  fields?: Record<string, string>;
}

async function uploadTo(base: string, bytes: Buffer, { token, name = "photo.png", type = "image/png", fields = {} }: UploadOptions) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  form.append("file", new Blob([bytes], { type }), name);
  const response = await fetch(`${base}/files`, { method: "POST", body: form, headers: { authorization: `Bearer ${token}` } });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null } as Upload;
}

async function download(base: string, target: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}${target}`, { headers });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

const rowsNamed = (name: string) =>
  withAdmin(async (client) => (await client.query("select id, state from content.files where name = $1", [name])).rows);

/** Every file under a directory, relative to it. */
function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
  } catch {
    return [];
  }
}

describe("files: uploads and downloads under the tenant's row level security", () => {
  let gateway: TestGateway;
  let dir: string;
  let sweeper: TestGateway;
  let sweeperDir: string;
  let acme: TenantFixture;
  let globex: TenantFixture;
  let adminToken: string;
  let globexToken: string;
  let viewerToken: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "nexus-files-"));
    sweeperDir = mkdtempSync(path.join(os.tmpdir(), "nexus-files-sweep-"));
    [gateway, sweeper, acme, globex] = await Promise.all([
      startTestGateway({ config: testConfig({ NEXUS_FILES_DIR: dir, NEXUS_FILES_MAX_BYTES: String(MAX_BYTES) }) }),
      // A store of its own, with the job queue (and only the file cleanup on it) and the least bound.
      startTestGateway({
        jobs: true,
        config: testConfig({ NEXUS_FILES_DIR: sweeperDir, NEXUS_FILES_ORPHAN_GRACE_SECONDS: "10", NEXUS_AUTOMATION: "0" }),
      }),
      createTenant("Files", 1),
      createTenant("Rival", 0),
    ]);
    const viewers = await createTenant("Viewers", 1, "viewer");
    [adminToken, globexToken, viewerToken] = await Promise.all([
      signIn(gateway, acme.admin.email).then((s) => s.accessToken),
      signIn(gateway, globex.admin.email).then((s) => s.accessToken),
      signIn(gateway, viewers.users[0]!.email).then((s) => s.accessToken),
    ]);
  }, 180_000);
  afterAll(async () => {
    await Promise.all([gateway.close(), sweeper.close()]);
    rmSync(dir, { recursive: true, force: true });
    rmSync(sweeperDir, { recursive: true, force: true });
  });

  test("small and 2 MB files come back byte for byte, with their digest, type and safe headers", async () => {
    for (const size of [1_000, 2 * 1024 * 1024]) {
      const bytes = png(size);
      const upload = await uploadTo(gateway.url, bytes, { token: adminToken });
      expect(upload.status).toBe(201);
      expect(upload.body.file).toMatchObject({ contentType: "image/png", sizeInBytes: size, sha256: sha256(bytes), name: "photo.png" });
      const byToken = await download(gateway.url, `/files/${upload.body.file.rowId}/content`, { authorization: `Bearer ${adminToken}` });
      expect(byToken.status).toBe(200);
      expect(byToken.bytes.equals(bytes)).toBe(true);
      expect(byToken.headers.get("content-type")).toBe("image/png");
      expect(byToken.headers.get("x-content-type-options")).toBe("nosniff");
      expect(byToken.headers.get("content-security-policy")).toMatch(/default-src 'none'.*sandbox/);
      expect(byToken.headers.get("content-disposition")).toBe(`inline; filename="photo.png"; filename*=UTF-8''photo.png`);
      const byLink = await download(gateway.url, pathOf(upload.body.file.url));
      expect(byLink.status).toBe(200);
      expect(byLink.bytes.equals(bytes)).toBe(true);
    }
  }, 120_000);

  test("a raw body upload names its file in the query", async () => {
    const bytes = png(500);
    const response = await fetch(`${gateway.url}/files?name=${encodeURIComponent("raw body.png")}`, {
      method: "POST",
      body: bytes,
      headers: { authorization: `Bearer ${adminToken}`, "content-type": "image/png" },
    });
    expect(response.status).toBe(201);
    expect(((await response.json()) as any).file).toMatchObject({ name: "raw body.png", sizeInBytes: 500, sha256: sha256(bytes) });
  });

  test("ranges: a slice is 206 with its Content-Range, a suffix works, a range past the end is 416", async () => {
    const bytes = png(10_000);
    const { body } = await uploadTo(gateway.url, bytes, { token: adminToken });
    const target = pathOf(body.file.url);
    const slice = await download(gateway.url, target, { range: "bytes=100-199" });
    expect(slice.status).toBe(206);
    expect(slice.headers.get("content-range")).toBe("bytes 100-199/10000");
    expect(slice.bytes.equals(bytes.subarray(100, 200))).toBe(true);
    const suffix = await download(gateway.url, target, { range: "bytes=-10" });
    expect(suffix.status).toBe(206);
    expect(suffix.bytes.equals(bytes.subarray(-10))).toBe(true);
    const past = await download(gateway.url, target, { range: "bytes=20000-" });
    expect(past.status).toBe(416);
    expect(past.headers.get("content-range")).toBe("bytes */10000");
    expect(JSON.parse(past.bytes.toString()).error.code).toBe("RANGE_NOT_SATISFIABLE");
  });

  test("another tenant's file is not found by id, by its signed URL moved to another file, or by guessing, and answers like a missing one", async () => {
    const mine = (await uploadTo(gateway.url, png(300), { token: adminToken })).body.file;
    const theirs = (await uploadTo(gateway.url, png(300), { token: globexToken })).body.file;
    const missing = await download(gateway.url, `/files/${randomUUID()}/content`, { authorization: `Bearer ${globexToken}` });
    const byId = await download(gateway.url, `/files/${mine.rowId}/content`, { authorization: `Bearer ${globexToken}` });
    expect(missing.status).toBe(404);
    expect(byId.status).toBe(404);
    expect(byId.bytes.toString()).toBe(missing.bytes.toString());
    // Globex's own link, pointed at Acme's file: the signature binds the file.
    const link = new URL(theirs.url).searchParams.get("link")!;
    const moved = await download(gateway.url, `/files/${mine.rowId}/content?link=${link}`);
    expect(moved.status).toBe(403);
    expect(JSON.parse(moved.bytes.toString()).error.code).toBe("FILE_LINK_INVALID");
    // Even a link validly signed for Acme's file id, but for a Globex user, reads the row as that user: RLS hides it.
    const forged = new FileLinks(gateway.config).url({
      fileId: mine.rowId,
      tenantId: globex.tenantId,
      userId: globex.admin.userId,
      sessionId: null,
    });
    const throughRls = await download(gateway.url, pathOf(forged));
    expect(throughRls.status).toBe(404);
    const guessed = await download(gateway.url, `/files/${randomUUID()}/content?link=${link}`);
    expect(guessed.status).toBe(403);
    expect((await download(gateway.url, `/files/${mine.rowId}/content`)).status).toBe(401);
  });

  test("expired and tampered links are refused; a link ends when the session that minted it is revoked", async () => {
    const file = (await uploadTo(gateway.url, png(300), { token: adminToken })).body.file;
    const links = new FileLinks(gateway.config);
    const old = links.url(
      { fileId: file.rowId, tenantId: acme.tenantId, userId: acme.admin.userId, sessionId: null },
      Date.now() - (gateway.config.files.linkTtlSeconds + 1) * 1000,
    );
    const expired = await download(gateway.url, pathOf(old));
    expect(expired.status).toBe(403);
    expect(JSON.parse(expired.bytes.toString()).error.code).toBe("FILE_LINK_EXPIRED");
    const good = new URL(file.url).searchParams.get("link")!;
    const [body, signature] = good.split(".");
    const flipped = signature!.slice(0, -2) + (signature!.endsWith("AA") ? "BB" : "AA");
    for (const tampered of [`${body}.${flipped}`, `${body}x.${signature}`, `${body}`]) {
      const answer = await download(gateway.url, `/files/${file.rowId}/content?link=${tampered}`);
      expect(answer.status).toBe(403);
      expect(JSON.parse(answer.bytes.toString()).error.code).toBe("FILE_LINK_INVALID");
    }

    const session = await signIn(gateway, acme.admin.email);
    const query = `query($id: UUID!) { file(rowId: $id) { url } }`;
    const { file: read } = await gateway.data(session.accessToken, query, { id: file.rowId });
    expect((await download(gateway.url, pathOf(read.url))).status).toBe(200);
    expect((await gateway.post("/auth/logout", {}, { token: session.accessToken })).status).toBe(200);
    const revoked = await eventually("the revoked session's link to be refused", async () => {
      const answer = await download(gateway.url, pathOf(read.url));
      return answer.status === 401 && answer;
    });
    expect(JSON.parse(revoked.bytes.toString()).error.code).toBe("TOKEN_REVOKED");
  });

  test("oversize (declared or streamed), wrong type, empty and missing files are refused with their codes, and nothing is kept", async () => {
    const name = `refused-${randomUUID()}.png`;
    const declared = await uploadTo(gateway.url, png(MAX_BYTES + 1), { token: adminToken, name });
    expect(declared.status).toBe(413);
    expect(declared.body.error.code).toBe("FILE_TOO_LARGE");
    // No Content-Length: the limit is found while the bytes stream.
    const chunk = png(256 * 1024);
    let sent = 0;
    const stream = new ReadableStream({
      pull(controller) {
        if (sent > MAX_BYTES) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const streamed = await fetch(`${gateway.url}/files?name=${name}`, {
      method: "POST",
      body: stream,
      duplex: "half",
      headers: { authorization: `Bearer ${adminToken}`, "content-type": "image/png" },
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(((await streamed.json()) as any).error.code).toBe("FILE_TOO_LARGE");

    const html = Buffer.from("<!doctype html><script>alert(document.cookie)</script>");
    const disguised = await uploadTo(gateway.url, html, { token: adminToken, name, type: "image/png" });
    expect(disguised.status).toBe(415);
    expect(disguised.body.error.code).toBe("FILE_TYPE_NOT_ALLOWED");
    const undeclared = await uploadTo(gateway.url, html, { token: adminToken, name, type: "application/octet-stream" });
    expect(undeclared.status).toBe(415);
    const empty = await uploadTo(gateway.url, Buffer.alloc(0), { token: adminToken, name });
    expect(empty.status).toBe(400);
    expect(empty.body.error.code).toBe("FILE_EMPTY");
    const form = new FormData();
    form.append("name", "nothing");
    const none = await fetch(`${gateway.url}/files`, { method: "POST", body: form, headers: { authorization: `Bearer ${adminToken}` } });
    expect(none.status).toBe(400);
    expect(((await none.json()) as any).error.code).toBe("FILE_MISSING");

    expect(await rowsNamed(name)).toEqual([]);
    await eventually("no staged bytes", () => filesUnder(path.join(dir, STAGING_DIR)).length === 0);
  }, 120_000);

  test("a traversal name is only a name: stored as its last segment, the bytes under tenant/id", async () => {
    const upload = await uploadTo(gateway.url, png(200), { token: adminToken, name: "../../etc/x.png" });
    expect(upload.status).toBe(201);
    expect(upload.body.file.name).toBe("x.png");
    expect(filesUnder(dir)).toContain(path.join(acme.tenantId, upload.body.file.rowId));
    expect(filesUnder(path.dirname(dir)).some((f) => f.endsWith("x.png"))).toBe(false);
    expect(sanitizeFileName("..\\..\\windows\\boot.ini")).toBe("boot.ini");
    expect(sanitizeFileName("...")).toBe("file");
    expect(sanitizeFileName('a"b<c>\u0000.png')).toBe("abc.png");
  });

  test("concurrent uploads of one name are separate files, each with its own bytes", async () => {
    const name = `same-${randomUUID()}.png`;
    const contents = Array.from({ length: 5 }, () => png(50_000));
    const uploads = await Promise.all(contents.map((bytes) => uploadTo(gateway.url, bytes, { token: adminToken, name })));
    expect(uploads.map((u) => u.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(uploads.map((u) => u.body.file.rowId)).size).toBe(5);
    for (const [i, upload] of uploads.entries()) {
      expect((await download(gateway.url, pathOf(upload.body.file.url))).bytes.equals(contents[i]!)).toBe(true);
    }
    expect(await rowsNamed(name)).toHaveLength(5);
  }, 120_000);

  test("an upload cut off mid-body leaves neither a row nor bytes", async () => {
    const name = `cut-${randomUUID()}.png`;
    const { port } = new URL(gateway.url);
    const req = request({
      host: "127.0.0.1",
      port,
      method: "POST",
      path: `/files?name=${name}`,
      headers: { authorization: `Bearer ${adminToken}`, "content-type": "image/png", "content-length": String(MAX_BYTES) },
    });
    req.on("error", () => undefined);
    req.write(png(512 * 1024));
    // The server has begun storing the bytes...
    await eventually("staged bytes", () => filesUnder(path.join(dir, STAGING_DIR)).length > 0);
    req.destroy();
    // ...and once the client is gone, removes them.
    await eventually("the staged bytes removed", () => filesUnder(path.join(dir, STAGING_DIR)).length === 0);
    expect(await rowsNamed(name)).toEqual([]);
  });

  test("attaching to another tenant's record fails exactly like attaching to a missing one; a viewer may not upload", async () => {
    const attach = (token: string, id: string) =>
      uploadTo(gateway.url, png(100), { token, fields: { belongsTo: "platform.users", belongsToId: id, belongsToColumn: "avatar" } });
    const theirs = await attach(globexToken, acme.admin.userId);
    const missing = await attach(globexToken, randomUUID());
    expect(theirs.status).toBe(404);
    expect(theirs.body).toEqual(missing.body);
    expect(theirs.body.error.code).toBe("NOT_FOUND");
    expect((await attach(adminToken, acme.admin.userId)).status).toBe(201);
    const viewer = await uploadTo(gateway.url, png(100), { token: viewerToken });
    expect(viewer.status).toBe(403);
    expect(viewer.body.error.code).toBe("FORBIDDEN");
  });

  test("a document's attachments read as a relation, each with a signed url", async () => {
    const { createDocument } = await gateway.data(
      adminToken,
      `mutation { createDocument(input: { document: { name: "Scan" } }) { document { rowId } } }`,
    );
    const documentId = createDocument.document.rowId;
    const bytes = png(400);
    const upload = await uploadTo(gateway.url, bytes, {
      token: adminToken,
      name: "scan.png",
      fields: { belongsTo: "content.documents", belongsToId: documentId, belongsToColumn: "attachments" },
    });
    expect(upload.status).toBe(201);
    const { document } = await gateway.data(
      adminToken,
      `query($id: UUID!) { document(rowId: $id) { attachmentsList { rowId name contentType url } } }`,
      { id: documentId },
    );
    expect(document.attachmentsList).toEqual([
      expect.objectContaining({ rowId: upload.body.file.rowId, name: "scan.png", contentType: "image/png" }),
    ]);
    expect((await download(gateway.url, pathOf(document.attachmentsList[0].url))).bytes.equals(bytes)).toBe(true);
    // Another tenant reads the document as missing, and no url of its files.
    expect(
      (await gateway.data(globexToken, `query($id: UUID!) { document(rowId: $id) { rowId } }`, { id: documentId })).document,
    ).toBeNull();
  });

  test("a user's avatar reads as User.avatar: the newest one, through a signed url, under the files' row level security", async () => {
    const avatar = (bytes: Buffer) =>
      uploadTo(gateway.url, bytes, {
        token: adminToken,
        name: "avatar.png",
        fields: { belongsTo: "platform.users", belongsToId: acme.users[0]!.userId, belongsToColumn: "avatar" },
      });
    const readAvatar = async (token: string) =>
      (await gateway.data(token, `query($id: UUID!) { user(rowId: $id) { avatar { rowId name url } } }`, { id: acme.users[0]!.userId }))
        .user;
    expect(await readAvatar(adminToken)).toEqual({ avatar: null });
    const [first, second] = [png(300), png(400)];
    const older = (await avatar(first)).body.file;
    const newer = (await avatar(second)).body.file;
    const { avatar: current } = await readAvatar(adminToken);
    expect(current).toMatchObject({ rowId: newer.rowId, name: "avatar.png" });
    expect((await download(gateway.url, pathOf(current.url))).bytes.equals(second)).toBe(true);
    // Archived, the newest is hidden by the files' policy and the one before shows.
    await gateway.data(adminToken, `mutation($id: UUID!) { deleteFile(input: { rowId: $id }) { clientMutationId } }`, { id: newer.rowId });
    expect((await readAvatar(adminToken)).avatar.rowId).toBe(older.rowId);
    // In a list of users too, each with its own.
    const { users } = await gateway.data(adminToken, `{ users { nodes { rowId avatar { rowId } } } }`);
    expect(users.nodes.find((user: any) => user.rowId === acme.users[0]!.userId).avatar.rowId).toBe(older.rowId);
    expect(users.nodes.filter((user: any) => user.avatar?.rowId === older.rowId)).toHaveLength(1);
    // Another tenant sees neither the user nor the avatar.
    expect(await readAvatar(globexToken)).toBeNull();
  });

  test("a delete archives the file; the purge removes its bytes after the retention, the sweep removes bytes without a row", async () => {
    const upload = (await uploadTo(gateway.url, png(300), { token: adminToken })).body.file;
    const key = path.join(acme.tenantId, upload.rowId);
    const removed = await gateway.body(adminToken, `mutation($id: UUID!) { deleteFile(input: { rowId: $id }) { clientMutationId } }`, {
      id: upload.rowId,
    });
    expect(removed.errors).toBeUndefined();
    expect((await download(gateway.url, pathOf(upload.url))).status).toBe(404);
    expect(filesUnder(dir)).toContain(key);
    // Retention 0: what the hourly job does once the retention has passed.
    const purging = await startTestGateway({
      config: testConfig({ NEXUS_FILES_DIR: dir, NEXUS_FILES_RETENTION_SECONDS: "0", NEXUS_FILES_ORPHAN_GRACE_SECONDS: "60" }),
    });
    try {
      expect(await purging.gateway.files.purgeArchived()).toBeGreaterThanOrEqual(1);
      expect(filesUnder(dir)).not.toContain(key);
      expect(await withAdmin(async (c) => (await c.query("select state from content.files where id = $1", [upload.rowId])).rows)).toEqual([
        { state: "purged" },
      ]);

      // Orphans: bytes under a key no row has, and a staged file, both older than the grace; and a fresh one, kept.
      const orphan = path.join(dir, acme.tenantId, randomUUID());
      const staged = path.join(dir, STAGING_DIR, randomUUID());
      const fresh = path.join(dir, acme.tenantId, randomUUID());
      mkdirSync(path.dirname(staged), { recursive: true });
      for (const file of [orphan, staged, fresh]) writeFileSync(file, "x");
      const hourAgo = new Date(Date.now() - 3_600_000);
      for (const file of [orphan, staged]) utimesSync(file, hourAgo, hourAgo);
      const kept = (await uploadTo(gateway.url, png(300), { token: adminToken })).body.file;
      utimesSync(path.join(dir, acme.tenantId, kept.rowId), hourAgo, hourAgo);
      expect(await purging.gateway.files.sweepOrphans()).toBe(2);
      const left = filesUnder(dir);
      expect(left).toContain(path.relative(dir, fresh));
      expect(left).toContain(path.join(acme.tenantId, kept.rowId));
      expect(left).not.toContain(path.relative(dir, orphan));
      expect(left).not.toContain(path.relative(dir, staged));
    } finally {
      await purging.close();
    }
  }, 240_000);

  test("the scheduled sweep of a store runs where the store is: staged bytes past the bound go, a paused upload keeps its lease", async () => {
    const queued = (task: string) =>
      withAdmin(async (c) =>
        Number((await c.query(`select count(*) from ${testJobsSchema()}.jobs where task_identifier = $1`, [task])).rows[0].count),
      );
    const otherKey = `files-test-${randomUUID()}`;
    try {
      const ownTask = filesSweepTask(await sweeper.gateway.files.storage.identity());
      const otherTask = filesSweepTask(await gateway.gateway.files.storage.identity());
      expect(ownTask).not.toBe(otherTask);

      // An upload that pauses after its first bytes; its staged file is made to look an hour old, as after a long pause.
      const token = (await signIn(sweeper, acme.admin.email)).accessToken;
      const head = png(256 * 1024);
      const rest = randomBytes(256 * 1024);
      const req = request({
        host: "127.0.0.1",
        port: new URL(sweeper.url).port,
        method: "POST",
        path: "/files?name=paused.png",
        headers: { authorization: `Bearer ${token}`, "content-type": "image/png", "content-length": String(head.length + rest.length) },
      });
      const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
        req.once("response", (res) => {
          let body = "";
          res.on("data", (chunk: Buffer) => (body += chunk.toString()));
          res.once("end", () => resolve({ status: res.statusCode!, body }));
        });
        req.once("error", reject);
      });
      answer.catch(() => undefined); // awaited below; a failure before then is reported there
      req.write(head);
      const [live] = await eventually("the paused upload's staged bytes", () => {
        const found = filesUnder(path.join(sweeperDir, STAGING_DIR));
        return found.length > 0 && found;
      });
      const livePath = path.join(sweeperDir, STAGING_DIR, live!);
      const hourAgo = new Date(Date.now() - 3_600_000);
      await eventually("the upload's bytes written", () => statSync(livePath).size === head.length);
      utimesSync(livePath, hourAgo, hourAgo);
      await eventually("the lease renewed", () => statSync(livePath).mtimeMs > Date.now() - 10_000);
      // Bytes a killed process staged an hour ago.
      const dead = path.join(sweeperDir, STAGING_DIR, randomUUID());
      writeFileSync(dead, "x");
      utimesSync(dead, hourAgo, hourAgo);

      // The other store's sweep, queued first, is not taken by this instance: it runs only where that store is.
      await withAdmin((c) => c.query(`select ${testJobsSchema()}.add_job($1, job_key => $2)`, [otherTask, otherKey]));
      await withAdmin((c) => c.query(`select ${testJobsSchema()}.add_job($1)`, [ownTask]));
      await eventually("this store's sweep done", async () => (await queued(ownTask)) === 0);
      expect(await queued(otherTask)).toBe(1);
      expect(filesUnder(path.join(sweeperDir, STAGING_DIR))).toEqual([live]);

      req.end(rest);
      const done = await answer;
      expect(done.status).toBe(201);
      const stored = JSON.parse(done.body).file;
      expect((await download(sweeper.url, pathOf(stored.url))).bytes.equals(Buffer.concat([head, rest]))).toBe(true);
    } finally {
      await withAdmin((c) => c.query(`select ${testJobsSchema()}.remove_job($1)`, [otherKey]));
    }
  }, 120_000);

  test("the signature decides the type; only safe types are shown inline; ranges parse as HTTP says", () => {
    expect(sniffType(png(16))).toBe("image/png");
    expect(sniffType(Buffer.from("%PDF-1.7\n"))).toBe("application/pdf");
    expect(sniffType(Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toBe("text/html");
    expect(sniffType(Buffer.from("plain words"))).toBe("text/plain");
    for (const type of ["text/html", "image/svg+xml", "application/xml", "text/javascript", null]) expect(servedInline(type)).toBe(false);
    expect(servedInline("image/png")).toBe(true);
    expect(contentDisposition(false, 'résumé "x".pdf')).toBe(
      `attachment; filename="r_sum_ _x_.pdf"; filename*=UTF-8''r%C3%A9sum%C3%A9%20%22x%22.pdf`,
    );
    expect(parseRange("bytes=0-0", 10)).toEqual({ start: 0, end: 0 });
    expect(parseRange("bytes=5-", 10)).toEqual({ start: 5, end: 9 });
    expect(parseRange("bytes=0-99", 10)).toEqual({ start: 0, end: 9 });
    expect(parseRange("bytes=10-", 10)).toBe("unsatisfiable");
    expect(parseRange("bytes=0-1,4-5", 10)).toBeNull();
    expect(parseRange("items=0-1", 10)).toBeNull();
  });

  describe("the S3 backend, against an S3-compatible server on loopback", () => {
    let s3: S3rverServer;
    let s3Dir: string;
    let onS3: TestGateway;
    let token: string;

    beforeAll(async () => {
      s3Dir = mkdtempSync(path.join(os.tmpdir(), "nexus-s3-"));
      s3 = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory: s3Dir, configureBuckets: [{ name: "nexus-files" }] });
      const { port } = await s3.run();
      onS3 = await startTestGateway({
        config: testConfig({
          NEXUS_FILES_S3_BUCKET: "nexus-files",
          NEXUS_FILES_S3_ENDPOINT: `http://127.0.0.1:${port}`,
          NEXUS_FILES_S3_ACCESS_KEY_ID: "S3RVER",
          NEXUS_FILES_S3_SECRET_ACCESS_KEY: "S3RVER",
          NEXUS_FILES_MAX_BYTES: String(MAX_BYTES),
        }),
      });
      token = (await signIn(onS3, acme.admin.email)).accessToken;
    }, 120_000);
    afterAll(async () => {
      await onS3?.close();
      await s3?.close();
      rmSync(s3Dir, { recursive: true, force: true });
    });

    test("a 2 MB file goes up as a multipart upload and comes back whole and by range; a refused upload leaves no object", async () => {
      const bytes = png(2 * 1024 * 1024);
      const upload = await uploadTo(onS3.url, bytes, { token });
      expect(upload.status).toBe(201);
      expect(upload.body.file.sha256).toBe(sha256(bytes));
      const whole = await download(onS3.url, pathOf(upload.body.file.url));
      expect(whole.bytes.equals(bytes)).toBe(true);
      const slice = await download(onS3.url, pathOf(upload.body.file.url), { range: "bytes=1000-1999" });
      expect(slice.status).toBe(206);
      expect(slice.bytes.equals(bytes.subarray(1000, 2000))).toBe(true);

      const keys = async () => {
        const found: string[] = [];
        for await (const object of onS3.gateway.files.storage.list()) found.push(object.key);
        return found;
      };
      const before = await keys();
      expect(before).toContain(`${acme.tenantId}/${upload.body.file.rowId}`);
      const refused = await uploadTo(onS3.url, png(100), {
        token,
        fields: { belongsTo: "platform.users", belongsToId: randomUUID(), belongsToColumn: "avatar" },
      });
      expect(refused.status).toBe(404);
      expect((await keys()).sort()).toEqual(before.sort());
    }, 120_000);
  });
});
