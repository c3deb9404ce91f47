import type { Db, Tx } from '../../db/database.js';

const REPLY_SECTIONS = ['summary', 'actions', 'result', 'basis', 'follow_up'] as const;

/**
 * What the record itself says about some checklist items, offered to the checker as a starting score:
 * identity_checked from the registration, time_limits_kept from the complaint's deadlines (0 when any
 * was breached), reply_complete from the last reply (the share of its five sections filled in).
 */
export async function suggestions(db: Db | Tx, complaintId: number): Promise<Map<string, number>> {
  const complaint = await db
    .selectFrom('complaints')
    .select('identity_verified')
    .where('id', '=', complaintId)
    .executeTakeFirstOrThrow();
  const breached = await db
    .selectFrom('complaint_deadlines')
    .select('stage')
    .where('complaint_id', '=', complaintId)
    .where('breached_at', 'is not', null)
    .limit(1)
    .executeTakeFirst();
  const reply = await db
    .selectFrom('replies')
    .select(REPLY_SECTIONS)
    .where('complaint_id', '=', complaintId)
    .orderBy('sent_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const filled = reply ? REPLY_SECTIONS.filter((s) => reply[s].trim()).length : 0;
  return new Map([
    ['identity_checked', complaint.identity_verified === 1 ? 1 : 0],
    ['time_limits_kept', breached ? 0 : 1],
    ['reply_complete', Math.round((100 * filled) / REPLY_SECTIONS.length) / 100],
  ]);
}
