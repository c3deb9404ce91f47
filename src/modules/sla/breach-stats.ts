import type { Db } from '../../db/database.js';

/** Clocks that ran past their limit and are not yet met, by stage: counted from a partial index of just those rows. */
export async function openBreachCounts(db: Db): Promise<Array<{ stage: string; count: number }>> {
  const rows = await db
    .selectFrom('complaint_deadlines')
    .select(['stage', (eb) => eb.fn.countAll<number>().as('count')])
    .where('breached_at', 'is not', null)
    .where('met_at', 'is', null)
    .groupBy('stage')
    .execute();
  return rows.map((r) => ({ stage: r.stage, count: Number(r.count) }));
}
