import { createSecretKey, type KeyObject } from "node:crypto";
import path from "node:path";

export type NodeEnv = "development" | "production" | "test";

export interface JwtConfig {
  /** HS256 key, built once: verifying against a KeyObject is ~40x cheaper than against a string. */
  key: KeyObject;
  issuer: string;
  audience: string;
  /** Seconds of clock skew accepted on `exp` and `nbf`. */
  clockToleranceSeconds: number;
  accessTokenTtlSeconds: number;
}

export interface Config {
  env: NodeEnv;
  host: string;
  port: number;
  /** External database; when null the gateway runs its own embedded PostgreSQL. */
  databaseUrl: string | null;
  /** Password the gateway's GraphQL pool logs in with (role nexus_authenticator). */
  authenticatorPassword: string | null;
  dataDir: string;
  jwt: JwtConfig;
  graphiql: boolean;
  introspection: boolean;
  /** Seconds a GraphQL statement may run before PostgreSQL cancels it. */
  statementTimeoutMs: number;
  /** How long shutdown waits for in-flight requests before closing their connections. */
  shutdownGraceMs: number;
}

/** The development secret: fine on a laptop, refused in production. */
export const DEVELOPMENT_JWT_SECRET = "nexus-development-secret-change-me-in-production";

const MIN_SECRET_BYTES = 32;

/** A configuration problem, reported as one line naming the variable. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable} ${problem}`);
    this.name = "ConfigError";
  }
}

type Env = Record<string, string | undefined>;

function read(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}

function readInteger(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(name, `must be a whole number from ${min} to ${max} (got "${raw}")`);
  }
  return Number(raw);
}

function readFlag(env: Env, name: string, fallback: boolean): boolean {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(name, `must be 1 or 0 (got "${raw}")`);
}

function readDatabaseUrl(env: Env): string | null {
  const raw = read(env, "DATABASE_URL");
  if (raw === undefined) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError("DATABASE_URL", "is not a valid URL (expected postgres://user:password@host:5432/database)");
  }
  if (url.protocol !== "postgres:" && url.protocol !== "postgresql:") {
    throw new ConfigError("DATABASE_URL", `must start with postgres:// (got "${url.protocol}//")`);
  }
  if (url.pathname.replace(/^\//, "") === "") {
    throw new ConfigError("DATABASE_URL", "must name a database (postgres://user:password@host:5432/database)");
  }
  return raw;
}

function readEnvName(env: Env): NodeEnv {
  const raw = read(env, "NODE_ENV") ?? "development";
  if (raw !== "development" && raw !== "production" && raw !== "test") {
    throw new ConfigError("NODE_ENV", `must be development, production or test (got "${raw}")`);
  }
  return raw;
}

function readJwt(env: Env, nodeEnv: NodeEnv): JwtConfig {
  let secret = read(env, "JWT_SECRET");
  if (secret === undefined) {
    if (nodeEnv === "production") {
      throw new ConfigError("JWT_SECRET", `is required in production (at least ${MIN_SECRET_BYTES} random bytes, e.g. \`openssl rand -base64 48\`)`);
    }
    secret = DEVELOPMENT_JWT_SECRET;
  }
  if (nodeEnv === "production" && secret === DEVELOPMENT_JWT_SECRET) {
    throw new ConfigError("JWT_SECRET", "is the development default; set a secret of your own in production");
  }
  if (Buffer.byteLength(secret, "utf8") < MIN_SECRET_BYTES) {
    throw new ConfigError("JWT_SECRET", `must be at least ${MIN_SECRET_BYTES} bytes long`);
  }
  return {
    key: createSecretKey(Buffer.from(secret, "utf8")),
    issuer: read(env, "JWT_ISSUER") ?? "nexus-gateway",
    audience: read(env, "JWT_AUDIENCE") ?? "nexus-graphql",
    clockToleranceSeconds: readInteger(env, "JWT_CLOCK_TOLERANCE_SECONDS", 30, 0, 30),
    accessTokenTtlSeconds: readInteger(env, "JWT_ACCESS_TTL_SECONDS", 15 * 60, 30, 24 * 60 * 60),
  };
}

/**
 * Reads and validates the whole configuration once. Everything downstream
 * takes the returned object; nothing else reads `process.env`.
 */
export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): Config {
  const nodeEnv = readEnvName(env);
  const production = nodeEnv === "production";
  const graphiql = readFlag(env, "NEXUS_GRAPHIQL", !production);
  return {
    env: nodeEnv,
    host: read(env, "HOST") ?? "0.0.0.0",
    port: readInteger(env, "PORT", 4000, 0, 65535),
    databaseUrl: readDatabaseUrl(env),
    authenticatorPassword: read(env, "NEXUS_AUTHENTICATOR_PASSWORD") ?? null,
    dataDir: path.resolve(cwd, read(env, "NEXUS_DATA_DIR") ?? ".nexus"),
    jwt: readJwt(env, nodeEnv),
    graphiql,
    // GraphiQL needs introspection; production has both off unless asked for.
    introspection: readFlag(env, "NEXUS_INTROSPECTION", !production || graphiql),
    statementTimeoutMs: readInteger(env, "NEXUS_STATEMENT_TIMEOUT_MS", 15_000, 100, 600_000),
    shutdownGraceMs: readInteger(env, "NEXUS_SHUTDOWN_GRACE_MS", 10_000, 0, 120_000),
  };
}
