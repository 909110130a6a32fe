import { createTenant, signIn, type TenantFixture, withAdmin } from "./support/fixtures";
import { startTestGateway, type TestGateway } from "./support/gateway";

describe("ITSM: projects, issues, configuration items", () => {
  let gateway: TestGateway;
  let tenant: TenantFixture;
  let other: TenantFixture;
  let userToken: string;
  let otherToken: string;
  let projectId: string;

  const gql = (token: string, query: string, variables?: Record<string, unknown>) => gateway.body(token, query, variables);
  const ok = (token: string, query: string, variables?: Record<string, unknown>) => gateway.data(token, query, variables);
  const createProject = (token: string, key: string, name = "Operations") =>
    gql(
      token,
      "mutation($k: String!, $n: String!) { createProject(input: { project: { key: $k, name: $n } }) { project { rowId key } } }",
      { k: key, n: name },
    );
  const createIssue = (fields: Record<string, unknown>) =>
    gql(
      userToken,
      "mutation($i: IssueInput!) { createIssue(input: { issue: $i }) { issue { rowId status priority reporter { rowId } assignee { rowId } project { key } } } }",
      {
        i: { projectId, ...fields },
      },
    );
  const createItem = async (token: string, name: string, itemType: string) =>
    (
      await ok(
        token,
        "mutation($n: String!, $t: ConfigurationItemType!) { createConfigurationItem(input: { configurationItem: { name: $n, itemType: $t } }) { configurationItem { rowId status } } }",
        { n: name, t: itemType },
      )
    ).createConfigurationItem.configurationItem.rowId as string;
  const relate = (source: string, target: string, type: string) =>
    gql(
      userToken,
      "mutation($s: UUID!, $t: UUID!, $r: ConfigurationItemRelationshipType!) { createConfigurationItemRelationship(input: { configurationItemRelationship: { sourceId: $s, targetId: $t, relationshipType: $r } }) { configurationItemRelationship { rowId } } }",
      {
        s: source,
        t: target,
        r: type,
      },
    );

  beforeAll(async () => {
    gateway = await startTestGateway();
    tenant = await createTenant("Itsm", 2);
    other = await createTenant("OtherItsm", 1);
    userToken = (await signIn(gateway, tenant.users[0]!.email)).accessToken;
    otherToken = (await signIn(gateway, other.users[0]!.email)).accessToken;
    const body = await createProject(userToken, "OPS");
    expect(body.errors).toBeUndefined();
    projectId = body.data.createProject.project.rowId;
  });
  afterAll(async () => gateway.close());

  test("a project key is uppercase letters and digits, unique within the tenant", async () => {
    for (const key of ["ops", "O", "1OPS", "OPS-1"]) {
      const body = await createProject(userToken, key);
      expect(body.errors[0].extensions.constraint).toBe("projects_key_format");
    }
    expect((await createProject(userToken, "OPS")).errors[0].extensions.code).toBe("CONFLICT");
    expect((await createProject(otherToken, "OPS")).errors).toBeUndefined();
    expect((await createProject(userToken, "HR2")).errors).toBeUndefined();
  });

  test("an issue defaults to open, normal, reported by the signed-in user", async () => {
    const body = await createIssue({ title: "Printer jams", assigneeId: tenant.users[1]!.userId, dueDate: "2026-12-01" });
    expect(body.errors).toBeUndefined();
    expect(body.data.createIssue.issue).toMatchObject({
      status: "OPEN",
      priority: "NORMAL",
      reporter: { rowId: tenant.users[0]!.userId },
      assignee: { rowId: tenant.users[1]!.userId },
      project: { key: "OPS" },
    });
    const mine = await ok(userToken, "query($id: UUID!) { user(rowId: $id) { reportedIssues { totalCount } } }", {
      id: tenant.users[0]!.userId,
    });
    expect(mine.user.reportedIssues.totalCount).toBeGreaterThan(0);
  });

  test("an issue needs a title and takes enum status and priority", async () => {
    const blank = await createIssue({ title: "   " });
    expect(blank.errors[0].extensions.constraint).toBe("issues_title_not_blank");
    const urgent = await createIssue({ title: "Outage", status: "IN_PROGRESS", priority: "CRITICAL" });
    expect(urgent.data.createIssue.issue).toMatchObject({ status: "IN_PROGRESS", priority: "CRITICAL" });
    const enumValues = async (name: string) =>
      (await gql(userToken, "query($n: String!) { __type(name: $n) { kind enumValues { name } } }", { n: name })).data.__type;
    expect(await enumValues("IssueStatus")).toEqual({
      kind: "ENUM",
      enumValues: ["OPEN", "IN_PROGRESS", "BLOCKED", "RESOLVED", "CLOSED"].map((name) => ({ name })),
    });
    expect((await enumValues("IssuePriority")).kind).toBe("ENUM");
    expect((await enumValues("ConfigurationItemType")).kind).toBe("ENUM");
    expect((await enumValues("ConfigurationItemStatus")).kind).toBe("ENUM");
    expect((await enumValues("ConfigurationItemRelationshipType")).enumValues.map((v: { name: string }) => v.name)).toEqual(
      expect.arrayContaining(["DEPENDS_ON", "RUNS_ON", "CONNECTS_TO", "CONTAINS", "BACKS_UP"]),
    );
  });

  test("an issue cannot be assigned to another tenant's user or filed under another tenant's project", async () => {
    const before = await withAdmin(
      async (c) => (await c.query("select count(*)::int as n from public.issues where tenant_id = $1", [tenant.tenantId])).rows[0].n,
    );
    const foreignUser = await createIssue({ title: "Sneaky", assigneeId: other.users[0]!.userId });
    expect(foreignUser.errors[0].extensions.code).toBe("INVALID_REFERENCE");
    // A project of the other tenant's own, so the test stands alone in any order.
    const theirProject = (await createProject(otherToken, "THEIRS", "Theirs")).data.createProject.project.rowId;
    const foreignProject = await createIssue({ title: "Sneaky", projectId: theirProject });
    expect(foreignProject.errors[0].extensions.code).toBe("INVALID_REFERENCE");
    const after = await withAdmin(
      async (c) => (await c.query("select count(*)::int as n from public.issues where tenant_id = $1", [tenant.tenantId])).rows[0].n,
    );
    expect(after).toBe(before);
  });

  test("configuration items relate to each other by type, never to themselves, once per type", async () => {
    const website = await createItem(userToken, "Website", "SERVICE");
    const server = await createItem(userToken, "web-01", "SERVER");
    expect((await relate(website, server, "RUNS_ON")).errors).toBeUndefined();
    expect((await relate(website, server, "DEPENDS_ON")).errors).toBeUndefined();
    expect((await relate(website, server, "RUNS_ON")).errors[0].extensions.code).toBe("CONFLICT");
    const self = await relate(server, server, "BACKS_UP");
    expect(self.errors[0].extensions.constraint).toBe("configuration_item_relationships_not_self");
    const graph = await ok(
      userToken,
      "query($id: UUID!) { configurationItem(rowId: $id) { name outgoingRelationships { nodes { relationshipType target { name incomingRelationships { totalCount } } } } } }",
      {
        id: website,
      },
    );
    expect(graph.configurationItem.outgoingRelationships.nodes).toHaveLength(2);
    expect(graph.configurationItem.outgoingRelationships.nodes[0].target).toEqual({
      name: "web-01",
      incomingRelationships: { totalCount: 2 },
    });
    const foreign = await createItem(otherToken, "their-db", "DATABASE");
    expect((await relate(website, foreign, "DEPENDS_ON")).errors[0].extensions.code).toBe("INVALID_REFERENCE");
  });
});
