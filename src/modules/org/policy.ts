import { type Actor, hasRole } from '../../domain/actor.js';
import { forbidden } from '../../lib/errors.js';

/** Organisation, category and settings administration is the admin's alone. */
export function requireAdmin(actor: Actor): void {
  if (!hasRole(actor, 'admin')) throw forbidden('forbidden', { action: 'administer' });
}
