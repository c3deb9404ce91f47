import type { AppContext } from '../../context.js';
import { appendEvent } from '../audit/index.js';
import { COMPLAINT_STREAM } from '../complaints/index.js';
import { queueNotice } from '../notify/index.js';
import { lastFour, openOrNull, piiKeys } from '../privacy/index.js';
import type { TrackingCodeInput } from './schemas.js';
import { newTrackingCode, sameSecret, trackingCodeHash } from './secrets.js';
import { readPortalSettings } from './settings.js';
import { normaliseNumber } from './tracking-rules.js';

export const CODE_LIFETIME_MS = 10 * 60_000;
export const CODE_MAX_ATTEMPTS = 5;
/** A new code for the same complaint at most this often. */
const CODE_INTERVAL_MS = 60_000;
const DAY_MS = 24 * 3600_000;

/**
 * Send a one-time code to the complainant's phone when the number and the phone's last four digits
 * match. The caller always answers the same way, so nobody learns whether a number exists, whether
 * the digits matched, or whether a code went out (limits reached).
 */
export async function requestTrackingCode(app: AppContext, input: TrackingCodeInput): Promise<void> {
  const number = normaliseNumber(input.number);
  const found = await app.db
    .selectFrom('complaints')
    .select(['id', 'complainant_phone'])
    .where('number', '=', number)
    .executeTakeFirst();
  const phone = openOrNull(piiKeys(app.config.secret), found?.complainant_phone ?? null);
  if (!found || !phone || !sameSecret(lastFour(phone), input.phoneLast4)) return;
  const { codesPerDay } = await readPortalSettings(app.db);
  const now = app.clock.now();
  await app.db.transaction().execute(async (tx) => {
    // Serialises code requests for one complaint, so that the limits below hold under concurrency.
    const c = await tx
      .selectFrom('complaints')
      .selectAll()
      .where('id', '=', found.id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const recent = await tx
      .selectFrom('tracking_codes')
      .select('created_at')
      .where('complaint_id', '=', c.id)
      .where('created_at', '>', now - DAY_MS)
      .orderBy('created_at', 'desc')
      .execute();
    const latest = recent[0]?.created_at;
    if (recent.length >= codesPerDay || (latest !== undefined && latest > now - CODE_INTERVAL_MS)) return;
    const code = newTrackingCode();
    const expiresAt = now + CODE_LIFETIME_MS;
    const { id } = await tx
      .insertInto('tracking_codes')
      .values({
        complaint_id: c.id,
        code_hash: trackingCodeHash(app.config.secret, c.id, code),
        attempts: 0,
        expires_at: expiresAt,
        used_at: null,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendEvent(tx, {
      streamType: COMPLAINT_STREAM,
      streamId: c.id,
      actorId: null,
      at: now,
      kind: 'tracking_code_issued',
      data: { codeId: id, expiresAt: new Date(expiresAt).toISOString() },
    });
    await queueNotice(
      tx,
      {
        event: 'tracking_code',
        complaintId: c.id,
        vars: { number: c.number, code, minutes: CODE_LIFETIME_MS / 60_000 },
        // The code proves the phone: it goes by SMS even to a customer who prefers e-mail.
        targets: [{ customer: true, channel: 'sms' }],
      },
      now,
    );
  });
}
