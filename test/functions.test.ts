import { readFile } from "node:fs/promises";

import type pg from "pg";

import { functionFiles } from "../src/db/migrate";
import { withAdmin } from "./support/fixtures";

/*
 * functions/ is the one definition of every nexus and nexus_auth function.
 * Migrations created them and cannot change (graphile-migrate hashes them),
 * so the danger is drift: a function replaced by a new migration or by hand
 * and not in its file, which the next apply of functions/ would silently
 * revert. These tests compare the files with the live catalog.
 */

const SCHEMAS = ["nexus", "nexus_auth"];

interface LiveFunction {
  signature: string;
  definition: string;
  comment: string | null;
  grantees: string[];
}

async function liveFunctions(client: pg.Client): Promise<LiveFunction[]> {
  const { rows } = await client.query<LiveFunction>(
    `select p.oid::regprocedure::text as signature,
            pg_catalog.pg_get_functiondef(p.oid) as definition,
            pg_catalog.obj_description(p.oid, 'pg_proc') as comment,
            array(select pg_catalog.pg_get_userbyid(a.grantee) || ' ' || a.privilege_type
                  from pg_catalog.aclexplode(coalesce(p.proacl, pg_catalog.acldefault('f', p.proowner))) a
                  order by 1) as grantees
     from pg_catalog.pg_proc p
     join pg_catalog.pg_namespace n on n.oid = p.pronamespace
     where n.nspname = any($1::text[])
     order by 1`,
    [SCHEMAS],
  );
  return rows;
}

/** Every `create or replace function` of functions/, as PostgreSQL prints one (pg_get_functiondef). */
async function folderDefinitions(): Promise<string[]> {
  const text = (await Promise.all((await functionFiles()).map((file) => readFile(file, "utf8")))).join("\n");
  return [...text.matchAll(/^CREATE OR REPLACE FUNCTION [\s\S]*?\$function\$[\s\S]*?\$function\$(?=;$)/gm)].map((m) => m[0]);
}

/** Live functions whose definition is not in functions/, and definitions of functions/ that are not live. */
async function drift(client: pg.Client): Promise<{ notInFolder: string[]; notLive: string[] }> {
  const live = await liveFunctions(client);
  const folder = new Set(await folderDefinitions());
  const liveDefinitions = new Set(live.map((f) => f.definition.trimEnd()));
  return {
    notInFolder: live.filter((f) => !folder.has(f.definition.trimEnd())).map((f) => f.signature),
    notLive: [...folder].filter((d) => !liveDefinitions.has(d)).map((d) => d.split("\n")[0]!),
  };
}

describe("functions/", () => {
  test("defines every nexus and nexus_auth function exactly as the database has it", async () => {
    await withAdmin(async (client) => {
      expect((await liveFunctions(client)).length).toBeGreaterThan(0);
      expect(await drift(client)).toEqual({ notInFolder: [], notLive: [] });
    });
  });

  test("a function changed outside its file is reported", async () => {
    await withAdmin(async (client) => {
      await client.query("begin");
      try {
        await client.query("set local role nexus_owner");
        await client.query(
          "create or replace function nexus.current_session_id() returns uuid language sql stable parallel safe as $$ select null::uuid $$",
        );
        await client.query("create function nexus.not_in_folder() returns int language sql as $$ select 1 $$");
        const found = await drift(client);
        expect(found.notInFolder).toEqual(["nexus.current_session_id()", "nexus.not_in_folder()"]);
        expect(found.notLive).toEqual(["CREATE OR REPLACE FUNCTION nexus.current_session_id()"]);
      } finally {
        await client.query("rollback");
      }
    });
  });

  test("gives back every function's grants and comment", async () => {
    await withAdmin(async (client) => {
      const before = await liveFunctions(client);
      await client.query("begin");
      try {
        // Strip what the files must restore: every grant but the owner's, every comment.
        for (const fn of before) {
          await client.query(`comment on function ${fn.signature} is null`);
          await client.query(`revoke all on function ${fn.signature} from public`);
          const { rows } = await client.query<{ role: string }>(
            `select distinct pg_catalog.pg_get_userbyid(a.grantee) as role
             from pg_catalog.pg_proc p, pg_catalog.aclexplode(p.proacl) a
             where p.oid = $1::regprocedure and a.grantee <> 0 and a.grantee <> p.proowner`,
            [fn.signature],
          );
          for (const { role } of rows) await client.query(`revoke all on function ${fn.signature} from ${role}`);
        }
        await client.query("set local role nexus_owner");
        for (const file of await functionFiles()) await client.query(await readFile(file, "utf8"));
        expect(await liveFunctions(client)).toEqual(before);
      } finally {
        await client.query("rollback");
      }
    });
  });
});
