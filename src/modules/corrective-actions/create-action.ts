import type { ActorContext } from '../../context.js';
import type { Tx } from '../../db/database.js';
import { badRequest, forbidden } from '../../lib/errors.js';
import { appendEvent } from '../audit/index.js';
import { COMPLAINT_STREAM, canSee } from '../complaints/index.js';
import { ACTION_STREAM, DEFAULT_EFFECT_DAYS, mayManage } from './rules.js';
import type { CreateActionInput } from './schemas.js';

const field = (path: string, code: string) => badRequest('validation_failed', [{ path, code }]);

async function linkedComplaints(tx: Tx, ctx: ActorContext, numbers: string[]) {
  const rows = await tx
    .selectFrom('complaints')
    .select(['id', 'number', 'unit_path', 'intake_unit_path', 'assignee_id'])
    .where('number', 'in', numbers)
    .execute();
  const byNumber = new Map(rows.map((r) => [r.number, r]));
  return numbers.map((n, i) => {
    const c = byNumber.get(n);
    if (!c || !canSee(ctx.actor, c)) throw field(`/complaintNumbers/${i}`, 'unknown_complaint');
    return c;
  });
}

/** An action opened from a warning (预警): the warning records the link in the same transaction. */
export interface FromWarning {
  warningId: number;
  link: (tx: Tx, actionId: number) => Promise<void>;
}

/**
 * Open an action (整改) for one complaint or a group: the action's stream starts with `opened`, and
 * each linked complaint's history gets `corrective_action_opened`, all in one transaction.
 */
export async function createAction(
  ctx: ActorContext,
  input: CreateActionInput,
  fromWarning?: FromWarning,
): Promise<number> {
  const now = ctx.clock.now();
  const dueAt = Date.parse(input.dueAt);
  if (dueAt <= now) throw field('/dueAt', 'not_in_future');
  return ctx.db.transaction().execute(async (tx) => {
    const unit = await tx
      .selectFrom('units')
      .select(['id', 'path'])
      .where('id', '=', input.unitId)
      .executeTakeFirst();
    if (!unit) throw field('/unitId', 'unknown_unit');
    if (!mayManage(ctx.actor, unit.path))
      throw forbidden('forbidden', { action: 'create_corrective_action' });
    const owner = await tx
      .selectFrom('users')
      .select(['id', 'unit_id'])
      .where('id', '=', input.ownerId)
      .where('active', '=', 1)
      .executeTakeFirst();
    if (!owner) throw field('/ownerId', 'unknown_user');
    if (input.categoryId !== undefined) {
      const category = await tx
        .selectFrom('categories')
        .select('id')
        .where('id', '=', input.categoryId)
        .executeTakeFirst();
      if (!category) throw field('/categoryId', 'unknown_category');
    }
    const complaints = await linkedComplaints(tx, ctx, input.complaintNumbers);
    const row = await tx
      .insertInto('corrective_actions')
      .values({
        kind: input.kind,
        source_kind: fromWarning ? 'warning' : complaints.length === 1 ? 'complaint' : 'complaints',
        warning_id: fromWarning?.warningId ?? null,
        title: input.title,
        description: input.description,
        root_cause: input.rootCause,
        plan: input.plan,
        unit_id: unit.id,
        unit_path: unit.path,
        category_id: input.categoryId ?? null,
        region: input.region ?? null,
        owner_id: owner.id,
        owner_unit_id: owner.unit_id,
        due_at: dueAt,
        status: 'open',
        effect_days: input.effectDays ?? DEFAULT_EFFECT_DAYS,
        created_by: ctx.actor.userId,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('corrective_action_complaints')
      .values(complaints.map((c) => ({ action_id: row.id, complaint_id: c.id })))
      .execute();
    await appendEvent(tx, {
      streamType: ACTION_STREAM,
      streamId: row.id,
      actorId: ctx.actor.userId,
      at: now,
      kind: 'opened',
      data: {
        kind: input.kind,
        title: input.title,
        unitId: unit.id,
        ownerId: owner.id,
        dueAt,
        complaints: complaints.map((c) => c.number),
        ...(fromWarning ? { warningId: fromWarning.warningId } : {}),
      },
      newStream: true,
    });
    await fromWarning?.link(tx, row.id);
    for (const c of complaints)
      await appendEvent(tx, {
        streamType: COMPLAINT_STREAM,
        streamId: c.id,
        actorId: ctx.actor.userId,
        at: now,
        kind: 'corrective_action_opened',
        data: { actionId: row.id, kind: input.kind, title: input.title },
      });
    return row.id;
  });
}
