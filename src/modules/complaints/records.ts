import type { Tx } from '../../db/database.js';
import type { CostShareInput } from './fulfilment-schemas.js';
import type { RemedyInput, ReplyInput } from './schemas.js';

/** Rows that belong to a complaint and are written by more than one command. */

export async function insertReply(
  tx: Tx,
  complaintId: number,
  reply: ReplyInput,
  { kind, actorId, now }: { kind: string; actorId: number; now: number },
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

/**
 * A remedy proposal: decided at once (`approved`) when within the proposer's authority, else `pending`
 * for `requiredRole`; with who bears its cost and, when the proposer chose them, its fulfilment's
 * owner and due date (the approval starts the fulfilment).
 */
export async function insertRemedy(
  tx: Tx,
  complaintId: number,
  remedy: RemedyInput & { costShares?: CostShareInput[] },
  decision: { approved: boolean; requiredRole: string | null; actorId: number; now: number },
  plan: { ownerId: number | null; dueAt: number | null } = { ownerId: null, dueAt: null },
) {
  const { approved, requiredRole, actorId, now } = decision;
  const { id } = await tx
    .insertInto('remedy_proposals')
    .values({
      complaint_id: complaintId,
      kinds: JSON.stringify(remedy.kinds),
      internal_actions: JSON.stringify(remedy.internalActions ?? []),
      amount: remedy.amount,
      description: remedy.description,
      status: approved ? 'approved' : 'pending',
      required_role: requiredRole,
      proposed_by: actorId,
      proposed_at: now,
      decided_by: approved ? actorId : null,
      decided_at: approved ? now : null,
      decision_comment: null,
      cost_shares: JSON.stringify(remedy.costShares ?? []),
      fulfilment_owner_id: plan.ownerId,
      fulfilment_due_at: plan.dueAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}
