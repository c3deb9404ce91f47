import type { ActorContext } from '../../context.js';
import type { Tx } from '../../db/database.js';
import type { Complaint } from '../../db/schema.js';
import { OPEN_STATUSES, type Status } from '../../domain/complaint-model.js';
import { conflict, forbidden, notFound } from '../../lib/errors.js';
import { appendEvent } from '../audit/index.js';
import { COMPLAINT_STREAM, lockVisibleComplaint, requirePermission } from '../complaints/index.js';
import { complaintVars, type Notice, nearestWithRole, queueNotice } from '../notify/index.js';
import { refreshDueAt, writeClockRows } from './clocks.js';
import type { ExtensionRequest } from './extension-schemas.js';
import { extensionSettings } from './extension-settings.js';
import { type Extended, extendDeadline, mayDecideExtension } from './extensions.js';
import { loadSlaContext } from './settings.js';
import { FIXED_STAGES } from './stages.js';

type Event = { kind: string; data: Record<string, unknown>; comment: string | null };

/**
 * A change of a complaint's extensions, in one transaction: the complaint locked (404 unless visible),
 * the actor's role (403), the complaint still open (409), the change, its history event, then its notices.
 */
async function onOpenComplaint<T>(
  ctx: ActorContext,
  number: string,
  authorise: () => void,
  body: (tx: Tx, c: Complaint, now: number) => Promise<{ event: Event; notices: Notice[]; result: T }>,
): Promise<T> {
  return ctx.db.transaction().execute(async (tx) => {
    const c = await lockVisibleComplaint(tx, ctx, number);
    authorise();
    if (!OPEN_STATUSES.includes(c.status as Status))
      throw conflict('extension_complaint_not_open', { number });
    const now = ctx.clock.now();
    const { event, notices, result } = await body(tx, c, now);
    await tx.updateTable('complaints').set({ updated_at: now }).where('id', '=', c.id).execute();
    await appendEvent(tx, {
      streamType: COMPLAINT_STREAM,
      streamId: c.id,
      actorId: ctx.actor.userId,
      at: now,
      ...event,
    });
    for (const notice of notices) await queueNotice(tx, notice, now);
    return result;
  });
}

const approvedDays = async (tx: Tx, complaintId: number) =>
  Number(
    (
      await tx
        .selectFrom('deadline_extensions')
        .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('days'), eb.lit(0)).as('days'))
        .where('complaint_id', '=', complaintId)
        .where('status', '=', 'approved')
        .executeTakeFirstOrThrow()
    ).days,
  );

async function assertWithinMaximum(tx: Tx, complaintId: number, days: number): Promise<void> {
  const { maxDays } = await extensionSettings(tx);
  const approved = await approvedDays(tx, complaintId);
  if (approved + days > maxDays)
    throw conflict('extension_over_maximum', { maxDays, approvedDays: approved, days });
}

/** 申请延期: the handler asks a superior to extend the complaint's time limits by working days. */
export const requestExtension = (ctx: ActorContext, number: string, input: ExtensionRequest) =>
  onOpenComplaint(
    ctx,
    number,
    () => requirePermission(ctx.actor, 'update'),
    async (tx, c, now) => {
      const pending = await tx
        .selectFrom('deadline_extensions')
        .select('id')
        .where('complaint_id', '=', c.id)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      if (pending) throw conflict('extension_pending', { id: pending.id });
      await assertWithinMaximum(tx, c.id, input.days);
      const { id } = await tx
        .insertInto('deadline_extensions')
        .values({
          complaint_id: c.id,
          days: input.days,
          reason: input.reason,
          status: 'pending',
          requested_by: ctx.actor.userId,
          requested_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const superiors = await nearestWithRole(tx, [c.unit_path, c.intake_unit_path], 'supervisor');
      return {
        event: {
          kind: 'extension_requested',
          data: { extensionId: id, days: input.days },
          comment: input.reason,
        },
        notices: [
          {
            event: 'extension_requested',
            complaintId: c.id,
            vars: { ...(await complaintVars(tx, ctx, c)), days: input.days, reason: input.reason },
            targets: superiors.filter((u) => u !== ctx.actor.userId).map((userId) => ({ userId })),
          },
        ],
        result: { id },
      };
    },
  );

async function decide(
  ctx: ActorContext,
  number: string,
  id: number,
  approve: boolean,
  comment: string | null,
): Promise<{ id: number }> {
  const authorise = () => {
    if (!mayDecideExtension(ctx.actor)) throw forbidden('forbidden', { action: 'decide_extension' });
  };
  return onOpenComplaint(ctx, number, authorise, async (tx, c, now) => {
    const ext = await tx
      .selectFrom('deadline_extensions')
      .selectAll()
      .where('id', '=', id)
      .where('complaint_id', '=', c.id)
      .executeTakeFirst();
    if (!ext) throw notFound('extension_not_found', { id });
    if (ext.status !== 'pending') throw conflict('extension_decided', { id, status: ext.status });
    if (ext.requested_by === ctx.actor.userId) throw forbidden('extension_own_request');
    let extended: Extended[] = [];
    let expectedAt: number | null = null;
    if (approve) {
      await assertWithinMaximum(tx, c.id, ext.days);
      extended = await extendRunningDeadlines(tx, ctx, c.id, ext.days);
      expectedAt = await wholeDueAt(tx, c.id);
    }
    await tx
      .updateTable('deadline_extensions')
      .set({
        status: approve ? 'approved' : 'refused',
        decided_by: ctx.actor.userId,
        decided_at: now,
        decision_comment: comment,
        expected_at: expectedAt,
      })
      .where('id', '=', id)
      .execute();
    const after = await tx
      .selectFrom('complaints')
      .selectAll()
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    const vars = {
      ...(await complaintVars(tx, ctx, after, approve ? expectedAt : undefined)),
      days: ext.days,
      reason: ext.reason,
    };
    const notices: Notice[] = [
      {
        event: approve ? 'extension_granted' : 'extension_refused',
        complaintId: c.id,
        vars: { ...vars, comment: comment ?? '' },
        targets: [{ userId: ext.requested_by }],
      },
    ];
    if (approve)
      notices.push({ event: 'extension_approved', complaintId: c.id, vars, targets: [{ customer: true }] });
    return {
      notices,
      event: {
        kind: approve ? 'extension_approved' : 'extension_refused',
        data: { extensionId: id, days: ext.days, ...(approve ? { clocks: { extended } } : {}) },
        comment,
      },
      result: { id },
    };
  });
}

/**
 * Move every running deadline (not met, not paused) of the complaint by `days` working days; not the
 * ones with a given due time (an authority's, a remedy's fulfilment): they are not the complaint's limits.
 */
async function extendRunningDeadlines(tx: Tx, ctx: ActorContext, complaintId: number, days: number) {
  const sla = await loadSlaContext(ctx, tx);
  const running = await tx
    .selectFrom('complaint_deadlines')
    .selectAll()
    .where('complaint_id', '=', complaintId)
    .where('met_at', 'is', null)
    .where('paused_at', 'is', null)
    .where('stage', 'not in', FIXED_STAGES)
    .execute();
  // Every moved deadline in one statement, as the clocks write theirs.
  const moves = running.map(({ complaint_id: _, ...d }) => ({ d, ...extendDeadline(sla, d, days) }));
  await writeClockRows(
    tx,
    complaintId,
    moves.map(({ d, set }) => ({ ...d, ...set })),
  );
  const extended: Extended[] = moves.map((m) => m.moved);
  await refreshDueAt(tx, [complaintId]);
  return extended;
}

const wholeDueAt = async (tx: Tx, complaintId: number) =>
  (
    await tx
      .selectFrom('complaint_deadlines')
      .select('due_at')
      .where('complaint_id', '=', complaintId)
      .where('stage', '=', 'whole')
      .executeTakeFirst()
  )?.due_at ?? null;

/** 批准延期: every running limit moves by the requested working days; the customer is told the new date. */
export const approveExtension = (ctx: ActorContext, number: string, id: number, comment: string | null) =>
  decide(ctx, number, id, true, comment);

/** 驳回延期 */
export const refuseExtension = (ctx: ActorContext, number: string, id: number, comment: string) =>
  decide(ctx, number, id, false, comment);
