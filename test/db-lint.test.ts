import { randomUUID } from "node:crypto";
import { formatFindings, LINT_RULES, lintDatabase, lintFails, type Finding, type FindingLevel, type LintRule } from "../src/db/lint";
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
 * helper schema. Each planted object breaks exactly one rule and is
 * otherwise built the way the contract asks (primary key, tenant_id not null
 * and indexed, RLS enabled and forced, one policy per command), so its
 * findings prove that rule and nothing else. The clean_* objects break
 * nothing and must produce nothing.
 */
describe("db:lint on planted violations", () => {
  const s = `lint_${randomUUID().slice(0, 8)}`;
  const h = `${s}_helpers`;
  let findings: Finding[];

  const tenantTable = (name: string, columns = "") =>
    `create table ${s}.${name} (id uuid primary key, tenant_id uuid not null${columns}, unique (tenant_id, id));`;
  const secured = (name: string) => `
    alter table ${s}.${name} enable row level security;
    alter table ${s}.${name} force row level security;
    create policy tenant_isolation on ${s}.${name} for all to nexus_user
      using (tenant_id = (select nexus.current_tenant_id()))
      with check (tenant_id = (select nexus.current_tenant_id()));`;
  const enabled = (name: string) => `
    alter table ${s}.${name} enable row level security;
    alter table ${s}.${name} force row level security;`;

  const planted = `
    create schema ${s};
    create schema ${h};
    grant usage on schema ${s} to nexus_user;

    ${tenantTable("clean")} ${secured("clean")}
    ${tenantTable("clean_child", ", parent_id uuid not null, foreign key (tenant_id, parent_id) references " + s + ".clean (tenant_id, id) on delete cascade")}
    create index on ${s}.clean_child (tenant_id, parent_id);
    ${secured("clean_child")}
    create view ${s}.clean_view with (security_invoker = true) as select id, tenant_id from ${s}.clean;

    ${tenantTable("rls_disabled")}
    alter table ${s}.rls_disabled force row level security;

    ${tenantTable("policy_rls_disabled")}
    alter table ${s}.policy_rls_disabled force row level security;
    create policy tenant_isolation on ${s}.policy_rls_disabled for all to nexus_user
      using (tenant_id = (select nexus.current_tenant_id()));

    ${tenantTable("no_policy_granted")} ${enabled("no_policy_granted")}
    grant select on ${s}.no_policy_granted to nexus_user;
    ${tenantTable("no_policy_private")} ${enabled("no_policy_private")}

    ${tenantTable("not_forced")} ${secured("not_forced")}
    alter table ${s}.not_forced no force row level security;

    create table ${s}.no_tenant_id (id uuid primary key);
    ${enabled("no_tenant_id")}
    create policy readable on ${s}.no_tenant_id for select to nexus_user using (true);

    create table ${s}.nullable_tenant (id uuid primary key, tenant_id uuid, unique (tenant_id, id));
    ${secured("nullable_tenant")}

    create table ${s}.tenant_unindexed (id uuid primary key, tenant_id uuid not null);
    ${secured("tenant_unindexed")}

    ${tenantTable("fk_without_tenant", ", parent_id uuid references " + s + ".clean (id) on delete cascade")}
    create index on ${s}.fk_without_tenant (parent_id);
    ${secured("fk_without_tenant")}

    ${tenantTable("per_row_call")} ${enabled("per_row_call")}
    create policy tenant_isolation on ${s}.per_row_call for all to nexus_user
      using (tenant_id = nexus.current_tenant_id() and num_nonnulls(id) = 1)
      with check (tenant_id = (select nexus.current_tenant_id()));

    ${tenantTable("two_permissive")} ${secured("two_permissive")}
    create policy tenant_read on ${s}.two_permissive for select to nexus_user
      using (tenant_id = (select nexus.current_tenant_id()));

    ${tenantTable("always_true")} ${enabled("always_true")}
    create policy tenant_read on ${s}.always_true for select to nexus_user
      using (tenant_id = (select nexus.current_tenant_id()));
    create policy open_insert on ${s}.always_true for insert to nexus_user with check (true);

    ${tenantTable("admits_missing_claim")} ${enabled("admits_missing_claim")}
    grant select on ${s}.admits_missing_claim to nexus_user;
    create policy tenant_read on ${s}.admits_missing_claim for select to nexus_user
      using (tenant_id = coalesce((select nexus.current_tenant_id()), tenant_id));
    insert into ${s}.admits_missing_claim values (gen_random_uuid(), gen_random_uuid());

    ${tenantTable("admits_empty_claim")} ${enabled("admits_empty_claim")}
    grant select on ${s}.admits_empty_claim to nexus_user;
    create policy tenant_read on ${s}.admits_empty_claim for select to nexus_user
      using (tenant_id = (select nexus.current_tenant_id())
             or (select current_setting('jwt.claims.tenant_id', true)) = '');
    insert into ${s}.admits_empty_claim values (gen_random_uuid(), gen_random_uuid());

    ${tenantTable("unindexed_fk", ", parent_id uuid, foreign key (tenant_id, parent_id) references " + s + ".clean (tenant_id, id) on delete cascade")}
    ${secured("unindexed_fk")}

    ${tenantTable("duplicate_index")} ${secured("duplicate_index")}
    create index duplicate_index_again on ${s}.duplicate_index (tenant_id, id);

    create table ${s}.no_primary_key (id uuid not null, tenant_id uuid not null, unique (tenant_id, id));
    ${secured("no_primary_key")}

    create function ${s}.definer_path() returns int language sql stable security definer as 'select 1';
    revoke all on function ${s}.definer_path() from public;
    create function ${s}.definer_exposed() returns int language sql stable security definer
      set search_path = pg_catalog as 'select 1';
    revoke all on function ${s}.definer_exposed() from public;
    grant execute on function ${s}.definer_exposed() to nexus_user;
    create function ${h}.definer_unlisted() returns int language sql stable security definer
      set search_path = pg_catalog as 'select 1';
    revoke all on function ${h}.definer_unlisted() from public;
    grant execute on function ${h}.definer_unlisted() to nexus_anonymous;
    create function ${h}.clean_definer() returns int language sql stable security definer
      set search_path = pg_catalog as 'select 1';
    revoke all on function ${h}.clean_definer() from public;

    create view ${s}.definer_view as select id, tenant_id from ${s}.clean;

    ${tenantTable("secrets", ", api_token text, password_hash text, password_changed_at timestamptz")}
    ${secured("secrets")}
    grant select (id, tenant_id, api_token, password_changed_at) on ${s}.secrets to nexus_user;

    ${tenantTable("uncommented_check", ", quantity int not null constraint uncommented_check_quantity_positive check (quantity > 0)")}
    ${secured("uncommented_check")}
    ${tenantTable("clean_check", ", quantity int not null constraint clean_check_quantity_positive check (quantity > 0)")}
    ${secured("clean_check")}
    comment on constraint clean_check_quantity_positive on ${s}.clean_check is 'Quantity must be greater than zero.';

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

  const expected: Array<[LintRule, FindingLevel, string]> = [
    ["rls_disabled_in_exposed_schema", "ERROR", `${s}.rls_disabled`],
    ["policy_exists_rls_disabled", "ERROR", `${s}.policy_rls_disabled`],
    ["rls_enabled_no_policy", "WARN", `${s}.no_policy_granted`],
    ["rls_enabled_no_policy", "INFO", `${s}.no_policy_private`],
    ["rls_not_forced", "WARN", `${s}.not_forced`],
    ["tenant_id_missing", "ERROR", `${s}.no_tenant_id`],
    ["tenant_id_nullable", "WARN", `${s}.nullable_tenant`],
    ["tenant_id_not_indexed", "WARN", `${s}.tenant_unindexed`],
    ["tenant_fk_without_tenant_id", "ERROR", `${s}.fk_without_tenant`],
    ["policy_per_row_call", "WARN", `policy tenant_isolation on ${s}.per_row_call`],
    ["multiple_permissive_policies", "WARN", `${s}.two_permissive`],
    ["policy_always_true", "ERROR", `policy open_insert on ${s}.always_true`],
    ["policy_admits_missing_claim", "ERROR", `${s}.admits_missing_claim`],
    ["policy_admits_missing_claim", "ERROR", `${s}.admits_empty_claim`],
    ["unindexed_foreign_key", "WARN", `${s}.unindexed_fk`],
    ["duplicate_index", "WARN", `${s}.duplicate_index`],
    ["no_primary_key", "WARN", `${s}.no_primary_key`],
    ["security_definer_search_path", "ERROR", `${s}.definer_path()`],
    ["security_definer_exposed", "ERROR", `${s}.definer_exposed()`],
    ["security_definer_not_allowed", "WARN", `${h}.definer_unlisted()`],
    ["view_not_security_invoker", "ERROR", `${s}.definer_view`],
    ["sensitive_column_readable", "ERROR", `${s}.secrets.api_token`],
    ["check_constraint_comment", "WARN", `constraint uncommented_check_quantity_positive on ${s}.uncommented_check`],
  ];

  beforeAll(async () => {
    await withAdmin(async (client) => {
      await client.query("begin");
      await client.query(planted);
      await client.query("commit");
    });
    findings = await lintDatabase(adminUrl(), { schemas: [s], internalSchemas: [h] });
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

  test("every rule has a planted violation", () => {
    expect(new Set(expected.map(([rule]) => rule))).toEqual(new Set(LINT_RULES));
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
