/**
 * The signed-in state of a page, shared by the in-page GraphiQL script
 * (src/browser/graphiql.ts) and the example SPA (examples/spa). Browser code
 * only: compiled by tsconfig.browser.json, never imported by the gateway.
 *
 * The access token lives only in memory; the refresh token only in the
 * gateway's httpOnly cookie, which the browser sends to the gateway's /auth
 * routes and this code never sees. Cookie-authenticated calls carry the
 * CSRF header (the gateway's CSRF_HEADER, src/auth/refresh-cookie.ts).
 */
export interface Session {
  accessToken: string;
  expiresAt: number;
  userId: string;
}

interface TokenReply {
  accessToken: string;
  expiresIn: number;
}

const CSRF = { "X-Nexus-CSRF": "1" };
/** Renew this long before the access token expires. */
const REFRESH_MARGIN_MS = 60_000;

export class AuthError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function userIdOf(token: string): string {
  const payload = token.split(".")[1]!.replace(/-/g, "+").replace(/_/g, "/");
  return (JSON.parse(atob(payload)) as { sub: string }).sub;
}

/**
 * Whether the gateway refused a request for its token: HTTP 401, or a
 * GraphQL answer whose errors say UNAUTHENTICATED (an expired token on a
 * request grafserv answered itself).
 */
async function unauthenticated(response: Response): Promise<boolean> {
  if (response.status === 401) return true;
  if (!(response.headers.get("content-type") ?? "").includes("json")) return false;
  const body = (await response
    .clone()
    .json()
    .catch(() => null)) as { errors?: Array<{ extensions?: { code?: string } }> } | null;
  return (body?.errors ?? []).some((error) => error?.extensions?.code === "UNAUTHENTICATED");
}

export interface SessionOptions {
  /** The gateway's origin, "" for the page's own. */
  gatewayUrl: string;
  onChange: (session: Session | null) => void;
  /** Cookies for /auth: "include" across origins, "same-origin" on the gateway's own pages. */
  credentials?: RequestInit["credentials"];
  /** The fetch to send with; a page that wraps window.fetch passes the original. */
  fetch?: typeof fetch;
}

/** The header a mutation's answer carries its consistency token in, and a query sends it back in. */
const CONSISTENCY_HEADER = "nexus-consistency";

/** A token ("16/B374D848") as a string that sorts like the position it names. */
const sortable = (token: string) =>
  token.toUpperCase().replace(/^([^/]*)\/(.*)$/, (_, high: string, low: string) => high.padStart(8, "0") + low.padStart(8, "0"));

export class GatewaySession {
  private current: Session | null = null;
  /** The newest consistency token a mutation answered with: later requests send it (read-your-writes on replicas). */
  private consistency: string | null = null;
  private refreshing: Promise<Session> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly gatewayUrl: string;
  private readonly onChange: (session: Session | null) => void;
  private readonly credentials: NonNullable<RequestInit["credentials"]>;
  private readonly send: typeof fetch;

  constructor(options: SessionOptions) {
    this.gatewayUrl = options.gatewayUrl;
    this.onChange = options.onChange;
    this.credentials = options.credentials ?? "include";
    // Bound: window.fetch called as a method of another object throws "Illegal invocation".
    this.send = options.fetch ?? fetch.bind(globalThis);
  }

  get token(): string | null {
    return this.current?.accessToken ?? null;
  }

  get session(): Session | null {
    return this.current;
  }

  async login(email: string, password: string): Promise<Session> {
    return this.accept(await this.post<TokenReply>("/auth/login", { email, password }));
  }

  /** A session from an earlier visit, through the refresh cookie; null when there is none. */
  async resume(): Promise<Session | null> {
    return this.refresh().catch(() => null);
  }

  refresh(): Promise<Session> {
    this.refreshing ??= this.post<TokenReply>("/auth/refresh", {})
      .then((reply) => this.accept(reply))
      .catch((error: unknown) => {
        this.clear();
        throw error;
      })
      .finally(() => {
        this.refreshing = null;
      });
    return this.refreshing;
  }

  /** Revokes the session and its access token on the gateway, and drops the cookie. */
  async logout(): Promise<void> {
    const token = this.token;
    this.clear();
    if (token) await this.post("/auth/logout", {}, token);
  }

  /**
   * `fetch` with the access token: renews a token about to expire first,
   * and when the gateway refuses the token renews once and sends the
   * request again. A failed renewal ends the session (onChange(null)) and
   * answers with the refusal.
   */
  readonly fetch: typeof fetch = async (input, init = {}) => {
    if (this.current && this.current.expiresAt - Date.now() < REFRESH_MARGIN_MS / 2) await this.refresh().catch(() => undefined);
    const send = () => {
      const headers = new Headers(init.headers);
      if (this.token && !headers.has("authorization")) headers.set("authorization", `Bearer ${this.token}`);
      if (this.consistency && !headers.has(CONSISTENCY_HEADER)) headers.set(CONSISTENCY_HEADER, this.consistency);
      return this.send(input, { ...init, headers }).then((answer) => {
        const token = answer.headers.get(CONSISTENCY_HEADER);
        if (token && (this.consistency === null || sortable(token) > sortable(this.consistency))) this.consistency = token;
        return answer;
      });
    };
    const response = await send();
    if (!this.current || !(await unauthenticated(response))) return response;
    try {
      await this.refresh();
    } catch {
      return response;
    }
    return send();
  };

  private accept(reply: TokenReply): Session {
    this.current = { accessToken: reply.accessToken, expiresAt: Date.now() + reply.expiresIn * 1000, userId: userIdOf(reply.accessToken) };
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh().catch(() => undefined), Math.max(5_000, reply.expiresIn * 1000 - REFRESH_MARGIN_MS));
    this.onChange(this.current);
    return this.current;
  }

  private clear(): void {
    clearTimeout(this.timer);
    if (this.current === null) return;
    this.current = null;
    this.onChange(null);
  }

  private async post<T>(path: string, body: unknown, token?: string): Promise<T> {
    const response = await this.send(this.gatewayUrl + path, {
      method: "POST",
      credentials: this.credentials,
      headers: { "content-type": "application/json", ...CSRF, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    const payload = (await response.json().catch(() => null)) as (T & { error?: { code: string; message: string } }) | null;
    if (!response.ok)
      throw new AuthError(response.status, payload?.error?.code ?? "http_error", payload?.error?.message ?? `HTTP ${response.status}`);
    return payload as T;
  }
}
