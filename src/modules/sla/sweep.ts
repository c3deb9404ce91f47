import { sql } from 'kysely';
import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/database.js';
import { escalateBreaches } from './escalate-breaches.js';
import { remindDeadlines } from './remind-deadlines.js';

const BATCH = 500;
const PG_LANES = 4;

type Due = { complaint_id: number; stage: string; due_at: number };

/**
 * Claim due deadline rows in batches, each complaint's due rows together, and handle each batch in
 * its transaction. On PostgreSQL the batch's complaints are locked with SKIP LOCKED, so concurrent
 * sweepers never take the same complaint, and several lanes run at once, since the work is round
 * trips rather than CPU; SQLite has one writer, so one lane.
 */
async function sweep(
  app: AppContext,
  when: 'remind_at' | 'due_at',
  done: 'reminded_at' | 'breached_at',
  handle: (tx: Tx, due: Due[], now: number) => Promise<void>,
): Promise<number> {
  const lanes = app.dialect === 'postgres' ? PG_LANES : 1;
  const lane = async (_: unknown, laneNumber: number) => {
    let total = 0;
    for (;;) {
      const now = app.clock.now();
      const count = await app.db.transaction().execute(async (tx) => {
        // The complaints of the oldest due rows, each with all its due rows: a complaint that breaches
        // two limits at once escalates once, whichever lane or batch its rows would have fallen into.
        const oldest = tx
          .selectFrom('complaint_deadlines')
          .select('complaint_id')
          .where('met_at', 'is', null)
          .where('paused_at', 'is', null)
          .where(done, 'is', null)
          .where(when, '<=', now)
          // Each lane its share of the complaints: lanes that took the same oldest rows would find them
          // all locked by the first and stop, and the sweep would run in one lane after all.
          .$if(lanes > 1, (q) => q.where(sql<number>`complaint_id % ${lanes}`, '=', laneNumber))
          .orderBy(when)
          .limit(BATCH);
        // PostgreSQL: the complaints locked in ascending ids, as user actions lock them (the complaint,
        // then its deadlines), skipping those another lane or sweeper holds.
        const ids =
          app.dialect === 'postgres'
            ? (
                await tx
                  .selectFrom('complaints')
                  .select('id')
                  .where('id', 'in', oldest)
                  .orderBy('id')
                  .forUpdate()
                  .skipLocked()
                  .execute()
              ).map((c) => c.id)
            : [...new Set((await oldest.execute()).map((d) => d.complaint_id))];
        if (!ids.length) return null;
        // Marked in the transaction of their handling: done once, or not at all.
        const claimed = await tx
          .updateTable('complaint_deadlines')
          .set({ [done]: now })
          .where('complaint_id', 'in', ids)
          .where('met_at', 'is', null)
          .where('paused_at', 'is', null)
          .where(done, 'is', null)
          .where(when, '<=', now)
          .returning(['complaint_id', 'stage', 'due_at', when])
          .execute();
        // RETURNING promises no order: the oldest first.
        const due = claimed
          .sort((a, b) => (a[when] ?? 0) - (b[when] ?? 0) || a.complaint_id - b.complaint_id)
          .map(({ complaint_id, stage, due_at }) => ({ complaint_id, stage, due_at }));
        if (due.length) await handle(tx, due, now);
        return due.length;
      });
      // Nothing due that no other sweeper holds: the lane is done.
      if (count === null) return total;
      total += count;
    }
  };
  return (await Promise.all(Array.from({ length: lanes }, lane))).reduce((a, b) => a + b, 0);
}

/**
 * Remind the owner of every running deadline whose reminder time has come (DOMAIN: at 80 % of the
 * limit). Rows are claimed with SKIP LOCKED, so several workers share the sweep and each reminder
 * is written once, with its notice, in one transaction.
 */
export function sweepReminders(app: AppContext): Promise<number> {
  return sweep(app, 'remind_at', 'reminded_at', (tx, due, now) => remindDeadlines(app, tx, due, now));
}

/**
 * Escalate every complaint whose deadline has just passed: one level up the chain agent →
 * supervisor → manager → executive, priority raised by the configured steps, the next level told.
 * Marking the breach, the escalation and its notices commit together, so a breach escalates once
 * however many workers sweep.
 */
export function sweepBreaches(app: AppContext): Promise<number> {
  return sweep(app, 'due_at', 'breached_at', (tx, due, now) => escalateBreaches(app, tx, due, now));
}
