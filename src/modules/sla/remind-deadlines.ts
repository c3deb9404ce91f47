import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/database.js';
import { formatLocal } from '../../lib/time.js';
import { TxCache } from '../../lib/tx-cache.js';
import { appendEvents, type NewEvent } from '../audit/index.js';
import { type Notice, nearestWithRole, queueNotices, STAGE_NAMES } from '../notify/index.js';

/** One deadline whose reminder time has come, claimed by the sweep. */
export interface Reminder {
  complaint_id: number;
  stage: string;
  due_at: number;
}

/** Who carries out the approved remedy waiting on each complaint (方案执行人), by complaint. */
async function fulfilmentOwnersOf(tx: Tx, complaintIds: number[]): Promise<Map<number, number>> {
  if (!complaintIds.length) return new Map();
  const rows = await tx
    .selectFrom('remedy_proposals')
    .select(['complaint_id', 'fulfilment_owner_id'])
    .where('complaint_id', 'in', complaintIds)
    .where('fulfilment_status', '=', 'pending')
    .execute();
  return new Map(
    rows.flatMap((r) => (r.fulfilment_owner_id === null ? [] : [[r.complaint_id, r.fulfilment_owner_id]])),
  );
}

/**
 * Remind the owner of each deadline, in the caller's transaction: for a remedy's fulfilment the person
 * who carries it out; otherwise the assignee, else the nearest
 * supervisors. A notice and a `deadline_reminded` event per deadline, written for the whole batch
 * with a few statements; the same rows, in the same order, as one by one.
 */
export async function remindDeadlines(app: AppContext, tx: Tx, due: Reminder[], now: number): Promise<void> {
  const cache = new TxCache();
  const rows = await tx
    .selectFrom('complaints')
    .select(['id', 'number', 'title', 'assignee_id', 'unit_path', 'intake_unit_path'])
    .where('id', 'in', [...new Set(due.map((d) => d.complaint_id))])
    .execute();
  const complaints = new Map(rows.map((c) => [c.id, c]));
  const fulfilmentOwners = await fulfilmentOwnersOf(
    tx,
    due.filter((d) => d.stage === 'fulfilment').map((d) => d.complaint_id),
  );
  const notices: Notice[] = [];
  const reminded: NewEvent[] = [];
  for (const d of due) {
    const c = complaints.get(d.complaint_id);
    if (!c) throw new Error(`complaint ${d.complaint_id} of a deadline is missing`);
    const remedyOwner = d.stage === 'fulfilment' ? fulfilmentOwners.get(c.id) : undefined;
    const owners = remedyOwner
      ? [remedyOwner]
      : c.assignee_id !== null
        ? [c.assignee_id]
        : await nearestWithRole(tx, [c.unit_path, c.intake_unit_path], 'supervisor', cache);
    notices.push({
      event: 'reminder',
      complaintId: c.id,
      vars: {
        number: c.number,
        title: c.title,
        stage: STAGE_NAMES['zh-CN'][d.stage],
        stage_en: STAGE_NAMES.en[d.stage],
        due_at: formatLocal(d.due_at, app.config.timeZone),
      },
      targets: owners.map((userId) => ({ userId })),
    });
    reminded.push({
      streamType: 'complaint',
      streamId: c.id,
      actorId: null,
      at: now,
      kind: 'deadline_reminded',
      data: { stage: d.stage, dueAt: new Date(d.due_at).toISOString(), owners },
    });
  }
  const sent = await queueNotices(tx, notices, now, cache);
  // Each deadline's history: the in-app notices, then the reminder itself.
  await appendEvents(
    tx,
    reminded.flatMap((event, i) => [...(sent[i] ?? []), event]),
    cache,
  );
}
