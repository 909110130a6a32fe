import { createHash, randomBytes } from "node:crypto";
import { isSafeError } from "postgraphile/grafast";
import { GraphQLError } from "postgraphile/graphql";
import { defaultMaskError } from "postgraphile/grafserv";
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from "../db/unavailable";
import type { Logger } from "../observability/logger";
import { withoutSuggestions } from "./limits";

interface DatabaseError extends Error {
  code?: string;
  constraint?: string;
  column?: string;
}

/** Retryable: the database was down or no connection was free in time. */
export const DATABASE_UNAVAILABLE = "DATABASE_UNAVAILABLE";

/**
 * The one place that turns PostgreSQL errors into messages for clients.
 * Known, harmless classes get a stable `extensions.code` and a message that
 * names no other tenant's data; everything else is masked with an id that
 * the server log carries in full.
 */
function describe(error: DatabaseError): { code: string; message: string } | null {
  if (isDatabaseUnavailable(error)) return { code: DATABASE_UNAVAILABLE, message: DATABASE_UNAVAILABLE_MESSAGE };
  switch (error.code) {
    case "42501":
      return { code: "FORBIDDEN", message: "Permission denied: sign in, or ask an administrator for access." };
    case "23505":
      return { code: "CONFLICT", message: `A record with the same value already exists${error.constraint ? ` (${error.constraint})` : ""}.` };
    case "23503":
    case "23001":
      return { code: "INVALID_REFERENCE", message: `A referenced record does not exist, or is still referenced${error.constraint ? ` (${error.constraint})` : ""}.` };
    case "23514":
      return { code: "INVALID_INPUT", message: `A value breaks the rule ${error.constraint ?? "of this table"}.` };
    case "23502":
      return { code: "INVALID_INPUT", message: `A required value is missing${error.column ? ` (${error.column})` : ""}.` };
    case "22P02":
    case "22007":
    case "22008":
    case "22003":
    case "22001":
      return { code: "INVALID_INPUT", message: error.message };
    case "22021":
    case "54000":
      return { code: "INVALID_INPUT", message: "A text value contains a character PostgreSQL cannot store (such as NUL) or is too long." };
    case "57014":
      return { code: "TIMEOUT", message: "The query took too long and was cancelled." };
    default:
      return null;
  }
}

/**
 * PostGraphile's answer when an update or delete matched no row it may
 * touch. RLS makes "missing" and "someone else's" the same row set, so the
 * message must not tell them apart either.
 */
const NOTHING_MATCHED = /^No values were (updated|deleted) in collection/;

export function maskError(error: GraphQLError): GraphQLError {
  return makeMaskError({ hideSuggestions: false })(error);
}

/**
 * grafserv's masking of an unexpected error (a bug, a lost connection), but
 * written to the gateway's log as one structured line instead of the
 * console; the client gets only the hash and id to quote.
 */
function maskUnexpected(error: GraphQLError, logger?: Logger): GraphQLError {
  const original = error.originalError;
  if (!logger || !original || original instanceof GraphQLError || isSafeError(original)) return defaultMaskError(error);
  const hash = createHash("sha1").update(String(error)).digest("base64url");
  const errorId = randomBytes(6).toString("base64url");
  logger.error({ err: original, hash, errorId, path: error.path }, "masked GraphQL error");
  return new GraphQLError(`An error occurred (logged with hash: '${hash}', id: '${errorId}')`, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: original,
    extensions: { errorId },
  });
}

/**
 * maskError for grafserv. In production ("hideSuggestions") a message never
 * carries "Did you mean …?": that would publish the schema piece by piece
 * where introspection is off.
 */
export function makeMaskError({ hideSuggestions, logger }: { hideSuggestions: boolean; logger?: Logger }): (error: GraphQLError) => GraphQLError {
  return (error) => {
    const masked = maskDatabaseError(error, logger);
    const message = hideSuggestions ? withoutSuggestions(masked.message) : masked.message;
    if (message === masked.message) return masked;
    return new GraphQLError(message, {
      nodes: masked.nodes,
      source: masked.source,
      positions: masked.positions,
      path: masked.path,
      originalError: masked.originalError,
      extensions: masked.extensions,
    });
  };
}

function maskDatabaseError(error: GraphQLError, logger?: Logger): GraphQLError {
  const original = error.originalError as DatabaseError | undefined;
  const known = original
    ? NOTHING_MATCHED.test(original.message)
      ? { code: "NOT_FOUND", message: "No such record, or it may not be changed by you." }
      : describe(original)
    : null;
  if (!known) return maskUnexpected(error, logger);
  return new GraphQLError(known.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: original,
    extensions: { code: known.code },
  });
}

/**
 * GraphQL errors normally come with 200. A request that failed entirely
 * because the database was unavailable (every error DATABASE_UNAVAILABLE,
 * no field with data) is answered with 503 instead, so load balancers,
 * retrying clients and monitors see an outage as one. The body keeps the
 * GraphQL shape; a partial answer stays 200.
 */
function failedEntirely(payload: unknown): boolean {
  const { errors, data } = (payload ?? {}) as { errors?: { extensions?: { code?: unknown } }[]; data?: Record<string, unknown> | null };
  if (!Array.isArray(errors) || errors.length === 0) return false;
  if (data != null && Object.values(data).some((value) => value !== null)) return false;
  return errors.every((error) => error.extensions?.code === DATABASE_UNAVAILABLE);
}

function unavailable<T extends { statusCode: number; headers: Record<string, string> }>(result: T): T {
  return { ...result, statusCode: 503, headers: { ...result.headers, "retry-after": "2" } };
}

export const DatabaseUnavailableStatusPlugin: GraphileConfig.Plugin = {
  name: "NexusDatabaseUnavailableStatusPlugin",
  version: "0.0.0",
  grafserv: {
    middleware: {
      async processRequest(next) {
        const result = await next();
        // grafserv has serialised the payload by now; only a body naming the code is parsed again.
        if (result?.type === "json") return failedEntirely(result.json) ? unavailable(result) : result;
        if (result?.type === "buffer" && result.buffer.includes(DATABASE_UNAVAILABLE)) {
          return failedEntirely(JSON.parse(result.buffer.toString("utf8"))) ? unavailable(result) : result;
        }
        return result;
      },
    },
  },
};
