import type { PostGraphileInstance } from "postgraphile";
import { execute, hookArgs } from "postgraphile/grafast";
import { type DocumentNode, parse } from "postgraphile/graphql";

import type { FilteredReader } from "./hub";

/**
 * The re-read of a subscription with a filter: the table's own connection
 * field with `filter: { and: [{ rowId: { in: ids } }, filter] }`, executed
 * as the reader (the preset's context turns `requestContext.nexusReader`
 * into their role and claims). The filter means exactly what it means in a
 * query, operators and relations included, and is planned into one SQL
 * statement per page of ids.
 */
export function makeFilteredReader(pgl: PostGraphileInstance, pageSize: number): FilteredReader {
  const documents = new Map<string, DocumentNode>();
  return async (claims, table, filter, ids) => {
    const { schema, resolvedPreset } = await pgl.getSchemaResult();
    let document = documents.get(table.name);
    if (!document) {
      document = parse(
        `query NexusRowChangeFilter($ids: [UUID!]!, $filter: ${table.filterType}!, $first: Int!) {
          rows: ${table.connectionField}(first: $first, filter: { and: [{ ${table.rowIdField}: { in: $ids } }, $filter] }) { nodes { ${table.rowIdField} } }
        }`,
      );
      documents.set(table.name, document);
    }
    const visible = new Set<string>();
    for (let start = 0; start < ids.length; start += pageSize) {
      const page = ids.slice(start, start + pageSize);
      const args = {
        schema,
        document,
        variableValues: { ids: page, filter, first: page.length },
        resolvedPreset,
        requestContext: { nexusReader: claims } as Partial<Grafast.RequestContext>,
        contextValue: {},
      };
      await hookArgs(args as never);
      const result = (await execute(args as never)) as { data?: { rows?: { nodes: Record<string, string>[] } }; errors?: readonly Error[] };
      if (result.errors?.length) throw new Error(`the filtered re-read of ${table.name} failed: ${result.errors[0]!.message}`);
      for (const node of result.data?.rows?.nodes ?? []) visible.add(node[table.rowIdField]!);
    }
    return visible;
  };
}
