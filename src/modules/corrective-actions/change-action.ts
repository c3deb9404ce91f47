import type { Selectable, Updateable } from 'kysely';
import type { ActorContext } from '../../context.js';
import type { Tx } from '../../db/database.js';
import type { CorrectiveActionTable } from '../../db/schema.js';
import { conflict, forbidden, notFound } from '../../lib/errors.js';
import { appendEvent } from '../audit/index.js';
import { ACTION_STREAM, type ActionStatus, mayManage, mayRead } from './rules.js';

export type ActionRow = Selectable<CorrectiveActionTable>;
type Values = Updateable<CorrectiveActionTable>;

export interface Change {
  /** Who may: the owner (progress) or a supervisor and above of the action's unit subtree. */
  who: 'owner' | 'manager';
  from: readonly ActionStatus[];
  /** The columns to set; `updated_at` is added. */
  set: (a: ActionRow, now: number, tx: Tx) => Values | Promise<Values>;
  kind: string;
  data?: (a: ActionRow, values: Values) => Record<string, unknown>;
  comment?: string;
}

export async function lockAction(tx: Tx, ctx: ActorContext, id: number): Promise<ActionRow> {
  const a = await tx
    .selectFrom('corrective_actions')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!a) throw notFound('corrective_action_not_found', { id });
  if (!mayRead(ctx.actor, a)) throw forbidden('forbidden', { action: 'read_corrective_action' });
  return a;
}

/** One change of an action: checked (who, from which status), written and recorded on its stream in one transaction. */
export function changeAction(ctx: ActorContext, id: number, change: Change): Promise<void> {
  return ctx.db.transaction().execute(async (tx) => {
    const a = await lockAction(tx, ctx, id);
    const allowed =
      change.who === 'owner' ? a.owner_id === ctx.actor.userId : mayManage(ctx.actor, a.unit_path);
    if (!allowed) throw forbidden('forbidden', { action: change.kind });
    if (!change.from.includes(a.status as ActionStatus))
      throw conflict('corrective_action_status', { status: a.status, action: change.kind });
    const now = ctx.clock.now();
    const values = await change.set(a, now, tx);
    await tx
      .updateTable('corrective_actions')
      .set({ ...values, updated_at: now })
      .where('id', '=', a.id)
      .execute();
    await appendEvent(tx, {
      streamType: ACTION_STREAM,
      streamId: a.id,
      actorId: ctx.actor.userId,
      at: now,
      kind: change.kind,
      data: { from: a.status, ...change.data?.(a, values) },
      comment: change.comment ?? null,
    });
  });
}
