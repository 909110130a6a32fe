import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import {
  type Finding,
  type FindingLevel,
  formatFindings,
  LINT_RULES,
  lintDatabase,
  lintFails,
  type LintRule,
  REFERENCE_TABLES,
} from "../src/db/lint";
import { createTenant, withAdmin } from "./support/fixtures";

const adminUrl = () => process.env.NEXUS_TEST_ADMIN_URL!;
const summary = (findings: Finding[]) => findings.map((f) => `${f.level} ${f.rule} ${f.object}: ${f.detail}`);

describe("db:lint on the migrated database", () => {
  test("has no ERROR or WARN finding", async () => {
    // A tenant with users, so the missing-claim probe has rows it must not see.
    await createTenant("Lint");
    const findings = await lintDatabase(adminUrl());
    expect(summary(findings.filter((f) => f.level !== "INFO"))).toEqual([]);
  });
});

/*
 * One scratch schema per run, exposed for this lint only, plus an internal
 * helper schema. Each rule has its fixture, test/fixtures/db-lint/<rule>.sql,
 * whose objects break exactly that rule and are otherwise built the way the
 * contract asks (primary key, tenant_id not null and indexed, RLS enabled and
 * forced, one policy per command); its "-- expect: LEVEL object" lines name
 * the findings it must produce, its "-- reference: table" lines the tables
 * it marks Citus reference tables. The clean_* objects break nothing and must
 * produce nothing. In the fixtures {s} and {h} are the two schemas, and
 * {secured name} gives a table RLS and its one tenant policy.
 */
describe("db:lint on planted violations", () => {
  const s = `lint_${randomUUID().slice(0, 8)}`;
  const h = `${s}_helpers`;
  const fixtures = path.join(__dirname, "fixtures", "db-lint");
  let findings: Finding[];

  const secured = (name: string) => `
    alter table ${s}.${name} enable row level security, force row level security;
    create policy tenant_isolation on ${s}.${name} for all to nexus_user
      using (tenant_id = (select nexus.current_tenant_id()))
      with check (tenant_id = (select nexus.current_tenant_id()));`;
  const expand = (sql: string) =>
    sql
      .replace(/\{secured (\w+)\}/g, (_match, name: string) => secured(name))
      .replaceAll("{s}", s)
      .replaceAll("{h}", h);

  const fixtureFiles = readdirSync(fixtures)
    .filter((file) => file.endsWith(".sql"))
    .sort();
  const planted = fixtureFiles.map((file) => ({
    rule: file.replace(/\.sql$/, ""),
    sql: expand(readFileSync(path.join(fixtures, file), "utf8")),
  }));
  const expected: Array<[LintRule, FindingLevel, string]> = planted.flatMap(({ rule, sql }) =>
    [...sql.matchAll(/^-- expect: (ERROR|WARN|INFO) (.+)$/gm)].map((match): [LintRule, FindingLevel, string] => [
      rule,
      match[1] as FindingLevel,
      match[2]!,
    ]),
  );
  const reference = planted.flatMap(({ sql }) => [...sql.matchAll(/^-- reference: (.+)$/gm)].map((match) => match[1]!));

  const setup = `
    create schema ${s};
    create schema ${h};
    grant usage on schema ${s} to nexus_user;

    create table ${s}.clean (id uuid not null, tenant_id uuid not null, primary key (tenant_id, id));
    ${secured("clean")}
    create table ${s}.clean_child (id uuid not null, tenant_id uuid not null, parent_id uuid not null,
      foreign key (tenant_id, parent_id) references ${s}.clean (tenant_id, id) on delete cascade, primary key (tenant_id, id));
    create index on ${s}.clean_child (tenant_id, parent_id);
    ${secured("clean_child")}
    create view ${s}.clean_view with (security_invoker = true) as select id, tenant_id from ${s}.clean;
    create function ${h}.clean_definer() returns int language sql stable security definer
      set search_path = pg_catalog as 'select 1';
    revoke all on function ${h}.clean_definer() from public;
  `;
  const ownedByOwner = `
    do $$
    declare
      obj record;
    begin
      for obj in
        select format('alter %s %s owner to nexus_owner',
                      case c.relkind when 'v' then 'view' else 'table' end, c.oid::regclass) as stmt
        from pg_class c where c.relnamespace = '${s}'::regnamespace and c.relkind in ('r', 'v')
        union all
        select format('alter function %s owner to nexus_owner', p.oid::regprocedure)
        from pg_proc p where p.pronamespace in ('${s}'::regnamespace, '${h}'::regnamespace)
      loop
        execute obj.stmt;
      end loop;
    end;
    $$;
  `;

  beforeAll(async () => {
    await withAdmin(async (client) => {
      await client.query("begin");
      await client.query(setup);
      for (const { sql } of planted) await client.query(sql);
      await client.query(ownedByOwner);
      await client.query("commit");
    });
    findings = await lintDatabase(adminUrl(), {
      schemas: [s],
      internalSchemas: [h],
      referenceTables: [...REFERENCE_TABLES, ...reference],
    });
  });
  afterAll(async () => {
    await withAdmin((client) => client.query(`drop schema if exists ${s}, ${h} cascade`));
  });

  test.each(expected)("%s (%s) is reported on %s, and nothing else is", (rule, level, object) => {
    expect(findings.filter((f) => f.object === object).map((f) => [f.rule, f.level])).toEqual([[rule, level]]);
  });

  test("nothing else is reported: the clean table, child, view and function pass", () => {
    const planted = new Set(expected.map(([, , object]) => object));
    expect(summary(findings.filter((f) => !planted.has(f.object)))).toEqual([]);
  });

  test("every rule has a fixture, and every fixture a rule and an expected finding", () => {
    expect(planted.map(({ rule }) => rule)).toEqual([...LINT_RULES].sort());
    for (const { rule } of planted) expect(expected.some(([expectedRule]) => expectedRule === rule)).toBe(true);
  });

  test("rule names come from the files of src/db/lint/, numbered, each with a remediation", () => {
    const files = readdirSync(path.join(__dirname, "..", "src", "db", "lint")).filter((file) => /^\d{4}_/.test(file));
    expect(files.map((file) => file.replace(/^\d{4}_|\.sql$/g, ""))).toEqual(
      LINT_RULES.filter((rule) => rule !== "policy_admits_missing_claim"),
    );
    for (const rule of LINT_RULES) expect(findings.some((finding) => finding.rule === rule && finding.fix.length > 0)).toBe(true);
  });

  test("a per-row call names the claims helper, not a function of the row's own columns", () => {
    const finding = findings.find((f) => f.rule === "policy_per_row_call")!;
    expect(finding.detail).toContain("nexus.current_tenant_id() in using");
    expect(finding.detail).not.toContain("num_nonnulls");
    expect(finding.detail).not.toContain("with check");
  });

  test("the missing-claim probe tells an unset claim from an empty one", () => {
    const detail = (table: string) => findings.find((f) => f.object === `${s}.${table}`)!.detail;
    expect(detail("admits_missing_claim")).toContain("nexus_user with the claims unset");
    expect(detail("admits_missing_claim")).toContain("nexus_user with the claims empty");
    expect(detail("admits_empty_claim")).not.toContain("unset");
    expect(detail("admits_empty_claim")).toContain("nexus_user with the claims empty");
  });

  test("every finding carries a one-sentence fix", () => {
    for (const finding of findings) expect(finding.fix).toMatch(/^[A-Z].*\.$/);
  });
});

describe("the db:lint report", () => {
  const finding = (level: FindingLevel, rule: LintRule, object: string): Finding => ({
    level,
    rule,
    object,
    detail: `${rule} detail`,
    fix: `Fix ${object}.`,
  });

  test("groups findings by level with their fixes and ends with a summary line", () => {
    const text = formatFindings([
      finding("ERROR", "rls_disabled_in_exposed_schema", "app.a"),
      finding("WARN", "duplicate_index", "app.b"),
      finding("INFO", "rls_enabled_no_policy", "app.c"),
    ]);
    const lines = text.trimEnd().split("\n");
    expect(lines.indexOf("Errors (1)")).toBeLessThan(lines.indexOf("Warnings (1)"));
    expect(lines.indexOf("Warnings (1)")).toBeLessThan(lines.indexOf("Info (1)"));
    expect(text).toContain("  WARN duplicate_index: app.b\n    duplicate_index detail\n    fix: Fix app.b.\n");
    expect(lines.at(-1)).toBe("db:lint failed: 1 error(s), 1 warning(s), 1 info");
  });

  test("only ERROR and WARN fail the lint", () => {
    expect(lintFails([finding("INFO", "rls_enabled_no_policy", "app.c")])).toBe(false);
    expect(lintFails([finding("WARN", "duplicate_index", "app.b")])).toBe(true);
    expect(formatFindings([]).trimEnd()).toBe("db:lint passed: 0 error(s), 0 warning(s), 0 info");
  });
});
