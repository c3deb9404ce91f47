import type { AppContext } from '../../context.js';
import { formatLocal } from '../../lib/time.js';
import { appendEvents } from '../audit/index.js';
import { COMPLAINT_STREAM } from '../complaints/index.js';
import { type Notice, nearestWithRole, queueNotices } from '../notify/index.js';
import { levelOf, OPEN_APPEAL_STATUSES } from './rules.js';

const BATCH = 200;

/**
 * 申诉超时: each open appeal whose level is past its due time, once per level: the reviewers of that
 * level are reminded and the history records it. Reads the (status, due_at) index; a batch per transaction,
 * written set-wise (ADR 0017).
 */
export async function sweepOverdueAppeals(ctx: AppContext): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await ctx.db.transaction().execute(async (tx) => {
      const now = ctx.clock.now();
      let q = tx
        .selectFrom('appeals as a')
        .innerJoin('complaints as c', 'c.id', 'a.complaint_id')
        .select([
          'a.id',
          'a.status',
          'a.due_at',
          'a.unit_path',
          'a.complaint_id',
          'c.number',
          'c.title',
          'c.unit_path as complaint_unit_path',
        ])
        .where('a.status', 'in', OPEN_APPEAL_STATUSES)
        .where('a.due_at', '<=', now)
        .where('a.overdue_notified_at', 'is', null)
        .orderBy('a.due_at')
        .limit(BATCH);
      if (ctx.dialect === 'postgres') q = q.forUpdate('a').skipLocked();
      const rows = await q.execute();
      if (!rows.length) return 0;
      await tx
        .updateTable('appeals')
        .set({ overdue_notified_at: now })
        .where(
          'id',
          'in',
          rows.map((r) => r.id),
        )
        .execute();
      const notices: Notice[] = [];
      for (const r of rows) {
        const level = levelOf(r.status) ?? 'supervisor';
        const reviewers = await nearestWithRole(tx, [r.unit_path, r.complaint_unit_path], level);
        notices.push({
          event: 'appeal_overdue',
          complaintId: r.complaint_id,
          vars: {
            number: r.number,
            title: r.title,
            due_at: formatLocal(r.due_at ?? now, ctx.config.timeZone),
          },
          targets: reviewers.map((userId) => ({ userId })),
        });
      }
      const sent = await queueNotices(tx, notices, now);
      // Each complaint's history: the overdue level, then the reminders it sent.
      await appendEvents(
        tx,
        rows.flatMap((r, i) => [
          {
            streamType: COMPLAINT_STREAM,
            streamId: r.complaint_id,
            actorId: null,
            at: now,
            kind: 'appeal_overdue',
            data: {
              appealId: r.id,
              level: levelOf(r.status) ?? 'supervisor',
              dueAt: new Date(r.due_at ?? now).toISOString(),
            },
          },
          ...(sent[i] ?? []),
        ]),
      );
      return rows.length;
    });
    total += n;
    if (n < BATCH) return total;
  }
}
