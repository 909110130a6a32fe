/**
 * Whether an error means "the database cannot be reached right now" rather
 * than "this request is wrong": the server is down, restarting, shutting
 * down, out of connections, or no pooled connection was free in time. Such
 * a request may be retried as it is; the GraphQL and HTTP error mappers
 * answer it with DATABASE_UNAVAILABLE / 503 instead of masking it as an
 * internal error.
 */
const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"]);

/** admin_shutdown, crash_shutdown, cannot_connect_now (starting or stopping), too_many_connections. */
const SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300"]);

// node-postgres reports these without a code.
const MESSAGES = [
  /^timeout exceeded when trying to connect$/,
  /^Connection terminated/,
  /^Client has encountered a connection error and is not queryable$/,
  /^Client was closed and is not queryable$/,
  /^Cannot use a pool after calling end on the pool$/,
];

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === "string" && (NETWORK_CODES.has(code) || SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
    if (typeof message === "string" && MESSAGES.some((pattern) => pattern.test(message))) return true;
    // AggregateError (several addresses refused), or an error wrapping its cause.
    const inner = current as { errors?: unknown[]; cause?: unknown; originalError?: unknown };
    if (Array.isArray(inner.errors) && inner.errors.some((item) => isDatabaseUnavailable(item))) return true;
    current = inner.cause ?? inner.originalError;
  }
  return false;
}

