import fs from "node:fs";
import path from "node:path";

import { buildSchema, Kind, type OperationDefinitionNode, parse, validate } from "postgraphile/graphql";

import { DEMO_PASSWORD } from "../src/demo";
import { EXAMPLE_OPERATIONS } from "../src/graphql/examples";
import { ensureDemoData } from "./support/demo";
import { startTestGateway, type TestGateway } from "./support/gateway";

/**
 * Every example a newcomer meets runs as written on the demo data, signed
 * in as the demo tenant's admin: GraphiQL's saved operations with their
 * variables, and every operation in the README's graphql blocks, in order.
 * A README operation's required UUID variables take the rowId the
 * operation before it returned (the README says so where it matters).
 */
const readmeOperations = (): Array<{ name: string; kind: string; document: string; needs: string[] }> => {
  const readme = fs.readFileSync(path.join(__dirname, "..", "README.md"), "utf8");
  return [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].flatMap(([, block]) =>
    parse(block!)
      .definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
      .map((op) => ({
        name: op.name?.value ?? "(an operation without a name)",
        kind: op.operation,
        document: block!,
        needs: (op.variableDefinitions ?? []).filter((v) => v.type.kind === Kind.NON_NULL_TYPE).map((v) => v.variable.name.value),
      })),
  );
};

const rowIdIn = (data: unknown): string | undefined => JSON.stringify(data).match(/"rowId":"([0-9a-f-]{36})"/)?.[1];

describe("examples that work", () => {
  let gateway: TestGateway;
  let token: string;

  beforeAll(async () => {
    await ensureDemoData();
    gateway = await startTestGateway();
    token = (await gateway.post("/auth/login", { email: "admin@acme.test", password: DEMO_PASSWORD })).body.accessToken;
  });
  afterAll(async () => gateway.close());

  test.each(EXAMPLE_OPERATIONS.map((e) => [`${e.module}: ${e.title}`, e] as const))(
    "GraphiQL's %s runs on the demo data",
    async (_name, example) => {
      const body = await gateway.body(token, example.query, example.variables ?? {});
      expect(body.errors).toBeUndefined();
      expect(Object.values(body.data).every((value) => value !== null)).toBe(true);
    },
  );

  test("GraphiQL's users and their roles shows the admin's role", async () => {
    const example = EXAMPLE_OPERATIONS.find((e) => e.title === "Users and their roles")!;
    const { users } = await gateway.data(token, example.query);
    const admin = users.nodes.find((u: { email: string }) => u.email === "admin@acme.test");
    expect(JSON.stringify(admin)).toContain('"name":"admin"');
  });

  test("every README operation runs as written, in order", async () => {
    const operations = readmeOperations();
    expect(operations.map((o) => o.name)).toEqual(expect.arrayContaining(["AddManufacturer", "Rename"]));
    let previous: unknown = null;
    // Subscriptions run over a WebSocket (test/realtime.test.ts): here they are checked against the schema.
    const schema = buildSchema(fs.readFileSync(path.join(__dirname, "..", "schema.graphql"), "utf8"));
    for (const operation of operations.filter((o) => o.kind === "subscription")) {
      expect({ operation: operation.name, errors: validate(schema, parse(operation.document)).map((e) => e.message) }).toEqual({
        operation: operation.name,
        errors: [],
      });
    }
    for (const operation of operations.filter((o) => o.kind !== "subscription")) {
      const variables = Object.fromEntries(operation.needs.map((name) => [name, rowIdIn(previous)]));
      const response = await fetch(`${gateway.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: operation.document, operationName: operation.name, variables }),
      });
      const body = (await response.json()) as { data?: unknown; errors?: unknown };
      expect({ operation: operation.name, errors: body.errors }).toEqual({ operation: operation.name, errors: undefined });
      previous = body.data;
    }
  });
});
