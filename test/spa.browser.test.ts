import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import type { Browser, Page } from "playwright-core";

import { freePort } from "../src/db/embedded";
import { launchBrowser, loadInventory, openPage, screenshot } from "./support/browser";
import { createTenant, PASSWORD, type TenantFixture } from "./support/fixtures";
import { startTestGateway, testConfig, type TestGateway } from "./support/gateway";

const root = path.join(__dirname, "..");
const run = promisify(execFile);

const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css" };
/** A blue PNG of 32 × 32 pixels: a real image, which the browser must decode to show. */
const PIXEL = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAIAAAD8GO2jAAAAKklEQVR42mNQaHhAU8QwasGoBaMWjFowasGoBaMWjFowasGoBaMWDBULAC2xAFummThAAAAAAElFTkSuQmCC",
  "base64",
);

/** The built app, from its own origin: a different port on loopback is another origin of the same site. */
async function serveStatic(dir: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const file = path.join(dir, path.normalize(new URL(req.url ?? "/", "http://x").pathname).replace(/^(\.\.[/\\])+/, ""));
    fs.readFile(file.endsWith(path.sep) ? path.join(file, "index.html") : file).then(
      (body) => res.writeHead(200, { "content-type": TYPES[path.extname(file) || ".html"] ?? "application/octet-stream" }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/**
 * examples/spa, built with Vite against a live gateway on another origin
 * (allowed through NEXUS_CORS_ORIGINS), driven in headless Chromium: sign
 * in, list and filter and page the tenant's assets, open one, report a
 * repair, attach a photo to it and see it, sign out; afterwards the old
 * access token is refused.
 */
describe("the example single-page app", () => {
  let gateway: TestGateway;
  let browser: Browser;
  let page: Page;
  let app: { server: Server; origin: string };
  let outDir: string;
  let mine: TenantFixture;
  let theirs: TenantFixture;

  beforeAll(async () => {
    outDir = await fs.mkdtemp(path.join(os.tmpdir(), "nexus-spa-"));
    app = await serveStatic(outDir);
    // Its own public URL, so the signed links of photos (File.url) point at it.
    const port = await freePort();
    [gateway, browser, mine, theirs] = await Promise.all([
      startTestGateway({ port, config: testConfig({ NEXUS_CORS_ORIGINS: app.origin, NEXUS_PUBLIC_URL: `http://127.0.0.1:${port}` }) }),
      launchBrowser(),
      createTenant("Hooli", 1),
      createTenant("Vandelay", 1),
    ]);
    await Promise.all([
      loadInventory(mine),
      loadInventory(theirs),
      run(
        path.join(root, "node_modules", ".bin", "vite"),
        ["build", "examples/spa", "--outDir", outDir, "--emptyOutDir", "--logLevel", "error"],
        {
          cwd: root,
          env: { ...process.env, VITE_NEXUS_GATEWAY_URL: gateway.url },
        },
      ),
    ]);
    page = await openPage(browser, { width: 1100, height: 800 });
  });
  afterAll(async () => {
    await browser?.close();
    app?.server.close();
    await gateway?.close();
    if (outDir) await fs.rm(outDir, { recursive: true, force: true });
  });

  test("type-checks against the generated SDK", async () => {
    await run(path.join(root, "node_modules", ".bin", "tsc"), ["-p", path.join(root, "examples", "spa", "tsconfig.json")]);
  });

  test("signs in, lists, filters, pages, opens an asset, reports a repair, attaches a photo and sees it, signs out; the old token is then refused", async () => {
    const serials = () => page.locator("#asset-rows tr td:nth-child(2)").allTextContents();

    await page.goto(app.origin);
    await page.fill("#email", mine.users[0]!.email);
    await page.fill("#password", PASSWORD);
    const login = page.waitForResponse((r) => r.url().endsWith("/auth/login"));
    await page.click("#sign-in button[type=submit]");
    const { accessToken } = await (await login).json();
    await page.locator("#page-info").getByText("Page 1 of 2 · 10 assets").waitFor();
    await page.locator("#who").getByText(`${mine.users[0]!.email} · ${mine.name}`).waitFor();
    expect((await serials()).filter(Boolean).every((s) => s.startsWith("HOO-"))).toBe(true);

    await page.click("#next");
    await page.locator("#page-info").getByText("Page 2 of 2").waitFor();
    await page.click("#previous");
    await page.locator("#page-info").getByText("Page 1 of 2").waitFor();

    await page.selectOption("#type-filter", { label: "Laptop" });
    await page.click("#filters button[type=submit]");
    await page.locator("#page-info").getByText("Page 1 of 1 · 5 assets").waitFor();
    await page.selectOption("#type-filter", "");
    await page.fill("#serial-filter", "hoo-pj-2000"); // part of a serial number, any case
    await page.click("#filters button[type=submit]");
    await page.locator("#page-info").getByText("Page 1 of 1 · 1 asset").waitFor();

    // A reload keeps the session: the refresh cookie, sent cross-origin with the CSRF header.
    await page.reload();
    await page.locator("#page-info").getByText("10 assets").waitFor();

    await page.selectOption("#type-filter", { label: "Projector" });
    await page.click("#filters button[type=submit]");
    await page.locator("#asset-rows tr", { hasText: "HOO-PJ-2000" }).click();
    await page.locator("#asset-name").getByText("Projector 1").waitFor();
    await page.locator("#asset-facts").getByText("Epson").waitFor();
    await page.locator("#assignments").getByText("Room 101").waitFor();
    await page.locator("#repairs").getByText("Lamp flickers — open, high").waitFor();

    await page.fill("#repair-title", "Fan is loud");
    await page.selectOption("#repair-priority", "CRITICAL");
    await page.click("#repair-form button[type=submit]");
    await page.locator("#repairs").getByText("Fan is loud — open, critical").waitFor();

    // A photo attached to the new repair: uploaded with the SDK, then shown through its signed url (no bearer token in <img>).
    const repair = page.locator("#repairs li", { hasText: "Fan is loud" });
    const uploaded = page.waitForResponse((r) => r.url() === `${gateway.url}/files` && r.request().method() === "POST");
    await repair.locator("input[type=file]").setInputFiles({ name: "fan.png", mimeType: "image/png", buffer: PIXEL });
    expect((await uploaded).status()).toBe(201);
    const photo = repair.locator("img.attachment");
    await photo.waitFor();
    expect(await photo.getAttribute("alt")).toBe("fan.png");
    expect(await photo.getAttribute("src")).toMatch(new RegExp(`^${gateway.url}/files/[0-9a-f-]{36}/content\\?link=`));
    const shown = await photo.elementHandle();
    // The page's own view of the image: loaded and decoded (playwright passes the element in).
    await page.waitForFunction((img) => {
      const element = img as unknown as { complete: boolean; naturalWidth: number };
      return element.complete && element.naturalWidth === 32;
    }, shown);
    await screenshot(page, "spa.png");

    const repairs = await gateway.graphql(
      `{ assetRepairs { nodes { title tenantId asset { serialNumber } attachmentsList { name contentType sizeInBytes } } } }`,
      { token: accessToken },
    );
    expect(repairs.body.data.assetRepairs.nodes).toContainEqual({
      title: "Fan is loud",
      tenantId: mine.tenantId,
      asset: { serialNumber: "HOO-PJ-2000" },
      attachmentsList: [{ name: "fan.png", contentType: "image/png", sizeInBytes: PIXEL.length }],
    });

    const logout = page.waitForResponse((r) => r.url().endsWith("/auth/logout"));
    await page.click("#sign-out");
    expect((await logout).status()).toBe(200);
    await page.locator("#sign-in").waitFor();

    const refused = await gateway.graphql("{ assets { totalCount } }", { token: accessToken });
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe("TOKEN_REVOKED");
    await page.reload();
    await page.locator("#sign-in").waitFor();
  });
});
