import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/database.js';
import type { WriteBatch } from '../../db/write-batch.js';
import type { Priority } from '../../domain/complaint-model.js';
import type { TxCache } from '../../lib/tx-cache.js';
import { categoryById } from '../categories/index.js';
import {
  applyClockEvent,
  type ClockChanges,
  type ClockSubject,
  firstClocks,
  recomputeDeadlines,
  startFixedClock,
} from './clocks.js';
import { loadSlaContext, type SlaContext } from './settings.js';
import { CLOCK_EVENTS, type FixedStage } from './stages.js';

interface ClockFields {
  id: number;
  category_id: number;
  priority: string;
}

/** A history event of a complaint, with the clock fields before (null when it is new) and after it. */
export interface ClockUpdate {
  before: ClockFields | null;
  after: ClockFields;
  eventKind: string;
  now: number;
}

/**
 * Called for every history event of a complaint, in its transaction: runs the clocks the event
 * starts or stops, and recomputes running deadlines when the priority or the category changed.
 * Returns what changed, for the event's data; null when nothing did.
 */
export async function updateComplaintClocks(
  tx: Tx,
  app: Pick<AppContext, 'config'>,
  { before, after, eventKind, now }: ClockUpdate,
  /** `sla`: already loaded by a caller that handles many complaints at once. */
  loaded: { sla?: SlaContext; cache?: TxCache } = {},
): Promise<ClockChanges | null> {
  const { cache } = loaded;
  const reclassified =
    before !== null && (before.priority !== after.priority || before.category_id !== after.category_id);
  if (!CLOCK_EVENTS[eventKind] && !reclassified) return null;
  const sla = loaded.sla ?? (await loadSlaContext(app, tx, cache));
  const subject = await clockSubject(tx, after);
  let changes: ClockChanges = await applyClockEvent(tx, sla, subject, { eventKind, now });
  if (reclassified) changes = { ...changes, ...(await recomputeDeadlines(tx, sla, subject)) };
  return Object.keys(changes).length ? changes : null;
}

/**
 * The clocks of a complaint's first history event (its registration), planned before its row is
 * written: `dueAt` goes into the row, `write` inserts the deadlines after it, in the same transaction.
 */
export async function planFirstClocks(
  tx: Tx,
  app: Pick<AppContext, 'config'>,
  c: Omit<ClockFields, 'id'> & { received_at: number; referral_due_at?: number | null },
  { eventKind, now }: { eventKind: string; now: number },
): Promise<{
  dueAt: number | null;
  changes: ClockChanges | null;
  write: (batch: WriteBatch, complaintId: number) => void;
}> {
  const sla = await loadSlaContext(app, tx);
  const planned = firstClocks(sla, await clockSubject(tx, { id: 0, ...c }), {
    eventKind,
    now,
    receivedAt: c.received_at,
    externalDueAt: c.referral_due_at ?? null,
  });
  return { ...planned, changes: Object.keys(planned.changes).length ? planned.changes : null };
}

/** A complaint as the clocks see it: its category's path (read once per transaction) and priority. */
export async function clockSubject(tx: Tx, c: ClockFields): Promise<ClockSubject> {
  const category = await categoryById(tx, c.category_id);
  if (!category) throw new Error(`category ${c.category_id} vanished`);
  return {
    id: c.id,
    categoryPath: category.path.split('/').filter(Boolean).map(Number),
    priority: c.priority as Priority,
  };
}

/**
 * A clock with a given due time on a complaint — the date an approved remedy is to be carried out
 * by, an authority's deadline — started (or restarted) in the caller's transaction; what changed,
 * for the event's data. It is reminded, breached and escalated like every other clock.
 */
export async function startDueClock(
  tx: Tx,
  app: Pick<AppContext, 'config'>,
  complaintId: number,
  clock: { stage: FixedStage; dueAt: number; now: number },
  cache?: TxCache,
): Promise<ClockChanges> {
  return startFixedClock(tx, await loadSlaContext(app, tx, cache), complaintId, clock);
}
