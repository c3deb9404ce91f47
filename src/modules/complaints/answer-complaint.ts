import type { Static } from 'typebox';
import type { ActorContext } from '../../context.js';
import type { Tx } from '../../db/database.js';
import { runComplaintCommand } from './complaint-command.js';
import type { ConfirmBody, ReasonBody, ReplyInput } from './schemas.js';

export async function insertReply(
  tx: Tx,
  complaintId: number,
  kind: string,
  reply: ReplyInput,
  actorId: number,
  now: number,
) {
  const { id } = await tx
    .insertInto('replies')
    .values({
      complaint_id: complaintId,
      kind,
      method: reply.method,
      summary: reply.summary,
      actions: reply.actions,
      result: reply.result,
      basis: reply.basis,
      follow_up: reply.followUp,
      sent_by: actorId,
      sent_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** 回复: the answer with its five sections; the customer is then asked to confirm. */
export const replyToCustomer = (ctx: ActorContext, number: string, input: ReplyInput) =>
  runComplaintCommand(ctx, number, 'reply', async (tx, c) => {
    const replyId = await insertReply(tx, c.id, 'reply', input, ctx.actor.userId, ctx.clock.now());
    return { kind: 'replied', set: { status: 'replied' }, data: { replyId, method: input.method } };
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
