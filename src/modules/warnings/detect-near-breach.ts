/**
 * Time (时限预警): a unit with many open complaints of which a large share is due soon. The due clocks
 * come from the partial index of running, unbreached deadlines (`complaint_deadlines_due`); the open
 * complaints are counted only for the units that have some due soon.
 */
import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/database.js';
import { OPEN_STATUSES } from '../../domain/complaint-model.js';
import { defineJob } from '../jobs/index.js';
import { raiseWarning } from './raise.js';
import { MAX_COMPLAINTS } from './rules.js';
import { loadWarningSettings } from './settings.js';

export const NEAR_BREACH_JOB = 'warnings.near-breach';
export const NEAR_BREACH_EVERY_MS = 15 * 60_000;

export async function detectNearBreach(tx: Tx, app: AppContext): Promise<number> {
  const now = app.clock.now();
  const { nearBreach } = await loadWarningSettings(tx);
  const due = await tx
    .selectFrom('complaint_deadlines as d')
    .innerJoin('complaints as c', 'c.id', 'd.complaint_id')
    .select(['c.unit_id', 'c.id'])
    .where('d.met_at', 'is', null)
    .where('d.paused_at', 'is', null)
    .where('d.breached_at', 'is', null)
    .where('d.due_at', '>=', now)
    .where('d.due_at', '<', now + nearBreach.withinHours * 3_600_000)
    .execute();
  const byUnit = new Map<number, Set<number>>();
  for (const r of due) byUnit.set(r.unit_id, (byUnit.get(r.unit_id) ?? new Set()).add(r.id));
  if (!byUnit.size) return 0;
  const open = await tx
    .selectFrom('complaints')
    .innerJoin('units', 'units.id', 'complaints.unit_id')
    .select(['complaints.unit_id', 'units.name', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('complaints.unit_id', 'in', [...byUnit.keys()])
    .where('complaints.status', 'in', OPEN_STATUSES)
    .groupBy(['complaints.unit_id', 'units.name'])
    .execute();
  let raised = 0;
  for (const u of open) {
    const total = Number(u.n);
    const soon = [...(byUnit.get(u.unit_id) ?? [])];
    const share = total ? soon.length / total : 0;
    if (total < nearBreach.minOpen || share < nearBreach.share) continue;
    await raiseWarning(tx, app, {
      kind: 'near_breach',
      scope: { kind: 'unit', key: String(u.unit_id), label: u.name },
      unitId: u.unit_id,
      figures: {
        open: total,
        dueSoon: soon.length,
        share: Math.round(share * 1000) / 1000,
        withinHours: nearBreach.withinHours,
      },
      complaintIds: soon.slice(0, MAX_COMPLAINTS),
    });
    raised++;
  }
  return raised;
}

export const nearBreachJob = defineJob({
  kind: NEAR_BREACH_JOB,
  payload: Type.Object({}),
  handler: async (ctx) => {
    await ctx.runInJobTransaction((tx) => detectNearBreach(tx, ctx));
  },
  maxAttempts: 2,
});
