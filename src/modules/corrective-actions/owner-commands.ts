import type { ActorContext } from '../../context.js';
import { changeAction } from './change-action.js';

/** The owner records progress: the first note starts the work (open → in_progress). */
export const recordProgress = (ctx: ActorContext, id: number, note: string) =>
  changeAction(ctx, id, {
    who: 'owner',
    from: ['open', 'in_progress'],
    set: () => ({ status: 'in_progress', progress_note: note }),
    kind: 'progress',
    comment: note,
  });

/** The owner marks the action done with the evidence of completion. */
export const markDone = (ctx: ActorContext, id: number, note: string) =>
  changeAction(ctx, id, {
    who: 'owner',
    from: ['in_progress'],
    set: (_a, now) => ({ status: 'done', completion_note: note, done_at: now }),
    kind: 'done',
    comment: note,
  });
