import { setImmediate as yieldToRequests } from 'node:timers/promises';
import { Type } from 'typebox';
import { defineJob } from '../jobs/index.js';
import {
  FOLLOW_EVERY_MS,
  FOLLOW_HISTORY_JOB,
  followHistory,
  MAX_BATCH,
  needsRebuild,
} from './follow-history.js';
import { rebuildStats } from './rebuild.js';

/** The fewest: a busy server still gets on. */
const MIN_BATCH = 50;
/**
 * How long one catch-up transaction should hold the database: on SQLite it holds the one
 * connection, so registrations wait behind it (ADR 0037). The batch is sized to fit.
 */
const TX_BUDGET_MS = 25;
/** How long one run keeps catching up before it leaves the rest to the next run. */
const RUN_BUDGET_MS = FOLLOW_EVERY_MS / 2;

/**
 * The recurring catch-up, in short transactions: each follows as many events as fit in
 * TX_BUDGET_MS (the batch halves when one took longer, doubles when it took under a third) and
 * the requests that arrived meanwhile get their turn before the next. Every transaction moves the
 * watermark with its effects, so a run cut short (time out, crash) loses nothing: the next run
 * goes on from there. After a migration that emptied the rollups it rebuilds them from the
 * complaints once instead (far quicker than following the whole history again).
 */
export const followHistoryJob = defineJob({
  kind: FOLLOW_HISTORY_JOB,
  payload: Type.Object({}),
  handler: async (ctx) => {
    if (await needsRebuild(ctx.db)) {
      await rebuildStats(ctx);
      return;
    }
    const started = performance.now();
    let batch = MIN_BATCH * 4;
    while (!ctx.signal.aborted && performance.now() - started < RUN_BUDGET_MS) {
      let took = 0;
      const followed = await ctx.db.transaction().execute(async (tx) => {
        // The time it holds the database (on SQLite the commit may wait for others' work).
        const t0 = performance.now();
        const n = await followHistory(tx, ctx, batch);
        took = performance.now() - t0;
        return n;
      });
      if (followed < batch) return;
      if (took > TX_BUDGET_MS) batch = Math.max(MIN_BATCH, batch >> 1);
      else if (took < TX_BUDGET_MS / 3) batch = Math.min(MAX_BATCH, batch * 2);
      await yieldToRequests();
    }
  },
  // A missed run is made up by the next one.
  maxAttempts: 2,
});
