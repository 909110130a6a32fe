import { createServer, type Server } from "node:http";
import express from "express";
import pg from "pg";
import { postgraphile } from "postgraphile";
import { grafserv } from "postgraphile/grafserv/express/v4";
import type { Config } from "../config";
import { ExternalIssuer } from "../auth/external";
import { jwksHandler } from "../auth/jwks";
import { authenticate, type TokenVerifier } from "../auth/middleware";
import { RevocationSet } from "../auth/revocation";
import { createAuthRouter } from "../auth/routes";
import { AuthService } from "../auth/service";
import { GRAPHIQL_PATH, GRAPHQL_PATH, MAX_REQUEST_BYTES, makePreset, refuseBatches } from "../graphql/preset";
import { SocketRegistry } from "../graphql/realtime";
import { errorHandler, notFound } from "./errors";
import { healthHandler } from "./health";

const PRUNE_INTERVAL_MS = 10 * 60_000;

export interface Gateway {
  app: express.Express;
  server: Server;
  auth: AuthService;
  revocations: RevocationSet;
  /** Stops background work and releases PostGraphile and the pools. */
  release(): Promise<void>;
}

function pool(url: string, max: number, name: string): pg.Pool {
  const created = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 5_000, idleTimeoutMillis: 30_000, application_name: name });
  created.on("error", () => undefined); // an idle connection dropped: the pool replaces it
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
  checkRevocation = true,
}: {
  config: Config;
  authenticatorUrl: string;
  /** false only in the benchmark that measures the revocation check (see TokenVerifier). */
  checkRevocation?: boolean;
}): Promise<Gateway> {
  const graphqlPool = pool(authenticatorUrl, 20, "nexus-graphql");
  // Sign-ins have their own few connections, so GraphQL load cannot starve them.
  const authPool = pool(authenticatorUrl, 5, "nexus-auth");
  const revocations = new RevocationSet(authPool, authenticatorUrl, config.jwt.accessTokenTtlSeconds);
  const releasePools = async () => {
    await revocations.stop();
    await Promise.all([graphqlPool.end(), authPool.end()]);
  };
  try {
    await revocations.start();
    const verifier: TokenVerifier = {
      jwt: config.jwt,
      external: config.jwt.external ? new ExternalIssuer(config.jwt.external, config.jwt.clockToleranceSeconds) : null,
      revocations,
      checkRevocation,
    };
    const auth = new AuthService(config, authPool, revocations);

    const app = express();
    app.disable("x-powered-by");
    app.set("trust proxy", "loopback");

    app.get("/health", healthHandler(graphqlPool));
    app.get("/.well-known/jwks.json", jwksHandler(config.jwt));
    app.use("/auth", createAuthRouter({ config, auth, verifier }));
    app.use(GRAPHQL_PATH, authenticate(verifier));
    app.post(GRAPHQL_PATH, express.raw({ type: () => true, limit: MAX_REQUEST_BYTES }), refuseBatches);
    if (config.graphiql) app.get("/", (_req, res) => res.redirect(GRAPHIQL_PATH));

    const sockets = new SocketRegistry();
    const unsubscribe = revocations.subscribe((kind, id) => sockets.revoke(kind, id));
    const pgl = postgraphile(makePreset(config, graphqlPool, config.api.websockets ? { verifier, sockets } : undefined));
    const server = createServer(app);
    const serv = pgl.createServ(grafserv);
    await serv.addTo(app, server);
    // Build the schema now: a broken schema fails the start, not the first request.
    await pgl.getSchema();

    app.use(notFound);
    app.use(errorHandler);

    const pruning = setInterval(() => void auth.pruneExpired().catch(() => undefined), PRUNE_INTERVAL_MS);
    pruning.unref();
    return {
      app,
      server,
      auth,
      revocations,
      release: async () => {
        clearInterval(pruning);
        unsubscribe();
        await pgl.release();
        await releasePools();
      },
    };
  } catch (error) {
    await releasePools().catch(() => undefined);
    throw error;
  }
}
