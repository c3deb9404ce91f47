import type { AppContext } from '../../context.js';
import { appendEvent } from '../audit/index.js';
import { COMPLAINT_STREAM } from '../complaints/index.js';
import { lastFour, openOrNull, piiKeys } from '../privacy/index.js';
import type { SessionInput } from './schemas.js';
import { sameSecret, signAccessToken, tokenMatches, trackingCodeHash } from './secrets.js';
import { CODE_MAX_ATTEMPTS } from './tracking-codes.js';
import { normaliseNumber, trackingDenied } from './tracking-rules.js';

/** How long an access token lasts; the customer proves ownership again after that. */
export const ACCESS_TOKEN_LIFETIME_MS = 30 * 60_000;

/** Trade a proof of ownership (the tracking token, or the phone's last four digits with an SMS code) for an access token. */
export async function openSession(
  app: AppContext,
  input: SessionInput,
): Promise<{ accessToken: string; expiresAt: string }> {
  const number = normaliseNumber(input.number);
  const proven =
    'token' in input ? await tokenProves(app, number, input.token) : await codeProves(app, number, input);
  if (!proven) throw trackingDenied();
  const expiresAt = app.clock.now() + ACCESS_TOKEN_LIFETIME_MS;
  return {
    accessToken: signAccessToken(app.config.secret, number, expiresAt),
    expiresAt: new Date(expiresAt).toISOString(),
  };
}

async function tokenProves(app: AppContext, number: string, token: string): Promise<boolean> {
  const c = await app.db
    .selectFrom('complaints')
    .select('tracking_token_hash')
    .where('number', '=', number)
    .executeTakeFirst();
  return tokenMatches(app.config.secret, c?.tracking_token_hash ?? null, token);
}

/**
 * The latest live code counts one attempt whether or not it matches (at most five); a matching
 * code is used up. Both are conditional updates, so two requests racing with one code cannot both win.
 */
async function codeProves(
  app: AppContext,
  number: string,
  input: { phoneLast4: string; code: string },
): Promise<boolean> {
  const now = app.clock.now();
  const c = await app.db
    .selectFrom('complaints')
    .select(['id', 'complainant_phone'])
    .where('number', '=', number)
    .executeTakeFirst();
  const phone = openOrNull(piiKeys(app.config.secret), c?.complainant_phone ?? null);
  if (!c || !phone) return false;
  const digitsMatch = sameSecret(lastFour(phone), input.phoneLast4);
  return app.db.transaction().execute(async (tx) => {
    const live = await tx
      .selectFrom('tracking_codes')
      .select(['id', 'code_hash'])
      .where('complaint_id', '=', c.id)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirst();
    if (!live) return false;
    const counted = await tx
      .updateTable('tracking_codes')
      .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
      .where('id', '=', live.id)
      .where('attempts', '<', CODE_MAX_ATTEMPTS)
      .executeTakeFirst();
    if (Number(counted.numUpdatedRows) === 0) return false;
    const matches = sameSecret(live.code_hash, trackingCodeHash(app.config.secret, c.id, input.code));
    if (!matches || !digitsMatch) return false;
    const used = await tx
      .updateTable('tracking_codes')
      .set({ used_at: now })
      .where('id', '=', live.id)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) return false;
    await appendEvent(tx, {
      streamType: COMPLAINT_STREAM,
      streamId: c.id,
      actorId: null,
      at: now,
      kind: 'tracking_code_used',
      data: { codeId: live.id },
    });
    return true;
  });
}
