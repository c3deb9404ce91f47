import type { Expression } from 'kysely';
import type { Db, Tx } from '../../db/database.js';

export interface ComplaintTotals {
  count: number;
  lastAt: number | null;
}

/**
 * How many complaints each customer has filed and when the last came in, counted from the
 * complaints themselves by their (customer_id, received_at) index. Registration does not keep a
 * counter on the customer's row: a merchant filing thousands of complaints would make every one of
 * them wait for that row's lock on PostgreSQL.
 */
export async function complaintTotals(
  db: Db | Tx,
  customerIds: number[],
): Promise<Map<number, ComplaintTotals>> {
  const totals = new Map<number, ComplaintTotals>();
  if (!customerIds.length) return totals;
  const rows = await db
    .selectFrom('complaints')
    .select((eb) => [
      'customer_id',
      eb.fn.countAll<number>().as('n'),
      eb.fn.max<number | null>('received_at').as('last'),
    ])
    .where('customer_id', 'in', customerIds)
    .groupBy('customer_id')
    .execute();
  for (const r of rows)
    if (r.customer_id !== null)
      totals.set(r.customer_id, { count: Number(r.n), lastAt: r.last === null ? null : Number(r.last) });
  return totals;
}

export const NO_COMPLAINTS: ComplaintTotals = { count: 0, lastAt: null };

/** How many complaints one customer has filed (by id, or a reference to one in a larger statement), as `n`. */
export const complaintCountOf = (db: Db | Tx, customerId: number | Expression<number | null>) =>
  db
    .selectFrom('complaints')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('customer_id', '=', customerId);

/** What the complaint page shows of the customer behind it (by id, or a reference to one). */
export const customerSummaryOf = (db: Db | Tx, customerId: number | Expression<number | null>) =>
  db
    .selectFrom('customers')
    .select(['id', 'level', 'tags', 'repeat_complainant'])
    .where('id', '=', customerId);
