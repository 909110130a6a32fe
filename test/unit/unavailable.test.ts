import { isDatabaseUnavailable } from "../../src/db/unavailable";

describe("what counts as the database being unavailable", () => {
  test.each([
    ["connection refused", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })],
    ["admin shutdown", Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" })],
    ["starting up", Object.assign(new Error("the database system is starting up"), { code: "57P03" })],
    ["a connection exception class", Object.assign(new Error("connection failure"), { code: "08006" })],
    ["no free pooled connection in time", new Error("timeout exceeded when trying to connect")],
    ["a connection ended mid-query", new Error("Connection terminated unexpectedly")],
    ["every address refused", new AggregateError([Object.assign(new Error("x"), { code: "ECONNREFUSED" })])],
    ["wrapped in a GraphQL error", { message: "wrapper", originalError: Object.assign(new Error("y"), { code: "57P01" }) }],
  ])("%s is", (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  test.each([
    ["a unique violation", Object.assign(new Error("duplicate key"), { code: "23505" })],
    ["a statement timeout", Object.assign(new Error("canceling statement due to statement timeout"), { code: "57014" })],
    ["permission denied", Object.assign(new Error("permission denied"), { code: "42501" })],
    ["a plain error", new Error("boom")],
    ["nothing", undefined],
  ])("%s is not", (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
