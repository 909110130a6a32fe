import type { Client, Ledger, Tally } from "./load";
import type { GatewayProcess, SuiteDatabase, SuiteTenant } from "./processes";

/** What the scenarios share: one suite database, its first gateway, two tenants and their tokens. */
export interface Context {
  tally: Tally;
  ledger: Ledger;
  database: SuiteDatabase;
  gateway: GatewayProcess;
  tenants: [SuiteTenant, SuiteTenant];
  /** Admin tokens of the two tenants (they may create groups). */
  tokens: [string, string];
  /** NEXUS_DB_CONNECT_TIMEOUT_MS of the suite's gateways. */
  connectTimeoutMs: number;
  soakSeconds: number;
}

/** Both tenants' admins, through the given gateways in turn. */
export function clientsOf(context: Context, urls: string[]): Client[] {
  return urls.flatMap((url) => context.tenants.map((tenant, i) => ({ url, token: context.tokens[i]!, tenantId: tenant.tenantId })));
}
