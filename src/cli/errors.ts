import fs from "node:fs";
import path from "node:path";

import { projectRoot } from "../db/project";
import { errorCodesTypeScript, withErrorCodes } from "../errors/render";

/**
 * `npm run errors:gen`: renders src/errors/codes.ts into README.md's error
 * table and sdk/error-codes.ts. `--check` changes nothing and exits 1 when
 * either is stale (test/error-codes.test.ts does the same).
 */
const root = projectRoot();
const check = process.argv.includes("--check");
const targets: Array<[string, (current: string) => string]> = [
  [path.join(root, "README.md"), withErrorCodes],
  [path.join(root, "sdk", "error-codes.ts"), () => errorCodesTypeScript()],
];
let stale = 0;
for (const [file, render] of targets) {
  const current = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  const next = render(current);
  if (next === current) continue;
  stale++;
  if (check) process.stderr.write(`${path.relative(root, file)} is stale: run npm run errors:gen\n`);
  else fs.writeFileSync(file, next);
}
if (check && stale > 0) process.exit(1);
