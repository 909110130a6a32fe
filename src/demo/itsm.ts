import type pg from "pg";

import { asTenantAdmin, type DemoTenant } from "./tenant";

/** An operations project with a few issues, and a web service that runs on a server in the server room. */
export async function loadItsmDemo(pool: pg.Pool, tenant: DemoTenant): Promise<void> {
  await asTenantAdmin(pool, tenant, async (client) => {
    const one = async (sql: string, params: unknown[]): Promise<string> => (await client.query(sql, params)).rows[0].id;
    const project = await one(
      "insert into public.projects (key, name, description) values ('OPS', 'IT Operations', 'Incidents and requests of the IT team.') returning id",
      [],
    );
    const issues: Array<[string, string, string, string | null, string | null]> = [
      ["Projector in Room 101 flickers", "in_progress", "high", tenant.userId, "2026-12-01"],
      ["New laptop for the new teacher", "open", "normal", null, "2026-12-15"],
      ["Renew the TLS certificate of the website", "open", "critical", tenant.adminUserId, "2026-11-30"],
      ["Replace HDMI cables in Room 102", "resolved", "low", tenant.userId, null],
    ];
    for (const [title, status, priority, assignee, due] of issues) {
      await client.query(
        "insert into public.issues (project_id, title, status, priority, assignee_id, due_date) values ($1, $2, $3, $4, $5, $6)",
        [project, title, status, priority, assignee, due],
      );
    }
    const serverRoom = (await client.query("select id from locations.locations where name = 'Server Room'")).rows[0]?.id ?? null;
    const spare = (await client.query("select id from assets.assets where name = 'Spare laptop'")).rows[0]?.id ?? null;
    const server = await one(
      "insert into public.configuration_items (name, item_type, description, asset_id, location_id) values ('web-01', 'server', 'Web server', $1, $2) returning id",
      [spare, serverRoom],
    );
    const website = await one(
      "insert into public.configuration_items (name, item_type, description) values ('Website', 'service', 'The public website.') returning id",
      [],
    );
    const database = await one(
      "insert into public.configuration_items (name, item_type, status, location_id) values ('db-01', 'database', 'active', $1) returning id",
      [serverRoom],
    );
    await client.query(
      "insert into public.configuration_item_relationships (source_id, target_id, relationship_type) values ($1, $2, 'runs_on')",
      [website, server],
    );
    await client.query(
      "insert into public.configuration_item_relationships (source_id, target_id, relationship_type) values ($1, $2, 'depends_on')",
      [website, database],
    );
  });
}
