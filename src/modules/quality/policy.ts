import { type Actor, hasRole, seesAll } from '../../domain/actor.js';
import { forbidden } from '../../lib/errors.js';

/** Supervisors and above draw and score quality checks; the auditor (质量监督) too. */
export const CHECKER_ROLES = ['supervisor', 'manager', 'executive', 'auditor'] as const;

export function requireChecker(actor: Actor): void {
  if (!hasRole(actor, ...CHECKER_ROLES)) throw forbidden('forbidden', { action: 'quality_check' });
}

/** The unit subtree a checker works in: null for those who see every unit. */
export const checkerRoot = (actor: Actor): string | null => (seesAll(actor) ? null : actor.unitPath);
