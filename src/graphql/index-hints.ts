import "postgraphile";

import type { PgCodecWithAttributes } from "postgraphile/@dataplan/pg";
import {
  type ASTVisitor,
  getNamedType,
  GraphQLError,
  isEnumType,
  isInputObjectType,
  Kind,
  type ValidationContext,
} from "postgraphile/graphql";

import { TRIGRAM_OPERATORS } from "./filters";

/** The code of a refusal for want of an index. */
export const NOT_INDEXED = "NOT_INDEXED";

interface RefusedOrdering {
  column: string;
  attribute: string;
}

const columnOf = (codec: PgCodecWithAttributes, attributeName: string) => {
  const pg = codec.extensions?.pg as { schemaName?: string; name?: string } | undefined;
  return `${pg?.schemaName ?? "?"}.${pg?.name ?? codec.name}.${attributeName}`;
};

/**
 * GraphQL's own answer to an ordering or text operator this API leaves out
 * is `Value "DESCRIPTION_ASC" does not exist in "IssueOrderBy" enum`, which
 * reads like a typo. The schema records, on each orderBy enum and each
 * filter type, what it left out for want of an index; a validation rule
 * (ahead of GraphQL's own) says so, with the index that would expose it.
 * Only literals in the document are explained: a bad value in the
 * variables fails in coercion, with GraphQL's message.
 */
export const IndexHintsPlugin: GraphileConfig.Plugin = {
  name: "NexusIndexHintsPlugin",
  version: "1.0.0",
  after: ["NexusIndexedColumnsPlugin", "NexusTrigramSearchPlugin"],
  schema: {
    hooks: {
      GraphQLEnumType(config, build, context) {
        const { isPgRowSortEnum, pgCodec } = context.scope as { isPgRowSortEnum?: boolean; pgCodec?: PgCodecWithAttributes };
        if (!isPgRowSortEnum || !pgCodec?.attributes) return config;
        const refused: Record<string, RefusedOrdering> = {};
        for (const attributeName of Object.keys(pgCodec.attributes)) {
          if (!build.behavior.pgCodecAttributeMatches([pgCodec, attributeName], "attribute:select")) continue;
          if (build.behavior.pgCodecAttributeMatches([pgCodec, attributeName], "attribute:orderBy")) continue;
          for (const variant of ["asc", "desc"] as const) {
            const value = build.inflection.orderByAttributeEnum({ codec: pgCodec, attributeName, variant });
            refused[value] = { column: columnOf(pgCodec, attributeName), attribute: attributeName };
          }
        }
        return { ...config, extensions: { ...config.extensions, nexusRefusedOrderings: refused } };
      },
      GraphQLInputObjectType(config, build, context) {
        const { isPgConnectionFilter, pgCodec } = context.scope as { isPgConnectionFilter?: boolean; pgCodec?: PgCodecWithAttributes };
        if (!isPgConnectionFilter || !pgCodec?.attributes) return config;
        const { TYPES } = build.dataplanPg;
        const unsearchable: Record<string, RefusedOrdering> = {};
        for (const [attributeName, attribute] of Object.entries(pgCodec.attributes)) {
          const inner = attribute.codec.domainOfCodec ?? attribute.codec;
          if (inner !== TYPES.text && inner !== TYPES.varchar) continue;
          if ((attribute.extensions as { nexusSearchable?: boolean } | undefined)?.nexusSearchable) continue;
          unsearchable[build.inflection.attribute({ codec: pgCodec, attributeName })] = {
            column: columnOf(pgCodec, attributeName),
            attribute: attributeName,
          };
        }
        return { ...config, extensions: { ...config.extensions, nexusUnsearchable: unsearchable } };
      },
    },
  },
  grafserv: {
    middleware: {
      setPreset(next, event) {
        event.validationRules.unshift(IndexHintsRule);
        return next();
      },
    },
  },
};

const indexName = (column: string) => column.split(".").slice(1).join("_");

/** Reports an ordering or a text operator refused for want of an index, and the index that would expose it. */
export function IndexHintsRule(context: ValidationContext): ASTVisitor {
  return {
    EnumValue(node) {
      const type = getNamedType(context.getInputType());
      if (!type || !isEnumType(type)) return;
      const refused = (type.extensions as { nexusRefusedOrderings?: Record<string, RefusedOrdering> }).nexusRefusedOrderings?.[node.value];
      if (!refused) return;
      const table = refused.column.split(".").slice(0, 2).join(".");
      context.reportError(
        new GraphQLError(
          `${type.name} has no ${node.value}: ordering by ${refused.column} is refused because no index leads with it (after tenant_id), and a sort without one reads every row of the tenant. ` +
            `To expose it, add "create index ${indexName(refused.column)}_idx on ${table} (tenant_id, ${refused.attribute})" in a migration.`,
          { nodes: [node], extensions: { code: NOT_INDEXED } },
        ),
      );
    },
    ObjectField(node) {
      const parent = getNamedType(context.getParentInputType());
      if (!parent || !isInputObjectType(parent) || node.value.kind !== Kind.OBJECT) return;
      const refused = (parent.extensions as { nexusUnsearchable?: Record<string, RefusedOrdering> }).nexusUnsearchable?.[node.name.value];
      const operator = node.value.fields.find((field) => (TRIGRAM_OPERATORS as readonly string[]).includes(field.name.value));
      if (!refused || !operator) return;
      const table = refused.column.split(".").slice(0, 2).join(".");
      context.reportError(
        new GraphQLError(
          `${parent.name}.${node.name.value} has no ${operator.name.value}: substring and prefix matching on ${refused.column} is refused because it has no trigram index. ` +
            `To expose it, add "create index ${indexName(refused.column)}_trgm_idx on ${table} using gin (tenant_id, ${refused.attribute} extensions.gin_trgm_ops)" in a migration.`,
          { nodes: [operator], extensions: { code: NOT_INDEXED } },
        ),
      );
    },
  };
}
