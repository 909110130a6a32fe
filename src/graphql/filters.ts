import "postgraphile";
import { PostGraphileConnectionFilterPreset } from "postgraphile-plugin-connection-filter";

/** The tenant key: every tenant query carries `tenant_id = <claim>` through RLS. */
const RLS_PINNED_COLUMN = "tenant_id";

/**
 * Filtering and ordering only where an index answers them, for every table
 * present and future, without per-table work.
 *
 * A column is cheap when it is the first key of some index, or the first
 * key after `tenant_id`: RLS adds `tenant_id = <the caller's tenant>` to
 * every query, so an index `(tenant_id, user_id)` serves `user_id = $1` as
 * well as one on `user_id` alone. Anything else — a column deeper in an
 * index, one only inside an expression index (`lower(email)`), one only in
 * a partial index, and primary keys, enums and booleans without an index
 * of their own — could force a scan of the whole tenant, so it gets no
 * `filter`/`condition` field and no `orderBy` value. A smart tag
 * `@isIndexed` on a column opts it back in (when a table is known small).
 *
 * graphile-build-pg's PgIndexBehaviorsPlugin turns `extensions.isIndexed ===
 * false` into `-filterBy -orderBy`; it accepts any index position (PostgreSQL
 * 18's skip scan), which is too generous for large tables, so this decides
 * first and it keeps what we decided.
 */
export const IndexedColumnsPlugin: GraphileConfig.Plugin = {
  name: "NexusIndexedColumnsPlugin",
  version: "1.0.0",
  before: ["PgIndexBehaviorsPlugin"],
  gather: {
    hooks: {
      pgCodecs_attribute(_info, event) {
        const { attribute, pgAttribute } = event;
        const table = pgAttribute.getClass();
        if (!table || !["r", "p", "m", "f"].includes(table.relkind)) return;
        const leads = table.getIndexes().some((index) => {
          if (index.indpred) return false;
          const [first, second] = index.getKeys();
          return first?.attname === pgAttribute.attname || (first?.attname === RLS_PINNED_COLUMN && second?.attname === pgAttribute.attname);
        });
        attribute.extensions ??= Object.create(null);
        attribute.extensions!.isIndexed = leads;
      },
    },
  },
  schema: {
    entityBehavior: {
      pgCodecRelation: {
        inferred: {
          after: ["inferred", "postInferred"],
          provides: ["nexusIndexedRelations"],
          callback(behavior, relation) {
            // A relation PostgreSQL cannot follow by an index is hidden by
            // PgIndexBehaviorsPlugin; filtering across it would be a scan too.
            return relation.extensions?.isIndexed === false && !relation.extensions.tags?.isIndexed ? [behavior, "-filterBy"] : behavior;
          },
        },
      },
    },
  },
};

/**
 * postgraphile-plugin-connection-filter, limited to what an index serves:
 * comparison and membership operators (no pattern matching, which a btree
 * cannot answer), across relations, with and/or/not; no filtering by
 * computed columns, set-returning functions or arrays.
 */
export const NexusFilterPreset: GraphileConfig.Preset = {
  extends: [PostGraphileConnectionFilterPreset],
  plugins: [IndexedColumnsPlugin],
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
    ],
  },
};
