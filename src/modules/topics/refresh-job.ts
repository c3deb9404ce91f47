import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/database.js';
import { defineJob } from '../jobs/index.js';
import { raiseWarning } from '../warnings/index.js';
import { type FoundTopics, findTopics, ranToday, storeTopics, type TopicsRun } from './refresh-topics.js';

export const REFRESH_TOPICS_JOB = 'topics.refresh';
/** The job looks every hour and runs once a local day (the first tick after midnight, or after a stop). */
export const REFRESH_TOPICS_EVERY_MS = 3_600_000;

/** Today's topics stored, and a warning (预警) raised for each new topic that grows fast, in one transaction. */
async function storeAndWarn(tx: Tx, app: AppContext, found: FoundTopics): Promise<TopicsRun> {
  const run = await storeTopics(tx, found);
  for (const w of run.warnings)
    await raiseWarning(tx, app, {
      kind: 'topic',
      scope: { kind: 'topic', key: w.scope.key, label: w.figures.words.slice(0, 4).join(' ') },
      ...(w.unitId === null ? {} : { unitId: w.unitId }),
      figures: w.figures,
      complaintIds: w.complaintIds,
    });
  return run;
}

export const refreshTopicsJob = defineJob({
  kind: REFRESH_TOPICS_JOB,
  payload: Type.Object({}),
  handler: async (ctx) => {
    if (await ranToday(ctx)) return;
    const found = await findTopics(ctx);
    await ctx.runInJobTransaction((tx) => storeAndWarn(tx, ctx, found));
  },
  maxAttempts: 3,
  timeoutMs: 15 * 60_000,
});

/** `kesu topics run`: today's topics now, whether or not the job has run; returns the lines to print. */
export async function runTopicsCommand(app: AppContext): Promise<string[]> {
  const found = await findTopics(app);
  const run = await app.db.transaction().execute((tx) => storeAndWarn(tx, app, found));
  return [
    `hot topics of ${run.day}: ${run.topics} topics from ${run.complaints} complaints`,
    ...run.warnings.map(
      (w) => `new and growing: ${w.figures.words.join(' ')} (${w.figures.size} complaints)`,
    ),
  ];
}
