import { createTenant, signIn, type TenantFixture } from "./support/fixtures";
import { startTestGateway, testConfig, type TestGateway } from "./support/gateway";

const APP = "http://app.nexus.test:5173";
const EVIL = "http://evil.example";

/**
 * Browsers on the origins of NEXUS_CORS_ORIGINS may call the gateway with
 * credentials; others may not. Whatever the refresh cookie authenticates
 * needs the X-Nexus-CSRF header and a trusted Origin.
 */
describe("CORS and CSRF", () => {
  let gateway: TestGateway;
  let tenant: TenantFixture;

  beforeAll(async () => {
    [gateway, tenant] = await Promise.all([startTestGateway({ config: testConfig({ NEXUS_CORS_ORIGINS: APP }) }), createTenant("Cors", 1)]);
  });
  afterAll(async () => gateway.close());

  const preflight = (origin: string, path = "/graphql") =>
    fetch(`${gateway.url}${path}`, {
      method: "OPTIONS",
      headers: {
        origin,
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization, content-type, x-nexus-csrf",
      },
    });
  const cookieOf = async () => (await signIn(gateway, tenant.users[0]!.email)).cookie!.split(";")[0]!;

  test("a preflight from an allowed origin is answered for credentials, echoing the origin (never *)", async () => {
    for (const path of ["/graphql", "/auth/refresh"]) {
      const response = await preflight(APP, path);
      expect(response.status).toBe(204);
      expect(response.headers.get("access-control-allow-origin")).toBe(APP);
      expect(response.headers.get("access-control-allow-credentials")).toBe("true");
      expect(response.headers.get("access-control-allow-headers")).toMatch(/x-nexus-csrf/);
      expect(response.headers.get("access-control-allow-headers")).toMatch(/authorization/);
      expect(response.headers.get("vary")).toMatch(/Origin/);
    }
  });

  test("a preflight from any other origin is refused with a clear error and no CORS headers", async () => {
    const response = await preflight(EVIL);
    expect(response.status).toBe(403);
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
    expect(((await response.json()) as { error: unknown }).error).toEqual({
      code: "ORIGIN_NOT_ALLOWED",
      message: expect.stringMatching(/NEXUS_CORS_ORIGINS/),
    });
  });

  test("an actual request carries the CORS headers for an allowed origin only", async () => {
    const allowed = await gateway.graphql("{ __typename }", { headers: { origin: APP } });
    expect(allowed.headers.get("access-control-allow-origin")).toBe(APP);
    const other = await gateway.graphql("{ __typename }", { headers: { origin: EVIL } });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });

  test("a cookie refresh without the X-Nexus-CSRF header is refused with a clear error", async () => {
    const { status, body } = await gateway.post("/auth/refresh", {}, { headers: { cookie: await cookieOf(), origin: APP } });
    expect(status).toBe(403);
    expect(body.error.code).toBe("CSRF_HEADER_MISSING");
    expect(body.error.message).toMatch(/X-Nexus-CSRF/);
  });

  test("a cookie refresh from an allowed origin with the header works", async () => {
    const { status, body } = await gateway.post(
      "/auth/refresh",
      {},
      { headers: { cookie: await cookieOf(), origin: APP, "x-nexus-csrf": "1" } },
    );
    expect(status).toBe(200);
    expect(body.accessToken).toEqual(expect.any(String));
  });

  test("a cookie refresh from the gateway's own origin (the request's, or NEXUS_PUBLIC_URL's behind a proxy) works", async () => {
    for (const origin of [gateway.url, gateway.config.publicUrl]) {
      const { status } = await gateway.post("/auth/refresh", {}, { headers: { cookie: await cookieOf(), origin, "x-nexus-csrf": "1" } });
      expect(status).toBe(200);
    }
  });

  test("a cookie refresh from an untrusted origin is refused even with the header", async () => {
    const { status, body } = await gateway.post(
      "/auth/refresh",
      {},
      { headers: { cookie: await cookieOf(), origin: EVIL, "x-nexus-csrf": "1" } },
    );
    expect(status).toBe(403);
    expect(body.error.code).toBe("ORIGIN_NOT_ALLOWED");
  });

  test("logout with the cookie needs the header too; a token in the body needs none", async () => {
    const signedIn = await signIn(gateway, tenant.users[0]!.email);
    const cookie = signedIn.cookie!.split(";")[0]!;
    const refused = await gateway.post("/auth/logout", {}, { token: signedIn.accessToken, headers: { cookie } });
    expect(refused.body.error.code).toBe("CSRF_HEADER_MISSING");
    const loggedOut = await gateway.post("/auth/logout", {}, { token: signedIn.accessToken, headers: { cookie, "x-nexus-csrf": "1" } });
    expect(loggedOut.status).toBe(200);
    expect(loggedOut.headers.get("set-cookie")).toMatch(/nexus_refresh=;/);
    const viaBody = await signIn(gateway, tenant.users[0]!.email);
    expect((await gateway.post("/auth/refresh", { refreshToken: viaBody.refreshToken })).status).toBe(200);
  });
});
