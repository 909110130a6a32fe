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
