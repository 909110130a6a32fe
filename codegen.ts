import type { CodegenConfig } from "@graphql-codegen/cli";

import { NEXUS_SCALARS } from "./sdk/scalars";

/**
 * The typed SDK: schema.graphql (the committed contract) plus the
 * operations in sdk/operations → sdk/generated. Scalars the gateway sends
 * as strings are strings here too; the scalar map is the one the package
 * ships (sdk/scalars.ts), so the SDK and outside projects agree.
 */
const config: CodegenConfig = {
  schema: "schema.graphql",
  documents: ["sdk/operations/*.graphql"],
  ignoreNoDocuments: false,
  generates: {
    "sdk/generated/": {
      preset: "client",
      presetConfig: { fragmentMasking: false, persistedDocuments: { hashAlgorithm: "sha256" } },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        strictScalars: true,
        scalars: { ...NEXUS_SCALARS },
      },
    },
  },
};

export default config;
