import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const root = path.join(__dirname, "..", "..");
const patches = readdirSync(path.join(root, "patches")).filter((file) => file.endsWith(".patch"));

/** The files a patch changes, each with the lines it adds (patch-package's unified diff). */
function addedLines(patch: string): Map<string, string[]> {
  const files = new Map<string, string[]>();
  let current: string[] | null = null;
  for (const line of patch.split("\n")) {
    const target = /^\+\+\+ b\/(.+)$/.exec(line);
    if (target) {
      current = [];
      files.set(target[1]!, current);
    } else if (current && line.startsWith("+") && line.slice(1).trim() !== "") {
      current.push(line.slice(1));
    }
  }
  return files;
}

/**
 * patches/ holds fixes to dependencies that `npm install` and `npm ci` apply
 * (postinstall: patch-package). A dependency upgraded under a patch, or an
 * install that skipped it, fails here rather than silently losing the fix.
 */
describe("dependency patches (patches/, applied by npm install)", () => {
  test("there is at least one, and postinstall applies them", () => {
    expect(patches.length).toBeGreaterThan(0);
    const scripts = (JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
    expect(scripts.postinstall).toBe("patch-package --error-on-fail");
  });

  test.each(patches)("%s is applied to the installed package", (file) => {
    const [, name, version] = /^(.+)\+(\d[^+]*)\.patch$/.exec(file.replace(/\+\+/g, "/"))!;
    const installed = JSON.parse(readFileSync(path.join(root, "node_modules", name!, "package.json"), "utf8")) as { version: string };
    expect(installed.version).toBe(version);
    const changes = addedLines(readFileSync(path.join(root, "patches", file), "utf8"));
    expect(changes.size).toBeGreaterThan(0);
    for (const [target, lines] of changes) {
      const source = readFileSync(path.join(root, target), "utf8").split("\n");
      for (const line of lines) expect(source).toContain(line);
    }
  });
});
