import { Type } from 'typebox';
import { catchUpInShortTransactions, defineJob } from '../jobs/index.js';
import {
  FOLLOW_EVERY_MS,
  FOLLOW_HISTORY_JOB,
  followHistory,
  MAX_BATCH,
  needsRebuild,
} from './follow-history.js';
import { rebuildStats } from './rebuild.js';

/**
 * The recurring catch-up, in short transactions of about 25 ms each (ADR 0037). After a migration
 * that emptied the rollups it rebuilds them from the complaints once instead (far quicker than
 * following the whole history again), and so it does when a rebuild died on the way (ADR 0046).
 */
export const followHistoryJob = defineJob({
  kind: FOLLOW_HISTORY_JOB,
  payload: Type.Object({}),
  handler: async (ctx) => {
    if (await needsRebuild(ctx.db, ctx.clock.now())) {
      await rebuildStats(ctx);
      return;
    }
    await catchUpInShortTransactions(ctx, (tx, batch) => followHistory(tx, ctx, batch), {
      minBatch: 50,
      maxBatch: MAX_BATCH,
      txBudgetMs: 25,
      runBudgetMs: FOLLOW_EVERY_MS / 2,
    });
  },
  // A missed run is made up by the next one.
  maxAttempts: 2,
});
