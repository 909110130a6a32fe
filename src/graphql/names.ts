import "postgraphile";

/**
 * GraphQL names carry no schema prefix (`students`, not `campusStudents`):
 * table and type names are unique across the exposed schemas
 * (DATA-MODEL.md, rule 3), so the schema adds nothing but noise.
 */
export const UnprefixedNamesPlugin: GraphileConfig.Plugin = {
  name: "NexusUnprefixedNamesPlugin",
  version: "1.0.0",
  inflection: {
    replace: {
      _schemaPrefix(_previous, _preset, { serviceName }) {
        return serviceName === "main" ? "" : `${serviceName}_`;
      },
    },
  },
};
