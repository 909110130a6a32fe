import type { CodegenConfig } from "@graphql-codegen/cli";

import { NEXUS_SCALARS } from "./scalars";

export { NEXUS_SCALARS } from "./scalars";

export interface NexusCodegenOptions {
  /** The gateway's schema: a path to its schema.graphql, or its /graphql URL (introspection on). */
  schema: string;
  /** Your operations, e.g. "src/**\/*.graphql". */
  documents: string | string[];
  /** The folder to generate into, ending in "/", e.g. "src/gql/". */
  output: string;
  /** Also write persisted-documents.json (sha256 hashes) for a gateway with NEXUS_PERSISTED_ONLY=1. */
  persistedDocuments?: boolean;
}

/**
 * The codegen configuration that gives exact types for the Nexus Gateway:
 * graphql-codegen's client preset with the gateway's scalar map,
 * `strictScalars` and enums as string unions. In a project's codegen.ts:
 *
 *   import { nexusCodegen } from "@nexus/sdk/codegen";
 *   export default nexusCodegen({ schema: "schema.graphql", documents: "src/**\/*.graphql", output: "src/gql/" });
 */
export function nexusCodegen(options: NexusCodegenOptions): CodegenConfig {
  return {
    schema: options.schema,
    documents: options.documents,
    ignoreNoDocuments: false,
    generates: {
      [options.output]: {
        preset: "client",
        presetConfig: {
          fragmentMasking: false,
          ...(options.persistedDocuments ? { persistedDocuments: { hashAlgorithm: "sha256" } } : {}),
        },
        config: {
          useTypeImports: true,
          enumsAsTypes: true,
          strictScalars: true,
          scalars: { ...NEXUS_SCALARS },
        },
      },
    },
  };
}
