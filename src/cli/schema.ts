import "./graphile-env";

import fs from "node:fs/promises";
import path from "node:path";

import { openDatabase } from "../db/database";
import { breakingChanges, buildLiveSchema, printSortedSchema, SCHEMA_FILE } from "../graphql/contract";
import { configOrExit, fail, requireNode22 } from "./runtime";

const USAGE = "usage: schema export | schema check";

/**
 * `npm run schema:export` writes the live schema to schema.graphql;
 * `npm run schema:check` fails, listing them, when the live schema breaks
 * clients of the committed one (additions pass).
 */
async function main(): Promise<void> {
  requireNode22();
  const command = process.argv[2];
  if (command !== "export" && command !== "check") fail(USAGE, 2);
  const config = configOrExit();
  const database = await openDatabase(config, { attach: true });
  let live: string;
  try {
    live = printSortedSchema(await buildLiveSchema(config, database.authenticatorUrl));
  } finally {
    await database.close();
  }
  const file = path.resolve(SCHEMA_FILE);
  if (command === "export") {
    await fs.writeFile(file, live);
    process.stdout.write(`wrote ${SCHEMA_FILE}\n`);
    return;
  }
  const committed = await fs.readFile(file, "utf8").catch(() => fail(`${SCHEMA_FILE} is missing; run npm run schema:export`));
  const breaking = await breakingChanges(committed, live);
  if (breaking.length > 0) {
    process.stdout.write(
      `${breaking.length} breaking change(s) against ${SCHEMA_FILE}:\n${breaking.map((c) => `  - ${c.message}`).join("\n")}\n`,
    );
    process.exitCode = 1;
    return;
  }
  process.stdout.write(
    committed === live ? `${SCHEMA_FILE} is current\n` : `no breaking changes; run npm run schema:export to record the additions\n`,
  );
}

main().catch((error: unknown) => fail((error as Error).message));
