import { existsSync } from "node:fs";
import path from "node:path";

/** The repository root (where package.json, .gmrc, migrations/ and policies/ live), from src/ or dist/src/. */
export function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, "package.json"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find the project root above ${__dirname}`);
    dir = parent;
  }
  return dir;
}
