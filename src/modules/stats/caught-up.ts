import type { Db } from '../../db/database.js';
import { WATERMARK } from './follow-history.js';

/**
 * Have the figures followed the history up to `at`? True when no event after the watermark happened
 * at or before it. A report of a period waits for this at the period's end (the figures lag by seconds,
 * more after a bulk load). Reads the events after the watermark from their primary key, stopping at the first hit.
 */
export async function statsCaughtUp(db: Db, at: number): Promise<boolean> {
  const mark = await db
    .selectFrom('stats_watermarks')
    .select('event_id')
    .where('name', '=', WATERMARK)
    .executeTakeFirst();
  const behind = await db
    .selectFrom('events')
    .select('id')
    .where('id', '>', mark?.event_id ?? 0)
    .where('at', '<=', at)
    .limit(1)
    .executeTakeFirst();
  return behind === undefined;
}
