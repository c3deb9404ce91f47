import { type SqlBool, sql } from 'kysely';
import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/database.js';
import { OPEN_STATUSES, PRIORITIES, type Priority } from '../../domain/complaint-model.js';
import { appendEvents } from '../audit/index.js';
import { CUSTOMER_STATUS_WORDS, complaintVars, type Notice, queueNotices } from '../notify/index.js';
import { workingDaysAgo } from './calendar/index.js';
import { progressSettings } from './extension-settings.js';
import { loadCalendar } from './settings.js';

const BATCH = 200;
/** The complaint's history (complaints' COMPLAINT_STREAM; the sla door stays free of the complaints module). */
const COMPLAINT_STREAM = 'complaint';

/** The open statuses as the condition of the index of open complaints by priority and last notice. */
const openOnly = (dialect: AppContext['dialect']) => {
  const list = sql.join(OPEN_STATUSES.map((s) => sql.lit(s)));
  // SQLite uses a partial index only for its condition word for word (migration 2026-12-03-extensions).
  return dialect === 'postgres' ? sql<SqlBool>`status in (${list})` : sql<SqlBool>`+status in (${list})`;
};

/**
 * 进度通知: every open complaint whose customer has heard nothing for its priority's number of working
 * days gets a progress notice by their preferred channel. Per priority the complaints told at or before
 * one instant are due, read from an index of the open complaints in batches; each batch's notices reset
 * the count in their transaction, and PostgreSQL skips rows another sweeper holds, so no period is told
 * twice.
 */
export async function sweepProgressNotices(app: AppContext): Promise<number> {
  const now = app.clock.now();
  const [calendar, intervals] = await Promise.all([
    loadCalendar(app.db, app.config.timeZone),
    progressSettings(app.db),
  ]);
  let total = 0;
  for (const priority of PRIORITIES) {
    const days = intervals[priority];
    if (!days) continue;
    const toldBy = workingDaysAgo(calendar, now, days);
    for (;;) {
      const sent = await app.db
        .transaction()
        .execute((tx) => notifyBatch(tx, app, { priority, toldBy, days, now }));
      total += sent;
      if (sent < BATCH) break;
    }
  }
  return total;
}

async function notifyBatch(
  tx: Tx,
  app: AppContext,
  { priority, toldBy, days, now }: { priority: Priority; toldBy: number; days: number; now: number },
): Promise<number> {
  let due = tx
    .selectFrom('complaints')
    .selectAll()
    .where(openOnly(app.dialect))
    .where('priority', '=', priority)
    .where('progress_from', '<=', toldBy)
    .orderBy('progress_from')
    .limit(BATCH);
  if (app.dialect === 'postgres') due = due.forUpdate().skipLocked();
  const rows = await due.execute();
  if (!rows.length) return 0;
  const wholes = new Map(
    (
      await tx
        .selectFrom('complaint_deadlines')
        .select(['complaint_id', 'due_at'])
        .where(
          'complaint_id',
          'in',
          rows.map((c) => c.id),
        )
        .where('stage', '=', 'whole')
        .execute()
    ).map((d) => [d.complaint_id, d.due_at]),
  );
  const notices: Notice[] = [];
  for (const c of rows) {
    const vars = await complaintVars(tx, app, c, wholes.get(c.id) ?? null);
    notices.push({
      event: 'progress_update',
      complaintId: c.id,
      vars: {
        ...vars,
        customer_status: CUSTOMER_STATUS_WORDS['zh-CN'][c.status] ?? c.status,
        customer_status_en: CUSTOMER_STATUS_WORDS.en[c.status] ?? c.status,
      },
      targets: [{ customer: true }],
    });
  }
  // The notices set every complaint's progress_from to now (notify, markCustomersTold).
  const inboxEvents = await queueNotices(tx, notices, now);
  await appendEvents(tx, [
    ...rows.map((c) => ({
      streamType: COMPLAINT_STREAM,
      streamId: c.id,
      actorId: null,
      at: now,
      kind: 'progress_notified',
      data: { days, expectedAt: wholes.has(c.id) ? new Date(wholes.get(c.id) ?? 0).toISOString() : null },
    })),
    ...inboxEvents.flat(),
  ]);
  return rows.length;
}
