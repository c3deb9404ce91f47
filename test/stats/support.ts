import { expect } from 'vitest';
import type { AppContext } from '../../src/context.js';
import type { Db } from '../../src/db/database.js';
import { createJobRegistry, enqueue, runDueJobs } from '../../src/modules/jobs/index.js';
import { followHistoryJob } from '../../src/modules/stats/index.js';

/** Each rollup table's key columns. */
export const ROLLUP_KEYS = {
  stats_totals: ['unit_id', 'day'],
  stats_counts: ['dim', 'unit_id', 'day', 'key'],
  stats_hours: ['unit_id', 'day', 'hour'],
  stats_stages: ['unit_id', 'day', 'stage', 'bucket'],
  stats_remedies: ['unit_id', 'day', 'kinds', 'level'],
} as const;

/** The last history event the statistics have followed. */
export async function statsWatermark(db: Db): Promise<number | undefined> {
  return (
    await db
      .selectFrom('stats_watermarks')
      .select('event_id')
      .where('name', '=', 'complaints')
      .executeTakeFirst()
  )?.event_id;
}

/** One run of the statistics job, as the worker would run it; it must end done. */
export async function runFollowJob(app: AppContext): Promise<void> {
  await enqueue(app.db, followHistoryJob, {}, { now: app.clock.now() });
  expect(await runDueJobs(app, createJobRegistry().register(followHistoryJob))).toMatchObject({
    done: 1,
    retried: 0,
    dead: 0,
  });
}
