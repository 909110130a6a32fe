import type { IncomingMessage } from "node:http";
import { isIP } from "node:net";

import proxyaddr from "proxy-addr";

/**
 * Proxies on the same host (a TLS terminator, a sidecar) are trusted to say
 * whom they forward for: here, and in Express's "trust proxy" for the other routes.
 */
export const TRUSTED_PROXIES = "loopback";
const trustProxies = proxyaddr.compile(TRUSTED_PROXIES);

/** The client's address: the socket's peer, or what a proxy on loopback forwards in X-Forwarded-For. */
export function clientIp(req: IncomingMessage): string | undefined {
  return req.socket.remoteAddress === undefined ? undefined : proxyaddr(req, trustProxies);
}

/**
 * Where a request came from, for the audit log (audit.tg__record_change
 * reads these settings). Only a valid IP address is passed, so the
 * database's cast to inet cannot fail; the user agent is cut to 512 chars.
 */
export function clientSettings(req: IncomingMessage | undefined): Record<string, string> {
  const ip = req ? clientIp(req)?.replace(/%.*$/, "") : undefined;
  const userAgent = req?.headers["user-agent"];
  return {
    ...(ip && isIP(ip) ? { "nexus.client_ip": ip } : {}),
    ...(userAgent ? { "nexus.user_agent": userAgent.slice(0, 512) } : {}),
  };
}
