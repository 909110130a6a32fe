import { type TenantPair, tenantPair } from "./support/fixtures";
import { startTestGateway, testConfig, type TestGateway } from "./support/gateway";

/**
 * Automation runs for real on the job queue: a cron job fires its rule, the
 * rule's actions are done as its author, a failing run is retried and then
 * failed, a run whose conditions do not hold is skipped; the run history
 * says each. Rules whose actions the runner does not know are refused.
 */
describe("automation", () => {
  let gateway: TestGateway;
  let t: TenantPair;
  beforeAll(async () => {
    gateway = await startTestGateway({ jobs: true, config: testConfig({ NEXUS_AUTOMATION_TICK_SECONDS: "1" }) });
    t = await tenantPair(gateway, "Automation", "AutomationRival");
  }, 300_000);
  afterAll(async () => gateway.close());

  const createRule = async (rule: Record<string, unknown>) =>
    (
      await gateway.data(
        t.adminToken,
        "mutation($rule: AutomationRuleInput!) { createAutomationRule(input: { automationRule: $rule }) { automationRule { rowId } } }",
        { rule },
      )
    ).createAutomationRule.automationRule.rowId as string;

  /** Polls the run history until the run is finished, or the deadline passes. */
  async function finishedRun(filter: Record<string, unknown>): Promise<any> {
    const deadline = Date.now() + 45_000;
    for (;;) {
      const { automationRuns } = await gateway.data(
        t.userToken,
        "query($f: AutomationRunFilter!) { automationRuns(filter: $f) { nodes { status attempts triggerType result error finishedAt } } }",
        { f: filter },
      );
      const run = automationRuns.nodes.find((r: { finishedAt: string | null }) => r.finishedAt !== null);
      if (run) return run;
      if (Date.now() > deadline) throw new Error(`no finished run for ${JSON.stringify(filter)}: ${JSON.stringify(automationRuns.nodes)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  test("a rule with an action the runner does not know is refused", async () => {
    const body = await gateway.body(
      t.adminToken,
      "mutation($rule: AutomationRuleInput!) { createAutomationRule(input: { automationRule: $rule }) { automationRule { rowId } } }",
      { rule: { name: "Bad", triggerType: "MANUAL", actions: [{ type: "drop_database" }] } },
    );
    expect(body.errors[0].extensions.code).toBe("INVALID_INPUT");
    expect(body.errors[0].message).toMatch(/^Actions must be a list of 1 to 20/);
  });

  test("a cron job fires its rule on the queue, which creates the alert as the rule's author", async () => {
    const ruleId = await createRule({
      name: "Nightly check",
      triggerType: "SCHEDULE",
      actions: [{ type: "create_alert", name: "nightly-check", message: "The nightly check ran.", severity: "info" }],
    });
    await gateway.data(
      t.adminToken,
      'mutation($rule: UUID!) { createCronJob(input: { cronJob: { ruleId: $rule, name: "Every minute", schedule: "* * * * *" } }) { cronJob { rowId } } }',
      { rule: ruleId },
    );
    const run = await finishedRun({ ruleId: { equalTo: ruleId } });
    expect(run).toMatchObject({ status: "SUCCEEDED", attempts: 1, triggerType: "SCHEDULE", error: null });
    const { alerts, cronJobs } = await gateway.data(
      t.adminToken,
      '{ alerts(condition: { alertName: "nightly-check" }) { nodes { rowId message } } cronJobs { nodes { lastRunAt nextRunAt } } }',
    );
    expect(alerts.nodes).toEqual([{ rowId: run.result.actions[0].id, message: "The nightly check ran." }]);
    expect(cronJobs.nodes[0].lastRunAt).not.toBeNull();
    expect(new Date(cronJobs.nodes[0].nextRunAt).getTime()).toBeGreaterThan(new Date(cronJobs.nodes[0].lastRunAt).getTime());
    // Another tenant sees none of it.
    expect(await gateway.data(t.globexAdminToken, "{ automationRuns { totalCount } }")).toEqual({ automationRuns: { totalCount: 0 } });
  });

  test("a failing run is retried, then failed with its error; a run whose conditions do not hold is skipped", async () => {
    const ruleId = await createRule({
      name: "Big orders",
      triggerType: "MANUAL",
      maxAttempts: 2,
      conditions: [{ field: "amount", op: "gt", value: 100 }],
      // A blank metric name breaks the metrics table's CHECK: the action fails every time.
      actions: [{ type: "record_metric", name: " ", value: 1 }],
    });
    const queue = (context: Record<string, unknown>) =>
      gateway.data(
        t.userToken,
        "mutation($rule: UUID!, $context: JSON!) { createAutomationRun(input: { automationRun: { ruleId: $rule, context: $context } }) { automationRun { rowId status } } }",
        { rule: ruleId, context },
      );
    const small = (await queue({ amount: 5 })).createAutomationRun.automationRun;
    const big = (await queue({ amount: 500 })).createAutomationRun.automationRun;
    expect(small.status).toBe("QUEUED");
    expect(await finishedRun({ rowId: { equalTo: small.rowId } })).toMatchObject({ status: "SKIPPED", attempts: 1 });
    const failed = await finishedRun({ rowId: { equalTo: big.rowId } });
    expect(failed).toMatchObject({ status: "FAILED", attempts: 2, triggerType: "MANUAL" });
    expect(failed.error).toMatch(/system_metrics_metric_name_not_blank/);
  });
});
