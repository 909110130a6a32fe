/**
 * The PostgreSQL roles (docs/architecture.md, "Roles"). They are cluster-wide, so every
 * database of one cluster (main, shadow, test) shares them.
 */
export const DB_ROLES = {
  /** Owns schemas and tables, runs migrations; subject to forced RLS. */
  owner: "nexus_owner",
  /** The GraphQL pool's login role: NOINHERIT, may only become the two below. */
  authenticator: "nexus_authenticator",
  /** Requests without a token. */
  anonymous: "nexus_anonymous",
  /** Signed-in requests; every tenant row reaches it through RLS. */
  user: "nexus_user",
  /**
   * Owns the narrow SECURITY DEFINER functions of schema nexus_auth (login,
   * refresh, revocation, permission checks): BYPASSRLS, NOLOGIN, reachable
   * only through those functions.
   */
  auth: "nexus_auth",
} as const;

/** Schemas PostGraphile reflects into GraphQL. */
export const EXPOSED_SCHEMAS = [
  "platform",
  "census",
  "assets",
  "locations",
  "public",
  "campus",
  "academics",
  "attendance",
  "billing",
  "messaging",
  "content",
  "ops",
  "ledger",
  "ai",
  "audit",
  "crm",
  "inventory",
  "orders",
  "fulfillment",
  "shipping",
  "purchasing",
  "analytics",
  "conversations",
  "whatsapp",
  "telephony",
  "automation",
  "integrations",
  "competition",
];
