import type { Db } from '../../db/database.js';

/** The states whose rows stay few: done jobs pile up until pruned, so they are counted as they run instead. */
const QUEUE_STATES = ['pending', 'running', 'dead'] as const;

/** Jobs waiting, running and dead, by kind: read from the (state, kind) index alone. */
export async function jobQueueCounts(db: Db): Promise<Array<{ kind: string; state: string; count: number }>> {
  const rows = await db
    .selectFrom('jobs')
    .select(['state', 'kind', (eb) => eb.fn.countAll<number>().as('count')])
    .where('state', 'in', QUEUE_STATES)
    .groupBy(['state', 'kind'])
    .execute();
  return rows.map((r) => ({ kind: r.kind, state: r.state, count: Number(r.count) }));
}

/** How long the oldest due job has waited for a worker (0 when none waits): one step into the (state, run_at) index. */
export async function oldestWaitingMs(db: Db, now: number): Promise<number> {
  const row = await db
    .selectFrom('jobs')
    .select((eb) => eb.fn.min<number | null>('run_at').as('oldest'))
    .where('state', '=', 'pending')
    .where('run_at', '<=', now)
    .executeTakeFirst();
  const oldest = row?.oldest;
  return oldest === null || oldest === undefined ? 0 : Math.max(0, now - Number(oldest));
}
