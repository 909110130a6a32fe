import { startTestGateway, testConfig, type TestGateway } from "./support/gateway";

// That development serves GraphiQL is proven by the process test: Ruru loads
// itself with a dynamic import, which jest's module sandbox does not allow.

describe("production mode", () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway({ config: testConfig({ NODE_ENV: "production", JWT_SECRET: "p".repeat(48) }) });
  });
  afterAll(async () => gateway.close());

  test("introspection is refused", async () => {
    const { body } = await gateway.graphql("{ __schema { types { name } } }");
    expect(body.data).toBeUndefined();
    expect(body.errors[0].message).toMatch(/introspection/i);
  });

  test("GraphiQL is not served", async () => {
    const response = await fetch(`${gateway.url}/graphiql`, { headers: { accept: "text/html" } });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: "NOT_FOUND", message: expect.any(String) } });
    // Nor is its script.
    expect((await fetch(`${gateway.url}/graphiql-scripts/graphiql.js`)).status).toBe(404);
  });
});
