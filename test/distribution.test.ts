import { readFileSync } from "node:fs";
import path from "node:path";

import { distributionPlan, distributionScript } from "../src/db/distribution";
import { REFERENCE_TABLES } from "../src/db/lint";
import { withAdmin } from "./support/fixtures";

/*
 * docs/scaling.md claims nothing it does not check: its distribution
 * script is the one the migrated catalog gives, and its capacity figures
 * are computed from bench/README.md's measurements with the assumptions it
 * states. (That the keys allow the distribution is db:lint's rule
 * distribution_ready, run on this database by test/db-lint.test.ts.)
 */
const root = path.join(__dirname, "..");
const scaling = readFileSync(path.join(root, "docs", "scaling.md"), "utf8");
const bench = readFileSync(path.join(root, "bench", "README.md"), "utf8");
/** Its prose as one line: prettier rewraps paragraphs. */
const prose = scaling.replace(/\s+/g, " ");

/** The fenced block right after `<!-- name -->` in docs/scaling.md. */
function block(name: string): string {
  const match = new RegExp(`<!-- ${name} -->\\n+\`\`\`\\w*\\n([\\s\\S]*?)\`\`\`\\n`).exec(scaling);
  if (!match) throw new Error(`docs/scaling.md has no block after <!-- ${name} -->`);
  return match[1]!;
}

/** The cells of the markdown table right after `<!-- name -->` (prettier pads them), without the separator row. */
function table(text: string, name: string): string[][] {
  const start = text.indexOf(`<!-- ${name} -->\n`);
  if (start < 0) throw new Error(`docs/scaling.md has no table after <!-- ${name} -->`);
  const rows: string[][] = [];
  for (const line of text.slice(start).split("\n").slice(1)) {
    if (!line.startsWith("|")) {
      if (rows.length || line.trim()) break;
      continue;
    }
    const cells = line
      .split("|")
      .slice(1, -1)
      .map((cell) => cell.trim());
    if (!cells.every((cell) => /^:?-+:?$/.test(cell))) rows.push(cells);
  }
  return rows;
}

/** Figures of bench/README.md: the cells of a table row, by the row's first cells. */
function benchRow(section: string, ...first: string[]): string[] {
  const start = bench.indexOf(section);
  if (start < 0) throw new Error(`bench/README.md has no section "${section}"`);
  const row = bench
    .slice(start)
    .split("\n")
    .map((line) => line.split("|").map((cell) => cell.trim()))
    .find((cells) => first.every((cell, i) => cells[i + 1] === cell));
  if (!row) throw new Error(`bench/README.md, "${section}": no row ${first.join(" | ")}`);
  return row.slice(1, -1);
}

const number = (text: string) => Number(text.replace(/,/g, ""));
const grouped = (value: number) => value.toLocaleString("en-US");

/** The assumptions docs/scaling.md states for the estimate (its "Capacity" section). */
const ASSUMED = { peakPerTenant: 10, utilisation: 0.5, workerCores: 8 };

function capacityTable(): string[][] {
  const scenarios = ["list", "point", "aggregate"].map((scenario) => {
    const cells = benchRow("**Now**", scenario, "16");
    // "519 / 175": the gateway's figure, then the baseline's.
    const [gatewayCpu, postgres] = [cells[6]!, cells[7]!].map((cell) => number(cell.split("/")[0]!));
    return { scenario, gatewayCpu: gatewayCpu!, postgres: postgres! };
  });
  const perCore = (micros: number) => Math.floor(1_000_000 / micros);
  const sum = (pick: (s: (typeof scenarios)[number]) => number) => scenarios.reduce((total, s) => total + pick(s), 0);
  const mixGateway = sum((s) => s.gatewayCpu) / scenarios.length;
  const mixPostgres = sum((s) => s.postgres) / scenarios.length;
  const growth = benchRow("**Growth: 100,000 assets in one tenant**", "list")[2]!.split("→").map(number);
  const perRow = (growth[1]! - growth[0]!) / (100_000 - 10_000);
  const tenantsPerCore = Math.floor((perCore(mixPostgres) * ASSUMED.utilisation) / ASSUMED.peakPerTenant);
  const lines = [
    "| figure | gateway | PostgreSQL |",
    "| --- | ---: | ---: |",
    ...scenarios.map(
      (s) =>
        `| ${s.scenario}: µs per request → requests per core | ${s.gatewayCpu} → ${grouped(perCore(s.gatewayCpu))} | ${s.postgres} → ${grouped(perCore(s.postgres))} |`,
    ),
    `| one of each: µs per request → requests per core | ${Math.round(mixGateway)} → ${grouped(perCore(mixGateway))} | ${Math.round(mixPostgres)} → ${grouped(perCore(mixPostgres))} |`,
    `| list, 10,000 → 100,000 rows in the tenant: PostgreSQL µs per request | | ${grouped(growth[0]!)} → ${grouped(growth[1]!)} (${perRow.toFixed(1)} µs per row) |`,
    `| tenants per worker core at ${ASSUMED.peakPerTenant} requests/s each, ${ASSUMED.utilisation * 100} % busy | | ${grouped(tenantsPerCore)} |`,
    `| tenants per ${ASSUMED.workerCores}-core worker before a rebalance | | ${grouped(tenantsPerCore * ASSUMED.workerCores)} |`,
  ];
  return table(`<!-- capacity -->\n${lines.join("\n")}\n`, "capacity");
}

describe("docs/scaling.md", () => {
  test("the distribution script is the one the migrated catalog gives: every owner table, reference or distributed", async () => {
    const { plan, owned } = await withAdmin(async (client) => ({
      plan: await distributionPlan(client),
      owned: (await client.query<{ count: string }>("select count(*) from nexus.owner_tables")).rows[0]!.count,
    }));
    expect(block("distribution script")).toBe(distributionScript(plan));
    expect(plan.reference.length + plan.distributed.length).toBe(Number(owned));
    expect(plan.reference).toEqual([...REFERENCE_TABLES].sort());
    expect(prose).toContain(`${plan.reference.length} reference tables and ${plan.distributed.length} distributed ones`);
  });

  test("the capacity estimate is computed from bench/README.md with the assumptions it states", () => {
    expect(table(scaling, "capacity")).toEqual(capacityTable());
    expect(prose).toContain(
      `a tenant peaks at ${ASSUMED.peakPerTenant} requests per second, a worker runs at most ${ASSUMED.utilisation * 100} % busy at peak, and has ${ASSUMED.workerCores} cores`,
    );
  });
});
