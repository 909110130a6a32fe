import { createServer, type Server } from "node:http";
import express from "express";
import type { Pool } from "pg";
import { postgraphile } from "postgraphile";
import { grafserv } from "postgraphile/grafserv/express/v4";
import type { Config } from "../config";
import { authenticate } from "../auth/middleware";
import { GRAPHIQL_PATH, GRAPHQL_PATH, makePreset } from "../graphql/preset";
import { errorHandler, notFound } from "./errors";
import { healthHandler } from "./health";

export interface Pools {
  /** Logs in as nexus_authenticator; every GraphQL request runs here. */
  authenticator: Pool;
}

export interface Gateway {
  app: express.Express;
  server: Server;
  /** Releases PostGraphile; the pools belong to the caller. */
  release(): Promise<void>;
}

/**
 * Builds the whole HTTP surface around an unstarted server. Tests build the
 * same gateway against their own database.
 */
export async function createGateway({ config, pools }: { config: Config; pools: Pools }): Promise<Gateway> {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", "loopback");

  app.get("/health", healthHandler(pools.authenticator));
  app.use(GRAPHQL_PATH, authenticate(config.jwt));
  if (config.graphiql) app.get("/", (_req, res) => res.redirect(GRAPHIQL_PATH));

  const pgl = postgraphile(makePreset(config, pools.authenticator));
  const server = createServer(app);
  const serv = pgl.createServ(grafserv);
  await serv.addTo(app, server);
  // Build the schema now: a broken schema fails the start, not the first request.
  await pgl.getSchema();

  app.use(notFound);
  app.use(errorHandler);
  return { app, server, release: async () => void (await pgl.release()) };
}
