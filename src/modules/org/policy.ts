import { forbidden } from '../../lib/errors.js';
import { type Actor, hasRole } from './actor.js';

/** Organisation, category and settings administration is the admin's alone. */
export function requireAdmin(actor: Actor): void {
  if (!hasRole(actor, 'admin')) throw forbidden('forbidden', { action: 'administer' });
}
