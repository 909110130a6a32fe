import "postgraphile";
import type { WebSocket } from "ws";
import { context, lambda, listen, type GrafastSubscriber } from "postgraphile/grafast";
import { extendSchema, gql } from "postgraphile/utils";
import type { AccessClaims } from "../auth/jwt";

interface RowChangeEvent {
  table: string;
  op: "insert" | "update" | "delete";
  id: string;
}

/** The channel the `_950_nexus_row_changes` trigger (policies/95_row_changes.sql) notifies. */
export const changesChannel = (tenantId: string) => `nexus:changes:${tenantId}`;

/**
 * One tenant's change stream, optionally of one table. The topic is only
 * ever built from the verified tenant claim of the subscriber (see
 * `nexusTenantId` in the context), so a subscription of tenant A listens on
 * A's channel and nowhere else.
 */
function tableFilteredSubscriber(pgSubscriber: GrafastSubscriber<Record<string, string>>): GrafastSubscriber<Record<string, string>> {
  return {
    subscribe(topic: string) {
      const [channel, table] = topic.split("|", 2) as [string, string];
      const source = pgSubscriber.subscribe(channel) as AsyncIterableIterator<string>;
      const iterator: AsyncIterableIterator<string> = {
        async next() {
          for (;;) {
            const item = await source.next();
            if (item.done || !table) return item;
            try {
              if ((JSON.parse(item.value) as RowChangeEvent).table === table) return item;
            } catch {
              // not ours to deliver
            }
          }
        },
        return: (value?: unknown) => source.return?.(value) ?? Promise.resolve({ done: true, value: undefined }),
        throw: (error?: unknown) => source.throw?.(error) ?? Promise.reject(error),
        [Symbol.asyncIterator]() {
          return iterator;
        },
      };
      return iterator;
    },
  } as GrafastSubscriber<Record<string, string>>;
}

/**
 * `subscription { rowChanged(table: "user_groups") { table op rowId node { … } } }`
 * for every tenant table. The event carries only the key; `node` is read
 * again as the subscriber through RLS (PostGraphile's Node lookup), so it
 * is null for a row they may not read, and after a delete.
 */
export const RowChangesPlugin = extendSchema((build) => {
  const typeNameByTable = new Map<string, string>();
  for (const resource of Object.values(build.input.pgRegistry.pgResources)) {
    const pg = (resource.codec.extensions as { pg?: { name: string } } | undefined)?.pg;
    if (!pg || resource.parameters || !resource.codec.attributes || resource.isUnique) continue;
    const typeName = build.inflection.tableType(resource.codec);
    if (build.getNodeIdHandler?.(typeName)) typeNameByTable.set(pg.name, typeName);
  }
  return {
    typeDefs: gql`
      """A change to a row of a tenant table."""
      type RowChange {
        """The table's SQL name, e.g. user_groups."""
        table: String!
        """insert, update or delete."""
        op: String!
        rowId: UUID!
        """The row as it is now, read as the subscriber (null after a delete, or when they may not read it)."""
        node: Node
      }
      extend type Subscription {
        """Row changes in the caller's tenant, of one table (its SQL name) or of all."""
        rowChanged(table: String): RowChange
      }
    `,
    objects: {
      Subscription: {
        plans: {
          rowChanged: {
            subscribePlan(_$root, { $table }) {
              const $tenant = context().get("nexusTenantId" as never);
              const $topic = lambda([$tenant, $table], ([tenant, table]) => {
                if (!tenant) throw new Error("Sign in to subscribe to changes.");
                return `${changesChannel(String(tenant))}|${table ?? ""}`;
              });
              const $subscriber = lambda(context().get("pgSubscriber" as never), (s) => tableFilteredSubscriber(s as never));
              return listen($subscriber as never, $topic as never, ($payload: any) => lambda($payload, (raw) => JSON.parse(String(raw)) as RowChangeEvent));
            },
            plan($event: any) {
              return $event;
            },
          },
        },
      },
      RowChange: {
        plans: {
          table: ($e: any) => lambda($e, (e: any) => e.table),
          op: ($e: any) => lambda($e, (e: any) => e.op),
          rowId: ($e: any) => lambda($e, (e: any) => e.id),
          node: ($e: any) =>
            lambda($e, (event: unknown) => {
              const e = event as RowChangeEvent;
              const typeName = typeNameByTable.get(e.table);
              return typeName && e.op !== "delete" ? Buffer.from(JSON.stringify([typeName, e.id])).toString("base64") : null;
            }),
        },
      },
    },
  };
});

/**
 * Open WebSockets by the token and the session they were opened with, so
 * that revoking either closes them at once (RevocationSet.subscribe).
 */
export class SocketRegistry {
  private readonly byKey = new Map<string, Set<WebSocket>>();

  add(socket: WebSocket, claims: AccessClaims): void {
    const keys = [claims.jti && `token:${claims.jti}`, claims.sessionId && `session:${claims.sessionId}`].filter((k): k is string => !!k);
    for (const key of keys) {
      const set = this.byKey.get(key) ?? new Set();
      if (set.has(socket)) continue;
      set.add(socket);
      this.byKey.set(key, set);
      socket.once("close", () => {
        set.delete(socket);
        if (set.size === 0) this.byKey.delete(key);
      });
    }
    // The token's own end: close when it expires.
    const ms = claims.expiresAt * 1000 - Date.now();
    const timer = setTimeout(() => socket.close(4401, "Token expired"), Math.max(ms, 0));
    timer.unref();
    socket.once("close", () => clearTimeout(timer));
  }

  /** Closes every socket of a revoked token or session (4403, "Forbidden"). */
  revoke(kind: "token" | "session", id: string): void {
    for (const socket of this.byKey.get(`${kind}:${id}`) ?? []) socket.close(4403, "Token revoked");
  }
}
