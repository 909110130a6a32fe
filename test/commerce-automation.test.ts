import pg from "pg";

import { type TenantPair, tenantPair, withAdmin } from "./support/fixtures";
import { startTestGateway, testConfig, type TestGateway, testJobsSchema } from "./support/gateway";

/**
 * Automation runs for real on the job queue: a cron job fires its rule, the
 * rule's actions are done as its author, a failing run is retried and then
 * failed, a run whose conditions do not hold is skipped; the run history
 * says each. Rules whose actions the runner does not know are refused. An
 * attempt whose process died is taken over when graphile-worker hands its
 * job out again.
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
        "query($f: AutomationRunFilter!) { automationRuns(filter: $f) { nodes { status attempts abandonedAttempts triggerType result error finishedAt } } }",
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

  test("an attempt whose process died is counted as abandoned when its job comes back: the job takes the run over, or fails it after the last attempt", async () => {
    const recovered = await createRule({
      name: "Recovered",
      triggerType: "MANUAL",
      actions: [{ type: "create_alert", name: "recovered", message: "Done after a crash.", severity: "info" }],
    });
    const lastChance = await createRule({
      name: "Last chance",
      triggerType: "MANUAL",
      maxAttempts: 1,
      actions: [{ type: "create_alert", name: "last-chance", message: "Never done.", severity: "info" }],
    });
    /*
     * A gateway that dies mid-attempt: on a connection of its own, a run is
     * queued and claimed by a job (the file's queue's add_job, as the runner's
     * jobs are, due later so no live worker takes it yet), then the
     * connection is gone. The job is then as graphile-worker leaves a dead
     * worker's job once its lock has expired: one attempt made, due now.
     */
    const dead = new pg.Client({ connectionString: process.env.NEXUS_TEST_ADMIN_URL });
    await dead.connect();
    const jobs: string[] = [];
    const runs: string[] = [];
    try {
      await dead.query("begin");
      for (const [rule, maxAttempts] of [
        [recovered, 3],
        [lastChance, 1],
      ] as const) {
        const run = (
          await dead.query("insert into automation.automation_runs (tenant_id, rule_id) values ($1, $2) returning id", [
            t.acme.tenantId,
            rule,
          ])
        ).rows[0].id as string;
        const job = (
          await dead.query(
            `select id::text from ${testJobsSchema()}.add_job('automation_run', json_build_object('id', $1::text), run_at := now() + interval '1 hour', max_attempts := $2, job_key := 'automation_run:' || $1)`,
            [run, maxAttempts + 1],
          )
        ).rows[0].id as string;
        const claimed = await dead.query("select attempts from nexus_auth.automation_claim_run($1, $2)", [run, job]);
        expect(claimed.rows).toEqual([{ attempts: 1 }]);
        runs.push(run);
        jobs.push(job);
      }
      await dead.query("commit");
    } finally {
      await dead.end();
    }
    for (const run of runs) {
      const { automationRun } = await gateway.data(t.userToken, "query($id: UUID!) { automationRun(rowId: $id) { status finishedAt } }", {
        id: run,
      });
      expect(automationRun).toEqual({ status: "RUNNING", finishedAt: null });
    }
    await withAdmin((c) => c.query(`select ${testJobsSchema()}.reschedule_jobs($1::bigint[], run_at := now(), attempts := 1)`, [jobs]));

    expect(await finishedRun({ rowId: { equalTo: runs[0] } })).toMatchObject({
      status: "SUCCEEDED",
      attempts: 2,
      abandonedAttempts: 1,
      error: null,
    });
    const failed = await finishedRun({ rowId: { equalTo: runs[1] } });
    expect(failed).toMatchObject({ status: "FAILED", attempts: 1, abandonedAttempts: 1 });
    expect(failed.error).toBe("attempt 1 was abandoned: its process stopped before it finished");
    const alerts = await gateway.data(
      t.adminToken,
      '{ done: alerts(condition: { alertName: "recovered" }) { totalCount } never: alerts(condition: { alertName: "last-chance" }) { totalCount } }',
    );
    expect(alerts).toEqual({ done: { totalCount: 1 }, never: { totalCount: 0 } });
  });
});
