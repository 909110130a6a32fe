import type { AddressInfo } from "node:net";
import express from "express";
import pg from "pg";
import { healthHandler } from "../src/http/health";
import { startTestGateway } from "./support/gateway";

describe("/health", () => {
  test("answers 200 when the database answers", async () => {
    const gateway = await startTestGateway();
    try {
      const response = await fetch(`${gateway.url}/health`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ status: "ok", database: "up" });
    } finally {
      await gateway.close();
    }
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
      expect(await response.json()).toMatchObject({ status: "unavailable", error: { code: "database_unavailable" } });
    } finally {
      server.close();
      await pool.end();
    }
  });
});
