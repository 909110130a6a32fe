import { type Config, ConfigError, loadConfig } from "../config";

/** Prints one line and exits: the shape of every fatal start-up problem. */
export function fail(message: string, code = 1): never {
  process.stderr.write(`nexus: ${message}\n`);
  process.exit(code);
}

/**
 * PostGraphile 5 calls Promise.withResolvers (Node 22+); on older Node every
 * connection query silently returns null, so refuse to run at all.
 */
export function requireNode22(): void {
  const major = Number(process.versions.node.split(".")[0]);
  if (major < 22) {
    fail(
      `Node.js 22 or newer is required (this is ${process.version}). Run through npm (npm start, npm run nexus), which uses the Node 22 installed with the project.`,
    );
  }
}

export function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(`invalid configuration: ${error.message}`);
    throw error;
  }
}

/**
 * Node flags the gateway runs with: the one definition. The bench and the
 * fault suite pass these; `npm start` (package.json) and the Dockerfile's
 * CMD cannot import them and repeat them, and test/unit/node-flags.test.ts
 * fails when either differs from this list. A larger young
 * generation than V8's default: a GraphQL request allocates short-lived
 * objects by the hundred, and with 32 MB semi-spaces fewer of them survive
 * into a scavenge (measured with `npm run bench`: about a fifth less CPU per
 * request on the list, for some 50 MB more memory).
 */
export const GATEWAY_NODE_FLAGS = ["--max-semi-space-size=32"];
