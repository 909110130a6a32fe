import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { comparePages, formatDifference } from "../src/docs/files";
import { type DocsSource, introspectDatabase } from "../src/docs/introspect";
import { type DocPages, renderDocs } from "../src/docs/render";
import { withAdmin } from "./support/fixtures";
import { testConfig } from "./support/gateway";

/**
 * `npm run docs:gen`: the schema reference under docs/database, generated
 * from the live catalog and the gateway's GraphQL schema.
 */
const ROOT = path.join(__dirname, "..");
const DOCS_CLI = path.join(ROOT, "dist", "src", "cli", "docs.js");
const COMMITTED = path.join(ROOT, "docs", "database");

const source = (): DocsSource => ({
  adminUrl: process.env.NEXUS_TEST_ADMIN_URL!,
  authenticatorUrl: process.env.NEXUS_TEST_AUTHENTICATOR_URL!,
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs of the CLI still going. A test that times out leaves its run behind,
 * and a child (with its pipes) alive at the end keeps the jest worker from
 * exiting: the file ends them and waits for their exit.
 */
const running = new Set<ChildProcess>();
afterAll(async () => {
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once("exit", () => resolve());
          child.kill();
        }),
    ),
  );
});

/** The compiled command, as `npm run docs:gen` runs it, with only the environment given. */
function docsGen(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [DOCS_CLI, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH!, HOME: os.tmpdir(), NODE_ENV: "test", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    running.add(child);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.once("error", reject);
    child.once("exit", (code) => {
      running.delete(child);
      resolve({ code, stdout, stderr });
    });
  });
}

/** DOCS_DB_URL at the test database, with the authenticator's password for the GraphQL part. */
const testDatabaseEnv = () => ({
  DOCS_DB_URL: process.env.NEXUS_TEST_ADMIN_URL!,
  NEXUS_AUTHENTICATOR_PASSWORD: decodeURIComponent(new URL(process.env.NEXUS_TEST_AUTHENTICATOR_URL!).password),
});

/** Every file under `dir` with its bytes and modification time. */
async function snapshot(dir: string): Promise<Record<string, { content: string; mtimeMs: number }>> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  const files: Record<string, { content: string; mtimeMs: number }> = {};
  for (const entry of entries.filter((e) => e.isFile())) {
    const file = path.join(entry.parentPath, entry.name);
    files[path.relative(dir, file)] = { content: (await fs.readFile(file)).toString("base64"), mtimeMs: (await fs.stat(file)).mtimeMs };
  }
  return files;
}

/** A snapshot's pages and their bytes, whenever they were written. */
const contents = (files: Record<string, { content: string }>) =>
  Object.fromEntries(Object.entries(files).map(([name, file]) => [name, file.content]));

/** The lines of `page` that mention `needle`: enough context for a failure to be readable. */
const linesWith = (page: string, needle: string) => page.split("\n").filter((line) => line.includes(needle));

/** The rows of one `## title` section of a page whose first cell is `first`. */
function rowOf(page: string, title: string, first: string): string[] {
  const start = page.indexOf(`\n## ${title}\n`);
  const end = page.indexOf("\n## ", start + 1);
  return linesWith(page.slice(start, end < 0 ? undefined : end), `| ${first} |`).filter((line) => line.startsWith(`| ${first} |`));
}

beforeAll(() => {
  if (!existsSync(DOCS_CLI)) throw new Error("run `npm run build` first (npm test does)");
});

describe("a generated table page", () => {
  // Test files share the database: a schema of our own, dropped at the end.
  const s = `docs_${randomUUID().slice(0, 8)}`;
  let pages: DocPages;
  let widgets: string;
  let parents: string;

  beforeAll(async () => {
    await withAdmin(async (client) => {
      await client.query(`
        create schema ${s};
        comment on schema ${s} is 'Scratch schema of the docs:gen test.';
        grant usage on schema ${s} to nexus_user;

        create table ${s}.parents (
          id uuid primary key default gen_random_uuid(),
          tenant_id uuid not null,
          code text not null,
          constraint parents_tenant_id_id_key unique (tenant_id, id),
          constraint parents_tenant_id_code_key unique (tenant_id, code)
        );

        create table ${s}.widgets (
          id uuid primary key default gen_random_uuid(),
          tenant_id uuid not null,
          parent_id uuid not null,
          serial_number text not null,
          quantity integer not null default 1,
          starts_on date not null,
          ends_on date,
          constraint widgets_serial_number_key unique (serial_number),
          constraint widgets_parent_fkey foreign key (tenant_id, parent_id)
            references ${s}.parents (tenant_id, id) on delete cascade,
          constraint widgets_quantity_positive check (quantity > 0),
          constraint widgets_dates_ordered check (ends_on is null or ends_on >= starts_on)
        );
        create index widgets_parent_idx on ${s}.widgets (tenant_id, parent_id);

        create function ${s}.tg_widgets__keep_serial() returns trigger
          language plpgsql volatile set search_path = pg_catalog
        as $$ begin new.serial_number := old.serial_number; return new; end; $$;
        comment on function ${s}.tg_widgets__keep_serial() is 'Trigger: a serial number never changes.';
        create trigger _100_keep_serial before update on ${s}.widgets
          for each row execute function ${s}.tg_widgets__keep_serial();

        alter table ${s}.widgets enable row level security;
        alter table ${s}.widgets force row level security;
        create policy widgets_tenant on ${s}.widgets for all to nexus_user
          using (tenant_id = (select nexus.current_tenant_id()))
          with check (tenant_id = (select nexus.current_tenant_id()));

        grant select on ${s}.parents, ${s}.widgets to nexus_user;
        grant update (quantity) on ${s}.widgets to nexus_user;

        comment on table ${s}.widgets is 'A widget of the docs:gen test.';
        comment on column ${s}.widgets.serial_number is 'Serial number, unique everywhere.';
      `);
    });
    pages = renderDocs(await introspectDatabase(testConfig(), source(), { schemas: [s] }));
    widgets = pages.get(`${s}/widgets.md`)!;
    parents = pages.get(`${s}/parents.md`)!;
  });
  afterAll(async () => {
    await withAdmin((client) => client.query(`drop schema if exists ${s} cascade`));
  });

  test("there is a hub page, a functions page, a schema page and a page per table", () => {
    // In path order, which puts functions.md among the schema folders.
    expect([...pages.keys()]).toEqual(["README.md", `${s}/README.md`, `${s}/parents.md`, `${s}/widgets.md`, "functions.md"].sort());
    expect(pages.get("README.md")).toContain(`| [\`${s}\`](${s}/README.md) | 2 | Scratch schema of the docs:gen test. |`);
  });

  test("the functions page lists the schema's functions and the internal helpers, each with its comment", () => {
    const functions = pages.get("functions.md")!;
    expect(functions).toContain(`## \`${s}\``);
    expect(functions).toContain(
      "| `tg_widgets__keep_serial()` | `trigger` | plpgsql | volatile | invoker | Trigger: a serial number never changes. |",
    );
    expect(functions).toContain("## `nexus_auth`");
    expect(linesWith(functions, "`has_permission(")).toEqual([
      expect.stringMatching(/\| `boolean` \| (sql|plpgsql) \| stable \| definer \| .+ \|$/),
    ]);
  });

  test("names the table and its comment", () => {
    expect(widgets).toContain(`# \`${s}.widgets\``);
    expect(widgets).toContain("\nA widget of the docs:gen test.\n");
  });

  test("lists each column with type, nullable, default, PK, unique, FK, target and ON DELETE", () => {
    expect(widgets).toContain("| Column | Type | Nullable | Default | PK | Unique | FK | FK Target | On Delete | Description |");
    expect(rowOf(widgets, "Columns", "`id`")).toEqual(["| `id` | `uuid` | NO | `gen_random_uuid()` | Yes | Yes | No | - | - | - |"]);
    expect(rowOf(widgets, "Columns", "`parent_id`")).toEqual([
      `| \`parent_id\` | \`uuid\` | NO | - | No | No | Yes | [\`${s}.parents\`](parents.md).\`id\` | CASCADE | - |`,
    ]);
    expect(rowOf(widgets, "Columns", "`tenant_id`")).toEqual([
      `| \`tenant_id\` | \`uuid\` | NO | - | No | No | Yes | [\`${s}.parents\`](parents.md).\`tenant_id\` | CASCADE | - |`,
    ]);
    expect(rowOf(widgets, "Columns", "`serial_number`")).toEqual([
      "| `serial_number` | `text` | NO | - | No | Yes | No | - | - | Serial number, unique everywhere. |",
    ]);
    expect(rowOf(widgets, "Columns", "`quantity`")[0]).toMatch(/^\| `quantity` \| `integer` \| NO \| `1` \|/);
    expect(rowOf(widgets, "Columns", "`ends_on`")[0]).toMatch(/^\| `ends_on` \| `date` \| YES \| - \|/);
    // Part of a composite unique key: the key, not a bare "Yes".
    expect(rowOf(parents, "Columns", "`code`")[0]).toContain("| No | `(tenant_id, code)` |");
  });

  test("shows primary key, unique and CHECK constraints as readable expressions", () => {
    expect(widgets).toContain("| `widgets_pkey` | primary key | `id` |");
    expect(widgets).toContain("| `widgets_serial_number_key` | unique | `serial_number` |");
    expect(widgets).toContain("| `widgets_quantity_positive` | `CHECK (quantity > 0)` |");
    expect(widgets).toContain("| `widgets_dates_ordered` | `CHECK (ends_on IS NULL OR ends_on >= starts_on)` |");
  });

  test("shows the composite foreign key out of the table and into the parent", () => {
    expect(linesWith(widgets, "`widgets_parent_fkey`")).toEqual([
      expect.stringMatching(
        new RegExp(
          `^\\| \`widgets_parent_fkey\` \\| \`tenant_id\`, \`parent_id\` \\| \\[\`${s}\\.parents\`\\]\\(parents\\.md\\) \\(\`tenant_id\`, \`id\`\\) \\| CASCADE \\| NO ACTION \\| No \\| \`Widget\\.\\w+\` \\|$`,
        ),
      ),
    ]);
    expect(linesWith(parents, "`widgets_parent_fkey`")).toEqual([
      expect.stringMatching(
        new RegExp(
          `^\\| \\[\`${s}\\.widgets\`\\]\\(widgets\\.md\\) \\| \`widgets_parent_fkey\` \\| \`tenant_id\`, \`parent_id\` \\| \`tenant_id\`, \`id\` \\| CASCADE \\| \`Parent\\.\\w+\` \\|$`,
        ),
      ),
    ]);
  });

  test("shows indexes and triggers", () => {
    expect(widgets).toContain("| `widgets_parent_idx` | No | `btree (tenant_id, parent_id)` | - |");
    expect(widgets).toContain("| `widgets_pkey` | Yes (primary key) | `btree (id)` | `widgets_pkey` |");
    expect(widgets).toContain(
      `| \`_100_keep_serial\` | \`BEFORE UPDATE ON ${s}.widgets FOR EACH ROW EXECUTE FUNCTION ${s}.tg_widgets__keep_serial()\` | \`${s}.tg_widgets__keep_serial()\`: Trigger: a serial number never changes. | Yes |`,
    );
  });

  test("shows row level security, enabled and forced, and the policy with command, roles, USING and WITH CHECK", () => {
    expect(widgets).toContain("- **Row level security:** enabled, forced; 1 policy");
    expect(widgets).toContain("Row level security is **enabled** and **forced**");
    expect(linesWith(widgets, "`widgets_tenant`")).toEqual([
      "| `widgets_tenant` | ALL | permissive | `nexus_user` | `tenant_id = (( SELECT nexus.current_tenant_id() AS current_tenant_id))` | `tenant_id = (( SELECT nexus.current_tenant_id() AS current_tenant_id))` |",
    ]);
    expect(parents).toContain("Row level security is **disabled**");
  });

  test("shows grants, to the table and to columns", () => {
    expect(widgets).toContain("| `nexus_user` | SELECT | UPDATE (`quantity`) |");
  });

  test("shows the GraphQL type and root fields PostGraphile builds for the table", () => {
    expect(widgets).toContain("- **GraphQL:** type `Widget`");
    expect(widgets).toContain("| Query | `widget(rowId: UUID!): Widget` | one row by primary key |");
    expect(widgets).toContain("| Query | `widgets: WidgetConnection` | list (connection) |");
    expect(widgets).toContain("| `serial_number` | `serialNumber` |");
  });

  test("the schema page lists the tables and draws their relationship", () => {
    const schemaPage = pages.get(`${s}/README.md`)!;
    expect(schemaPage).toContain(`| [\`widgets\`](widgets.md) | \`Widget\` | enabled, forced | 1 | A widget of the docs:gen test. |`);
    expect(schemaPage).toContain("```mermaid\nerDiagram\n");
    expect(schemaPage).toContain('  parents ||--o{ widgets : "tenant_id, parent_id"');
  });

  test("the same database renders the same bytes", async () => {
    const again = renderDocs(await introspectDatabase(testConfig(), source(), { schemas: [s] }));
    expect([...again]).toEqual([...pages]);
  });
});

describe("npm run docs:gen", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "nexus-docs-"));
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  test("leaves the last pages byte-for-byte when the database cannot be reached, warns in one line and exits 0", async () => {
    await fs.mkdir(path.join(dir, "platform"));
    await fs.writeFile(path.join(dir, "README.md"), "# the last hub page\n");
    await fs.writeFile(path.join(dir, "platform", "users.md"), "# the last users page\n");
    const before = await snapshot(dir);

    const run = await docsGen(["--out", dir], { DOCS_DB_URL: "postgres://nexus:secret@127.0.0.1:1/nexus" });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("");
    const lines = run.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^nexus: docs:gen: cannot reach the database \(.+\); .+ is left as last generated$/);
    expect(await snapshot(dir)).toEqual(before);

    // A check that cannot compare must not pass.
    const check = await docsGen(["--check", "--out", dir], { DOCS_DB_URL: "postgres://nexus:secret@127.0.0.1:1/nexus" });
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(/cannot reach the database/);
    expect(await snapshot(dir)).toEqual(before);
  });

  test("writes the pages, --check names each stale, missing and extra page, and a rerun repairs only those", async () => {
    const env = testDatabaseEnv();
    const written = await docsGen(["--out", dir], env);
    expect(written.stderr).toBe("");
    expect(written.code).toBe(0);
    const fresh = await snapshot(dir);

    await fs.appendFile(path.join(dir, "platform", "users.md"), "A hand edit.\n");
    await fs.rm(path.join(dir, "platform", "tenants.md"));
    await fs.writeFile(path.join(dir, "platform", "dropped_table.md"), "# a table that no longer exists\n");
    const untouched = (await snapshot(dir))[path.join("platform", "roles.md")];

    const check = await docsGen(["--check", "--out", dir], env);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain("stale    platform/users.md");
    expect(check.stderr).toContain("missing  platform/tenants.md");
    expect(check.stderr).toContain("extra    platform/dropped_table.md");
    expect(check.stderr.trim().split("\n").at(-1)).toMatch(/^nexus: .* is out of date \(3 page\(s\) differ\); run npm run docs:gen/);

    const repaired = await docsGen(["--out", dir], env);
    expect(repaired.code).toBe(0);
    expect(repaired.stdout).toMatch(/1 added, 1 updated, 1 removed/);
    expect(existsSync(path.join(dir, "platform", "dropped_table.md"))).toBe(false);
    expect((await snapshot(dir))[path.join("platform", "roles.md")]).toEqual(untouched);
    expect(contents(await snapshot(dir))).toEqual(contents(fresh));
    expect(await docsGen(["--check", "--out", dir], env)).toMatchObject({ code: 0 });
    // Four runs of the CLI, each a process of its own that reads the whole catalog (about a minute each on a busy 2-core machine).
  }, 360_000);
});

describe("the committed docs/database", () => {
  test("is what the migrated database gives (run `npm run docs:gen` after changing the schema)", async () => {
    const pages = renderDocs(await introspectDatabase(testConfig(), source()));
    expect(formatDifference(await comparePages(COMMITTED, pages))).toEqual([]);
  });
});
