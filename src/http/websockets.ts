import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";

import { CloseCode, type Context, makeServer } from "graphql-ws";
import { makeGraphQLWSConfig } from "postgraphile/grafserv";
import { type WebSocket, WebSocketServer } from "ws";

import type { AccessClaims } from "../auth/jwt";
import { type TokenVerifier, verifyBearer } from "../auth/verify";
import type { RealtimeConfig } from "../config";
import type { SocketRegistry } from "../graphql/realtime";
import type { RowChangeHub } from "../realtime/hub";
import type { SocketSeats } from "../realtime/socket-seats";
import { clientIp } from "./client-address";

/** The close code of a socket past the per-user cap (the per-client cap refuses the upgrade with 429). */
export const TOO_MANY_SOCKETS_CLOSE = 4430;
/** WebSocket's own "try again later": the shared per-user count could not be asked (the database is away). */
export const SEATS_UNAVAILABLE_CLOSE = 1013;
const KEEPALIVE_MS = 12_000;

export interface SocketLimits {
  limits: RealtimeConfig;
  verifier: TokenVerifier;
  sockets: SocketRegistry;
  hub: RowChangeHub | null;
  /** The per-user cap, counted across every instance (src/realtime/socket-seats.ts). */
  seats: SocketSeats;
}

/** Counts open sockets by a key; `take` refuses past the cap, and the socket's close gives its place back. */
class SocketCounter {
  private readonly open = new Map<string, number>();
  constructor(private readonly cap: number) {}

  take(key: string, socket: { once(event: "close", fn: () => void): unknown }): boolean {
    const count = this.open.get(key) ?? 0;
    if (count >= this.cap) return false;
    this.open.set(key, count + 1);
    socket.once("close", () => {
      const left = (this.open.get(key) ?? 1) - 1;
      if (left > 0) this.open.set(key, left);
      else this.open.delete(key);
    });
    return true;
  }
}

/**
 * grafserv's GraphQL-over-WebSocket server (graphql-ws over `ws`), with the
 * gateway's limits, which grafserv's own has no hook for:
 *
 * - at most `maxSocketsPerClient` sockets per client address, refused at
 *   the upgrade with 429;
 * - `connection_init` within `initTimeoutMs` (else 4408), carrying a valid
 *   bearer token (else 4403): no anonymous socket stays open, since every
 *   subscription needs a signed-in user anyway;
 * - at most `maxSocketsPerUser` signed-in sockets per user, counted across
 *   every instance on the database (else 4430; 1013 when the count cannot
 *   be asked);
 * - a ping every 12 s; a socket that does not answer by the next is ended.
 *
 * Subscriptions per socket and the send queue are bounded where events are
 * produced (RowChangesPlugin, RowChangeHub).
 */
export function makeUpgradeHandler(
  instance: Parameters<typeof makeGraphQLWSConfig>[0],
  { limits, verifier, sockets, hub, seats }: SocketLimits,
): { upgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => void; close: () => void } {
  const perClient = new SocketCounter(limits.maxSocketsPerClient);
  type Extra = { socket: WebSocket; request: IncomingMessage };
  const server = makeServer<Record<string, unknown>, Extra>({
    ...makeGraphQLWSConfig(instance),
    connectionInitWaitTimeout: limits.initTimeoutMs,
    async onConnect(ctx: Context<Record<string, unknown>, Extra>) {
      const param = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
      const header = typeof param === "string" ? param : ctx.extra.request.headers.authorization;
      if (!header) return false;
      let claims: AccessClaims;
      try {
        claims = await verifyBearer(verifier, header);
      } catch {
        return false;
      }
      const socket = ctx.extra.socket;
      const user = `${claims.tenantId}:${claims.userId ?? claims.jti}`;
      let seat: number | null;
      try {
        seat = await seats.take(user);
      } catch {
        socket.close(SEATS_UNAVAILABLE_CLOSE, "Try again later");
        return false;
      }
      if (seat === null) {
        socket.close(TOO_MANY_SOCKETS_CLOSE, "Too many sockets for this user");
        return false;
      }
      const give = () => void seats.give(user, seat).catch(() => undefined);
      // Closed while its seat was being taken: the close event has passed already.
      if (socket.readyState !== socket.OPEN) {
        give();
        return false;
      }
      socket.once("close", give);
      sockets.add(socket, claims);
      return true;
    },
  } as never);
  const wss = new WebSocketServer({ noServer: true });
  wss.on("connection", (socket: WebSocket, request: IncomingMessage) => {
    let answered = true;
    const keepalive = setInterval(() => {
      if (!answered) return void socket.terminate();
      answered = false;
      socket.ping();
    }, KEEPALIVE_MS);
    socket.on("pong", () => (answered = true));
    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: (data) =>
          new Promise<void>((resolve, reject) =>
            socket.send(data, (error) => {
              if (error) return reject(error);
              // graphql-ws writes {"id":…,"type":"next",…}: one event off this socket's backlog (RowChangeHub).
              if (hub && data.slice(0, 120).includes('"type":"next"')) hub.noteSent(socket);
              resolve();
            }),
          ),
        close: (code, reason) => socket.close(code, reason),
        onMessage: (cb) =>
          socket.on("message", async (message) => {
            try {
              await cb(String(message));
            } catch (error) {
              socket.close(CloseCode.InternalServerError, (error as Error).message.slice(0, 120));
            }
          }),
      },
      { socket, request },
    );
    socket.once("close", (code, reason) => {
      clearInterval(keepalive);
      void closed(code, String(reason));
    });
  });
  return {
    upgrade: (req, socket, head) => {
      if (!perClient.take(clientIp(req) ?? "unknown", socket)) {
        socket.end("HTTP/1.1 429 Too Many Requests\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws, req));
    },
    // On release, as grafserv's own server does: open sockets must not keep a stopping gateway alive.
    close: () => {
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
  };
}
