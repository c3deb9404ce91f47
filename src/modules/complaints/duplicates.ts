import { type Kysely, sql } from 'kysely';
import type { Db, Tx } from '../../db/database.js';
import { prepared } from '../../db/prepared.js';
import type { Database, NewComplaint } from '../../db/schema.js';
import type { WriteBatch } from '../../db/write-batch.js';
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

type EarlierRow = { id: number; number: string; status: string; received_at: number; reason: MatchReason };

/**
 * Complaints since `since`, merged ones left out (archived ones too: their target counts), the newest
 * first, with the reason they match for.
 */
const earlierSince = (db: Kysely<Database>, since: number, reason: MatchReason) =>
  db
    .selectFrom('complaints')
    .select(['id', 'number', 'status', 'received_at', sql<MatchReason>`${sql.lit(reason)}`.as('reason')])
    .where('received_at', '>=', since)
    .where('merged_into_id', 'is', null)
    .orderBy('received_at', 'desc')
    .limit(MAX_MATCHES);
type Criteria = { customerId: number; waybill: string; since: number };
const bySameCustomer = (db: Kysely<Database>, { customerId, since }: Omit<Criteria, 'waybill'>) =>
  earlierSince(db, since, 'same_customer').where('customer_id', '=', customerId);
const bySameWaybill = (db: Kysely<Database>, { waybill, since }: Omit<Criteria, 'customerId'>) =>
  earlierSince(db, since, 'same_waybill').where('waybill_no', '=', waybill);
const sameCustomer = prepared(bySameCustomer);
const sameWaybill = prepared(bySameWaybill);
/** Both look-ups, each on its own index, in one statement (one round trip on PostgreSQL). */
const sameCustomerOrWaybill = prepared((db, values: Criteria) =>
  db
    .selectFrom(bySameCustomer(db, values).as('c'))
    .selectAll()
    .unionAll(db.selectFrom(bySameWaybill(db, values).as('w')).selectAll()),
);

/**
 * Earlier complaints within the window by the same customer (the profile registration linked by
 * the blind index of the phone or e-mail) or about the same waybill; merged ones are left out
 * (their target counts). Each criterion is a lookup on its own index.
 */
export async function findEarlierComplaints(db: Db | Tx, c: Subject): Promise<EarlierComplaint[]> {
  const settings = await readSetting(db, DUPLICATE_SETTING, DEFAULT_DUPLICATE_SETTINGS);
  const since = c.received_at - settings.windowDays * 24 * 3600_000;
  const { customer_id: customerId, waybill_no: waybill } = c;
  const rows: EarlierRow[] =
    customerId && waybill
      ? await sameCustomerOrWaybill(db, { customerId, waybill, since })
      : customerId
        ? await sameCustomer(db, { customerId, since })
        : waybill
          ? await sameWaybill(db, { waybill, since })
          : [];
  const found = new Map<number, EarlierComplaint>();
  for (const r of rows) {
    const known = found.get(r.id);
    if (known) {
      if (!known.reasons.includes(r.reason)) known.reasons.push(r.reason);
      known.reasons.sort();
    } else {
      found.set(r.id, {
        id: r.id,
        number: r.number,
        status: r.status,
        receivedAt: r.received_at,
        reasons: [r.reason],
        open: (OPEN_STATUSES as readonly string[]).includes(r.status),
      });
    }
  }
  return [...found.values()].sort((a, b) => b.receivedAt - a.receivedAt).slice(0, MAX_MATCHES);
}

/** Link the new (already flagged) complaint to each earlier one (`repeat_of`) and flag its customer. */
export function recordRepeats(
  batch: WriteBatch,
  complaint: { id: number; customer_id: number | null },
  earlier: EarlierComplaint[],
  now: number,
): void {
  if (!earlier.length) return;
  batch.insertRows(
    'complaint_links',
    earlier.map((e) => ({ complaint_id: complaint.id, kind: 'repeat_of', target_id: e.id, created_at: now })),
  );
  if (complaint.customer_id !== null && earlier.some((e) => e.reasons.includes('same_customer')))
    batch.add(flagRepeatComplainant.statement(batch.tx, { customerId: complaint.customer_id }));
}

/** Only the first repeat writes: a frequent complainant's row is not locked by each new complaint. */
const flagRepeatComplainant = prepared((db, { customerId }: { customerId: number }) =>
  db
    .updateTable('customers')
    .set({ repeat_complainant: 1 })
    .where('id', '=', customerId)
    .where('repeat_complainant', '=', 0),
);
