import type pg from "pg";

/**
 * The functions behind ILIKE (texticlike) and full-text match (ts_match_vq),
 * marked LEAKPROOF in this database, so that row level security lets the
 * trigram and tsvector GIN indexes answer them.
 *
 * The trap: under RLS, PostgreSQL evaluates the policies' quals before any
 * user qual that is not leakproof, and a qual that must wait cannot be an
 * index condition. `tenant_id = <claim>` then reads every row of the
 * tenant and ILIKE filters them one by one; the trigram index is never
 * used (docs/query-line.md). Neither function can reveal a row it is not
 * shown: they raise no error that depends on the row's value (texticlike
 * only on a malformed pattern, and GraphQL always sends the pattern).
 *
 * Only a superuser may mark a function leakproof. Without one (a managed
 * PostgreSQL), nothing changes: the operators still work and stay
 * confined to the tenant, by the tenant's index instead of the trigram one.
 */
export const SEARCH_FUNCTIONS = ["pg_catalog.texticlike(text, text)", "pg_catalog.ts_match_vq(tsvector, tsquery)"];

export async function markSearchFunctionsLeakproof(client: pg.Client): Promise<boolean> {
  const { rows } = await client.query<{ superuser: boolean }>("select rolsuper as superuser from pg_roles where rolname = current_user");
  if (!rows[0]?.superuser) return false;
  for (const fn of SEARCH_FUNCTIONS) await client.query(`alter function ${fn} leakproof`);
  return true;
}
