import type { Complaint } from '../../db/schema.js';
import type { Actor } from '../org/actor.js';
import { ACTIONS, type Action, CURATE_CASE_FROM, canTransition } from './lifecycle.js';
import type { Status } from './model.js';
import { may } from './permissions.js';

/** What this actor may do with this complaint now: the console shows only these buttons. */
export function allowedActions(actor: Actor, c: Pick<Complaint, 'status'>): Array<Action | 'curate_case'> {
  const actions: Array<Action | 'curate_case'> = ACTIONS.filter(
    (a) => may(actor, a) && canTransition(c.status as Status, a),
  );
  if (may(actor, 'curate_case') && CURATE_CASE_FROM.includes(c.status as Status)) actions.push('curate_case');
  return actions;
}
