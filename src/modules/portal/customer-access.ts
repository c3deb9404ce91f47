import type { ActorContext, AppContext } from '../../context.js';
import { systemActor } from '../org/index.js';
import { tokenMatches, verifyAccessToken } from './secrets.js';
import { normaliseNumber, trackingDenied } from './tracking-rules.js';

export interface CustomerSession {
  ctx: ActorContext;
  /** The complaint's number, normalised. */
  number: string;
}

/**
 * The context the customer acts in on their own complaint: the portal's system user narrowed to
 * this one complaint (`customerOf`), so that every module check (visibility, permission, state)
 * applies as for anyone else. The proof is an access token or the tracking token itself.
 */
export async function customerContext(
  app: AppContext,
  rawNumber: string,
  proof: string | string[] | undefined,
): Promise<CustomerSession> {
  const number = normaliseNumber(rawNumber);
  const presented = typeof proof === 'string' ? proof.trim() : '';
  const c = await app.db
    .selectFrom('complaints')
    .select(['id', 'tracking_token_hash'])
    .where('number', '=', number)
    .executeTakeFirst();
  const proven =
    presented !== '' &&
    c !== undefined &&
    (verifyAccessToken(app.config.secret, presented, number, app.clock.now()) ||
      tokenMatches(app.config.secret, c.tracking_token_hash, presented));
  if (!proven) throw trackingDenied();
  return { ctx: { ...app, actor: { ...(await systemActor(app.db, 'portal')), customerOf: c.id } }, number };
}
