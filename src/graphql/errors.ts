import { createHash, randomBytes } from "node:crypto";

import { isSafeError } from "postgraphile/grafast";
import { defaultMaskError } from "postgraphile/grafserv";
import { GraphQLError, type ValidationContext, type ValidationRule } from "postgraphile/graphql";

import { isDatabaseUnavailable } from "../db/unavailable";
import { defaultMessage, type ErrorCode } from "../errors/codes";
import type { Logger } from "../observability/logger";
import type { ConstraintCatalog } from "./constraints";
import { withoutSuggestions } from "./limits";

interface DatabaseError extends Error {
  code?: string;
  constraint?: string;
  column?: string;
  schema?: string;
  table?: string;
  detail?: string;
}

/** Retryable: the database was down or no connection was free in time. */
export const DATABASE_UNAVAILABLE: ErrorCode = "DATABASE_UNAVAILABLE";

interface Described {
  code: ErrorCode;
  message: string;
  constraint?: string;
  fields?: string[];
}

const list = (fields: readonly string[]) => fields.map((f) => `\`${f}\``).join(", ");

/**
 * A refusal of a constraint: its name, the GraphQL fields of its columns,
 * and its `comment on constraint` as the message (every CHECK has one, the
 * db:lint rule check_constraint_comment sees to it). Without a comment the
 * message is built from the fields, never from the row's values.
 */
function constraintRefusal(
  error: DatabaseError,
  code: ErrorCode,
  fallback: (fields: string[]) => string,
  constraints?: ConstraintCatalog,
): Described {
  const known = constraints?.constraint(error.schema, error.table, error.constraint);
  const fields = known?.fields ?? [];
  return {
    code,
    message: known?.comment ?? fallback(fields),
    ...(error.constraint ? { constraint: error.constraint } : {}),
    fields,
  };
}

/**
 * The one place that turns PostgreSQL errors into messages for clients.
 * Known, harmless classes get a stable `extensions.code` and a message that
 * names no other tenant's data; everything else is masked with an id that
 * the server log carries in full.
 */
function describe(error: DatabaseError, constraints?: ConstraintCatalog): Described | null {
  if (isDatabaseUnavailable(error)) return { code: "DATABASE_UNAVAILABLE", message: defaultMessage("DATABASE_UNAVAILABLE") };
  switch (error.code) {
    case "42501":
      return { code: "FORBIDDEN", message: defaultMessage("FORBIDDEN") };
    case "23505":
      return constraintRefusal(
        error,
        "CONFLICT",
        (fields) => (fields.length ? `A record with the same ${list(fields)} already exists.` : defaultMessage("CONFLICT")),
        constraints,
      );
    case "23503":
    case "23001":
      // Deleting a row others still point at names the other table's constraint: its fields mean nothing to this form.
      if (
        /still referenced/.test(error.detail ?? "") ||
        (/on table .* violates foreign key .* on table/.test(error.message) && !/insert or update/.test(error.message))
      ) {
        return {
          code: "INVALID_REFERENCE",
          message: "This record is still referenced by other records.",
          ...(error.constraint ? { constraint: error.constraint } : {}),
          fields: [],
        };
      }
      return constraintRefusal(
        error,
        "INVALID_REFERENCE",
        (fields) => (fields.length ? `${list(fields)} must name an existing record.` : defaultMessage("INVALID_REFERENCE")),
        constraints,
      );
    case "23514":
      return constraintRefusal(
        error,
        "INVALID_INPUT",
        () => `A value breaks the rule ${error.constraint ?? "of this table"}.`,
        constraints,
      );
    case "23502": {
      const field = constraints?.field(error.schema, error.table, error.column) ?? error.column;
      return {
        code: "INVALID_INPUT",
        message: field ? `\`${field}\` is required.` : "A required value is missing.",
        fields: field ? [field] : [],
      };
    }
    case "22P02":
    case "22023":
    case "22007":
    case "22008":
    case "22003":
    case "22001":
      return { code: "INVALID_INPUT", message: error.message };
    case "22021":
    case "54000":
      return { code: "INVALID_INPUT", message: "A text value contains a character PostgreSQL cannot store (such as NUL) or is too long." };
    case "57014":
      return { code: "TIMEOUT", message: defaultMessage("TIMEOUT") };
    default:
      return null;
  }
}

/**
 * PostGraphile's answer when a delete matched no row it may touch. RLS
 * makes "missing" and "someone else's" the same row set, so the message
 * must not tell them apart either. (Mutations are explained before this,
 * by mutation-outcome.ts; this catches any other path.)
 */
const NOTHING_MATCHED = /^No values were (updated|deleted) in collection/;

/**
 * The code of an error no step raised: graphql-js's parse and validation
 * errors (they never reach maskError; see CodesPlugin) and the coercion of
 * variables, which names the variable and the path of the bad value.
 */
export function codeOfGraphqlError(error: { message: string; path?: unknown }): ErrorCode {
  // An error with a path and no cause is graphql-js's own during execution (a null for a non-null field).
  if (error.path) return "INTERNAL_ERROR";
  if (error.message.startsWith("Syntax Error")) return "GRAPHQL_PARSE_FAILED";
  if (error.message.startsWith('Variable "$')) return "INVALID_INPUT";
  return "GRAPHQL_VALIDATION_FAILED";
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
    extensions: { code: "INTERNAL_ERROR", errorId },
  });
}

/**
 * maskError for grafserv. In production ("hideSuggestions") a message never
 * carries "Did you mean …?": that would publish the schema piece by piece
 * where introspection is off.
 */
export function makeMaskError({
  hideSuggestions,
  logger,
  constraints,
}: {
  hideSuggestions: boolean;
  logger?: Logger;
  constraints?: ConstraintCatalog;
}): (error: GraphQLError) => GraphQLError {
  return (error) => {
    const masked = maskDatabaseError(error, logger, constraints);
    const message = hideSuggestions ? withoutSuggestions(masked.message) : masked.message;
    if (message === masked.message && typeof masked.extensions?.code === "string") return masked;
    return new GraphQLError(message, {
      nodes: masked.nodes,
      source: masked.source,
      positions: masked.positions,
      path: masked.path,
      originalError: masked.originalError,
      // A SafeError raised without a code (a plugin's) still gets one: every GraphQL error carries a code.
      extensions: { ...masked.extensions, code: typeof masked.extensions?.code === "string" ? masked.extensions.code : "INTERNAL_ERROR" },
    });
  };
}

function maskDatabaseError(error: GraphQLError, logger?: Logger, constraints?: ConstraintCatalog): GraphQLError {
  const original = error.originalError as DatabaseError | undefined;
  // graphql-js's own errors (validation, variable coercion), and GraphQLErrors raised by plugins, keep their message.
  if (!original || original instanceof GraphQLError) return withCode(error);
  const known: Described | null = NOTHING_MATCHED.test(original.message)
    ? { code: "NOT_FOUND", message: defaultMessage("NOT_FOUND") }
    : describe(original, constraints);
  if (!known) return maskUnexpected(error, logger);
  const { code, message, ...details } = known;
  return new GraphQLError(message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: original,
    extensions: { code, ...details },
  });
}

function withCode(error: GraphQLError): GraphQLError {
  if (typeof error.extensions?.code === "string") return error;
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    ...(error.originalError ? { originalError: error.originalError } : {}),
    extensions: { ...error.extensions, code: codeOfGraphqlError(error) },
  });
}

/** Wraps a validation rule so that the errors it reports carry a code (the limit rules' own codes stay). */
function codedRule(rule: ValidationRule): ValidationRule {
  return (context) => {
    const coded = Object.create(context) as ValidationContext;
    coded.reportError = (error: GraphQLError) => context.reportError(withCode(error));
    return rule(coded);
  };
}

type ServedResult = { type: string; json?: unknown; buffer?: Buffer; headers?: Record<string, string> } | null | undefined;

/** A payload whose errors lack a code, answered again with the codes added; anything else unchanged. */
function withParseCodes<T extends ServedResult>(result: T): T {
  if (result?.type === "buffer" && result.buffer?.includes("Syntax Error")) {
    const payload = JSON.parse(result.buffer.toString("utf8")) as {
      errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
    };
    if (!Array.isArray(payload?.errors) || payload.errors.every((e) => typeof e.extensions?.code === "string")) return result;
    for (const error of payload.errors)
      error.extensions = { ...error.extensions, code: error.extensions?.code ?? codeOfGraphqlError(error) };
    const buffer = Buffer.from(JSON.stringify(payload), "utf8");
    return { ...result, buffer, headers: { ...result.headers, "content-length": String(buffer.length) } };
  }
  if (result?.type === "json") {
    const payload = result.json as { errors?: Array<{ message: string; extensions?: Record<string, unknown> }> } | undefined;
    if (!Array.isArray(payload?.errors) || payload.errors.every((e) => typeof e.extensions?.code === "string")) return result;
    const errors = payload.errors.map((e) => ({
      ...e,
      extensions: { ...e.extensions, code: e.extensions?.code ?? codeOfGraphqlError(e) },
    }));
    return { ...result, json: { ...payload, errors } };
  }
  return result;
}

/**
 * Parse and validation errors never reach maskError: grafserv answers them
 * straight from its own parse-and-validate step. Validation errors get
 * their code from the rules themselves (each rule wrapped); a parse error
 * has no hook before the answer is serialised, so an answer that carries
 * one (it contains graphql-js's "Syntax Error") is read again and its
 * errors given their code. Other answers are passed on untouched.
 */
export const ErrorCodesPlugin: GraphileConfig.Plugin = {
  name: "NexusErrorCodesPlugin",
  version: "1.0.0",
  grafserv: {
    middleware: {
      setPreset(next, event) {
        event.validationRules = event.validationRules.map(codedRule);
        return next();
      },
      async processRequest(next) {
        return withParseCodes(await next());
      },
    },
  },
};

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
