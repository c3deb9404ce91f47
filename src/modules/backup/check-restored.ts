import type { Db } from '../../db/database.js';
import { verifyChain } from '../audit/index.js';
import { isSealed, open as openSealed, piiKeys } from '../privacy/index.js';
import { type Manifest, summariseDatabase } from './manifest.js';

/** How many sealed values are opened to prove that the configured key reads the restored data. */
const SAMPLE = 20;

/**
 * Before a restored database replaces the configured one: every hash chain re-derived, the row
 * counts and chain heads those the manifest promised, and a sample of sealed personal data opened
 * with the configured key. Throws with what is wrong; returns the restored database's summary.
 */
export async function checkRestored(db: Db, manifest: Manifest, secret: Buffer) {
  const chain = await verifyChain(db);
  if (!chain.intact) {
    const at = chain.eventId === null ? 'a stream head' : `event #${chain.eventId}`;
    throw new Error(
      `the history in the archive is broken at ${at} (${chain.streamType} #${chain.streamId}, seq ${chain.seq}, ${chain.reason}): it was altered after it was written, so it is not restored`,
    );
  }
  const summary = await summariseDatabase(db);
  for (const [table, n] of Object.entries(manifest.rows)) {
    if (summary.rows[table] !== n)
      throw new Error(`the archive's database has ${summary.rows[table]} ${table}, its manifest says ${n}`);
  }
  if (summary.chainHeads.digest !== manifest.chainHeads.digest)
    throw new Error("the archive's history heads are not those its manifest recorded");

  const phones = await db
    .selectFrom('complaints')
    .select('complainant_phone as value')
    .where('complainant_phone', 'is not', null)
    .limit(SAMPLE)
    .execute();
  const contacts = await db.selectFrom('customer_contacts').select('value').limit(SAMPLE).execute();
  const keys = piiKeys(secret);
  for (const { value } of [...phones, ...contacts]) {
    if (!value || !isSealed(value)) continue;
    try {
      openSealed(keys, value);
    } catch {
      throw new Error(
        "the configured secret key cannot decrypt the archive's personal data: use the key of the installation that made the backup",
      );
    }
  }
  return { ...summary, events: chain.events };
}
