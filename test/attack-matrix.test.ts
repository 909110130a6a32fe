import { randomUUID } from "node:crypto";

import { DEMO_PASSWORD } from "../src/demo";
import { ensureDemoData } from "./support/demo";
import { withAdmin } from "./support/fixtures";
import { startTestGateway, type TestGateway } from "./support/gateway";

/**
 * The tenant-isolation proof, generated: every GraphQL type backed by a
 * tenant table (a type with `rowId` and `tenantId`) is attacked by users of
 * the demo tenant Acme against the rows of the demo tenant Globex, through
 * the same HTTP surface clients use. A table added next year is covered the
 * day it appears in the schema; the test fails if the schema and the
 * catalog disagree on how many tenant tables there are, or if a table has
 * no demo rows to attack.
 */

interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}
interface Field {
  name: string;
  args: Array<{ name: string; type: TypeRef }>;
  type: TypeRef;
}
interface SchemaType {
  name: string;
  kind: string;
  fields: Field[] | null;
  inputFields: Array<{ name: string; type: TypeRef }> | null;
}

const INTROSPECTION = `{ __schema { types { name kind
  fields { name args { name type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }
           type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }
  inputFields { name type { kind name ofType { kind name ofType { kind name } } } } } } }`;

const named = (type: TypeRef): string => (type.name ? type.name : named(type.ofType!));
const isList = (type: TypeRef): boolean => type.kind === "LIST" || (type.ofType !== null && isList(type.ofType));

interface TenantType {
  type: string;
  list: string;
  single: string | null;
  create: string | null;
  update: string | null;
  remove: string | null;
  /** Relations to other tenant types: to-one (`{ x { tenantId } }`) or to-many (`{ x { nodes { tenantId } } }`). */
  relations: Array<{ field: string; many: boolean }>;
  /** Patch fields: the first plain scalar to write, and the uuid fields that reference other rows. */
  scalarPatch: { field: string; type: string } | null;
  referencePatch: string[];
  createTakesTenantId: boolean;
  patchTakesTenantId: boolean;
}

/** Tables whose rows a user may change when the row is their own (their profile, their preferences): no one permission gates them. */
const OWN_ROW_TABLES = ["Profile", "User", "UserPreference"];

const codesOf = (answer: { errors?: Array<{ extensions?: { code?: string } }> }) =>
  (answer.errors ?? []).map((e) => e.extensions?.code ?? null);

/** Tables listed per GraphQL document when reading every table's rows: under the gateway's alias limit (NEXUS_MAX_ALIASES, 30). */
const TABLES_PER_DOCUMENT = 25;

type Row = { rowId: string; tenantId: string; id: string };

const operations = new Map<string, number>();
const count = (operation: string) => operations.set(operation, (operations.get(operation) ?? 0) + 1);

describe("generated tenant-isolation attack matrix", () => {
  let gateway: TestGateway;
  let types: TenantType[] = [];
  const tokens: Record<string, string> = {};
  let acmeId: string;
  /**
   * Each table's rows as both admins saw them before any test, read in a
   * few documents rather than one request per table: the tests that need the
   * rows to attack start from these. A test that checks rows are unchanged
   * reads them again.
   */
  const initial: Record<"acme" | "globex", Map<string, Row[]>> = { acme: new Map(), globex: new Map() };

  const as = (who: string) => ({ token: tokens[who]! });
  const q = async (who: string, query: string, variables?: Record<string, unknown>) =>
    (await gateway.graphql(query, { ...as(who), ...(variables ? { variables } : {}) })).body;

  beforeAll(async () => {
    gateway = await startTestGateway();
    acmeId = (await ensureDemoData()).Acme!;
    for (const who of ["admin@acme.test", "user@acme.test", "viewer@acme.test", "admin@globex.test"]) {
      const { body } = await gateway.post("/auth/login", { email: who, password: DEMO_PASSWORD });
      tokens[who] = body.accessToken;
    }

    const schema = (await gateway.graphql(INTROSPECTION)).body.data.__schema.types as SchemaType[];
    const byName = new Map(schema.map((t) => [t.name, t]));
    const query = byName.get("Query")!.fields!;
    const mutation = byName.get("Mutation")?.fields ?? [];
    const isTenantType = (name: string) => {
      const t = byName.get(name);
      return t?.kind === "OBJECT" && !!t.fields?.some((f) => f.name === "tenantId") && !!t.fields?.some((f) => f.name === "rowId");
    };
    const connectionOf = (name: string) => {
      const t = byName.get(name);
      if (t?.kind !== "OBJECT" || !name.endsWith("Connection")) return null;
      const nodes = t.fields?.find((f) => f.name === "nodes");
      return nodes ? named(nodes.type) : null;
    };
    for (const t of schema) {
      if (!isTenantType(t.name) || /(Connection|Edge|Payload)$/.test(t.name)) continue;
      // The table's own list, not a search function over it (searchIssues(query:)).
      const list = query.find(
        (f) => connectionOf(named(f.type)) === t.name && f.args.every((a) => a.type.kind !== "NON_NULL" && a.name !== "query"),
      );
      if (!list) continue;
      const single = query.find((f) => named(f.type) === t.name && f.args.length === 1 && f.args[0]!.name === "rowId");
      const mutationNamed = (prefix: string) => mutation.find((f) => f.name === `${prefix}${t.name}`)?.name ?? null;
      const patch = byName.get(`${t.name}Patch`)?.inputFields ?? [];
      const input = byName.get(`${t.name}Input`)?.inputFields ?? [];
      const scalar = patch.find((f) => ["String", "Boolean"].includes(named(f.type)) && !isList(f.type));
      types.push({
        type: t.name,
        list: list.name,
        single: single?.name ?? null,
        create: mutationNamed("create"),
        update: mutationNamed("update"),
        remove: mutationNamed("delete"),
        relations: (t.fields ?? []).flatMap((f): Array<{ field: string; many: boolean }> => {
          const target = named(f.type);
          if (isTenantType(target)) return [{ field: f.name, many: false }];
          const node = connectionOf(target);
          return node && isTenantType(node) && f.args.every((a) => a.type.kind !== "NON_NULL") ? [{ field: f.name, many: true }] : [];
        }),
        scalarPatch: scalar ? { field: scalar.name, type: named(scalar.type) } : null,
        referencePatch: patch.filter((f) => named(f.type) === "UUID" && /Id$/.test(f.name)).map((f) => f.name),
        createTakesTenantId: input.some((f) => f.name === "tenantId"),
        patchTakesTenantId: patch.some((f) => f.name === "tenantId"),
      });
    }
    types = types.sort((a, b) => a.type.localeCompare(b.type));
    for (const [tenant, who] of [
      ["acme", "admin@acme.test"],
      ["globex", "admin@globex.test"],
    ] as const) {
      for (let i = 0; i < types.length; i += TABLES_PER_DOCUMENT) {
        const group = types.slice(i, i + TABLES_PER_DOCUMENT);
        const body = await q(who, `{ ${group.map((t, j) => `t${j}: ${t.list} { nodes { id rowId tenantId } }`).join(" ")} }`);
        expect(body.errors).toBeUndefined();
        group.forEach((t, j) => initial[tenant].set(t.type, body.data[`t${j}`].nodes));
      }
    }
  }, 240_000);

  afterAll(async () => {
    await gateway.close();
    const total = [...operations.values()].reduce((sum, n) => sum + n, 0);
    const lines = [...operations.entries()].sort().map(([op, n]) => `  ${op.padEnd(34)} ${n}`);
    process.stdout.write(
      `attack matrix: ${types.length} tenant tables × ${operations.size} operations = ${total} attacks\n${lines.join("\n")}\n`,
    );
  });

  const rowsOf = async (who: string, t: TenantType): Promise<Row[]> => {
    const body = await q(who, `{ ${t.list} { nodes { id rowId tenantId } } }`);
    expect(body.errors).toBeUndefined();
    return body.data[t.list].nodes;
  };

  test("the GraphQL schema exposes exactly the tenant tables the catalog has", async () => {
    const catalog = await withAdmin(
      async (client) =>
        (
          await client.query<{ n: number }>(`
          select count(*)::int as n
          from pg_class c join pg_namespace ns on ns.oid = c.relnamespace
          where c.relkind in ('r', 'p')
            and pg_get_userbyid(c.relowner) = 'nexus_owner'
            and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
            and has_any_column_privilege('nexus_user', c.oid, 'SELECT')`)
        ).rows[0]!.n,
    );
    expect(types.length).toBe(catalog);
  });

  test("every tenant table has demo rows in both tenants to attack", async () => {
    const empty: string[] = [];
    for (const t of types) {
      if (initial.acme.get(t.type)!.length === 0 || initial.globex.get(t.type)!.length === 0) empty.push(t.type);
    }
    expect(empty).toEqual([]);
  });

  test("lists, counts and relations of tenant A show nothing of tenant B", async () => {
    for (const t of types) {
      const relations = t.relations
        .map((r) => (r.many ? `${r.field} { totalCount nodes { tenantId } }` : `${r.field} { tenantId }`))
        .join(" ");
      const body = await q("admin@acme.test", `{ ${t.list} { totalCount nodes { tenantId ${relations} } } }`);
      expect(body.errors).toBeUndefined();
      const seen = JSON.stringify(body.data).match(/"tenantId":"[^"]+"/g) ?? [];
      expect(seen.filter((s) => !s.includes(acmeId))).toEqual([]);
      // A page holds at most the default page size; the count covers every row A may see, and only those.
      expect(body.data[t.list].totalCount).toBeGreaterThanOrEqual(body.data[t.list].nodes.length);
      count("list");
      count("totalCount");
      for (const _ of t.relations) count("relation traversal");
    }
  });

  test("B's rows cannot be fetched by rowId or Node id, and the answer is the same as for a missing row", async () => {
    for (const t of types) {
      const theirs = initial.globex.get(t.type)!.slice(0, 3);
      for (const row of theirs) {
        if (t.single) {
          const attack = await q("admin@acme.test", `query($id: UUID!) { ${t.single}(rowId: $id) { rowId } }`, { id: row.rowId });
          const missing = await q("admin@acme.test", `query($id: UUID!) { ${t.single}(rowId: $id) { rowId } }`, { id: randomUUID() });
          expect(attack).toEqual(missing);
          expect(attack.data[t.single]).toBeNull();
          count("lookup by rowId");
        }
        const node = await q("admin@acme.test", "query($id: ID!) { node(id: $id) { id } }", { id: row.id });
        expect(node.data.node).toBeNull();
        count("lookup by Node id");
      }
    }
  });

  test("a filter naming B's rows finds nothing, and aggregates count only A's rows", async () => {
    for (const t of types) {
      for (const row of initial.globex.get(t.type)!.slice(0, 3)) {
        const body = await q(
          "admin@acme.test",
          `query($id: UUID!) { ${t.list}(filter: { rowId: { equalTo: $id } }) { totalCount nodes { rowId } } }`,
          { id: row.rowId },
        );
        expect(body.errors).toBeUndefined();
        expect(body.data[t.list]).toEqual({ totalCount: 0, nodes: [] });
        count("filter on B's rowId");
      }
      const body = await q("admin@acme.test", `{ ${t.list} { totalCount aggregates { distinctCount { rowId tenantId } } } }`);
      expect(body.errors).toBeUndefined();
      const { totalCount, aggregates } = body.data[t.list];
      expect(aggregates.distinctCount).toEqual({ rowId: String(totalCount), tenantId: "1" });
      count("aggregate over the table");
    }
  });

  test("B's rows cannot be updated or deleted, and the answer is the same as for a missing row", async () => {
    for (const t of types) {
      const before = await rowsOf("admin@globex.test", t);
      const target = before[0]!;
      if (t.update && t.scalarPatch) {
        const value = t.scalarPatch.type === "Boolean" ? false : "attack";
        const mutate = (id: string) =>
          q(
            "admin@acme.test",
            `mutation($id: UUID!, $patch: ${t.type}Patch!) { ${t.update}(input: { rowId: $id, patch: $patch }) { clientMutationId } }`,
            {
              id,
              patch: { [t.scalarPatch!.field]: value },
            },
          );
        const attack = await mutate(target.rowId);
        expect(attack).toEqual(await mutate(randomUUID()));
        expect({ type: t.type, codes: codesOf(attack) }).toEqual({ type: t.type, codes: ["NOT_FOUND"] });
        count("update B's row");
      }
      if (t.remove) {
        const remove = (id: string) =>
          q("admin@acme.test", `mutation($id: UUID!) { ${t.remove}(input: { rowId: $id }) { clientMutationId } }`, { id });
        const attack = await remove(target.rowId);
        expect(attack).toEqual(await remove(randomUUID()));
        expect({ type: t.type, codes: codesOf(attack) }).toEqual({ type: t.type, codes: ["NOT_FOUND"] });
        count("delete B's row");
      }
      const after = await rowsOf("admin@globex.test", t);
      expect(after.map((r) => r.rowId).sort()).toEqual(before.map((r) => r.rowId).sort());
    }
  });

  test("no input can name a tenant: tenantId is in no create input and no patch", async () => {
    for (const t of types) {
      expect({ type: t.type, create: t.createTakesTenantId, patch: t.patchTakesTenantId }).toEqual({
        type: t.type,
        create: false,
        patch: false,
      });
      count("create with B's tenant_id");
      count("move A's row into B");
    }
  });

  test("A's rows cannot be pointed at B's rows through any reference, and the error is the same as for a missing row", async () => {
    const allGlobex = types.flatMap((t) => initial.globex.get(t.type)!.map((r) => r.rowId));
    for (const t of types) {
      if (!t.update || t.referencePatch.length === 0) continue;
      const mine = initial.acme.get(t.type)![0];
      if (!mine) continue;
      for (const field of t.referencePatch) {
        const mutate = (id: string) =>
          q(
            "admin@acme.test",
            `mutation($row: UUID!, $patch: ${t.type}Patch!) { ${t.update}(input: { rowId: $row, patch: $patch }) { clientMutationId } }`,
            {
              row: mine.rowId,
              patch: { [field]: id },
            },
          );
        // A uuid column without a foreign key (a polymorphic id) accepts any value: not a reference.
        if (!(await mutate(randomUUID())).errors) continue;
        // Any of B's ids: whichever table the key points to, none may be reachable.
        const attacks = await Promise.all(allGlobex.slice(0, 50).map(mutate));
        for (const attack of attacks) expect(attack.errors).toBeDefined();
        expect(JSON.stringify(await mutate(allGlobex[0]!)).replaceAll(allGlobex[0]!, "ID")).toEqual(
          JSON.stringify(await mutate(randomUUID()))
            .replace(/[0-9a-f-]{36}/g, "ID")
            .replaceAll(allGlobex[0]!, "ID"),
        );
        count("reference B's row through a key");
      }
    }
  }, 180_000);

  test("anonymous requests read no tenant row", async () => {
    for (const t of types) {
      const { body } = await gateway.graphql(`{ ${t.list} { nodes { rowId } } }`);
      expect(body.data?.[t.list]?.nodes ?? []).toEqual([]);
      count("anonymous list");
    }
  });

  test("a viewer writes nothing and a plain user deletes nothing, even in their own tenant; each refusal says why", async () => {
    const held: Record<string, string[]> = {};
    for (const who of ["viewer@acme.test", "user@acme.test"]) held[who] = (await q(who, "{ viewerPermissions }")).data.viewerPermissions;
    /**
     * A refused write fails, never a silent null: FORBIDDEN naming a
     * permission the caller lacks, or NOT_FOUND where the caller may write
     * some rows of the table but not this one (their own profile, their own
     * preferences), answered exactly as for a row that does not exist.
     */
    const expectRefused = async (who: string, t: TenantType, answer: any, missing: () => Promise<any>) => {
      const [error] = answer.errors ?? [];
      expect({ type: t.type, who, code: error?.extensions?.code ?? null, message: error?.message }).toEqual({
        type: t.type,
        who,
        code: expect.stringMatching(/^(FORBIDDEN|NOT_FOUND)$/),
        message: expect.any(String),
      });
      if (error.extensions.code === "FORBIDDEN") {
        expect(held[who]).not.toContain(error.extensions.permission);
        expect(error.message).toContain(error.extensions.permission);
      } else {
        expect(answer).toEqual(await missing());
      }
      return error.extensions.code as string;
    };
    const viewerUpdates: Record<string, string> = {};
    for (const t of types) {
      const before = await rowsOf("admin@acme.test", t);
      const target = before[0]!;
      if (t.update && t.scalarPatch) {
        const value = t.scalarPatch.type === "Boolean" ? false : "VWR";
        const update = (id: string) =>
          q(
            "viewer@acme.test",
            `mutation($id: UUID!, $patch: ${t.type}Patch!) { ${t.update}(input: { rowId: $id, patch: $patch }) { clientMutationId } }`,
            {
              id,
              patch: { [t.scalarPatch!.field]: value },
            },
          );
        const answer = await update(target.rowId);
        if (answer.errors) viewerUpdates[t.type] = await expectRefused("viewer@acme.test", t, answer, () => update(randomUUID()));
        const check = await q("admin@acme.test", `{ ${t.list} { nodes { rowId ${t.scalarPatch.field} } } }`);
        const row = check.data[t.list].nodes.find((r: { rowId: string }) => r.rowId === target.rowId);
        // The viewer's own row (their preferences, their profile) is theirs to edit; anything else must be untouched.
        if (row) expect(row[t.scalarPatch.field] === value && !OWN_ROW_TABLES.includes(t.type)).toBe(false);
        count("viewer update");
      }
      for (const who of ["viewer@acme.test", "user@acme.test"]) {
        if (!t.remove) continue;
        const remove = (id: string) => q(who, `mutation($id: UUID!) { ${t.remove}(input: { rowId: $id }) { clientMutationId } }`, { id });
        await expectRefused(who, t, await remove(target.rowId), () => remove(randomUUID()));
        count(who.startsWith("viewer") ? "viewer delete" : "user delete");
      }
      const after = await rowsOf("admin@acme.test", t);
      expect(after.map((r) => r.rowId)).toContain(target.rowId);
    }
    // A viewer lacks every UPDATE_ permission: apart from the rows that are a user's own, every update is FORBIDDEN.
    const notForbidden = Object.entries(viewerUpdates)
      .filter(([, code]) => code !== "FORBIDDEN")
      .map(([type]) => type);
    expect(notForbidden.sort()).toEqual(OWN_ROW_TABLES.filter((type) => type in viewerUpdates).sort());
  });

  test("a user can neither grant themselves a role nor join a group", async () => {
    const me = (await q("user@acme.test", "{ users { nodes { rowId email } } }")).data.users.nodes.find(
      (u: { email: string }) => u.email === "user@acme.test",
    );
    const { adminGroup } = (await q("user@acme.test", "{ tenants { nodes { adminGroup { rowId } } } }")).data.tenants.nodes[0];
    const admin = (await q("user@acme.test", "{ roles { nodes { rowId name } } }")).data.roles.nodes.find(
      (r: { name: string }) => r.name === "admin",
    );
    const role = await q(
      "user@acme.test",
      "mutation($u: UUID!, $r: UUID!) { createUserRole(input: { userRole: { userId: $u, roleId: $r } }) { userRole { rowId } } }",
      { u: me.rowId, r: admin.rowId },
    );
    const join = await q(
      "user@acme.test",
      "mutation($u: UUID!, $g: UUID!) { createUserGroupMembership(input: { userGroupMembership: { userId: $u, userGroupId: $g } }) { userGroupMembership { rowId } } }",
      {
        u: me.rowId,
        g: adminGroup.rowId,
      },
    );
    expect(role.errors[0].extensions.code).toBe("FORBIDDEN");
    expect(join.errors[0].extensions.code).toBe("FORBIDDEN");
    const perms = (await q("user@acme.test", "{ viewerPermissions }")).data.viewerPermissions;
    expect(perms).not.toContain("DELETE_USERS");
    count("self-escalation");
  });
  test("the file routes: B's files are not read by id, by B's link moved to another file, or by guessing, and no file attaches to any of B's rows", async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
    const upload = async (who: string, fields: Record<string, string> = {}) => {
      const form = new FormData();
      for (const [key, value] of Object.entries(fields)) form.append(key, value);
      form.append("file", new Blob([png], { type: "image/png" }), "matrix.png");
      const response = await fetch(`${gateway.url}/files`, {
        method: "POST",
        body: form,
        headers: { authorization: `Bearer ${tokens[who]}` },
      });
      return { status: response.status, body: (await response.json()) as any };
    };
    const read = async (target: string, who?: string) => {
      const response = await fetch(`${gateway.url}${target}`, who ? { headers: { authorization: `Bearer ${tokens[who]}` } } : {});
      return { status: response.status, text: await response.text() };
    };
    const theirs = (await upload("admin@globex.test")).body.file;
    const mine = (await upload("admin@acme.test")).body.file;
    const missing = await read(`/files/${randomUUID()}/content`, "admin@acme.test");
    expect(missing.status).toBe(404);
    for (const who of ["admin@acme.test", "user@acme.test", "viewer@acme.test"])
      expect(await read(`/files/${theirs.rowId}/content`, who)).toEqual(missing);
    const link = new URL(theirs.url).searchParams.get("link");
    expect((await read(`/files/${mine.rowId}/content?link=${link}`)).status).toBe(403);
    expect((await read(`/files/${randomUUID()}/content?link=${link}`)).status).toBe(403);
    expect((await read(`/files/${theirs.rowId}/content`)).status).toBe(401);
    count("read B's file through the file routes");

    // One of B's rows in every tenant table (read behind RLS), as the record a file is attached to.
    const targets = await withAdmin(
      async (client) =>
        (
          await client.query<{ table: string; id: string }>(
            `select t.schema_name || '.' || t.table_name as table, r.id::text as id
             from nexus.owner_tables t
             cross join lateral (select (xpath('//row/id/text()', query_to_xml(format('select id from %s where tenant_id = %L limit 1', t.name, $1::text), false, false, '')))[1]::text as id) r
             where t.tenant_owned and t.has_id and r.id is not null`,
            [(await ensureDemoData()).Globex!],
          )
        ).rows,
    );
    expect(targets.length).toBeGreaterThan(20);
    const refusal = (await upload("admin@acme.test", { belongsTo: "platform.users", belongsToId: randomUUID(), belongsToColumn: "photo" }))
      .body;
    expect(refusal.error.code).toBe("NOT_FOUND");
    for (let i = 0; i < targets.length; i += 10) {
      const answers = await Promise.all(
        targets.slice(i, i + 10).map((t) => upload("admin@acme.test", { belongsTo: t.table, belongsToId: t.id, belongsToColumn: "photo" })),
      );
      for (const answer of answers) expect(answer).toEqual({ status: 404, body: refusal });
    }
    count("attach a file to B's row");
  }, 180_000);
});
