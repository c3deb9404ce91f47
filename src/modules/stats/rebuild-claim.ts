import { randomInt } from 'node:crypto';
import type { Db, Tx } from '../../db/database.js';

/**
 * A running rebuild's claim: the `stats_watermarks` row of this name, its `event_id` the claim's token
 * and `updated_at` its heartbeat. While it is there the job does not follow the history; a claim not
 * kept for REBUILD_STALE_MS is a rebuild that died, and the job starts it again.
 */
const REBUILD = 'rebuild';
export const REBUILD_STALE_MS = 60_000;

export class RebuildRunning extends Error {
  constructor(since: number) {
    super(`a statistics rebuild is already running (last heard of at ${new Date(since).toISOString()})`);
  }
}

/** Takes the claim unless a live one is held; returns its token. */
export async function claimRebuild(tx: Tx, now: number): Promise<number> {
  const token = randomInt(1, 2 ** 47);
  const taken = await tx
    .insertInto('stats_watermarks')
    .values({ name: REBUILD, event_id: token, updated_at: now })
    .onConflict((oc) =>
      oc
        .column('name')
        .doUpdateSet({ event_id: token, updated_at: now })
        .where('stats_watermarks.updated_at', '<', now - REBUILD_STALE_MS),
    )
    .returning('event_id')
    .executeTakeFirst();
  if (taken) return token;
  throw new RebuildRunning((await rebuildClaim(tx))?.updated_at ?? now);
}

/** Renews the claim, or throws if another rebuild has taken it over meanwhile. */
export async function keepClaim(tx: Tx, token: number, now: number): Promise<void> {
  const kept = await tx
    .updateTable('stats_watermarks')
    .set({ updated_at: now })
    .where('name', '=', REBUILD)
    .where('event_id', '=', token)
    .executeTakeFirst();
  if (Number(kept.numUpdatedRows) === 0)
    throw new Error('the statistics rebuild was taken over by another one');
}

export async function releaseClaim(tx: Tx, token: number): Promise<void> {
  await tx.deleteFrom('stats_watermarks').where('name', '=', REBUILD).where('event_id', '=', token).execute();
}

export async function rebuildClaim(db: Db | Tx): Promise<{ updated_at: number } | undefined> {
  return db
    .selectFrom('stats_watermarks')
    .select('updated_at')
    .where('name', '=', REBUILD)
    .executeTakeFirst();
}
