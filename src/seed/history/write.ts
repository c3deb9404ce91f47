import { sql } from 'kysely';
import type { AppContext } from '../../context.js';
import { insertRows } from '../../db/batches.js';
import { appendEvents } from '../../modules/audit/index.js';
import { indexComplaint } from '../../modules/search/index.js';
import type { History } from './generate.js';

/** Complaints per transaction. */
const CHUNK = 500;

/** Tables whose ids the history chose itself: PostgreSQL's sequences are moved past them. */
const EXPLICIT_IDS = ['complaints', 'customers', 'remedy_proposals', 'replies'] as const;

/**
 * Write the generated history in large transactions with multi-row inserts: customers first, then
 * per chunk of complaints their rows, deadlines, records, hash-chained history (the audit module's
 * `appendEvents`) and search documents (the search module's own indexing); last the day counters.
 */
export async function writeHistory(app: AppContext, history: History): Promise<void> {
  await app.db.transaction().execute(async (tx) => {
    await insertRows(tx, 'customers', history.customers);
    await insertRows(tx, 'customer_contacts', history.contacts);
  });
  for (let start = 0; start < history.complaints.length; start += CHUNK) {
    const chunk = history.complaints.slice(start, start + CHUNK);
    await app.db.transaction().execute(async (tx) => {
      await insertRows(
        tx,
        'complaints',
        chunk.map((c) => c.complaint),
      );
      await insertRows(
        tx,
        'complaint_deadlines',
        chunk.flatMap((c) => c.deadlines),
      );
      await insertRows(
        tx,
        'remedy_proposals',
        chunk.flatMap((c) => c.remedies),
      );
      await insertRows(
        tx,
        'replies',
        chunk.flatMap((c) => c.replies),
      );
      await insertRows(
        tx,
        'satisfaction_surveys',
        chunk.flatMap((c) => c.surveys),
      );
      await insertRows(
        tx,
        'complaint_links',
        chunk.flatMap((c) => c.links),
      );
      await appendEvents(
        tx,
        chunk.flatMap((c) => c.events),
      );
      for (const c of chunk) await indexComplaint(tx, c.complaint.id);
    });
  }
  await app.db.transaction().execute(async (tx) => {
    for (const [day, last] of history.sequences)
      await tx
        .insertInto('number_sequences')
        .values({ day, last })
        .onConflict((oc) => oc.column('day').doUpdateSet({ last }))
        .execute();
    if (app.dialect === 'postgres')
      for (const table of EXPLICIT_IDS)
        await sql`select setval(pg_get_serial_sequence(${table}, 'id'), (select coalesce(max(id), 1) from ${sql.table(table)}))`.execute(
          tx,
        );
  });
}
