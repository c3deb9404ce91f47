import type { Db } from '../../db/database.js';
import { rollupsEmptied, WATERMARK } from './follow-history.js';
import { rebuildClaim } from './rebuild-claim.js';

/**
 * Are the figures being counted again from the complaints? While a rebuild runs (`kesu stats rebuild`,
 * the job's after an upgrade emptied the rollups, or the job's again after one died) a period can count
 * part old, part new; and emptied rollups count nothing until their rebuild has begun.
 */
export async function statsRecounting(db: Db): Promise<boolean> {
  return (await rebuildClaim(db)) !== undefined || (await rollupsEmptied(db));
}

/**
 * Have the figures followed the history up to `at`? True when no rebuild is under way and no event after
 * the watermark happened at or before it. A report of a period waits for this at the period's end (the
 * figures lag by seconds, more after a bulk load). Reads the events after the watermark from their
 * primary key, stopping at the first hit.
 */
export async function statsCaughtUp(db: Db, at: number): Promise<boolean> {
  if (await rebuildClaim(db)) return false;
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
