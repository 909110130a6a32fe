import { parseArgs } from "node:util";
import { grantDatabase } from "../db/bootstrap";
import { openDatabase } from "../db/database";
import { applyPolicies, commitMigration, migrateDatabase, resetDatabase, watchMigrations } from "../db/migrate";
import { configOrExit, fail, requireNode22 } from "./runtime";

const USAGE = `Usage: npm run nexus -- <command>

  db migrate              apply committed migrations, then policies/
  db reset --erase        drop the database and rebuild it from committed migrations
  db watch                apply migrations/current.sql on every save (development)
  db commit [-m message]  commit migrations/current.sql as the next migration
  db policies             re-apply policies/ only

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
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const [group, command] = positionals;
  if (values.help || group !== "db" || !command) {
    process.stdout.write(`${USAGE}\n`);
    if (!values.help) process.exit(2);
    return;
  }

  // graphile-migrate hooks name their database through an environment variable.
  if (command === "policies" && values["url-from-env"]) {
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

main(process.argv.slice(2)).catch((error: unknown) => fail((error as Error).message));
