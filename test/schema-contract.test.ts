import fs from "node:fs";
import path from "node:path";

import { breakingChanges, buildLiveSchema, printSortedSchema, SCHEMA_FILE } from "../src/graphql/contract";
import { testConfig } from "./support/gateway";

/**
 * schema.graphql is the contract SDKs are generated from: it must be the
 * live schema, printed sorted, and `npm run schema:check` must tell
 * breaking changes from additions.
 */
describe("the schema contract", () => {
  const committedPath = path.join(__dirname, "..", SCHEMA_FILE);
  let live: string;

  beforeAll(async () => {
    live = printSortedSchema(await buildLiveSchema(testConfig(), process.env.NEXUS_TEST_AUTHENTICATOR_URL!));
  });

  test("the committed schema.graphql is the live schema (run npm run schema:export when this fails)", () => {
    expect(fs.readFileSync(committedPath, "utf8")).toBe(live);
  });

  test("no name carries the tenant column: relations and lookups are named by their other key columns", () => {
    expect(live.match(/\w*TenantIdAnd\w*/g) ?? []).toEqual([]);
  });

  test("additions are not breaking", async () => {
    const added = live.replace("type Query {", "type Query {\n  somethingNew: String\n");
    expect(await breakingChanges(live, added)).toEqual([]);
  });

  test("a removed field and a narrowed argument are breaking, and are listed", async () => {
    const changed = live
      .replace("  viewerPermissions: [String]\n", "  viewerPermissionNames: [String]\n")
      .replace(/(\n {2}users\([\s\S]*?\n {4}first: )Int\n/, "$1Int!\n");
    const breaking = await breakingChanges(live, changed);
    expect(breaking.map((c) => c.message).join("\n")).toMatch(/viewerPermissions/);
    expect(breaking.map((c) => c.message).join("\n")).toMatch(/first/);
  });
});
