import pg from "pg";

/*
 * Fills tables with many copies of one tenant's rows, derived from the
 * catalog so a new table needs no code here: ids are fresh, every unique
 * index gets one column made distinct per copy, searched text (a GIN index's
 * columns, or a search document's) is made distinct so a search term matches
 * the few rows it would in real data, and created_at and updated_at spread
 * over time.
 *
 * A text value is changed in a way its CHECK constraints accept: each
 * candidate transformation is tried on the tenant's rows against the
 * column's CHECK expressions (and its length limit) before the fill uses it,
 * so an endpoint's path keeps its leading `/` and a Shopify id stays digits.
 *
 * The load is done as a restore does it: triggers off (foreign keys are not
 * checked), the indexes that no constraint needs (a unique index among
 * them checks its rows when it is built again) dropped before the insert and
 * built again after it (building a trigram GIN index once is several times
 * faster than 100,000 inserts into it), then VACUUM ANALYZE, which
 * also sets the visibility map as autovacuum would after a bulk load.
 */

interface Column {
  name: string;
  /** A string type (text, varchar, char). */
  text: boolean;
  type: string;
  /** varchar(n)/char(n): n. */
  maxLength: number | null;
  searched: boolean;
  /** CHECK expressions of the table that read this column. */
  checks: string[];
}

interface UniqueIndex {
  name: string;
  /** Its columns other than tenant_id, in index order (expression columns included). */
  columns: string[];
}

/** What each fill step took, for the log. */
export interface FillTiming {
  table: string;
  rows: number;
  insertMs: number;
  indexMs: number;
  analyzeMs: number;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Candidates for text made distinct per copy `g`, in order of preference: the first a column's CHECKs accept is used. */
function uniqueCandidates(v: string): string[] {
  return [
    // An address keeps its shape: the copy number goes before the @.
    `case when ${v} like '%@%' then g || '.' || ${v} else ${v} || '-' || g end`,
    `${v} || '.' || g`,
    `${v} || '_' || g`,
    `${v} || '/c' || g`,
    // Digits only (a Shopify id, a phone number): digits appended, or the last six replaced to keep a length limit.
    `${v} || g`,
    `left(${v}, -6) || lpad(g::text, 6, '0')`,
  ];
}

function searchedCandidates(v: string, column: string): string[] {
  const distinct = `'r' || md5(g::text || '${column}')`;
  return [
    `case when ${v} like '%@%' then ${distinct} || '@' || split_part(${v}, '@', 2) else ${distinct} end`,
    // A leading `/` or `#` (a path, a tag) kept.
    `substring(${v} from '^[^[:alnum:]]*') || ${distinct}`,
  ];
}

async function describe(client: pg.ClientBase, table: string): Promise<{ columns: Column[]; uniques: UniqueIndex[] }> {
  const { rows: columns } = await client.query<Column>(
    `select a.attname as name, t.typcategory = 'S' as text, format_type(a.atttypid, null) as type,
            case when a.atttypmod > 4 and t.typcategory = 'S' then a.atttypmod - 4 end as "maxLength",
            a.attname in ('title', 'description', 'subject', 'body', 'notes')
              or exists (select 1 from pg_index i join pg_class ic on ic.oid = i.indexrelid join pg_am am on am.oid = ic.relam
                         where i.indrelid = a.attrelid and am.amname = 'gin' and a.attnum = any(i.indkey) and a.attname <> 'tenant_id') as searched,
            array(select pg_get_expr(c.conbin, c.conrelid) from pg_constraint c
                  where c.conrelid = a.attrelid and c.contype = 'c' and a.attnum = any(c.conkey)) as checks
     from pg_attribute a join pg_type t on t.oid = a.atttypid
     where a.attrelid = $1::regclass and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
     order by a.attnum`,
    [table],
  );
  const { rows: uniques } = await client.query<UniqueIndex>(
    `select ic.relname as name,
            array(select a.attname from pg_attribute a
                  where a.attrelid = i.indrelid and a.attnum > 0 and not a.attisdropped and a.attname <> 'tenant_id'
                    and (a.attnum = any(i.indkey) or pg_get_expr(i.indexprs, i.indrelid) ~ ('\\m' || a.attname || '\\M'))
                  order by array_position(i.indkey::int2[], a.attnum) nulls last, a.attnum)::text[] as columns
     from pg_index i join pg_class ic on ic.oid = i.indexrelid
     where i.indrelid = $1::regclass and i.indisunique`,
    [table],
  );
  return { columns, uniques };
}

/**
 * The first candidate whose value passes the column's CHECKs and length on
 * every source row, for the first and the last copy, or null.
 */
async function firstAccepted(
  client: pg.ClientBase,
  table: string,
  tenantId: string,
  rows: number,
  columns: Column[],
  column: Column,
  candidates: string[],
): Promise<string | null> {
  if (column.checks.length === 0 && column.maxLength === null) return candidates[0]!;
  const limit = column.maxLength === null ? "false" : `char_length(${quote(column.name)}) > ${column.maxLength}`;
  const checks = column.checks.map((check) => `coalesce((${check}), true)`).join(" and ") || "true";
  for (const candidate of candidates) {
    const select = columns.map((c) => `${c === column ? candidate : `t.${quote(c.name)}`} as ${quote(c.name)}`).join(", ");
    const { rows: bad } = await client.query(
      `select 1 from (select ${select} from ${table} t cross join (values (1), (${rows})) copies(g) where t.tenant_id = $1) s
       where not (${checks}) or ${limit} limit 1`,
      [tenantId],
    );
    if (bad.length === 0) return candidate;
  }
  return null;
}

const PREFERENCE = (column: Column) =>
  column.text ? 0 : column.type === "date" || column.type.startsWith("timestamp") ? 1 : column.type === "uuid" ? 2 : 3;

/** The select-list expression of each column for copy `g` of source row `t`. */
async function copyExpressions(client: pg.ClientBase, table: string, tenantId: string, rows: number): Promise<Map<string, string>> {
  const { columns, uniques } = await describe(client, table);
  const byName = new Map(columns.map((c) => [c.name, c]));
  const expressions = new Map(columns.map((c) => [c.name, `t.${quote(c.name)}`]));
  const distinctText = async (column: Column, candidates: string[]) => {
    const accepted = await firstAccepted(client, table, tenantId, rows, columns, column, candidates);
    if (accepted !== null) expressions.set(column.name, accepted);
    return accepted !== null;
  };
  for (const column of columns) {
    const v = `t.${quote(column.name)}`;
    if (column.name === "id") expressions.set(column.name, "gen_random_uuid()");
    else if (column.name === "created_at" || column.name === "updated_at") expressions.set(column.name, "now() - g * interval '1 minute'");
    else if (column.searched && column.text && !(await distinctText(column, searchedCandidates(v, column.name))))
      throw new Error(`${table}.${column.name}: no distinct searched text satisfies its CHECK constraints`);
  }
  // One column of each unique index made distinct per copy, text first (the others keep the copied links: a
  // price history stays on its product, a waybill with its carrier).
  for (const unique of uniques) {
    if (unique.columns.some((name) => expressions.get(name) !== `t.${quote(name)}`)) continue; // already distinct
    let done = false;
    for (const column of unique.columns.map((name) => byName.get(name)!).sort((a, b) => PREFERENCE(a) - PREFERENCE(b))) {
      const v = `t.${quote(column.name)}`;
      if (column.text) done = await distinctText(column, uniqueCandidates(v));
      else if (column.type === "date") expressions.set(column.name, `${v} + g`);
      // Back by a step that is no whole number of seconds: demo times a whole number of minutes or days apart
      // (a daily price) never land on each other's copies.
      else if (column.type.startsWith("timestamp")) expressions.set(column.name, `${v} - g * interval '1 minute 1 millisecond'`);
      // A uuid link points nowhere new (foreign keys are not checked during the fill).
      else if (column.type === "uuid") expressions.set(column.name, `case when ${v} is null then null else gen_random_uuid() end`);
      else continue;
      done ||= !column.text;
      if (done) break;
    }
    if (!done) throw new Error(`${table}: no column of the unique index ${unique.name} can be made distinct per copy`);
  }
  return expressions;
}

/** Fills `table` with `rows` copies of `tenantId`'s rows (a table without rows in the tenant is an error). */
export async function fillTable(client: pg.ClientBase, table: string, tenantId: string, rows: number): Promise<FillTiming> {
  const expressions = await copyExpressions(client, table, tenantId, rows);
  const list = [...expressions.keys()].map(quote).join(", ");
  const started = performance.now();
  const { rows: source } = await client.query<{ n: number }>(`select count(*)::int as n from ${table} where tenant_id = $1`, [tenantId]);
  const n = source[0]!.n;
  if (n === 0) throw new Error(`${table} has no rows in the tenant to copy`);
  // One transaction: a failed insert or index build leaves the table as it was, indexes included.
  const inTransaction = async () => {
    const { rows: indexes } = await client.query<{ name: string; definition: string }>(
      `select format('%I.%I', n.nspname, ic.relname) as name, pg_get_indexdef(i.indexrelid) as definition
       from pg_index i join pg_class ic on ic.oid = i.indexrelid join pg_namespace n on n.oid = ic.relnamespace
       where i.indrelid = $1::regclass and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`,
      [table],
    );
    for (const index of indexes) await client.query(`drop index ${index.name}`);
    // The source count goes in as a literal: taken from the joined side (count(*) over ()), `t.rn = g % t.n` is no
    // equality a hash join can use, and each of the 100,000 copies looped over every source row.
    const { rowCount } = await client.query(
      `insert into ${table} (${list})
       select ${[...expressions.values()].join(", ")}
       from generate_series(1, ${rows}) g
       join (select *, row_number() over (order by id) - 1 as rn from ${table} where tenant_id = $1) t on t.rn = g % ${n}`,
      [tenantId],
    );
    const inserted = performance.now();
    for (const index of indexes) await client.query(index.definition);
    return { rowCount: rowCount ?? 0, inserted };
  };
  await client.query("begin");
  let done: { rowCount: number; inserted: number };
  try {
    done = await inTransaction();
    await client.query("commit");
  } catch (error) {
    await client.query("rollback");
    throw error;
  }
  const { rowCount, inserted } = done;
  const indexed = performance.now();
  await client.query(`vacuum analyze ${table}`);
  return { table, rows: rowCount, insertMs: inserted - started, indexMs: indexed - inserted, analyzeMs: performance.now() - indexed };
}

/** Fills every table on `connections` connections of `url` working through the list together. */
export async function fillTables(url: string, tables: string[], tenantId: string, rows: number, connections = 2): Promise<FillTiming[]> {
  const queue = [...tables];
  const timings: FillTiming[] = [];
  const work = async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      // Triggers off, as in a restore; nothing here needs to survive a crash.
      await client.query("set session_replication_role = replica");
      await client.query("set synchronous_commit = off");
      await client.query("set maintenance_work_mem = '128MB'");
      for (let table = queue.shift(); table !== undefined; table = queue.shift())
        timings.push(await fillTable(client, table, tenantId, rows));
    } finally {
      await client.end();
    }
  };
  await Promise.all(Array.from({ length: connections }, work));
  return timings;
}
