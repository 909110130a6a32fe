import "postgraphile";

const HIDDEN_BY_RLS =
  "May be null although the key is set: the related row is read through its own row level security, which can hide it from you.";

/**
 * Where non-null is right, and where it is not. Columns keep PostgreSQL's
 * `not null`: every reader of a row sees its value. A to-one relation over
 * a `not null` key stays nullable, because the related row is read through
 * its own table's policies and may be hidden from this reader; its
 * description says so, so no client reads the null as a bug. Relations
 * over a nullable key are null when the key is, which needs no note.
 */
export const RelationNullabilityPlugin: GraphileConfig.Plugin = {
  name: "NexusRelationNullabilityPlugin",
  version: "1.0.0",
  schema: {
    hooks: {
      GraphQLObjectType_fields_field(field, _build, { scope }) {
        if (!scope.isPgSingleRelationField || !scope.pgRelationDetails) return field;
        const { registry, codec, relationName } = scope.pgRelationDetails;
        const relation = registry.pgRelations[codec.name]?.[relationName] as
          { isReferencee?: boolean; localAttributes: readonly string[] } | undefined;
        if (!relation || relation.isReferencee) return field;
        if (!relation.localAttributes.every((name) => codec.attributes[name]?.notNull)) return field;
        return { ...field, description: field.description ? `${field.description}\n\n${HIDDEN_BY_RLS}` : HIDDEN_BY_RLS };
      },
    },
  },
};
