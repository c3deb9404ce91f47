import type { ActorContext } from '../../context.js';
import type { Tx } from '../../db/database.js';
import type { Complaint } from '../../db/schema.js';
import type { Grade } from '../../domain/complaint-model.js';
import { localDate } from '../../lib/time.js';
import { addDays, visitDelay } from './selection.js';
import { readReturnVisitSettings } from './settings.js';

export interface ScheduledVisit {
  visitId: number;
  dueOn: string;
  delayDays: number;
}

/**
 * 回访排期: in the transaction that closes a complaint, schedule its return visit when the selection
 * says so — a row for the intake unit's queue; the closing event records what it answers. A complaint
 * already holding a visit gets no second one.
 */
export async function scheduleReturnVisit(
  tx: Tx,
  ctx: ActorContext,
  c: Complaint,
  closedAt: number,
): Promise<ScheduledVisit | null> {
  const settings = await readReturnVisitSettings(tx);
  const category = await tx
    .selectFrom('categories')
    .select('path')
    .where('id', '=', c.category_id)
    .executeTakeFirstOrThrow();
  const days = visitDelay(settings, {
    id: c.id,
    grade: c.grade as Grade,
    categoryPath: category.path,
    status: c.status,
    reopenCount: c.reopen_count,
  });
  if (days === null) return null;
  const dueOn = addDays(localDate(closedAt, ctx.config.timeZone), days);
  const inserted = await tx
    .insertInto('return_visits')
    .values({
      complaint_id: c.id,
      unit_id: c.intake_unit_id,
      unit_path: c.intake_unit_path,
      due_on: dueOn,
      status: 'scheduled',
      delay_days: days,
      scheduled_at: closedAt,
    })
    .onConflict((oc) => oc.column('complaint_id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted ? { visitId: inserted.id, dueOn, delayDays: days } : null;
}
