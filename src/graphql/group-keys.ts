import "postgraphile";

import type { PgCodec } from "postgraphile/@dataplan/pg";
import { lambda, type Step } from "postgraphile/grafast";

interface GroupDetails {
  indicies: ReadonlyArray<{ index: number; codec: PgCodec }>;
}

/**
 * `groupedAggregates { keys }` in the spelling the rest of the schema uses.
 * The keys are PostgreSQL's text for each group (`active`), but a client
 * filters, orders and compares by the GraphQL enum value (`ACTIVE`): a key
 * of an enum column comes back as that value, so `keys[0]` can be passed
 * straight back as a filter. Other keys (text, ids, truncated dates,
 * booleans) are PostgreSQL's text, as before.
 */
export const GroupKeysPlugin: GraphileConfig.Plugin = {
  name: "NexusGroupKeysPlugin",
  version: "1.0.0",
  after: ["PgAggregatesAddAggregateTypesPlugin"],
  schema: {
    hooks: {
      GraphQLObjectType_fields_field(field, build, { scope }) {
        const container = scope as { isPgAggregateContainerType?: boolean; fieldName?: string };
        if (!container.isPgAggregateContainerType || container.fieldName !== "keys" || !field.plan) return field;
        const { inflection } = build;
        /** Per enum codec, PostgreSQL's label to the GraphQL value's name (built once per codec). */
        const names = new Map<PgCodec, Map<string, string>>();
        const nameOf = (codec: PgCodec, key: string | null) => {
          const values = (codec as { values?: ReadonlyArray<{ value: string }> }).values;
          if (key == null || !values) return key;
          let byLabel = names.get(codec);
          if (!byLabel) names.set(codec, (byLabel = new Map(values.map((v) => [v.value, inflection.enumValue(v.value, codec as never)]))));
          return byLabel.get(key) ?? key;
        };
        const plan = field.plan as (...args: any[]) => Step;
        return {
          ...field,
          plan($single: any, ...rest: any[]) {
            const $keys = plan($single, ...rest);
            const $details = $single.getClassStep().getGroupDetails() as Step<GroupDetails | undefined>;
            return lambda([$keys, $details], ([keys, details]: readonly [Array<string | null> | null, GroupDetails | undefined]) =>
              keys && details ? keys.map((key, i) => nameOf(details.indicies[i]!.codec, key)) : keys,
            );
          },
        } as typeof field;
      },
    },
  },
};
