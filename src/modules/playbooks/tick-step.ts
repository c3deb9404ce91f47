import type { ActorContext } from '../../context.js';
import { badRequest, conflict, forbidden, notFound } from '../../lib/errors.js';
import { appendEvent } from '../audit/index.js';
import { COMPLAINT_STREAM, lockVisibleComplaint } from '../complaints/index.js';
import { checklistSteps, mayTick } from './checklist.js';
import type { ChecklistView, TickInput } from './schemas.js';

/**
 * Tick a checklist step (or untick it, with a reason): who and when are kept on the step, and the
 * complaint's history gets an event, in one transaction.
 */
export async function tickStep(
  ctx: ActorContext,
  number: string,
  stepId: number,
  input: TickInput,
): Promise<ChecklistView> {
  if (!input.done && !input.reason?.trim())
    throw badRequest('validation_failed', [{ path: '/reason', code: 'required' }]);
  return ctx.db.transaction().execute(async (tx) => {
    const c = await lockVisibleComplaint(tx, ctx, number);
    if (!mayTick(ctx.actor, c.status)) {
      if (c.status === 'closed') throw conflict('complaint_archived', { action: 'update' });
      throw forbidden('forbidden', { action: 'update' });
    }
    const step = await tx
      .selectFrom('complaint_checklist_steps')
      .selectAll()
      .where('id', '=', stepId)
      .where('complaint_id', '=', c.id)
      .executeTakeFirst();
    if (!step) throw notFound('checklist_step_not_found', { stepId });
    if (input.done === (step.done_at !== null))
      throw conflict(input.done ? 'checklist_step_done' : 'checklist_step_not_done', { stepId });
    const now = ctx.clock.now();
    await tx
      .updateTable('complaint_checklist_steps')
      .set(input.done ? { done_at: now, done_by: ctx.actor.userId } : { done_at: null, done_by: null })
      .where('id', '=', step.id)
      .execute();
    await appendEvent(tx, {
      streamType: COMPLAINT_STREAM,
      streamId: c.id,
      actorId: ctx.actor.userId,
      at: now,
      kind: input.done ? 'checklist_step_ticked' : 'checklist_step_unticked',
      data: {
        step: {
          id: step.id,
          playbookId: step.playbook_id,
          textZh: step.text_zh,
          textEn: step.text_en,
          required: step.required === 1,
        },
        ...(input.done ? {} : { was: { doneAt: step.done_at, doneBy: step.done_by } }),
      },
      comment: input.reason ?? null,
    });
    return { items: await checklistSteps(tx, c.id), mayTick: true };
  });
}
