import type { AppContext } from '../../context.js';
import { linkCustomer } from '../customers/index.js';
import { blindIndexOrNull, isSealed, piiKeys, sealOrNull } from './pii.js';

const BATCH = 500;
const SEALED_MARKER = 'personal_data_sealed';
const plain = (v: string | null) => v !== null && !isSealed(v);

/**
 * Databases written before personal data was sealed keep phones and e-mails in plain text. Seal
 * them, give them blind indexes and customer profiles, a batch per transaction; a no-op afterwards.
 */
export async function sealLegacyPersonalData(app: AppContext): Promise<number> {
  // Once done, a marker spares every later start a scan of the whole complaints table.
  const done = await app.db
    .selectFrom('settings')
    .select('key')
    .where('key', '=', SEALED_MARKER)
    .executeTakeFirst();
  if (done) return 0;
  const keys = piiKeys(app.config.secret);
  let sealed = 0;
  for (;;) {
    const rows = await app.db
      .selectFrom('complaints')
      .select(['id', 'complainant_name', 'complainant_phone', 'complainant_email', 'registered_at'])
      .where((eb) =>
        eb.or([
          eb.and([eb('complainant_phone', 'is not', null), eb('complainant_phone', 'not like', 'v1:%')]),
          eb.and([eb('complainant_email', 'is not', null), eb('complainant_email', 'not like', 'v1:%')]),
        ]),
      )
      .orderBy('id')
      .limit(BATCH)
      .execute();
    if (!rows.length) break;
    await app.db.transaction().execute(async (tx) => {
      for (const r of rows) {
        const phone = plain(r.complainant_phone) ? r.complainant_phone : null;
        const email = plain(r.complainant_email) ? r.complainant_email : null;
        await tx
          .updateTable('complaints')
          .set({
            ...(phone
              ? {
                  complainant_phone: sealOrNull(keys, phone),
                  complainant_phone_index: blindIndexOrNull(keys, 'phone', phone),
                }
              : {}),
            ...(email
              ? {
                  complainant_email: sealOrNull(keys, email),
                  complainant_email_index: blindIndexOrNull(keys, 'email', email),
                }
              : {}),
            customer_id: await linkCustomer(
              tx,
              keys,
              { name: r.complainant_name, phone, email },
              r.registered_at,
            ),
          })
          .where('id', '=', r.id)
          .execute();
      }
    });
    sealed += rows.length;
  }
  // Notices to customers (no user) carried their address in plain text too.
  const notices = await app.db
    .selectFrom('notifications')
    .select(['id', 'recipient'])
    .where('user_id', 'is', null)
    .where('channel', 'in', ['sms', 'email'])
    .where('recipient', 'not like', 'v1:%')
    .execute();
  for (const n of notices) {
    await app.db
      .updateTable('notifications')
      .set({ recipient: sealOrNull(keys, n.recipient) ?? n.recipient })
      .where('id', '=', n.id)
      .execute();
  }
  await app.db
    .insertInto('settings')
    .values({ key: SEALED_MARKER, value: 'true', updated_at: app.clock.now() })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  return sealed + notices.length;
}
