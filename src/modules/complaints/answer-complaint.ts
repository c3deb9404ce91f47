import type { Static } from 'typebox';
import type { ActorContext } from '../../context.js';
import { assertRequiredStepsDone } from '../playbooks/index.js';
import { runComplaintCommand } from './complaint-command.js';
import { insertReply } from './records.js';
import { remedyBeforeReply } from './remedy-before-reply.js';
import type { ConfirmBody, ReasonBody, ReplyInput } from './schemas.js';

/** 回复: the answer with its five sections; the customer is then asked to confirm. */
export const replyToCustomer = (ctx: ActorContext, number: string, input: ReplyInput) =>
  runComplaintCommand(ctx, number, 'reply', async (tx, c) => {
    await assertRequiredStepsDone(tx, c.id);
    const { reply, data } = await remedyBeforeReply(tx, ctx, c, input);
    const replyId = await insertReply(tx, c.id, reply, {
      kind: 'reply',
      actorId: ctx.actor.userId,
      now: ctx.clock.now(),
    });
    return { kind: 'replied', set: { status: 'replied' }, data: { replyId, method: input.method, ...data } };
  });

/** 客户确认: satisfied resolves; not satisfied reopens the investigation and counts it. */
export const recordConfirmation = (ctx: ActorContext, number: string, input: Static<typeof ConfirmBody>) =>
  runComplaintCommand(ctx, number, 'confirm', async (_tx, c) => {
    const now = ctx.clock.now();
    const satisfied = input.outcome === 'satisfied';
    return {
      kind: satisfied ? 'confirmed_satisfied' : 'confirmed_unsatisfied',
      set: satisfied
        ? { status: 'resolved', customer_confirmation: 'satisfied', confirmed_at: now, resolved_at: now }
        : {
            status: 'investigating',
            customer_confirmation: 'unsatisfied',
            confirmed_at: now,
            reopen_count: c.reopen_count + 1,
          },
      comment: input.comment ?? null,
    };
  });

/** 重新处理: the customer comes back after resolution (or disputes an invalid ruling). */
export const reopenComplaint = (ctx: ActorContext, number: string, input: Static<typeof ReasonBody>) =>
  runComplaintCommand(ctx, number, 'reopen', async (_tx, c) => ({
    kind: 'reopened',
    set: {
      status: 'investigating',
      reopen_count: c.reopen_count + 1,
      resolved_at: null,
      customer_confirmation: null,
    },
    comment: input.reason,
  }));
