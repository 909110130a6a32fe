/**
 * How the gateway's custom scalars travel in JSON, as TypeScript types for
 * graphql-codegen's `scalars` (with `strictScalars`, a scalar missing here
 * fails the generation instead of becoming `unknown`). BigInt, BigFloat and
 * the date-time scalars are strings so no precision or time zone is lost;
 * Interval is PostGraphile's object of parts.
 */
export const NEXUS_SCALARS = {
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
} as const;
