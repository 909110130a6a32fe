import { openDatabase } from "../db/database";
import { formatFindings, lintDatabase, lintFails } from "../db/lint";
import { configOrExit, fail, requireNode22 } from "./runtime";

async function main(): Promise<void> {
  requireNode22();
  const config = configOrExit();
  // Beside a running gateway, lint the PostgreSQL it runs.
  const target = await openDatabase(config, { attach: true });
  const stop = () => void target.close().then(() => process.exit(130));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  let output: string;
  let failed: boolean;
  try {
    const findings = await lintDatabase(target.adminUrl);
    output = formatFindings(findings);
    failed = lintFails(findings);
  } finally {
    await target.close();
  }
  process.stdout.write(output);
  process.exitCode = failed ? 1 : 0;
}

main().catch((error: unknown) => fail((error as Error).message));
