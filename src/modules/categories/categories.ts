import type { ActorContext, AppContext } from '../../context.js';
import type { Db, Tx } from '../../db/database.js';
import { invalidating } from '../../db/reference-cache.js';
import type { Category } from '../../db/schema.js';
import { badRequest, notFound } from '../../lib/errors.js';
import { appendEvent } from '../audit/index.js';
import { requireAdmin } from '../org/index.js';
import { categoryCache } from './category-cache.js';
import { flattenPreset, presets } from './presets/index.js';
import type { CategoryView, NewCategory } from './schemas.js';

export const MAX_CATEGORY_DEPTH = 4;

export type { CategoryView };

const toView = (c: Category): CategoryView => ({
  id: c.id,
  parentId: c.parent_id,
  level: c.level,
  code: c.code,
  nameZh: c.name_zh,
  nameEn: c.name_en,
  path: c.path,
  sort: c.sort,
  active: c.active === 1,
});

export async function listCategories(app: AppContext): Promise<CategoryView[]> {
  const rows = await app.db
    .selectFrom('categories')
    .selectAll()
    .orderBy('level')
    .orderBy('sort')
    .orderBy('id')
    .execute();
  return rows.map(toView);
}

/** Ids of a category and everything below it, for "category subtree" filters. */
export async function categorySubtreeIds(db: Db | Tx, id: number): Promise<number[]> {
  const root = await db.selectFrom('categories').select('path').where('id', '=', id).executeTakeFirst();
  if (!root) return [];
  const rows = await db
    .selectFrom('categories')
    .select('id')
    .where('path', 'like', `${root.path}%`)
    .execute();
  return rows.map((r) => r.id);
}

async function insertCategory(tx: Tx, input: NewCategory): Promise<CategoryView> {
  let parentPath = '/';
  let level = 1;
  if (input.parentId !== null) {
    const parent = await tx
      .selectFrom('categories')
      .select(['path', 'level'])
      .where('id', '=', input.parentId)
      .executeTakeFirst();
    if (!parent) throw badRequest('validation_failed', [{ path: '/parentId', code: 'unknown_category' }]);
    if (parent.level >= MAX_CATEGORY_DEPTH) {
      throw badRequest('validation_failed', [
        { path: '/parentId', code: 'category_too_deep', params: { max: MAX_CATEGORY_DEPTH } },
      ]);
    }
    parentPath = parent.path;
    level = parent.level + 1;
  }
  const taken = await tx
    .selectFrom('categories')
    .select('id')
    .where('code', '=', input.code)
    .executeTakeFirst();
  if (taken) throw badRequest('validation_failed', [{ path: '/code', code: 'category_code_taken' }]);
  const { id } = await tx
    .insertInto('categories')
    .values({
      parent_id: input.parentId,
      level,
      code: input.code,
      name_zh: input.nameZh,
      name_en: input.nameEn,
      path: `pending:${input.code}`,
      sort: input.sort ?? 0,
      active: 1,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const path = `${parentPath}${id}/`;
  await tx.updateTable('categories').set({ path }).where('id', '=', id).execute();
  return {
    id,
    parentId: input.parentId,
    level,
    code: input.code,
    nameZh: input.nameZh,
    nameEn: input.nameEn,
    path,
    sort: input.sort ?? 0,
    active: true,
  };
}

export async function createCategory(ctx: ActorContext, input: NewCategory): Promise<CategoryView> {
  requireAdmin(ctx.actor);
  const now = ctx.clock.now();
  return invalidating(ctx.db, [categoryCache], () =>
    ctx.db.transaction().execute(async (tx) => {
      const c = await insertCategory(tx, input);
      await appendEvent(tx, {
        streamType: 'category',
        streamId: c.id,
        actorId: ctx.actor.userId,
        at: now,
        kind: 'category_created',
        data: { ...c },
      });
      return c;
    }),
  );
}

export async function updateCategory(
  ctx: ActorContext,
  id: number,
  input: { nameZh?: string; nameEn?: string; sort?: number; active?: boolean },
): Promise<CategoryView> {
  requireAdmin(ctx.actor);
  const now = ctx.clock.now();
  return invalidating(ctx.db, [categoryCache], () =>
    ctx.db.transaction().execute(async (tx) => {
      const before = await tx.selectFrom('categories').selectAll().where('id', '=', id).executeTakeFirst();
      if (!before) throw notFound('category_not_found');
      const set = {
        name_zh: input.nameZh ?? before.name_zh,
        name_en: input.nameEn ?? before.name_en,
        sort: input.sort ?? before.sort,
        active: input.active === undefined ? before.active : input.active ? 1 : 0,
      };
      await tx.updateTable('categories').set(set).where('id', '=', id).execute();
      const after = { ...before, ...set };
      await appendEvent(tx, {
        streamType: 'category',
        streamId: id,
        actorId: ctx.actor.userId,
        at: now,
        kind: 'category_updated',
        data: { before: toView(before), after: toView(after) },
      });
      return toView(after);
    }),
  );
}

/**
 * Load a preset tree (express, retail…) into `tx`. Codes already present are kept, so loading twice
 * adds nothing; returns how many categories were added.
 */
export async function loadPreset(tx: Tx, name: string, actorId: number | null, now: number): Promise<number> {
  const preset = presets[name];
  if (!preset) throw badRequest('unknown_preset', [], { name, known: Object.keys(presets) });
  const idsByCode = new Map<string, number>();
  for (const row of await tx.selectFrom('categories').select(['id', 'code']).execute())
    idsByCode.set(row.code, row.id);
  let added = 0;
  for (const node of flattenPreset(preset)) {
    if (idsByCode.has(node.code)) continue;
    const parentId = node.parentCode === null ? null : (idsByCode.get(node.parentCode) ?? null);
    const c = await insertCategory(tx, {
      parentId,
      code: node.code,
      nameZh: node.zh,
      nameEn: node.en,
      sort: node.sort,
    });
    idsByCode.set(node.code, c.id);
    added++;
  }
  await appendEvent(tx, {
    streamType: 'settings',
    streamId: 0,
    actorId,
    at: now,
    kind: 'category_preset_loaded',
    data: { preset: name, added },
  });
  // The caller's transaction commits later; this process's next read sees it already (one connection
  // on SQLite; on PostgreSQL a read in between keeps the old tree at most REFERENCE_TTL_MS).
  categoryCache.invalidate(tx);
  return added;
}

/** Admin command: load a preset tree (`kesu seed --categories retail` does the same). */
export async function loadCategoryPreset(ctx: ActorContext, name: string): Promise<number> {
  requireAdmin(ctx.actor);
  return invalidating(ctx.db, [categoryCache], () =>
    ctx.db.transaction().execute((tx) => loadPreset(tx, name, ctx.actor.userId, ctx.clock.now())),
  );
}
