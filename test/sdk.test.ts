import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import {
  createClient,
  CreateUserGroupDocument,
  DeleteUserGroupDocument,
  GatewayError,
  MySessionsDocument,
  RolesDocument,
  UserGroupsDocument,
  UsersDocument,
  ViewerPermissionsDocument,
} from "../sdk/client";
import { uploadFile } from "../sdk/files";
import { createTenant, signIn, type TenantFixture } from "./support/fixtures";
import { startTestGateway, testConfig, type TestGateway } from "./support/gateway";

const root = path.join(__dirname, "..");

/** The typed SDK (npm run codegen) compiles on its own and its operations run against a live gateway. */
describe("the generated SDK", () => {
  let gateway: TestGateway;
  let tenant: TenantFixture;
  let token: string;

  beforeAll(async () => {
    gateway = await startTestGateway();
    tenant = await createTenant("Sdk", 1);
    token = (await signIn(gateway, tenant.admin.email)).accessToken;
  }, 180_000);
  afterAll(async () => gateway.close());

  test("compiles with tsc --noEmit", () => {
    execFileSync(path.join(root, "node_modules", ".bin", "tsc"), ["-p", path.join(root, "sdk", "tsconfig.json")], { stdio: "pipe" });
  });

  test("runs every operation, typed, as the signed-in user", async () => {
    const nexus = createClient({ url: `${gateway.url}/graphql`, token });
    const { users } = await nexus.request(UsersDocument, { first: 10 });
    expect(users?.totalCount).toBe(2);
    expect(users?.nodes.map((u) => u.email).sort()).toEqual([tenant.admin.email, tenant.users[0]!.email].sort());
    const filtered = await nexus.request(UsersDocument, { filter: { rowId: { equalTo: tenant.admin.userId } } });
    expect(filtered.users?.nodes.map((u) => u.rowId)).toEqual([tenant.admin.userId]);
    const created = await nexus.request(CreateUserGroupDocument, { name: "From the SDK" });
    const groupId = created.createUserGroup!.userGroup!.rowId;
    const groups = await nexus.request(UserGroupsDocument);
    expect(groups.userGroups?.nodes.map((g) => g.name)).toContain("From the SDK");
    expect(groups.userGroups?.aggregates?.distinctCount?.rowId).toBe(String(groups.userGroups?.totalCount));
    await nexus.request(DeleteUserGroupDocument, { rowId: groupId });
    expect((await nexus.request(RolesDocument)).roles?.nodes.map((r) => r.name)).toContain("admin");
    expect((await nexus.request(MySessionsDocument)).userSessions?.nodes.length).toBeGreaterThan(0);
    expect((await nexus.request(ViewerPermissionsDocument)).viewerPermissions).toContain("DELETE_USERS");
  });

  test("uploads a file with uploadFile; a refusal is a GatewayError with the gateway's code", async () => {
    const client = { url: `${gateway.url}/graphql`, token };
    const bytes = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100, 7)]);
    const file = await uploadFile(client, new Blob([bytes], { type: "image/png" }), { name: "from the sdk.png" });
    expect(file).toMatchObject({ name: "from the sdk.png", contentType: "image/png", sizeInBytes: bytes.length });
    const fetched = await fetch(`${gateway.url}${new URL(file.url).pathname}${new URL(file.url).search}`);
    expect(Buffer.from(await fetched.arrayBuffer()).equals(bytes)).toBe(true);
    const refused = await uploadFile(client, new Blob(["<html></html>"], { type: "image/png" })).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(GatewayError);
    expect((refused as GatewayError).codes).toEqual(["FILE_TYPE_NOT_ALLOWED"]);
  });

  test("throws typed errors", async () => {
    const nexus = createClient({ url: `${gateway.url}/graphql`, token });
    const tooLarge = await nexus.request(UsersDocument, { first: 100_000 }).catch((e: unknown) => e);
    expect(tooLarge).toBeInstanceOf(GatewayError);
    expect((tooLarge as GatewayError).codes).toEqual(["PAGE_TOO_LARGE"]);
    const badToken = await createClient({ url: `${gateway.url}/graphql`, token: "a.b.c" })
      .request(RolesDocument)
      .catch((e: unknown) => e);
    expect((badToken as GatewayError).status).toBe(401);
    expect((badToken as GatewayError).codes).toEqual(["INVALID_TOKEN"]);
  });
});

describe("trusted documents (NEXUS_PERSISTED_ONLY=1)", () => {
  let gateway: TestGateway;
  let token: string;

  beforeAll(async () => {
    gateway = await startTestGateway({ config: testConfig({ NEXUS_PERSISTED_ONLY: "1" }) });
    const tenant = await createTenant("Persisted", 0);
    token = (await signIn(gateway, tenant.admin.email)).accessToken;
  });
  afterAll(async () => gateway.close());

  test("the SDK's operations run by hash", async () => {
    const nexus = createClient({ url: `${gateway.url}/graphql`, token, persisted: true });
    expect((await nexus.request(UsersDocument, { first: 5 })).users?.totalCount).toBe(1);
  });

  test("any other document is refused, even one the SDK also sends", async () => {
    const { body } = await gateway.graphql("{ users { totalCount } }", { token });
    expect(body.data).toBeUndefined();
    expect(body.errors[0].message).toMatch(/persisted/i);
    const nexus = createClient({ url: `${gateway.url}/graphql`, token });
    await expect(nexus.request(RolesDocument)).rejects.toBeInstanceOf(GatewayError);
  });
});

/**
 * The SDK as a package (npm workspace @nexus/sdk): it builds, packs, and an
 * outside project gets exact types from it with three lines of codegen
 * config. The scratch project lives in a temporary folder outside the
 * repository and reuses the repository's installed packages through a
 * node_modules link, so nothing is downloaded.
 */
describe("the @nexus/sdk package", () => {
  const tsc = path.join(root, "node_modules", "typescript", "bin", "tsc");
  const sdk = path.join(root, "sdk");
  let project: string;

  beforeAll(() => {
    execFileSync(process.execPath, [tsc, "-p", path.join(sdk, "tsconfig.build.json")], { stdio: "pipe" });
    project = mkdtempSync(path.join(os.tmpdir(), "nexus-sdk-consumer-"));
  });
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  test("packs with its build, scalar map, codegen preset and error codes", () => {
    const [packed] = JSON.parse(
      execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: sdk, encoding: "utf8" }),
    ) as Array<{
      name: string;
      files: Array<{ path: string }>;
    }>;
    expect(packed!.name).toBe("@nexus/sdk");
    expect(packed!.files.map((f) => f.path)).toEqual(
      expect.arrayContaining([
        "dist/index.js",
        "dist/index.d.ts",
        "dist/codegen.js",
        "dist/scalars.js",
        "dist/error-codes.d.ts",
        "package.json",
      ]),
    );
  });

  test("an outside project generates exact types from schema.graphql with strictScalars, and they compile", () => {
    symlinkSync(path.join(root, "node_modules"), path.join(project, "node_modules"), "dir");
    mkdirSync(path.join(project, "src"));
    writeFileSync(
      path.join(project, "codegen.ts"),
      [
        'import { nexusCodegen } from "@nexus/sdk/codegen";',
        "",
        `export default nexusCodegen({ schema: ${JSON.stringify(path.join(root, "schema.graphql"))}, documents: "src/**/*.graphql", output: "src/gql/" });`,
        "",
      ].join("\n"),
    );
    writeFileSync(
      path.join(project, "src", "invoices.graphql"),
      "query Invoices($after: Cursor) { invoices(first: 5, after: $after) { nodes { rowId createdAt balanceDue } pageInfo { endCursor } } schoolYears { nodes { endDate } } }\n",
    );
    // Compiles only if every scalar has its exact type: string is not assignable from unknown.
    writeFileSync(
      path.join(project, "src", "main.ts"),
      [
        'import type { InvoicesQuery } from "./gql/graphql";',
        'import type { ErrorCode } from "@nexus/sdk";',
        "export function summary(data: InvoicesQuery): string[] {",
        "  const invoice = data.invoices?.nodes[0];",
        "  const id: string | undefined = invoice?.rowId;",
        "  const created: string | undefined = invoice?.createdAt;",
        "  const balance: string | null | undefined = invoice?.balanceDue;",
        "  const cursor: string | null | undefined = data.invoices?.pageInfo.endCursor;",
        "  const end: string | undefined = data.schoolYears?.nodes[0]?.endDate;",
        '  const code: ErrorCode = "NOT_FOUND";',
        "  return [id, created, balance, cursor, end, code].map(String);",
        "}",
        "",
      ].join("\n"),
    );
    writeFileSync(
      path.join(project, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          module: "node16",
          moduleResolution: "node16",
          target: "ES2022",
          lib: ["ES2022", "DOM"],
          skipLibCheck: true,
          types: [],
        },
        include: ["src"],
      }),
    );
    const codegen = path.join(root, "node_modules", "@graphql-codegen", "cli", "cjs", "bin.js");
    execFileSync(process.execPath, [codegen, "--config", "codegen.ts", "--silent"], { cwd: project, stdio: "pipe" });
    expect(readFileSync(path.join(project, "src", "gql", "graphql.ts"), "utf8")).toContain("Datetime: { input: string; output: string; }");
    execFileSync(process.execPath, [tsc, "-p", project], { cwd: project, stdio: "pipe" });
  }, 120_000);
});
