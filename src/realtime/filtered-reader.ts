import type { PostGraphileInstance } from "postgraphile";
import { execute, hookArgs } from "postgraphile/grafast";
import { type DocumentNode, parse } from "postgraphile/graphql";

import type { AccessClaims } from "../auth/jwt";
import type { ChangeTable, FilteredReader } from "./hub";

/**
 * The re-reads of a subscription with a filter, through the table's own
 * connection field, executed as the reader (the preset's context turns
 * `requestContext.nexusReader` into their role and claims). The filter
 * means exactly what it means in a query, operators and relations
 * included, and is planned into one SQL statement per page.
 *
 * - `visible`: which of some changed rows the reader sees through the
 *   filter, `filter: { and: [{ rowId: { in: ids } }, filter] }`.
 * - `matching`: the ids of the rows the filter keeps now, up to a limit
 *   (cursor pages in primary key order): what a new subscription starts
 *   from to tell which deletes concern it (src/realtime/hub.ts).
 */
export function makeFilteredReader(pgl: PostGraphileInstance, pageSize: number): FilteredReader {
  const documents = new Map<string, DocumentNode>();
  const document = (table: ChangeTable, kind: "visible" | "matching") => {
    const key = `${kind}\u0000${table.name}`;
    let found = documents.get(key);
    if (!found) {
      found = parse(
        kind === "visible"
          ? `query NexusRowChangeFilter($ids: [UUID!]!, $filter: ${table.filterType}!, $first: Int!) {
              rows: ${table.connectionField}(first: $first, filter: { and: [{ ${table.rowIdField}: { in: $ids } }, $filter] }) { nodes { ${table.rowIdField} } }
            }`
          : `query NexusRowChangeMatching($filter: ${table.filterType}!, $first: Int!, $after: Cursor) {
              rows: ${table.connectionField}(first: $first, after: $after, filter: $filter) {
                nodes { ${table.rowIdField} }
                pageInfo { hasNextPage endCursor }
              }
            }`,
      );
      documents.set(key, found);
    }
    return found;
  };
  type Page = { nodes: Record<string, string>[]; pageInfo?: { hasNextPage: boolean; endCursor: string | null } };
  const run = async (claims: AccessClaims, table: ChangeTable, kind: "visible" | "matching", variableValues: Record<string, unknown>) => {
    const { schema, resolvedPreset } = await pgl.getSchemaResult();
    const args = {
      schema,
      document: document(table, kind),
      variableValues,
      resolvedPreset,
      requestContext: { nexusReader: claims } as Partial<Grafast.RequestContext>,
      contextValue: {},
    };
    await hookArgs(args as never);
    const result = (await execute(args as never)) as { data?: { rows?: Page }; errors?: readonly Error[] };
    if (result.errors?.length) throw new Error(`the filtered re-read of ${table.name} failed: ${result.errors[0]!.message}`);
    return result.data?.rows ?? { nodes: [] };
  };
  return {
    async visible(claims, table, filter, ids) {
      const visible = new Set<string>();
      for (let start = 0; start < ids.length; start += pageSize) {
        const page = ids.slice(start, start + pageSize);
        const rows = await run(claims, table, "visible", { ids: page, filter, first: page.length });
        for (const node of rows.nodes) visible.add(node[table.rowIdField]!);
      }
      return visible;
    },
    async matching(claims, table, filter, limit) {
      const ids = new Set<string>();
      let after: string | null = null;
      do {
        const rows = await run(claims, table, "matching", { filter, first: Math.min(pageSize, limit - ids.size), after });
        for (const node of rows.nodes) ids.add(node[table.rowIdField]!);
        after = rows.pageInfo?.hasNextPage ? rows.pageInfo.endCursor : null;
      } while (after && ids.size < limit);
      return ids;
    },
  };
}
