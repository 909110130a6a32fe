import { expect } from "@jest/globals";
import pg from "pg";

import { withUserClaims } from "../../src/db/user-claims";
import { withAdmin } from "./fixtures";

/*
 * Plans of what the gateway sends: each statement the GraphQL pool sends is
 * recorded, then EXPLAINed under the same role and claims.
 */
export interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  Schema?: string;
  "Parent Relationship"?: string;
  "Subplan Name"?: string;
  Output?: string[];
  Plans?: PlanNode[];
}

export interface Statement {
  text: string;
  values: unknown[];
}

const GRAPHQL_POOL = "nexus-graphql";

/** Records what the GraphQL pool of a gateway in this process (startTestGateway({ own: true })) sends whose text contains `fragment` (every statement when it is empty). */
export function recordStatements(fragment = ""): { statements: Statement[]; stop(): void } {
  const statements: Statement[] = [];
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client & { connectionParameters: { application_name?: string } }, ...args: unknown[]) {
    const config = args[0] as string | { text?: string; values?: unknown[] };
    const text = typeof config === "string" ? config : config?.text;
    if (this.connectionParameters.application_name === GRAPHQL_POOL && text?.includes(fragment)) {
      statements.push({ text, values: (typeof config === "object" ? config.values : (args[1] as unknown[])) ?? [] });
    }
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  return { statements, stop: () => (pg.Client.prototype.query = query) };
}

export function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

export async function explain(statement: Statement, session: { tenantId: string; userId: string }): Promise<PlanNode> {
  return withAdmin((admin) =>
    withUserClaims(admin, session, async (client) => {
      const { rows } = await client.query<{ "QUERY PLAN": Array<{ Plan: PlanNode }> }>(
        `explain (format json, verbose) ${statement.text}`,
        statement.values,
      );
      return rows[0]!["QUERY PLAN"][0]!.Plan;
    }),
  );
}

export const describePlan = (plan: PlanNode) =>
  nodes(plan)
    .map((node) => `${node["Parent Relationship"] ?? ""} ${node["Node Type"]} ${node.Schema ?? ""}.${node["Relation Name"] ?? ""}`)
    .join("\n");

/**
 * The tenant claim is read once per statement (an InitPlan, from
 * `(select nexus.current_tenant_id())` in the policies), not once per row.
 */
export function readsClaimOnce(plan: PlanNode): void {
  const readsClaim = (node: PlanNode) => (node.Output ?? []).some((output) => /jwt\.claims\.tenant_id|current_tenant_id/.test(output));
  const all = nodes(plan);
  expect({
    initPlan: all.some((node) => node["Parent Relationship"] === "InitPlan" && readsClaim(node)),
    plan: describePlan(plan),
  }).toEqual({ initPlan: true, plan: describePlan(plan) });
  expect(all.filter((node) => node["Parent Relationship"] === "SubPlan" && readsClaim(node))).toEqual([]);
}
