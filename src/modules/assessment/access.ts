import { type Actor, hasRole, inSubtree, seesAll } from '../../domain/actor.js';
import { forbidden } from '../../lib/errors.js';

/**
 * Who sees which sheet, in one place: everyone their own; supervisors and managers the people and
 * units of their unit's subtree; executives, auditors and admins every one (as complaint visibility).
 */
const oversees = (actor: Actor, unitPath: string) =>
  seesAll(actor) || (hasRole(actor, 'supervisor', 'manager') && inSubtree(unitPath, actor.unitPath));

export function assertSeesPerson(actor: Actor, person: { id: number; unitPath: string }): void {
  if (actor.userId !== person.id && !oversees(actor, person.unitPath))
    throw forbidden('forbidden', { action: 'read_assessment' });
}

export function assertSeesUnit(actor: Actor, unitPath: string): void {
  if (!oversees(actor, unitPath)) throw forbidden('forbidden', { action: 'read_assessment' });
}
