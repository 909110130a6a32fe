import type pg from "pg";

import { asTenantAdmin, type DemoTenant } from "./tenant";

/** A small inventory: two manufacturers, three types, five models, ten assets, their holders, and one open repair. */
export async function loadAssetsDemo(pool: pg.Pool, tenant: DemoTenant): Promise<void> {
  await asTenantAdmin(pool, tenant, async (client) => {
    const one = async (sql: string, params: unknown[]): Promise<string> => (await client.query(sql, params)).rows[0].id;
    const lenovo = await one("insert into assets.asset_manufacturers (name) values ('Lenovo') returning id", []);
    const epson = await one("insert into assets.asset_manufacturers (name) values ('Epson') returning id", []);
    const laptop = await one(
      "insert into assets.asset_types (name, end_of_support_label) values ('Laptop', 'End of warranty') returning id",
      [],
    );
    const projector = await one(
      "insert into assets.asset_types (name, end_of_support_label) values ('Projector', 'End of support') returning id",
      [],
    );
    const cable = await one("insert into assets.asset_types (name) values ('Cable') returning id", []);
    const model = (name: string, manufacturer: string, type: string, tracking: string, endOfSupport: string | null) =>
      one(
        "insert into assets.asset_models (name, manufacturer_id, asset_type_id, tracking_type, end_of_support) values ($1, $2, $3, $4, $5) returning id",
        [name, manufacturer, type, tracking, endOfSupport],
      );
    const thinkpad = await model("ThinkPad T14", lenovo, laptop, "serialized", "2029-12-31");
    const ideapad = await model("IdeaPad 5", lenovo, laptop, "serialized", "2028-06-30");
    const ebw = await model("EB-W51", epson, projector, "serialized", "2030-01-31");
    const hdmi = await model("HDMI cable 2 m", lenovo, cable, "countable", null);
    const usbc = await model("USB-C adapter", lenovo, cable, "countable", null);

    const persons: string[] = (await client.query("select id from census.persons order by created_at, id")).rows.map((r) => r.id);
    const room = async (name: string): Promise<string> => one("select id from locations.locations where name = $1", [name]);
    const room101 = await room("Room 101");
    const room102 = await room("Room 102");
    const serverRoom = await room("Server Room");

    const prefix = tenant.name.slice(0, 3).toUpperCase();
    const asset = (name: string, modelId: string, serial: string | null, quantity = 1) =>
      one("insert into assets.assets (name, model_id, serial_number, quantity) values ($1, $2, $3, $4) returning id", [
        name,
        modelId,
        serial,
        quantity,
      ]);
    const assign = (assetId: string, holder: { person?: string; location?: string }, start: string) =>
      client.query("insert into assets.asset_assignments (asset_id, person_id, location_id, start_date) values ($1, $2, $3, $4)", [
        assetId,
        holder.person ?? null,
        holder.location ?? null,
        start,
      ]);

    for (let i = 0; i < 4; i++) {
      const id = await asset(`Laptop ${prefix}-${String(i + 1).padStart(3, "0")}`, i < 3 ? thinkpad : ideapad, `${prefix}-LT-${1000 + i}`);
      const person = persons[i % Math.max(persons.length, 1)];
      if (person) await assign(id, { person }, "2026-09-01");
    }
    const projectors: string[] = [];
    for (let i = 0; i < 3; i++) {
      const id = await asset(`Projector ${i + 1}`, ebw, `${prefix}-PJ-${2000 + i}`);
      projectors.push(id);
      await assign(id, { location: i === 0 ? room101 : room102 }, "2026-08-20");
    }
    const hdmiStock = await asset("HDMI cables", hdmi, null, 25);
    await assign(hdmiStock, { location: serverRoom }, "2026-08-01");
    const usbcStock = await asset("USB-C adapters", usbc, null, 12);
    await assign(usbcStock, { location: serverRoom }, "2026-08-01");
    const spare = await asset("Spare laptop", ideapad, `${prefix}-LT-1999`);

    await client.query(
      "insert into assets.asset_circulations (asset_id, circulation_type, location_id, notes) values ($1, 'received_at_location', $2, 'Delivered by the supplier')",
      [spare, serverRoom],
    );
    await client.query(
      "insert into assets.asset_repairs (asset_id, title, description, location_id, priority) values ($1, 'Lamp flickers', 'The image flickers after ten minutes.', $2, 'high')",
      [projectors[0], room101],
    );
  });
}
