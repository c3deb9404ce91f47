import type { ActorContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import { hasRole, seesAll, subtreeEnd } from '../../domain/actor.js';
import { decodeCursor, encodeCursor } from '../../lib/cursor.js';
import { notFound } from '../../lib/errors.js';
import { canSee } from '../complaints/index.js';
import { type ActionStatus, MANAGING_ROLES, RUNNING } from './rules.js';
import type { ActionListInput, ActionSummary } from './schemas.js';

const iso = (ms: number) => new Date(ms).toISOString();

/** The summary columns, with unit, owner and the number of linked complaints in the same statement. */
export function summaries(db: Db) {
  return db
    .selectFrom('corrective_actions as a')
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .innerJoin('users as o', 'o.id', 'a.owner_id')
    .select((eb) => [
      'a.id',
      'a.kind',
      'a.title',
      'a.status',
      'a.due_at',
      'a.created_at',
      'a.unit_id',
      'u.name as unit_name',
      'u.name_en as unit_name_en',
      'a.owner_id',
      'o.display_name as owner_name',
      eb
        .selectFrom('corrective_action_complaints as l')
        .select((e) => e.fn.countAll<number | string>().as('n'))
        .whereRef('l.action_id', '=', 'a.id')
        .as('complaints'),
    ]);
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaries>['execute']>>[number];

export const toSummary = (r: SummaryRow, now: number): ActionSummary => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  status: r.status,
  unit: { id: r.unit_id, name: r.unit_name, nameEn: r.unit_name_en },
  owner: { id: r.owner_id, name: r.owner_name },
  dueAt: iso(r.due_at),
  overdue: RUNNING.includes(r.status as ActionStatus) && r.due_at < now,
  complaints: Number(r.complaints ?? 0),
  createdAt: iso(r.created_at),
});

/**
 * 整改清单: the actions the caller may see, earliest due first (so the overdue lead), by keyset on
 * (due_at, id). A supervisor and above sees their unit subtree's, every role its own (`mine`);
 * admins, auditors and executives every unit's.
 */
export async function listActions(ctx: ActorContext, q: ActionListInput) {
  const limit = q.limit ?? 50;
  const now = ctx.clock.now();
  let query = summaries(ctx.db);
  const managing = hasRole(ctx.actor, ...MANAGING_ROLES) || seesAll(ctx.actor);
  if (q.mine || !managing) query = query.where('a.owner_id', '=', ctx.actor.userId);
  else if (!seesAll(ctx.actor))
    query = query
      .where('a.unit_path', '>=', ctx.actor.unitPath)
      .where('a.unit_path', '<', subtreeEnd(ctx.actor.unitPath));
  if (q.unitId !== undefined) {
    const unit = await ctx.db
      .selectFrom('units')
      .select('path')
      .where('id', '=', q.unitId)
      .executeTakeFirst();
    const path = unit?.path ?? '/none/';
    query = query.where('a.unit_path', '>=', path).where('a.unit_path', '<', subtreeEnd(path));
  }
  if (q.ownerId !== undefined) query = query.where('a.owner_id', '=', q.ownerId);
  if (q.status) query = query.where('a.status', '=', q.status);
  else query = query.where('a.status', '!=', 'closed');
  if (q.cursor) {
    const [due, id] = decodeCursor(q.cursor, 'integer');
    const dueAt = Number(due);
    query = query.where((eb) =>
      eb.or([eb('a.due_at', '>', dueAt), eb.and([eb('a.due_at', '=', dueAt), eb('a.id', '>', id)])]),
    );
  }
  const rows = await query
    .orderBy('a.due_at')
    .orderBy('a.id')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => toSummary(r, now)),
    nextCursor: rows.length > limit && last ? encodeCursor([last.due_at, last.id]) : null,
  };
}

/** The actions a complaint is linked to (shown on the complaint page); 404 when the complaint is not visible. */
export async function complaintActions(ctx: ActorContext, number: string) {
  const c = await ctx.db
    .selectFrom('complaints')
    .select(['id', 'unit_path', 'intake_unit_path', 'assignee_id'])
    .where('number', '=', number)
    .executeTakeFirst();
  if (!c || !canSee(ctx.actor, c)) throw notFound('complaint_not_found', { number });
  const rows = await summaries(ctx.db)
    .innerJoin('corrective_action_complaints as link', 'link.action_id', 'a.id')
    .where('link.complaint_id', '=', c.id)
    .orderBy('a.id')
    .execute();
  const now = ctx.clock.now();
  return { items: rows.map((r) => toSummary(r, now)) };
}
