import { type Selectable, sql } from 'kysely';
import type { Tx } from '../../db/database.js';
import type { ComplaintDeadlineTable } from '../../db/schema.js';
import type { WriteBatch } from '../../db/write-batch.js';
import type { Priority } from '../../domain/complaint-model.js';
import { addTime, timeBetween } from './calendar/index.js';
import type { SlaContext } from './settings.js';
import {
  CLOCK_EVENTS,
  type FixedStage,
  isFixedStage,
  type LimitStage,
  resolveLimit,
  type Stage,
} from './stages.js';

const MINUTE = 60_000;

export interface ClockSubject {
  id: number;
  categoryPath: number[];
  priority: Priority;
}

/** What an event did to the clocks, for the history. */
export interface ClockChanges {
  started?: Array<{ stage: Stage; dueAt: string }>;
  met?: Stage[];
  paused?: Stage[];
  resumed?: Array<{ stage: Stage; dueAt: string }>;
  recomputed?: Array<{ stage: Stage; from: string; to: string }>;
  /** Clocks an upgrade of the rules removed (upgrade-open-clocks.ts). */
  dropped?: Stage[];
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Due and reminder times of a clock started at `startedAt` with `pausedMs` added to its limit (time
 * waited for the customer, and the working days of approved extensions), in its own kind of time.
 */
export function times(
  sla: SlaContext,
  {
    mode,
    limitMs,
    startedAt,
    pausedMs,
  }: { mode: 'working' | 'clock'; limitMs: number; startedAt: number; pausedMs: number },
) {
  const dueAt = addTime(sla.calendar, mode, startedAt, limitMs + pausedMs);
  const remindAt = addTime(
    sla.calendar,
    mode,
    startedAt,
    Math.round(limitMs * sla.settings.remindShare) + pausedMs,
  );
  return { dueAt, remindAt };
}

/** The deadline row (without its complaint) of a clock of `stage` started at `now`. */
function startedClock(sla: SlaContext, c: Omit<ClockSubject, 'id'>, stage: LimitStage, now: number) {
  const limit = resolveLimit(sla.policies, stage, c.categoryPath, c.priority);
  const limitMs = limit.minutes * MINUTE;
  const { dueAt, remindAt } = times(sla, { mode: limit.mode, limitMs, startedAt: now, pausedMs: 0 });
  return deadlineRow(stage, { mode: limit.mode, limitMs, startedAt: now, dueAt, remindAt });
}

/** A clock whose due time is given (an authority's deadline, a remedy's due date), started at `now`. */
function fixedClock(sla: SlaContext, stage: FixedStage, now: number, dueAt: number) {
  const limitMs = Math.max(0, dueAt - now);
  const remindAt = now + Math.round(limitMs * sla.settings.remindShare);
  return deadlineRow(stage, { mode: 'clock', limitMs, startedAt: now, dueAt, remindAt });
}

function deadlineRow(
  stage: Stage,
  t: { mode: 'working' | 'clock'; limitMs: number; startedAt: number; dueAt: number; remindAt: number },
) {
  return {
    stage,
    mode: t.mode,
    limit_ms: t.limitMs,
    started_at: t.startedAt,
    due_at: t.dueAt,
    remind_at: t.remindAt,
    paused_at: null,
    paused_ms: 0,
    met_at: null,
    reminded_at: null,
    breached_at: null,
  };
}

/**
 * The clocks the first event of a complaint starts, before its row exists: a new complaint has no
 * deadline to meet, pause or resume, so its earliest due time is known without reading any, and
 * goes into the complaint's own row. `write` inserts the deadlines once the row has its id.
 * Registration's clocks run from the receipt; `externalDueAt` is a referring authority's deadline.
 */
export function firstClocks(
  sla: SlaContext,
  c: Omit<ClockSubject, 'id'>,
  {
    eventKind,
    now,
    receivedAt = now,
    externalDueAt = null,
  }: { eventKind: string; now: number; receivedAt?: number; externalDueAt?: number | null },
): { dueAt: number | null; changes: ClockChanges; write: (batch: WriteBatch, complaintId: number) => void } {
  const { changed: rows, changes } = stepClocks(sla, c, new Map(), { eventKind, now, receivedAt });
  if (externalDueAt !== null) {
    const external = fixedClock(sla, 'external', now, externalDueAt);
    rows.push(external);
    changes.started = [...(changes.started ?? []), { stage: 'external', dueAt: iso(externalDueAt) }];
  }
  return {
    dueAt: rows.length ? Math.min(...rows.map((r) => r.due_at)) : null,
    changes,
    write: (batch, complaintId) => {
      // Registration's path: written without the query builder (ADR 0014, 2026-12-05 amendment).
      batch.insertRows(
        'complaint_deadlines',
        rows.map((r) => ({ complaint_id: complaintId, ...r })),
      );
    },
  };
}

/**
 * A complaint's clocks as its whole history makes them under today's rules (every row, met ones
 * included, by stage): the upgrade that changed when clocks start and stop recomputes open
 * complaints with it. The current category and priority give every limit.
 */
export function replayClocks(
  sla: SlaContext,
  c: Omit<ClockSubject, 'id'>,
  history: ReadonlyArray<{ kind: string; at: number }>,
  { receivedAt, externalDueAt }: { receivedAt: number; externalDueAt: number | null },
): Map<string, ClockRow> {
  const all = new Map<string, ClockRow>();
  for (const e of history) {
    const open = new Map([...all].filter(([, r]) => r.met_at === null));
    for (const r of stepClocks(sla, c, open, { eventKind: e.kind, now: e.at, receivedAt }).changed)
      all.set(r.stage, r);
    if (e.kind === 'registered' && externalDueAt !== null)
      all.set('external', fixedClock(sla, 'external', e.at, externalDueAt));
  }
  return all;
}

/** A deadline row of a complaint, without the complaint. */
export type ClockRow = Omit<Selectable<ComplaintDeadlineTable>, 'complaint_id'>;

/**
 * One history event applied to a complaint's clocks not met yet (`open`, by stage, changed in place):
 * the rows it changed (met ones included) and what changed, for the history. Pure; the same steps
 * run for a live event and when the history is replayed (`replayClocks`).
 */
export function stepClocks(
  sla: SlaContext,
  c: Omit<ClockSubject, 'id'>,
  open: Map<string, ClockRow>,
  { eventKind, now, receivedAt = now }: { eventKind: string; now: number; receivedAt?: number },
): { changed: ClockRow[]; changes: ClockChanges } {
  const rule = CLOCK_EVENTS[eventKind];
  const changed = new Map<string, ClockRow>();
  const changes: ClockChanges = {};
  if (!rule) return { changed: [], changes };
  const set = (row: ClockRow) => changed.set(row.stage, row);

  const meet = rule.meet === 'all' ? [...open.keys()] : (rule.meet ?? []).filter((s) => open.has(s));
  for (const stage of meet) {
    const row = open.get(stage);
    if (row) set({ ...row, met_at: now, paused_at: null });
    open.delete(stage);
  }
  if (meet.length) changes.met = meet as Stage[];
  if (rule.pause) {
    // A given due time (an authority's, a remedy's) does not wait for the customer.
    const running = [...open.values()].filter((r) => r.paused_at === null && !isFixedStage(r.stage));
    for (const r of running) {
      const row = { ...r, paused_at: now };
      open.set(r.stage, row);
      set(row);
    }
    if (running.length) changes.paused = running.map((r) => r.stage as Stage);
  }
  if (rule.resume) {
    changes.resumed = [];
    for (const r of [...open.values()].filter((x) => x.paused_at !== null)) {
      const mode = r.mode as 'working' | 'clock';
      // The deadline moves by exactly the pause, measured in the deadline's own kind of time.
      const pausedMs = r.paused_ms + timeBetween(sla.calendar, mode, r.paused_at ?? now, now);
      const { dueAt, remindAt } = times(sla, {
        mode,
        limitMs: r.limit_ms,
        startedAt: r.started_at,
        pausedMs,
      });
      const row = {
        ...r,
        paused_at: null,
        paused_ms: pausedMs,
        due_at: dueAt,
        remind_at: r.reminded_at === null ? remindAt : r.remind_at,
      };
      open.set(r.stage, row);
      set(row);
      changes.resumed.push({ stage: r.stage as Stage, dueAt: iso(dueAt) });
    }
  }
  if (rule.start?.length) {
    const from = rule.fromReceipt ? Math.min(receivedAt, now) : now;
    changes.started = [];
    for (const stage of rule.start) {
      // A stage that runs again (a transfer, a rejected remedy, a reopen) starts a fresh clock.
      const row = startedClock(sla, c, stage, from);
      open.set(stage, row);
      set(row);
      changes.started.push({ stage, dueAt: iso(row.due_at) });
    }
  }
  return { changed: [...changed.values()], changes };
}

/** Insert or replace deadline rows of a complaint in one statement. */
export async function writeClockRows(tx: Tx, complaintId: number, rows: ClockRow[]): Promise<void> {
  if (!rows.length) return;
  await tx
    .insertInto('complaint_deadlines')
    .values(rows.map((r) => ({ complaint_id: complaintId, ...r })))
    .onConflict((oc) =>
      oc.columns(['complaint_id', 'stage']).doUpdateSet((eb) => ({
        mode: eb.ref('excluded.mode'),
        limit_ms: eb.ref('excluded.limit_ms'),
        started_at: eb.ref('excluded.started_at'),
        due_at: eb.ref('excluded.due_at'),
        remind_at: eb.ref('excluded.remind_at'),
        paused_at: eb.ref('excluded.paused_at'),
        paused_ms: eb.ref('excluded.paused_ms'),
        met_at: eb.ref('excluded.met_at'),
        reminded_at: eb.ref('excluded.reminded_at'),
        breached_at: eb.ref('excluded.breached_at'),
      })),
    )
    .execute();
}

/**
 * Start, stop, pause or resume a complaint's clocks for one history event, inside the caller's
 * transaction, and keep `complaints.due_at` (the earliest running deadline) current.
 */
export async function applyClockEvent(
  tx: Tx,
  sla: SlaContext,
  c: ClockSubject,
  { eventKind, now }: { eventKind: string; now: number },
): Promise<ClockChanges> {
  if (!CLOCK_EVENTS[eventKind]) return {};
  const open = new Map((await openDeadlines(tx, c.id)).map(({ complaint_id: _, ...r }) => [r.stage, r]));
  const { changed, changes } = stepClocks(sla, c, open, { eventKind, now });
  await writeClockRows(tx, c.id, changed);
  if (changed.length) await refreshDueAt(tx, [c.id]);
  return changes;
}

/** A running deadline under a changed limit: its new fields, and its due time before. */
export interface Recomputed {
  stage: Stage;
  from: number;
  set: { mode: 'working' | 'clock'; limit_ms: number; due_at: number; remind_at: number | null };
}

/**
 * Which of a complaint's running deadlines (`open`: its rows not met) get another limit under its
 * category and priority, and their times recomputed from their start.
 */
export function recomputation(
  sla: SlaContext,
  c: ClockSubject,
  open: ReadonlyArray<Selectable<ComplaintDeadlineTable>>,
): Recomputed[] {
  const out: Recomputed[] = [];
  for (const r of open) {
    if (isFixedStage(r.stage)) continue;
    const stage = r.stage as LimitStage;
    const limit = resolveLimit(sla.policies, stage, c.categoryPath, c.priority);
    const limitMs = limit.minutes * MINUTE;
    if (limit.mode === r.mode && limitMs === r.limit_ms) continue;
    const { dueAt, remindAt } = times(sla, {
      mode: limit.mode,
      limitMs,
      startedAt: r.started_at,
      pausedMs: r.mode === limit.mode ? r.paused_ms : 0,
    });
    out.push({
      stage,
      from: r.due_at,
      set: {
        mode: limit.mode,
        limit_ms: limitMs,
        due_at: dueAt,
        remind_at: r.reminded_at === null ? remindAt : r.remind_at,
      },
    });
  }
  return out;
}

/** What recomputed deadlines mean for the history. */
export const recomputedChanges = (moved: Recomputed[]): ClockChanges =>
  moved.length
    ? { recomputed: moved.map((m) => ({ stage: m.stage, from: iso(m.from), to: iso(m.set.due_at) })) }
    : {};

/** Write the new fields of recomputed deadlines of complaint `complaintId`. */
export async function writeRecomputed(tx: Tx, complaintId: number, moved: Recomputed[]): Promise<void> {
  for (const m of moved)
    await tx
      .updateTable('complaint_deadlines')
      .set(m.set)
      .where('complaint_id', '=', complaintId)
      .where('stage', '=', m.stage)
      .execute();
}

/** A new priority or category: recompute every running deadline from its start under the new limits. */
export async function recomputeDeadlines(tx: Tx, sla: SlaContext, c: ClockSubject): Promise<ClockChanges> {
  const open = await openDeadlines(tx, c.id);
  const moved = recomputation(sla, c, open);
  await writeRecomputed(tx, c.id, moved);
  // Unchanged deadlines leave the earliest one where it was.
  if (moved.length) await refreshDueAt(tx, [c.id]);
  return recomputedChanges(moved);
}

/**
 * Start (or restart) a clock with a given due time — an authority's deadline, the date an approved
 * remedy is to be carried out by — inside the caller's transaction.
 */
export async function startFixedClock(
  tx: Tx,
  sla: SlaContext,
  complaintId: number,
  { stage, dueAt, now }: { stage: FixedStage; dueAt: number; now: number },
): Promise<ClockChanges> {
  const row = { complaint_id: complaintId, ...fixedClock(sla, stage, now, dueAt) };
  await tx
    .insertInto('complaint_deadlines')
    .values(row)
    .onConflict((oc) => oc.columns(['complaint_id', 'stage']).doUpdateSet(row))
    .execute();
  await refreshDueAt(tx, [complaintId]);
  return { started: [{ stage, dueAt: iso(dueAt) }] };
}

/** Stop a running clock of a complaint as met (a remedy carried out); nothing when none runs. */
export async function meetClock(
  tx: Tx,
  complaintId: number,
  { stage, now }: { stage: Stage; now: number },
): Promise<ClockChanges> {
  const met = await tx
    .updateTable('complaint_deadlines')
    .set({ met_at: now, paused_at: null })
    .where('complaint_id', '=', complaintId)
    .where('stage', '=', stage)
    .where('met_at', 'is', null)
    .executeTakeFirst();
  if (!Number(met.numUpdatedRows)) return {};
  await refreshDueAt(tx, [complaintId]);
  return { met: [stage] };
}

/** A complaint's deadlines not met yet (running or paused). */
const openDeadlines = (tx: Tx, complaintId: number) =>
  tx
    .selectFrom('complaint_deadlines')
    .selectAll()
    .where('complaint_id', '=', complaintId)
    .where('met_at', 'is', null)
    .execute();

/** The earliest due time of a complaint's running deadlines (`refreshDueAt` of rows at hand). */
export function earliestDue(
  rows: ReadonlyArray<Pick<ComplaintDeadlineTable, 'due_at' | 'met_at' | 'paused_at'>>,
) {
  let earliest: number | null = null;
  for (const r of rows)
    if (r.met_at === null && r.paused_at === null && (earliest === null || r.due_at < earliest))
      earliest = r.due_at;
  return earliest;
}

/** Set `complaints.due_at` of the complaints to their earliest running deadline. */
export async function refreshDueAt(tx: Tx, complaintIds: number[]): Promise<void> {
  if (!complaintIds.length) return;
  await tx
    .updateTable('complaints')
    .set({
      due_at: sql<
        number | null
      >`(select min(d.due_at) from complaint_deadlines d where d.complaint_id = complaints.id and d.met_at is null and d.paused_at is null)`,
    })
    .where('id', 'in', complaintIds)
    .execute();
}
