import type { Db, Tx } from '../../db/database.js';
import type { PeriodRange } from '../../lib/periods.js';

/** The sheet stored when its month was closed; null when the range is not one closed month (then live). */
export async function frozenSheet<T extends object>(
  db: Db | Tx,
  range: PeriodRange,
  kind: 'user' | 'unit',
  id: number,
): Promise<T | null> {
  if (range.from !== range.to) return null;
  const row = await db
    .selectFrom('assessment_snapshots')
    .innerJoin('assessment_periods', 'assessment_periods.period', 'assessment_snapshots.period')
    .innerJoin('users', 'users.id', 'assessment_periods.closed_by')
    .select(['assessment_snapshots.sheet', 'assessment_periods.closed_at', 'users.display_name'])
    .where('assessment_snapshots.period', '=', range.from)
    .where('assessment_snapshots.subject_kind', '=', kind)
    .where('assessment_snapshots.subject_id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  return {
    ...(JSON.parse(row.sheet) as T),
    frozen: { closedAt: new Date(Number(row.closed_at)).toISOString(), closedBy: row.display_name },
  };
}
