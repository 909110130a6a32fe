import "postgraphile";

/**
 * PostGraphile prefixes the names of every exposed schema but the first
 * (`opsApiEndpoints`, `AiAiModel`). Table names are unique across all
 * exposed schemas (docs/data-model.md, rule 3), so the prefix only adds noise:
 * drop it, and a clash stays a schema-build error rather than a rename.
 */
export const SchemaNamesPlugin: GraphileConfig.Plugin = {
  name: "NexusSchemaNamesPlugin",
  version: "1.0.0",
  inflection: {
    replace: {
      _schemaPrefix(_previous, _options, { serviceName }) {
        return serviceName === "main" ? "" : `${serviceName}_`;
      },
    },
  },
};
