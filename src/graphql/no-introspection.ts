import { NoSchemaIntrospectionCustomRule } from "postgraphile/graphql";

/** Refuses `__schema` / `__type` queries: production does not publish its schema. */
export const NoIntrospectionPlugin: GraphileConfig.Plugin = {
  name: "NexusNoIntrospectionPlugin",
  version: "1.0.0",
  grafserv: {
    middleware: {
      setPreset(next, event) {
        event.validationRules.push(NoSchemaIntrospectionCustomRule);
        return next();
      },
    },
  },
};
