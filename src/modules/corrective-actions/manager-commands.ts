import type { ActorContext } from '../../context.js';
import { badRequest, conflict } from '../../lib/errors.js';
import { changeAction } from './change-action.js';
import { countRecurrence } from './effectiveness.js';
import type { CloseInput, DueInput, VerifyInput } from './schemas.js';

/** Verify the completed action, or send it back to the owner (in_progress) with the reason. */
export const verifyAction = (ctx: ActorContext, id: number, input: VerifyInput) =>
  changeAction(ctx, id, {
    who: 'manager',
    from: ['done'],
    set: (_a, now) =>
      input.accept
        ? {
            status: 'verified',
            verified_by: ctx.actor.userId,
            verified_at: now,
            verify_comment: input.comment,
          }
        : { status: 'in_progress', done_at: null },
    kind: input.accept ? 'verified' : 'sent_back',
    comment: input.comment,
  });

/** Move the due date (recorded with the old one); reminders and escalation start again for the new date. */
export function extendDue(ctx: ActorContext, id: number, input: DueInput) {
  const dueAt = Date.parse(input.dueAt);
  if (dueAt <= ctx.clock.now())
    throw badRequest('validation_failed', [{ path: '/dueAt', code: 'not_in_future' }]);
  return changeAction(ctx, id, {
    who: 'manager',
    from: ['open', 'in_progress'],
    set: () => ({ due_at: dueAt, reminded_at: null, escalated_at: null }),
    kind: 'due_extended',
    data: (a) => ({ was: a.due_at, dueAt }),
    comment: input.reason,
  });
}

/**
 * After the effectiveness period: record effective / not effective with the recurrence figure it
 * was decided on (computed again here, so that the stored figure is the one of that moment).
 */
export async function closeAction(ctx: ActorContext, id: number, input: CloseInput) {
  const now = ctx.clock.now();
  await changeAction(ctx, id, {
    who: 'manager',
    from: ['verified'],
    set: async (a, _now, tx) => {
      const figure = await countRecurrence(tx, a, now);
      if (!figure?.complete) throw conflict('effect_period_running', { id });
      return {
        status: 'closed',
        outcome: input.outcome,
        outcome_figure: JSON.stringify(figure),
        closed_by: ctx.actor.userId,
        closed_at: now,
      };
    },
    kind: 'closed',
    data: (_a, values) => ({ outcome: input.outcome, figure: JSON.parse(values.outcome_figure as string) }),
    comment: input.comment,
  });
}
