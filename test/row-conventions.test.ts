import { applyPolicies } from "../src/db/migrate";
import { withAdmin } from "./support/fixtures";

/**
 * policies/92_row_conventions.sql gives a table the per-row conventions its
 * columns opt it into, so a module migration declares only its domain
 * columns. A table created after the migrations, with no trigger or comment
 * of its own, gets them when policies are re-applied.
 */
describe("per-row conventions from the catalog", () => {
  const schema = "conventions_scratch";

  afterAll(async () => {
    await withAdmin((client) => client.query(`drop schema if exists ${schema} cascade`));
  });

  test("a new table gets the triggers and standard comments of its updated_at, authorship and deleted_at columns", async () => {
    await withAdmin(async (client) => {
      await client.query(`create schema ${schema} authorization nexus_owner`);
      await client.query(`grant usage on schema ${schema} to nexus_user`);
      await client.query(`
        create table ${schema}.gadgets (
          id uuid primary key default gen_random_uuid(),
          tenant_id uuid not null references platform.tenants (id),
          label text,
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now(),
          created_by uuid,
          updated_by uuid,
          deleted_at timestamptz,
          unique (tenant_id, id)
        )`);
      // No updated_at, no authorship, no soft delete: no triggers.
      await client.query(
        `create table ${schema}.plain (id uuid primary key, tenant_id uuid not null references platform.tenants (id), unique (tenant_id, id))`,
      );
      await client.query(`grant select on ${schema}.gadgets, ${schema}.plain to nexus_user`);
      await client.query(`alter table ${schema}.gadgets owner to nexus_owner`);
      await client.query(`alter table ${schema}.plain owner to nexus_owner`);
    });
    await applyPolicies(process.env.NEXUS_TEST_ADMIN_URL!);

    const { triggers, comments } = await withAdmin(async (client) => ({
      triggers: (
        await client.query<{ table: string; trigger: string }>(
          `select c.relname as table, t.tgname as trigger from pg_trigger t join pg_class c on c.oid = t.tgrelid
           where c.relnamespace = '${schema}'::regnamespace and not t.tgisinternal and t.tgname like '\\_%' and t.tgname < '_900'
           order by 1, 2`,
        )
      ).rows,
      comments: (
        await client.query<{ column: string; comment: string }>(
          `select a.attname as column, col_description(a.attrelid, a.attnum) as comment from pg_attribute a
           where a.attrelid = '${schema}.gadgets'::regclass and a.attname in ('updated_at', 'created_by', 'deleted_at') order by 1`,
        )
      ).rows,
    }));
    expect(triggers).toEqual([
      { table: "gadgets", trigger: "_100_set_updated_at" },
      { table: "gadgets", trigger: "_200_set_authorship" },
      { table: "gadgets", trigger: "_300_guard_archive" },
      { table: "gadgets", trigger: "_500_soft_delete" },
    ]);
    expect(comments).toEqual([
      { column: "created_by", comment: "Who created the row (from the signed-in user, never from input)." },
      {
        column: "deleted_at",
        comment: "When the row was archived (deleted); archived rows are hidden. Set it back to null to restore (needs RESTORE_GADGETS).",
      },
      { column: "updated_at", comment: "When the row was last changed." },
    ]);
  });
});
