import type { ActorContext, AppContext } from '../../context.js';
import type { Db, Tx } from '../../db/database.js';
import { invalidating } from '../../db/reference-cache.js';
import { badRequest, notFound } from '../../lib/errors.js';
import { appendEvent } from '../audit/index.js';
import { categoriesById, categoryById } from '../categories/index.js';
import { requireAdmin } from '../org/index.js';
import { type Definitions, definitions, definitionsCache } from './definitions.js';
import { idsNearestFirst, matchingPlaybooks } from './matching.js';
import type { GuidanceView } from './schemas.js';

/** 首问指引 of every category that has its own (guidance is kept by category code). */
export async function listGuidance(app: AppContext): Promise<GuidanceView[]> {
  const { guidance } = await definitions(app.db);
  const items: GuidanceView[] = [];
  for (const c of (await categoriesById(app.db)).values()) {
    const g = guidance.get(c.code);
    if (g) items.push({ categoryId: c.id, ...g });
  }
  return items.sort((a, b) => a.categoryId - b.categoryId);
}

async function nearestGuidance(db: Db | Tx, { guidance }: Definitions, categoryId: number) {
  const category = await categoryById(db, categoryId);
  if (!category) return null;
  for (const id of idsNearestFirst(category.path)) {
    const g = guidance.get((await categoryById(db, id))?.code ?? '');
    if (g) return { categoryId: id, ...g };
  }
  return null;
}

/** What the registration form shows: the category's guidance and the playbooks that would attach. */
export async function firstResponse(
  app: AppContext,
  query: { categoryId?: number; majorReasons?: string },
): Promise<{
  guidance: GuidanceView | null;
  playbooks: Array<{ id: number; nameZh: string; nameEn: string }>;
}> {
  const defs = await definitions(app.db);
  const category = query.categoryId === undefined ? undefined : await categoryById(app.db, query.categoryId);
  const playbooks = matchingPlaybooks(defs.playbooks, {
    categoryPath: category?.path ?? null,
    majorReasons: query.majorReasons?.split(',') ?? [],
  });
  return {
    guidance: category ? await nearestGuidance(app.db, defs, category.id) : null,
    playbooks: playbooks.map((p) => ({ id: p.id, nameZh: p.nameZh, nameEn: p.nameEn })),
  };
}

/** Set (or, with null, remove) a category's own guidance. */
export async function setGuidance(
  ctx: ActorContext,
  categoryId: number,
  text: { textZh: string; textEn: string } | null,
): Promise<GuidanceView | null> {
  requireAdmin(ctx.actor);
  const category = await categoryById(ctx.db, categoryId);
  if (!category) throw notFound('category_not_found');
  if (text && (!text.textZh.trim() || !text.textEn.trim()))
    throw badRequest('validation_failed', [
      { path: text.textZh.trim() ? '/textEn' : '/textZh', code: 'blank' },
    ]);
  const now = ctx.clock.now();
  return invalidating(ctx.db, [definitionsCache], () =>
    ctx.db.transaction().execute(async (tx) => {
      const before = await tx
        .selectFrom('category_guidance')
        .select(['text_zh', 'text_en'])
        .where('category_code', '=', category.code)
        .executeTakeFirst();
      if (text) {
        const row = { text_zh: text.textZh, text_en: text.textEn, updated_at: now };
        if (before)
          await tx
            .updateTable('category_guidance')
            .set(row)
            .where('category_code', '=', category.code)
            .execute();
        else
          await tx
            .insertInto('category_guidance')
            .values({ category_code: category.code, ...row })
            .execute();
      } else if (before) {
        await tx.deleteFrom('category_guidance').where('category_code', '=', category.code).execute();
      } else return null;
      await appendEvent(tx, {
        streamType: 'settings',
        streamId: 0,
        actorId: ctx.actor.userId,
        at: now,
        kind: text ? 'category_guidance_set' : 'category_guidance_removed',
        data: { categoryId, code: category.code, before: before ?? null, after: text },
      });
      return text ? { categoryId, ...text } : null;
    }),
  );
}
