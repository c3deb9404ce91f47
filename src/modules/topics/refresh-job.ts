import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import { defineJob } from '../jobs/index.js';
import { findTopics, ranToday, storeTopics, type TopicsRun } from './refresh-topics.js';

export const REFRESH_TOPICS_JOB = 'topics.refresh';
/** The job looks every hour and runs once a local day (the first tick after midnight, or after a stop). */
export const REFRESH_TOPICS_EVERY_MS = 3_600_000;

export const refreshTopicsJob = defineJob({
  kind: REFRESH_TOPICS_JOB,
  payload: Type.Object({}),
  handler: async (ctx) => {
    if (await ranToday(ctx)) return;
    const found = await findTopics(ctx);
    await ctx.runInJobTransaction((tx) => storeTopics(tx, found));
  },
  maxAttempts: 3,
  timeoutMs: 15 * 60_000,
});

/** `kesu topics run`: today's topics now, whether or not the job has run; returns the lines to print. */
export async function runTopicsCommand(app: AppContext): Promise<string[]> {
  const found = await findTopics(app);
  const run: TopicsRun = await app.db.transaction().execute((tx) => storeTopics(tx, found));
  return [
    `hot topics of ${run.day}: ${run.topics} topics from ${run.complaints} complaints`,
    ...run.warnings.map(
      (w) => `new and growing: ${w.figures.words.join(' ')} (${w.figures.size} complaints)`,
    ),
  ];
}
