import { type GraphQLSchema, parse, validate } from "postgraphile/graphql";

import { buildLiveSchema } from "../src/graphql/contract";
import { EXAMPLE_OPERATIONS } from "../src/graphql/examples";
import { testConfig } from "./support/gateway";

/** GraphiQL's saved examples are valid operations of the schema the gateway builds. */
describe("GraphiQL example operations", () => {
  let schema: GraphQLSchema;

  beforeAll(async () => {
    schema = await buildLiveSchema(testConfig(), process.env.NEXUS_TEST_AUTHENTICATOR_URL!);
  });

  test("every module has at least one example", () => {
    const modules = new Set(EXAMPLE_OPERATIONS.map((e) => e.module));
    for (const module of [
      "platform",
      "census",
      "assets",
      "locations",
      "ITSM",
      "campus",
      "academics",
      "attendance",
      "billing",
      "messaging",
      "content",
    ]) {
      expect(modules).toContain(module);
    }
  });

  test.each(EXAMPLE_OPERATIONS.map((e) => [`${e.module}: ${e.title}`, e] as const))("%s validates against the schema", (_name, example) => {
    const errors = validate(schema, parse(example.query)).map((e) => e.message);
    expect(errors).toEqual([]);
  });
});
