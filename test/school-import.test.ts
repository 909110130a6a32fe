import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { importFile, type ImportOptions } from "../src/import";
import { parseCsv } from "../src/import/parse";
import { NEXUS, runNexus } from "./support/cli";
import { createTenant, type TenantFixture, withAdmin } from "./support/fixtures";

describe("import (npm run nexus -- import)", () => {
  let tenant: TenantFixture;
  let dir: string;
  let csv: string;
  let ndjson: string;

  const run = (file: string, table: string, extra: Partial<ImportOptions> = {}) =>
    importFile({
      authenticatorUrl: process.env.NEXUS_TEST_AUTHENTICATOR_URL!,
      adminUrl: process.env.NEXUS_TEST_ADMIN_URL!,
      file,
      table,
      tenant: tenant.name,
      ...extra,
    });

  const rows = (sql: string, params: unknown[] = []) => withAdmin(async (c) => (await c.query(sql, params)).rows);

  // Every test imports into a tenant of its own, so the tests stand alone in any order.
  beforeEach(async () => {
    tenant = await createTenant("Import", 1);
  });
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "nexus-import-"));
    csv = path.join(dir, "students.csv");
    await fs.writeFile(
      csv,
      [
        "student_number,first_name,last_name,gender,status,email,address,import_hash",
        "S-1,Ada,Lovelace,female,enrolled,ada@school.test,,sis-1",
        'S-2,Alan,Turing,male,enrolled,,"1 Bletchley Park, Milton Keynes",',
        "S-3,Bad,Email,male,enrolled,not-an-email,,sis-3",
      ].join("\n") + "\n",
    );
    ndjson = path.join(dir, "subjects.ndjson");
    await fs.writeFile(
      ndjson,
      [
        JSON.stringify({ name: "Mathematics", code: "MATH", importHash: "subj-math" }),
        JSON.stringify({ name: "English", code: "ENG" }),
        "",
        JSON.stringify({ name: "Art", importHash: " " }),
        JSON.stringify({ name: "Music", shoe_size: 42 }),
        "{ not json",
      ].join("\n") + "\n",
    );
  });
  afterAll(async () => fs.rm(dir, { recursive: true, force: true }));

  test("CSV: good rows land, the bad row is named by line and reason; the second run changes nothing", async () => {
    const first = await run(csv, "campus.students");
    expect(first).toMatchObject({ total: 3, inserted: 2, updated: 0, skipped: 0, failed: 1 });
    expect(first.failures).toEqual([{ line: 4, reason: expect.stringContaining("students_email_format") }]);

    const stored = await rows(
      "select student_number, address, import_hash, created_by, updated_by from campus.students where tenant_id = $1 order by student_number",
      [tenant.tenantId],
    );
    expect(stored.map((r) => r.student_number)).toEqual(["S-1", "S-2"]);
    expect(stored[1].address).toBe("1 Bletchley Park, Milton Keynes");
    expect(stored[0].import_hash).toBe("sis-1");
    expect(stored[1].import_hash).toMatch(/^[0-9a-f]{64}$/);
    // written as the tenant admin: authorship from the claims, not the file
    expect(stored.every((r) => r.created_by === tenant.admin.userId && r.updated_by === tenant.admin.userId)).toBe(true);

    const second = await run(csv, "campus.students");
    expect(second).toMatchObject({ inserted: 0, updated: 0, skipped: 2, failed: 1 });
  });

  test("a changed record updates its row, found by import_hash", async () => {
    expect(await run(csv, "campus.students")).toMatchObject({ inserted: 2 });
    const changed = path.join(dir, "changed.csv");
    await fs.writeFile(changed, "student_number,first_name,import_hash\nS-1,Augusta Ada,sis-1\n");
    expect(await run(changed, "campus.students")).toMatchObject({ inserted: 0, updated: 1, skipped: 0, failed: 0 });
    const [ada] = await rows("select first_name from campus.students where tenant_id = $1 and import_hash = 'sis-1'", [tenant.tenantId]);
    expect(ada.first_name).toBe("Augusta Ada");
    expect(await run(changed, "campus.students")).toMatchObject({ updated: 0, skipped: 1 });
  });

  test("NDJSON: camelCase fields, computed hashes; a CHECK violation, an unknown column and bad JSON fail alone", async () => {
    const first = await run(ndjson, "academics.subjects");
    expect(first).toMatchObject({ total: 5, inserted: 2, failed: 3 });
    expect(first.failures).toEqual([
      { line: 4, reason: expect.stringContaining("subjects_import_hash_not_blank") },
      { line: 5, reason: "unknown or read-only column shoe_size for academics.subjects" },
      { line: 6, reason: expect.stringContaining("invalid JSON") },
    ]);
    expect(await run(ndjson, "academics.subjects")).toMatchObject({ inserted: 0, updated: 0, skipped: 2, failed: 3 });
  });

  test("columns the database fills are refused like unknown ones", async () => {
    const file = path.join(dir, "forged.ndjson");
    await fs.writeFile(file, JSON.stringify({ name: "Forged", created_by: tenant.users[0]!.userId, tenant_id: tenant.tenantId }) + "\n");
    const report = await run(file, "academics.subjects");
    expect(report.failures[0]!.reason).toBe("unknown or read-only columns created_by, tenant_id for academics.subjects");
  });

  test("--atomic: one bad record and nothing is written", async () => {
    const file = path.join(dir, "atomic.csv");
    await fs.writeFile(file, "name,capacity,import_hash\n7A,20,atomic-1\n7B,0,atomic-2\n");
    const report = await run(file, "academics.classes", { atomic: true });
    expect(report).toMatchObject({ rolledBack: true, failed: 1 });
    expect(report.failures[0]!.reason).toContain("classes_capacity_positive");
    expect(await rows("select 1 from academics.classes where tenant_id = $1", [tenant.tenantId])).toEqual([]);
  });

  test("an unknown table or tenant is one clear error", async () => {
    await expect(run(csv, "campus.nope")).rejects.toThrow("no table campus.nope");
    await expect(run(csv, "platform.tenants")).rejects.toThrow("has no tenant_id and import_hash");
    await expect(
      importFile({
        authenticatorUrl: process.env.NEXUS_TEST_AUTHENTICATOR_URL!,
        adminUrl: process.env.NEXUS_TEST_ADMIN_URL!,
        file: csv,
        table: "campus.students",
        tenant: "No such tenant",
      }),
    ).rejects.toThrow('no tenant named "No such tenant"');
  });

  test("the CLI reports counts and failures, with progress lines off a terminal", async () => {
    if (!existsSync(NEXUS)) throw new Error("run `npm run build` first (npm test does)");
    const { code, stdout, stderr } = await runNexus(["import", ndjson, "--table", "academics.subjects", "--tenant", tenant.name]);
    expect(stdout).toContain("line 5: unknown or read-only column shoe_size for academics.subjects");
    expect(stdout).toContain("import into academics.subjects: 2 inserted, 0 updated, 0 skipped, 3 failed (5 records)");
    expect(stderr).toContain("import: 5/5 records");
    expect(code).toBe(1);
  });
});

describe("CSV parsing", () => {
  test("quoted fields keep commas, quotes and line breaks; empty cells are null", () => {
    const records = parseCsv('a,b,c\r\n"x, y","say ""hi""",\n"multi\nline",,""\nshort\n');
    expect(records).toEqual([
      { line: 2, values: { a: "x, y", b: 'say "hi"', c: null } },
      { line: 3, values: { a: "multi\nline", b: null, c: "" } },
      { line: 5, values: null, error: "expected 3 fields like the header, found 1" },
    ]);
  });
});
