/** The package's entry: the client, every operation's typed document, the error codes and the scalar map. */
export * from "./client";
export * from "./error-codes";
export * from "./files";
export { NEXUS_SCALARS } from "./scalars";
