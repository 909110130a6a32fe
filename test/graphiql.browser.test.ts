import type { Browser, Page } from "playwright-core";

import { launchBrowser, loadInventory, openPage, screenshot } from "./support/browser";
import { createTenant, PASSWORD, type TenantFixture } from "./support/fixtures";
import { type GatewayProcess, startGatewayProcess } from "./support/gateway-process";

/**
 * An analyst in GraphiQL, in a real (headless) Chromium: signs in on the
 * page, opens a saved example, runs it and sees only the tenant's rows; the
 * token is added and renewed by the page, never pasted. The gateway runs in
 * a process of its own: grafserv imports Ruru dynamically.
 */
describe("GraphiQL in the browser", () => {
  let gateway: GatewayProcess;
  let browser: Browser;
  let page: Page;
  let mine: TenantFixture;
  let theirs: TenantFixture;

  beforeAll(async () => {
    [gateway, browser, mine, theirs] = await Promise.all([
      startGatewayProcess(),
      launchBrowser(),
      createTenant("Initech", 1),
      createTenant("Umbrella", 1),
    ]);
    await Promise.all([loadInventory(mine), loadInventory(theirs)]);
  });
  // Every test on a page of its own (its own cookies), signed in on the page as the analyst does, so each
  // stands alone in any order.
  beforeEach(async () => {
    page = await openPage(browser, { width: 1400, height: 900 });
    await page.goto(`${gateway.url}/graphiql`);
    await page.fill("#nexus-email", mine.users[0]!.email);
    await page.fill("#nexus-password", PASSWORD);
    await page.click("#nexus-sign-in button[type=submit]");
    await page.locator("#nexus-who").getByText(`Signed in as ${mine.users[0]!.email} (${mine.name})`).waitFor();
  });
  afterEach(async () => page?.close());
  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
  });

  const runAssetsExample = async () => {
    await page.selectOption("#nexus-examples", { label: "Assets with model, maker and type" });
    await page.locator(".graphiql-query-editor").getByText("query Assets").waitFor();
    const answer = page.waitForResponse((r) => r.url().endsWith("/graphql") && (r.request().postData() ?? "").includes("query Assets"));
    await page.locator(".graphiql-execute-button").click();
    return answer;
  };

  test("signs in on the page, runs an example and sees only its tenant's assets", async () => {
    const response = await runAssetsExample();
    expect(response.request().headers().authorization).toMatch(/^Bearer /);
    const { data } = await response.json();
    expect(data.assets.totalCount).toBe(10);
    const serials = data.assets.nodes.map((a: { serialNumber: string | null }) => a.serialNumber).filter(Boolean);
    expect(serials.length).toBeGreaterThan(0);
    expect(serials.every((s: string) => s.startsWith("INI-"))).toBe(true);
    await screenshot(page, "graphiql.png");
    // The response editor shows the same answer (Monaco renders spaces as U+00A0).
    await page.waitForFunction(
      `/"totalCount":\\s*10/.test(document.querySelector(".graphiql-response").textContent.replace(/\\u00a0/g, " "))`,
    );
  });

  test("a 401 makes the page refresh the token from its cookie and send the request again", async () => {
    let refused = false;
    await page.route("**/graphql", async (route) => {
      if (refused) return route.continue();
      refused = true;
      await route.fulfill({
        status: 401,
        contentType: "application/json",
        body: JSON.stringify({ error: { code: "TOKEN_EXPIRED", message: "expired" } }),
      });
    });
    const refreshed = page.waitForResponse((r) => r.url().endsWith("/auth/refresh"));
    const response = await runAssetsExample();
    expect((await refreshed).status()).toBe(200);
    expect(response.status()).toBe(200);
    expect((await response.json()).data.assets.totalCount).toBe(10);
    await page.unroute("**/graphql");
  });

  test("a reload keeps the session (refresh cookie), signing out ends it", async () => {
    await page.reload();
    await page.locator("#nexus-who").getByText(`Signed in as ${mine.users[0]!.email}`).waitFor();
    const loggedOut = page.waitForResponse((r) => r.url().endsWith("/auth/logout"));
    await page.click("#nexus-sign-out");
    expect((await loggedOut).status()).toBe(200);
    await page.locator("#nexus-sign-in").waitFor();
    await page.reload();
    await page.locator("#nexus-sign-in").waitFor();
    expect(await page.locator("#nexus-who").isHidden()).toBe(true);
  });
});
