/**
 * Every error code a client can receive, once: in the HTTP body
 * `{ "error": { "code", "message" } }` of /auth, /health, /metrics and the
 * front door, and in `errors[].extensions.code` of GraphQL. The README's
 * error table and the SDK's `ErrorCode` union are generated from this list
 * (`npm run docs:gen`, `npm run codegen`), so a code added here is
 * documented and typed the same day.
 *
 * The casing rule: a code is UPPER_SNAKE_CASE, on every surface. One
 * condition has one code; a surface never lower-cases or renames it.
 *
 * `status` is the HTTP status of a response refused with the code. A
 * GraphQL error inside a 200 answer (one field failed, others may have
 * data) carries the same code; the status then applies only when the whole
 * request is refused with it (a parse error is 400 to a client that asks for
 * application/graphql-response+json; DATABASE_UNAVAILABLE is 503).
 */
export const ERROR_CODES = {
  // The request itself.
  BAD_REQUEST: { status: 400, surface: "http", message: "The request is malformed." },
  INVALID_JSON: { status: 400, surface: "http", message: "The body is not valid JSON." },
  INVALID_REQUEST: { status: 400, surface: "http", message: "A field of the request is missing or has the wrong type." },
  PAYLOAD_TOO_LARGE: { status: 413, surface: "http", message: "The request body is too large." },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, surface: "http", message: "Send the body as application/json." },
  UNSUPPORTED_ENCODING: {
    status: 415,
    surface: "http",
    message: "The Content-Encoding is not accepted: send the body as is, or gzip, deflate or br.",
  },
  NOT_FOUND: { status: 404, surface: "both", message: "No such record, or it may not be changed by you." },
  BATCH_NOT_ALLOWED: { status: 400, surface: "graphql", message: "Batched operations are not accepted: send one operation per request." },
  INVALID_CONSISTENCY_TOKEN: {
    status: 400,
    surface: "http",
    message: "The Nexus-Consistency header is not a token the gateway returned (an LSN such as 0/1A2B3C4D).",
  },

  // Who is asking.
  UNAUTHENTICATED: { status: 401, surface: "both", message: "Sign in: this needs an access token (Authorization: Bearer <token>)." },
  INVALID_TOKEN: { status: 401, surface: "http", message: "The access token is invalid." },
  TOKEN_EXPIRED: { status: 401, surface: "http", message: "The access token has expired." },
  TOKEN_REVOKED: { status: 401, surface: "http", message: "The access token has been revoked." },
  INVALID_CREDENTIALS: { status: 401, surface: "http", message: "The email, username or password is not correct." },
  INVALID_REFRESH_TOKEN: { status: 401, surface: "http", message: "The refresh token is missing or invalid." },
  REFRESH_TOKEN_REUSED: {
    status: 401,
    surface: "http",
    message: "This refresh token was already used; the session has been ended. Sign in again.",
  },
  REFRESH_TOKEN_EXPIRED: { status: 401, surface: "http", message: "The session has expired. Sign in again." },
  WEAK_PASSWORD: { status: 400, surface: "http", message: "The new password is too weak." },
  RATE_LIMITED: { status: 429, surface: "http", message: "Too many attempts; try again later." },
  USERNAME_TAKEN: { status: 409, surface: "http", message: "That username is taken in this tenant; choose another." },
  ACCOUNT_EXISTS: { status: 409, surface: "http", message: "An account with this address already exists; sign in instead." },
  ALREADY_MEMBER: { status: 409, surface: "http", message: "This address already has an account in your tenant." },
  ORIGIN_NOT_ALLOWED: { status: 403, surface: "http", message: "Requests from this origin are not allowed." },
  CSRF_HEADER_MISSING: {
    status: 403,
    surface: "http",
    message: "Requests authenticated by the refresh cookie must send the X-Nexus-CSRF header.",
  },
  FORBIDDEN: { status: 403, surface: "both", message: "You may not make this change: it needs a permission you do not have." },

  // What was asked (GraphQL).
  GRAPHQL_PARSE_FAILED: { status: 400, surface: "graphql", message: "The document is not valid GraphQL syntax." },
  GRAPHQL_VALIDATION_FAILED: { status: 400, surface: "graphql", message: "The document does not match the schema." },
  INVALID_INPUT: {
    status: 400,
    surface: "graphql",
    message: "A value does not have the expected type or format, or breaks a rule of the table.",
  },
  CONFLICT: { status: 409, surface: "graphql", message: "A record with the same value already exists." },
  INVALID_REFERENCE: { status: 422, surface: "graphql", message: "A referenced record does not exist, or is still referenced." },
  QUERY_TOO_LARGE: { status: 400, surface: "graphql", message: "The operation selects too many fields once its fragments are expanded." },
  QUERY_TOO_DEEP: { status: 400, surface: "graphql", message: "The operation nests fields too deeply." },
  TOO_MANY_ALIASES: { status: 400, surface: "graphql", message: "The operation uses too many aliases." },
  QUERY_TOO_COSTLY: { status: 400, surface: "graphql", message: "The operation could return too many objects; ask for smaller pages." },
  TOO_MANY_SUBSCRIPTIONS: {
    status: 400,
    surface: "graphql",
    message: "A socket holds only so many subscriptions: end one, or open another socket.",
  },
  INVALID_FILTER: { status: 400, surface: "graphql", message: "A rowChanged filter applies to the subscribed table only." },
  PAGE_TOO_LARGE: { status: 400, surface: "graphql", message: "A page is larger than the maximum page size." },
  TIMEOUT: { status: 504, surface: "graphql", message: "The query took too long and was cancelled." },

  // Files (POST /files, GET /files/:id/content).
  FILE_TOO_LARGE: { status: 413, surface: "http", message: "The file is larger than this gateway accepts." },
  FILE_TYPE_NOT_ALLOWED: {
    status: 415,
    surface: "http",
    message: "The file's type is not accepted, or its bytes are not what its declared type says.",
  },
  FILE_EMPTY: { status: 400, surface: "http", message: "The file is empty." },
  FILE_MISSING: { status: 400, surface: "http", message: "The upload carries no file: send one file part, or the bytes as the body." },
  FILE_LINK_INVALID: { status: 403, surface: "http", message: "The download link is not valid for this file." },
  FILE_LINK_EXPIRED: { status: 403, surface: "http", message: "The download link has expired: ask for the file's url again." },
  RANGE_NOT_SATISFIABLE: { status: 416, surface: "http", message: "The requested range lies outside the file." },

  // The gateway and its database.
  DATABASE_UNAVAILABLE: { status: 503, surface: "both", message: "The database is unavailable right now; retry in a few seconds." },
  DATABASE_AUTHENTICATION_FAILED: {
    status: 503,
    surface: "http",
    message: "The database refuses the gateway's credentials (its login role's password was changed or is wrong).",
  },
  TENANT_BUDGET_EXCEEDED: {
    status: 429,
    surface: "graphql",
    message: "This tenant has used its requests or query cost for the current minute; retry after the Retry-After seconds.",
  },
  TENANT_QUEUE_FULL: {
    status: 429,
    surface: "graphql",
    message: "Too many requests of this tenant are waiting for the database; retry shortly.",
  },
  TENANT_QUEUE_TIMEOUT: {
    status: 503,
    surface: "graphql",
    message: "No database connection was free for this tenant in time; retry shortly.",
  },
  MIGRATIONS_UNKNOWN: { status: 503, surface: "http", message: "The applied migrations cannot be read." },
  MIGRATIONS_NOT_CURRENT: { status: 503, surface: "http", message: "The database is not at the migration this gateway expects." },
  INTERNAL_ERROR: { status: 500, surface: "both", message: "Internal server error." },
} as const satisfies Record<string, { status: number; surface: "http" | "graphql" | "both"; message: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Where a code is used: the HTTP error body, GraphQL's extensions.code, or both. */
export type ErrorSurface = (typeof ERROR_CODES)[ErrorCode]["surface"];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && Object.prototype.hasOwnProperty.call(ERROR_CODES, value);
}

export function statusOf(code: ErrorCode): number {
  return ERROR_CODES[code].status;
}

export function defaultMessage(code: ErrorCode): string {
  return ERROR_CODES[code].message;
}
