import { mkdtempSync, readFileSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { ConfigError, DEVELOPMENT_JWT_SECRET, DEVELOPMENT_SECRET_FILE, loadConfig } from "../../src/config";

const problem = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return { variable: error.variable, message: error.message };
    throw error;
  }
  throw new Error("expected a ConfigError");
};

describe("configuration", () => {
  test("defaults suit development", () => {
    const app = mkdtempSync(path.join(os.tmpdir(), "nexus-config-"));
    const config = loadConfig({}, app);
    expect(config).toMatchObject({
      env: "development",
      port: 4000,
      databaseUrl: null,
      dataDir: path.join(app, ".nexus"),
      graphiql: true,
      introspection: true,
    });
  });

  test("development listens on loopback unless HOST says otherwise; production on every interface", () => {
    expect(loadConfig({}).host).toBe("127.0.0.1");
    expect(loadConfig({ HOST: "0.0.0.0" }).host).toBe("0.0.0.0");
    expect(loadConfig({ NODE_ENV: "production", JWT_SECRET: "x".repeat(48) }).host).toBe("0.0.0.0");
  });

  test("development signs with a random secret of its data directory, kept there, never the one in the source", () => {
    const first = mkdtempSync(path.join(os.tmpdir(), "nexus-secret-"));
    const second = mkdtempSync(path.join(os.tmpdir(), "nexus-secret-"));
    const key = (dir: string) => loadConfig({ NEXUS_DATA_DIR: dir }).jwt.key.signingKey.export().toString("utf8");
    const mine = key(first);
    expect(mine).not.toBe(DEVELOPMENT_JWT_SECRET);
    expect(mine.length).toBeGreaterThanOrEqual(48);
    expect(key(first)).toBe(mine);
    expect(readFileSync(path.join(first, DEVELOPMENT_SECRET_FILE), "utf8").trim()).toBe(mine);
    expect(statSync(path.join(first, DEVELOPMENT_SECRET_FILE)).mode & 0o077).toBe(0);
    expect(key(second)).not.toBe(mine);
  });

  test("NEXUS_CORS_ORIGINS lists origins, none by default", () => {
    expect(loadConfig({}).corsOrigins).toEqual([]);
    expect(loadConfig({ NEXUS_CORS_ORIGINS: "https://app.example.com, http://localhost:5173/" }).corsOrigins).toEqual([
      "https://app.example.com",
      "http://localhost:5173",
    ]);
  });

  test("mail: SMTP and app URLs are checked, and links default to the gateway", () => {
    expect(loadConfig({ NEXUS_PUBLIC_URL: "https://api.example.com" }).mail).toEqual({
      smtpUrl: null,
      appUrl: null,
      from: "Nexus <no-reply@api.example.com>",
    });
    expect(
      loadConfig({ NEXUS_SMTP_URL: "smtps://u:p@mail.example.com:465", NEXUS_APP_URL: "https://app.example.com/" }).mail,
    ).toMatchObject({
      smtpUrl: "smtps://u:p@mail.example.com:465",
      appUrl: "https://app.example.com",
    });
    expect(problem({ NEXUS_SMTP_URL: "mail.example.com" }).variable).toBe("NEXUS_SMTP_URL");
    expect(problem({ NEXUS_APP_URL: "ftp://app" }).variable).toBe("NEXUS_APP_URL");
    expect(problem({ NEXUS_MAIL_FROM: "nobody" }).variable).toBe("NEXUS_MAIL_FROM");
  });

  test("schema reloading is on in development only", () => {
    expect(loadConfig({}).schemaReload).toBe(true);
    expect(loadConfig({ NODE_ENV: "test" }).schemaReload).toBe(false);
    expect(loadConfig({ NODE_ENV: "production", JWT_SECRET: "x".repeat(48), NEXUS_SCHEMA_RELOAD: "1" }).schemaReload).toBe(true);
  });

  test("NEXUS_WORKERS is a count or auto (one per core), 1 by default", () => {
    expect(loadConfig({}).workers).toBe(1);
    expect(loadConfig({ NEXUS_WORKERS: "3" }).workers).toBe(3);
    expect(loadConfig({ NEXUS_WORKERS: "auto" }).workers).toBe(os.availableParallelism());
    expect(problem({ NEXUS_WORKERS: "0" })).toMatchObject({ variable: "NEXUS_WORKERS" });
    expect(problem({ NEXUS_WORKERS: "many" }).message).toMatch(/auto or a whole number/);
  });

  test("NEXUS_DATA_DIR and PORT are honoured", () => {
    expect(loadConfig({ NEXUS_DATA_DIR: "/tmp/x", PORT: "8080" })).toMatchObject({ dataDir: "/tmp/x", port: 8080 });
  });

  test.each([
    [{ PORT: "eighty" }, "PORT"],
    [{ PORT: "70000" }, "PORT"],
    [{ DATABASE_URL: "mysql://x@y/z" }, "DATABASE_URL"],
    [{ DATABASE_URL: "not a url" }, "DATABASE_URL"],
    [{ DATABASE_URL: "postgres://u:p@h:5432" }, "DATABASE_URL"],
    [{ NODE_ENV: "staging" }, "NODE_ENV"],
    [{ JWT_SECRET: "short" }, "JWT_SECRET"],
    [{ NEXUS_GRAPHIQL: "maybe" }, "NEXUS_GRAPHIQL"],
    [{ NEXUS_CORS_ORIGINS: "*" }, "NEXUS_CORS_ORIGINS"],
    [{ NEXUS_CORS_ORIGINS: "https://app.example.com/path" }, "NEXUS_CORS_ORIGINS"],
    [{ NEXUS_CORS_ORIGINS: "app.example.com" }, "NEXUS_CORS_ORIGINS"],
    [{ NEXUS_LOG_LEVEL: "loud" }, "NEXUS_LOG_LEVEL"],
    [{ NEXUS_LOG_FORMAT: "xml" }, "NEXUS_LOG_FORMAT"],
    [{ NEXUS_METRICS_PORT: "4000" }, "NEXUS_METRICS_PORT"],
    [{ NEXUS_METRICS_TOKEN: "short" }, "NEXUS_METRICS_TOKEN"],
    [{ NEXUS_DB_POOL_MAX: "0" }, "NEXUS_DB_POOL_MAX"],
    [{ NEXUS_DB_CONNECT_TIMEOUT_MS: "10" }, "NEXUS_DB_CONNECT_TIMEOUT_MS"],
    [{ NEXUS_DB_PREPARED_STATEMENTS: "sometimes" }, "NEXUS_DB_PREPARED_STATEMENTS"],
    [{ NEXUS_LISTEN_DATABASE_URL: "http://h/db" }, "NEXUS_LISTEN_DATABASE_URL"],
  ])("%j is refused naming %s", (env, variable) => {
    const { variable: named, message } = problem(env);
    expect(named).toBe(variable);
    expect(message.startsWith(variable)).toBe(true);
    expect(message).not.toContain("\n");
  });

  test("the pool and the listener connection are configurable", () => {
    expect(loadConfig({}).pool).toEqual({ max: 20, connectTimeoutMs: 5_000, preparedStatements: true, pipeline: true });
    expect(loadConfig({}).listenDatabaseUrl).toBeNull();
    const behindPooler = loadConfig({
      NEXUS_DB_POOL_MAX: "4",
      NEXUS_DB_CONNECT_TIMEOUT_MS: "1000",
      NEXUS_DB_PREPARED_STATEMENTS: "0",
      NEXUS_DB_PIPELINE: "0",
      NEXUS_LISTEN_DATABASE_URL: "postgres://u:p@db:5432/nexus",
    });
    expect(behindPooler.pool).toEqual({ max: 4, connectTimeoutMs: 1_000, preparedStatements: false, pipeline: false });
    expect(behindPooler.listenDatabaseUrl).toBe("postgres://u:p@db:5432/nexus");
  });

  test("production refuses a missing JWT secret", () => {
    expect(problem({ NODE_ENV: "production" }).variable).toBe("JWT_SECRET");
  });

  test("production refuses the development JWT secret", () => {
    expect(problem({ NODE_ENV: "production", JWT_SECRET: DEVELOPMENT_JWT_SECRET }).message).toMatch(/development default/);
  });

  test("production turns GraphiQL and introspection off", () => {
    const config = loadConfig({ NODE_ENV: "production", JWT_SECRET: "x".repeat(48) });
    expect(config.graphiql).toBe(false);
    expect(config.introspection).toBe(false);
  });

  test("logs are pretty in development and JSON in production", () => {
    expect(loadConfig({}).log).toEqual({ level: "info", pretty: true });
    expect(loadConfig({ NODE_ENV: "production", JWT_SECRET: "x".repeat(48), NEXUS_LOG_LEVEL: "warn" }).log).toEqual({
      level: "warn",
      pretty: false,
    });
  });

  test("replicas: a comma-separated list of postgres URLs, each checked", () => {
    const config = loadConfig({
      NEXUS_REPLICA_URLS: "postgres://r1:5432/nexus, postgres://r2:6432/nexus,",
      NEXUS_REPLICA_MAX_LAG_MS: "250",
    });
    expect(config.replicas).toEqual({
      urls: ["postgres://r1:5432/nexus", "postgres://r2:6432/nexus"],
      maxLagMs: 250,
      waitMs: 100,
      checkIntervalMs: 250,
    });
    expect(loadConfig({}).replicas.urls).toEqual([]);
    expect(problem({ NEXUS_REPLICA_URLS: "postgres://r1/nexus,http://r2/nexus" })).toEqual({
      variable: "NEXUS_REPLICA_URLS",
      message: expect.stringContaining("postgres://"),
    });
    expect(problem({ NEXUS_REPLICA_URLS: "postgres://r1:5432" }).variable).toBe("NEXUS_REPLICA_URLS");
    expect(problem({ NEXUS_REPLICA_WAIT_MS: "-1" }).variable).toBe("NEXUS_REPLICA_WAIT_MS");
  });
});
