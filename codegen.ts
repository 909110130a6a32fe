import type { CodegenConfig } from "@graphql-codegen/cli";

/**
 * The typed SDK: schema.graphql (the committed contract) plus the
 * operations in sdk/operations → sdk/generated. Scalars the gateway sends
 * as strings are strings here too.
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
        scalars: {
          BigFloat: "string",
          BigInt: "string",
          Cursor: "string",
          Date: "string",
          Datetime: "string",
          InternetAddress: "string",
          Interval: "{ years?: number; months?: number; days?: number; hours?: number; minutes?: number; seconds?: number }",
          JSON: "unknown",
          Time: "string",
          UUID: "string",
        },
      },
    },
  },
};

export default config;
