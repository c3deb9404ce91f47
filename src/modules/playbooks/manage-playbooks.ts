import type { ActorContext, AppContext } from '../../context.js';
import type { Tx } from '../../db/database.js';
import { invalidating } from '../../db/reference-cache.js';
import type { Playbook } from '../../db/schema.js';
import { badRequest, notFound } from '../../lib/errors.js';
import { appendEvent } from '../audit/index.js';
import { categoryById } from '../categories/index.js';
import { requireAdmin } from '../org/index.js';
import { definitionsCache } from './definitions.js';
import type { PlaybookInput, PlaybookView } from './schemas.js';

const toView = (p: Playbook): PlaybookView => ({
  id: p.id,
  nameZh: p.name_zh,
  nameEn: p.name_en,
  categoryId: p.category_id,
  majorReason: p.major_reason as PlaybookView['majorReason'],
  steps: JSON.parse(p.steps),
  active: p.active === 1,
  updatedAt: new Date(p.updated_at).toISOString(),
});

const columns = (input: PlaybookInput, now: number) => ({
  name_zh: input.nameZh,
  name_en: input.nameEn,
  category_id: input.categoryId,
  major_reason: input.majorReason,
  steps: JSON.stringify(input.steps),
  active: input.active ? (1 as const) : (0 as const),
  updated_at: now,
});

export async function listPlaybooks(app: AppContext): Promise<PlaybookView[]> {
  const rows = await app.db.selectFrom('playbooks').selectAll().orderBy('id').execute();
  return rows.map(toView);
}

/** A playbook needs a trigger (else it would attach to every complaint) and a category that exists. */
async function checked(tx: Tx, input: PlaybookInput): Promise<void> {
  if (input.categoryId === null && input.majorReason === null)
    throw badRequest('validation_failed', [{ path: '/majorReason', code: 'playbook_trigger_required' }]);
  if (input.categoryId !== null && !(await categoryById(tx, input.categoryId)))
    throw badRequest('validation_failed', [{ path: '/categoryId', code: 'unknown_category' }]);
  const blank = input.steps.findIndex((s) => !s.textZh.trim() || !s.textEn.trim());
  if (blank >= 0) throw badRequest('validation_failed', [{ path: `/steps/${blank}/textZh`, code: 'blank' }]);
}

/** A change to the definitions: admin only, recorded in the settings history, cache dropped after. */
function definitionsChange<T>(ctx: ActorContext, body: (tx: Tx, now: number) => Promise<T>): Promise<T> {
  requireAdmin(ctx.actor);
  return invalidating(ctx.db, [definitionsCache], () =>
    ctx.db.transaction().execute((tx) => body(tx, ctx.clock.now())),
  );
}

const settingsEvent = (ctx: ActorContext, now: number, kind: string, data: Record<string, unknown>) => ({
  streamType: 'settings',
  streamId: 0,
  actorId: ctx.actor.userId,
  at: now,
  kind,
  data,
});

export const createPlaybook = (ctx: ActorContext, input: PlaybookInput) =>
  definitionsChange(ctx, async (tx, now) => {
    await checked(tx, input);
    const row = await tx
      .insertInto('playbooks')
      .values(columns(input, now))
      .returningAll()
      .executeTakeFirstOrThrow();
    const view = toView(row);
    await appendEvent(tx, settingsEvent(ctx, now, 'playbook_created', { playbook: view }));
    return view;
  });

/** Edits the definition; checklists already attached keep the steps they were given. */
export const updatePlaybook = (ctx: ActorContext, id: number, input: PlaybookInput) =>
  definitionsChange(ctx, async (tx, now) => {
    const before = await tx.selectFrom('playbooks').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw notFound('playbook_not_found', { id });
    await checked(tx, input);
    const after = await tx
      .updateTable('playbooks')
      .set(columns(input, now))
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const view = toView(after);
    await appendEvent(
      tx,
      settingsEvent(ctx, now, 'playbook_updated', { before: toView(before), after: view }),
    );
    return view;
  });
