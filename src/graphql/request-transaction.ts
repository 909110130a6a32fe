type WithPgClient = (pgSettings: Record<string, string> | null, callback: (client: any) => Promise<any>) => Promise<any>;

interface Job {
  callback: (client: any) => Promise<any>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/**
 * One transaction for the statements of one query. Grafast sends the
 * independent statements of an operation (the rows of a connection and its
 * `totalCount`, say) through separate `withPgClient` calls, and each would
 * take a pooled connection and run `begin`, the request's `set_config`s, the
 * statement and `commit`: four round trips per statement. Calls that arrive
 * while this request's transaction is open join it instead, one after the
 * other on its connection; the transaction ends when, once the promise
 * callbacks of the last statement have run, none is waiting. A later call
 * opens a new one.
 *
 * Only for queries: a mutation keeps a transaction per statement, so a
 * failed write never takes another one with it. Should a statement of a
 * query fail, the transaction can only roll back: what was still waiting
 * runs in a transaction of its own.
 */
export function shareQueryTransaction(withPgClient: WithPgClient): WithPgClient {
  let open: { pgSettings: Record<string, string> | null; waiting: Job[] } | null = null;
  return (pgSettings, callback) =>
    new Promise((resolve, reject) => {
      if (open && open.pgSettings === pgSettings) {
        open.waiting.push({ callback, resolve, reject });
        return;
      }
      const batch = { pgSettings, waiting: [{ callback, resolve, reject }] as Job[] };
      open = batch;
      const close = () => {
        if (open === batch) open = null;
      };
      withPgClient(pgSettings, async (client) => {
        let failure: unknown = null;
        for (;;) {
          for (let job = batch.waiting.shift(); job; job = failure === null ? batch.waiting.shift() : undefined) {
            try {
              job.resolve(await job.callback(client));
            } catch (error) {
              job.reject(error);
              failure = error;
            }
          }
          if (failure !== null) break;
          // Grafast plans its next steps in the promise callbacks of the
          // last result: a nextTick runs once those have all run, before
          // any I/O, so the connection is not held while other requests run.
          await new Promise<void>((resolveTick) => process.nextTick(resolveTick));
          if (batch.waiting.length === 0) break;
        }
        close();
        for (const job of batch.waiting.splice(0)) withPgClient(pgSettings, job.callback).then(job.resolve, job.reject);
        if (failure !== null) throw failure;
      }).catch((error: unknown) => {
        // begin or set_config failed: nothing ran; a failed statement was already reported to its caller
        close();
        for (const job of batch.waiting.splice(0)) job.reject(error);
      });
    });
}
