import type { Tx } from '../../db/database.js';
import type { Notice } from './queue-notice.js';
import type { NoticeEvent } from './templates.js';

/** Customer notices that tell nothing of how the complaint goes. */
const NOT_NEWS: ReadonlySet<NoticeEvent> = new Set(['tracking_code']);

/**
 * 进度通知: progress notices count from the last notice to the customer. Written with the notices,
 * in their transaction, so a notice and the reset of the count commit together.
 */
export async function markCustomersTold(tx: Tx, notices: readonly Notice[], now: number): Promise<void> {
  const ids = new Set<number>();
  for (const n of notices)
    if (n.complaintId !== null && !NOT_NEWS.has(n.event) && n.targets.some((t) => 'customer' in t))
      ids.add(n.complaintId);
  if (ids.size)
    await tx
      .updateTable('complaints')
      .set({ progress_from: now })
      .where('id', 'in', [...ids])
      .execute();
}
