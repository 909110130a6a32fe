/*
 * The practical limit the gateway is measured against: a plain node:http
 * server that does the least the same answer needs. It verifies the same
 * access token with the gateway's own verifier, then runs one hand-written
 * statement in a transaction under the same role and the same
 * jwt.claims.* settings the gateway sets, so row level security does the
 * same work. No GraphQL, no Express, no revocation check.
 *
 * `prepared`: the two statements are named, so PostgreSQL plans each once
 * per connection (as the gateway's own statements are) instead of on every
 * request. The bench reports the gateway against both.
 *
 *   GET /list, GET /point?id=<asset id>, GET /aggregate?id=<manufacturer id>
 */
import { createServer, type Server } from "node:http";

import pg from "pg";

import { verifyAccessToken } from "../src/auth/tokens";
import type { JwtConfig } from "../src/config";
import { BASELINE_SQL, READ_SCENARIOS, type ReadScenario } from "./scenarios";

const SET_CLAIMS =
  "select set_config('role', 'nexus_user', true), set_config('jwt.claims.tenant_id', $1, true), " +
  "set_config('jwt.claims.user_id', $2, true), set_config('jwt.claims.session_id', $3, true)";

export function createBaselineServer(jwtConfig: JwtConfig, pool: pg.Pool, { prepared }: { prepared: boolean }): Server {
  return createServer((req, res) => {
    const reply = (status: number, body: string) => {
      res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
      res.end(body);
    };
    void (async () => {
      const url = new URL(req.url ?? "/", "http://baseline");
      const scenario = url.pathname.slice(1) as ReadScenario;
      if (!READ_SCENARIOS.includes(scenario)) return reply(404, '{"error":"not found"}');
      const header = req.headers.authorization ?? "";
      let claims;
      try {
        claims = await verifyAccessToken(jwtConfig, header.slice("Bearer ".length), null);
      } catch {
        return reply(401, '{"error":"invalid token"}');
      }
      const client = await pool.connect();
      try {
        await client.query("begin");
        await client.query({
          text: SET_CLAIMS,
          values: [claims.tenantId, claims.userId, claims.sessionId],
          ...(prepared ? { name: "claims" } : {}),
        });
        const id = url.searchParams.get("id");
        const { rows } = await client.query<{ body: string }>({
          text: BASELINE_SQL[scenario],
          values: id === null ? [] : [id],
          types: RAW_JSON,
          ...(prepared ? { name: scenario } : {}),
        });
        await client.query("commit");
        reply(200, rows[0]!.body);
      } catch (error) {
        await client.query("rollback").catch(() => undefined);
        reply(500, JSON.stringify({ error: (error as Error).message }));
      } finally {
        client.release();
      }
    })();
  });
}

/** The JSON column is passed through as PostgreSQL wrote it, never parsed. */
const RAW_JSON = { getTypeParser: () => (value: string) => value } as unknown as pg.CustomTypesConfig;
