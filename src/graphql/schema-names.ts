import "postgraphile";

/**
 * PostGraphile prefixes the names of every exposed schema but the first
 * (`opsApiEndpoints`, `AiAiModel`). Table names are unique across all
 * exposed schemas (docs/data-model.md, rule 3), so the prefix only adds noise:
 * drop it, and a clash stays a schema-build error rather than a rename.
 * Enum values follow GraphQL's UPPER_CASE convention.
 */
export const SchemaNamesPlugin: GraphileConfig.Plugin = {
  name: "NexusSchemaNamesPlugin",
  version: "1.0.0",
  inflection: {
    replace: {
      _schemaPrefix(_previous, _options, { serviceName }) {
        return serviceName === "main" ? "" : `${serviceName}_`;
      },
      // GraphQL enum values are UPPER_CASE by convention (`IN_PROGRESS`);
      // the SQL values stay lowercase (`in_progress`), and PostGraphile maps
      // one to the other.
      enumValue(previous, _options, value, codec) {
        return previous!.call(this, value, codec).toUpperCase();
      },
    },
  },
};
