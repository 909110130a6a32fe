import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import pg from "pg";

import { withClient } from "./bootstrap";
import { projectRoot } from "./project";
import { DB_ROLES, EXPOSED_SCHEMAS } from "./roles";

/**
 * `npm run db:lint`: the tenancy and security contract checked against the
 * live catalog (one rule per file in src/db/lint/, over the shared views of
 * src/db/lint/catalog.sql), plus a probe of what the request roles actually
 * see when a claim is missing.
 */

export type FindingLevel = "ERROR" | "WARN" | "INFO";

export interface Finding {
  level: FindingLevel;
  /** Rule id, one of LINT_RULES. */
  rule: LintRule;
  /** schema.table, schema.table.column, schema.function(args) or "policy name on schema.table". */
  object: string;
  /** What exactly was found. */
  detail: string;
  /** The fix, in one sentence. */
  fix: string;
}

const LINT_DIR = path.join(projectRoot(), "src", "db", "lint");
const RULE_FILE = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/** The catalog rules, in file order: the name is the file's, without its number. */
function ruleFiles(): Array<{ rule: string; file: string }> {
  return readdirSync(LINT_DIR)
    .filter((file) => RULE_FILE.test(file))
    .sort()
    .map((file) => ({ rule: RULE_FILE.exec(file)![2]!, file }));
}

/** The rule decided by asking PostgreSQL as the request roles (probeMissingClaims), not by a catalog query. */
const PROBED_RULE = "policy_admits_missing_claim";

/** Every rule db:lint reports: one per file in src/db/lint/, and the probe. */
export const LINT_RULES: readonly string[] = [...ruleFiles().map(({ rule }) => rule), PROBED_RULE];
export type LintRule = string;

/**
 * Exposed tables without tenant_id by design (docs/data-model.md, "Global
 * catalogs"): every tenant shares them, every signed-in user may read them.
 */
export const GLOBAL_CATALOGS = [
  "platform.permissions",
  "platform.roles",
  "platform.role_permissions",
  "content.content_catalog",
  "ledger.currencies",
];

/** The tenant root: its own id is the tenant, so it has no tenant_id. */
export const TENANT_ROOTS = ["platform.tenants"];

/**
 * Tables with tenant_id that a Citus cluster copies to every worker rather
 * than distributes by tenant_id (docs/scaling.md): a key of each is unique
 * across tenants (Citus can only enforce a unique key that contains the
 * distribution column of a distributed table), or a reference table points
 * at it (Citus keeps no foreign key from a reference table to a distributed
 * one). With the global catalogs and the tenant root they are the reference
 * tables; every other table is distributed (rule distribution_ready).
 */
export const TENANT_REFERENCE_TABLES: Readonly<Record<string, string>> = {
  // The sign-in identity is global: an email or username names one account across every tenant.
  "platform.users": "email and username are unique across tenants: they are the sign-in identity",
  "platform.refresh_tokens": "a refresh token is found by its hash alone, before the tenant is known",
  "nexus_auth.invitations": "an invitation is found by its token's hash alone, before the tenant is known",
  "platform.revoked_tokens": "keyed by the token's jti alone; every instance loads the whole set",
  "platform.user_sessions": "refresh tokens, a reference table, point at their session",
  "platform.user_groups": "the tenant root points at each tenant's admin and users groups",
  "census.persons": "a user, a reference table, points at the person it is",
  "census.identities": "a person, a reference table, points at its current identity",
};

/** Every reference table: the tenant root, the global catalogs, and the tenant tables above. */
export const REFERENCE_TABLES: readonly string[] = [...TENANT_ROOTS, ...GLOBAL_CATALOGS, ...Object.keys(TENANT_REFERENCE_TABLES)];

/**
 * The only security definer functions outside the exposed schemas that the
 * request roles may execute. Policies call them as the request role, so those
 * roles need EXECUTE; each is narrow and answers only about the caller's own
 * claims. Anything else they can execute with its owner's rights is a
 * finding until reviewed and added here. (A missing function is ignored.)
 */
export const REQUEST_ROLE_HELPERS = [
  // The JWT claims helpers (security invoker today; listed so that stays a choice).
  "nexus.current_tenant_id()",
  "nexus.current_user_id()",
  "nexus.current_session_id()",
  // Permission checks that policies call; they read authorization tables the caller cannot.
  "nexus_auth.has_permission(text)",
  "nexus_auth.is_platform_operator()",
  "nexus_auth.current_permissions()",
  // Writes a credential's ciphertext, which no request role may touch, after the checks the policies would make.
  "nexus_auth.set_integration_secret(uuid,text)",
];

/** The roles GraphQL requests run as. */
const REQUEST_ROLES = [DB_ROLES.user, DB_ROLES.anonymous];

/**
 * The claim settings the gateway sets per request (src/auth pgSettingsFor).
 * A pooled connection that once carried a claim reads it back as '' rather
 * than null, so the probe tries both.
 */
const CLAIM_SETTINGS = ["jwt.claims.tenant_id", "jwt.claims.user_id", "jwt.claims.session_id"];

const LEVEL_ORDER: Record<FindingLevel, number> = { ERROR: 0, WARN: 1, INFO: 2 };

export interface LintOptions {
  /** Schemas to treat as exposed; default EXPOSED_SCHEMAS. */
  schemas?: string[];
  /**
   * Internal helper schemas whose security definer functions are checked.
   * Default: every other schema the owner role owns when `schemas` is not
   * given, none when it is (a narrowed lint stays narrowed).
   */
  internalSchemas?: string[];
  /** Tables to treat as Citus reference tables; default REFERENCE_TABLES. */
  referenceTables?: readonly string[];
}

let lintSql: string | undefined;
/**
 * One read-only query: the shared views of catalog.sql, each rule file as a
 * CTE naming its four columns, and the union of them all with the rule's name.
 */
function catalogRules(): string {
  if (lintSql === undefined) {
    const read = (file: string) => readFileSync(path.join(LINT_DIR, file), "utf8").trim();
    const rules = ruleFiles();
    lintSql = [
      `with\n${read("catalog.sql")},`,
      rules.map(({ rule, file }) => `${rule}(level, object, detail, fix) as (\n${read(file)}\n)`).join(",\n"),
      rules.map(({ rule }) => `select level, '${rule}' as rule, object, detail, fix from ${rule}`).join("\nunion all "),
    ].join("\n");
  }
  return lintSql;
}

/** Lints the database of `adminUrl`: a superuser, or a role that may SET ROLE to the request roles. */
export async function lintDatabase(adminUrl: string, options: LintOptions = {}): Promise<Finding[]> {
  return withClient(adminUrl, async (client) => {
    const exposed = options.schemas ?? [...EXPOSED_SCHEMAS];
    const { rows: present } = await client.query<{ nspname: string }>("select nspname from pg_namespace where nspname = any($1)", [
      exposed,
    ]);
    const missing = exposed.filter((schema) => !present.some((row) => row.nspname === schema));
    if (missing.length) throw new Error(`schema ${missing.join(", ")} does not exist in this database; migrate it first`);

    const internal = options.internalSchemas ?? (options.schemas ? [] : await ownedSchemas(client, exposed));
    const { rows } = await client.query<Finding>(catalogRules(), [
      exposed,
      internal,
      REQUEST_ROLES,
      GLOBAL_CATALOGS,
      TENANT_ROOTS,
      REQUEST_ROLE_HELPERS,
      options.referenceTables ?? REFERENCE_TABLES,
    ]);
    const findings = [...rows, ...(await probeMissingClaims(client, exposed))];
    for (const finding of findings) {
      if (!LINT_RULES.includes(finding.rule)) throw new Error(`db:lint returned an unknown rule ${finding.rule}`);
    }
    return findings.sort(
      (a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || a.rule.localeCompare(b.rule) || a.object.localeCompare(b.object),
    );
  });
}

/** The project's other schemas: migrations run as the owner role, so it owns every one of them. */
async function ownedSchemas(client: pg.Client, exposed: string[]): Promise<string[]> {
  const { rows } = await client.query<{ nspname: string }>(
    `select nspname from pg_namespace
     where pg_get_userbyid(nspowner) = $1 and nspname <> all ($2) and nspname <> 'graphile_migrate'
     order by nspname`,
    [DB_ROLES.owner, exposed],
  );
  return rows.map((row) => row.nspname);
}

interface ProbeTarget {
  name: string;
  readers: string[];
}

/**
 * policy_admits_missing_claim. Whether a policy admits rows without a tenant
 * claim (coalesce(claim, tenant_id), "or claim is null", a claim compared as
 * text with '') cannot be read reliably from its text, so ask PostgreSQL:
 * as each request role that may select from a tenant table (or the tenant
 * root), with the claims unset and then empty, is any row visible? Runs in
 * transactions that are always rolled back; a query that fails admits
 * nothing. On an empty table the probe proves nothing, so tests seed rows.
 */
async function probeMissingClaims(client: pg.Client, exposed: string[]): Promise<Finding[]> {
  const { rows: targets } = await client.query<ProbeTarget>(
    `select format('%I.%I', n.nspname, c.relname) as name,
            array(select r from unnest($3::text[]) r where has_any_column_privilege(r, c.oid, 'select')) as readers
     from pg_class c
     join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = any($1) and c.relkind in ('r', 'p') and c.relrowsecurity
       and (exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
            or c.oid = any (array(select to_regclass(t) from unnest($2::text[]) t where to_regclass(t) is not null)))
     order by 1`,
    [exposed, TENANT_ROOTS, REQUEST_ROLES],
  );
  const admitted = new Map<string, string[]>();
  // Unset first: once set in a session, a custom setting reads '' rather than null.
  for (const claims of ["unset", "empty"] as const) {
    for (const role of REQUEST_ROLES) {
      const readable = targets.filter((target) => target.readers.includes(role));
      if (!readable.length) continue;
      await client.query("begin");
      try {
        await client.query(`set local role ${pg.escapeIdentifier(role)}`).catch((error: Error) => {
          throw new Error(`db:lint probes policies as ${role} and cannot switch to it (${error.message}); connect as a superuser`);
        });
        await client.query("set local statement_timeout = '10s'");
        await client.query("set local lock_timeout = '5s'");
        if (claims === "empty") {
          for (const setting of CLAIM_SETTINGS) await client.query("select set_config($1, '', true)", [setting]);
        }
        for (const target of readable) {
          await client.query("savepoint probe");
          try {
            const { rows } = await client.query<{ admitted: boolean }>(`select exists (select 1 from ${target.name}) as admitted`);
            if (rows[0]!.admitted) admitted.set(target.name, [...(admitted.get(target.name) ?? []), `${role} with the claims ${claims}`]);
          } catch {
            await client.query("rollback to savepoint probe");
          }
        }
      } finally {
        await client.query("rollback");
      }
    }
  }
  return [...admitted].map(([name, cases]) => ({
    level: "ERROR",
    rule: PROBED_RULE,
    object: name,
    detail: `rows are visible to ${cases.join("; ")}: a request without a tenant claim sees other tenants' rows`,
    fix: `Compare tenant_id with the claim and nothing else ("tenant_id = (select nexus.current_tenant_id())"): no coalesce or "is null" alternative on the claim.`,
  }));
}

/** Whether the findings fail the lint: any ERROR or WARN. */
export function lintFails(findings: Finding[]): boolean {
  return findings.some((finding) => finding.level !== "INFO");
}

const LEVEL_TITLES: Record<FindingLevel, string> = { ERROR: "Errors", WARN: "Warnings", INFO: "Info" };

/** Findings grouped by level, each with its fix, then one summary line. */
export function formatFindings(findings: Finding[]): string {
  const lines: string[] = [];
  for (const level of ["ERROR", "WARN", "INFO"] as const) {
    const group = findings.filter((finding) => finding.level === level);
    if (!group.length) continue;
    lines.push(`${LEVEL_TITLES[level]} (${group.length})`);
    for (const finding of group) {
      lines.push(`  ${level} ${finding.rule}: ${finding.object}`);
      lines.push(`    ${finding.detail}`);
      lines.push(`    fix: ${finding.fix}`);
    }
    lines.push("");
  }
  const count = (level: FindingLevel) => findings.filter((finding) => finding.level === level).length;
  const verdict = lintFails(findings) ? "failed" : "passed";
  lines.push(`db:lint ${verdict}: ${count("ERROR")} error(s), ${count("WARN")} warning(s), ${count("INFO")} info`);
  return `${lines.join("\n")}\n`;
}
