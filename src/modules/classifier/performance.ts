import type { ActorContext } from '../../context.js';
import { notFound } from '../../lib/errors.js';
import { requireClassifierAdmin } from './access.js';
import { CategoryIndex, type CategoryRow } from './categories.js';
import { predict } from './model.js';
import type { PerformanceView } from './schemas.js';
import { findModel } from './store.js';

/** The last month: complaints received this long ago or later, closed or archived (category confirmed). */
export const PERFORMANCE_WINDOW_MS = 30 * 24 * 3600_000;
/** At most this many, the newest (≈ 100 µs each to classify). */
export const PERFORMANCE_ROWS = 3000;
const CONFIRMED = ['closed', 'archived'];

/**
 * GET /classification/performance: how `model` classifies the last month's complaints whose
 * category a handler confirmed by closing them, per level-1 category, with the confusion matrix —
 * so an admin sees whether a retrained model does better before making it the active one.
 */
export async function modelPerformance(ctx: ActorContext, name: string): Promise<PerformanceView> {
  requireClassifierAdmin(ctx.actor);
  const model = await findModel(ctx.db, name);
  if (!model) throw notFound('classifier_model_not_found', { model: name });
  const to = ctx.clock.now();
  const from = to - PERFORMANCE_WINDOW_MS;
  const complaints = await ctx.db
    .selectFrom('complaints')
    .select(['id', 'title', 'content', 'category_id'])
    .where('status', 'in', CONFIRMED)
    .where('received_at', '>=', from)
    .orderBy('received_at', 'desc')
    .orderBy('id', 'desc')
    .limit(PERFORMANCE_ROWS + 1)
    .execute();
  const capped = complaints.length > PERFORMANCE_ROWS;
  const categories = await CategoryIndex.load(ctx.db);
  const top = (row: CategoryRow | undefined) => {
    const first = row?.path.split('/').filter(Boolean)[0];
    return first === undefined ? undefined : categories.get(Number(first));
  };
  const pairs = complaints.slice(0, PERFORMANCE_ROWS).flatMap((c) => {
    const gold = top(categories.get(c.category_id));
    if (!gold) return [];
    const label = predict(model.loaded, `${c.title}\n${c.content}`).category[0]?.label;
    return [{ gold, predicted: label === undefined ? undefined : top(categories.resolve(label)) }];
  });
  const classes = [...new Map(pairs.map((p) => [p.gold.id, p.gold])).values()].sort((a, b) =>
    a.code < b.code ? -1 : 1,
  );
  const column = new Map(classes.map((c, i) => [c.id, i]));
  const confusion = classes.map(() => new Array<number>(classes.length + 1).fill(0));
  for (const { gold, predicted } of pairs) {
    const row = confusion[column.get(gold.id) as number] as number[];
    const k = (predicted && column.get(predicted.id)) ?? classes.length;
    row[k] = (row[k] as number) + 1;
  }
  const correct = classes.reduce((s, _, i) => s + (confusion[i]?.[i] as number), 0);
  return {
    model: name,
    from,
    to,
    rows: pairs.length,
    capped,
    accuracy: pairs.length ? correct / pairs.length : 0,
    classes: classes.map((c, i) => {
      const row = confusion[i] as number[];
      const rows = row.reduce((a, b) => a + b, 0);
      return {
        id: c.id,
        code: c.code,
        nameZh: c.name_zh,
        nameEn: c.name_en,
        rows,
        correct: row[i] as number,
        recall: rows ? (row[i] as number) / rows : 0,
      };
    }),
    confusion,
  };
}
