/** Who sees which reports, in one place: those who see everything, all; everyone else their unit's subtree. */
import type { ActorContext } from '../../context.js';
import { inSubtree, seesAll } from '../../domain/actor.js';
import { forbidden, notFound } from '../../lib/errors.js';

export const maySeeReport = (ctx: ActorContext, unitPath: string) =>
  seesAll(ctx.actor) || inSubtree(unitPath, ctx.actor.unitPath);

/** The unit a report asked for covers: any for those who see everything, else one in the asker's subtree (403). */
export async function reportScope(ctx: ActorContext, unitId: number | undefined) {
  const id = unitId ?? (seesAll(ctx.actor) ? undefined : ctx.actor.unitId);
  const q = ctx.db.selectFrom('units').select(['id', 'path']);
  const unit = await (id === undefined
    ? q.where('parent_id', 'is', null).orderBy('id')
    : q.where('id', '=', id)
  ).executeTakeFirst();
  if (!unit) throw notFound('unit_not_found');
  if (!maySeeReport(ctx, unit.path)) throw forbidden('forbidden', { action: 'request_report' });
  return unit;
}
