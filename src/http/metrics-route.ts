import { timingSafeEqual } from "node:crypto";

import type { RequestHandler } from "express";

import type { GatewayMetrics } from "../observability/metrics";
import { sendError } from "./errors";

/** GET /metrics, behind the bearer token when one is configured. */
export function metricsRoute(metrics: GatewayMetrics, token: string | null): RequestHandler {
  const expected = token === null ? null : Buffer.from(`Bearer ${token}`);
  return async (req, res) => {
    if (expected !== null) {
      const given = Buffer.from(req.headers.authorization ?? "");
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        res.setHeader("WWW-Authenticate", "Bearer");
        return sendError(res, 401, "UNAUTHENTICATED", "Metrics need the metrics token (Authorization: Bearer <NEXUS_METRICS_TOKEN>).");
      }
    }
    res.setHeader("Content-Type", metrics.registry.contentType);
    res.setHeader("Cache-Control", "no-store");
    res.end(await metrics.render());
  };
}
