/*
 * One server under test, in a process of its own so it has a core to
 * itself apart from the load generator: `gateway` (the production gateway),
 * `gateway-no-revocation` (the same, without the revocation check, only to
 * measure that check), `gateway-2-workers` (the gateway as two workers of
 * one port, as NEXUS_WORKERS=2 runs it), `baseline` or `baseline-prepared`
 * (bench/baseline.ts), `postgraphile5` or `postgraphile4` (the peers,
 * bench/peers.ts). Started by bench/run.ts with the
 * configuration in its environment; reports its port over IPC and runs
 * until it is sent SIGTERM.
 */
import "../src/cli/graphile-env";

import cluster from "node:cluster";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";

import pg from "pg";

import { RevocationSet } from "../src/auth/revocation";
import { loadConfig } from "../src/config";
import { createGateway } from "../src/http/app";
import { createBaselineServer } from "./baseline";
import { createPeerServer, type PeerKind } from "./peers";

export type ServerKind = "gateway" | "gateway-no-revocation" | "gateway-2-workers" | "baseline" | "baseline-prepared" | PeerKind;

/** Workers of `gateway-2-workers`, as NEXUS_WORKERS=2 runs them. */
const WORKERS = 2;

/**
 * `gateway-2-workers` is two gateway workers on one port under a node:cluster
 * primary, as `NEXUS_WORKERS=2 npm start` runs them: the primary hands the
 * connections to the workers in turn, reports the port, and passes SIGTERM on.
 */
function primaryOfWorkers(): void {
  const workers = Array.from({ length: WORKERS }, () => cluster.fork());
  workers[0]!.once("message", (message: { port: number }) => process.send!(message));
  for (const worker of workers) worker.once("exit", (code) => code !== 0 && process.exit(1));
  process.once("SIGTERM", () => {
    let left = workers.length;
    for (const worker of workers) {
      worker.once("exit", () => --left === 0 && process.exit(0));
      worker.process.kill("SIGTERM");
    }
  });
}

async function main(): Promise<void> {
  const kind = process.argv[2] as ServerKind;
  if (kind === "gateway-2-workers" && cluster.isPrimary) return primaryOfWorkers();
  const authenticatorUrl = process.env.NEXUS_BENCH_AUTHENTICATOR_URL!;
  const config = loadConfig(process.env);
  let server: Server;
  let release: () => Promise<void>;
  if (kind === "baseline" || kind === "baseline-prepared") {
    // As many connections as the gateway's GraphQL pool.
    const pool = new pg.Pool({ connectionString: authenticatorUrl, max: 20 });
    server = createBaselineServer(config.jwt, pool, { prepared: kind === "baseline-prepared" });
    release = () => pool.end();
  } else if (kind === "postgraphile5" || kind === "postgraphile4") {
    const pool = new pg.Pool({ connectionString: authenticatorUrl, max: 20 });
    server = await createPeerServer(kind, config.jwt, pool);
    release = () => pool.end();
  } else {
    if (kind === "gateway-no-revocation") {
      // Only to measure what the revocation check costs: this process answers
      // "not revoked" without asking. Production code has no such switch.
      RevocationSet.prototype.isRevoked = async () => false;
    }
    const replicationUrl = process.env.NEXUS_BENCH_REPLICATION_URL ?? null;
    const gateway = await createGateway({ config, authenticatorUrl, replicationUrl });
    server = gateway.server;
    release = () => gateway.release();
  }
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.send!({ port: (server.address() as AddressInfo).port });
  process.once("SIGTERM", () => {
    server.closeAllConnections();
    server.close();
    void release().finally(() => process.exit(0));
  });
}

main().catch((error) => {
  process.stderr.write(`bench server: ${(error as Error).stack}\n`);
  process.exit(1);
});
