import type { Static } from 'typebox';
import type { ActorContext } from '../../context.js';
import { OPEN_STATUSES, type Status } from '../../domain/complaint-model.js';
import { badRequest } from '../../lib/errors.js';
import { appendEvent } from '../audit/index.js';
import { scheduleReturnVisit } from '../return-visits/index.js';
import { COMPLAINT_STREAM, runComplaintCommand } from './complaint-command.js';
import { canSee, requireMajorCloser } from './permissions.js';
import { insertReply } from './records.js';
import type { InvalidateBody, MergeBody, OptionalCommentBody, ReasonBody } from './schemas.js';

/** 合并: fold a duplicate into another open complaint; both histories say so. */
export const mergeComplaint = (ctx: ActorContext, number: string, input: Static<typeof MergeBody>) =>
  runComplaintCommand(ctx, number, 'merge', async (tx, c) => {
    const target = await tx
      .selectFrom('complaints')
      .selectAll()
      .where('number', '=', input.into)
      .forUpdate()
      .executeTakeFirst();
    if (!target || !canSee(ctx.actor, target))
      throw badRequest('validation_failed', [{ path: '/into', code: 'unknown_complaint' }]);
    if (target.id === c.id)
      throw badRequest('validation_failed', [{ path: '/into', code: 'merge_into_self' }]);
    if (!OPEN_STATUSES.includes(target.status as Status)) {
      throw badRequest('validation_failed', [{ path: '/into', code: 'merge_target_not_open' }]);
    }
    const now = ctx.clock.now();
    await tx
      .insertInto('complaint_links')
      .values({ complaint_id: c.id, kind: 'merged_into', target_id: target.id, created_at: now })
      .execute();
    await tx.updateTable('complaints').set({ updated_at: now }).where('id', '=', target.id).execute();
    await appendEvent(tx, {
      streamType: COMPLAINT_STREAM,
      streamId: target.id,
      actorId: ctx.actor.userId,
      at: now,
      kind: 'merged_from',
      data: { from: c.number },
      comment: input.reason,
    });
    return {
      kind: 'merged',
      set: { status: 'merged', merged_into_id: target.id, close_reason: input.reason },
      data: { into: target.number },
      comment: input.reason,
    };
  });

/** 撤诉: the customer withdraws the complaint. */
export const withdrawComplaint = (ctx: ActorContext, number: string, input: Static<typeof ReasonBody>) =>
  runComplaintCommand(ctx, number, 'withdraw', async () => ({
    kind: 'withdrawn',
    set: { status: 'withdrawn', close_reason: input.reason },
    comment: input.reason,
  }));

/** 无效/不予受理: not accepted, with the reason, and still answered. */
export const invalidateComplaint = (
  ctx: ActorContext,
  number: string,
  input: Static<typeof InvalidateBody>,
) =>
  runComplaintCommand(ctx, number, 'invalidate', async (tx, c) => {
    const replyId = await insertReply(tx, c.id, input.reply, {
      kind: 'invalid_answer',
      actorId: ctx.actor.userId,
      now: ctx.clock.now(),
    });
    return {
      kind: 'invalidated',
      set: {
        status: 'invalid',
        validity: 'invalid',
        invalid_reason: input.reason,
        validity_kind: null,
        close_reason: input.explanation,
      },
      data: { replyId, method: input.reply.method },
      comment: input.explanation,
    };
  });

/**
 * 归档: the record becomes read-only. A major complaint is closed by the manager or the executive.
 * Its return visit (回访) is scheduled in the same transaction when the selection picks it.
 */
export const archiveComplaint = (
  ctx: ActorContext,
  number: string,
  input: Static<typeof OptionalCommentBody>,
) =>
  runComplaintCommand(ctx, number, 'archive', async (tx, c) => {
    if (c.grade === 'major') requireMajorCloser(ctx.actor);
    const now = ctx.clock.now();
    const returnVisit = await scheduleReturnVisit(tx, ctx, c, now);
    return {
      kind: 'archived',
      set: { status: 'closed', closed_at: now },
      ...(returnVisit ? { data: { returnVisit } } : {}),
      comment: input.comment ?? null,
    };
  });
