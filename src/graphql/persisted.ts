import fs from "node:fs";
import path from "node:path";

/** The SDK's operations by hash, written by `npm run codegen`: the trusted documents. */
export const PERSISTED_DOCUMENTS_FILE = path.join("sdk", "generated", "persisted-documents.json");

export function persistedOperations(): Record<string, string> {
  const file = path.resolve(PERSISTED_DOCUMENTS_FILE);
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, string>;
  } catch (error) {
    throw new Error(`NEXUS_PERSISTED_ONLY=1 needs ${file} (npm run codegen): ${(error as Error).message}`, { cause: error });
  }
}

/**
 * Only the SDK's documents, looked up by their hash. A request without a
 * hash asks for "": @grafserv/persisted then refuses it as unknown, quietly,
 * instead of printing a stack to the console for every such refusal. Only
 * the table's own keys count (a hash of "constructor" names no document).
 */
export function persistedOnlyOptions(operations: Record<string, string>): GraphileConfig.GrafservOptions {
  return {
    allowUnpersistedOperation: false,
    persistedOperationsGetter: (hash: string) => (Object.hasOwn(operations, hash) ? operations[hash]! : null),
    hashFromPayload: (
      payload: { documentId?: unknown; id?: unknown; extensions?: { persistedQuery?: { sha256Hash?: unknown } } } | undefined,
    ) => {
      const hash = payload?.extensions?.persistedQuery?.sha256Hash || payload?.documentId || payload?.id;
      return typeof hash === "string" ? hash : "";
    },
  } as GraphileConfig.GrafservOptions;
}
