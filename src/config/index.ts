import { createHash, createHmac, createPrivateKey, createPublicKey, createSecretKey, type KeyObject, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";

export type NodeEnv = "development" | "production" | "test";

export type SigningAlgorithm = "HS256" | "RS256" | "ES256";

/** The one key that signs access tokens, and verifies them with exactly one algorithm. */
export interface SigningKey {
  kid: string;
  algorithm: SigningAlgorithm;
  /** Signs: the HS256 secret, or the private key. */
  signingKey: KeyObject;
  /** Verifies: the HS256 secret, or the public key (published at /.well-known/jwks.json). */
  verificationKey: KeyObject;
  /** Keyed material for deriving rotated refresh tokens; never leaves the process. */
  refreshSecret: Buffer;
}

/** Tokens of another issuer (an identity provider), verified through its JWKS. */
export interface ExternalIssuerConfig {
  issuer: string;
  jwksUrl: string;
  audience: string;
  /** Dotted path of the tenant id in the token, e.g. app_metadata.organization_id. */
  tenantClaimPath: string;
}

export interface JwtConfig {
  key: SigningKey;
  issuer: string;
  audience: string;
  /** Seconds of clock skew accepted on `exp` and `nbf`. */
  clockToleranceSeconds: number;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  /** A rotated refresh token presented again within this window gets the current one (concurrent tabs). */
  refreshGraceSeconds: number;
  external: ExternalIssuerConfig | null;
}

/** Sign-in throttling (src/auth/rate-limit.ts); a client is an IPv4 address or an IPv6 /64. */
export interface LoginPolicy {
  /** Failed passwords in a row, for one account from one client, before that client backs off. */
  maxFailures: number;
  /** The first backoff; it doubles with each further failure. */
  lockSeconds: number;
  /** The longest backoff. */
  maxBackoffSeconds: number;
  /** Sign-in attempts per minute from one client. */
  attemptsPerIpPerMinute: number;
  /** Sign-in attempts per minute for one account from one client. */
  attemptsPerAccountPerMinute: number;
}

/** Password-reset requests per hour, counted whether or not the address belongs to anyone. */
export interface PasswordResetPolicy {
  perAddressPerHour: number;
  perClientPerHour: number;
}

/** Row-change subscriptions and the WebSockets that carry them (README, Realtime). */
export interface RealtimeConfig {
  /** Row changes decoded from the WAL and delivered to subscriptions; off: rowChanged never fires. */
  enabled: boolean;
  /**
   * A connection allowed to replicate (REPLICATION or superuser), for the
   * decoder; null: as DATABASE_URL (the embedded cluster's superuser).
   * An instance without one only delivers what the others decode.
   */
  replicationUrl: string | null;
  /** How often an instance that does not decode tries to take the slot over. */
  failoverMs: number;
  /** The shortest time between two rounds the decoder publishes: under load, the commits of one tick travel (and are re-read) together. */
  tickMs: number;
  /** A socket that has not sent a signed-in connection_init by then is closed (4408). */
  initTimeoutMs: number;
  maxSocketsPerClient: number;
  maxSocketsPerUser: number;
  maxSubscriptionsPerSocket: number;
  /** Rows a filtered subscription follows to tell which deletes concern it; past it, it gets every delete of its table. */
  deleteTrackMax: number;
  /** Events waiting for one socket before it is closed as too slow (4413). */
  sendQueueMax: number;
}

export interface Config {
  env: NodeEnv;
  host: string;
  port: number;
  /** External database; when null the gateway runs its own embedded PostgreSQL. */
  databaseUrl: string | null;
  /** Password the gateway's GraphQL pool logs in with (role nexus_authenticator). */
  authenticatorPassword: string | null;
  /** Set the authenticator's password even when the role exists (it is shared by every deployment on the cluster). */
  resetAuthenticatorPassword: boolean;
  /**
   * Where the revocation listener connects (LISTEN needs a session of its
   * own, so it must bypass a transaction-mode pooler); null: as DATABASE_URL.
   */
  listenDatabaseUrl: string | null;
  pool: PoolLimits;
  replicas: ReplicaConfig;
  realtime: RealtimeConfig;
  dataDir: string;
  jwt: JwtConfig;
  login: LoginPolicy;
  passwordReset: PasswordResetPolicy;
  /** Base URL of the gateway as users reach it, for links in mail. */
  publicUrl: string;
  mail: MailConfig;
  /** Seconds an invitation link stays valid. */
  inviteTtlSeconds: number;
  /**
   * The schema of the job queue's tables (graphile-worker's). Every instance
   * of one deployment names the same: any of them may take any job, so
   * deployments that share a database (or a test run's files) name their own.
   */
  jobsSchema: string;
  /** The automation runner (src/automation): on where this gateway runs the job queue, and how often it looks for due work. */
  automation: { enabled: boolean; tickSeconds: number };
  /** The key integration credentials are encrypted with (pgcrypto); null: secrets cannot be stored. Never stored in the database. */
  credentialKey: string | null;
  /** Load the demo tenants on the first start of the embedded database. */
  demo: boolean;
  graphiql: boolean;
  introspection: boolean;
  /** Origins of browser apps allowed to call the gateway with credentials (CORS), e.g. https://app.example.com. */
  corsOrigins: string[];
  /** Seconds a GraphQL statement may run before PostgreSQL cancels it. */
  statementTimeoutMs: number;
  /** Rebuild the GraphQL schema when a migration or policies/ is applied (NOTIFY), without a restart. */
  schemaReload: boolean;
  /** How long shutdown waits for in-flight requests before closing their connections. */
  shutdownGraceMs: number;
  /** After the grace, how long closing the pools, the listener and the database may take before the process exits anyway. */
  shutdownCapMs: number;
  /** Gateway processes `npm start` runs on the one port (NEXUS_WORKERS, auto: one per core); 1 runs no cluster. */
  workers: number;
  api: ApiLimits;
  tenants: TenantLimits;
  log: LogConfig;
  metrics: MetricsConfig;
  files: FilesConfig;
}

/** What one tenant may take of the gateway: connections at once, requests and cost per window (src/db/fair-pool.ts, src/graphql/tenant-budget.ts). */
export interface TenantLimits {
  /** GraphQL pool connections one tenant may hold at once; the rest wait their round-robin turn. */
  maxConnections: number;
  /** Checkouts of one tenant that may wait; past it TENANT_QUEUE_FULL. */
  queueMax: number;
  /** Operations per tenant per window, counted in PostgreSQL for every instance; 0: no budget. */
  requestsPerWindow: number;
  /** Estimated cost (src/graphql/limits.ts operationCost) per tenant per window; 0: no budget. */
  costPerWindow: number;
  windowSeconds: number;
  /** Tenants with their own label in the per-tenant metrics; the rest are "other". */
  metricsTopTenants: number;
}

/** Where mail goes (SMTP, through the job queue) and where its links point. */
export interface MailConfig {
  /** smtp:// or smtps:// URL of the mail server; null: mail stays in the outbox (printed in development). */
  smtpUrl: string | null;
  /** The front end that opens reset, verification and invitation links; null: the gateway's own pages. */
  appUrl: string | null;
  /** The From address. */
  from: string;
}

export type LogLevel = "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";

export interface LogConfig {
  level: LogLevel;
  /** Human-readable lines (development) instead of one JSON object per line. */
  pretty: boolean;
}

/**
 * Where Prometheus reads /metrics: a port of its own (not published to
 * clients), and/or behind a bearer token. Production never serves them
 * unprotected on the public port.
 */
export interface MetricsConfig {
  /** Serve /metrics on this port only (null: on the public port). */
  port: number | null;
  /** Required as `Authorization: Bearer <token>` wherever /metrics is served. */
  token: string | null;
}

/** Streaming replicas that GraphQL queries may read from (src/db/replicas.ts). */
export interface ReplicaConfig {
  /** NEXUS_REPLICA_URLS: host, port and database of each replica; the gateway logs in as on the primary. */
  urls: string[];
  /** A replica further behind the primary than this is skipped. */
  maxLagMs: number;
  /** How long a query carrying a consistency token waits for a replica to replay it before it goes to the primary. */
  waitMs: number;
  /** How often each replica's health and lag are checked. */
  checkIntervalMs: number;
}

/** The GraphQL pool: how many connections, and how long a request waits for one. */
export interface PoolLimits {
  max: number;
  /** A request that cannot get a connection in this time (pool full, database down) fails with DATABASE_UNAVAILABLE. */
  connectTimeoutMs: number;
  /** Named (server-side prepared) statements; off behind a transaction-mode pooler. Applied by src/cli/graphile-env.ts. */
  preparedStatements: boolean;
  /**
   * Queries on pipelined round trips (src/graphql/request-transaction.ts, which needs pg's private
   * state: src/db/pg-internals.ts); false leaves every statement on @dataplan/pg's own client path.
   */
  pipeline: boolean;
}

/** What one GraphQL operation may ask for; see src/graphql/limits.ts. */
export interface ApiLimits {
  /** Rows a connection returns when the client names neither `first` nor `last`. */
  defaultPageSize: number;
  /** The largest `first`/`last` a client may ask for. */
  maxPageSize: number;
  /** Deepest field nesting of an operation. */
  maxDepth: number;
  /** Fields of an operation once its fragments are expanded. */
  maxFields: number;
  /** Milliseconds grafast may spend planning one operation (planning blocks the process). */
  planningTimeoutMs: number;
  /** Aliased fields in one document. */
  maxAliases: number;
  /** Estimated rows and objects an operation may touch (connections multiply by their page size). */
  maxCost: number;
  /** Only operations of the SDK's persisted set are accepted. */
  persistedOnly: boolean;
  /** GraphQL over WebSocket (subscriptions) on the GraphQL path. */
  websockets: boolean;
}

/**
 * The fixed secret of the test suite (NODE_ENV=test) only, refused in
 * production. Development never uses it: anyone who reads this file could
 * sign tokens for any tenant of a gateway that trusted it.
 */
export const DEVELOPMENT_JWT_SECRET = "nexus-development-secret-change-me-in-production";

/** Where development keeps its generated signing secret, per data directory. */
export const DEVELOPMENT_SECRET_FILE = "jwt-secret";

/**
 * Development without JWT_SECRET: a random secret made on first use and
 * kept in the data directory (mode 0600), so tokens survive restarts but no
 * two checkouts share a key. Two processes starting at once agree: the file
 * is created exclusively, and the loser reads the winner's.
 */
function developmentSecret(dataDir: string): string {
  const file = path.join(dataDir, DEVELOPMENT_SECRET_FILE);
  const existing = (): string | null => {
    try {
      return readFileSync(file, "utf8").trim() || null;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw new ConfigError("JWT_SECRET", `is not set and ${file} cannot be read (${(error as Error).message})`);
    }
  };
  const found = existing();
  if (found) return found;
  const secret = randomBytes(48).toString("base64url");
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return existing() ?? secret;
    throw new ConfigError("JWT_SECRET", `is not set and ${file} cannot be written (${(error as Error).message})`);
  }
}

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

function readJobsSchema(env: Env): string {
  const schema = read(env, "NEXUS_JOBS_SCHEMA") ?? "graphile_worker";
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema))
    throw new ConfigError("NEXUS_JOBS_SCHEMA", `must be a lower-case PostgreSQL identifier (letters, digits, _; got "${schema}")`);
  return schema;
}

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

/** NEXUS_WORKERS: a count, or `auto` for one per core. */
function readWorkers(env: Env): number {
  const raw = read(env, "NEXUS_WORKERS");
  if (raw?.toLowerCase() === "auto") return availableParallelism();
  if (raw !== undefined && !/^\d+$/.test(raw))
    throw new ConfigError("NEXUS_WORKERS", `must be auto or a whole number from 1 to 64 (got "${raw}")`);
  return readInteger(env, "NEXUS_WORKERS", 1, 1, 64);
}

function readFlag(env: Env, name: string, fallback: boolean): boolean {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(name, `must be 1 or 0 (got "${raw}")`);
}

function readDatabaseUrl(env: Env, name = "DATABASE_URL"): string | null {
  const raw = read(env, name);
  if (raw === undefined) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, "is not a valid URL (expected postgres://user:password@host:5432/database)");
  }
  if (url.protocol !== "postgres:" && url.protocol !== "postgresql:") {
    throw new ConfigError(name, `must start with postgres:// (got "${url.protocol}//")`);
  }
  if (url.pathname.replace(/^\//, "") === "") {
    throw new ConfigError(name, "must name a database (postgres://user:password@host:5432/database)");
  }
  return raw;
}

function readReplicaUrls(env: Env): string[] {
  const raw = read(env, "NEXUS_REPLICA_URLS");
  if (raw === undefined) return [];
  return raw
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "")
    .map((item) => readDatabaseUrl({ NEXUS_REPLICA_URLS: item }, "NEXUS_REPLICA_URLS")!);
}

function readPublicUrl(env: Env): string {
  const raw = read(env, "NEXUS_PUBLIC_URL");
  if (raw === undefined) return `http://localhost:${read(env, "PORT") ?? "4000"}`;
  try {
    const url = new URL(raw);
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error();
    return url.toString().replace(/\/$/, "");
  } catch {
    throw new ConfigError("NEXUS_PUBLIC_URL", `must be an http(s) URL (got "${raw}")`);
  }
}

function readCredentialKey(env: Env): string | null {
  const key = read(env, "NEXUS_CREDENTIAL_KEY") ?? null;
  if (key !== null && key.length < 32)
    throw new ConfigError("NEXUS_CREDENTIAL_KEY", "must be at least 32 characters (e.g. openssl rand -base64 32)");
  return key;
}

function readMail(env: Env, publicUrl: string): MailConfig {
  const smtpUrl = read(env, "NEXUS_SMTP_URL") ?? null;
  if (smtpUrl !== null) {
    let protocol = "";
    try {
      protocol = new URL(smtpUrl).protocol;
    } catch {
      // reported below
    }
    if (protocol !== "smtp:" && protocol !== "smtps:")
      throw new ConfigError("NEXUS_SMTP_URL", "must be an smtp:// or smtps:// URL, e.g. smtps://user:password@mail.example.com:465");
  }
  const rawApp = read(env, "NEXUS_APP_URL");
  let appUrl: string | null = null;
  if (rawApp !== undefined) {
    try {
      const url = new URL(rawApp);
      if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error();
      appUrl = url.toString().replace(/\/$/, "");
    } catch {
      throw new ConfigError("NEXUS_APP_URL", `must be an http(s) URL (got "${rawApp}")`);
    }
  }
  const from = read(env, "NEXUS_MAIL_FROM") ?? `Nexus <no-reply@${new URL(publicUrl).hostname}>`;
  if (!/^[^\r\n]*@[^\r\n]+$/.test(from))
    throw new ConfigError("NEXUS_MAIL_FROM", `must be an address like "Nexus <no-reply@example.com>" (got "${from}")`);
  return { smtpUrl, appUrl, from };
}

function readCorsOrigins(env: Env): string[] {
  const raw = read(env, "NEXUS_CORS_ORIGINS");
  if (raw === undefined) return [];
  return raw
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "")
    .map((entry) => {
      if (entry === "*")
        throw new ConfigError("NEXUS_CORS_ORIGINS", "must list origins one by one: credentials are allowed, so * is refused");
      let url: URL;
      try {
        url = new URL(entry);
      } catch {
        throw new ConfigError("NEXUS_CORS_ORIGINS", `has "${entry}", which is not an origin like https://app.example.com`);
      }
      if ((url.protocol !== "http:" && url.protocol !== "https:") || url.origin !== entry.replace(/\/$/, "")) {
        throw new ConfigError(
          "NEXUS_CORS_ORIGINS",
          `has "${entry}", which is not an origin like https://app.example.com (scheme, host and port only)`,
        );
      }
      return url.origin;
    });
}

function readEnvName(env: Env): NodeEnv {
  const raw = read(env, "NODE_ENV") ?? "development";
  if (raw !== "development" && raw !== "production" && raw !== "test") {
    throw new ConfigError("NODE_ENV", `must be development, production or test (got "${raw}")`);
  }
  return raw;
}

function readPem(env: Env, name: string): string | undefined {
  const inline = read(env, name);
  const file = read(env, `${name}_FILE`);
  if (inline && file) throw new ConfigError(name, `and ${name}_FILE are both set; use one`);
  if (file) {
    try {
      return readFileSync(file, "utf8");
    } catch {
      throw new ConfigError(`${name}_FILE`, `cannot be read (${file})`);
    }
  }
  return inline?.replace(/\\n/g, "\n");
}

function readSigningKey(env: Env, nodeEnv: NodeEnv, dataDir: string): SigningKey {
  const algorithm = (read(env, "JWT_ALGORITHM") ?? "HS256") as SigningAlgorithm;
  if (algorithm !== "HS256" && algorithm !== "RS256" && algorithm !== "ES256") {
    throw new ConfigError("JWT_ALGORITHM", `must be HS256, RS256 or ES256 (got "${algorithm}")`);
  }
  if (algorithm === "HS256") {
    let secret = read(env, "JWT_SECRET");
    if (secret === undefined) {
      if (nodeEnv === "production") {
        throw new ConfigError(
          "JWT_SECRET",
          `is required in production (at least ${MIN_SECRET_BYTES} random bytes, e.g. \`openssl rand -base64 48\`)`,
        );
      }
      secret = nodeEnv === "test" ? DEVELOPMENT_JWT_SECRET : developmentSecret(dataDir);
    }
    if (nodeEnv === "production" && secret === DEVELOPMENT_JWT_SECRET) {
      throw new ConfigError("JWT_SECRET", "is the development default; set a secret of your own in production");
    }
    if (Buffer.byteLength(secret, "utf8") < MIN_SECRET_BYTES) {
      throw new ConfigError("JWT_SECRET", `must be at least ${MIN_SECRET_BYTES} bytes long`);
    }
    const bytes = Buffer.from(secret, "utf8");
    const key = createSecretKey(bytes);
    return {
      kid: read(env, "JWT_KEY_ID") ?? `hs-${createHmac("sha256", bytes).update("nexus key id").digest("base64url").slice(0, 12)}`,
      algorithm,
      signingKey: key,
      verificationKey: key,
      refreshSecret: createHmac("sha256", bytes).update("nexus refresh rotation").digest(),
    };
  }
  const pem = readPem(env, "JWT_PRIVATE_KEY");
  if (!pem)
    throw new ConfigError("JWT_PRIVATE_KEY", `is required with JWT_ALGORITHM=${algorithm} (a PEM private key, or JWT_PRIVATE_KEY_FILE)`);
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem);
  } catch {
    throw new ConfigError("JWT_PRIVATE_KEY", "is not a readable PEM private key");
  }
  const expected = algorithm === "RS256" ? "rsa" : "ec";
  if (privateKey.asymmetricKeyType !== expected) {
    throw new ConfigError(
      "JWT_PRIVATE_KEY",
      `must be an ${expected.toUpperCase()} key for ${algorithm} (got ${privateKey.asymmetricKeyType})`,
    );
  }
  if (algorithm === "ES256" && privateKey.asymmetricKeyDetails?.namedCurve !== "prime256v1") {
    throw new ConfigError("JWT_PRIVATE_KEY", "must be a P-256 key for ES256");
  }
  if (algorithm === "RS256" && (privateKey.asymmetricKeyDetails?.modulusLength ?? 0) < 2048) {
    throw new ConfigError("JWT_PRIVATE_KEY", "must be an RSA key of at least 2048 bits");
  }
  const publicKey = createPublicKey(privateKey);
  const thumbprint = createHash("sha256")
    .update(publicKey.export({ format: "der", type: "spki" }))
    .digest("base64url");
  return {
    kid: read(env, "JWT_KEY_ID") ?? thumbprint.slice(0, 16),
    algorithm,
    signingKey: privateKey,
    verificationKey: publicKey,
    refreshSecret: createHmac("sha256", privateKey.export({ format: "der", type: "pkcs8" }))
      .update("nexus refresh rotation")
      .digest(),
  };
}

function readExternalIssuer(env: Env): ExternalIssuerConfig | null {
  const issuer = read(env, "JWT_EXTERNAL_ISSUER");
  const jwksUrl = read(env, "JWT_EXTERNAL_JWKS_URL");
  if (!issuer && !jwksUrl) return null;
  if (!issuer) throw new ConfigError("JWT_EXTERNAL_ISSUER", "is required with JWT_EXTERNAL_JWKS_URL");
  if (!jwksUrl) throw new ConfigError("JWT_EXTERNAL_JWKS_URL", "is required with JWT_EXTERNAL_ISSUER");
  try {
    const url = new URL(jwksUrl);
    if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error();
  } catch {
    throw new ConfigError("JWT_EXTERNAL_JWKS_URL", `is not an http(s) URL (got "${jwksUrl}")`);
  }
  const audience = read(env, "JWT_EXTERNAL_AUDIENCE");
  if (!audience) throw new ConfigError("JWT_EXTERNAL_AUDIENCE", "is required with JWT_EXTERNAL_ISSUER");
  const tenantClaimPath = read(env, "JWT_EXTERNAL_TENANT_CLAIM") ?? "app_metadata.organization_id";
  if (!/^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*)*$/.test(tenantClaimPath)) {
    throw new ConfigError(
      "JWT_EXTERNAL_TENANT_CLAIM",
      `must be a dotted claim path like app_metadata.organization_id (got "${tenantClaimPath}")`,
    );
  }
  return { issuer, jwksUrl, audience, tenantClaimPath };
}

function readJwt(env: Env, nodeEnv: NodeEnv, dataDir: string): JwtConfig {
  const jwt: JwtConfig = {
    key: readSigningKey(env, nodeEnv, dataDir),
    issuer: read(env, "JWT_ISSUER") ?? "nexus-gateway",
    audience: read(env, "JWT_AUDIENCE") ?? "nexus-graphql",
    clockToleranceSeconds: readInteger(env, "JWT_CLOCK_TOLERANCE_SECONDS", 30, 0, 30),
    accessTokenTtlSeconds: readInteger(env, "JWT_ACCESS_TTL_SECONDS", 15 * 60, 30, 24 * 60 * 60),
    refreshTokenTtlSeconds: readInteger(env, "JWT_REFRESH_TTL_SECONDS", 30 * 24 * 60 * 60, 60, 365 * 24 * 60 * 60),
    refreshGraceSeconds: readInteger(env, "NEXUS_REFRESH_GRACE_SECONDS", 10, 0, 120),
    external: readExternalIssuer(env),
  };
  if (jwt.external?.issuer === jwt.issuer) {
    throw new ConfigError("JWT_EXTERNAL_ISSUER", "must differ from JWT_ISSUER");
  }
  return jwt;
}

function readApiLimits(env: Env): ApiLimits {
  const maxPageSize = readInteger(env, "NEXUS_MAX_PAGE_SIZE", 1000, 1, 100_000);
  const defaultPageSize = readInteger(env, "NEXUS_DEFAULT_PAGE_SIZE", Math.min(100, maxPageSize), 1, 100_000);
  if (defaultPageSize > maxPageSize) {
    throw new ConfigError("NEXUS_DEFAULT_PAGE_SIZE", `must not exceed NEXUS_MAX_PAGE_SIZE (${maxPageSize})`);
  }
  return {
    defaultPageSize,
    maxPageSize,
    maxDepth: readInteger(env, "NEXUS_MAX_QUERY_DEPTH", 15, 2, 100),
    maxFields: readInteger(env, "NEXUS_MAX_QUERY_FIELDS", 2_000, 10, 1_000_000),
    planningTimeoutMs: readInteger(env, "NEXUS_PLANNING_TIMEOUT_MS", 2_000, 1, 60_000),
    maxAliases: readInteger(env, "NEXUS_MAX_ALIASES", 30, 0, 1000),
    maxCost: readInteger(env, "NEXUS_MAX_QUERY_COST", 2_000_000, 10, 100_000_000),
    persistedOnly: readFlag(env, "NEXUS_PERSISTED_ONLY", false),
    websockets: readFlag(env, "NEXUS_WEBSOCKETS", true),
  };
}

/** An S3-compatible object store for file bytes (AWS SDK v3). */
export interface S3StorageConfig {
  bucket: string;
  region: string;
  /** Another S3-compatible server (MinIO, Ceph); null: AWS. */
  endpoint: string | null;
  /** Path-style URLs (endpoint/bucket/key), which most S3-compatible servers need. */
  forcePathStyle: boolean;
  /** null: the SDK's own credential chain (environment, instance role). */
  accessKeyId: string | null;
  secretAccessKey: string | null;
}

/** Uploaded files (README, Files): where their bytes go and what is accepted. */
export interface FilesConfig {
  /** Directory of the local storage backend (used when s3 is null). */
  dir: string;
  s3: S3StorageConfig | null;
  /** Largest file accepted, in bytes (413 past it). */
  maxBytes: number;
  /** Media types accepted, each checked against the bytes' signature (415 otherwise). */
  allowedTypes: string[];
  /** Seconds a signed download URL stays valid; at most the access-token lifetime, so a revoked session's links end with it. */
  linkTtlSeconds: number;
  /** Seconds the bytes of an archived file are kept before the job queue removes them. */
  retentionSeconds: number;
  /** Seconds without a write or a lease renewal before bytes without a row (a crash mid-upload) count as orphans for the sweep. */
  orphanGraceSeconds: number;
  /** Run the purge and orphan-sweep jobs on this gateway's job queue. */
  cleanup: boolean;
}

const FILE_TYPES = ["image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf", "text/plain"];

function readFiles(env: Env, nodeEnv: NodeEnv, dataDir: string, cwd: string, accessTokenTtlSeconds: number): FilesConfig {
  const allowedTypes = (read(env, "NEXUS_FILES_TYPES") ?? "image/png,image/jpeg,image/gif,image/webp,application/pdf")
    .split(",")
    .map((type) => type.trim().toLowerCase())
    .filter(Boolean);
  for (const type of allowedTypes) {
    if (!FILE_TYPES.includes(type)) {
      throw new ConfigError("NEXUS_FILES_TYPES", `knows ${FILE_TYPES.join(", ")} (got "${type}"): only types whose signature is checked`);
    }
  }
  const bucket = read(env, "NEXUS_FILES_S3_BUCKET");
  const accessKeyId = read(env, "NEXUS_FILES_S3_ACCESS_KEY_ID") ?? null;
  const secretAccessKey = read(env, "NEXUS_FILES_S3_SECRET_ACCESS_KEY") ?? null;
  if ((accessKeyId === null) !== (secretAccessKey === null)) {
    throw new ConfigError("NEXUS_FILES_S3_ACCESS_KEY_ID", "and NEXUS_FILES_S3_SECRET_ACCESS_KEY are set together");
  }
  const endpoint = read(env, "NEXUS_FILES_S3_ENDPOINT") ?? null;
  if (endpoint !== null && !/^https?:\/\/[^/]+/.test(endpoint)) {
    throw new ConfigError("NEXUS_FILES_S3_ENDPOINT", `is not an http(s) URL (got "${endpoint}")`);
  }
  return {
    dir: path.resolve(cwd, read(env, "NEXUS_FILES_DIR") ?? path.join(dataDir, "files")),
    s3: bucket
      ? {
          bucket,
          region: read(env, "NEXUS_FILES_S3_REGION") ?? "us-east-1",
          endpoint,
          forcePathStyle: readFlag(env, "NEXUS_FILES_S3_FORCE_PATH_STYLE", endpoint !== null),
          accessKeyId,
          secretAccessKey,
        }
      : null,
    maxBytes: readInteger(env, "NEXUS_FILES_MAX_BYTES", 25 * 1024 * 1024, 1, 5 * 1024 * 1024 * 1024),
    allowedTypes,
    linkTtlSeconds: readInteger(env, "NEXUS_FILES_LINK_TTL_SECONDS", Math.min(300, accessTokenTtlSeconds), 1, accessTokenTtlSeconds),
    retentionSeconds: readInteger(env, "NEXUS_FILES_RETENTION_SECONDS", 30 * 24 * 60 * 60, 0, 10 * 365 * 24 * 60 * 60),
    // At least 10 s: a live upload's staged bytes renew their lease five times within the bound (src/files/storage.ts).
    orphanGraceSeconds: readInteger(env, "NEXUS_FILES_ORPHAN_GRACE_SECONDS", 60 * 60, 10, 7 * 24 * 60 * 60),
    // Off by default in production, like automation: the job queue needs graphile_worker's schema, which a pooled role may not reach.
    cleanup: readFlag(env, "NEXUS_FILES_CLEANUP", nodeEnv !== "production"),
  };
}

const LOG_LEVELS: LogLevel[] = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

function readTenantLimits(env: Env): TenantLimits {
  const poolMax = readInteger(env, "NEXUS_DB_POOL_MAX", 20, 1, 1000);
  return {
    // Half the pool by default: one tenant cannot take it all, and a lone tenant still gets most of it.
    maxConnections: readInteger(env, "NEXUS_TENANT_MAX_CONNECTIONS", Math.max(1, Math.ceil(poolMax / 2)), 1, 1000),
    queueMax: readInteger(env, "NEXUS_TENANT_QUEUE_MAX", 200, 1, 100_000),
    requestsPerWindow: readInteger(env, "NEXUS_TENANT_REQUESTS_PER_MINUTE", 60_000, 0, 100_000_000),
    costPerWindow: readInteger(env, "NEXUS_TENANT_COST_PER_MINUTE", 50_000_000, 0, 1_000_000_000_000),
    windowSeconds: 60,
    metricsTopTenants: readInteger(env, "NEXUS_METRICS_TOP_TENANTS", 10, 0, 1000),
  };
}

function readLog(env: Env, nodeEnv: NodeEnv): LogConfig {
  const raw = read(env, "NEXUS_LOG_LEVEL")?.toLowerCase() ?? (nodeEnv === "test" ? "silent" : "info");
  if (!LOG_LEVELS.includes(raw as LogLevel))
    throw new ConfigError("NEXUS_LOG_LEVEL", `must be one of ${LOG_LEVELS.join(", ")} (got "${raw}")`);
  const format = read(env, "NEXUS_LOG_FORMAT") ?? (nodeEnv === "development" ? "pretty" : "json");
  if (format !== "pretty" && format !== "json") throw new ConfigError("NEXUS_LOG_FORMAT", `must be pretty or json (got "${format}")`);
  return { level: raw as LogLevel, pretty: format === "pretty" };
}

const MIN_METRICS_TOKEN_LENGTH = 16;

function readMetrics(env: Env, publicPort: number): MetricsConfig {
  const port = read(env, "NEXUS_METRICS_PORT") === undefined ? null : readInteger(env, "NEXUS_METRICS_PORT", 0, 0, 65535);
  if (port !== null && port !== 0 && port === publicPort) throw new ConfigError("NEXUS_METRICS_PORT", "must differ from PORT");
  const token = read(env, "NEXUS_METRICS_TOKEN") ?? null;
  if (token !== null && token.length < MIN_METRICS_TOKEN_LENGTH) {
    throw new ConfigError("NEXUS_METRICS_TOKEN", `must be at least ${MIN_METRICS_TOKEN_LENGTH} characters long`);
  }
  return { port, token };
}

/**
 * Reads and validates the whole configuration once. Everything downstream
 * takes the returned object; nothing else reads `process.env`.
 */
export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): Config {
  const nodeEnv = readEnvName(env);
  const production = nodeEnv === "production";
  const graphiql = readFlag(env, "NEXUS_GRAPHIQL", !production);
  const port = readInteger(env, "PORT", 4000, 0, 65535);
  const dataDir = path.resolve(cwd, read(env, "NEXUS_DATA_DIR") ?? ".nexus");
  const jwt = readJwt(env, nodeEnv, dataDir);
  return {
    env: nodeEnv,
    // Outside production only this machine may connect unless HOST says otherwise.
    host: read(env, "HOST") ?? (production ? "0.0.0.0" : "127.0.0.1"),
    port,
    databaseUrl: readDatabaseUrl(env),
    authenticatorPassword: read(env, "NEXUS_AUTHENTICATOR_PASSWORD") ?? null,
    resetAuthenticatorPassword: readFlag(env, "NEXUS_AUTHENTICATOR_PASSWORD_RESET", false),
    listenDatabaseUrl: readDatabaseUrl(env, "NEXUS_LISTEN_DATABASE_URL"),
    pool: {
      max: readInteger(env, "NEXUS_DB_POOL_MAX", 20, 1, 1000),
      connectTimeoutMs: readInteger(env, "NEXUS_DB_CONNECT_TIMEOUT_MS", 5_000, 100, 120_000),
      preparedStatements: readFlag(env, "NEXUS_DB_PREPARED_STATEMENTS", true),
      pipeline: readFlag(env, "NEXUS_DB_PIPELINE", true),
    },
    replicas: {
      urls: readReplicaUrls(env),
      maxLagMs: readInteger(env, "NEXUS_REPLICA_MAX_LAG_MS", 1_000, 0, 3_600_000),
      waitMs: readInteger(env, "NEXUS_REPLICA_WAIT_MS", 100, 0, 10_000),
      checkIntervalMs: readInteger(env, "NEXUS_REPLICA_CHECK_MS", 250, 20, 60_000),
    },
    realtime: {
      enabled: readFlag(env, "NEXUS_REALTIME", true),
      replicationUrl: readDatabaseUrl(env, "NEXUS_REPLICATION_URL"),
      failoverMs: readInteger(env, "NEXUS_REALTIME_FAILOVER_MS", 1_000, 50, 60_000),
      tickMs: readInteger(env, "NEXUS_REALTIME_TICK_MS", 10, 0, 1_000),
      initTimeoutMs: readInteger(env, "NEXUS_WS_INIT_TIMEOUT_MS", 3_000, 100, 60_000),
      maxSocketsPerClient: readInteger(env, "NEXUS_WS_MAX_SOCKETS_PER_CLIENT", 50, 1, 100_000),
      maxSocketsPerUser: readInteger(env, "NEXUS_WS_MAX_SOCKETS_PER_USER", 10, 1, 100_000),
      maxSubscriptionsPerSocket: readInteger(env, "NEXUS_WS_MAX_SUBSCRIPTIONS_PER_SOCKET", 20, 1, 10_000),
      sendQueueMax: readInteger(env, "NEXUS_WS_SEND_QUEUE_MAX", 1_000, 1, 1_000_000),
      deleteTrackMax: readInteger(env, "NEXUS_REALTIME_DELETE_TRACK_MAX", 1_000, 0, 1_000_000),
    },
    dataDir,
    jwt,
    login: {
      maxFailures: readInteger(env, "NEXUS_LOGIN_MAX_FAILURES", 5, 1, 100),
      lockSeconds: readInteger(env, "NEXUS_LOGIN_LOCK_SECONDS", 15 * 60, 1, 24 * 60 * 60),
      attemptsPerIpPerMinute: readInteger(env, "NEXUS_LOGIN_RATE_PER_IP", 30, 1, 10_000),
      attemptsPerAccountPerMinute: readInteger(env, "NEXUS_LOGIN_RATE_PER_ACCOUNT", 10, 1, 10_000),
      maxBackoffSeconds: readInteger(env, "NEXUS_LOGIN_MAX_BACKOFF_SECONDS", 24 * 60 * 60, 1, 7 * 24 * 60 * 60),
    },
    passwordReset: {
      perAddressPerHour: readInteger(env, "NEXUS_PASSWORD_RESET_PER_ADDRESS", 3, 1, 10_000),
      perClientPerHour: readInteger(env, "NEXUS_PASSWORD_RESET_PER_CLIENT", 20, 1, 100_000),
    },
    publicUrl: readPublicUrl(env),
    mail: readMail(env, readPublicUrl(env)),
    inviteTtlSeconds: readInteger(env, "NEXUS_INVITE_TTL_SECONDS", 7 * 24 * 60 * 60, 60, 90 * 24 * 60 * 60),
    jobsSchema: readJobsSchema(env),
    automation: {
      // Off by default in production: the worker needs graphile_worker's schema, which a pooled role may not reach.
      enabled: readFlag(env, "NEXUS_AUTOMATION", nodeEnv !== "production"),
      tickSeconds: readInteger(env, "NEXUS_AUTOMATION_TICK_SECONDS", 15, 1, 3600),
    },
    credentialKey: readCredentialKey(env),
    demo: readFlag(env, "NEXUS_DEMO", true),
    graphiql,
    // GraphiQL needs introspection; production has both off unless asked for.
    introspection: readFlag(env, "NEXUS_INTROSPECTION", !production || graphiql),
    corsOrigins: readCorsOrigins(env),
    statementTimeoutMs: readInteger(env, "NEXUS_STATEMENT_TIMEOUT_MS", 15_000, 100, 600_000),
    schemaReload: readFlag(env, "NEXUS_SCHEMA_RELOAD", nodeEnv === "development"),
    shutdownGraceMs: readInteger(env, "NEXUS_SHUTDOWN_GRACE_MS", 10_000, 0, 120_000),
    shutdownCapMs: readInteger(env, "NEXUS_SHUTDOWN_CAP_MS", 5_000, 100, 60_000),
    workers: readWorkers(env),
    api: readApiLimits(env),
    tenants: readTenantLimits(env),
    log: readLog(env, nodeEnv),
    metrics: readMetrics(env, port),
    files: readFiles(env, nodeEnv, dataDir, cwd, jwt.accessTokenTtlSeconds),
  };
}
