import "postgraphile";

import { GraphQLError, Kind, type ValueNode } from "postgraphile/graphql";

interface Format {
  valid(value: string): boolean;
  expected: string;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})/;

/** A calendar date that exists (2025-02-30 does not), read from the start of the value. */
function realDate(value: string): boolean {
  const match = DAY.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * The string scalars PostgreSQL would otherwise refuse with its own text
 * ("invalid input syntax for type date"), which names neither the field nor
 * the format. Checked when GraphQL coerces the value, so the error says
 * which variable and path was wrong (`Variable "$patch" got invalid value
 * "2025-13-01" at "patch.startDate"; …`) and what is expected. The checks
 * accept what the gateway itself sends back (ISO 8601); PostgreSQL still
 * has the last word on values these let through.
 */
const FORMATS: Record<string, Format> = {
  Date: { valid: (v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && realDate(v), expected: "a date as YYYY-MM-DD, e.g. 2025-09-01" },
  Datetime: {
    valid: (v) =>
      /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?\s?(Z|[+-]\d{2}(:?\d{2})?)?$/i.test(v) &&
      realDate(v) &&
      !Number.isNaN(Date.parse(v.replace(" ", "T"))),
    expected: "an ISO 8601 timestamp, e.g. 2025-09-01T08:30:00Z",
  },
  Time: { valid: (v) => /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?$/.test(v), expected: "a time as hh:mm or hh:mm:ss, e.g. 08:30" },
  UUID: {
    valid: (v) => /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i.test(v),
    expected: "a UUID, e.g. 3f2b8c1e-4d5a-4b6c-9e7f-0a1b2c3d4e5f",
  },
  BigInt: { valid: (v) => /^-?\d+$/.test(v), expected: 'an integer as a string, e.g. "42"' },
  BigFloat: { valid: (v) => /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(v), expected: 'a decimal number as a string, e.g. "12.50"' },
};

function refuse(type: string, format: Format, value: unknown): never {
  throw new GraphQLError(`${JSON.stringify(value)} is not a valid ${type}: expected ${format.expected}.`, {
    extensions: { code: "INVALID_INPUT" },
  });
}

export const ScalarInputPlugin: GraphileConfig.Plugin = {
  name: "NexusScalarInputPlugin",
  version: "1.0.0",
  schema: {
    hooks: {
      GraphQLScalarType(config) {
        const format = FORMATS[config.name];
        if (!format) return config;
        const { parseValue, parseLiteral } = config;
        const check = (value: unknown) => {
          // BigInt and BigFloat also arrive as JSON numbers; those are left to the scalar's own parsing.
          if (typeof value === "string" && !format.valid(value)) refuse(config.name, format, value);
          if (typeof value !== "string" && typeof value !== "number") refuse(config.name, format, value);
        };
        return {
          ...config,
          parseValue(value: unknown) {
            check(value);
            return parseValue ? parseValue(value) : value;
          },
          parseLiteral(ast: ValueNode, variables?: Record<string, unknown> | null) {
            if (ast.kind === Kind.STRING) check(ast.value);
            else if (ast.kind !== Kind.INT && ast.kind !== Kind.FLOAT && ast.kind !== Kind.VARIABLE) refuse(config.name, format, ast.kind);
            return parseLiteral ? parseLiteral(ast, variables) : ast.kind === Kind.STRING ? ast.value : undefined;
          },
        } as typeof config;
      },
    },
  },
};
