import { sleep, withClient } from "./processes";

/**
 * Clients of the fault suite: GraphQL over HTTP as an application sends it,
 * every answer sorted into a kind, every write remembered by its client key.
 */

export type Kind =
  | "ok"
  | "unavailable" // DATABASE_UNAVAILABLE (503 unless partial): the clear, retryable outage answer
  | "timeout" // statement_timeout: TIMEOUT
  | "conflict" // the client key is already stored
  | "refused" // no connection accepted (gateway stopping or gone)
  | "reset" // the connection broke mid-request: ambiguous
  | "hang" // no answer within the client's deadline
  | "revoked"
  | "other";

export interface Sample {
  at: number;
  ms: number;
  kind: Kind;
  op: "read" | "write" | "health";
  detail?: string;
}

const CLIENT_DEADLINE_MS = 8_000;

function networkKind(error: unknown): Kind {
  if ((error as Error)?.name === "TimeoutError") return "hang";
  let current = error as { code?: string; cause?: unknown } | undefined;
  for (let depth = 0; current && depth < 4; depth++) {
    if (current.code === "ECONNREFUSED") return "refused";
    current = current.cause as typeof current;
  }
  return "reset";
}

function kindOf(status: number, body: any): { kind: Kind; detail?: string } {
  if (status === 200 && body && !body.errors) return { kind: "ok" };
  const code: string | undefined = body?.errors?.[0]?.extensions?.code ?? body?.error?.code;
  // 503 when the whole request failed; a partial answer (some fields served) stays 200.
  // A wait for a connection that runs out is told at the tenant's turn (TENANT_QUEUE_TIMEOUT) or at the pool (DATABASE_UNAVAILABLE): both the retryable 503.
  if (code === "DATABASE_UNAVAILABLE" || (status === 503 && code === "TENANT_QUEUE_TIMEOUT")) return { kind: "unavailable" };
  if (code === "TIMEOUT") return { kind: "timeout" };
  if (code === "CONFLICT") return { kind: "conflict" };
  if (status === 401 && code === "TOKEN_REVOKED") return { kind: "revoked" };
  return { kind: "other", detail: `${status} ${code ?? ""} ${JSON.stringify(body).slice(0, 300)}` };
}

/** Everything the suite sent, for the summary. */
export class Tally {
  readonly samples: Sample[] = [];

  record(sample: Sample): void {
    this.samples.push(sample);
  }

  since(at: number, until = Infinity): Sample[] {
    return this.samples.filter((s) => s.at >= at && s.at < until);
  }

  byKind(samples = this.samples): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const s of samples) counts[s.kind] = (counts[s.kind] ?? 0) + 1;
    return counts;
  }
}

export interface Answer {
  kind: Kind;
  status: number;
  body: any;
  ms: number;
  detail?: string;
}

export async function post(
  tally: Tally,
  url: string,
  op: Sample["op"],
  body: unknown,
  token?: string,
  deadlineMs = CLIENT_DEADLINE_MS,
): Promise<Answer> {
  const started = Date.now();
  let answer: Answer;
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(deadlineMs),
    });
    const text = await response.text();
    let parsed: any = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON
    }
    answer = { ...kindOf(response.status, parsed), status: response.status, body: parsed, ms: Date.now() - started };
  } catch (error) {
    answer = { kind: networkKind(error), status: 0, body: null, ms: Date.now() - started, detail: String((error as Error).cause ?? error) };
  }
  tally.record({ at: started, ms: answer.ms, kind: answer.kind, op, ...(answer.detail ? { detail: answer.detail } : {}) });
  return answer;
}

export async function health(tally: Tally, baseUrl: string): Promise<Answer> {
  const started = Date.now();
  try {
    const response = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(CLIENT_DEADLINE_MS) });
    const body = await response.json().catch(() => null);
    const kind: Kind = response.status === 200 ? "ok" : response.status === 503 ? "unavailable" : "other";
    tally.record({ at: started, ms: Date.now() - started, kind, op: "health" });
    return { kind, status: response.status, body, ms: Date.now() - started };
  } catch (error) {
    const kind = networkKind(error);
    tally.record({ at: started, ms: Date.now() - started, kind, op: "health" });
    return { kind, status: 0, body: null, ms: Date.now() - started };
  }
}

export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in of ${email} failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

const CREATE_GROUP = "mutation($name: String!) { createUserGroup(input: { userGroup: { name: $name } }) { userGroup { rowId name } } }";
const READ_GROUPS = "{ tenants { nodes { rowId } } userGroups(first: 20) { totalCount nodes { name tenantId } } }";

/**
 * Writes carry a client key (the group name, unique per tenant). A write
 * whose answer is lost or ambiguous is retried with the same key, so it is
 * stored at most once: CONFLICT on a retry means an earlier attempt was
 * committed.
 */
export class Ledger {
  /** Keys whose write was answered with success. */
  readonly acknowledged = new Set<string>();
  /** Keys a retry found already stored (an earlier, ambiguous attempt committed). */
  readonly confirmedByKey = new Set<string>();
  /** Keys still unresolved when their client stopped: may or may not be stored. */
  readonly unresolved = new Set<string>();

  get confirmed(): string[] {
    return [...this.acknowledged, ...this.confirmedByKey];
  }
}

export interface Verification {
  acknowledged: number;
  found: number;
  duplicates: number;
  lost: number;
  unresolvedStored: number;
  strangers: number;
}

/** Looks behind the gateway (as superuser) for every write of `prefix`. */
export async function verifyWrites(adminUrl: string, ledger: Ledger, prefix: string): Promise<Verification> {
  const rows = await withClient(
    adminUrl,
    async (client) =>
      (
        await client.query<{ name: string; copies: number }>(
          "select name, count(*)::int as copies from platform.user_groups where name like $1 group by name",
          [`${prefix}-%`],
        )
      ).rows,
  );
  const stored = new Map(rows.map((r) => [r.name, r.copies]));
  const confirmed = ledger.confirmed.filter((key) => key.startsWith(`${prefix}-`));
  const unresolved = [...ledger.unresolved].filter((key) => key.startsWith(`${prefix}-`));
  const known = new Set([...confirmed, ...unresolved]);
  return {
    acknowledged: confirmed.length,
    found: confirmed.filter((key) => stored.has(key)).length,
    duplicates: rows.filter((r) => r.copies > 1).length,
    lost: confirmed.filter((key) => !stored.has(key)).length,
    unresolvedStored: unresolved.filter((key) => stored.has(key)).length,
    strangers: rows.filter((r) => !known.has(r.name)).length,
  };
}

export interface Client {
  url: string;
  token: string;
  tenantId: string;
}

export interface LoadOptions {
  tally: Tally;
  ledger: Ledger;
  /** Each worker picks its gateway and identity in turn. */
  clients: Client[];
  writers: number;
  readers: number;
  prefix: string;
  pauseMs?: number;
  /** How long an ambiguous write is retried after stop() before it counts as unresolved. */
  settleMs?: number;
}

/** Steady readers and writers until stop(); every read checks it saw only its own tenant. */
export class Load {
  private stopped = false;
  private stopAt = 0;
  private readonly workers: Promise<void>[] = [];
  /** Reads that returned a row or tenant of another tenant: must stay 0. */
  leaks = 0;

  constructor(private readonly options: LoadOptions) {
    for (let i = 0; i < options.writers; i++) this.workers.push(this.writer(i));
    for (let i = 0; i < options.readers; i++) this.workers.push(this.reader(i));
  }

  private client(worker: number, turn: number): Client {
    const { clients } = this.options;
    return clients[(worker + turn) % clients.length]!;
  }

  private async writer(worker: number): Promise<void> {
    const { tally, ledger, prefix, pauseMs = 10, settleMs = 15_000 } = this.options;
    for (let seq = 0; !this.stopped; seq++) {
      const key = `${prefix}-w${worker}-${seq}`;
      for (let attempt = 1; ; attempt++) {
        const { url, token } = this.client(worker, seq);
        const answer = await post(tally, `${url}/graphql`, "write", { query: CREATE_GROUP, variables: { name: key } }, token);
        if (answer.kind === "ok") {
          ledger.acknowledged.add(key);
          break;
        }
        if (answer.kind === "conflict" && attempt > 1) {
          ledger.confirmedByKey.add(key);
          break;
        }
        if (this.stopped && Date.now() - this.stopAt > settleMs) {
          ledger.unresolved.add(key);
          return;
        }
        await sleep(answer.kind === "unavailable" ? 200 : 50);
      }
      await sleep(pauseMs);
    }
  }

  private async reader(worker: number): Promise<void> {
    const { tally, pauseMs = 10 } = this.options;
    for (let turn = 0; !this.stopped; turn++) {
      const { url, token, tenantId } = this.client(worker, turn);
      const answer = await post(tally, `${url}/graphql`, "read", { query: READ_GROUPS }, token);
      if (answer.kind === "ok") {
        const { tenants, userGroups } = answer.body.data;
        const tenantIds = [
          ...tenants.nodes.map((n: { rowId: string }) => n.rowId),
          ...userGroups.nodes.map((n: { tenantId: string }) => n.tenantId),
        ];
        if (tenantIds.some((id: string) => id !== tenantId)) this.leaks++;
      }
      await sleep(answer.kind === "ok" ? pauseMs : 100);
    }
  }

  /** Stops new work; writers settle their last key (retrying it) before they end. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.stopAt = Date.now();
    await Promise.all(this.workers);
  }
}
