import { createHmac, randomUUID } from "node:crypto";
import jwt from "jsonwebtoken";
import { issueAccessToken } from "../src/auth/tokens";
import { createTenant, type TenantFixture } from "./support/fixtures";
import { startTestGateway, type TestGateway } from "./support/gateway";

const base64url = (value: object | string) =>
  Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");

describe("access token verification", () => {
  let gateway: TestGateway;
  let tenant: TenantFixture;
  let claims: Record<string, unknown>;

  beforeAll(async () => {
    gateway = await startTestGateway();
    tenant = await createTenant("Tokens", 1);
    claims = { sub: tenant.userIds[0], tenant_id: tenant.tenantId, iss: gateway.config.jwt.issuer, aud: gateway.config.jwt.audience };
  });
  afterAll(async () => gateway.close());

  const expect401 = async (token: string, code = "invalid_token") => {
    const { status, body } = await gateway.graphql("{ tenants { nodes { rowId } } }", { token });
    expect(status).toBe(401);
    expect(body).toEqual({ error: { code, message: expect.any(String) } });
  };

  test("a valid token is accepted", async () => {
    const token = issueAccessToken(gateway.config.jwt, { userId: tenant.userIds[0]!, tenantId: tenant.tenantId });
    const { status, body } = await gateway.graphql("{ tenants { nodes { rowId } } }", { token });
    expect(status).toBe(200);
    expect(body.data.tenants.nodes).toEqual([{ rowId: tenant.tenantId }]);
  });

  test("a token signed with another secret gets 401", async () => {
    await expect401(jwt.sign(claims, "another-secret-that-is-also-32-bytes-long!", { algorithm: "HS256", expiresIn: 60 }));
  });

  test("an expired token gets 401 token_expired", async () => {
    const past = Math.floor(Date.now() / 1000) - 3600;
    const token = jwt.sign({ ...claims, iat: past - 60, exp: past }, gateway.config.jwt.key, { algorithm: "HS256" });
    await expect401(token, "token_expired");
  });

  test("an unsigned (alg none) token gets 401", async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = `${base64url({ alg: "none", typ: "JWT" })}.${base64url({ ...claims, iat: now, exp: now + 60 })}.`;
    await expect401(token);
  });

  test("a token with a tampered payload gets 401", async () => {
    const token = issueAccessToken(gateway.config.jwt, { userId: tenant.userIds[0]!, tenantId: tenant.tenantId });
    const [header, , signature] = token.split(".");
    const forged = `${header}.${base64url({ ...claims, tenant_id: randomUUID(), iat: 1, exp: 9999999999 })}.${signature}`;
    await expect401(forged);
  });

  test("a token for another audience or issuer gets 401", async () => {
    await expect401(jwt.sign({ ...claims, aud: "someone-else" }, gateway.config.jwt.key, { algorithm: "HS256", expiresIn: 60 }));
    await expect401(jwt.sign({ ...claims, iss: "someone-else" }, gateway.config.jwt.key, { algorithm: "HS256", expiresIn: 60 }));
  });

  test("an HS512 token made with the same secret gets 401 (one algorithm per key)", async () => {
    const now = Math.floor(Date.now() / 1000);
    const header = base64url({ alg: "HS512", typ: "JWT" });
    const payload = base64url({ ...claims, iat: now, exp: now + 60 });
    const secret = gateway.config.jwt.key.export();
    const signature = createHmac("sha512", secret).update(`${header}.${payload}`).digest("base64url");
    await expect401(`${header}.${payload}.${signature}`);
  });

  test("a malformed Authorization header gets 401", async () => {
    const { status, body } = await gateway.graphql("{ __typename }", { headers: { authorization: "Basic abc" } });
    expect(status).toBe(401);
    expect(body.error.code).toBe("invalid_token");
  });
});
