import "postgraphile";

import { escapeIdentifier } from "pg";
import { context, lambda, listen, SafeError } from "postgraphile/grafast";
import { extendSchema, gql } from "postgraphile/utils";
import type { WebSocket } from "ws";

import type { AccessClaims } from "../auth/jwt";
import type { WireChange } from "../realtime/decoder";
import type { ChangeTable, RowChangeEvent, RowChangeHub, RowChangeTopic } from "../realtime/hub";

/** What the preset puts in the GraphQL context of a WebSocket operation, for `rowChanged`. */
export interface RealtimeContext {
  hub: RowChangeHub;
  claims: AccessClaims | null;
  socket: WebSocket | null;
  maxSubscriptionsPerSocket: number;
}

const OP_CODES: Record<string, WireChange[1]> = { insert: "i", update: "u", delete: "d" };

/**
 * `subscription { rowChanged(table: USER_GROUPS, ops: [INSERT], filter: { userGroup: { … } }) { op table rowId node { … } } }`.
 *
 * The tables are an enum of the exposed tenant tables (a bad name fails
 * validation). The first event is `op: ready`: the subscription is live.
 * Then one event per change the subscriber may read (src/realtime/hub.ts
 * re-reads each row as them, batched), and `op: gap` when changes may have
 * been missed (the instance's listener reconnected, or a burst larger than
 * the send queue): read again what you show. `node` is the row read as the
 * subscriber through PostGraphile's Node lookup (null after a delete); it
 * costs one read per event and subscription, so select it only if needed.
 */
export const RowChangesPlugin = extendSchema((build) => {
  const tables = new Map<string, ChangeTable & { typeName: string }>();
  for (const resource of Object.values(build.input.pgRegistry.pgResources)) {
    const pg = (resource.codec.extensions as { pg?: { schemaName: string; name: string } } | undefined)?.pg;
    if (!pg || resource.parameters || !resource.codec.attributes || resource.isUnique || resource.isVirtual) continue;
    const attributes = resource.codec.attributes as Record<string, unknown>;
    if (!attributes.tenant_id || !attributes.id) continue;
    const typeName = build.inflection.tableType(resource.codec);
    const filterType = `${typeName}Filter`;
    if (!build.getNodeIdHandler?.(typeName)) continue;
    tables.set(pg.name, {
      name: pg.name,
      sql: `${escapeIdentifier(pg.schemaName)}.${escapeIdentifier(pg.name)}`,
      connectionField: build.inflection.allRowsConnection(resource as never),
      filterType,
      rowIdField: build.inflection.attribute({ codec: resource.codec as never, attributeName: "id" }),
      typeName,
    });
  }
  const sorted = [...tables.values()].sort((x, y) => x.name.localeCompare(y.name));
  const filterField = (t: { typeName: string }) => t.typeName.charAt(0).toLowerCase() + t.typeName.slice(1);
  return {
    typeDefs: gql`
      """A tenant table whose row changes can be followed (rowChanged)."""
      enum RowChangeTable {
        ${sorted.map((t) => t.name.toUpperCase()).join("\n")}
      }
      """A kind of row change to follow."""
      enum RowOperation {
        INSERT
        UPDATE
        DELETE
      }
      """What a rowChanged event says."""
      enum RowChangeOp {
        """First event: the subscription is live; every change committed from now on reaches it."""
        READY
        """Changes may have been missed (reconnection, or more at once than the send queue holds): read again what you show."""
        GAP
        INSERT
        UPDATE
        DELETE
      }
      """The filter of one table's rows (set the field of the subscribed table only)."""
      input RowChangeFilter {
        ${sorted.map((t) => `${filterField(t)}: ${t.filterType}`).join("\n")}
      }
      """A change to a row of a tenant table, or the stream's own ready and gap events."""
      type RowChange {
        op: RowChangeOp!
        """The changed row's table (null for ready and gap)."""
        table: RowChangeTable
        rowId: UUID
        """The row as it is now, read as the subscriber (null after a delete, for ready and gap)."""
        node: Node
      }
      extend type Subscription {
        """
        Row changes in the caller's tenant that the caller may read: of one table or of all, of the operations in ops (all by default),
        of the rows its filter keeps (with one table). Needs a signed-in socket.
        """
        rowChanged(table: RowChangeTable, ops: [RowOperation!], filter: RowChangeFilter): RowChange
      }
    `,
    objects: {
      Subscription: {
        plans: {
          rowChanged: {
            subscribePlan(_$root, { $table, $ops, $filter }) {
              const $realtime = (context() as any).get("nexusRealtime");
              const $topic = lambda([$realtime, $table, $ops, $filter], ([realtime, tableName, ops, filter]) => {
                const rt = realtime as RealtimeContext | null;
                if (!rt?.claims) throw new SafeError("Sign in to subscribe to changes.", { code: "UNAUTHENTICATED" });
                if (rt.hub.subscriptionsOf(rt.socket) >= rt.maxSubscriptionsPerSocket) {
                  throw new SafeError(
                    `A socket holds at most ${rt.maxSubscriptionsPerSocket} subscriptions: end one, or open another socket.`,
                    { code: "TOO_MANY_SUBSCRIPTIONS" },
                  );
                }
                // Enum values are the table names in UPPER_CASE (GraphQL convention); the map is keyed by the SQL name.
                const table = tableName ? tables.get(String(tableName).toLowerCase()) : undefined;
                const given = Object.entries((filter ?? {}) as Record<string, unknown>).filter(([, v]) => v != null);
                if (given.length && (!table || given.length > 1 || given[0]![0] !== filterField(table))) {
                  throw new SafeError(
                    `A filter applies to the subscribed table only: give table, and filter.${table ? filterField(table) : "<that table>"}.`,
                    { code: "INVALID_FILTER" },
                  );
                }
                const topic: RowChangeTopic = {
                  claims: rt.claims,
                  socket: rt.socket,
                  tables: table ? new Map([[table.name, table]]) : tables,
                  ops: new Set(
                    ((ops as string[] | null)?.map((op) => op.toLowerCase()) ?? Object.keys(OP_CODES)).map((op) => OP_CODES[op]!),
                  ),
                  filter: given.length ? given[0]![1] : null,
                };
                return topic;
              });
              const $hub = lambda($realtime, (realtime) => ((realtime as RealtimeContext | null)?.hub ?? null) as never);
              return listen($hub as never, $topic as never);
            },
            plan($event: any) {
              return $event;
            },
          },
        },
      },
      RowChange: {
        plans: {
          op: ($e: any) => lambda($e, (e: any) => (e as RowChangeEvent).op.toUpperCase()),
          table: ($e: any) => lambda($e, (e: any) => (e as RowChangeEvent).table?.toUpperCase() ?? null),
          rowId: ($e: any) => lambda($e, (e: any) => (e as RowChangeEvent).id),
          node: ($e: any) =>
            lambda($e, (event: any) => {
              const e = event as RowChangeEvent;
              const typeName = e.table && tables.get(e.table)?.typeName;
              return typeName && (e.op === "insert" || e.op === "update")
                ? Buffer.from(JSON.stringify([typeName, e.id])).toString("base64")
                : null;
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
