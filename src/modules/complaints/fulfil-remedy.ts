import type { ActorContext } from '../../context.js';
import type { Db, Tx } from '../../db/database.js';
import type { Complaint } from '../../db/schema.js';
import { hasRole } from '../../domain/actor.js';
import { badRequest, conflict, forbidden } from '../../lib/errors.js';
import { readSetting } from '../settings/index.js';
import { addTime, type ClockChanges, loadCalendar, meetClock, startDueClock } from '../sla/index.js';
import { runComplaintCommand } from './complaint-command.js';
import {
  DEFAULT_FULFILMENT_SETTINGS,
  FULFILMENT_SETTING,
  missingProof,
  needsFulfilment,
} from './fulfilment.js';
import type { FulfilInput, FulfilmentPlanInput, FulfilmentSettings } from './fulfilment-schemas.js';

/** A working day as the time limits count one by default (09:00–18:00). */
const WORKING_DAY_MS = 9 * 60 * 60_000;

export const fulfilmentSettings = async (db: Db | Tx): Promise<FulfilmentSettings> => ({
  ...DEFAULT_FULFILMENT_SETTINGS,
  ...(await readSetting<Partial<FulfilmentSettings>>(db, FULFILMENT_SETTING, {})),
});

/**
 * 方案执行: an approved remedy with something to carry out gets its owner (the plan's, else the
 * complaint's assignee, else the approver) and due date (the plan's, else the configured working
 * days), and the `fulfilment` clock runs to it — in the approval's transaction.
 */
export async function planFulfilment(
  tx: Tx,
  ctx: ActorContext,
  c: Pick<Complaint, 'id' | 'assignee_id'>,
  remedy: { id: number; kinds: readonly string[] },
  plan: { ownerId?: number | null; dueAt?: number | null },
): Promise<{ clocks?: ClockChanges; fulfilment?: { ownerId: number; dueAt: string } }> {
  if (!needsFulfilment(remedy.kinds)) return {};
  const now = ctx.clock.now();
  const ownerId = plan.ownerId ?? c.assignee_id ?? ctx.actor.userId;
  const owner = await tx.selectFrom('users').select('active').where('id', '=', ownerId).executeTakeFirst();
  if (!owner?.active)
    throw badRequest('validation_failed', [{ path: '/fulfilment/ownerId', code: 'unknown_user' }]);
  let dueAt = plan.dueAt;
  if (dueAt == null) {
    const { workingDays } = await fulfilmentSettings(tx);
    const calendar = await loadCalendar(tx, ctx.config.timeZone);
    dueAt = addTime(calendar, 'working', now, workingDays * WORKING_DAY_MS);
  }
  checkDue(dueAt, now);
  await tx
    .updateTable('remedy_proposals')
    .set({ fulfilment_status: 'pending', fulfilment_owner_id: ownerId, fulfilment_due_at: dueAt })
    .where('id', '=', remedy.id)
    .execute();
  const clocks = await startDueClock(tx, ctx, c.id, { stage: 'fulfilment', dueAt, now });
  return { clocks, fulfilment: { ownerId, dueAt: new Date(dueAt).toISOString() } };
}

/** 400 unless a fulfilment's due time is still ahead. */
export function checkDue(dueAt: number | null, now: number): void {
  if (dueAt !== null && dueAt <= now)
    throw badRequest('validation_failed', [{ path: '/fulfilment/dueAt', code: 'not_in_future' }]);
}

/** A plan as the API gives it, in epoch milliseconds. */
export const planOf = (plan: FulfilmentPlanInput | undefined) => ({
  ownerId: plan?.ownerId ?? null,
  dueAt: plan?.dueAt ? Date.parse(plan.dueAt) : null,
});

const OUTCOME_EVENTS = {
  done: 'remedy_fulfilled',
  failed: 'remedy_fulfilment_failed',
  cancelled: 'remedy_fulfilment_cancelled',
} as const;

/**
 * 记录执行: the owner (or a supervisor or manager) records the approved remedy carried out, with the
 * proof its kinds ask for (meeting its clock), or failed or cancelled with a reason.
 */
export const recordFulfilment = (ctx: ActorContext, number: string, input: FulfilInput) =>
  runComplaintCommand(ctx, number, 'fulfil', async (tx, c) => {
    const remedy = await tx
      .selectFrom('remedy_proposals')
      .select(['id', 'kinds', 'fulfilment_owner_id'])
      .where('complaint_id', '=', c.id)
      .where('fulfilment_status', '=', 'pending')
      .orderBy('id', 'desc')
      .executeTakeFirst();
    if (!remedy) throw conflict('no_fulfilment_pending');
    if (remedy.fulfilment_owner_id !== ctx.actor.userId && !hasRole(ctx.actor, 'supervisor', 'manager'))
      throw forbidden('not_fulfilment_owner');
    const done = input.outcome === 'done';
    const problems = done
      ? missingProof(JSON.parse(remedy.kinds) as string[], input.proof)
      : input.reason
        ? []
        : [{ path: '/reason', code: 'required' }];
    if (problems.length) throw badRequest('validation_failed', problems);
    const evidenceId = input.proof?.evidenceId;
    if (evidenceId !== undefined) {
      const own = await tx
        .selectFrom('evidence')
        .select('id')
        .where('id', '=', evidenceId)
        .where('complaint_id', '=', c.id)
        .executeTakeFirst();
      if (!own)
        throw badRequest('validation_failed', [{ path: '/proof/evidenceId', code: 'unknown_evidence' }]);
    }
    const now = ctx.clock.now();
    await tx
      .updateTable('remedy_proposals')
      .set({
        fulfilment_status: input.outcome,
        fulfilled_at: now,
        fulfilled_by: ctx.actor.userId,
        fulfilment_proof: input.proof ? JSON.stringify(input.proof) : null,
        fulfilment_note: input.reason ?? null,
      })
      .where('id', '=', remedy.id)
      .execute();
    // Failed or cancelled, it is no longer waited for either: the history says which.
    const clocks = await meetClock(tx, c.id, { stage: 'fulfilment', now });
    return {
      kind: OUTCOME_EVENTS[input.outcome],
      data: { remedyId: remedy.id, ...(input.proof ? { proof: input.proof } : {}) },
      comment: input.reason ?? null,
      clocks,
    };
  });
