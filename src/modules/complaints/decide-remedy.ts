import type { Static } from 'typebox';
import type { ActorContext } from '../../context.js';
import type { Db, Tx } from '../../db/database.js';
import { badRequest, conflict, forbidden } from '../../lib/errors.js';
import { readSetting } from '../settings/index.js';
import { type AuthorityLimits, DEFAULT_AUTHORITY_LIMITS, mayDecide, requiredApprover } from './authority.js';
import { runComplaintCommand } from './complaint-command.js';
import { checkDue, planFulfilment, planOf } from './fulfil-remedy.js';
import { costShareProblems } from './fulfilment.js';
import type { ApproveInput, CostShareInput, ProposeInput } from './fulfilment-schemas.js';
import { insertRemedy } from './records.js';
import type { ReasonBody } from './schemas.js';

export const authorityLimits = (db: Db | Tx) =>
  readSetting<AuthorityLimits>(db, 'authority_limits', DEFAULT_AUTHORITY_LIMITS);

/** 400 with field details unless the cost shares add up to the remedy's amount. */
function checkCostShares(shares: CostShareInput[] | undefined, amount: number): void {
  const problems = costShareProblems(shares ?? [], amount);
  if (problems.length) throw badRequest('validation_failed', problems);
}

/**
 * 处理方案: propose a remedy, with who bears its cost. Within the proposer's authority it is approved
 * at once and its fulfilment planned; beyond it, it waits for the lowest role whose limit covers it
 * (a major complaint: the manager), keeping the proposer's fulfilment plan for the approval.
 */
export const proposeRemedy = (ctx: ActorContext, number: string, input: ProposeInput) =>
  runComplaintCommand(ctx, number, 'propose', async (tx, c) => {
    if (c.liable_party === null) throw conflict('judgement_required');
    checkCostShares(input.costShares, input.amount);
    const major = c.grade === 'major';
    const limits = await authorityLimits(tx);
    const own = mayDecide(limits, ctx.actor.roles, input.amount, major);
    const approver = own ? null : requiredApprover(limits, input.amount, major);
    if (!own && !approver) throw conflict('no_approver_for_amount', { amount: input.amount });
    const plan = planOf(input.fulfilment);
    const now = ctx.clock.now();
    checkDue(plan.dueAt, now);
    const id = await insertRemedy(
      tx,
      c.id,
      input,
      { approved: own, requiredRole: approver, actorId: ctx.actor.userId, now },
      plan,
    );
    const planned = own ? await planFulfilment(tx, ctx, c, { id, kinds: input.kinds }, plan) : {};
    return {
      kind: own ? 'remedy_proposed_and_approved' : 'remedy_proposed',
      set: { status: own ? 'approved' : 'proposed' },
      data: {
        remedyId: id,
        kinds: input.kinds,
        amount: input.amount,
        requiredRole: approver,
        ...(input.costShares?.length ? { costShares: input.costShares } : {}),
        ...(planned.fulfilment ? { fulfilment: planned.fulfilment } : {}),
      },
      comment: input.description,
      clocks: planned.clocks,
    };
  });

async function decide(
  ctx: ActorContext,
  number: string,
  action: 'approve' | 'reject',
  input: { comment: string | null; approval?: ApproveInput },
) {
  const { comment, approval } = input;
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
    const costShares = approval?.costShares;
    if (costShares) checkCostShares(costShares, pending.amount);
    await tx
      .updateTable('remedy_proposals')
      .set({
        status: approved ? 'approved' : 'rejected',
        decided_by: ctx.actor.userId,
        decided_at: ctx.clock.now(),
        decision_comment: comment,
        ...(costShares ? { cost_shares: JSON.stringify(costShares) } : {}),
      })
      .where('id', '=', pending.id)
      .execute();
    const kinds = JSON.parse(pending.kinds) as string[];
    // The approver's choice of owner and due date, else the proposer's.
    const chosen = planOf(approval?.fulfilment);
    const planned = approved
      ? await planFulfilment(
          tx,
          ctx,
          c,
          { id: pending.id, kinds },
          {
            ownerId: chosen.ownerId ?? pending.fulfilment_owner_id,
            dueAt: chosen.dueAt ?? pending.fulfilment_due_at,
          },
        )
      : {};
    return {
      kind: approved ? 'remedy_approved' : 'remedy_rejected',
      set: { status: approved ? 'approved' : 'investigating' },
      data: {
        remedyId: pending.id,
        kinds,
        amount: pending.amount,
        ...(costShares ? { costShares } : {}),
        ...(planned.fulfilment ? { fulfilment: planned.fulfilment } : {}),
      },
      comment,
      clocks: planned.clocks,
    };
  });
}

/** 审批通过, optionally setting who bears the cost and who carries the remedy out by when. */
export const approveRemedy = (ctx: ActorContext, number: string, input: ApproveInput) =>
  decide(ctx, number, 'approve', { comment: input.comment ?? null, approval: input });

/** 驳回: back to investigation for a new proposal. */
export const rejectRemedy = (ctx: ActorContext, number: string, input: Static<typeof ReasonBody>) =>
  decide(ctx, number, 'reject', { comment: input.reason });
