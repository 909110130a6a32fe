import fs from "node:fs";
import path from "node:path";

import { ERROR_CODES } from "../../src/errors/codes";
import { errorCodesTypeScript, withErrorCodes } from "../../src/errors/render";

const root = path.join(__dirname, "..", "..");

describe("the error-code catalog", () => {
  test("every code follows the one casing rule, UPPER_SNAKE_CASE, and has a status and a message", () => {
    for (const [code, { status, message }] of Object.entries(ERROR_CODES)) {
      expect(code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
      expect(status).toBeGreaterThanOrEqual(400);
      expect(message).toMatch(/\.$/);
    }
  });

  test("the README's error table and the SDK's ErrorCode union are rendered from it (npm run errors:gen)", () => {
    const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
    expect(withErrorCodes(readme)).toBe(readme);
    expect(fs.readFileSync(path.join(root, "sdk", "error-codes.ts"), "utf8")).toBe(errorCodesTypeScript());
  });

  test("no source file answers with a code in another casing", () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (file.endsWith(".ts")) {
          for (const match of fs.readFileSync(file, "utf8").matchAll(/(?:sendError\([^,]+, \d+, |Error\(\d+, |code: )"([A-Za-z_]+)"/g)) {
            if (!(match[1]! in ERROR_CODES)) offenders.push(`${path.relative(root, file)}: ${match[1]}`);
          }
        }
      }
    };
    // The answering layers; demo data has codes of its own (a campus code MAIN).
    for (const layer of ["auth", "http", "graphql", "observability"]) walk(path.join(root, "src", layer));
    expect(offenders).toEqual([]);
  });
});
