import { createServer, type Server } from "node:http";

import express from "express";
import pg from "pg";
import { postgraphile } from "postgraphile";
import { PgSubscriber } from "postgraphile/adaptors/pg";

import { ExternalIssuer } from "../auth/external";
import { Invitations } from "../auth/invitations";
import { RevocationSet } from "../auth/revocation";
import { AuthService } from "../auth/service";
import type { TokenVerifier } from "../auth/verify";
import { AutomationRunner } from "../automation/runner";
import type { Config } from "../config";
import { FairPool } from "../db/fair-pool";
import { ReplicaSet } from "../db/replicas";
import { openFileStorage } from "../files/backend";
import { registerFileJobs } from "../files/jobs";
import { FileService } from "../files/service";
import { GRAPHIQL_SCRIPTS_PATH, graphiqlScriptsDir } from "../graphql/graphiql";
import { GRAPHIQL_PATH, makePreset } from "../graphql/preset";
import { SocketRegistry } from "../graphql/realtime";
import { TenantBudgets } from "../graphql/tenant-budget";
import { JobRegistry, type Jobs, startJobs } from "../jobs";
import { MailDelivery } from "../mail/delivery";
import { MAIL_PAGE_PATHS, mailPage } from "../mail/pages";
import { createLogger, type Logger } from "../observability/logger";
import { GatewayMetrics, metricsPlacement } from "../observability/metrics";
import { ChangeDecoder } from "../realtime/decoder";
import { makeFilteredReader } from "../realtime/filtered-reader";
import { RowChangeHub } from "../realtime/hub";
import { SocketSeats } from "../realtime/socket-seats";
import { createAuthRouter } from "./auth-routes";
import { clientSettings, TRUSTED_PROXIES } from "./client-address";
import { errorHandler, notFound } from "./errors";
import { createFileRouter } from "./file-routes";
import { frontDoor, gatewayGrafserv } from "./front-door";
import { healthHandler, newestCommittedMigration, readyHandler } from "./health";
import { jwksHandler } from "./jwks";
import { metricsRoute } from "./metrics-route";

const PRUNE_INTERVAL_MS = 10 * 60_000;
/** The deferred half of a password-reset request, as a job (AuthService.queueReset). */
const PASSWORD_RESET_TASK = "auth_password_reset";

export interface Gateway {
  app: express.Express;
  server: Server;
  auth: AuthService;
  revocations: RevocationSet;
  files: FileService;
  logger: Logger;
  metrics: GatewayMetrics;
  /** Serves only /metrics, for NEXUS_METRICS_PORT (unstarted); null when metrics share the public port or are off. */
  metricsServer: Server | null;
  /** Stops background work and releases PostGraphile and the pools. */
  release(): Promise<void>;
}

function pool(url: string, max: number, connectTimeoutMs: number, name: string, pipeline = false, queryTimeoutMs?: number): pg.Pool {
  // connectionTimeoutMillis bounds both a wait for a free connection and a
  // connection attempt, so an exhausted pool or a database that does not
  // answer fails the request (DATABASE_UNAVAILABLE) instead of hanging it.
  const created = new pg.Pool({
    connectionString: url,
    max,
    connectionTimeoutMillis: connectTimeoutMs,
    idleTimeoutMillis: 30_000,
    application_name: name,
    pipeline,
    ...(queryTimeoutMs ? { query_timeout: queryTimeoutMs } : {}),
  });
  created.on("error", () => undefined); // an idle connection dropped: the pool replaces it
  // A connection in use that the server ends (shutdown, crash) also emits
  // "error"; unheard, that event would end the process. The request using it
  // fails on its own, and the pool drops the connection when it is released.
  created.on("connect", (client) => client.on("error", () => undefined));
  return created;
}

/**
 * Builds the whole HTTP surface around an unstarted server: GraphQL, the
 * auth routes, health and JWKS. Tests build the same gateway against their
 * own database.
 */
export async function createGateway({
  config,
  authenticatorUrl,
  logger = createLogger(config.log),
  listenerUrl = authenticatorUrl,
  jobsUrl,
  replicationUrl = null,
  replicaUrls = [],
}: {
  config: Config;
  authenticatorUrl: string;
  logger?: Logger;
  /** A direct connection for LISTEN, when authenticatorUrl goes through a transaction-mode pooler. */
  listenerUrl?: string;
  /** Where the job queue lives (a connection that may create its schema); without it no jobs run here (and mail stays in the outbox). */
  jobsUrl?: string;
  /** A replicating connection: this instance may decode the row changes (src/realtime/decoder.ts); without it, it only delivers. */
  replicationUrl?: string | null;
  /** Streaming replicas for GraphQL queries, each as the authenticator role (NEXUS_REPLICA_URLS); none: every query on the primary. */
  replicaUrls?: string[];
}): Promise<Gateway> {
  // Pipelining: a query's begin, settings and first statement travel together (request-transaction.ts).
  const graphqlPool = pool(authenticatorUrl, config.pool.max, config.pool.connectTimeoutMs, "nexus-graphql", config.pool.pipeline);
  // Sign-ins have their own few connections, so GraphQL load cannot starve them.
  const authPool = pool(authenticatorUrl, 5, config.pool.connectTimeoutMs, "nexus-auth");
  // Uploads and downloads hold a connection only for their short row transaction, on a few of their own.
  const filesPool = pool(authenticatorUrl, 5, config.pool.connectTimeoutMs, "nexus-files");
  const fileStorage = openFileStorage(config.files);
  const revocations = new RevocationSet(authPool, listenerUrl, config.jwt.accessTokenTtlSeconds);
  const realtime = config.api.websockets && config.realtime.enabled;
  // The re-reads of row changes have their own few connections, so a burst of changes cannot starve requests.
  const realtimePool = realtime ? pool(authenticatorUrl, 4, config.pool.connectTimeoutMs, "nexus-realtime") : null;
  const hub = realtimePool
    ? new RowChangeHub({
        listenerUrl,
        pool: realtimePool,
        sendQueueMax: config.realtime.sendQueueMax,
        deleteTrackMax: config.realtime.deleteTrackMax,
        statementTimeoutMs: config.statementTimeoutMs,
        logger,
      })
    : null;
  // The per-user socket cap is counted on the database, across instances, on a direct connection of its own (session locks).
  const seats = new SocketSeats({ url: listenerUrl, cap: config.realtime.maxSocketsPerUser, logger });
  const decoder =
    realtime && replicationUrl
      ? new ChangeDecoder({ url: replicationUrl, retryMs: config.realtime.failoverMs, tickMs: config.realtime.tickMs, logger })
      : null;
  // With schema reloading, LISTEN for schema changes on one direct
  // connection of its own: past a transaction-mode pooler, like revocations.
  const subscriberPool = pool(listenerUrl, 1, config.pool.connectTimeoutMs, "nexus-schema-changes");
  // Tenant budgets are counted on connections of their own, outside the fair share they guard.
  const limitsPool = pool(authenticatorUrl, 4, config.pool.connectTimeoutMs, "nexus-limits");
  const subscriber = config.schemaReload ? new PgSubscriber(subscriberPool) : undefined;
  // A replica that stops answering fails its statements (query_timeout) instead of holding them: they run again on the primary.
  const replicaTimeoutMs = config.statementTimeoutMs + config.pool.connectTimeoutMs;
  const checkTimeoutMs = Math.max(1_000, config.replicas.checkIntervalMs * 4);
  const replicas =
    replicaUrls.length === 0
      ? null
      : new ReplicaSet(
          config.replicas,
          authPool,
          replicaUrls.map((url) => ({
            name: ReplicaSet.nameOf(url),
            pool: pool(url, config.pool.max, config.pool.connectTimeoutMs, "nexus-graphql-replica", config.pool.pipeline, replicaTimeoutMs),
            checkPool: pool(url, 1, checkTimeoutMs, "nexus-replica-check", false, checkTimeoutMs),
          })),
          logger,
        );
  let jobs: Jobs | null = null;
  let mail: MailDelivery | null = null;
  let automation: AutomationRunner | null = null;
  const releasePools = async () => {
    await replicas?.stop();
    automation?.stop();
    await jobs?.stop();
    mail?.close();
    await Promise.all([revocations.stop(), hub?.stop(), decoder?.stop(), seats.stop()]);
    subscriber?.release();
    await Promise.all([graphqlPool.end(), authPool.end(), filesPool.end(), subscriberPool.end(), limitsPool.end(), realtimePool?.end()]);
    fileStorage.close?.();
  };
  try {
    await revocations.start();
    await replicas?.start();
    await hub?.start();
    decoder?.start();
    const verifier: TokenVerifier = {
      jwt: config.jwt,
      external: config.jwt.external ? new ExternalIssuer(config.jwt.external, config.jwt.clockToleranceSeconds) : null,
      revocations,
    };
    const auth = new AuthService(config, authPool, revocations, (message) => logger.info(message));
    const metrics = new GatewayMetrics({ graphql: graphqlPool, auth: authPool }, config.tenants.metricsTopTenants);
    const countRevocations = revocations.subscribe((kind) => metrics.revoked(kind));
    if (replicas) metrics.watchReplicas(replicas);

    // Everything but the GraphQL endpoint: the auth routes, health, JWKS, metrics, GraphiQL.
    const app = express();
    app.disable("x-powered-by");
    app.set("trust proxy", TRUSTED_PROXIES);

    let metricsServer: Server | null = null;
    switch (metricsPlacement(config.metrics, config.env)) {
      case "own-port":
        metricsServer = createServer(express().disable("x-powered-by").get("/metrics", metricsRoute(metrics, config.metrics.token)));
        break;
      case "public-port":
        app.get("/metrics", metricsRoute(metrics, config.metrics.token));
        break;
      case "off":
        logger.warn("metrics are off: in production set NEXUS_METRICS_PORT (a private port) or NEXUS_METRICS_TOKEN to serve /metrics");
    }

    app.get("/health", healthHandler(graphqlPool, logger));
    app.get("/ready", readyHandler(authPool, newestCommittedMigration()));
    app.get("/.well-known/jwks.json", jwksHandler(config.jwt));
    // Mail links open these when no front end is configured.
    if (!config.mail.appUrl) app.get(MAIL_PAGE_PATHS, mailPage);
    app.use("/auth", createAuthRouter({ config, auth, verifier, invitations: new Invitations(config, authPool, auth) }));
    const files = new FileService(config, filesPool, fileStorage);
    app.use("/files", createFileRouter({ files, verifier }));
    if (config.graphiql) app.get("/", (_req, res) => res.redirect(GRAPHIQL_PATH));
    if (config.graphiql) app.use(GRAPHIQL_SCRIPTS_PATH, express.static(graphiqlScriptsDir(), { index: false }));

    const sockets = new SocketRegistry();
    const unsubscribe = revocations.subscribe((kind, id) => sockets.revoke(kind, id));
    const realtimeOptions = config.api.websockets
      ? { verifier, sockets, hub, maxSubscriptionsPerSocket: config.realtime.maxSubscriptionsPerSocket }
      : undefined;
    const tenancy = {
      share: {
        pool: new FairPool({
          capacity: config.pool.max,
          perTenant: config.tenants.maxConnections,
          queuePerTenant: config.tenants.queueMax,
          timeoutMs: config.pool.connectTimeoutMs,
        }),
        metrics: metrics.tenants,
      },
      budgets: new TenantBudgets(limitsPool, config.tenants),
    };
    const pgl = postgraphile(makePreset(config, graphqlPool, realtimeOptions, logger, clientSettings, subscriber, replicas, tenancy));
    const serv = pgl.createServ(gatewayGrafserv);
    const graphql = serv.handler();
    app.use(graphql);
    app.use(notFound);
    app.use(errorHandler(logger));

    const server = createServer(
      frontDoor({ logger, metrics, corsOrigins: config.corsOrigins, schemaEvents: config.graphiql, verifier, graphql, rest: app }),
    );
    // An idle keep-alive connection is kept longer than a load balancer's
    // (60 s is the common idle timeout) and than a client's reuse window:
    // closed at Node's 5 s, a client that picks the connection just then
    // (a busy event loop has not yet read the close) sees it reset, and a
    // POST is not retried.
    server.keepAliveTimeout = 65_000;
    await serv.attachWebsockets(server, { limits: config.realtime, verifier, sockets, hub, seats });
    // Build the schema now: a broken schema fails the start, not the first
    // request. In watch mode PostGraphile releases the server when the first
    // build fails, and the schema's promise never settles: that is a failure too.
    await Promise.race([
      pgl.getSchema(),
      new Promise<never>((_, reject) => serv.onRelease(() => reject(new Error("the GraphQL schema could not be built")))),
    ]);
    hub?.useFilteredReader(makeFilteredReader(pgl, config.api.maxPageSize));

    // Jobs: modules register their tasks, then one worker runs them all.
    const registry = new JobRegistry();
    const smtpUrl = config.mail.smtpUrl;
    if (smtpUrl && jobsUrl) {
      mail = new MailDelivery({ ...config.mail, smtpUrl }, authPool, logger);
      mail.register(registry);
    } else if (smtpUrl) {
      logger.warn("NEXUS_SMTP_URL is set but this gateway runs no job queue: mail stays in the outbox");
    }
    // The deferred half of reset requests rides the same queue as the mail it produces.
    if (mail) registry.add(PASSWORD_RESET_TASK, async (payload) => auth.deliverPasswordReset(String((payload as { email: string }).email)));
    if (jobsUrl && config.automation.enabled) {
      automation = new AutomationRunner(authPool, logger, config.automation.tickSeconds);
      automation.register(registry);
    }
    if (jobsUrl && config.files.cleanup) await registerFileJobs(registry, files, logger);
    if (jobsUrl) jobs = await startJobs({ registry, connectionString: jobsUrl, schema: config.jobsSchema, logger });
    if (automation && jobs) await automation.started(jobs);
    if (jobs) {
      const queue = jobs;
      auth.queueReset = (email) => queue.add(PASSWORD_RESET_TASK, { email }, { maxAttempts: 5 });
    }
    if (mail && jobs) {
      const delivery = mail;
      auth.mailQueued = (id) => delivery.queued(id);
      await delivery.started(jobs);
    }

    const pruning = setInterval(() => void auth.pruneExpired().catch(() => undefined), PRUNE_INTERVAL_MS);
    pruning.unref();
    return {
      app,
      server,
      auth,
      revocations,
      files,
      logger,
      metrics,
      metricsServer,
      release: async () => {
        clearInterval(pruning);
        unsubscribe();
        countRevocations();
        metricsServer?.close();
        await pgl.release();
        await releasePools();
      },
    };
  } catch (error) {
    await releasePools().catch(() => undefined);
    throw error;
  }
}
