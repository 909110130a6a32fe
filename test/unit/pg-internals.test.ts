import pg from "pg";
import { parse } from "postgraphile/graphql";

import { assertPgInternals } from "../../src/db/pg-internals";
import { makePreset } from "../../src/graphql/preset";
import { testConfig } from "../support/gateway";

/** A client whose private state lost one of the pieces pipelined queries use. */
function clientWithout(piece: "cork" | "parsedStatements"): pg.Client {
  const client = new pg.Client();
  const connection = (client as unknown as { connection: Record<string, any> }).connection;
  if (piece === "cork") connection.stream = { uncork() {} };
  else delete connection.parsedStatements;
  return client;
}

describe("pg's private state, used by pipelined queries", () => {
  test("the installed pg has what src/db/pg-internals.ts reaches into", () => {
    expect(() => assertPgInternals()).not.toThrow();
  });

  test.each([
    ["cork", "client.connection.stream.cork()/uncork()"],
    ["parsedStatements", "client.connection.parsedStatements"],
  ] as const)("a pg without %s fails the check, naming it and the way out", (piece, named) => {
    expect(() => assertPgInternals(clientWithout(piece))).toThrow(named);
    expect(() => assertPgInternals(clientWithout(piece))).toThrow("NEXUS_DB_PIPELINE=0");
  });

  test("NEXUS_DB_PIPELINE=0 leaves queries on @dataplan/pg's own client; by default they get the pipelined one", async () => {
    const pool = new pg.Pool(); // never connected: building the context needs no database
    const contextOf = async (env: Record<string, string>) => {
      const preset = makePreset(testConfig(env), pool);
      const context = preset.grafast!.context as (requestContext: unknown, args: unknown) => Promise<Record<string, unknown>>;
      return await context({}, { document: parse("query Q { __typename }"), operationName: "Q" });
    };
    expect(typeof (await contextOf({})).withPgClient).toBe("function");
    expect((await contextOf({ NEXUS_DB_PIPELINE: "0" })).withPgClient).toBeUndefined();
    await pool.end();
  });
});
