import { randomUUID } from "node:crypto";

import pg from "pg";

interface RevocationNotice {
  kind: "token" | "session" | "sync";
  id: string;
  expiresAt: string;
}

const SYNC_TIMEOUT_MS = 2_000;

const RECONNECT_MIN_MS = 250;
const RECONNECT_MAX_MS = 10_000;

/**
 * Every revoked access token (jti) and session (sid) that may still have
 * unexpired access tokens, in memory, so that checking a request costs two
 * map lookups. It is kept current on every gateway instance by LISTEN on
 * `nexus_revocations` (a trigger NOTIFYs on every revocation). While the
 * listener is down the set cannot be trusted, so every check asks the
 * database instead; on reconnect it LISTENs first, then reloads the whole
 * set, so nothing revoked in between is missed.
 */
export class RevocationSet {
  private tokens = new Map<string, number>();
  private sessions = new Map<string, number>();
  private listener: pg.Client | null = null;
  private live = false;
  private stopped = false;
  private reconnectDelay = RECONNECT_MIN_MS;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private pruneTimer: NodeJS.Timeout | null = null;
  private readonly onRevoke = new Set<(kind: "token" | "session", id: string) => void>();
  private readonly syncWaiters = new Map<string, () => void>();

  constructor(
    private readonly pool: pg.Pool,
    private readonly listenerUrl: string,
    private readonly accessTokenTtlSeconds: number,
  ) {}

  /** Whether checks are answered from memory (the listener is connected). */
  get isLive(): boolean {
    return this.live;
  }

  /** Called for every revocation this instance hears of (to close WebSockets, say). */
  subscribe(listener: (kind: "token" | "session", id: string) => void): () => void {
    this.onRevoke.add(listener);
    return () => this.onRevoke.delete(listener);
  }

  async start(): Promise<void> {
    await this.connect();
    this.pruneTimer = setInterval(() => this.prune(), 60_000);
    this.pruneTimer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.live = false;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    if (this.pruneTimer) clearInterval(this.pruneTimer);
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => undefined);
  }

  /**
   * Whether the token or its session is revoked. From memory while the
   * listener is live, after one turn of the event loop: a revocation is
   * notified at its commit, before its HTTP response leaves the instance that
   * made it, so its notification is already readable here when a client's
   * next request arrives; yielding once lets it be read first even when both
   * became readable at the same time.
   */
  async isRevoked(jti: string | null, sessionId: string | null): Promise<boolean> {
    if (this.live) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      const now = Date.now();
      return (jti !== null && (this.tokens.get(jti) ?? 0) > now) || (sessionId !== null && (this.sessions.get(sessionId) ?? 0) > now);
    }
    return this.pool
      .query<{ revoked: boolean }>("select nexus_auth.is_revoked($1, $2) as revoked", [jti, sessionId])
      .then(({ rows }) => rows[0]!.revoked);
  }

  /**
   * Returns once every revocation committed before this call is in the set.
   * Notifications reach a listener in commit order, so a marker sent after
   * them arrives after them. For revocations this instance made whose ids it
   * does not hold (all sessions of a user), so its own next request already
   * sees them.
   */
  async sync(): Promise<void> {
    if (!this.live) return; // checks go to the database meanwhile
    const id = randomUUID();
    const arrived = new Promise<void>((resolve) => this.syncWaiters.set(id, resolve));
    let timer: NodeJS.Timeout | undefined;
    try {
      await this.pool.query("select pg_notify('nexus_revocations', $1)", [JSON.stringify({ kind: "sync", id })]);
      await Promise.race([arrived, new Promise<void>((resolve) => (timer = setTimeout(resolve, SYNC_TIMEOUT_MS)))]);
    } finally {
      clearTimeout(timer);
      this.syncWaiters.delete(id);
    }
  }

  /** Records a revocation this instance made itself, without waiting for the notification. */
  remember(kind: "token" | "session", id: string, expiresAt: Date): void {
    const until = kind === "session" ? Date.now() + this.accessTokenTtlSeconds * 1000 : expiresAt.getTime();
    const known = kind === "token" ? this.tokens : this.sessions;
    // Its own revocations reach an instance twice: remembered, then notified.
    const isNew = (known.get(id) ?? 0) <= Date.now();
    known.set(id, until);
    if (isNew) for (const listener of this.onRevoke) listener(kind, id);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.listenerUrl, application_name: "nexus-revocations", keepAlive: true });
    client.on("error", () => this.lost(client));
    client.on("end", () => this.lost(client));
    client.on("notification", (message) => {
      if (message.channel !== "nexus_revocations" || !message.payload) return;
      try {
        const notice = JSON.parse(message.payload) as RevocationNotice;
        if (notice.kind === "sync") this.syncWaiters.get(notice.id)?.();
        else this.remember(notice.kind, notice.id, new Date(notice.expiresAt));
      } catch {
        // a malformed notice cannot name anything to refuse
      }
    });
    await client.connect();
    try {
      await client.query("listen nexus_revocations");
      const { rows } = await client.query<{ kind: "token" | "session"; id: string; expires_at: Date }>(
        "select kind, id, expires_at from nexus_auth.revocation_snapshot($1)",
        [this.accessTokenTtlSeconds],
      );
      const tokens = new Map<string, number>();
      const sessions = new Map<string, number>();
      for (const row of rows) (row.kind === "token" ? tokens : sessions).set(row.id, row.expires_at.getTime());
      this.tokens = tokens;
      this.sessions = sessions;
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.listener = client;
    this.live = true;
    this.reconnectDelay = RECONNECT_MIN_MS;
  }

  private lost(client: pg.Client): void {
    if (this.listener !== client) return;
    this.listener = null;
    this.live = false;
    client.end().catch(() => undefined);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.reconnectTimer) return;
    this.reconnectTimer = setTimeout(async () => {
      this.reconnectTimer = null;
      try {
        await this.connect();
      } catch {
        this.reconnectDelay = Math.min(this.reconnectDelay * 2, RECONNECT_MAX_MS);
        this.scheduleReconnect();
      }
    }, this.reconnectDelay);
    this.reconnectTimer.unref();
  }

  private prune(): void {
    const now = Date.now();
    for (const map of [this.tokens, this.sessions]) {
      for (const [id, until] of map) if (until <= now) map.delete(id);
    }
  }
}
