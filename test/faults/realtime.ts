import { createClient } from "graphql-ws";
import WebSocket from "ws";

import type { Context } from "./context";
import { post } from "./load";
import { sleep } from "./processes";
import type { Report } from "./report";

const DEADLINE_MS = 30_000;

/**
 * PostgreSQL restarts (fast shutdown) while a subscriber is connected: the
 * socket stays open, the subscriber is told of the gap (`op: gap`) once the
 * gateway listens again, and changes committed afterwards arrive (the
 * decoder took its slot back).
 */
export async function realtimeAcrossRestart(context: Context, report: Report): Promise<void> {
  const { database, gateway, tally } = context;
  const token = context.tokens[0];
  const events: { op: string; rowId: string | null }[] = [];
  let closed: number | null = null;
  const client = createClient({
    url: `${gateway.url.replace("http", "ws")}/graphql`,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    connectionParams: { authorization: `Bearer ${token}` },
    on: { closed: (event) => (closed = (event as { code: number }).code) },
  });
  client.subscribe(
    { query: "subscription { rowChanged(table: USER_GROUPS) { op rowId } }" },
    { next: (e: any) => events.push(e.data.rowChanged), error: () => undefined, complete: () => undefined },
  );
  const until = async (check: () => boolean) => {
    const end = Date.now() + DEADLINE_MS;
    while (!check() && Date.now() < end) await sleep(50);
    return check();
  };
  const createGroup = async (name: string): Promise<string | null> => {
    const answer = await post(
      tally,
      `${gateway.url}/graphql`,
      "write",
      {
        query: `mutation($n: String!) { createUserGroup(input: { userGroup: { name: $n } }) { userGroup { rowId } } }`,
        variables: { n: name },
      },
      token,
    );
    return answer.body?.data?.createUserGroup?.userGroup?.rowId ?? null;
  };
  try {
    report.check("the subscription is live (ready)", await until(() => events.some((e) => e.op === "READY")));
    const before = await createGroup(`realtime-before-${Date.now()}`);
    report.check("an insert arrives before the restart", !!before && (await until(() => events.some((e) => e.rowId === before))));

    await database.stopFast();
    await sleep(2_000);
    await database.start();
    report.note("PostgreSQL restarted (fast shutdown, 2 s down)");

    report.check("the subscriber is told of the gap once the gateway listens again", await until(() => events.some((e) => e.op === "GAP")));
    let after: string | null = null;
    const end = Date.now() + DEADLINE_MS;
    while (!after && Date.now() < end) {
      after = await createGroup(`realtime-after-${Date.now()}`);
      if (!after) await sleep(250);
    }
    report.check(
      "an insert committed after the restart arrives on the same socket",
      !!after && (await until(() => events.some((e) => e.rowId === after))),
      `socket ${closed === null ? "open" : `closed ${closed}`}`,
    );
    report.check("the socket stayed open", closed === null);
  } finally {
    await client.dispose();
  }
}
