import { readFileSync } from "node:fs";
import path from "node:path";

import { GATEWAY_NODE_FLAGS } from "../../src/cli/runtime";

const root = path.join(__dirname, "..", "..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");

/** The flags between `node` and the entry point of a command line. */
function flagsOf(command: string[]): string[] {
  const node = command.indexOf("node");
  const entry = command.findIndex((part) => part.endsWith("dist/src/cli/start.js"));
  expect(node).toBeGreaterThanOrEqual(0);
  expect(entry).toBeGreaterThan(node);
  return command.slice(node + 1, entry);
}

describe("the Node flags of the gateway (GATEWAY_NODE_FLAGS in src/cli/runtime.ts)", () => {
  test("npm start passes exactly them", () => {
    const start = (JSON.parse(read("package.json")) as { scripts: Record<string, string> }).scripts.start!;
    const command = start.split("&&").at(-1)!.trim().split(/\s+/);
    expect(flagsOf(command)).toEqual(GATEWAY_NODE_FLAGS);
  });

  test("the Dockerfile's CMD passes exactly them", () => {
    const cmd = /^CMD (\[.*\])$/m.exec(read("Dockerfile"))![1]!;
    expect(flagsOf(JSON.parse(cmd) as string[])).toEqual(GATEWAY_NODE_FLAGS);
  });
});
