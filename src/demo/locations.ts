import type pg from "pg";

import { asTenantAdmin, type DemoTenant } from "./tenant";

/** Location types and one building: Main Building > Ground/First Floor > rooms. */
export async function loadLocationsDemo(pool: pg.Pool, tenant: DemoTenant): Promise<void> {
  await asTenantAdmin(pool, tenant, async (client) => {
    const types: Record<string, string> = {};
    for (const name of ["Building", "Floor", "Room"]) {
      const { rows } = await client.query("insert into locations.location_types (name) values ($1) returning id", [name]);
      types[name] = rows[0].id;
    }
    const place = async (name: string, type: string, parentId: string | null): Promise<string> => {
      const { rows } = await client.query("insert into locations.locations (name, type_id, parent_id) values ($1, $2, $3) returning id", [
        name,
        types[type],
        parentId,
      ]);
      return rows[0].id;
    };
    const building = await place("Main Building", "Building", null);
    const ground = await place("Ground Floor", "Floor", building);
    const first = await place("First Floor", "Floor", building);
    await place("Reception", "Room", ground);
    await place("Server Room", "Room", ground);
    await place("Room 101", "Room", first);
    await place("Room 102", "Room", first);
  });
}
