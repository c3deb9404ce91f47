import { insertRows } from '../../db/batches.js';
import type { Tx } from '../../db/database.js';
import type { TxCache } from '../../lib/tx-cache.js';
import type { NewEvent } from '../audit/index.js';
import { type BatchJob, enqueueMany } from '../jobs/index.js';
import { markCustomersTold } from './progress-notices.js';
import { inboxItemRow, type Notice, noticeSentEvent, notificationRow, planNotice } from './queue-notice.js';
import { sendNoticeJob } from './send-notice.js';

/**
 * queueNotice for many notices at once: the same rows, written with multi-row statements. The
 * `notice_sent` history events of the in-app deliveries are returned, per notice, for the caller to
 * append (appendEvents) together with its own events in the order its history needs.
 */
export async function queueNotices(
  tx: Tx,
  notices: readonly Notice[],
  now: number,
  cache?: TxCache,
): Promise<NewEvent[][]> {
  const planned = [];
  for (const [index, notice] of notices.entries())
    for (const d of await planNotice(tx, notice, cache))
      planned.push({ index, notice, d, row: notificationRow(notice, d, now) });

  // Every notification gets its own key: it tells the ids of a multi-row insert apart.
  const inserted = await insertRows<'notifications', { id: number; notice_key: string }>(
    tx,
    'notifications',
    planned.map((p) => p.row),
    'returning "id", "notice_key"',
  );
  const ids = new Map(inserted.map((r) => [r.notice_key, r.id]));

  const events: NewEvent[][] = notices.map(() => []);
  const inbox = [];
  const jobs: BatchJob<{ notificationId: number }>[] = [];
  for (const { index, notice, d, row } of planned) {
    const id = ids.get(row.notice_key);
    if (id === undefined) throw new Error(`notification ${row.notice_key} was not written`);
    if (d.channel === 'inbox' && d.userId !== null) {
      inbox.push(inboxItemRow(notice, d, d.userId, id, now));
      if (notice.complaintId !== null)
        events[index]?.push(noticeSentEvent(notice, notice.complaintId, d.userId, id, now));
    } else {
      jobs.push({ payload: { notificationId: id }, key: `notice:${id}` });
    }
  }
  await insertRows(tx, 'inbox_items', inbox);
  await enqueueMany(tx, sendNoticeJob, jobs, now);
  await markCustomersTold(tx, notices, now);
  return events;
}
