/*
 * One server under test, in a process of its own so it has a core to
 * itself apart from the load generator: `gateway` (the production gateway),
 * `gateway-no-revocation` (the same, without the revocation check, only to
 * measure that check), `baseline` or `baseline-prepared` (bench/baseline.ts). Started by bench/run.ts with the
 * configuration in its environment; reports its port over IPC and runs
 * until it is sent SIGTERM.
 */
import "../src/cli/graphile-env";

import type { Server } from "node:http";
import type { AddressInfo } from "node:net";

import pg from "pg";

import { RevocationSet } from "../src/auth/revocation";
import { loadConfig } from "../src/config";
import { createGateway } from "../src/http/app";
import { createBaselineServer } from "./baseline";

export type ServerKind = "gateway" | "gateway-no-revocation" | "baseline" | "baseline-prepared";

async function main(): Promise<void> {
  const kind = process.argv[2] as ServerKind;
  const authenticatorUrl = process.env.NEXUS_BENCH_AUTHENTICATOR_URL!;
  const config = loadConfig(process.env);
  let server: Server;
  let release: () => Promise<void>;
  if (kind === "baseline" || kind === "baseline-prepared") {
    // As many connections as the gateway's GraphQL pool.
    const pool = new pg.Pool({ connectionString: authenticatorUrl, max: 20 });
    server = createBaselineServer(config.jwt, pool, { prepared: kind === "baseline-prepared" });
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
