import { createHmac, generateKeyPairSync, randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import jwt from "jsonwebtoken";

import { createTenant, signIn, type TenantFixture } from "./support/fixtures";
import { startTestGateway, testConfig, type TestGateway } from "./support/gateway";

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
const now = () => Math.floor(Date.now() / 1000);

/** A token made by hand: header and payload exactly as given, signed by `sign` (or unsigned). */
function handmade(header: object, payload: object, sign?: (input: string) => string): string {
  const input = `${base64url(header)}.${base64url(payload)}`;
  return `${input}.${sign ? sign(input) : ""}`;
}

describe("access token verification", () => {
  let gateway: TestGateway;
  let tenant: TenantFixture;
  let claims: Record<string, unknown>;

  beforeAll(async () => {
    gateway = await startTestGateway();
    tenant = await createTenant("Tokens", 1);
    claims = {
      sub: tenant.users[0]!.userId,
      tenant_id: tenant.tenantId,
      sid: randomUUID(),
      iss: gateway.config.jwt.issuer,
      aud: gateway.config.jwt.audience,
    };
  });
  afterAll(async () => gateway.close());

  /** Signed with the gateway's own key and kid, with `overrides` merged into the claims. */
  const forge = (overrides: Record<string, unknown>, options: jwt.SignOptions = {}) =>
    jwt.sign({ iat: now(), exp: now() + 300, jti: randomUUID(), ...claims, ...overrides }, gateway.config.jwt.key.signingKey, {
      algorithm: "HS256",
      keyid: gateway.config.jwt.key.kid,
      ...options,
    });

  const expect401 = async (token: string, code = "INVALID_TOKEN") => {
    const { status, body, headers } = await gateway.graphql("{ tenants { nodes { rowId } } }", { token });
    expect(status).toBe(401);
    expect(body).toEqual({ error: { code, message: expect.any(String) } });
    expect(headers.get("www-authenticate")).toMatch(/^Bearer/);
  };

  test("a token from sign-in is accepted and scoped to its tenant", async () => {
    const { accessToken } = await signIn(gateway, tenant.users[0]!.email);
    const { status, body } = await gateway.graphql("{ tenants { nodes { rowId } } }", { token: accessToken });
    expect(status).toBe(200);
    expect(body.data.tenants.nodes).toEqual([{ rowId: tenant.tenantId }]);
  });

  test("a hand-made token with the right key is accepted (the control for the cases below)", async () => {
    const { status } = await gateway.graphql("{ tenants { nodes { rowId } } }", { token: forge({}) });
    expect(status).toBe(200);
  });

  test("alg none gets 401", async () => {
    await expect401(
      handmade({ alg: "none", typ: "JWT", kid: gateway.config.jwt.key.kid }, { ...claims, jti: randomUUID(), iat: now(), exp: now() + 60 }),
    );
  });

  test("a bad signature gets 401", async () => {
    const [header, payload] = forge({}).split(".");
    await expect401(`${header}.${payload}.${Buffer.from("not the signature").toString("base64url")}`);
  });

  test("a tampered payload gets 401", async () => {
    const [header, , signature] = forge({}).split(".");
    await expect401(
      `${header}.${base64url({ ...claims, tenant_id: randomUUID(), jti: randomUUID(), iat: now(), exp: now() + 60 })}.${signature}`,
    );
  });

  test("a token signed with another secret gets 401", async () => {
    await expect401(
      jwt.sign({ ...claims, jti: randomUUID() }, "another-secret-that-is-also-32-bytes-long!", {
        algorithm: "HS256",
        keyid: gateway.config.jwt.key.kid,
        expiresIn: 60,
      }),
    );
  });

  test("an unknown kid gets 401", async () => {
    await expect401(forge({}, { keyid: "someone-elses-key" }));
    await expect401(jwt.sign({ ...claims, jti: randomUUID() }, gateway.config.jwt.key.signingKey, { algorithm: "HS256", expiresIn: 60 }));
  });

  test("HS512 with the same secret gets 401 (one algorithm per key)", async () => {
    const secret = gateway.config.jwt.key.signingKey.export();
    const token = handmade(
      { alg: "HS512", typ: "JWT", kid: gateway.config.jwt.key.kid },
      { ...claims, jti: randomUUID(), iat: now(), exp: now() + 60 },
      (input) => createHmac("sha512", secret).update(input).digest("base64url"),
    );
    await expect401(token);
  });

  test("an expired token gets 401 token_expired", async () => {
    await expect401(forge({ iat: now() - 3600, exp: now() - 120 }), "TOKEN_EXPIRED");
  });

  test("expiry is tolerated within 30 s of clock skew, not beyond", async () => {
    const { status } = await gateway.graphql("{ __typename }", { token: forge({ iat: now() - 600, exp: now() - 10 }) });
    expect(status).toBe(200);
    await expect401(forge({ iat: now() - 600, exp: now() - 45 }), "TOKEN_EXPIRED");
  });

  test("nbf in the future gets 401", async () => {
    await expect401(forge({ nbf: now() + 120 }));
  });

  test("a wrong or missing aud gets 401", async () => {
    await expect401(forge({ aud: "someone-else" }));
    const { aud: _aud, ...withoutAud } = claims;
    await expect401(
      jwt.sign({ ...withoutAud, jti: randomUUID() }, gateway.config.jwt.key.signingKey, {
        algorithm: "HS256",
        keyid: gateway.config.jwt.key.kid,
        expiresIn: 60,
      }),
    );
  });

  test("a wrong or missing iss gets 401", async () => {
    await expect401(forge({ iss: "someone-else" }));
    const { iss: _iss, ...withoutIss } = claims;
    await expect401(
      jwt.sign({ ...withoutIss, jti: randomUUID() }, gateway.config.jwt.key.signingKey, {
        algorithm: "HS256",
        keyid: gateway.config.jwt.key.kid,
        expiresIn: 60,
      }),
    );
  });

  test("a token without sid or with a malformed tenant_id gets 401", async () => {
    await expect401(forge({ sid: undefined }));
    await expect401(forge({ tenant_id: "not-a-uuid" }));
  });

  test("a revoked jti gets 401 token_revoked on its very next request", async () => {
    const { accessToken } = await signIn(gateway, tenant.users[0]!.email);
    const { jti } = jwt.decode(accessToken) as { jti: string };
    expect((await gateway.post("/auth/revoke", { jti }, { token: accessToken })).status).toBe(200);
    await expect401(accessToken, "TOKEN_REVOKED");
  });

  test("a token of a revoked session gets 401 token_revoked", async () => {
    const first = await signIn(gateway, tenant.users[0]!.email);
    const second = await signIn(gateway, tenant.users[0]!.email);
    const { sid } = jwt.decode(first.accessToken) as { sid: string };
    expect((await gateway.post("/auth/revoke", { sessionId: sid }, { token: second.accessToken })).status).toBe(200);
    await expect401(first.accessToken, "TOKEN_REVOKED");
    expect((await gateway.graphql("{ __typename }", { token: second.accessToken })).status).toBe(200);
  });

  test("a malformed Authorization header gets 401", async () => {
    const { status, body } = await gateway.graphql("{ __typename }", { headers: { authorization: "Basic abc" } });
    expect(status).toBe(401);
    expect(body.error.code).toBe("INVALID_TOKEN");
  });

  test("the JWKS of an HS256 gateway publishes nothing", async () => {
    const { status, body } = await gateway.get("/.well-known/jwks.json");
    expect(status).toBe(200);
    expect(body).toEqual({ keys: [] });
  });
});

describe("RS256 signing keys", () => {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const privatePem = privateKey.export({ format: "pem", type: "pkcs8" }).toString();
  const publicPem = publicKey.export({ format: "pem", type: "spki" }).toString();
  let gateway: TestGateway;
  let tenant: TenantFixture;

  beforeAll(async () => {
    gateway = await startTestGateway({ config: testConfig({ JWT_ALGORITHM: "RS256", JWT_PRIVATE_KEY: privatePem }) });
    tenant = await createTenant("Rsa", 1);
  });
  afterAll(async () => gateway.close());

  test("sign-in issues RS256 tokens that the gateway accepts, and JWKS publishes the public key", async () => {
    const { accessToken } = await signIn(gateway, tenant.users[0]!.email);
    expect(jwt.decode(accessToken, { complete: true })!.header).toMatchObject({ alg: "RS256", kid: gateway.config.jwt.key.kid });
    expect((await gateway.graphql("{ __typename }", { token: accessToken })).status).toBe(200);
    const { body } = await gateway.get("/.well-known/jwks.json");
    expect(body.keys).toEqual([expect.objectContaining({ kty: "RSA", kid: gateway.config.jwt.key.kid, alg: "RS256", use: "sig" })]);
    expect(JSON.stringify(body)).not.toMatch(/"d":/);
  });

  test("an HS256 token signed with the public key as secret gets 401 (algorithm confusion)", async () => {
    const { accessToken } = await signIn(gateway, tenant.users[0]!.email);
    const payload = jwt.decode(accessToken) as Record<string, unknown>;
    const token = handmade({ alg: "HS256", typ: "JWT", kid: gateway.config.jwt.key.kid }, { ...payload, jti: randomUUID() }, (input) =>
      createHmac("sha256", publicPem).update(input).digest("base64url"),
    );
    const { status, body } = await gateway.graphql("{ __typename }", { token });
    expect(status).toBe(401);
    expect(body.error.code).toBe("INVALID_TOKEN");
  });
});

describe("tokens of an external identity provider", () => {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  let jwks: Server;
  let gateway: TestGateway;
  let tenant: TenantFixture;
  const issuer = "https://id.example.test/auth/v1";

  beforeAll(async () => {
    jwks = createServer((_req, res) => {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ keys: [{ ...publicKey.export({ format: "jwk" }), kid: "idp-1", alg: "RS256", use: "sig" }] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, "127.0.0.1", resolve));
    gateway = await startTestGateway({
      config: testConfig({
        JWT_EXTERNAL_ISSUER: issuer,
        JWT_EXTERNAL_JWKS_URL: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks.json`,
        JWT_EXTERNAL_AUDIENCE: "authenticated",
      }),
    });
    tenant = await createTenant("External", 1);
  });
  afterAll(async () => {
    await gateway.close();
    jwks.close();
  });

  const external = (overrides: Record<string, unknown> = {}, kid = "idp-1") =>
    jwt.sign({ sub: tenant.users[0]!.userId, app_metadata: { organization_id: tenant.tenantId }, ...overrides }, privateKey, {
      algorithm: "RS256",
      keyid: kid,
      issuer,
      audience: "authenticated",
      expiresIn: 300,
    });

  test("are verified through the JWKS, with the tenant read from app_metadata.organization_id", async () => {
    const { status, body } = await gateway.graphql("{ tenants { nodes { rowId } } }", { token: external() });
    expect(status).toBe(200);
    expect(body.data.tenants.nodes).toEqual([{ rowId: tenant.tenantId }]);
  });

  test("without the tenant claim, with an unknown kid or the wrong audience they get 401", async () => {
    for (const token of [
      external({ app_metadata: {} }),
      external({}, "idp-unknown"),
      jwt.sign({ app_metadata: { organization_id: tenant.tenantId } }, privateKey, {
        algorithm: "RS256",
        keyid: "idp-1",
        issuer,
        audience: "other",
        expiresIn: 60,
      }),
    ]) {
      expect((await gateway.graphql("{ __typename }", { token })).status).toBe(401);
    }
  });
});
