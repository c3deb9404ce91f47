import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/database.js';
import { OPEN_STATUSES, type Priority, raisePriority, type Status } from '../../domain/complaint-model.js';
import { ESCALATION_CHAIN } from '../../domain/roles.js';
import { formatLocal } from '../../lib/time.js';
import { TxCache } from '../../lib/tx-cache.js';
import { appendEvent } from '../audit/index.js';
import { nearestWithRole, queueComplaintNotices, queueNotice, STAGE_NAMES } from '../notify/index.js';
import { updateComplaintClocks } from './complaint-clocks.js';
import { loadSlaContext } from './settings.js';

const BATCH = 500;
const PG_LANES = 4;
const STREAM = 'complaint';

type Due = { complaint_id: number; stage: string; due_at: number };

/**
 * Claim due deadline rows in batches (SKIP LOCKED: concurrent sweepers never take the same row) and
 * handle each batch in its transaction. On PostgreSQL several lanes run at once, since the work is
 * round trips rather than CPU; SQLite has one writer, so one lane.
 */
async function sweep(
  app: AppContext,
  when: 'remind_at' | 'due_at',
  done: 'reminded_at' | 'breached_at',
  handle: (tx: Tx, due: Due[], now: number) => Promise<void>,
): Promise<number> {
  const lane = async () => {
    let total = 0;
    for (;;) {
      const now = app.clock.now();
      const count = await app.db.transaction().execute(async (tx) => {
        const due = await tx
          .selectFrom('complaint_deadlines')
          .select(['complaint_id', 'stage', 'due_at'])
          .where('met_at', 'is', null)
          .where('paused_at', 'is', null)
          .where(done, 'is', null)
          .where(when, '<=', now)
          .orderBy(when)
          .limit(BATCH)
          .forUpdate()
          .skipLocked()
          .execute();
        if (!due.length) return 0;
        // Claimed rows are marked in the same transaction as their handling: done once, or not at all.
        await tx
          .updateTable('complaint_deadlines')
          .set({ [done]: now })
          .where((eb) =>
            eb.or(
              due.map((d) => eb.and([eb('complaint_id', '=', d.complaint_id), eb('stage', '=', d.stage)])),
            ),
          )
          .execute();
        await handle(tx, due, now);
        return due.length;
      });
      total += count;
      if (count < BATCH) return total;
    }
  };
  const lanes = app.dialect === 'postgres' ? PG_LANES : 1;
  return (await Promise.all(Array.from({ length: lanes }, lane))).reduce((a, b) => a + b, 0);
}

/**
 * Remind the owner of every running deadline whose reminder time has come (DOMAIN: at 80 % of the
 * limit). Rows are claimed with SKIP LOCKED, so several workers share the sweep and each reminder
 * is written once, with its notice, in one transaction.
 */
export async function sweepReminders(app: AppContext): Promise<number> {
  return sweep(app, 'remind_at', 'reminded_at', async (tx, due, now) => {
    const cache = new TxCache();
    const rows = await tx
      .selectFrom('complaints')
      .select(['id', 'number', 'title', 'assignee_id', 'unit_path', 'intake_unit_path'])
      .where('id', 'in', [...new Set(due.map((d) => d.complaint_id))])
      .execute();
    const complaints = new Map(rows.map((c) => [c.id, c]));
    for (const d of due) {
      const c = complaints.get(d.complaint_id);
      if (!c) throw new Error(`complaint ${d.complaint_id} of a deadline is missing`);
      const owners =
        c.assignee_id !== null
          ? [c.assignee_id]
          : await nearestWithRole(tx, [c.unit_path, c.intake_unit_path], 'supervisor', cache);
      await queueNotice(
        tx,
        {
          event: 'reminder',
          complaintId: c.id,
          vars: {
            number: c.number,
            title: c.title,
            stage: STAGE_NAMES['zh-CN'][d.stage],
            due_at: formatLocal(d.due_at, app.config.timeZone),
          },
          targets: owners.map((userId) => ({ userId })),
        },
        now,
        cache,
      );
      await appendEvent(
        tx,
        {
          streamType: STREAM,
          streamId: c.id,
          actorId: null,
          at: now,
          kind: 'deadline_reminded',
          data: { stage: d.stage, dueAt: new Date(d.due_at).toISOString(), owners },
        },
        cache,
      );
    }
  });
}

/**
 * Escalate every complaint whose deadline has just passed: one level up the chain agent →
 * supervisor → manager → executive, priority raised by the configured steps, the next level told.
 * Marking the breach, the escalation and its notices commit together, so a breach escalates once
 * however many workers sweep.
 */
export async function sweepBreaches(app: AppContext): Promise<number> {
  return sweep(app, 'due_at', 'breached_at', async (tx, due, now) => {
    // One batch, one transaction: what every complaint of it looks up is read once.
    const cache = new TxCache();
    const sla = await loadSlaContext(app, tx, cache);
    const byComplaint = new Map<number, string[]>();
    for (const d of due)
      byComplaint.set(d.complaint_id, [...(byComplaint.get(d.complaint_id) ?? []), d.stage]);
    // Ascending ids: lanes and other sweepers lock complaints in one order, so they cannot deadlock.
    const locked = await tx
      .selectFrom('complaints')
      .selectAll()
      .where('id', 'in', [...byComplaint.keys()])
      .orderBy('id')
      .forUpdate()
      .execute();
    for (const c of locked) {
      const stages = byComplaint.get(c.id) ?? [];
      if (!OPEN_STATUSES.includes(c.status as Status)) continue;
      const top = ESCALATION_CHAIN.length - 1;
      const level = Math.min(c.escalation_level + 1, top);
      const priority = raisePriority(c.priority as Priority, sla.settings.raisePriorityOnBreach);
      const set = { escalation_level: level, priority, updated_at: now };
      await tx.updateTable('complaints').set(set).where('id', '=', c.id).execute();
      const after = { ...c, ...set };
      const clocks = await updateComplaintClocks(
        tx,
        app,
        { before: c, after, eventKind: 'escalated', now },
        { sla, cache },
      );
      const toRole = ESCALATION_CHAIN[level];
      const reason = `${stages.map((s) => STAGE_NAMES['zh-CN'][s]).join('、')}超时`;
      const data = {
        automatic: true,
        breached: stages,
        toRole,
        changes: {
          ...(level !== c.escalation_level
            ? { escalation_level: { from: c.escalation_level, to: level } }
            : {}),
          ...(priority !== c.priority ? { priority: { from: c.priority, to: priority } } : {}),
        },
        ...(clocks ? { clocks } : {}),
      };
      await appendEvent(
        tx,
        {
          streamType: STREAM,
          streamId: c.id,
          actorId: null,
          at: now,
          kind: 'escalated',
          data,
          comment: reason,
        },
        cache,
      );
      // Recomputed deadlines moved complaints.due_at: then the notice reads the row again.
      await queueComplaintNotices(
        tx,
        app,
        { complaintId: c.id, kind: 'escalated', data, comment: reason, now },
        {
          complaint: clocks?.recomputed ? undefined : after,
          cache,
        },
      );
    }
  });
}
