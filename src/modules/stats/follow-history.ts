import type { AppContext } from '../../context.js';
import type { Db, Tx } from '../../db/database.js';
import { COMPLAINT_STREAM } from '../complaints/index.js';
import { currentFacts, storedFacts, storeFacts } from './load-facts.js';
import { REBUILD_STALE_MS, rebuildClaim } from './rebuild-claim.js';
import { RollupDelta } from './rollups.js';

export const FOLLOW_HISTORY_JOB = 'stats.follow-history';
/** How often the statistics catch up with the history. */
export const FOLLOW_EVERY_MS = 5_000;
export const WATERMARK = 'complaints';
/** The most events one transaction follows (the tests' loops and a quiet server take this many). */
export const MAX_BATCH = 2_000;
/**
 * On PostgreSQL an event id is taken before its transaction commits, so a later id can be visible
 * before an earlier one: the watermark does not pass a missing id until the events after it are
 * this old. The complaints past a gap are recounted now and again when it closes (a recount is exact).
 */
export const GAP_GRACE_MS = 60_000;

export async function readWatermark(tx: Tx, lock = false): Promise<number> {
  const q = tx.selectFrom('stats_watermarks').select('event_id').where('name', '=', WATERMARK);
  return (await (lock ? q.forUpdate() : q).executeTakeFirst())?.event_id ?? 0;
}

/** No watermark but complaints: the rollups were emptied (a migration changed them) and must be rebuilt. */
export async function rollupsEmptied(db: Db): Promise<boolean> {
  const mark = await db
    .selectFrom('stats_watermarks')
    .select('event_id')
    .where('name', '=', WATERMARK)
    .executeTakeFirst();
  if (mark) return false;
  return (await db.selectFrom('complaints').select('id').limit(1).executeTakeFirst()) !== undefined;
}

/** Emptied rollups must be rebuilt; so must they when a rebuild died on the way (its claim no longer kept). */
export async function needsRebuild(db: Db, now: number): Promise<boolean> {
  const claim = await rebuildClaim(db);
  if (claim) return claim.updated_at < now - REBUILD_STALE_MS;
  return rollupsEmptied(db);
}

export async function saveWatermark(tx: Tx, eventId: number, now: number): Promise<void> {
  await tx
    .insertInto('stats_watermarks')
    .values({ name: WATERMARK, event_id: eventId, updated_at: now })
    .onConflict((oc) => oc.column('name').doUpdateSet({ event_id: eventId, updated_at: now }))
    .execute();
}

/**
 * Recount the complaints touched by the history events after the watermark: their facts as they are
 * now replace the stored ones and the rollups get the difference (new − old), with the watermark
 * moved on, all in the caller's transaction. Returns how many events it read (0: caught up).
 */
export async function followHistory(tx: Tx, app: AppContext, batch = MAX_BATCH): Promise<number> {
  const now = app.clock.now();
  const from = await readWatermark(tx, true);
  // A rebuild is under way (or died, and the job starts it again): it recounts everything.
  if (await rebuildClaim(tx)) return 0;
  const events = await tx
    .selectFrom('events')
    .select(['id', 'stream_type', 'stream_id', 'at'])
    .where('id', '>', from)
    .orderBy('id')
    .limit(batch)
    .execute();
  if (events.length === 0) return 0;
  const ids = [...new Set(events.filter((e) => e.stream_type === COMPLAINT_STREAM).map((e) => e.stream_id))];
  await recount(tx, ids, app.config.timeZone);
  let next = from;
  for (const e of events) {
    if (e.id !== next + 1 && now - e.at < GAP_GRACE_MS) break;
    next = e.id;
  }
  await saveWatermark(tx, next, now);
  return next > from ? events.length : 0;
}

/** Make the stored facts and rollups of these complaints match the complaints as they are now. */
export async function recount(tx: Tx, ids: readonly number[], timeZone: string): Promise<void> {
  if (ids.length === 0) return;
  const before = await storedFacts(tx, ids);
  const after = await currentFacts(tx, ids, timeZone);
  const delta = new RollupDelta();
  for (const f of before.values()) delta.add(f, -1);
  for (const f of after.values()) delta.add(f, 1);
  await delta.apply(tx);
  await storeFacts(tx, ids, after);
}
