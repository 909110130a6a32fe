import { execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";

import pg from "pg";

import { freePort } from "../../src/db/embedded";
import { DB_ROLES } from "../../src/db/roles";
import type { Context } from "./context";
import { summarise } from "./database-outage";
import { type Answer, Ledger, post, signIn, verifyWrites } from "./load";
import { GatewayProcess, PASSWORD, sleep, type Spawned, tempDir, track, withClient } from "./processes";
import type { Report } from "./report";

const POOL_SIZE = 2;
const CONCURRENCY_PER_TENANT = 100;
const ROUNDS = 4;

function pgbouncerBinary(): string {
  for (const candidate of ["/usr/sbin/pgbouncer", "/usr/bin/pgbouncer", "/usr/local/bin/pgbouncer"])
    if (existsSync(candidate)) return candidate;
  try {
    return execFileSync("sh", ["-c", "command -v pgbouncer"], { encoding: "utf8" }).trim();
  } catch {
    throw new Error("pgbouncer is not installed (apt-get install pgbouncer; .ci/run does it)");
  }
}

/** PgBouncer in transaction mode with a tiny server pool, so every connection serves both tenants in turn. */
async function startPgBouncer(context: Context): Promise<{ port: number; process: Spawned; stats(): Promise<number> }> {
  const { database } = context;
  const dir = await tempDir("pgbouncer");
  const port = await freePort();
  const superuserPassword = decodeURIComponent(new URL(database.adminUrl).password);
  await fs.writeFile(
    path.join(dir, "userlist.txt"),
    `"postgres" "${superuserPassword}"\n"${DB_ROLES.authenticator}" "${database.authenticatorPassword}"\n`,
  );
  await fs.writeFile(
    path.join(dir, "pgbouncer.ini"),
    [
      "[databases]",
      // every database (the gateway's start also reaches "postgres")
      `* = host=127.0.0.1 port=${database.port}`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${port}`,
      "unix_socket_dir =",
      "auth_type = scram-sha-256",
      `auth_file = ${path.join(dir, "userlist.txt")}`,
      "admin_users = postgres",
      "pool_mode = transaction",
      `default_pool_size = ${POOL_SIZE}`,
      "min_pool_size = 0",
      "reserve_pool_size = 0",
      "max_client_conn = 1000",
      "ignore_startup_parameters = extra_float_digits",
      `logfile = ${path.join(dir, "pgbouncer.log")}`,
      "",
    ].join("\n"),
  );
  // PgBouncer refuses to run as root: as root it runs as the postgres OS user (which the embedded cluster has made).
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync("chown", ["-R", "postgres:postgres", dir]);
  const spawned = track(
    spawn(pgbouncerBinary(), [...(asRoot ? ["-u", "postgres"] : []), path.join(dir, "pgbouncer.ini")], {
      stdio: ["ignore", "pipe", "pipe"],
    }),
  );
  const deadline = Date.now() + 15_000;
  for (;;) {
    const client = new pg.Client({
      connectionString: `postgres://postgres:${encodeURIComponent(superuserPassword)}@127.0.0.1:${port}/pgbouncer`,
    });
    client.on("error", () => undefined);
    try {
      await client.connect();
      await client.end();
      break;
    } catch (error) {
      if (spawned.child.exitCode !== null || Date.now() > deadline)
        throw new Error(`pgbouncer did not start: ${(error as Error).message}\n${spawned.output()}`, { cause: error });
      await sleep(100);
    }
  }
  return {
    port,
    process: spawned,
    // Transactions PgBouncer has passed to the server for the nexus database.
    async stats() {
      const client = new pg.Client({
        connectionString: `postgres://postgres:${encodeURIComponent(superuserPassword)}@127.0.0.1:${port}/pgbouncer`,
      });
      await client.connect();
      try {
        const { rows } = await client.query("show stats");
        return Number(rows.find((r) => r.database === "nexus")?.total_xact_count ?? 0);
      } finally {
        await client.end();
      }
    },
  };
}

const READ = "{ tenants { nodes { rowId } } userGroups(first: 50) { nodes { tenantId } } }";
const WRITE = "mutation($name: String!) { createUserGroup(input: { userGroup: { name: $name } }) { userGroup { tenantId } } }";

/**
 * The gateway through PgBouncer in transaction mode: role and claims are set
 * with set_config(…, true) inside each transaction, so a server connection
 * that served tenant A serves tenant B next with nothing of A's left. Two
 * tenants' requests interleave at high concurrency over two server
 * connections; every answer must hold only the caller's rows. LISTEN, which
 * a transaction pooler cannot carry, goes direct (NEXUS_LISTEN_DATABASE_URL).
 */
export async function throughPooler(context: Context, report: Report): Promise<void> {
  const { tally, database, tenants } = context;
  const bouncer = await startPgBouncer(context);
  const password = decodeURIComponent(new URL(database.adminUrl).password);
  const pooled = await GatewayProcess.start("pooled", {
    DATABASE_URL: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${bouncer.port}/nexus`,
    NEXUS_AUTHENTICATOR_PASSWORD: database.authenticatorPassword,
    NEXUS_LISTEN_DATABASE_URL: database.adminUrl,
    NEXUS_DB_POOL_MAX: "20",
    NEXUS_DB_PREPARED_STATEMENTS: "0",
    // No job queue behind the pooler (its role does not reach graphile_worker's schema): automation and
    // file cleanup run on a gateway with a direct connection, as the README says for pooled deployments.
    NEXUS_AUTOMATION: "0",
    NEXUS_FILES_CLEANUP: "0",
  });
  try {
    const tokens = await Promise.all(tenants.map((t) => signIn(pooled.url, t.userEmail, PASSWORD)));
    const adminTokens = await Promise.all(tenants.map((t) => signIn(pooled.url, t.adminEmail, PASSWORD)));
    const before = await bouncer.stats();
    const ledger = new Ledger();
    let leaks = 0;
    const answers: Answer[] = [];
    const started = Date.now();
    for (let round = 0; round < ROUNDS; round++) {
      const requests: Promise<void>[] = [];
      for (let i = 0; i < CONCURRENCY_PER_TENANT; i++) {
        for (const [t, tenant] of tenants.entries()) {
          requests.push(
            post(tally, `${pooled.url}/graphql`, "read", { query: READ }, tokens[t]).then((answer) => {
              answers.push(answer);
              if (answer.kind !== "ok") return;
              const ids = [
                ...answer.body.data.tenants.nodes.map((n: { rowId: string }) => n.rowId),
                ...answer.body.data.userGroups.nodes.map((n: { tenantId: string }) => n.tenantId),
              ];
              if (ids.length === 0 || ids.some((id: string) => id !== tenant.tenantId)) leaks++;
            }),
          );
          if (i % 10 === 0) {
            const key = `pooler-${round}-${i}-${t}`;
            requests.push(
              post(tally, `${pooled.url}/graphql`, "write", { query: WRITE, variables: { name: key } }, adminTokens[t]).then((answer) => {
                answers.push(answer);
                if (answer.kind !== "ok") return;
                if (answer.body.data.createUserGroup.userGroup.tenantId !== tenant.tenantId) leaks++;
                ledger.acknowledged.add(key);
              }),
            );
          }
        }
      }
      await Promise.all(requests);
    }
    const transactions = (await bouncer.stats()) - before;
    report.check(
      `${ROUNDS} rounds of ${2 * CONCURRENCY_PER_TENANT} interleaved requests of two tenants over ${POOL_SIZE} server connections all succeed`,
      answers.every((a) => a.kind === "ok"),
      `${summarise(tally.since(started))} in ${Date.now() - started} ms`,
    );
    report.check("no answer holds a row of the other tenant", leaks === 0, `${leaks} leaking answers`);
    report.check(
      "the requests went through PgBouncer",
      transactions >= answers.length,
      `${transactions} transactions through PgBouncer for ${answers.length} requests`,
    );
    report.verified("through the pooler", await verifyWrites(database.adminUrl, ledger, "pooler"));

    // What a server connection carries between transactions: the authenticator, no claims.
    const leftovers = await withClient(
      `postgres://${DB_ROLES.authenticator}:${encodeURIComponent(database.authenticatorPassword)}@127.0.0.1:${bouncer.port}/nexus`,
      async (client) => {
        const seen = new Set<string>();
        for (let i = 0; i < 4 * POOL_SIZE; i++) {
          const { rows } = await client.query(
            "select current_user as role, coalesce(current_setting('jwt.claims.tenant_id', true), '') as tenant",
          );
          seen.add(`${rows[0].role}/${rows[0].tenant || "-"}`);
        }
        return [...seen];
      },
    );
    report.check(
      "server connections keep no role or tenant claim between transactions",
      leftovers.length === 1 && leftovers[0] === `${DB_ROLES.authenticator}/-`,
      `seen: ${leftovers.join(", ")}`,
    );

    // Revocation still reaches instances: LISTEN runs on the direct connection.
    const token = await signIn(pooled.url, tenants[1].userEmail, PASSWORD);
    const logout = await fetch(`${context.gateway.url}/auth/logout`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ scope: "local" }),
    });
    const after = await post(tally, `${pooled.url}/graphql`, "read", { query: READ }, token);
    report.check(
      "a logout through another gateway is refused by the pooled one on the next request",
      logout.status === 200 && after.kind === "revoked",
      `${logout.status}, then ${after.kind}`,
    );
  } finally {
    if (!report.passed) report.note(`gateway output:\n${pooled.output().slice(-3000)}`);
    await pooled.stop();
    bouncer.process.child.kill("SIGTERM");
    await bouncer.process.exited;
  }
}
