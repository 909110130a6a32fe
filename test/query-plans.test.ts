import { BENCH_PASSWORD, benchAdminEmail, type BenchTenant, loadBenchData } from "../bench/data";
import { GRAPHQL, READ_SCENARIOS, type ReadScenario } from "../bench/scenarios";
import { type SignedIn, signIn, withAdmin } from "./support/fixtures";
import { startTestGateway, type TestGateway } from "./support/gateway";
import { describePlan, explain, nodes, type PlanNode, readsClaimOnce, recordStatements } from "./support/plans";

/*
 * The plans PostgreSQL makes for the SQL PostGraphile generates for the
 * bench's read scenarios (bench/scenarios.ts), on the bench's own data
 * shape: each statement the GraphQL pool sends is recorded, then EXPLAINed
 * under the same role and claims. Row level security must not turn a
 * lookup into a scan of every tenant's assets, and the tenant claim must be
 * read once per statement (an InitPlan, from `(select nexus.current_tenant_id())`
 * in the policies), not once per row.
 */

describe("query plans of the bench's read scenarios", () => {
  let gateway: TestGateway;
  let tenant: BenchTenant;
  let session: SignedIn;
  let userId: string;
  const plans = new Map<ReadScenario, PlanNode[]>();

  beforeAll(async () => {
    // Several tenants, so that one tenant's rows are a small part of the table, as in production.
    const tenants = await loadBenchData(
      { adminUrl: process.env.NEXUS_TEST_ADMIN_URL!, authenticatorUrl: process.env.NEXUS_TEST_AUTHENTICATOR_URL! },
      { tenants: 4, assets: 2500, seed: "query-plans" },
    );
    tenant = tenants[0]!;
    // Its own, in process: recordStatements sees the statements of this process only.
    gateway = await startTestGateway({ own: true });
    session = await signIn(gateway, benchAdminEmail(0), BENCH_PASSWORD);
    userId = JSON.parse(Buffer.from(session.accessToken.split(".")[1]!, "base64url").toString()).sub;
    const params = await withAdmin(async (client) => ({
      asset: (await client.query<{ id: string }>("select id from assets.assets where tenant_id = $1 limit 1", [tenant.tenantId])).rows[0]!
        .id,
      manufacturer: (
        await client.query<{ id: string }>("select id from assets.asset_manufacturers where tenant_id = $1 limit 1", [tenant.tenantId])
      ).rows[0]!.id,
    }));
    const variables: Record<ReadScenario, Record<string, string>> = {
      list: {},
      point: { id: params.asset },
      aggregate: { manufacturer: params.manufacturer },
      search: { text: "-0001" },
      newest: {},
    };
    for (const scenario of READ_SCENARIOS) {
      const recording = recordStatements('from "assets"."assets"');
      try {
        const reply = await gateway.graphql(GRAPHQL[scenario], { token: session.accessToken, variables: variables[scenario] });
        expect(reply.body.errors).toBeUndefined();
      } finally {
        recording.stop();
      }
      expect(recording.statements.length).toBeGreaterThan(0);
      const explained: PlanNode[] = [];
      for (const statement of recording.statements) explained.push(await explain(statement, { tenantId: tenant.tenantId, userId }));
      plans.set(scenario, explained);
    }
  }, 180_000);

  afterAll(async () => {
    await gateway?.close();
  });

  it.each(READ_SCENARIOS)("%s reads assets.assets through an index, never by a sequential scan", (scenario) => {
    for (const plan of plans.get(scenario)!) {
      const seqScans = nodes(plan).filter(
        (node) => node["Node Type"] === "Seq Scan" && node.Schema === "assets" && node["Relation Name"] === "assets",
      );
      expect({ seqScans: seqScans.length, plan: describePlan(plan) }).toEqual({ seqScans: 0, plan: describePlan(plan) });
    }
  });

  it.each(READ_SCENARIOS)("%s evaluates the tenant claim once per statement (an InitPlan), not per row", (scenario) => {
    for (const plan of plans.get(scenario)!) readsClaimOnce(plan);
  });
});
