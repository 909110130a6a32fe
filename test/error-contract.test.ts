import { randomUUID } from "node:crypto";

import { createTenant, signIn, type TenantFixture } from "./support/fixtures";
import { startTestGateway, type TestGateway } from "./support/gateway";

/**
 * The errors a client builds on: every GraphQL error has a code, a refused
 * write names its constraint and the GraphQL fields involved with a message
 * a form can show, bad scalar input names the field and the format, and a
 * write that changes nothing says so.
 */
describe("structured errors", () => {
  let gateway: TestGateway;
  let tenant: TenantFixture;
  let admin: string;
  let projectId: string;

  const createProject = (key: string, name = "Operations") =>
    gateway.body(admin, "mutation($p: ProjectInput!) { createProject(input: { project: $p }) { project { rowId } } }", {
      p: { key, name },
    });

  beforeAll(async () => {
    gateway = await startTestGateway();
    tenant = await createTenant("Errors");
    admin = (await signIn(gateway, tenant.admin.email)).accessToken;
    const created = await createProject("OPS");
    expect(created.errors).toBeUndefined();
    projectId = created.data.createProject.project.rowId;
  });
  afterAll(async () => gateway.close());

  test("parse, validation, variable and limit errors all carry a code", async () => {
    const parse = await gateway.body(admin, "{ projects { ");
    expect(parse.errors[0].extensions.code).toBe("GRAPHQL_PARSE_FAILED");
    const validation = await gateway.body(admin, "{ projects { noSuchField } }");
    expect(validation.errors[0].extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
    const variable = await gateway.body(admin, "query($n: Int!) { projects(first: $n) { totalCount } }", { n: "ten" });
    expect(variable.errors[0].extensions.code).toBe("INVALID_INPUT");
    const deep = await gateway.body(
      admin,
      `{ projects { nodes { ${"issues { nodes { project { ".repeat(8)} rowId ${"} } }".repeat(8)} } } }`,
    );
    expect(deep.errors[0].extensions.code).toBe("QUERY_TOO_DEEP");
  });

  test("a CHECK refusal names its constraint and fields, with the constraint's comment as the message", async () => {
    const { errors } = await createProject("lowercase");
    expect(errors[0].extensions).toEqual({ code: "INVALID_INPUT", constraint: "projects_key_format", fields: ["key"] });
    expect(errors[0].message).toBe("Key must be 2 to 10 capital letters or digits, starting with a letter, e.g. OPS.");
  });

  test("a unique and a foreign-key refusal name the fields, never the other row", async () => {
    const duplicate = await createProject("OPS", "Second");
    expect(duplicate.errors[0].extensions).toMatchObject({ code: "CONFLICT", fields: ["key"] });
    expect(duplicate.errors[0].message).toBe("A project key is unique within the tenant.");
    const dangling = await gateway.body(admin, "mutation($i: IssueInput!) { createIssue(input: { issue: $i }) { issue { rowId } } }", {
      i: { projectId: randomUUID(), title: "Printer on fire" },
    });
    expect(dangling.errors[0].extensions).toMatchObject({ code: "INVALID_REFERENCE", fields: ["projectId"] });
  });

  test("a bad date names the field and the expected format", async () => {
    const { errors } = await gateway.body(admin, "mutation($i: IssueInput!) { createIssue(input: { issue: $i }) { issue { rowId } } }", {
      i: { projectId, title: "Printer on fire", dueDate: "2025-02-30" },
    });
    expect(errors[0].extensions.code).toBe("INVALID_INPUT");
    expect(errors[0].message).toContain("dueDate");
    expect(errors[0].message).toContain("YYYY-MM-DD");
  });

  test("an update or delete of a row that does not exist fails with NOT_FOUND", async () => {
    const update = await gateway.body(
      admin,
      'mutation($id: UUID!) { updateProject(input: { rowId: $id, patch: { name: "X" } }) { project { rowId } } }',
      { id: randomUUID() },
    );
    expect(update.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual(["NOT_FOUND"]);
    expect(update.data.updateProject).toBeNull();
    const remove = await gateway.body(admin, "mutation($id: UUID!) { deleteProject(input: { rowId: $id }) { deletedProjectId } }", {
      id: randomUUID(),
    });
    expect(remove.errors[0].extensions.code).toBe("NOT_FOUND");
    const renamed = await gateway.data(
      admin,
      'mutation($id: UUID!) { updateProject(input: { rowId: $id, patch: { name: "Ops" } }) { project { name } } }',
      { id: projectId },
    );
    expect(renamed.updateProject.project.name).toBe("Ops");
  });

  test("an anonymous write is told to sign in", async () => {
    const { body } = await gateway.graphql(
      'mutation { createProject(input: { project: { key: "ANON", name: "Anon" } }) { project { rowId } } }',
    );
    expect(body.errors[0].extensions.code).toBe("UNAUTHENTICATED");
  });

  test("a bearer token that is not a JWT is told so", async () => {
    const { status, body } = await gateway.graphql("{ __typename }", { headers: { authorization: "Bearer not-a-jwt" } });
    expect(status).toBe(401);
    expect(body.error.code).toBe("INVALID_TOKEN");
    expect(body.error.message).toMatch(/not a JWT/);
  });

  test("POST /auth/logout without a body ends the current session; other routes take an empty body", async () => {
    const session = await signIn(gateway, tenant.admin.email);
    const empty = await fetch(`${gateway.url}/auth/revoke`, {
      method: "POST",
      headers: { authorization: `Bearer ${session.accessToken}` },
    });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { error: { code: string } }).error.code).toBe("INVALID_REQUEST");
    const logout = await fetch(`${gateway.url}/auth/logout`, {
      method: "POST",
      headers: { authorization: `Bearer ${session.accessToken}` },
    });
    expect(logout.status).toBe(200);
    expect((await gateway.graphql("{ __typename }", { token: session.accessToken })).status).toBe(401);
    const text = await fetch(`${gateway.url}/auth/logout`, {
      method: "POST",
      headers: { authorization: `Bearer ${admin}`, "content-type": "text/plain" },
      body: "hi",
    });
    expect(text.status).toBe(415);
  });
});
