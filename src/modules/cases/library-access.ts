import type { ActorContext } from '../../context.js';
import { forbidden } from '../../lib/errors.js';
import { may } from '../complaints/index.js';

/** Every staff user may read the library; customers on the portal may not. */
export function requireLibraryReader(ctx: ActorContext): void {
  if (ctx.actor.customerOf !== undefined || !may(ctx.actor, 'read')) throw forbidden();
}
