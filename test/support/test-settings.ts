import os from "node:os";
import path from "node:path";

/**
 * Sign-in limits for every gateway a test starts on the shared test
 * database. The limits are counted in the database, per client address, so
 * every test file's sign-ins from 127.0.0.1 fall into one bucket: at the
 * default 30 a minute, a gateway started with defaults refused a test's
 * sign-in (429) because other files had signed in. The throttle's own test
 * sets low limits and tells its clients apart by X-Forwarded-For.
 */
export const UNTHROTTLED_SIGN_IN = { NEXUS_LOGIN_RATE_PER_IP: "10000", NEXUS_LOGIN_RATE_PER_ACCOUNT: "10000" } as const;

/**
 * The settings of a test gateway, unless a test sets its own: generous
 * sign-in limits and planning time, no WebSockets in-process (grafserv
 * loads its WebSocket server with a dynamic import, which jest's sandbox
 * refuses; test/realtime.test.ts runs its gateway in a process of its own).
 */
export function testGatewayEnv(): Record<string, string> {
  return {
    NODE_ENV: "test",
    NEXUS_LOG_LEVEL: process.env.NEXUS_TEST_LOG_LEVEL ?? "silent",
    ...UNTHROTTLED_SIGN_IN,
    NEXUS_WEBSOCKETS: "0",
    // The planning limit (2 s by default) is proved on its own (operation-abuse.test.ts sets 1 ms); on a busy machine it
    // would fail whatever else a test checks (the attack matrix's lists with every relation took longer at load 20).
    NEXUS_PLANNING_TIMEOUT_MS: "30000",
    // Uploaded bytes stay out of the working tree.
    NEXUS_FILES_DIR: path.join(os.tmpdir(), "nexus-test-files"),
  };
}
