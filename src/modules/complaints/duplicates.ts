import type { Db, Tx } from '../../db/database.js';
import type { NewComplaint } from '../../db/schema.js';
import { OPEN_STATUSES } from '../../domain/complaint-model.js';
import { readSetting } from '../settings/index.js';

export interface DuplicateSettings {
  /** How far back a complaint by the same customer or about the same waybill counts as a repeat. */
  windowDays: number;
}
export const DUPLICATE_SETTING = 'duplicates';
export const DEFAULT_DUPLICATE_SETTINGS: DuplicateSettings = { windowDays: 30 };

export type MatchReason = 'same_customer' | 'same_waybill';

export interface EarlierComplaint {
  id: number;
  number: string;
  status: string;
  receivedAt: number;
  reasons: MatchReason[];
  open: boolean;
}

/** At most this many earlier complaints are linked; the newest first. */
const MAX_MATCHES = 10;

type Subject = Pick<NewComplaint, 'customer_id' | 'waybill_no' | 'received_at'>;

/**
 * Earlier complaints within the window by the same customer (the profile registration linked by
 * the blind index of the phone or e-mail) or about the same waybill; merged ones are left out
 * (their target counts). Each criterion is a lookup on its own index.
 */
export async function findEarlierComplaints(db: Db | Tx, c: Subject): Promise<EarlierComplaint[]> {
  const settings = await readSetting(db, DUPLICATE_SETTING, DEFAULT_DUPLICATE_SETTINGS);
  const since = c.received_at - settings.windowDays * 24 * 3600_000;
  const criteria: Array<[MatchReason, 'customer_id' | 'waybill_no', string | number]> = [];
  if (c.customer_id) criteria.push(['same_customer', 'customer_id', c.customer_id]);
  if (c.waybill_no) criteria.push(['same_waybill', 'waybill_no', c.waybill_no]);
  const found = new Map<number, EarlierComplaint>();
  for (const [reason, column, value] of criteria) {
    const rows = await db
      .selectFrom('complaints')
      .select(['id', 'number', 'status', 'received_at'])
      .where(column, '=', value)
      .where('received_at', '>=', since)
      .where('status', '!=', 'merged')
      .orderBy('received_at', 'desc')
      .limit(MAX_MATCHES)
      .execute();
    for (const r of rows) {
      const known = found.get(r.id);
      if (known) {
        if (!known.reasons.includes(reason)) known.reasons.push(reason);
      } else {
        found.set(r.id, {
          id: r.id,
          number: r.number,
          status: r.status,
          receivedAt: r.received_at,
          reasons: [reason],
          open: (OPEN_STATUSES as readonly string[]).includes(r.status),
        });
      }
    }
  }
  return [...found.values()].sort((a, b) => b.receivedAt - a.receivedAt).slice(0, MAX_MATCHES);
}

/** Link the new (already flagged) complaint to each earlier one (`repeat_of`) and flag its customer. */
export async function recordRepeats(
  tx: Tx,
  complaint: { id: number; customer_id: number | null },
  earlier: EarlierComplaint[],
  now: number,
): Promise<void> {
  if (!earlier.length) return;
  await tx
    .insertInto('complaint_links')
    .values(
      earlier.map((e) => ({
        complaint_id: complaint.id,
        kind: 'repeat_of',
        target_id: e.id,
        created_at: now,
      })),
    )
    .execute();
  if (complaint.customer_id !== null && earlier.some((e) => e.reasons.includes('same_customer'))) {
    // Only the first repeat writes: a frequent complainant's row is not locked by each new complaint.
    await tx
      .updateTable('customers')
      .set({ repeat_complainant: 1 })
      .where('id', '=', complaint.customer_id)
      .where('repeat_complainant', '=', 0)
      .execute();
  }
}
