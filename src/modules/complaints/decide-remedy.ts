import type { Static } from 'typebox';
import type { ActorContext } from '../../context.js';
import type { Db, Tx } from '../../db/database.js';
import { conflict, forbidden } from '../../lib/errors.js';
import { readSetting } from '../settings/index.js';
import { type AuthorityLimits, DEFAULT_AUTHORITY_LIMITS, mayDecide, requiredApprover } from './authority.js';
import { runComplaintCommand } from './complaint-command.js';
import { insertRemedy } from './records.js';
import type { DecisionBody, ReasonBody, RemedyInput } from './schemas.js';

export const authorityLimits = (db: Db | Tx) =>
  readSetting<AuthorityLimits>(db, 'authority_limits', DEFAULT_AUTHORITY_LIMITS);

/**
 * 处理方案: propose a remedy. Within the proposer's authority it is approved at once; beyond it,
 * it waits for the lowest role whose limit covers it (a major complaint: the manager).
 */
export const proposeRemedy = (ctx: ActorContext, number: string, input: RemedyInput) =>
  runComplaintCommand(ctx, number, 'propose', async (tx, c) => {
    if (c.liable_party === null) throw conflict('judgement_required');
    const major = c.grade === 'major';
    const limits = await authorityLimits(tx);
    const own = mayDecide(limits, ctx.actor.roles, input.amount, major);
    const approver = own ? null : requiredApprover(limits, input.amount, major);
    if (!own && !approver) throw conflict('no_approver_for_amount', { amount: input.amount });
    const id = await insertRemedy(tx, c.id, input, {
      approved: own,
      requiredRole: approver,
      actorId: ctx.actor.userId,
      now: ctx.clock.now(),
    });
    return {
      kind: own ? 'remedy_proposed_and_approved' : 'remedy_proposed',
      set: { status: own ? 'approved' : 'proposed' },
      data: { remedyId: id, kinds: input.kinds, amount: input.amount, requiredRole: approver },
      comment: input.description,
    };
  });

async function decide(
  ctx: ActorContext,
  number: string,
  action: 'approve' | 'reject',
  comment: string | null,
) {
  return runComplaintCommand(ctx, number, action, async (tx, c) => {
    const pending = await tx
      .selectFrom('remedy_proposals')
      .selectAll()
      .where('complaint_id', '=', c.id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (!pending) throw conflict('no_pending_remedy');
    const limits = await authorityLimits(tx);
    if (!mayDecide(limits, ctx.actor.roles, pending.amount, c.grade === 'major')) {
      throw forbidden('approval_limit_exceeded', {
        amount: pending.amount,
        requiredRole: pending.required_role,
      });
    }
    const approved = action === 'approve';
    await tx
      .updateTable('remedy_proposals')
      .set({
        status: approved ? 'approved' : 'rejected',
        decided_by: ctx.actor.userId,
        decided_at: ctx.clock.now(),
        decision_comment: comment,
      })
      .where('id', '=', pending.id)
      .execute();
    return {
      kind: approved ? 'remedy_approved' : 'remedy_rejected',
      set: { status: approved ? 'approved' : 'investigating' },
      data: { remedyId: pending.id, amount: pending.amount },
      comment,
    };
  });
}

/** 审批通过 */
export const approveRemedy = (ctx: ActorContext, number: string, input: Static<typeof DecisionBody>) =>
  decide(ctx, number, 'approve', input.comment ?? null);

/** 驳回: back to investigation for a new proposal. */
export const rejectRemedy = (ctx: ActorContext, number: string, input: Static<typeof ReasonBody>) =>
  decide(ctx, number, 'reject', input.reason);
