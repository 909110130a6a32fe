/*
 * npm run bench:realtime [-- --duration 10 --rounds 3 --warmup 3 --connections 16,64 --writes 30
 *                            --subscribers 1,100,1000 --import 100000 --only throughput --cpu-prof <dir>]
 *
 * Realtime in one run, on an embedded PostgreSQL of its own (a temporary
 * directory, 10 tenants), the gateway in a process of its own:
 *
 * 1. write throughput of createUserGroup at each connection count, and CPU
 *    per write of the gateway and of PostgreSQL, with realtime off, with
 *    writers notifying per row as the former `_950_nexus_row_changes`
 *    trigger did (installed for that mode only), with realtime on and no
 *    subscribers (the decoder alone), and with realtime on and 100
 *    subscribers; the modes interleaved over `--rounds` (measureThroughput);
 * 2. delivery latency from commit (the mutation's answer) to each
 *    subscriber, p50 and p99, with 1, 100 and 1,000 subscribers across the
 *    10 tenants, and the re-read queries per delivered event
 *    (pg_stat_statements);
 * 3. a bulk import of rows into one tenant with 100 subscribers connected:
 *    how long it takes, when the subscribers hear of it, the gateway's memory.
 *
 * `--only throughput` runs the first part alone; `--cpu-prof <dir>` has
 * each gateway of the first part write a V8 CPU profile, <mode>-<round>.cpuprofile.
 * Writes bench/results/realtime.md and prints it.
 */
import "../src/cli/graphile-env";

import { type ChildProcess, fork } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import autocannon from "autocannon";
import { type Client, createClient } from "graphql-ws";
import pg from "pg";
import WebSocket from "ws";

import { createTenant } from "../src/auth/accounts";
import { GATEWAY_NODE_FLAGS } from "../src/cli/runtime";
import { loadConfig } from "../src/config";
import { openDatabase } from "../src/db/database";
import { cpuSeconds } from "./cpu";
import { argCount, argValue } from "./data";

const RESULTS_FILE = path.join("bench", "results", "realtime.md");
const PASSWORD = "bench realtime password";
const TENANTS = 10;
const CREATE_GROUP = `mutation BenchCreateGroup($n: String!) { createUserGroup(input: { userGroup: { name: $n } }) { userGroup { rowId } } }`;
const SUBSCRIBE = `subscription { rowChanged(table: USER_GROUPS, ops: [INSERT]) { op rowId } }`;

/** The former per-row NOTIFY trigger, for the "before" figures only. */
const FORMER_TRIGGER = `
create or replace function nexus.tg__bench_notify_row_change() returns trigger language plpgsql volatile set search_path = pg_catalog as $$
begin
  perform pg_notify('nexus:changes:' || new.tenant_id::text, json_build_object('table', tg_table_name, 'op', lower(tg_op), 'id', new.id)::text);
  return null;
end;
$$;
grant execute on function nexus.tg__bench_notify_row_change() to nexus_user;
create trigger _950_bench_row_changes after insert on platform.user_groups for each row execute function nexus.tg__bench_notify_row_change();
create trigger _950_bench_row_changes after insert on audit.audit_logs for each row execute function nexus.tg__bench_notify_row_change();`;
const DROP_FORMER_TRIGGER = `drop trigger _950_bench_row_changes on platform.user_groups; drop trigger _950_bench_row_changes on audit.audit_logs;`;

interface Gateway {
  child: ChildProcess;
  url: string;
}

/** A gateway in a process of its own, with the gateway's Node flags; with `profile`, it writes a V8 CPU profile there when it stops. */
function startGateway(env: NodeJS.ProcessEnv, profile?: { dir: string; name: string }): Promise<Gateway> {
  const execArgv = [
    ...GATEWAY_NODE_FLAGS,
    ...(profile ? ["--cpu-prof", "--cpu-prof-dir", profile.dir, "--cpu-prof-name", `${profile.name}.cpuprofile`] : []),
  ];
  const child = fork(path.join(__dirname, "server.js"), ["gateway"], { env, execArgv, stdio: ["ignore", "ignore", "inherit", "ipc"] });
  return new Promise((resolve, reject) => {
    child.once("message", (m: { port: number }) => resolve({ child, url: `http://127.0.0.1:${m.port}` }));
    child.once("exit", (code) => reject(new Error(`the gateway exited (${code})`)));
  });
}

function stopGateway(gateway: Gateway): Promise<void> {
  return new Promise((resolve) => {
    gateway.child.once("exit", () => resolve());
    gateway.child.kill("SIGTERM");
  });
}

function rssMb(pid: number | undefined): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function signIn(url: string, email: string): Promise<string> {
  const response = await fetch(`${url}/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  return ((await response.json()) as { accessToken: string }).accessToken;
}

async function createGroup(url: string, token: string, name: string): Promise<string> {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: CREATE_GROUP, variables: { n: name } }),
  });
  return ((await response.json()) as any).data.createUserGroup.userGroup.rowId;
}

/** Subscribers spread over the tenants; each event's arrival time by row id. */
async function subscribers(url: string, tokens: string[], count: number) {
  const clients: Client[] = [];
  const arrivals = new Map<string, number[]>();
  const ready: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const client = createClient({
      url: `${url.replace("http", "ws")}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { authorization: `Bearer ${tokens[i % tokens.length]}` },
    });
    clients.push(client);
    ready.push(
      new Promise<void>((resolve, reject) =>
        client.subscribe(
          { query: SUBSCRIBE },
          {
            next: (e: any) => {
              const event = e.data.rowChanged;
              if (event.op === "READY") return resolve();
              const list = arrivals.get(event.rowId ?? event.op) ?? [];
              list.push(performance.now());
              arrivals.set(event.rowId ?? event.op, list);
            },
            error: reject,
            complete: () => undefined,
          },
        ),
      ),
    );
  }
  await Promise.all(ready);
  return { arrivals, close: () => Promise.all(clients.map((c) => c.dispose())) };
}

async function until(check: () => boolean | Promise<boolean>, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (!(await check()) && Date.now() < end) await new Promise((r) => setTimeout(r, 5));
  return check();
}

/** The modes of the throughput measurement, in the order of the odd rounds (the even ones run them in reverse). */
const MODES = {
  off: { title: "realtime off", realtime: false, subscribers: 0 },
  trigger: { title: "writers notify (former trigger)", realtime: false, subscribers: 0 },
  decoder: { title: "realtime on, no subscribers", realtime: true, subscribers: 0 },
  subscribers: { title: "realtime on, 100 subscribers (10 tenants)", realtime: true, subscribers: 100 },
} as const;
type Mode = keyof typeof MODES;

/** One measurement: requests/s, and CPU per write of the gateway process and of every PostgreSQL process (the walsender that decodes included). */
interface Sample {
  rps: number;
  gatewayUs: number;
  postgresUs: number;
  /** Statements run per write (pg_stat_statements): the decoder's publishing (visibility retries included), and the hub's re-reads. */
  publishes: number;
  reads: number;
}

/** How often the decoder's publishing statement and the hub's re-read have run so far. */
async function statementCalls(admin: pg.Client): Promise<{ publishes: number; reads: number }> {
  const { rows } = await admin.query(
    `select coalesce(sum(calls) filter (where query like '%pg_notify($1, payload)%'), 0)::float8 as publishes,
       coalesce(sum(calls) filter (where query like '%nexus realtime re-read%'), 0)::float8 as reads
     from pg_stat_statements`,
  );
  return rows[0];
}

const median = (values: number[]) => {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

let serial = 0;

async function writeLoad(
  admin: pg.Client,
  gateway: Gateway,
  tokens: string[],
  connections: number,
  seconds: number,
  postmaster: number,
): Promise<Sample> {
  const callsBefore = await statementCalls(admin);
  const gatewayBefore = cpuSeconds(gateway.child.pid);
  const postgresBefore = cpuSeconds(postmaster);
  const result = await autocannon({
    url: `${gateway.url}/graphql`,
    connections,
    duration: seconds,
    requests: [
      {
        method: "POST",
        setupRequest: (request) => ({
          ...request,
          headers: { "content-type": "application/json", authorization: `Bearer ${tokens[serial % TENANTS]}` },
          body: JSON.stringify({ query: CREATE_GROUP, variables: { n: `bench write ${serial++}` } }),
        }),
      },
    ],
  });
  if (result.non2xx || result.errors) throw new Error(`writes at ${connections}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  const perWrite = (before: number | null, after: number | null) =>
    before === null || after === null ? NaN : ((after - before) * 1e6) / result.requests.total;
  return {
    rps: result.requests.average,
    gatewayUs: perWrite(gatewayBefore, cpuSeconds(gateway.child.pid)),
    postgresUs: perWrite(postgresBefore, cpuSeconds(postmaster)),
    ...(await statementCalls(admin).then((after) => ({
      publishes: (after.publishes - callsBefore.publishes) / result.requests.total,
      reads: (after.reads - callsBefore.reads) / result.requests.total,
    }))),
  };
}

const SLOTS = "from pg_replication_slots where slot_name like 'nexus\\_row\\_changes\\_%'";

/**
 * The throughput of createUserGroup and its CPU per write, in each mode, in
 * `rounds` interleaved rounds (order reversed every other round), so that
 * the machine's other load falls on every mode alike; medians per mode.
 *
 * Each (round, mode) gets a gateway of its own, warmed up before it is
 * measured, rather than one warm gateway per mode for the whole run: the
 * slot is one per database, so a realtime gateway kept running would decode
 * the writes of every other mode too (in its process and in PostgreSQL's
 * walsender), and one stopped but with its slot kept would decode the
 * retained WAL of the other modes once restarted. So after every realtime
 * mode the slot is dropped, and the next realtime gateway starts from the
 * WAL's current end.
 */
async function measureThroughput(options: {
  admin: pg.Client;
  emails: string[];
  serverEnv: (realtime: boolean) => NodeJS.ProcessEnv;
  connections: number[];
  duration: number;
  warmup: number;
  rounds: number;
  profileDir: string | null;
}): Promise<string> {
  const { admin, connections, duration, warmup, rounds, profileDir } = options;
  const dataDirectory = (await admin.query("select setting from pg_settings where name = 'data_directory'")).rows[0].setting;
  const postmaster = Number(fs.readFileSync(path.join(dataDirectory, "postmaster.pid"), "utf8").split("\n")[0]);
  const samples = new Map<string, Sample[]>();
  const loadBefore = os.loadavg();
  for (let round = 0; round < rounds; round++) {
    const order = Object.keys(MODES) as Mode[];
    if (round % 2) order.reverse();
    for (const mode of order) {
      const { realtime, subscribers: count } = MODES[mode];
      if (mode === "trigger") await admin.query(FORMER_TRIGGER);
      const gateway = await startGateway(
        options.serverEnv(realtime),
        profileDir ? { dir: profileDir, name: `${mode}-${round + 1}` } : undefined,
      );
      try {
        const tokens = await Promise.all(options.emails.map((e) => signIn(gateway.url, e)));
        const subs = count ? await subscribers(gateway.url, tokens, count) : null;
        if (realtime && !(await until(async () => (await admin.query(`select 1 ${SLOTS} and active`)).rowCount === 1, 60_000)))
          throw new Error("the decoder did not start");
        await writeLoad(admin, gateway, tokens, Math.max(...connections), warmup, postmaster);
        for (const n of connections) {
          const sample = await writeLoad(admin, gateway, tokens, n, duration, postmaster);
          samples.set(`${mode} ${n}`, [...(samples.get(`${mode} ${n}`) ?? []), sample]);
          process.stderr.write(`  round ${round + 1}, ${mode} @${n}: ${sample.rps.toFixed(0)} req/s\n`);
        }
        await subs?.close();
      } finally {
        await stopGateway(gateway);
      }
      if (mode === "trigger") await admin.query(DROP_FORMER_TRIGGER);
      const released = async () => {
        await admin.query(`select pg_drop_replication_slot(slot_name) ${SLOTS} and not active`);
        return (await admin.query(`select 1 ${SLOTS}`)).rowCount === 0;
      };
      if (realtime && !(await until(released, 60_000))) throw new Error("the slot was not released");
    }
  }
  const loadAfter = os.loadavg();
  const fmt = (x: number) => (Number.isNaN(x) ? "n/a" : x.toFixed(0));
  const pct = (x: number) => `${x >= 0 ? "+" : ""}${x.toFixed(1)} %`;
  const lines = [
    `## Write throughput (createUserGroup)\n`,
    `${rounds} rounds; in each, every mode for ${duration} s at each connection count after ${warmup} s of warm-up, in a gateway started for it; modes in order and then in reverse. ` +
      `Medians over the rounds. CPU per write: the gateway process, and every PostgreSQL process (the backends and the walsender that decodes), from /proc. ` +
      `Load average (1 min) ${loadBefore[0]!.toFixed(1)} at the start, ${loadAfter[0]!.toFixed(1)} at the end, on ${os.cpus().length} cores.\n`,
    `| connections | mode | req/s | req/s by round | gateway CPU µs/write | PostgreSQL CPU µs/write | total CPU µs/write | publishing statements per write | re-reads per write |`,
    `|---:|---|---:|---|---:|---:|---:|---:|---:|`,
  ];
  const summary = (mode: Mode, n: number) => {
    const list = samples.get(`${mode} ${n}`)!;
    const gatewayUs = median(list.map((x) => x.gatewayUs));
    const postgresUs = median(list.map((x) => x.postgresUs));
    return {
      list,
      rps: median(list.map((x) => x.rps)),
      gatewayUs,
      postgresUs,
      totalUs: median(list.map((x) => x.gatewayUs + x.postgresUs)),
    };
  };
  for (const n of connections)
    for (const mode of Object.keys(MODES) as Mode[]) {
      const m = summary(mode, n);
      lines.push(
        `| ${n} | ${MODES[mode].title} | ${fmt(m.rps)} | ${m.list.map((x) => fmt(x.rps)).join(", ")} | ${fmt(m.gatewayUs)} | ${fmt(m.postgresUs)} | ${fmt(m.totalUs)} | ${median(m.list.map((x) => x.publishes)).toFixed(2)} | ${median(m.list.map((x) => x.reads)).toFixed(2)} |`,
      );
    }
  lines.push(
    `\nCost against realtime off (target < 5 %): throughput lost (1 − req/s ÷ off's) and CPU added per write (total ÷ off's − 1).\n`,
    `| connections | mode | throughput lost | CPU added per write | of which gateway | of which PostgreSQL |`,
    `|---:|---|---:|---:|---:|---:|`,
  );
  for (const n of connections) {
    const off = summary("off", n);
    for (const mode of ["trigger", "decoder", "subscribers"] as const) {
      const m = summary(mode, n);
      lines.push(
        `| ${n} | ${MODES[mode].title} | ${pct((1 - m.rps / off.rps) * 100)} | ${pct((m.totalUs / off.totalUs - 1) * 100)} | ${pct(((m.gatewayUs - off.gatewayUs) / off.totalUs) * 100)} | ${pct(((m.postgresUs - off.postgresUs) / off.totalUs) * 100)} |`,
      );
    }
  }
  return lines.join("\n");
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const duration = argCount(argv, "duration", 10);
  const connections = argValue(argv, "connections", "16,64").split(",").map(Number);
  const writes = argCount(argv, "writes", 30);
  const subscriberCounts = argValue(argv, "subscribers", "1,100,1000").split(",").map(Number);
  const importRows = argCount(argv, "import", 100_000);
  const rounds = argCount(argv, "rounds", 3);
  const warmup = argCount(argv, "warmup", 3);
  const profileDir = argValue(argv, "cpu-prof", "") ? path.resolve(argValue(argv, "cpu-prof", "")) : null;
  const only = new Set(argValue(argv, "only", "throughput,latency,import").split(","));

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "nexus-bench-realtime-"));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    NODE_ENV: "test",
    NEXUS_DATA_DIR: dataDir,
    NEXUS_DEMO: "0",
    NEXUS_LOG_LEVEL: "silent",
    NEXUS_LOGIN_RATE_PER_IP: "10000",
    NEXUS_LOGIN_RATE_PER_ACCOUNT: "10000",
    NEXUS_WS_MAX_SOCKETS_PER_USER: "5000",
    NEXUS_WS_MAX_SOCKETS_PER_CLIENT: "5000",
    // The one realtime setting a run may vary, to weigh its cost against its latency.
    ...(process.env.NEXUS_REALTIME_TICK_MS ? { NEXUS_REALTIME_TICK_MS: process.env.NEXUS_REALTIME_TICK_MS } : {}),
  };
  const database = await openDatabase(loadConfig(env));
  const admin = new pg.Client({ connectionString: database.adminUrl });
  await admin.connect();
  const lines: string[] = [];
  const out = (line: string) => (lines.push(line), process.stdout.write(`${line}\n`));
  let gateway: Gateway | null = null;
  try {
    await admin.query("create extension if not exists pg_stat_statements");
    const authenticator = new pg.Pool({ connectionString: database.authenticatorUrl, max: 2 });
    const emails: string[] = [];
    for (let i = 0; i < TENANTS; i++) {
      const email = `admin@bench-realtime-${i}.test`;
      await createTenant(authenticator, { name: `Bench realtime ${i}`, adminEmail: email, password: PASSWORD });
      emails.push(email);
    }
    await authenticator.end();
    const serverEnv = (realtime: boolean) => ({
      ...env,
      NEXUS_REALTIME: realtime ? "1" : "0",
      NEXUS_BENCH_AUTHENTICATOR_URL: database.authenticatorUrl,
      ...(realtime ? { NEXUS_BENCH_REPLICATION_URL: database.adminUrl } : {}),
    });

    // 1. Write throughput, and its CPU.
    if (only.has("throughput"))
      out(await measureThroughput({ admin, emails, serverEnv, connections, duration, warmup, rounds, profileDir }));
    if (only.has("latency") || only.has("import")) {
      // 2. Latency and reads per event.
      gateway = await startGateway(serverEnv(true));
      const tokens = await Promise.all(emails.map((e) => signIn(gateway!.url, e)));
      out(`\n## Delivery, commit to client (${writes} inserts spread over the tenants, one at a time)\n`);
      out(
        `| subscribers | deliveries | not within 10 s | p50 ms | p99 ms | max ms | re-read queries | re-reads per delivered event | re-reads per insert |`,
      );
      out(`|---:|---:|---:|---:|---:|---:|---:|---:|---:|`);
      for (const count of subscriberCounts) {
        const subs = await subscribers(gateway.url, tokens, count);
        // Unmeasured: the stream is live end to end (a new decoder first replays what its predecessor left unconfirmed).
        const first = await createGroup(gateway.url, tokens[0]!, `warm-up ${count} ${Date.now()}`);
        if (!(await until(() => subs.arrivals.has(first), 120_000))) throw new Error("the stream did not come live");
        const reads = async () =>
          Number(
            (await admin.query("select coalesce(sum(calls), 0) as n from pg_stat_statements where query like '%nexus realtime re-read%'"))
              .rows[0].n,
          );
        const readsBefore = await reads();
        const latencies: number[] = [];
        let missed = 0;
        for (let k = 0; k < writes; k++) {
          const tenant = k % Math.min(TENANTS, count);
          const expected = Math.floor(count / TENANTS) + (tenant < count % TENANTS ? 1 : 0);
          const id = await createGroup(gateway.url, tokens[tenant]!, `latency ${count} ${k} ${Date.now()}`);
          const committed = performance.now();
          if (!(await until(() => (subs.arrivals.get(id)?.length ?? 0) >= expected, 10_000)))
            missed += expected - (subs.arrivals.get(id)?.length ?? 0);
          for (const at of subs.arrivals.get(id) ?? []) latencies.push(Math.max(0, at - committed));
        }
        const readCount = (await reads()) - readsBefore;
        latencies.sort((x, y) => x - y);
        out(
          `| ${count} | ${latencies.length} | ${missed} | ${percentile(latencies, 50).toFixed(1)} | ${percentile(latencies, 99).toFixed(1)} | ${(latencies.at(-1) ?? NaN).toFixed(1)} | ${readCount} | ${(readCount / latencies.length).toFixed(3)} | ${(readCount / writes).toFixed(2)} |`,
        );
        await subs.close();
      }

      // 3. Bulk import.
      const subs = await subscribers(gateway.url, tokens, 100);
      const tenantId = (await admin.query("select id from platform.tenants where name = 'Bench realtime 0'")).rows[0].id;
      const rssBefore = rssMb(gateway.child.pid);
      const started = performance.now();
      await admin.query("insert into platform.user_groups (tenant_id, name) select $1, 'import ' || g from generate_series(1, $2::int) g", [
        tenantId,
        importRows,
      ]);
      const imported = performance.now();
      const heard = await until(() => (subs.arrivals.get("GAP")?.length ?? 0) >= 10, 120_000);
      const told = performance.now();
      out(`\n## Import of ${importRows} rows into one tenant, 100 subscribers connected (10 of that tenant)\n`);
      out(`| import (one statement) | until its 10 subscribers are told (one gap event each) | gateway RSS before | after |`);
      out(`|---:|---:|---:|---:|`);
      out(
        `| ${((imported - started) / 1000).toFixed(2)} s | ${heard ? `${((told - imported) / 1000).toFixed(2)} s after the commit` : "not within 120 s"} | ${rssBefore.toFixed(0)} MB | ${rssMb(gateway.child.pid).toFixed(0)} MB |`,
      );
      await subs.close();
    }
  } finally {
    if (gateway) await stopGateway(gateway);
    await admin.end();
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  fs.mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  fs.writeFileSync(RESULTS_FILE, `# Realtime bench (${new Date().toISOString()})\n\n${lines.join("\n")}\n`);
}

main().catch((error) => {
  process.stderr.write(`bench: ${(error as Error).stack}\n`);
  process.exit(1);
});
