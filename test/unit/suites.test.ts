import fs from "node:fs";
import path from "node:path";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the CommonJS module jest.config.js reads too
const { SUITES } = require("../suites") as { SUITES: Record<string, string[]> };

/** A suite naming a file that was renamed or removed would drop it from every run without a word. */
describe("test suites", () => {
  test("every file a suite names exists, and none is in two suites", () => {
    const names = Object.values(SUITES).flat();
    for (const name of names) expect(fs.existsSync(path.join(__dirname, "..", `${name}.test.ts`))).toBe(true);
    expect(new Set(names).size).toBe(names.length);
  });
});
