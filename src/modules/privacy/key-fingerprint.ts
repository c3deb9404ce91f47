import { createHmac } from 'node:crypto';
import type { AppContext } from '../../context.js';
import { isSealed, open, piiKeys } from './pii.js';

const FINGERPRINT_SETTING = 'secret_key_fingerprint';

/** Names the key in a refusal: the KESU_SECRET variable, or the key file's path. */
export interface SecretKeySource {
  /** `<dataDir>/secret.key` (or KESU_SECRET_FILE); null when the key came from KESU_SECRET. */
  secretFile: string | null;
}

/** What identifies a key without revealing it: an HMAC of a constant under the key. */
export function keyFingerprint(secret: Buffer): string {
  return createHmac('sha256', secret).update('kesu secret key fingerprint v1').digest('base64url');
}

/** The refusal a server gives when its key is not the database's. */
export class SecretKeyMismatchError extends Error {
  constructor(source: SecretKeySource, why: string) {
    const here = source.secretFile ? `to ${source.secretFile} here` : 'KESU_SECRET is set here';
    super(
      'this database was sealed with another key: give every server the same KESU_SECRET or copy ' +
        `<dataDir>/secret.key from the first server (${here}; after a restore, put back the key in ` +
        `use when the backup was taken). ${why}.`,
    );
    this.name = 'SecretKeyMismatchError';
  }
}

/** One sealed value of the database, if it holds any: a customer's contact, else a complaint's. */
async function sampleSealedValue(app: AppContext): Promise<string | undefined> {
  const contact = await app.db.selectFrom('customer_contacts').select('value').limit(1).executeTakeFirst();
  if (contact && isSealed(contact.value)) return contact.value;
  for (const column of ['complainant_phone', 'complainant_email'] as const) {
    const row = await app.db
      .selectFrom('complaints')
      .select(column)
      .where(column, 'like', 'v1:%')
      .limit(1)
      .executeTakeFirst();
    const value = row?.[column];
    if (value) return value;
  }
  return undefined;
}

const opens = (app: AppContext, sealed: string) => {
  try {
    open(piiKeys(app.config.secret), sealed);
    return true;
  } catch {
    return false;
  }
};

/**
 * At start: the database keeps the fingerprint of the key its personal data is sealed with, and a
 * server with another key refuses to start (it would answer 500 on every complaint and write data
 * no other server can read). The first start records it; a database with sealed data but no
 * fingerprint (an older install) gets it only if this key opens a sealed value. When two servers
 * with different keys start on an empty database at once, the first to record wins.
 */
export async function checkSecretKey(app: AppContext, source: SecretKeySource): Promise<void> {
  const mine = keyFingerprint(app.config.secret);
  const stored = async () =>
    (
      await app.db
        .selectFrom('settings')
        .select('value')
        .where('key', '=', FINGERPRINT_SETTING)
        .executeTakeFirst()
    )?.value;
  let recorded = await stored();
  if (recorded === undefined) {
    const sample = await sampleSealedValue(app);
    if (sample && !opens(app, sample))
      throw new SecretKeyMismatchError(source, 'Its personal data does not open with this key');
    await app.db
      .insertInto('settings')
      .values({ key: FINGERPRINT_SETTING, value: JSON.stringify(mine), updated_at: app.clock.now() })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    recorded = await stored();
  }
  if (recorded === undefined || JSON.parse(recorded) !== mine)
    throw new SecretKeyMismatchError(source, "The database's key fingerprint differs from this key's");
}
