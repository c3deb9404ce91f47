import type { ActorContext, AppContext } from '../../context.js';
import type { Tx } from '../../db/database.js';
import { badRequest, notFound } from '../../lib/errors.js';
import { appendEvent } from '../audit/index.js';
import { requireAdmin } from '../org/index.js';
import type { ChecklistInput, ChecklistItem, QualityChecklistView } from './schemas.js';

interface Row {
  id: number;
  name_zh: string;
  name_en: string;
  items: string;
  active: number;
  updated_at: number;
}

const toView = (r: Row): QualityChecklistView => ({
  id: r.id,
  nameZh: r.name_zh,
  nameEn: r.name_en,
  active: r.active === 1,
  items: JSON.parse(r.items) as ChecklistItem[],
  updatedAt: new Date(r.updated_at).toISOString(),
});

export async function listChecklists(app: AppContext): Promise<QualityChecklistView[]> {
  return (await app.db.selectFrom('quality_checklists').selectAll().orderBy('id').execute()).map(toView);
}

/** A checklist by id, or the first active one; the draw copies its items onto each check. */
export async function checklistForDraw(tx: Tx, id: number | undefined): Promise<QualityChecklistView> {
  let query = tx.selectFrom('quality_checklists').selectAll().where('active', '=', 1);
  query = id === undefined ? query.orderBy('id').limit(1) : query.where('id', '=', id);
  const row = await query.executeTakeFirst();
  if (!row) throw badRequest('validation_failed', [{ path: '/checklistId', code: 'no_active_checklist' }]);
  return toView(row);
}

/** Keys unique, labels not blank (the schema checks shapes and bounds). */
function validate(input: ChecklistInput): void {
  const seen = new Set<string>();
  input.items.forEach((item, i) => {
    if (seen.has(item.key))
      throw badRequest('validation_failed', [{ path: `/items/${i}/key`, code: 'duplicate' }]);
    seen.add(item.key);
    for (const field of ['labelZh', 'labelEn'] as const)
      if (!item[field].trim())
        throw badRequest('validation_failed', [{ path: `/items/${i}/${field}`, code: 'blank' }]);
  });
  if (!input.nameZh.trim()) throw badRequest('validation_failed', [{ path: '/nameZh', code: 'blank' }]);
}

const columns = (input: ChecklistInput, now: number) => ({
  name_zh: input.nameZh.trim(),
  name_en: input.nameEn.trim(),
  items: JSON.stringify(input.items),
  active: input.active ? (1 as const) : (0 as const),
  updated_at: now,
});

/** A change to the checklists: admin only, one transaction, recorded in the settings history. */
function checklistChange<T>(
  ctx: ActorContext,
  input: ChecklistInput,
  body: (tx: Tx, now: number) => Promise<T>,
) {
  requireAdmin(ctx.actor);
  validate(input);
  return ctx.db.transaction().execute((tx) => body(tx, ctx.clock.now()));
}

const settingsEvent = (ctx: ActorContext, now: number, kind: string, data: Record<string, unknown>) => ({
  streamType: 'settings',
  streamId: 0,
  actorId: ctx.actor.userId,
  at: now,
  kind,
  data,
});

export const createChecklist = (ctx: ActorContext, input: ChecklistInput) =>
  checklistChange(ctx, input, async (tx, now) => {
    const view = toView(
      await tx
        .insertInto('quality_checklists')
        .values(columns(input, now))
        .returningAll()
        .executeTakeFirstOrThrow(),
    );
    await appendEvent(tx, settingsEvent(ctx, now, 'quality_checklist_created', { checklist: view }));
    return view;
  });

/** Checks already drawn keep the items they were given; only later draws use the new ones. */
export const updateChecklist = (ctx: ActorContext, id: number, input: ChecklistInput) =>
  checklistChange(ctx, input, async (tx, now) => {
    const before = await tx
      .selectFrom('quality_checklists')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!before) throw notFound('quality_checklist_not_found', { id });
    const after = toView(
      await tx
        .updateTable('quality_checklists')
        .set(columns(input, now))
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow(),
    );
    await appendEvent(
      tx,
      settingsEvent(ctx, now, 'quality_checklist_updated', { before: toView(before), after }),
    );
    return after;
  });
