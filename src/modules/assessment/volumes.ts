import type { ActorContext } from '../../context.js';
import { badRequest, type FieldProblem } from '../../lib/errors.js';
import { isPeriod } from '../../lib/periods.js';
import { appendEvent } from '../audit/index.js';
import { requireAdmin } from '../org/index.js';
import { type CellValue, cellText, detectFormat, readSheet } from '../spreadsheets/index.js';
import type { VolumeRow, VolumeView } from './schemas.js';

/**
 * 业务量: an admin loads a unit's monthly parcels and orders. Every row is checked first; one bad row
 * refuses the whole load (400 with every problem by row and column) and nothing is written, so a
 * corrected file can simply be loaded again. A row replaces what was loaded for its unit and month.
 */
export async function saveVolumes(
  ctx: ActorContext,
  rows: VolumeRow[],
  paths = rows.map((_, i) => `/rows/${i}`),
) {
  requireAdmin(ctx.actor);
  const problems: FieldProblem[] = [];
  const ids = [...new Set(rows.map((r) => r.unitId))];
  const known = new Set(
    (await ctx.db.selectFrom('units').select('id').where('id', 'in', ids).execute()).map((u) => u.id),
  );
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    const at = paths[i];
    if (!known.has(r.unitId)) problems.push({ path: `${at}/unitId`, code: 'unknown_unit' });
    if (r.parcels === null && r.orders === null)
      problems.push({ path: `${at}/parcels`, code: 'volume_required' });
    const key = `${r.unitId}:${r.period}`;
    if (seen.has(key)) problems.push({ path: `${at}/period`, code: 'duplicate_volume' });
    seen.add(key);
  });
  if (problems.length) throw badRequest('validation_failed', problems);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (tx) => {
    for (const r of rows)
      await tx
        .deleteFrom('unit_volumes')
        .where('unit_id', '=', r.unitId)
        .where('period', '=', r.period)
        .execute();
    await tx
      .insertInto('unit_volumes')
      .values(
        rows.map((r) => ({
          unit_id: r.unitId,
          period: r.period,
          parcels: r.parcels,
          orders: r.orders,
          updated_by: ctx.actor.userId,
          updated_at: now,
        })),
      )
      .execute();
    await appendEvent(tx, {
      streamType: 'settings',
      streamId: 0,
      actorId: ctx.actor.userId,
      at: now,
      kind: 'unit_volumes_loaded',
      data: { rows },
    });
  });
  return { written: rows.length };
}

const count = (v: CellValue): number | null | 'bad' => {
  if (v === undefined) return null;
  const n = typeof v === 'number' ? v : Number(cellText(v)?.replace(/,/g, ''));
  return Number.isInteger(n) && n >= 0 ? n : 'bad';
};

const month = (v: CellValue): string | null => {
  if (v instanceof Date) return `${v.getUTCFullYear()}-${String(v.getUTCMonth() + 1).padStart(2, '0')}`;
  const text = cellText(v)?.replace('/', '-') ?? '';
  return isPeriod(text) ? text : null;
};

/**
 * The upload: columns 单位 (the unit's id or its exact name), 月份 YYYY-MM, 件量 parcels, 单量 orders;
 * the first row is the header. Problems are reported as `/rows/<row number in the sheet>/<column>`.
 */
export async function uploadVolumes(ctx: ActorContext, path: string) {
  requireAdmin(ctx.actor);
  const units = await ctx.db.selectFrom('units').select(['id', 'name']).execute();
  const byName = new Map(units.map((u) => [u.name, u.id]));
  const byId = new Set(units.map((u) => u.id));
  const rows: VolumeRow[] = [];
  const paths: string[] = [];
  const problems: FieldProblem[] = [];
  for await (const { row, cells } of readSheet(path, await detectFormat(path))) {
    if (row === 1) continue;
    const at = `/rows/${row}`;
    const [unitCell, monthCell, parcelsCell, ordersCell] = cells;
    const unitText = cellText(unitCell) ?? '';
    const unitId = byName.get(unitText) ?? (byId.has(Number(unitText)) ? Number(unitText) : null);
    const period = month(monthCell);
    const parcels = count(parcelsCell);
    const orders = count(ordersCell);
    if (unitId === null)
      problems.push({ path: `${at}/unit`, code: 'unknown_unit', params: { value: unitText } });
    if (period === null) problems.push({ path: `${at}/period`, code: 'bad_period' });
    if (parcels === 'bad') problems.push({ path: `${at}/parcels`, code: 'bad_count' });
    if (orders === 'bad') problems.push({ path: `${at}/orders`, code: 'bad_count' });
    if (unitId === null || period === null || parcels === 'bad' || orders === 'bad') continue;
    rows.push({ unitId, period, parcels, orders });
    paths.push(at);
  }
  if (problems.length) throw badRequest('validation_failed', problems);
  if (!rows.length) throw badRequest('validation_failed', [{ path: '/file', code: 'no_rows' }]);
  return saveVolumes(ctx, rows, paths);
}

export async function listVolumes(ctx: ActorContext, period: string | undefined): Promise<VolumeView[]> {
  requireAdmin(ctx.actor);
  let q = ctx.db
    .selectFrom('unit_volumes')
    .innerJoin('units', 'units.id', 'unit_volumes.unit_id')
    .select(['unit_id', 'units.name', 'period', 'parcels', 'orders', 'updated_at'])
    .orderBy('period', 'desc')
    .orderBy('units.path');
  if (period) q = q.where('period', '=', period);
  const rows = await q.limit(1000).execute();
  return rows.map((r) => ({
    unitId: r.unit_id,
    unitName: r.name,
    period: r.period,
    parcels: r.parcels === null ? null : Number(r.parcels),
    orders: r.orders === null ? null : Number(r.orders),
    updatedAt: new Date(Number(r.updated_at)).toISOString(),
  }));
}
