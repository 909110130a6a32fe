import { parseArgs } from "node:util";
import { createInterface } from "node:readline";
import pg from "pg";
import { AccountError, createTenant, createUser, ROLES, type RoleName } from "../auth/accounts";
import { grantDatabase } from "../db/bootstrap";
import { openDatabase } from "../db/database";
import { applyPolicies, commitMigration, migrateDatabase, resetDatabase, watchMigrations } from "../db/migrate";
import { formatImportReport, ImportError, importFile, progressReporter } from "../import";
import { configOrExit, fail, requireNode22 } from "./runtime";

const USAGE = `Usage: npm run nexus -- <command>

  db migrate              apply committed migrations, then policies/
  db reset --erase        drop the database and rebuild it from committed migrations
  db watch                apply migrations/current.sql on every save (development)
  db commit [-m message]  commit migrations/current.sql as the next migration
  db policies             re-apply policies/ only

  tenant create --name N --admin-email E [--admin-username U] [--password-stdin]
                          a tenant with its groups and first admin (asks for the password)
  user create --tenant N --email E [--username U] [--role admin|manager|user|viewer]
              [--first-name F] [--last-name L] [--password-stdin]

  import <file.csv|file.ndjson> --table <schema.table> --tenant N [--as EMAIL] [--atomic]
                          upsert records by import_hash as the tenant's admin (or EMAIL),
                          through row level security; --atomic: all or nothing

Without DATABASE_URL these act on the embedded PostgreSQL in NEXUS_DATA_DIR (.nexus/).`;

async function main(argv: string[]): Promise<void> {
  requireNode22();
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      erase: { type: "boolean", default: false },
      message: { type: "string", short: "m" },
      "url-from-env": { type: "string" },
      name: { type: "string" },
      "admin-email": { type: "string" },
      "admin-username": { type: "string" },
      tenant: { type: "string" },
      email: { type: "string" },
      username: { type: "string" },
      role: { type: "string", default: "user" },
      "first-name": { type: "string" },
      "last-name": { type: "string" },
      "password-stdin": { type: "boolean", default: false },
      table: { type: "string" },
      as: { type: "string" },
      atomic: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const [group, command] = positionals;
  if ((group === "tenant" || group === "user") && command === "create" && !values.help) {
    return createAccount(group, values);
  }
  if (group === "import" && !values.help) {
    return runImport(command, values);
  }
  if (values.help || group !== "db" || !command) {
    process.stdout.write(`${USAGE}\n`);
    if (!values.help) process.exit(2);
    return;
  }

  // graphile-migrate hooks name their database through an environment variable.
  if (command === "policies" && values["url-from-env"]) {
    // graphile-migrate's commit first rebuilds the shadow database from the
    // committed migrations alone, before the new one: policies written for the
    // new migration cannot apply there yet. The main database gets them.
    if (process.env.GM_SHADOW === "1") return;
    const url = process.env[values["url-from-env"]];
    if (!url) fail(`${values["url-from-env"]} is not set`);
    await applyPolicies(url);
    return;
  }

  const config = configOrExit();
  if (command === "reset" && !values.erase) fail("db reset drops every row; pass --erase to confirm");
  if (command === "reset" && config.env === "production") fail("db reset is refused with NODE_ENV=production");
  if (!["migrate", "reset", "watch", "commit", "policies"].includes(command)) fail(`unknown command "db ${command}"\n${USAGE}`);

  const database = await openDatabase(config, { migrate: false });
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
        await commitMigration(database, values.message);
        break;
      case "watch":
        await watchMigrations(database);
        process.stdout.write("nexus: watching migrations/current.sql (Ctrl-C to stop)\n");
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

type Flags = Record<string, string | boolean | undefined>;

function required(values: Flags, name: string): string {
  const value = values[name];
  if (typeof value !== "string" || value.trim() === "") fail(`--${name} is required`);
  return value.trim();
}

async function createAccount(kind: "tenant" | "user", values: Flags): Promise<void> {
  const config = configOrExit();
  if (kind === "tenant") {
    required(values, "name");
    required(values, "admin-email");
  } else {
    required(values, "tenant");
    required(values, "email");
    if (!ROLES.includes(values.role as RoleName)) fail(`--role must be one of ${ROLES.join(", ")}`);
  }
  const password = await readPassword(values["password-stdin"] === true);
  const database = await openDatabase(config, { attach: true });
  const pool = new pg.Pool({ connectionString: database.authenticatorUrl, max: 1 });
  try {
    if (kind === "tenant") {
      const created = await createTenant(pool, {
        name: required(values, "name"),
        adminEmail: required(values, "admin-email"),
        ...(typeof values["admin-username"] === "string" ? { adminUsername: values["admin-username"] } : {}),
        password,
      });
      process.stdout.write(`created tenant ${values.name} (${created.tenantId}) with admin ${values["admin-email"]} (${created.adminUserId})\n`);
    } else {
      const created = await createUser(pool, {
        tenant: required(values, "tenant"),
        email: required(values, "email"),
        ...(typeof values.username === "string" ? { username: values.username } : {}),
        ...(typeof values["first-name"] === "string" ? { firstName: values["first-name"] } : {}),
        ...(typeof values["last-name"] === "string" ? { lastName: values["last-name"] } : {}),
        password,
        role: values.role as RoleName,
      });
      process.stdout.write(`created ${values.role} ${values.email} (${created.userId}) in tenant ${values.tenant}\n`);
    }
  } catch (error) {
    process.stderr.write(`nexus: ${error instanceof AccountError ? error.message : (error as Error).message}\n`);
    process.exitCode = 1;
  } finally {
    await pool.end();
    await database.close();
  }
}

/** Exit status: 0 when every record landed (or was unchanged), 1 when any failed. */
async function runImport(file: string | undefined, values: Flags): Promise<void> {
  if (!file) fail(`import needs a file\n${USAGE}`, 2);
  const table = required(values, "table");
  const tenant = required(values, "tenant");
  const config = configOrExit();
  // Imports into a database as it is: migrating is for start and db migrate.
  const database = await openDatabase(config, { attach: true, migrate: false });
  try {
    const report = await importFile({
      authenticatorUrl: database.authenticatorUrl,
      adminUrl: database.adminUrl,
      file,
      table,
      tenant,
      ...(typeof values.as === "string" ? { as: values.as } : {}),
      atomic: values.atomic === true,
      onProgress: progressReporter(process.stderr),
    });
    process.stdout.write(formatImportReport(report, table));
    process.exitCode = report.failed > 0 ? 1 : 0;
  } catch (error) {
    process.stderr.write(`nexus: ${error instanceof ImportError ? error.message : (error as Error).message}\n`);
    process.exitCode = 1;
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => fail((error as Error).message));
