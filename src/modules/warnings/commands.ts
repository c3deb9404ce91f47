import type { Updateable } from 'kysely';
import type { ActorContext } from '../../context.js';
import type { Tx } from '../../db/database.js';
import type { WarningTable } from '../../db/schema.js';
import { badRequest, conflict, forbidden, notFound } from '../../lib/errors.js';
import { appendEvent } from '../audit/index.js';
import { createAction } from '../corrective-actions/index.js';
import { LIVE, mayManage, WARNING_STREAM, type WarningStatus } from './rules.js';
import type { OpenActionInput } from './schemas.js';

type Values = Updateable<WarningTable>;
const DAY_MS = 86_400_000;
/** A corrective action opened with one click is due in two weeks unless a date is given. */
const ACTION_DAYS = 14;

async function lockWarning(tx: Tx, ctx: ActorContext, id: number) {
  const w = await tx.selectFrom('warnings').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!w) throw notFound('warning_not_found', { id });
  if (!mayManage(ctx.actor, w.unit_path)) throw forbidden('forbidden', { action: 'manage_warning' });
  return w;
}

/** One change of a warning by a supervisor and above of its unit subtree: checked, written and recorded together. */
async function changeWarning(
  ctx: ActorContext,
  id: number,
  change: {
    kind: string;
    from: readonly WarningStatus[];
    set: Values;
    data?: Record<string, unknown>;
    note?: string;
  },
) {
  await ctx.db.transaction().execute(async (tx) => {
    const w = await lockWarning(tx, ctx, id);
    if (!change.from.includes(w.status as WarningStatus))
      throw conflict('warning_status', { status: w.status, action: change.kind });
    const now = ctx.clock.now();
    await tx
      .updateTable('warnings')
      .set({ ...change.set, updated_at: now })
      .where('id', '=', id)
      .execute();
    await appendEvent(tx, {
      streamType: WARNING_STREAM,
      streamId: id,
      actorId: ctx.actor.userId,
      at: now,
      kind: change.kind,
      data: { from: w.status, ...change.data },
      comment: change.note || null,
    });
  });
}

/** 确认: someone looks into it (they become its owner unless it has one). */
export async function acknowledgeWarning(ctx: ActorContext, id: number, note?: string) {
  const w = await ctx.db.selectFrom('warnings').select('owner_id').where('id', '=', id).executeTakeFirst();
  await changeWarning(ctx, id, {
    kind: 'acknowledged',
    from: ['open'],
    set: { status: 'acknowledged', owner_id: w?.owner_id ?? ctx.actor.userId },
    note,
  });
}

/** 解除: dealt with; a later trigger of the same kind and scope raises a new warning. */
export async function resolveWarning(ctx: ActorContext, id: number, note?: string) {
  await changeWarning(ctx, id, {
    kind: 'resolved',
    from: LIVE,
    set: { status: 'resolved', resolved_at: ctx.clock.now() },
    note,
  });
}

/** 指派: give it an owner. */
export async function assignWarning(ctx: ActorContext, id: number, ownerId: number, note?: string) {
  const owner = await ctx.db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', '=', ownerId)
    .where('active', '=', 1)
    .executeTakeFirst();
  if (!owner) throw badRequest('validation_failed', [{ path: '/ownerId', code: 'unknown_user' }]);
  await changeWarning(ctx, id, {
    kind: 'assigned',
    from: LIVE,
    set: { owner_id: owner.id },
    data: { ownerId: owner.id, owner: owner.display_name },
    note,
  });
}

/**
 * 发起整改 with one click: a corrective action at the warning's unit, for the complaints behind it,
 * owned by the warning's owner (or the caller), due in two weeks; the warning records the link in the
 * same transaction.
 */
export async function openActionFromWarning(ctx: ActorContext, id: number, input: OpenActionInput) {
  const w = await ctx.db.selectFrom('warnings').selectAll().where('id', '=', id).executeTakeFirst();
  if (!w) throw notFound('warning_not_found', { id });
  if (!mayManage(ctx.actor, w.unit_path)) throw forbidden('forbidden', { action: 'manage_warning' });
  if (w.action_id !== null) throw conflict('warning_has_action', { id, actionId: w.action_id });
  const ids = (JSON.parse(w.complaint_ids) as number[]).slice(0, 200);
  const numbers = ids.length
    ? (await ctx.db.selectFrom('complaints').select('number').where('id', 'in', ids).execute()).map(
        (c) => c.number,
      )
    : [];
  if (!numbers.length) throw conflict('warning_without_complaints', { id });
  const figures = JSON.parse(w.figures) as Record<string, unknown>;
  return createAction(
    ctx,
    {
      kind: 'corrective',
      title: `预警 #${w.id}：${w.scope_label}`.slice(0, 200),
      description: `预警 #${w.id}（${w.kind}）${w.scope_label}：${Object.entries(figures)
        .map(([k, v]) => `${k} ${Array.isArray(v) ? v.join('、') : String(v)}`)
        .join('；')}`.slice(0, 4000),
      rootCause: '待分析',
      plan: '待制定',
      unitId: w.unit_id,
      ownerId: input.ownerId ?? w.owner_id ?? ctx.actor.userId,
      dueAt: input.dueAt ?? new Date(ctx.clock.now() + ACTION_DAYS * DAY_MS).toISOString(),
      complaintNumbers: numbers,
    },
    {
      warningId: w.id,
      link: async (tx, actionId) => {
        const locked = await lockWarning(tx, ctx, id);
        if (locked.action_id !== null)
          throw conflict('warning_has_action', { id, actionId: locked.action_id });
        const now = ctx.clock.now();
        await tx
          .updateTable('warnings')
          .set({ action_id: actionId, updated_at: now })
          .where('id', '=', id)
          .execute();
        await appendEvent(tx, {
          streamType: WARNING_STREAM,
          streamId: id,
          actorId: ctx.actor.userId,
          at: now,
          kind: 'action_opened',
          data: { actionId },
        });
      },
    },
  );
}
