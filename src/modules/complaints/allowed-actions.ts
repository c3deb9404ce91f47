import type { Complaint } from '../../db/schema.js';
import type { Actor } from '../../domain/actor.js';
import type { Status } from '../../domain/complaint-model.js';
import { type AuthorityLimits, mayDecide } from './authority.js';
import { ACTIONS, type Action, CURATE_CASE_FROM, canTransition } from './lifecycle.js';
import { may } from './permissions.js';
import type { BlockedAction } from './view-schemas.js';

/**
 * What this actor may do with this complaint now: the console shows only these buttons. Recording a
 * fulfilment needs an approved remedy waiting to be carried out.
 */
export function allowedActions(
  actor: Actor,
  c: Pick<Complaint, 'status'>,
  { fulfilmentPending = false }: { fulfilmentPending?: boolean } = {},
): Array<Action | 'curate_case'> {
  const actions: Array<Action | 'curate_case'> = ACTIONS.filter(
    (a) => may(actor, a) && canTransition(c.status as Status, a) && (a !== 'fulfil' || fulfilmentPending),
  );
  if (may(actor, 'curate_case') && CURATE_CASE_FROM.includes(c.status as Status)) actions.push('curate_case');
  return actions;
}

/**
 * What this actor's role would let them do but that would be refused as things stand, and why: the
 * console shows these buttons disabled with the reason. Approving a remedy beyond their authority;
 * marking as a case a complaint not yet accepted.
 */
export function blockedActions(
  actor: Actor,
  c: Pick<Complaint, 'status' | 'grade'>,
  pending: { amount: number } | undefined,
  limits: AuthorityLimits | null,
): BlockedAction[] {
  const blocked: BlockedAction[] = [];
  const approvable = may(actor, 'approve') && canTransition(c.status as Status, 'approve');
  if (approvable && pending && limits && !mayDecide(limits, actor.roles, pending.amount, c.grade === 'major'))
    blocked.push({ action: 'approve', reason: 'beyond_authority' });
  if (may(actor, 'curate_case') && !CURATE_CASE_FROM.includes(c.status as Status))
    blocked.push({ action: 'curate_case', reason: 'not_accepted' });
  return blocked;
}
