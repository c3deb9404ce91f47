import { Type } from 'typebox';
import { defineJob } from '../jobs/index.js';
import { FOLLOW_HISTORY_JOB, followHistory, needsRebuild } from './follow-history.js';
import { rebuildStats } from './rebuild.js';

/**
 * The recurring catch-up: its effects and its completion commit together. After a migration that
 * emptied the rollups it rebuilds them from the complaints once instead (far quicker than following
 * the whole history again).
 */
export const followHistoryJob = defineJob({
  kind: FOLLOW_HISTORY_JOB,
  payload: Type.Object({}),
  handler: async (ctx) => {
    if (await needsRebuild(ctx.db)) {
      await rebuildStats(ctx);
      return;
    }
    await ctx.runInJobTransaction((tx) => followHistory(tx, ctx));
  },
  // A missed run is made up by the next one.
  maxAttempts: 2,
});
