import type { Actor } from '../../domain/actor.js';
import { requireAdmin } from '../org/index.js';

/**
 * The classifier's one authorisation check: keyword rules, its settings and training are the
 * admin's; suggestions are open to every staff user who may register complaints.
 */
export const requireClassifierAdmin = (actor: Actor): void => requireAdmin(actor);
