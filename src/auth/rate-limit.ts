import { createHash } from "node:crypto";
import { isIPv4, isIPv6 } from "node:net";

import type { Pool } from "pg";

import type { LoginPolicy, PasswordResetPolicy } from "../config";

/**
 * The client a request is counted against: its IPv4 address, or the /64 of
 * its IPv6 address. One IPv6 subscriber gets a whole /64 (often more), so
 * counting addresses one by one would let one client spread its guesses
 * over 2^64 of them.
 */
export function clientBucket(ip: string | null): string {
  if (!ip) return "unknown";
  const bare = ip.startsWith("::ffff:") && isIPv4(ip.slice(7)) ? ip.slice(7) : ip;
  if (isIPv4(bare)) return bare;
  if (!isIPv6(bare)) return "unknown";
  const [head, tail = ""] = bare.toLowerCase().split("%")[0]!.split("::") as [string, string?];
  const left = head === "" ? [] : head.split(":");
  const right = bare.includes("::") ? (tail === "" ? [] : tail.split(":")) : [];
  // An embedded IPv4 tail (::1.2.3.4) only ever sits in the low 64 bits.
  const groups = bare.includes("::") ? [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((group) => Number.parseInt(group, 16).toString(16))
    .join(":")}::/64`;
}

const MINUTE = 60;
const HOUR = 60 * 60;

/** The account a throttle bucket is about: a user id, or (for no such account) the identifier, hashed. */
export const unknownAccount = (identifier: string) => `unknown:${createHash("sha256").update(identifier).digest("hex")}`;

/**
 * How often sign-in, password change and reset requests may be tried, kept
 * in PostgreSQL (nexus_auth.sign_in_throttle) so every gateway instance
 * counts the same attempts. Each check is one statement.
 *
 * - per client (address, IPv6 by /64): attempts per minute, whatever the account;
 * - per account and client together: attempts per minute, and failures in a
 *   row back off exponentially. Nothing locks an account for everyone: a
 *   client that has not been failing signs in with the right password.
 */
export class SignInThrottle {
  constructor(
    private readonly pool: Pool,
    private readonly login: LoginPolicy,
    private readonly reset: PasswordResetPolicy,
  ) {}

  private static pair(account: string, client: string) {
    return `pair:${account} ${client}`;
  }

  /** Counts an attempt at `account` from `client`; the seconds to wait, 0 to go ahead. */
  async take(account: string, client: string): Promise<number> {
    const { rows } = await this.pool.query<{ wait: number }>(
      "select greatest(nexus_auth.throttle_take($1, null, $2, $3), nexus_auth.throttle_take($4, $5, $6, $3)) as wait",
      [
        `client:${client}`,
        this.login.attemptsPerIpPerMinute,
        MINUTE,
        SignInThrottle.pair(account, client),
        account,
        this.login.attemptsPerAccountPerMinute,
      ],
    );
    return rows[0]!.wait;
  }

  /** A wrong password (or no such account): counts toward the backoff of this account and client. */
  async failed(account: string, client: string): Promise<void> {
    await this.pool.query("select nexus_auth.throttle_failure($1, $2, $3, $4, $5)", [
      SignInThrottle.pair(account, client),
      account,
      this.login.maxFailures,
      this.login.lockSeconds,
      this.login.maxBackoffSeconds,
    ]);
  }

  async succeeded(account: string, client: string): Promise<void> {
    await this.pool.query("select nexus_auth.throttle_success($1)", [SignInThrottle.pair(account, client)]);
  }

  /**
   * Counts a password-reset request for `email` from `client`; the seconds
   * to wait, 0 to go ahead. Counted the same whether or not the address
   * belongs to anyone.
   */
  async takeReset(email: string, client: string): Promise<number> {
    const { rows } = await this.pool.query<{ wait: number }>(
      "select greatest(nexus_auth.throttle_take($1, null, $2, $3), nexus_auth.throttle_take($4, null, $5, $3)) as wait",
      [
        `reset-client:${client}`,
        this.reset.perClientPerHour,
        HOUR,
        `reset-address:${createHash("sha256").update(email).digest("hex")}`,
        this.reset.perAddressPerHour,
      ],
    );
    return rows[0]!.wait;
  }
}
