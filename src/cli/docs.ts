import "./graphile-env";

import path from "node:path";
import { parseArgs } from "node:util";

import pg from "pg";

import type { Config } from "../config";
import { withClient, withCredentials } from "../db/bootstrap";
import { type Database, openDatabase } from "../db/database";
import { DataDirectoryInUseError } from "../db/embedded";
import { migrateDatabase } from "../db/migrate";
import { projectRoot } from "../db/project";
import { DB_ROLES } from "../db/roles";
import { comparePages, formatDifference, isCurrent, writePages } from "../docs/files";
import { type DocsSource, introspectDatabase } from "../docs/introspect";
import { renderDocs } from "../docs/render";
import { configOrExit, fail, requireNode22 } from "./runtime";

const USAGE = `Usage: npm run docs:gen [-- --check] [-- --out <dir>]

  (no option)   write the schema reference to docs/database from the database
  --check       change nothing; exit 1 and list the pages that differ from what the database gives
  --out <dir>   another folder than docs/database

Reads DOCS_DB_URL, else DATABASE_URL, else the embedded PostgreSQL in NEXUS_DATA_DIR (.nexus/).
The GraphQL part is built as nexus_authenticator; its password is NEXUS_AUTHENTICATOR_PASSWORD,
else the password of that URL (the embedded cluster knows its own).`;

/** The database could not be reached at all: the one failure docs:gen only warns about. */
class DatabaseUnreachableError extends Error {
  constructor(cause: unknown) {
    super(
      `cannot reach the database (${String((cause as Error).message ?? cause)
        .replace(/\s+/g, " ")
        .trim()})`,
    );
    this.name = "DatabaseUnreachableError";
  }
}

interface OpenSource extends DocsSource {
  close(): Promise<void>;
}

function readDocsUrl(config: Config): string | null {
  const raw = process.env.DOCS_DB_URL?.trim();
  if (!raw) return config.databaseUrl;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    fail("invalid configuration: DOCS_DB_URL is not a valid URL (expected postgres://user:password@host:5432/database)");
  }
  if (url.protocol !== "postgres:" && url.protocol !== "postgresql:") {
    fail(`invalid configuration: DOCS_DB_URL must start with postgres:// (got "${url.protocol}//")`);
  }
  if (url.pathname.replace(/^\//, "") === "") fail("invalid configuration: DOCS_DB_URL must name a database");
  return raw;
}

/**
 * Connects once. No answer at all (refused, unknown host, timeout, a server
 * still starting) is "unreachable"; a server that answers with an error (a
 * wrong password, a missing database) is misconfigured, and that must not
 * pass as a warning.
 */
async function probe(url: string): Promise<void> {
  try {
    await withClient(url, (client) => client.query("select 1"));
  } catch (error) {
    if (error instanceof pg.DatabaseError && error.code !== "57P03") throw error;
    throw new DatabaseUnreachableError(error);
  }
}

/**
 * A given URL is documented as it is: no roles, grants or migrations are
 * applied through it, so a read-only login works. The embedded cluster is
 * started and migrated like `npm start` does, or, when a gateway already
 * runs on that data directory, read where that gateway runs it.
 */
async function openSource(config: Config, url: string | null): Promise<OpenSource> {
  if (url) {
    const password = config.authenticatorPassword ?? decodeURIComponent(new URL(url).password);
    if (!password) fail("NEXUS_AUTHENTICATOR_PASSWORD is required when the database URL has no password");
    const source = { adminUrl: url, authenticatorUrl: withCredentials(url, DB_ROLES.authenticator, password) };
    await probe(source.adminUrl);
    await probe(source.authenticatorUrl);
    return { ...source, close: async () => undefined };
  }

  let database: Database;
  let attached = false;
  try {
    database = await openDatabase(config, { migrate: false });
  } catch (error) {
    if (!(error instanceof DataDirectoryInUseError)) throw new DatabaseUnreachableError(error);
    try {
      database = await openDatabase(config, { migrate: false, attach: true });
      attached = true;
    } catch (attachError) {
      throw new DatabaseUnreachableError(attachError);
    }
  }
  try {
    // A running gateway migrated its database when it started; one we started is migrated here.
    if (!attached) await migrateDatabase(database);
    await probe(database.authenticatorUrl);
  } catch (error) {
    await database.close();
    throw error;
  }
  return { adminUrl: database.adminUrl, authenticatorUrl: database.authenticatorUrl, close: () => database.close() };
}

async function main(argv: string[]): Promise<void> {
  requireNode22();
  const { values } = parseArgs({
    args: argv,
    options: {
      check: { type: "boolean", default: false },
      out: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const config = configOrExit();
  const url = readDocsUrl(config);
  const outDir = values.out ? path.resolve(values.out) : path.join(projectRoot(), "docs", "database");
  const relative = path.relative(process.cwd(), outDir);
  const shown = relative === "" ? "." : relative.startsWith("..") ? outDir : relative;

  let source: OpenSource;
  try {
    source = await openSource(config, url);
  } catch (error) {
    if (!(error instanceof DatabaseUnreachableError)) throw error;
    // A check that cannot compare must not pass; a plain run keeps the last pages.
    if (values.check) fail(`docs:gen --check cannot check ${shown}: ${error.message}`);
    process.stderr.write(`nexus: docs:gen: ${error.message}; ${shown} is left as last generated\n`);
    return;
  }
  const stop = () => void source.close().then(() => process.exit(130));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);

  let pages;
  try {
    pages = renderDocs(await introspectDatabase(config, source));
  } finally {
    await source.close();
  }

  if (values.check) {
    const difference = await comparePages(outDir, pages);
    if (!isCurrent(difference)) {
      process.stderr.write(
        formatDifference(difference)
          .map((line) => `  ${line}\n`)
          .join(""),
      );
      fail(`${shown} is out of date (${formatDifference(difference).length} page(s) differ); run npm run docs:gen and commit the result`);
    }
    process.stdout.write(`docs:gen: ${shown} is current (${pages.size} pages)\n`);
    return;
  }
  const difference = await writePages(outDir, pages);
  const changed = difference.stale.length + difference.missing.length + difference.extra.length;
  process.stdout.write(
    changed
      ? `docs:gen: ${shown}: ${difference.missing.length} added, ${difference.stale.length} updated, ${difference.extra.length} removed (${pages.size} pages)\n`
      : `docs:gen: ${shown} is already current (${pages.size} pages)\n`,
  );
}

main(process.argv.slice(2)).catch((error: unknown) => fail(`docs:gen: ${(error as Error).message}`));
