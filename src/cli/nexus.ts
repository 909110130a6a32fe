import { spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";

import pg from "pg";

import { createTenant, createUser, type RoleName, ROLES } from "../auth/accounts";
import {
  assignGroup,
  assignRole,
  listSessions,
  listTenants,
  resetPassword,
  revokeSessions,
  setTenantActive,
  setUserActive,
} from "../auth/operators";
import type { Config } from "../config";
import { grantDatabase } from "../db/bootstrap";
import { type Database, openDatabase } from "../db/database";
import { applyPolicies, commitMigration, migrateDatabase, resetDatabase, watchMigrations } from "../db/migrate";
import { hasDemoData, loadDemoData } from "../demo";
import { formatImportReport, importFile, progressReporter } from "../import";
import { configOrExit, fail, requireNode22 } from "./runtime";

/** Exit statuses: 1 when the work failed (not found, refused), 2 when the command line was wrong. */
const USAGE_ERROR = 2;

type Flags = Record<string, string | boolean | undefined>;

interface Command {
  /** Arguments after the command's name, for its --help. */
  args: string;
  summary: string;
  /** Longer help: what it does, beyond the summary. */
  details?: string;
  run(flags: Flags, positionals: string[]): Promise<void>;
}

const OPTIONS = {
  erase: { type: "boolean" },
  message: { type: "string", short: "m" },
  "url-from-env": { type: "string" },
  name: { type: "string" },
  "admin-email": { type: "string" },
  "admin-username": { type: "string" },
  tenant: { type: "string" },
  email: { type: "string" },
  username: { type: "string" },
  role: { type: "string" },
  group: { type: "string" },
  session: { type: "string" },
  "first-name": { type: "string" },
  "last-name": { type: "string" },
  "password-stdin": { type: "boolean" },
  table: { type: "string" },
  as: { type: "string" },
  atomic: { type: "boolean" },
  check: { type: "boolean" },
  out: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

function usageError(message: string, command?: string): never {
  fail(`${message}\n${command ? `see: npm run nexus -- ${command} --help` : "see: npm run nexus -- --help"}`, USAGE_ERROR);
}

function required(flags: Flags, name: string, command: string): string {
  const value = flags[name];
  if (typeof value !== "string" || value.trim() === "") usageError(`${command}: --${name} is required`, command);
  return value.trim();
}

const optional = (flags: Flags, name: string): string | undefined =>
  typeof flags[name] === "string" ? (flags[name] as string).trim() : undefined;

/** The password from the first line of stdin, or asked for without echo on a terminal. */
async function readPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin || !process.stdin.isTTY) {
    const lines = createInterface({ input: process.stdin });
    for await (const line of lines) return line;
    fail("no password on standard input");
  }
  const ask = (prompt: string) =>
    new Promise<string>((resolve) => {
      const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
      const mute = rl as unknown as { _writeToOutput: (s: string) => void };
      process.stdout.write(prompt);
      mute._writeToOutput = () => undefined;
      rl.question("", (answer) => {
        rl.close();
        process.stdout.write("\n");
        resolve(answer);
      });
    });
  const first = await ask("Password: ");
  if ((await ask("Repeat password: ")) !== first) fail("the passwords do not match");
  return first;
}

/**
 * Runs `work` with the database as it is (unless `migrate`), beside a
 * running gateway when there is one. A failure (not found, refused) is one
 * line and exit status 1.
 */
async function withDatabase(
  work: (pool: pg.Pool, database: Database, config: Config) => Promise<void>,
  options: { migrate?: boolean } = {},
): Promise<void> {
  const config = configOrExit();
  const database = await openDatabase(config, { attach: true, migrate: options.migrate ?? false });
  const pool = new pg.Pool({ connectionString: database.authenticatorUrl, max: 2 });
  try {
    await work(pool, database, config);
  } catch (error) {
    const unmigrated = (error as { code?: string }).code === "3F000"; // no such schema
    process.stderr.write(
      `nexus: ${unmigrated ? "the database has no Nexus schema yet; run npm run nexus -- db migrate" : (error as Error).message}\n`,
    );
    process.exitCode = 1;
  } finally {
    await pool.end();
    await database.close();
  }
}

const say = (line: string): void => void process.stdout.write(`${line}\n`);

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column]!))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

/** db migrate, reset, watch, commit and policies: graphile-migrate's work on the database. */
async function runDatabaseCommand(command: "migrate" | "reset" | "watch" | "commit" | "policies", flags: Flags): Promise<void> {
  // graphile-migrate's hooks name their database through an environment variable.
  if (command === "policies" && flags["url-from-env"]) {
    // graphile-migrate's commit first rebuilds the shadow database from the
    // committed migrations alone, before the new one: policies written for the
    // new migration cannot apply there yet. The main database gets them.
    if (process.env.GM_SHADOW === "1") return;
    const url = process.env[flags["url-from-env"] as string];
    if (!url) fail(`${flags["url-from-env"]} is not set`);
    await applyPolicies(url);
    return;
  }
  const config = configOrExit();
  if (command === "reset" && !flags.erase) usageError("db reset drops every row; pass --erase to confirm", "db reset");
  if (command === "reset" && config.env === "production") fail("db reset is refused with NODE_ENV=production");

  // Beside a running gateway (npm start), its PostgreSQL is used: the gateway
  // rebuilds its schema when the policies are applied after each change. A
  // reset drops the database, which the gateway's open connections prevent.
  const database = await openDatabase(config, { migrate: false, attach: command !== "reset" });
  const stop = async () => {
    await database.close();
  };
  process.once("SIGINT", () => void stop().then(() => process.exit(130)));
  process.once("SIGTERM", () => void stop().then(() => process.exit(143)));
  try {
    switch (command) {
      case "migrate":
        await migrateDatabase(database);
        break;
      case "policies":
        await applyPolicies(database.adminUrl);
        break;
      case "reset":
        await resetDatabase(database);
        await grantDatabase(database.adminUrl);
        await applyPolicies(database.adminUrl);
        break;
      case "commit":
        await commitMigration(database, optional(flags, "message"));
        break;
      case "watch":
        await watchMigrations(database);
        say("nexus: watching migrations/current.sql (Ctrl-C to stop)");
        return; // keeps running until a signal
    }
  } catch (error) {
    // Say it before stopping PostgreSQL: graphile-migrate exits the process
    // as soon as its pool sees the server go away.
    process.stderr.write(`nexus: ${(error as Error).message}\n`);
    process.exitCode = 1;
    await stop();
    process.exit(1);
  }
  await stop();
}

async function createAccount(kind: "tenant" | "user", flags: Flags): Promise<void> {
  const command = `${kind} create`;
  const role = (optional(flags, "role") ?? "user") as RoleName;
  if (kind === "tenant") {
    required(flags, "name", command);
    required(flags, "admin-email", command);
  } else {
    required(flags, "tenant", command);
    required(flags, "email", command);
    if (!ROLES.includes(role)) usageError(`--role must be one of ${ROLES.join(", ")}`, command);
  }
  const password = await readPassword(flags["password-stdin"] === true);
  await withDatabase(async (pool) => {
    if (kind === "tenant") {
      const adminUsername = optional(flags, "admin-username");
      const created = await createTenant(pool, {
        name: required(flags, "name", command),
        adminEmail: required(flags, "admin-email", command),
        ...(adminUsername ? { adminUsername } : {}),
        password,
      });
      say(`created tenant ${flags.name} (${created.tenantId}) with admin ${flags["admin-email"]} (${created.adminUserId})`);
      return;
    }
    const [username, firstName, lastName] = [optional(flags, "username"), optional(flags, "first-name"), optional(flags, "last-name")];
    const created = await createUser(pool, {
      tenant: required(flags, "tenant", command),
      email: required(flags, "email", command),
      ...(username ? { username } : {}),
      ...(firstName ? { firstName } : {}),
      ...(lastName ? { lastName } : {}),
      password,
      role,
    });
    say(`created ${role} ${flags.email} (${created.userId}) in tenant ${flags.tenant}`);
  });
}

/** Exit status: 0 when every record landed (or was unchanged), 1 when any failed. */
async function runImport(flags: Flags, positionals: string[]): Promise<void> {
  const file = positionals[0];
  if (!file) usageError("import needs a file", "import");
  const tableName = required(flags, "table", "import");
  const tenant = required(flags, "tenant", "import");
  const as = optional(flags, "as");
  await withDatabase(async (_pool, database) => {
    const report = await importFile({
      authenticatorUrl: database.authenticatorUrl,
      adminUrl: database.adminUrl,
      file,
      table: tableName,
      tenant,
      ...(as ? { as } : {}),
      atomic: flags.atomic === true,
      onProgress: progressReporter(process.stderr),
    });
    process.stdout.write(formatImportReport(report, tableName));
    process.exitCode = report.failed > 0 ? 1 : 0;
  });
}

/** docs gen is the docs:gen program, with its options. */
function runDocs(flags: Flags): Promise<void> {
  const args = [...(flags.check ? ["--check"] : []), ...(typeof flags.out === "string" ? ["--out", flags.out] : [])];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(__dirname, "docs.js"), ...args], { stdio: "inherit" });
    child.once("exit", (code) => {
      process.exitCode = code ?? 1;
      resolve();
    });
  });
}

const COMMANDS: Record<string, Command> = {
  "db migrate": { args: "", summary: "apply committed migrations, then policies/", run: (flags) => runDatabaseCommand("migrate", flags) },
  "db reset": {
    args: "--erase",
    summary: "drop the database and rebuild it from committed migrations (refused in production)",
    run: (flags) => runDatabaseCommand("reset", flags),
  },
  "db watch": {
    args: "",
    summary: "apply migrations/current.sql on every save (development)",
    run: (flags) => runDatabaseCommand("watch", flags),
  },
  "db commit": {
    args: "[-m message]",
    summary: "commit migrations/current.sql as the next migration",
    run: (flags) => runDatabaseCommand("commit", flags),
  },
  "db policies": { args: "", summary: "re-apply policies/ only", run: (flags) => runDatabaseCommand("policies", flags) },
  "docs gen": {
    args: "[--check] [--out DIR]",
    summary: "regenerate the schema reference in docs/database (--check: only compare)",
    run: (flags) => runDocs(flags),
  },

  "tenant create": {
    args: "--name N --admin-email E [--admin-username U] [--password-stdin]",
    summary: "a tenant with its groups and first admin (asks for the password)",
    run: (flags) => createAccount("tenant", flags),
  },
  "tenant list": {
    args: "",
    summary: "every tenant: id, name, active, users",
    run: () =>
      withDatabase(async (pool) => {
        const tenants = await listTenants(pool);
        say(table([["ID", "NAME", "ACTIVE", "USERS"], ...tenants.map((t) => [t.id, t.name, t.isActive ? "yes" : "no", String(t.users)])]));
      }),
  },
  "tenant disable": {
    args: "--tenant N",
    summary: "its users can no longer sign in or refresh; their sessions end at once on every gateway",
    run: (flags) =>
      withDatabase(async (pool) => {
        const { tenant, endedSessions } = await setTenantActive(pool, required(flags, "tenant", "tenant disable"), false);
        say(`disabled tenant ${tenant}; ended ${endedSessions} session(s)`);
      }),
  },
  "tenant enable": {
    args: "--tenant N",
    summary: "lets a disabled tenant's users sign in again",
    run: (flags) =>
      withDatabase(async (pool) => {
        const { tenant } = await setTenantActive(pool, required(flags, "tenant", "tenant enable"), true);
        say(`enabled tenant ${tenant}`);
      }),
  },

  "user create": {
    args: "--tenant N --email E [--username U] [--role admin|manager|user|viewer] [--first-name F] [--last-name L] [--password-stdin]",
    summary: "a user of a tenant (asks for the password)",
    run: (flags) => createAccount("user", flags),
  },
  "user disable": {
    args: "--email E",
    summary: "the user can no longer sign in; their sessions end at once on every gateway",
    run: (flags) =>
      withDatabase(async (pool) => {
        const user = await setUserActive(pool, required(flags, "email", "user disable"), false);
        say(`disabled ${user.email} (${user.userId})`);
      }),
  },
  "user enable": {
    args: "--email E",
    summary: "lets a disabled user sign in again, and lifts their sign-in backoff from every client",
    run: (flags) =>
      withDatabase(async (pool) => {
        const user = await setUserActive(pool, required(flags, "email", "user enable"), true);
        say(`enabled ${user.email} (${user.userId})`);
      }),
  },
  "user reset-password": {
    args: "--email E [--password-stdin]",
    summary: "sets a new password (asked for) and ends every session of the user",
    run: async (flags) => {
      const email = required(flags, "email", "user reset-password");
      const password = await readPassword(flags["password-stdin"] === true);
      await withDatabase(async (pool) => {
        const ended = await resetPassword(pool, email, password);
        say(`set a new password for ${email}; ended ${ended} session(s)`);
      });
    },
  },
  "user sessions": {
    args: "--email E",
    summary: "the user's active sessions",
    run: (flags) =>
      withDatabase(async (pool) => {
        const sessions = await listSessions(pool, required(flags, "email", "user sessions"));
        if (sessions.length === 0) return say("no active sessions");
        say(
          table([
            ["SESSION", "CREATED", "LAST SEEN", "IP", "USER AGENT"],
            ...sessions.map((s) => [
              s.id,
              s.createdAt.toISOString(),
              s.lastSeenAt.toISOString(),
              s.ipAddress ?? "-",
              (s.userAgent ?? "-").slice(0, 40),
            ]),
          ]),
        );
      }),
  },
  "user revoke": {
    args: "--email E [--session ID]",
    summary: "ends one session of the user, or all of them, at once on every gateway",
    run: (flags) =>
      withDatabase(async (pool) => {
        const email = required(flags, "email", "user revoke");
        const ended = await revokeSessions(pool, email, optional(flags, "session"));
        say(`ended ${ended} session(s) of ${email}`);
      }),
  },

  "group assign": {
    args: "--email E --group NAME",
    summary: "adds the user to a group of their tenant (Administrators, Users, or one of its own)",
    run: (flags) =>
      withDatabase(async (pool) => {
        const [email, group] = [required(flags, "email", "group assign"), required(flags, "group", "group assign")];
        say((await assignGroup(pool, email, group)) ? `added ${email} to group ${group}` : `${email} already is in group ${group}`);
      }),
  },
  "role assign": {
    args: "--email E --role admin|manager|user|viewer",
    summary: "gives the user a role of their own (beside those of their groups)",
    run: (flags) =>
      withDatabase(async (pool) => {
        const [email, role] = [required(flags, "email", "role assign"), required(flags, "role", "role assign")];
        say((await assignRole(pool, email, role)) ? `gave ${email} the role ${role}` : `${email} already has the role ${role}`);
      }),
  },

  seed: {
    args: "",
    summary: "load the demo tenants and their records (once; nothing if they are there)",
    run: () =>
      withDatabase(
        async (pool) => {
          if (await hasDemoData(pool)) return say("the demo tenants are already there");
          // A bar on a terminal; nothing between the lines of a log.
          const tenants = await loadDemoData(pool, process.stderr.isTTY ? progressReporter(process.stderr, "seed", "steps") : undefined);
          say(`loaded the demo tenants ${tenants.map((t) => t.name).join(" and ")} (every demo user's password is nexus-demo)`);
        },
        { migrate: true },
      ),
  },
  import: {
    args: "<file.csv|file.ndjson> --table <schema.table> --tenant N [--as EMAIL] [--atomic]",
    summary: "upsert records by import_hash as the tenant's admin (or EMAIL)",
    details:
      "Through row level security; each record is its own savepoint. --atomic: all or nothing. Exit status 1 when any record failed.",
    run: (flags, positionals) => runImport(flags, positionals),
  },
};

const line = (name: string, command: Command) => `  ${`${name} ${command.args}`.trim()}\n      ${command.summary}`;

const FOOTER = `Without DATABASE_URL these act on the embedded PostgreSQL in NEXUS_DATA_DIR (.nexus/), beside a running gateway too.
Exit status: 0 done, 1 failed (not found, refused), 2 wrong command line.`;

function usage(group?: string): string {
  const names = Object.keys(COMMANDS).filter((name) => !group || name.split(" ")[0] === group);
  return `Usage: npm run nexus -- <command> [options]   (also written db:migrate, docs:gen, …)\n\n${names.map((name) => line(name, COMMANDS[name]!)).join("\n")}\n\n${FOOTER}`;
}

function commandUsage(name: string, command: Command): string {
  return `Usage: npm run nexus -- ${`${name} ${command.args}`.trim()}\n\n${command.summary}${command.details ? `\n${command.details}` : ""}\n\n${FOOTER}`;
}

const GROUPS = new Set(Object.keys(COMMANDS).map((name) => name.split(" ")[0]!));

async function main(argv: string[]): Promise<void> {
  requireNode22();
  let parsed: { values: Flags; positionals: string[] };
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS, strict: true });
  } catch (error) {
    usageError((error as Error).message.split("\n")[0]!);
  }
  const { values: flags } = parsed;
  // `db:migrate` is `db migrate`.
  const positionals = parsed.positionals.flatMap((word, index) => (index === 0 ? word.split(":") : [word]));
  const [first, second] = positionals;
  if (!first) {
    process.stdout.write(`${usage()}\n`);
    if (!flags.help) process.exitCode = USAGE_ERROR;
    return;
  }
  const single = COMMANDS[first];
  const name = single ? first : `${first} ${second ?? ""}`.trim();
  const command = single ?? COMMANDS[name];
  if (!command) {
    if (!GROUPS.has(first)) usageError(`unknown command "${first}"`);
    if (flags.help && !second) return void process.stdout.write(`${usage(first)}\n`);
    if (!second) {
      process.stderr.write(`${usage(first)}\n`);
      process.exitCode = USAGE_ERROR;
      return;
    }
    usageError(`unknown command "${name}"`, first);
  }
  if (flags.help) return void process.stdout.write(`${commandUsage(name, command)}\n`);
  await command.run(flags, positionals.slice(single ? 1 : 2));
}

main(process.argv.slice(2)).catch((error: unknown) => fail((error as Error).message));
