import type { ActorContext } from '../../context.js';
import type { Db, Tx } from '../../db/database.js';
import { invalidating, referenceCache } from '../../db/reference-cache.js';
import type { ClassificationRuleTable } from '../../db/schema.js';
import { badRequest, notFound } from '../../lib/errors.js';
import { normalise } from '../../lib/segment.js';
import { appendEvent } from '../audit/index.js';
import { requireClassifierAdmin } from './access.js';
import type { RuleInput, RulePatchInput, RuleView } from './schemas.js';

type RuleRow = Omit<ClassificationRuleTable, 'id'> & { id: number };

const toView = (r: RuleRow): RuleView => ({
  id: r.id,
  name: r.name,
  words: JSON.parse(r.words) as string[],
  categoryId: r.category_id,
  priority: r.priority as RuleView['priority'],
  major: r.major === 1,
  position: r.position,
  active: r.active === 1,
});

const ordered = (db: Db | Tx) =>
  db.selectFrom('classification_rules').selectAll().orderBy('position').orderBy('id');

export async function listRules(ctx: ActorContext): Promise<{ items: RuleView[] }> {
  requireClassifierAdmin(ctx.actor);
  return { items: (await ordered(ctx.db).execute()).map(toView) };
}

const activeRules = referenceCache(async (db, _all: 'all') =>
  (await ordered(db).where('active', '=', 1).execute()).map(toView),
);

/** The first active rule (lowest position) one of whose words occurs in the text. */
export async function firingRule(db: Db | Tx, text: string): Promise<RuleView | null> {
  const haystack = normalise(text);
  for (const rule of await activeRules.get(db, 'all')) {
    if (rule.words.some((w) => w.trim() && haystack.includes(normalise(w.trim())))) return rule;
  }
  return null;
}

async function checkCategory(tx: Tx, id: number | null | undefined): Promise<void> {
  if (id === null || id === undefined) return;
  const c = await tx.selectFrom('categories').select('active').where('id', '=', id).executeTakeFirst();
  if (!c?.active) throw badRequest('validation_failed', [{ path: '/categoryId', code: 'unknown_category' }]);
}

function row(input: RuleInput): Omit<RuleRow, 'id' | 'updated_at'> {
  return {
    name: input.name,
    words: JSON.stringify(input.words.map((w) => w.trim()).filter(Boolean)),
    category_id: input.categoryId ?? null,
    priority: input.priority ?? null,
    major: input.major ? 1 : 0,
    position: input.position ?? 0,
    active: input.active === false ? 0 : 1,
  };
}

async function recorded(tx: Tx, ctx: ActorContext, kind: string, data: Record<string, unknown>) {
  await appendEvent(tx, {
    streamType: 'settings',
    streamId: 0,
    actorId: ctx.actor.userId,
    at: ctx.clock.now(),
    kind,
    data,
  });
}

export async function createRule(ctx: ActorContext, input: RuleInput): Promise<RuleView> {
  requireClassifierAdmin(ctx.actor);
  return invalidating(ctx.db, [activeRules], () =>
    ctx.db.transaction().execute(async (tx) => {
      await checkCategory(tx, input.categoryId);
      const values = { ...row(input), updated_at: ctx.clock.now() };
      const { id } = await tx
        .insertInto('classification_rules')
        .values(values)
        .returning('id')
        .executeTakeFirstOrThrow();
      const view = toView({ ...values, id });
      await recorded(tx, ctx, 'classification_rule_created', { rule: view });
      return view;
    }),
  );
}

async function existing(tx: Tx, id: number): Promise<RuleRow> {
  const r = await tx.selectFrom('classification_rules').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw notFound('classification_rule_not_found', { id });
  return r;
}

export async function updateRule(ctx: ActorContext, id: number, patch: RulePatchInput): Promise<RuleView> {
  requireClassifierAdmin(ctx.actor);
  return invalidating(ctx.db, [activeRules], () =>
    ctx.db.transaction().execute(async (tx) => {
      const before = toView(await existing(tx, id));
      const merged: RuleInput = { ...before, ...patch };
      await checkCategory(tx, patch.categoryId);
      await tx
        .updateTable('classification_rules')
        .set({ ...row(merged), updated_at: ctx.clock.now() })
        .where('id', '=', id)
        .execute();
      const after = toView(await existing(tx, id));
      await recorded(tx, ctx, 'classification_rule_updated', { before, after });
      return after;
    }),
  );
}

export async function deleteRule(ctx: ActorContext, id: number): Promise<void> {
  requireClassifierAdmin(ctx.actor);
  await invalidating(ctx.db, [activeRules], () =>
    ctx.db.transaction().execute(async (tx) => {
      const before = toView(await existing(tx, id));
      await tx.deleteFrom('classification_rules').where('id', '=', id).execute();
      await recorded(tx, ctx, 'classification_rule_deleted', { rule: before });
    }),
  );
}
