import pg from "pg";

import { loadAssetsDemo } from "../src/demo/assets";
import { loadCensusDemo } from "../src/demo/census";
import { loadItsmDemo } from "../src/demo/itsm";
import { loadLocationsDemo } from "../src/demo/locations";
import type { DemoTenant } from "../src/demo/tenant";
import { createTenant, signIn } from "./support/fixtures";
import { startTestGateway } from "./support/gateway";

describe("domain demo data", () => {
  test("the census, locations, assets and ITSM loaders fill a fresh tenant that its user then sees", async () => {
    const fixture = await createTenant("DomainDemo", 1);
    const tenant: DemoTenant = {
      name: fixture.name,
      tenantId: fixture.tenantId,
      adminUserId: fixture.admin.userId,
      userId: fixture.users[0]!.userId,
    };
    const pool = new pg.Pool({ connectionString: process.env.NEXUS_TEST_AUTHENTICATOR_URL, max: 2 });
    try {
      for (const load of [loadCensusDemo, loadLocationsDemo, loadAssetsDemo, loadItsmDemo]) await load(pool, tenant);
    } finally {
      await pool.end();
    }
    const gateway = await startTestGateway();
    try {
      const token = (await signIn(gateway, fixture.users[0]!.email)).accessToken;
      const { body } = await gateway.graphql(
        `{ people { totalCount nodes { currentIdentity { lastName } } }
           schools { nodes { name schoolCalendars { nodes { schoolYear { name } schoolEnrollments { totalCount } } } } }
           locations(condition: { parentId: null }) { nodes { name children { totalCount } } }
           assetManufacturers { totalCount } assetTypes { totalCount } assets { totalCount }
           assetAssignments { totalCount }
           assetRepairs { nodes { title asset { model { manufacturer { name } } } } }
           projects { nodes { key issues { totalCount } } }
           configurationItemRelationships { nodes { relationshipType source { name } target { name } } } }`,
        { token },
      );
      expect(body.errors).toBeUndefined();
      const data = body.data;
      expect(data.people.totalCount).toBe(4);
      expect(data.people.nodes.every((p: { currentIdentity: unknown }) => p.currentIdentity !== null)).toBe(true);
      expect(data.schools.nodes[0].schoolCalendars.nodes[0]).toEqual({
        schoolYear: { name: "2026/27" },
        schoolEnrollments: { totalCount: 2 },
      });
      expect(data.locations.nodes).toEqual([{ name: "Main Building", children: { totalCount: 2 } }]);
      expect(data.assetManufacturers.totalCount).toBe(2);
      expect(data.assetTypes.totalCount).toBe(3);
      expect(data.assets.totalCount).toBe(10);
      expect(data.assetAssignments.totalCount).toBe(9);
      expect(data.assetRepairs.nodes).toEqual([{ title: "Lamp flickers", asset: { model: { manufacturer: { name: "Epson" } } } }]);
      expect(data.projects.nodes[0].key).toBe("OPS");
      expect(data.projects.nodes[0].issues.totalCount).toBe(4);
      expect(data.configurationItemRelationships.nodes).toContainEqual({
        relationshipType: "RUNS_ON",
        source: { name: "Website" },
        target: { name: "web-01" },
      });
    } finally {
      await gateway.close();
    }
  });
});
