import type { ActorContext } from '../../context.js';
import { inSubtree, seesAll } from '../../domain/actor.js';
import { forbidden, notFound } from '../../lib/errors.js';

export interface UnitRow {
  id: number;
  parent_id: number | null;
  name: string;
  name_en: string | null;
  path: string;
}

export interface StatsScope {
  /** The unit asked for, or null for the whole organisation. */
  unit: UnitRow | null;
  /** The units counted; null: all of them. */
  unitIds: number[] | null;
  units: Map<number, UnitRow>;
}

/**
 * Whose figures a caller reads, in one place: executives, auditors and admins the whole organisation
 * or any unit; everyone else their own unit's subtree or a unit inside it (as complaints are seen by
 * their handling unit). Figures count complaints by their handling unit.
 */
export async function statsScope(ctx: ActorContext, unitId: number | undefined): Promise<StatsScope> {
  const rows = await ctx.db
    .selectFrom('units')
    .select(['id', 'parent_id', 'name', 'name_en', 'path'])
    .execute();
  const units = new Map(rows.map((u) => [u.id, u]));
  const all = seesAll(ctx.actor);
  const id = unitId ?? (all ? undefined : ctx.actor.unitId);
  if (id === undefined) return { unit: null, unitIds: null, units };
  const unit = units.get(id);
  if (!unit) throw notFound('unit_not_found');
  if (!(all || inSubtree(unit.path, ctx.actor.unitPath)))
    throw forbidden('forbidden', { action: 'read_statistics' });
  return { unit, unitIds: subtreeIds(rows, unit), units };
}

/** The ids of `unit` and every unit below it. */
export const subtreeIds = (units: Iterable<UnitRow>, unit: UnitRow): number[] =>
  [...units].filter((u) => inSubtree(u.path, unit.path)).map((u) => u.id);
