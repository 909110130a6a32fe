/*
 * npm run bench:schema [-- --before 000021 --rounds 3 --cpu-prof <dir>]
 *
 * What the modules added after a given migration cost the GraphQL schema,
 * in one run, on one embedded PostgreSQL of its own (a temporary directory)
 * holding two databases:
 *
 * - "before": the committed migrations up to `--before` only, then
 *   functions/ and policies/ as they were committed with that migration as
 *   the last one (the newest first-parent commit of HEAD whose last
 *   migration it is). Today's policies/ cannot be used there: besides the
 *   files of the later modules, files of the earlier ones grant columns that
 *   later migrations added (10_platform.sql grants `import_hash`, …), so
 *   they fail on that database;
 * - "after": every committed migration, then functions/ and policies/, as
 *   the gateway's own start does.
 *
 * For each database, alternately before/after for `--rounds` rounds, a fresh
 * child process (with the V8 option `npm start` gives the gateway) builds
 * the schema with the gateway's preset (as `schema:export` does) and
 * reports the build's wall and CPU time and its garbage collection pauses,
 * its RSS and heap after the build (after a full GC), the printed schema's
 * size and its GraphQL types; then, alternately again, graphql-codegen runs with
 * the project's codegen.ts over each printed schema into a temporary folder,
 * in a child process of its own. Codegen reads the SDK's operation files
 * that are valid against both schemas, so both runs generate the same
 * operations and the difference is the schema's.
 *
 * Prints medians and each after/before ratio divided by the ratio of the
 * owner's tables (nexus.owner_tables) and by that of their columns: above 1,
 * the figure grew worse than linearly in tables (or columns). The schema's
 * builders work per column (attribute fields, filters, orderings, one
 * aggregate field per column and aggregate), so a module of wide tables
 * costs more per table than one of narrow ones. Writes bench/results/schema.md.
 */
import "../src/cli/graphile-env";

import { execFileSync, fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import v8 from "node:v8";

import type { CodegenConfig } from "@graphql-codegen/cli";
import { migrate } from "graphile-migrate";
import { buildSchema, type GraphQLSchema, isInputObjectType, isInterfaceType, isObjectType, parse, validate } from "graphql";
import pg from "pg";
import { postgraphile } from "postgraphile";

import codegenConfig from "../codegen";
import { loadConfig } from "../src/config";
import { bootstrapRoles, ensureDatabase, grantDatabase, withClient, withCredentials } from "../src/db/bootstrap";
import { startEmbeddedCluster } from "../src/db/embedded";
import { migrateDatabase, migrationSettings } from "../src/db/migrate";
import { projectRoot } from "../src/db/project";
import { DB_ROLES } from "../src/db/roles";
import { printSortedSchema } from "../src/graphql/contract";
import { makePreset } from "../src/graphql/preset";
import { RowChangesPlugin } from "../src/graphql/realtime";
import { UserAvatarPlugin } from "../src/graphql/user-avatar";
import { argCount, argValue } from "./data";

const RESULTS_FILE = path.join("bench", "results", "schema.md");
const OPERATIONS_DIR = path.join("sdk", "operations");
/** The V8 option `npm start` runs the gateway with (package.json), so the build's garbage collection is the gateway's. */
const GATEWAY_NODE_OPTIONS = ["--max-semi-space-size=32"];

type Side = "before" | "after";

interface BuildFigures {
  buildWallMs: number;
  buildCpuMs: number;
  buildGcMs: number;
  rssMb: number;
  heapMb: number;
  heapBuiltMb: number;
  sdlBytes: number;
  types: number;
  fields: number;
}

interface CodegenFigures {
  codegenWallMs: number;
  codegenCpuMs: number;
}

const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;

/**
 * The gateway's preset, less `File.url` (src/graphql/file-url.ts) when the
 * database has no content.files: that plugin extends the `File` type, which
 * such a schema lacks, so the build would fail. It is the preset's only
 * extendSchema plugin besides RowChangesPlugin and UserAvatarPlugin (which
 * looks for the table first); extendSchema names its plugins at random, so
 * it is found that way, and the bench stops if the preset no longer has
 * exactly one such plugin.
 */
function benchPreset(preset: GraphileConfig.Preset, withFiles: boolean): GraphileConfig.Preset {
  if (withFiles) return preset;
  const isFileUrl = (plugin: GraphileConfig.Plugin) =>
    plugin.name.startsWith("ExtendSchemaPlugin_") && plugin !== RowChangesPlugin && plugin !== UserAvatarPlugin;
  const found = (preset.plugins ?? []).filter(isFileUrl);
  if (found.length !== 1) throw new Error(`expected one File.url plugin in the preset, found ${found.length}`);
  return { ...preset, plugins: preset.plugins!.filter((plugin) => !isFileUrl(plugin)) };
}

/** The named types of a schema, less introspection's, and the fields of its object, interface and input types. */
function schemaCounts(schema: GraphQLSchema): { types: number; fields: number } {
  const types = Object.values(schema.getTypeMap()).filter((type) => !type.name.startsWith("__"));
  const fields = types.reduce(
    (sum, type) =>
      sum + (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type) ? Object.keys(type.getFields()).length : 0),
    0,
  );
  return { types: types.length, fields };
}

/** Child: builds the schema of the database behind NEXUS_BENCH_AUTHENTICATOR_URL, prints it to `sdlFile`, reports its figures. */
async function buildChild(sdlFile: string): Promise<void> {
  const config = loadConfig(process.env);
  const pool = new pg.Pool({ connectionString: process.env.NEXUS_BENCH_AUTHENTICATOR_URL!, max: 2 });
  globalThis.gc!();
  const heapBefore = process.memoryUsage().heapUsed;
  const gcProfiler = new v8.GCProfiler();
  gcProfiler.start();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const pgl = postgraphile(benchPreset(makePreset(config, pool), process.env.NEXUS_BENCH_FILES === "1"));
  const schema = await pgl.getSchema();
  const buildWallMs = performance.now() - started;
  const buildCpuMs = cpuMs(process.cpuUsage(cpu));
  // The pauses of the main thread, in µs (concurrent marking on helper threads is in buildCpuMs only).
  const buildGcMs = gcProfiler.stop().statistics.reduce((sum, gc) => sum + gc.cost, 0) / 1000;
  // The schema and PostGraphile's caches stay referenced; what the build left behind unreferenced goes first.
  globalThis.gc!();
  const memory = process.memoryUsage();
  const sdl = printSortedSchema(schema);
  fs.writeFileSync(sdlFile, sdl);
  const figures: BuildFigures = {
    buildWallMs,
    buildCpuMs,
    buildGcMs,
    rssMb: memory.rss / 2 ** 20,
    heapMb: memory.heapUsed / 2 ** 20,
    heapBuiltMb: (memory.heapUsed - heapBefore) / 2 ** 20,
    sdlBytes: Buffer.byteLength(sdl),
    ...schemaCounts(schema),
  };
  await new Promise((resolve) => process.send!(figures, resolve));
  await pgl.release();
  await pool.end();
}

/** Child: graphql-codegen with the project's codegen.ts, over `sdlFile` and `documents`, into `outDir`. */
async function codegenChild(sdlFile: string, outDir: string, documents: string[]): Promise<void> {
  const { generate } = await import("@graphql-codegen/cli");
  const [target] = Object.values(codegenConfig.generates);
  const config: CodegenConfig = { ...codegenConfig, schema: sdlFile, documents, generates: { [`${outDir}/`]: target! } };
  const cpu = process.cpuUsage();
  const started = performance.now();
  await generate({ ...config, silent: true }, true);
  const figures: CodegenFigures = { codegenWallMs: performance.now() - started, codegenCpuMs: cpuMs(process.cpuUsage(cpu)) };
  await new Promise((resolve) => process.send!(figures, resolve));
}

function runChild<T>(args: string[], env: NodeJS.ProcessEnv, execArgv: string[] = []): Promise<T> {
  const child = fork(__filename, args, { env, execArgv: ["--expose-gc", ...execArgv], stdio: ["ignore", "ignore", "inherit", "ipc"] });
  return new Promise((resolve, reject) => {
    let figures: T | undefined;
    child.once("message", (message: T) => (figures = message));
    child.once("exit", (code) =>
      code === 0 && figures ? resolve(figures) : reject(new Error(`${args[0]} ${args[1]}: exited with ${code}`)),
    );
  });
}

const git = (args: string[]) => execFileSync("git", args, { cwd: projectRoot(), encoding: "utf8", maxBuffer: 64 * 2 ** 20 });

/** The number of the last committed migration of `commit`. */
function lastMigration(commit: string): number {
  const names = git(["ls-tree", "--name-only", commit, "migrations/committed/"]).split("\n").filter(Boolean);
  return Math.max(0, ...names.map((name) => Number(/(\d+)[^/]*\.sql$/.exec(name)?.[1] ?? 0)));
}

/**
 * functions/ then policies/ (the order of contractFiles in src/db/migrate.ts)
 * as committed in the newest first-parent commit of HEAD whose last
 * migration is `before`: the security contract that went with that schema.
 */
function contractAt(before: number): { commit: string; files: { name: string; sql: string }[] } {
  const commit = git(["rev-list", "--first-parent", "HEAD"])
    .split("\n")
    .filter(Boolean)
    .find((c) => lastMigration(c) === before);
  if (!commit) throw new Error(`no commit of HEAD's first-parent history has migration ${before} as its last`);
  const files = ["functions", "policies"].flatMap((folder) =>
    git(["ls-tree", "--name-only", commit, `${folder}/`])
      .split("\n")
      .filter((name) => name.endsWith(".sql"))
      .sort()
      .map((name) => ({ name, sql: git(["show", `${commit}:${name}`]) })),
  );
  return { commit, files };
}

/** The committed migrations up to `before` copied into a folder of their own, migrated there, then `contract` applied as the owner. */
async function migrateBefore(adminUrl: string, before: number, workDir: string, contract: { name: string; sql: string }[]): Promise<void> {
  const committed = path.join(projectRoot(), "migrations", "committed");
  const folder = path.join(workDir, "migrations-before");
  fs.mkdirSync(path.join(folder, "committed"), { recursive: true });
  fs.writeFileSync(path.join(folder, "current.sql"), "");
  for (const name of fs.readdirSync(committed).sort()) {
    if (Number(/^(\d+)/.exec(name)?.[1] ?? Infinity) <= before)
      fs.copyFileSync(path.join(committed, name), path.join(folder, "committed", name));
  }
  try {
    await migrate({ ...migrationSettings({ adminUrl }), migrationsFolder: folder, afterAllMigrations: [] });
  } finally {
    // As src/db/migrate.ts does: graphile-migrate's idle pools would otherwise outlive the cluster.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a file outside the package's exports map
    (require("graphile-migrate/dist/pgReal") as { clearAllPools(): void }).clearAllPools();
  }
  // One transaction as the owner, as applyPolicies does (no other instance runs here, so no table locks).
  await withClient(adminUrl, async (client) => {
    await client.query("begin");
    await client.query(`set local role ${DB_ROLES.owner}`);
    for (const file of contract) {
      try {
        await client.query(file.sql);
      } catch (error) {
        await client.query("rollback");
        throw new Error(`${file.name} on the "before" database: ${(error as Error).message}`, { cause: error });
      }
    }
    await client.query("commit");
  });
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** The operation files of the SDK that validate against every schema given. */
function sharedOperations(sdls: string[]): { valid: string[]; left: string[] } {
  const schemas = sdls.map((sdl) => buildSchema(sdl));
  const files = fs
    .readdirSync(OPERATIONS_DIR)
    .filter((name) => name.endsWith(".graphql"))
    .sort()
    .map((name) => path.resolve(OPERATIONS_DIR, name));
  const valid = files.filter((file) => {
    const document = parse(fs.readFileSync(file, "utf8"));
    return schemas.every((schema) => validate(schema, document).length === 0);
  });
  return { valid, left: files.filter((file) => !valid.includes(file)) };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === "build") return buildChild(argv[1]!);
  if (argv[0] === "codegen") return codegenChild(argv[1]!, argv[2]!, argv.slice(3));
  const before = Number(argValue(argv, "before", "000021"));
  const rounds = argCount(argv, "rounds", 3);
  // --cpu-prof <dir>: each build child writes <side>-<round>.cpuprofile there (the profiler slows the build: not for the figures).
  const profileDir = argValue(argv, "cpu-prof", "") ? path.resolve(argValue(argv, "cpu-prof", "")) : null;
  if (!Number.isInteger(before) || before < 1) throw new Error("--before must be a migration number");

  const loadAtStart = os.loadavg();
  const contract = contractAt(before);
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "nexus-bench-schema-"));
  const cluster = await startEmbeddedCluster(path.join(workDir, "pg"));
  const lines: string[] = [];
  const out = (line: string) => (lines.push(line), process.stdout.write(`${line}\n`));
  try {
    const urls: Record<Side, string> = { before: cluster.url("nexus_before"), after: cluster.url("nexus_after") };
    await bootstrapRoles(urls.before, cluster.authenticatorPassword, { resetPassword: true });
    for (const side of ["before", "after"] as const) {
      await ensureDatabase(urls[side], new URL(urls[side]).pathname.slice(1));
      await grantDatabase(urls[side]);
    }
    process.stdout.write(
      `bench: "before" database: migrations up to ${before}, functions/ and policies/ of ${contract.commit.slice(0, 7)}\n`,
    );
    await migrateBefore(urls.before, before, workDir, contract.files);
    process.stdout.write(`bench: "after" database: every committed migration, functions/ and policies/\n`);
    await migrateDatabase({ adminUrl: urls.after });

    const catalog = {} as Record<
      Side,
      { tables: number; tenantOwned: number; columns: number; foreignKeys: number; lastMigration: string; files: boolean }
    >;
    for (const side of ["before", "after"] as const) {
      await withClient(urls[side], async (client) => {
        const { rows } = await client.query(`
          select (select count(*) from nexus.owner_tables)::int as tables,
                 (select count(*) from nexus.owner_tables where tenant_owned)::int as "tenantOwned",
                 (select count(*) from pg_attribute
                   where attrelid in (select oid from nexus.owner_tables) and attnum > 0 and not attisdropped)::int as columns,
                 (select count(*) from pg_constraint
                   where contype = 'f' and conrelid in (select oid from nexus.owner_tables))::int as "foreignKeys",
                 (select max(filename) from graphile_migrate.migrations) as "lastMigration",
                 to_regclass('content.files') is not null as files`);
        catalog[side] = rows[0];
      });
    }

    const env = (side: Side): NodeJS.ProcessEnv => ({
      PATH: process.env.PATH,
      NODE_ENV: "production",
      GRAPHILE_ENV: "production",
      JWT_SECRET: randomBytes(48).toString("base64"),
      NEXUS_LOG_LEVEL: "silent",
      NEXUS_BENCH_FILES: catalog[side].files ? "1" : "0",
      NEXUS_BENCH_AUTHENTICATOR_URL: withCredentials(urls[side], DB_ROLES.authenticator, cluster.authenticatorPassword),
    });
    const builds: Record<Side, BuildFigures[]> = { before: [], after: [] };
    const sdlFiles: Record<Side, string> = { before: "", after: "" };
    for (let round = 1; round <= rounds; round++) {
      for (const side of ["before", "after"] as const) {
        sdlFiles[side] = path.join(workDir, `${side}-${round}.graphql`);
        const profile = profileDir ? ["--cpu-prof", "--cpu-prof-dir", profileDir, "--cpu-prof-name", `${side}-${round}.cpuprofile`] : [];
        builds[side].push(await runChild<BuildFigures>(["build", sdlFiles[side]], env(side), [...GATEWAY_NODE_OPTIONS, ...profile]));
        process.stdout.write(`bench: round ${round} ${side}: schema built in ${(builds[side].at(-1)!.buildWallMs / 1000).toFixed(1)} s\n`);
      }
    }
    const operations = sharedOperations([fs.readFileSync(sdlFiles.before, "utf8"), fs.readFileSync(sdlFiles.after, "utf8")]);
    const codegens: Record<Side, CodegenFigures[]> = { before: [], after: [] };
    for (let round = 1; round <= rounds; round++) {
      for (const side of ["before", "after"] as const) {
        const outDir = path.join(workDir, `codegen-${side}-${round}`);
        codegens[side].push(await runChild<CodegenFigures>(["codegen", sdlFiles[side], outDir, ...operations.valid], env(side)));
        process.stdout.write(`bench: round ${round} ${side}: codegen in ${(codegens[side].at(-1)!.codegenWallMs / 1000).toFixed(1)} s\n`);
      }
    }

    type Figures = BuildFigures & CodegenFigures;
    const measured = (side: Side) => builds[side].map((b, i): Figures => ({ ...b, ...codegens[side][i]! }));
    const tableRatio = catalog.after.tables / catalog.before.tables;
    const columnRatio = catalog.after.columns / catalog.before.columns;
    const catalogRows: [string, number, number][] = [
      ["tables (nexus.owner_tables)", catalog.before.tables, catalog.after.tables],
      ["of which tenant-owned (tenant_id)", catalog.before.tenantOwned, catalog.after.tenantOwned],
      ["columns of those tables", catalog.before.columns, catalog.after.columns],
      ["foreign keys of those tables", catalog.before.foreignKeys, catalog.after.foreignKeys],
    ];
    const rows: [string, (f: Figures) => number, number][] = [
      ["schema build, wall (s)", (b) => b.buildWallMs / 1000, 2],
      ["schema build, CPU of the child (s)", (b) => b.buildCpuMs / 1000, 2],
      ["garbage collection pauses in the build (s)", (b) => b.buildGcMs / 1000, 2],
      ["schema build, wall less those pauses (s)", (b) => (b.buildWallMs - b.buildGcMs) / 1000, 2],
      ["RSS after the build (MB)", (b) => b.rssMb, 0],
      ["heap used after the build (MB)", (b) => b.heapMb, 0],
      ["heap the build added (MB)", (b) => b.heapBuiltMb, 0],
      ["printed schema (KB)", (b) => b.sdlBytes / 1024, 0],
      ["GraphQL types", (b) => b.types, 0],
      ["GraphQL fields (object, interface and input types)", (b) => b.fields, 0],
      ["codegen, wall (s)", (b) => b.codegenWallMs / 1000, 2],
      ["codegen, CPU of the child (s)", (b) => b.codegenCpuMs / 1000, 2],
    ];
    const loadAtEnd = os.loadavg();
    out(`Before: migrations up to ${catalog.before.lastMigration}, functions/ and policies/ of ${contract.commit.slice(0, 7)}.`);
    out(`After: migrations up to ${catalog.after.lastMigration}. Medians of ${rounds} rounds, each in a fresh process.`);
    for (const side of ["before", "after"] as const)
      if (!catalog[side].files) out(`The ${side} database has no content.files: its schema is built without the File.url plugin.`);
    out(
      `Codegen over the ${operations.valid.length} operation files valid against both schemas (${operations.valid.map((f) => path.basename(f)).join(", ")}).`,
    );
    out(
      `Load average (1/5/15 min) at the start ${loadAtStart.map((l) => l.toFixed(1)).join(" / ")}, at the end ${loadAtEnd.map((l) => l.toFixed(1)).join(" / ")}; ${os.cpus().length} cores.\n`,
    );
    out(`| figure | before | after | after / before | ratio / table ratio | ratio / column ratio |`);
    out(`| --- | ---: | ---: | ---: | ---: | ---: |`);
    const row = (name: string, b: number, a: number, digits: number) =>
      out(
        `| ${name} | ${b.toFixed(digits)} | ${a.toFixed(digits)} | ${(a / b).toFixed(2)} | ${(a / b / tableRatio).toFixed(2)} | ${(a / b / columnRatio).toFixed(2)} |`,
      );
    for (const [name, b, a] of catalogRows) row(name, b, a, 0);
    for (const [name, pick, digits] of rows) row(name, median(measured("before").map(pick)), median(measured("after").map(pick)), digits);
    out(`\nEvery round (before · after):\n`);
    for (const [name, pick, digits] of rows) {
      const each = (side: Side) =>
        measured(side)
          .map((f) => pick(f).toFixed(digits))
          .join(", ");
      out(`- ${name}: ${each("before")} · ${each("after")}`);
    }
  } finally {
    await cluster.stop();
    fs.rmSync(workDir, { recursive: true, force: true });
  }
  fs.mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  fs.writeFileSync(RESULTS_FILE, `# Schema size bench (${new Date().toISOString()})\n\n${lines.join("\n")}\n`);
}

main().catch((error) => {
  process.stderr.write(`bench: ${(error as Error).stack}\n`);
  process.exit(1);
});
