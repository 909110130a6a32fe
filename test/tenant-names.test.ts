import { runNexus } from "./support/cli";
import { createTenant, signIn } from "./support/fixtures";
import { startTestGateway, type TestGateway } from "./support/gateway";

/**
 * A tenant's name is a display name its admins choose. Nothing a tenant
 * writes may tell it whether another tenant exists: renaming to another
 * tenant's name answers exactly like renaming to a fresh one.
 */
describe("tenant names", () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway();
  }, 180_000);
  afterAll(async () => gateway.close());

  test("renaming to another tenant's name reveals nothing, and the CLI refuses a name two tenants share", async () => {
    const [mine, theirs] = await Promise.all([createTenant("Renamer", 0), createTenant("Existing", 0)]);
    const { accessToken } = await signIn(gateway, mine.admin.email);
    const rename = async (name: string) =>
      (
        await gateway.graphql(
          "mutation($id: UUID!, $name: String!) { updateTenant(input: { rowId: $id, patch: { name: $name } }) { tenant { name } } }",
          {
            token: accessToken,
            variables: { id: mine.tenantId, name },
          },
        )
      ).body;
    const fresh = await rename(`Fresh ${mine.name}`);
    const taken = await rename(theirs.name);
    expect(fresh.errors).toBeUndefined();
    expect(taken.errors).toBeUndefined();
    expect(taken.data.updateTenant.tenant.name).toBe(theirs.name);
    // Operators name tenants unambiguously, or are told to use the id.
    const shared = await runNexus(
      ["user", "create", "--tenant", theirs.name, "--email", `someone@${Date.now()}.test`, "--password-stdin"],
      "a long enough password\n",
    );
    expect(shared.code).not.toBe(0);
    expect(shared.stderr).toMatch(/2 tenants are named ".*"; give one by its id/);
    const byId = await runNexus(
      ["user", "create", "--tenant", theirs.tenantId, "--email", `someone@${Date.now()}.test`, "--password-stdin"],
      "a long enough password\n",
    );
    expect(byId.code).toBe(0);
    const again = await runNexus(
      ["tenant", "create", "--name", theirs.name, "--admin-email", `boss@${Date.now()}.test`, "--password-stdin"],
      "a long enough password\n",
    );
    expect(again.stderr).toMatch(/already exists/);
  });
});
