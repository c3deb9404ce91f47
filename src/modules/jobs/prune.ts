import type { Db } from '../../db/database.js';

/** Delete finished jobs older than `finishedBefore` (every cron slot leaves one); dead jobs stay for the admin. */
export async function pruneJobs(db: Db, finishedBefore: number): Promise<number> {
  const r = await db
    .deleteFrom('jobs')
    .where('state', '=', 'done')
    .where('finished_at', '<', finishedBefore)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
