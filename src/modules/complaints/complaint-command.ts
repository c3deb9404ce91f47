import type { ActorContext } from '../../context.js';
import type { Tx } from '../../db/database.js';
import { runFixed } from '../../db/prepared.js';
import type { Complaint, ComplaintUpdate } from '../../db/schema.js';
import type { Status } from '../../domain/complaint-model.js';
import { notFound } from '../../lib/errors.js';
import { appendEvent } from '../audit/index.js';
import { queueComplaintNotices } from '../notify/index.js';
import { indexComplaint, SEARCHED_COLUMNS } from '../search/index.js';
import { type ClockChanges, updateComplaintClocks } from '../sla/index.js';
import { type Action, assertTransition } from './lifecycle.js';
import { canSee, requirePermission } from './permissions.js';

export const COMPLAINT_STREAM = 'complaint';

export interface CommandOutcome<T> {
  /** Columns to change; the event records each one that really changes, before and after. */
  set?: ComplaintUpdate;
  kind: string;
  comment?: string | null;
  data?: Record<string, unknown>;
  /** Clocks the command ran itself (a given due time), besides those its event kind runs. */
  clocks?: ClockChanges;
  result?: T;
}

/** Load a complaint the actor may see, locked for the rest of the transaction; 404 otherwise. */
export async function lockVisibleComplaint(tx: Tx, ctx: ActorContext, number: string): Promise<Complaint> {
  const [c] = await runFixed(
    tx,
    tx.selectFrom('complaints').selectAll().where('number', '=', number).forUpdate(),
  );
  if (!c || !canSee(ctx.actor, c)) throw notFound('complaint_not_found', { number });
  return c;
}

const definedOnly = <T extends object>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

export function changedFields(
  before: Complaint,
  set: ComplaintUpdate,
): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, to] of Object.entries(set)) {
    if (key === 'updated_at' || to === undefined) continue;
    const from = before[key as keyof Complaint];
    if (from !== to) changes[key] = { from, to };
  }
  return changes;
}

/** The clock changes of an event's kind and of its command, as one record for the history. */
function joinClocks(a: ClockChanges | null, b: ClockChanges | undefined): ClockChanges | null {
  if (!b || !Object.keys(b).length) return a;
  if (!a) return b;
  const out: Record<string, unknown[]> = { ...a };
  for (const [key, list] of Object.entries(b)) out[key] = [...(out[key] ?? []), ...(list as unknown[])];
  return out as ClockChanges;
}

/**
 * The one path by which an existing complaint changes: visibility (404), role (403), state (409),
 * then the command's own checks; the row update and its history event share one transaction.
 */
export async function runComplaintCommand<T = undefined>(
  ctx: ActorContext,
  number: string,
  action: Action,
  body: (tx: Tx, complaint: Complaint) => Promise<CommandOutcome<T>>,
): Promise<T | undefined> {
  return ctx.db.transaction().execute(async (tx) => {
    const complaint = await lockVisibleComplaint(tx, ctx, number);
    requirePermission(ctx.actor, action);
    assertTransition(complaint.status as Status, action);
    const outcome = await body(tx, complaint);
    const now = ctx.clock.now();
    const changes = outcome.set ? changedFields(complaint, outcome.set) : {};
    if (outcome.set) {
      await tx
        .updateTable('complaints')
        .set({ ...outcome.set, updated_at: now })
        .where('id', '=', complaint.id)
        .execute();
    }
    const after = { ...complaint, ...definedOnly(outcome.set ?? {}) };
    const clocks = joinClocks(
      await updateComplaintClocks(tx, ctx, { before: complaint, after, eventKind: outcome.kind, now }),
      outcome.clocks,
    );
    await appendEvent(tx, {
      streamType: COMPLAINT_STREAM,
      streamId: complaint.id,
      actorId: ctx.actor.userId,
      at: now,
      kind: outcome.kind,
      data: { changes, ...outcome.data, ...(clocks ? { clocks } : {}) },
      comment: outcome.comment ?? null,
    });
    await queueComplaintNotices(tx, ctx, {
      complaintId: complaint.id,
      kind: outcome.kind,
      data: outcome.data ?? {},
      comment: outcome.comment ?? null,
      now,
    });
    // The search document holds these columns and the replies (a command writing one says replyId).
    if (SEARCHED_COLUMNS.some((c) => c in changes) || outcome.data?.replyId !== undefined)
      await indexComplaint(tx, complaint.id);
    return outcome.result;
  });
}
