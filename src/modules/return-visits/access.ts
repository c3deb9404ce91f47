import { type Actor, hasRole, inSubtree, seesAll } from '../../domain/actor.js';
import type { Role } from '../../domain/roles.js';
import { forbidden, notFound } from '../../lib/errors.js';

/** Who calls customers back: the service staff. */
export const CALLER_ROLES: readonly Role[] = ['agent', 'supervisor', 'manager'];
/** Who reads the queue and a complaint's visits besides them. */
export const READER_ROLES: readonly Role[] = [...CALLER_ROLES, 'executive', 'auditor', 'admin'];

export function requireCaller(actor: Actor): void {
  if (!hasRole(actor, ...CALLER_ROLES)) throw forbidden();
}

export function requireReader(actor: Actor): void {
  if (!hasRole(actor, ...READER_ROLES)) throw forbidden();
}

/** A visit belongs to its unit's subtree: others get 404, as for a complaint they cannot see. */
export function requireVisible(
  actor: Actor,
  visit: { id: number; unit_path: string } | undefined,
  id: number,
): void {
  if (!visit || !(seesAll(actor) || inSubtree(visit.unit_path, actor.unitPath)))
    throw notFound('return_visit_not_found', { id });
}
