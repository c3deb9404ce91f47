import type { Complaint } from '../../db/schema.js';
import type { Actor } from '../org/actor.js';
import { ACTIONS, type Action, canTransition } from './lifecycle.js';
import type { Status } from './model.js';
import { may } from './permissions.js';

/** What this actor may do with this complaint now: the console shows only these buttons. */
export function allowedActions(actor: Actor, c: Pick<Complaint, 'status'>): Action[] {
  return ACTIONS.filter((a) => may(actor, a) && canTransition(c.status as Status, a));
}
