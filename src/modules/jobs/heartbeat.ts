import type { Db } from '../../db/database.js';

/** Record that a worker's poll loop is alive (one row per worker, upserted). */
export async function writeHeartbeat(
  db: Db,
  workerId: string,
  startedAt: number,
  now: number,
): Promise<void> {
  await db
    .insertInto('worker_heartbeats')
    .values({ worker_id: workerId, started_at: startedAt, heartbeat_at: now })
    .onConflict((oc) => oc.column('worker_id').doUpdateSet({ heartbeat_at: now }))
    .execute();
}

/** When the worker last reported, or null if it never has. */
export async function lastHeartbeat(db: Db, workerId: string): Promise<number | null> {
  const row = await db
    .selectFrom('worker_heartbeats')
    .select('heartbeat_at')
    .where('worker_id', '=', workerId)
    .executeTakeFirst();
  return row ? Number(row.heartbeat_at) : null;
}

/** Rows of workers silent since `before` (stopped or killed processes: each start adds a row). */
export async function pruneHeartbeats(db: Db, before: number): Promise<void> {
  await db.deleteFrom('worker_heartbeats').where('heartbeat_at', '<', before).execute();
}
