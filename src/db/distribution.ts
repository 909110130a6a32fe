import type pg from "pg";

import { REFERENCE_TABLES, TENANT_REFERENCE_TABLES, TENANT_ROOTS } from "./lint";

/**
 * How the schema spreads over a Citus cluster (docs/scaling.md), read from
 * the catalog: every table of nexus.owner_tables is a reference table
 * (copied whole to every worker) or distributed by tenant_id, all of those
 * in one colocation group, so that one tenant's rows of every table live on
 * one worker and a request's statements run there whole. Whether the keys
 * allow it is db:lint's rule distribution_ready; this only places the tables.
 */
export interface DistributionPlan {
  /** REFERENCE_TABLES that exist, by name. */
  reference: string[];
  /** Every other owner table, by name: each carries tenant_id. */
  distributed: string[];
}

export async function distributionPlan(client: pg.ClientBase): Promise<DistributionPlan> {
  const { rows } = await client.query<{ name: string; tenant_owned: boolean }>(
    `select format('%I.%I', schema_name, table_name) as name, tenant_owned
     from nexus.owner_tables
     order by schema_name collate "C", table_name collate "C"`,
  );
  const reference = rows.filter((row) => REFERENCE_TABLES.includes(row.name)).map((row) => row.name);
  const unplaced = rows.filter((row) => !row.tenant_owned && !reference.includes(row.name)).map((row) => row.name);
  if (unplaced.length) {
    throw new Error(`${unplaced.join(", ")} neither carry tenant_id nor are reference tables: run npm run db:lint (distribution_ready)`);
  }
  return { reference, distributed: rows.filter((row) => !reference.includes(row.name)).map((row) => row.name) };
}

const literal = (name: string) => `'${name}'`;

/** Why a table is copied to every worker, as the script's comment says it. */
function referenceReason(name: string): string {
  if (TENANT_ROOTS.includes(name)) return "the tenant root";
  return TENANT_REFERENCE_TABLES[name] ?? "a global catalog: no tenant_id, every tenant reads it";
}

/**
 * The psql script that distributes a migrated database, for the coordinator
 * (docs/scaling.md prints it; a test compares the two). The foreign keys
 * are set aside first and restored last, with their comments: Citus makes
 * a table a reference or distributed table only once the tables it points
 * at are, and the schema has cycles (a tenant points at its groups, a
 * group at its tenant).
 */
export function distributionScript(plan: DistributionPlan): string {
  const [anchor, ...colocated] = plan.distributed;
  return [
    "\\set ON_ERROR_STOP on",
    "create extension if not exists citus;",
    "",
    "-- 1. Set the foreign keys between the tables aside (restored in step 4).",
    "create temporary table nexus_foreign_keys as",
    "select con.conrelid::regclass::text as child, con.conname, pg_get_constraintdef(con.oid) as definition,",
    "       obj_description(con.oid, 'pg_constraint') as description",
    "from pg_constraint con",
    "where con.contype = 'f' and con.conrelid in (select oid from nexus.owner_tables);",
    "do $$",
    "declare fk record;",
    "begin",
    "  for fk in select * from nexus_foreign_keys loop",
    "    execute format('alter table %s drop constraint %I', fk.child, fk.conname);",
    "  end loop;",
    "end;",
    "$$;",
    "",
    `-- 2. Reference tables (${plan.reference.length}): a copy on every worker.`,
    ...plan.reference.map((name) => `select create_reference_table(${literal(name)}); -- ${referenceReason(name)}`),
    "",
    `-- 3. Distributed by tenant_id (${plan.distributed.length}), colocated with ${anchor}: a tenant's rows of every table on one worker.`,
    `select create_distributed_table(${literal(anchor!)}, 'tenant_id');`,
    ...colocated.map((name) => `select create_distributed_table(${literal(name)}, 'tenant_id', colocate_with => ${literal(anchor!)});`),
    "",
    "-- 4. The foreign keys again, unchanged, with their comments.",
    "do $$",
    "declare fk record;",
    "begin",
    "  for fk in select * from nexus_foreign_keys loop",
    "    execute format('alter table %s add constraint %I %s', fk.child, fk.conname, fk.definition);",
    "    if fk.description is not null then",
    "      execute format('comment on constraint %I on %s is %L', fk.conname, fk.child, fk.description);",
    "    end if;",
    "  end loop;",
    "end;",
    "$$;",
    "",
    "-- 5. Every owner table is now a Citus table: this returns no row.",
    "select name from nexus.owner_tables where oid not in (select logicalrelid from pg_dist_partition);",
    "",
  ].join("\n");
}
