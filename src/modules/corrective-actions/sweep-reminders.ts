import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/database.js';
import { formatLocal } from '../../lib/time.js';
import { appendEvents } from '../audit/index.js';
import { type Notice, nearestWithRole, queueNotices } from '../notify/index.js';
import { ACTION_STREAM, REMIND_BEFORE_MS, RUNNING } from './rules.js';

const BATCH = 200;
type Step = 'reminded' | 'escalated';

/**
 * 整改时限: the owner of an action still running is reminded once when its due date is near, and once
 * it is overdue the owner's nearest supervisor (and the owner) are told. Each is sent once per due date
 * (extending the date starts them again), read by (status, due_at) in batches.
 */
export async function sweepActionReminders(app: AppContext): Promise<number> {
  const now = app.clock.now();
  let total = 0;
  for (const step of ['escalated', 'reminded'] as const)
    for (;;) {
      const sent = await app.db.transaction().execute((tx) => notifyBatch(tx, app, step, now));
      total += sent;
      if (sent < BATCH) break;
    }
  return total;
}

async function notifyBatch(tx: Tx, app: AppContext, step: Step, now: number): Promise<number> {
  const column = step === 'reminded' ? 'reminded_at' : 'escalated_at';
  let due = tx
    .selectFrom('corrective_actions as a')
    .innerJoin('units as ou', 'ou.id', 'a.owner_unit_id')
    .innerJoin('users as o', 'o.id', 'a.owner_id')
    .select([
      'a.id',
      'a.title',
      'a.due_at',
      'a.owner_id',
      'ou.path as owner_unit_path',
      'o.display_name as owner',
    ])
    .where('a.status', 'in', RUNNING)
    .where('a.due_at', '<=', step === 'reminded' ? now + REMIND_BEFORE_MS : now)
    .where(`a.${column}`, 'is', null)
    .orderBy('a.due_at')
    .limit(BATCH);
  if (app.dialect === 'postgres') due = due.forUpdate('a').skipLocked();
  const rows = await due.execute();
  if (!rows.length) return 0;
  const notices: Notice[] = [];
  for (const a of rows) {
    const supervisors =
      step === 'escalated' ? await nearestWithRole(tx, a.owner_unit_path, 'supervisor') : [];
    notices.push({
      event: step === 'reminded' ? 'action_due_soon' : 'action_overdue',
      complaintId: null,
      vars: {
        action_id: a.id,
        title: a.title,
        due_at: formatLocal(a.due_at, app.config.timeZone),
        owner: a.owner,
      },
      targets: [a.owner_id, ...supervisors.filter((id) => id !== a.owner_id)].map((userId) => ({ userId })),
    });
  }
  await queueNotices(tx, notices, now);
  const ids = rows.map((a) => a.id);
  // An overdue action needs no reminder any more.
  await tx
    .updateTable('corrective_actions')
    .set(step === 'reminded' ? { reminded_at: now } : { escalated_at: now, reminded_at: now })
    .where('id', 'in', ids)
    .execute();
  await appendEvents(
    tx,
    rows.map((a, i) => ({
      streamType: ACTION_STREAM,
      streamId: a.id,
      actorId: null,
      at: now,
      kind: step === 'reminded' ? 'due_reminder_sent' : 'overdue_escalated',
      data: { dueAt: a.due_at, notified: notices[i]?.targets.map((t) => ('userId' in t ? t.userId : null)) },
    })),
  );
  return rows.length;
}
