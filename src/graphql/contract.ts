import { CriticalityLevel, diff } from "@graphql-inspector/core";
import pg from "pg";
import { postgraphile } from "postgraphile";
import { buildSchema, type GraphQLSchema, lexicographicSortSchema, printSchema } from "postgraphile/graphql";

import type { Config } from "../config";
import { makePreset } from "./preset";

/**
 * The schema contract: `schema.graphql` at the repository root is the
 * lexicographically sorted SDL of the live schema, committed, so every
 * change to the API shows in review and SDKs are generated from a file.
 */
export const SCHEMA_FILE = "schema.graphql";

export function printSortedSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

/** Builds the schema PostGraphile serves from the database behind `authenticatorUrl`. */
export async function buildLiveSchema(config: Config, authenticatorUrl: string): Promise<GraphQLSchema> {
  const pool = new pg.Pool({ connectionString: authenticatorUrl, max: 2 });
  const pgl = postgraphile(makePreset(config, pool));
  try {
    return await pgl.getSchema();
  } finally {
    await pgl.release();
    await pool.end();
  }
}

export interface SchemaChange {
  message: string;
  path: string | null;
}

/**
 * What would break a client generated from `committedSdl` if `liveSdl`
 * were deployed: removed or retyped fields, arguments made required, and
 * so on. Additions are not breaking.
 */
export async function breakingChanges(committedSdl: string, liveSdl: string): Promise<SchemaChange[]> {
  const changes = await diff(buildSchema(committedSdl), buildSchema(liveSdl));
  return changes
    .filter((change) => change.criticality.level === CriticalityLevel.Breaking)
    .map((change) => ({ message: change.message, path: change.path ?? null }));
}
