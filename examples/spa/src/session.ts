/**
 * The signed-in state of the app. The access token lives only in memory;
 * the refresh token only in the gateway's httpOnly cookie, which the
 * browser sends to the gateway's /auth routes (credentials: "include") and
 * this code never sees. Cookie-authenticated calls carry X-Nexus-CSRF.
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

export class GatewaySession {
  private current: Session | null = null;
  private refreshing: Promise<Session> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly gatewayUrl: string,
    private readonly onChange: (session: Session | null) => void,
  ) {}

  get token(): string | null {
    return this.current?.accessToken ?? null;
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
   * `fetch` for the SDK client: renews a token about to expire first, and
   * on a 401 renews once and sends the request again.
   */
  readonly fetch: typeof fetch = async (input, init = {}) => {
    if (this.current && this.current.expiresAt - Date.now() < REFRESH_MARGIN_MS / 2) await this.refresh().catch(() => undefined);
    const send = () => {
      const headers = new Headers(init.headers);
      if (this.token) headers.set("authorization", `Bearer ${this.token}`);
      return fetch(input, { ...init, headers });
    };
    const response = await send();
    if (response.status !== 401 || !this.current) return response;
    await this.refresh();
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
    const response = await fetch(this.gatewayUrl + path, {
      method: "POST",
      credentials: "include",
      headers: { "content-type": "application/json", ...CSRF, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    const payload = (await response.json().catch(() => null)) as (T & { error?: { code: string; message: string } }) | null;
    if (!response.ok) throw new AuthError(response.status, payload?.error?.code ?? "http_error", payload?.error?.message ?? `HTTP ${response.status}`);
    return payload as T;
  }
}
