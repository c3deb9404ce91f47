import type { ActorContext } from '../../context.js';
import type { Db, Tx } from '../../db/database.js';
import { seesAll, subtreeEnd } from '../../domain/actor.js';
import { decodeCursor, encodeCursor } from '../../lib/cursor.js';
import { localDate } from '../../lib/time.js';
import { visibleComplaintId } from '../complaints/index.js';
import { requireReader } from './access.js';
import type { QueueInput, ReturnVisitView } from './schemas.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The visits with what the queue shows of each complaint, in one statement (no query per row). */
const visitRows = (db: Db | Tx) =>
  db
    .selectFrom('return_visits as v')
    .innerJoin('complaints as c', 'c.id', 'v.complaint_id')
    .innerJoin('units as u', 'u.id', 'v.unit_id')
    .leftJoin('users as by', 'by.id', 'v.last_called_by')
    .leftJoin('complaints as n', 'n.id', 'v.new_complaint_id')
    .select([
      'v.id',
      'v.unit_id',
      'v.unit_path',
      'v.due_on',
      'v.status',
      'v.delay_days',
      'v.attempts',
      'v.last_called_at',
      'v.note',
      'c.number',
      'c.title',
      'c.grade',
      'c.complainant_name',
      'c.closed_at',
      'u.name as unit_name',
      'by.display_name as called_by',
      'n.number as new_number',
    ]);

type VisitRow = Awaited<ReturnType<ReturnType<typeof visitRows>['execute']>>[number];

export const visitView = (r: VisitRow): ReturnVisitView => ({
  id: r.id,
  complaintNumber: r.number,
  title: r.title,
  grade: r.grade as ReturnVisitView['grade'],
  complainantName: r.complainant_name,
  closedAt: iso(r.closed_at),
  unitId: r.unit_id,
  unitName: r.unit_name,
  dueOn: r.due_on,
  status: r.status,
  delayDays: r.delay_days,
  attempts: r.attempts,
  lastCalledAt: iso(r.last_called_at),
  lastCalledBy: r.called_by,
  note: r.note,
  newComplaintNumber: r.new_number,
});

export async function findVisit(db: Db | Tx, id: number): Promise<ReturnVisitView> {
  return visitView(await visitRows(db).where('v.id', '=', id).executeTakeFirstOrThrow());
}

/**
 * 回访队列: the scheduled visits due today or earlier (the organisation's day) in the actor's unit
 * subtree, oldest due first, by cursor. A visit due tomorrow is not there until tomorrow begins.
 */
export async function returnVisitQueue(ctx: ActorContext, input: QueueInput) {
  requireReader(ctx.actor);
  const today = localDate(ctx.clock.now(), ctx.config.timeZone);
  const limit = input.limit ?? 50;
  let q = visitRows(ctx.db)
    .where('v.status', '=', 'scheduled')
    .where('v.due_on', '<=', today)
    .orderBy('v.due_on')
    .orderBy('v.id')
    .limit(limit + 1);
  if (!seesAll(ctx.actor))
    q = q
      .where('v.unit_path', '>=', ctx.actor.unitPath)
      .where('v.unit_path', '<', subtreeEnd(ctx.actor.unitPath));
  if (input.cursor) {
    const [dueOn, id] = decodeCursor(input.cursor, 'text');
    const after = String(dueOn);
    q = q.where((eb) =>
      eb.or([eb('v.due_on', '>', after), eb.and([eb('v.due_on', '=', after), eb('v.id', '>', id)])]),
    );
  }
  const rows = await q.execute();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    today,
    items: page.map(visitView),
    nextCursor: rows.length > limit && last ? encodeCursor([last.due_on, last.id]) : null,
  };
}

/** A complaint's return visits (shown on its page), for anyone who may see the complaint. */
export async function complaintReturnVisits(ctx: ActorContext, number: string): Promise<ReturnVisitView[]> {
  const id = await visibleComplaintId(ctx, number);
  return (await visitRows(ctx.db).where('v.complaint_id', '=', id).orderBy('v.id').execute()).map(visitView);
}
