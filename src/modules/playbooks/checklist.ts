import type { ActorContext } from '../../context.js';
import type { Db, Tx } from '../../db/database.js';
import type { Actor } from '../../domain/actor.js';
import type { Status } from '../../domain/complaint-model.js';
import { conflict, notFound } from '../../lib/errors.js';
import { ALLOWED_FROM, canSee, may } from '../complaints/index.js';
import type { ChecklistStepView, ChecklistView } from './schemas.js';

const iso = (ms: number) => new Date(ms).toISOString();

/** Ticking a step is part of working the complaint: who may update it, while it is not closed. */
export const mayTick = (actor: Actor, status: string) =>
  may(actor, 'update') && ALLOWED_FROM.update.includes(status as Status);

export async function checklistSteps(db: Db | Tx, complaintId: number): Promise<ChecklistStepView[]> {
  const rows = await db
    .selectFrom('complaint_checklist_steps as s')
    .leftJoin('users as u', 'u.id', 's.done_by')
    .selectAll('s')
    .select('u.display_name as done_by_name')
    .where('s.complaint_id', '=', complaintId)
    .orderBy('s.attached_at')
    .orderBy('s.playbook_id')
    .orderBy('s.position')
    .execute();
  return rows.map((s) => ({
    id: s.id,
    playbookId: s.playbook_id,
    playbookNameZh: s.playbook_name_zh,
    playbookNameEn: s.playbook_name_en,
    position: s.position,
    textZh: s.text_zh,
    textEn: s.text_en,
    required: s.required === 1,
    documents: JSON.parse(s.documents),
    attachedAt: iso(s.attached_at),
    doneAt: s.done_at === null ? null : iso(s.done_at),
    doneBy: s.done_by === null ? null : { id: s.done_by, name: s.done_by_name ?? '' },
  }));
}

/** 处置清单: the checklist of a complaint the caller may see (404 otherwise). */
export async function getChecklist(ctx: ActorContext, number: string): Promise<ChecklistView> {
  const c = await ctx.db
    .selectFrom('complaints')
    .select(['id', 'status', 'unit_path', 'intake_unit_path', 'assignee_id'])
    .where('number', '=', number)
    .executeTakeFirst();
  if (!c || !canSee(ctx.actor, c)) throw notFound('complaint_not_found', { number });
  return { items: await checklistSteps(ctx.db, c.id), mayTick: mayTick(ctx.actor, c.status) };
}

/**
 * Before the reply: 409 `playbook_steps_open` while a required step of the complaint's checklist is
 * not ticked, listing those steps.
 */
export async function assertRequiredStepsDone(tx: Tx, complaintId: number): Promise<void> {
  const open = await tx
    .selectFrom('complaint_checklist_steps')
    .select(['id', 'text_zh', 'text_en'])
    .where('complaint_id', '=', complaintId)
    .where('required', '=', 1)
    .where('done_at', 'is', null)
    .orderBy('id')
    .execute();
  if (open.length > 0)
    throw conflict('playbook_steps_open', {
      count: open.length,
      steps: open.map((s) => ({ id: s.id, textZh: s.text_zh, textEn: s.text_en })),
    });
}
