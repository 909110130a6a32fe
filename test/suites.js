/**
 * The test files kept out of `npm test`, by suite: each runs by its own
 * command (NEXUS_TEST_SUITE picks it in jest.config.js), and CI runs them
 * all. test/unit/suites.test.ts checks that every name is a test file.
 */
const SUITES = {
  // Whole processes, each taking tens of seconds: the gateway started and stopped on its own PostgreSQL,
  // deployments side by side, a second instance, a streaming replica, the browsers, the docs CLI.
  // `npm run test:scenarios`.
  scenarios: ["process", "deployment", "multi-instance", "replicas", "graphiql.browser", "spa.browser", "docs"],
  // The written questions' plans with 100,000 rows in every table they read: it fills tens of tables.
  // `npm run test:plans`.
  plans: ["question-plans"],
};

/** The path pattern of a suite's files. */
const suitePattern = (names) => `/test/(${names.map((name) => name.replace(".", "\\.")).join("|")})\\.test\\.ts$`;

module.exports = { SUITES, suitePattern };
