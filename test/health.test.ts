import type { AddressInfo } from "node:net";

import express from "express";
import pg from "pg";

import { healthHandler, newestCommittedMigration, readyHandler } from "../src/http/health";
import { startTestGateway, type TestGateway } from "./support/gateway";

// One gateway for both groups: each build of the schema costs seconds.
let gateway: TestGateway;
beforeAll(async () => {
  gateway = await startTestGateway();
});
afterAll(async () => gateway.close());

describe("/health", () => {
  test("answers 200 when the database answers", async () => {
    const response = await fetch(`${gateway.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", database: "up" });
  });

  test("answers 503 with a JSON error when the database does not", async () => {
    const unreachable = new URL(process.env.NEXUS_TEST_AUTHENTICATOR_URL!);
    unreachable.port = "1";
    const pool = new pg.Pool({ connectionString: unreachable.toString(), connectionTimeoutMillis: 1_000 });
    const app = express().get("/health", healthHandler(pool));
    const server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/health`);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: "unavailable", error: { code: "DATABASE_UNAVAILABLE" } });
    } finally {
      server.close();
      await pool.end();
    }
  });
});

describe("/ready", () => {
  test("answers 200 with the migration when the newest applied one is the newest committed file", async () => {
    const response = await fetch(`${gateway.url}/ready`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ready", database: "up", migration: newestCommittedMigration() });
  });

  const readyApp = async (pool: pg.Pool, expected: string) => {
    const server = express().get("/ready", readyHandler(pool, expected)).listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/ready` };
  };

  test("answers 503 naming both migrations when the database is behind this build", async () => {
    const pool = new pg.Pool({ connectionString: process.env.NEXUS_TEST_AUTHENTICATOR_URL });
    const { server, url } = await readyApp(pool, "999999-from-a-newer-build.sql");
    try {
      const response = await fetch(url);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({
        status: "not_ready",
        applied: newestCommittedMigration(),
        expected: "999999-from-a-newer-build.sql",
        error: { code: "MIGRATIONS_NOT_CURRENT" },
      });
    } finally {
      server.close();
      await pool.end();
    }
  });

  test("answers 503 when the database does not answer", async () => {
    const unreachable = new URL(process.env.NEXUS_TEST_AUTHENTICATOR_URL!);
    unreachable.port = "1";
    const pool = new pg.Pool({ connectionString: unreachable.toString(), connectionTimeoutMillis: 1_000 });
    const { server, url } = await readyApp(pool, newestCommittedMigration()!);
    try {
      const response = await fetch(url);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: "not_ready", error: { code: "DATABASE_UNAVAILABLE" } });
    } finally {
      server.close();
      await pool.end();
    }
  });
});
