import "postgraphile";
import "@graphile/pg-aggregates";

import type { PgCodec, PgCodecWithAttributes } from "postgraphile/@dataplan/pg";
import { type SQL, sql } from "postgraphile/pg-sql2";
import { PostGraphileConnectionFilterPreset } from "postgraphile-plugin-connection-filter";

/** The tenant key: every tenant query carries `tenant_id = <claim>` through RLS. */
const RLS_PINNED_COLUMN = "tenant_id";

/** The text operators a trigram GIN index answers (`ILIKE '%…%'`, `ILIKE '…%'`). */
export const TRIGRAM_OPERATORS = ["includesInsensitive", "startsWithInsensitive"] as const;
/** The operator type of string columns with a trigram index: StringFilter plus TRIGRAM_OPERATORS. */
export const SEARCHABLE_STRING_FILTER = "SearchableStringFilter";

interface AttributeExtensions {
  /** First key of an index, or first after tenant_id: ORDER BY … LIMIT reads the index. */
  nexusOrderable?: boolean;
  /** Leads a GIN index (after tenant_id, through btree_gin): a trigram index on text. */
  nexusSearchable?: boolean;
  tags?: Record<string, unknown>;
}

/** Codecs a groupedAggregates key may be without an index (the grouping reads the tenant's matching rows anyway). */
const GROUPABLE_TYPES = new Set(["bool", "uuid", "date", "timestamptz", "timestamp"]);

const extensionsOf = (codec: PgCodecWithAttributes, attributeName: string) =>
  (codec.attributes[attributeName]?.extensions ?? {}) as AttributeExtensions;

/**
 * Where the line lies (docs/query-line.md has the figures):
 *
 * - Filters: every scalar column. Row level security puts `tenant_id =
 *   <claim>` into every statement and every tenant table has an index that
 *   leads with tenant_id, so a filter on an unindexed column reads one
 *   tenant's rows, never the table; statement_timeout and the cost limits
 *   bound even that.
 * - Ordering (and so cursor paging and grouping, which pg-aggregates ties to
 *   ordering): only a column that is the first key of an index, or the first
 *   after tenant_id. A sort without an index must read and sort every row of
 *   the tenant for the first page, which is the one thing a list screen does
 *   all day. Enums and booleans count like any other column (PostGraphile
 *   would refuse to order by enums at all).
 * - Text search (TRIGRAM_OPERATORS): only on a column that leads a GIN
 *   index, i.e. `gin (tenant_id, col gin_trgm_ops)`.
 *
 * A smart tag `@isIndexed` on a column opts it into ordering (a table known
 * to stay small). Columns only inside expression or partial indexes do not
 * count: the planner cannot use those for a plain `ORDER BY col`.
 */
export const IndexedColumnsPlugin: GraphileConfig.Plugin = {
  name: "NexusIndexedColumnsPlugin",
  version: "2.0.0",
  before: ["PgIndexBehaviorsPlugin"],
  gather: {
    hooks: {
      pgCodecs_attribute(_info, event) {
        const { attribute, pgAttribute } = event;
        const table = pgAttribute.getClass();
        if (!table || !["r", "p", "m", "f"].includes(table.relkind)) return;
        const leading = (method: (am: string) => boolean) =>
          table.getIndexes().some((index) => {
            if (index.indpred || !method(index.getIndexClass()?.getAccessMethod()?.amname ?? "btree")) return false;
            const [first, second] = index.getKeys();
            return (
              first?.attname === pgAttribute.attname || (first?.attname === RLS_PINNED_COLUMN && second?.attname === pgAttribute.attname)
            );
          });
        attribute.extensions ??= Object.create(null);
        const extensions = attribute.extensions as AttributeExtensions & { isIndexed?: boolean };
        // PgIndexBehaviorsPlugin would hide the filters of unindexed columns; the line above keeps them.
        extensions.isIndexed = true;
        extensions.nexusOrderable = leading((am) => am === "btree");
        extensions.nexusSearchable = leading((am) => am === "gin");
      },
    },
  },
  schema: {
    entityBehavior: {
      pgCodecAttribute: {
        inferred: {
          after: ["inferred", "postInferred"],
          provides: ["nexusIndexedColumns"],
          callback(behavior, [codec, attributeName]) {
            const extensions = extensionsOf(codec, attributeName);
            if (extensions.nexusOrderable === undefined) return behavior;
            const orderable = extensions.nexusOrderable || !!extensions.tags?.isIndexed;
            // Analysts group by statuses and enums, flags, foreign keys and
            // dates, and by any column an index orders; not by free text.
            const inner = codec.attributes[attributeName]!.codec as PgCodec & { values?: unknown };
            const groupable = orderable || !!inner.values || GROUPABLE_TYPES.has((inner.domainOfCodec ?? inner).name);
            return [
              behavior,
              orderable ? "attribute:orderBy" : "-attribute:orderBy",
              (groupable ? "attribute:groupBy" : "-attribute:groupBy") as "attribute:orderBy",
            ];
          },
        },
      },
      pgCodecRelation: {
        inferred: {
          after: ["inferred", "postInferred"],
          provides: ["nexusIndexedRelations"],
          callback(behavior, relation) {
            // A relation PostgreSQL cannot follow by an index is hidden by
            // PgIndexBehaviorsPlugin; filtering across it would be a scan too.
            if (relation.extensions?.isIndexed === false && !relation.extensions.tags?.isIndexed) return [behavior, "-filterBy"];
            // "Records this user created/updated": hidden as fields (the
            // constraints' @behavior), so hidden as filters too; the records
            // are filtered by their own createdBy/updatedBy instead.
            const authorship =
              relation.isReferencee && relation.remoteAttributes.some((name) => name === "created_by" || name === "updated_by");
            return authorship ? [behavior, "-filterBy"] : behavior;
          },
        },
      },
    },
  },
};

const isTextCodec = (codec: PgCodec, text: readonly PgCodec[]) => text.includes(codec.domainOfCodec ?? codec);

/**
 * pg-sql2 prints a warning with a stack trace to the console, outside the
 * gateway's log, the first time a process calls `sql.raw`: an operator saw
 * it at the first search, the tests printed it in every file that searches.
 * likeLiteral below is the one use in the gateway (a literal it escapes
 * itself), so that first call is made here, at load, with the warning
 * withheld.
 */
const rawLiteral: typeof sql.raw = (() => {
  const warn = console.warn;
  console.warn = () => undefined;
  try {
    sql.raw("");
  } finally {
    console.warn = warn;
  }
  return sql.raw;
})();

/**
 * The ILIKE pattern, written into the statement as a string literal rather
 * than sent as a parameter. The trap it avoids: the gateway prepares its
 * statements, and after a few executions PostgreSQL may keep a generic plan
 * that cannot see the pattern; for "first 20 by name whose name contains
 * x" it then walks the name index and filters, which for a rare fragment
 * reads every row of the tenant (0.09x of the baseline in the bench's
 * search scenario, 400 ms a request on 100,000 names). With the pattern in
 * the text each search is planned for its pattern and reads the trigram
 * index. Safe because the literal is built here, not by the client: an
 * E'' string with backslashes and quotes doubled, the LIKE wildcards and
 * the escape character of the input escaped.
 */
export function likeLiteral(input: string, prefix: boolean): SQL {
  const pattern = `${prefix ? "" : "%"}${input.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return rawLiteral(`E'${pattern.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`);
}

function trigramApply(prefix: boolean) {
  return (
    $where: { alias: SQL; extensions?: { pgFilterAttribute?: { attributeName: string } }; where(fragment: SQL): void },
    value: unknown,
  ) => {
    if (value === undefined) return;
    if (typeof value !== "string") throw Object.assign(new Error("Null literals are forbidden in filter argument input."), {});
    const attributeName = $where.extensions?.pgFilterAttribute?.attributeName;
    if (!attributeName) throw new Error("Planning error: a trigram operator outside an attribute filter");
    $where.where(sql`${$where.alias}.${sql.identifier(attributeName)} ILIKE ${likeLiteral(value, prefix)}`);
  };
}

/**
 * Case-insensitive substring and prefix matching where a trigram index
 * answers it: string columns that lead a GIN index get the operator type
 * SearchableStringFilter (StringFilter plus includesInsensitive and
 * startsWithInsensitive); StringFilter itself, used by every other string
 * column, has neither.
 */
export const TrigramSearchPlugin: GraphileConfig.Plugin = {
  name: "NexusTrigramSearchPlugin",
  version: "1.0.0",
  after: ["PgConnectionArgFilterPlugin", "PgConnectionArgFilterOperatorsPlugin", "PgConnectionArgFilterAttributesPlugin"],
  schema: {
    hooks: {
      init(_, build) {
        const { TYPES } = build.dataplanPg;
        build.registerInputObjectType(
          SEARCHABLE_STRING_FILTER,
          {
            pgConnectionFilterOperators: {
              isList: false,
              pgCodecs: [TYPES.text, TYPES.varchar],
              inputTypeName: "String",
              rangeElementInputTypeName: null,
              domainBaseTypeName: null,
            },
            nexusSearchable: true,
          } as never,
          () => ({
            description:
              "A filter on a String field with a trigram index: StringFilter's operators plus case-insensitive substring and prefix matching.",
          }),
          "NexusTrigramSearchPlugin",
        );
        return _;
      },
      GraphQLInputObjectType_fields(fields, build, context) {
        const scope = context.scope as typeof context.scope & {
          nexusSearchable?: boolean;
          pgCodec?: PgCodecWithAttributes;
          isPgConnectionFilter?: boolean;
        };
        if ((scope as { pgConnectionFilterOperators?: unknown }).pgConnectionFilterOperators && !scope.nexusSearchable) {
          // Every other operator type: no pattern matching, which no btree answers.
          return Object.fromEntries(Object.entries(fields).filter(([name]) => !(TRIGRAM_OPERATORS as readonly string[]).includes(name)));
        }
        if (scope.nexusSearchable) {
          const out = { ...fields };
          for (const name of TRIGRAM_OPERATORS) {
            const field = out[name];
            if (field) out[name] = { ...field, apply: trigramApply(name === "startsWithInsensitive") } as typeof field;
          }
          return out;
        }
        if (!scope.isPgConnectionFilter || !scope.pgCodec?.attributes) return fields;
        const codec = scope.pgCodec;
        const { TYPES } = build.dataplanPg;
        const searchable = build.getTypeByName(SEARCHABLE_STRING_FILTER);
        if (!searchable) return fields;
        const out = { ...fields };
        for (const [attributeName, attribute] of Object.entries(codec.attributes)) {
          if (!extensionsOf(codec, attributeName).nexusSearchable || !isTextCodec(attribute.codec, [TYPES.text, TYPES.varchar])) continue;
          const fieldName = build.inflection.attribute({ codec, attributeName });
          const field = out[fieldName];
          if (field) out[fieldName] = { ...field, type: searchable as never };
        }
        return out;
      },
    },
  },
};

/**
 * groupedAggregates by dates truncated to week and month besides
 * pg-aggregates' hour and day (payments per month). `date` columns get them
 * too.
 */
export const DateGroupingPlugin: GraphileConfig.Plugin = {
  name: "NexusDateGroupingPlugin",
  version: "1.0.0",
  after: ["PgAggregatesSpecsPlugin", "AggregateSpecsPlugin"],
  schema: {
    hooks: {
      build(build) {
        const { TYPES } = build.dataplanPg!;
        const specs = (build as unknown as { pgAggregateGroupBySpecs?: Array<Record<string, unknown>> }).pgAggregateGroupBySpecs;
        if (!specs) return build;
        const isDateLike = (codec: PgCodec) => codec === TYPES.timestamp || codec === TYPES.timestamptz || codec === TYPES.date;
        for (const unit of ["week", "month"] as const) {
          specs.push({
            id: `truncated-to-${unit}`,
            isSuitableType: isDateLike,
            // date_trunc of a date answers a timestamp; keep the column's type.
            sqlWrap: (fragment: SQL) => sql`date_trunc(${sql.literal(unit)}, ${fragment})`,
            sqlWrapCodec: (codec: PgCodec) => (codec === TYPES.date ? TYPES.timestamp : codec),
          });
        }
        return build;
      },
    },
  },
};

/**
 * postgraphile-plugin-connection-filter on the line above: comparison and
 * membership operators on every scalar column, trigram text operators where
 * an index answers them, across relations, with and/or/not; no filtering by
 * computed columns, set-returning functions or arrays.
 */
export const NexusFilterPreset: GraphileConfig.Preset = {
  extends: [PostGraphileConnectionFilterPreset],
  plugins: [IndexedColumnsPlugin, TrigramSearchPlugin, DateGroupingPlugin],
  schema: {
    connectionFilterRelations: true,
    connectionFilterLogicalOperators: true,
    connectionFilterComputedColumns: false,
    connectionFilterSetofFunctions: false,
    connectionFilterArrays: false,
    connectionFilterAllowedOperators: [
      "isNull",
      "equalTo",
      "notEqualTo",
      "distinctFrom",
      "notDistinctFrom",
      "lessThan",
      "lessThanOrEqualTo",
      "greaterThan",
      "greaterThanOrEqualTo",
      "in",
      "notIn",
      ...TRIGRAM_OPERATORS,
    ],
  },
};
