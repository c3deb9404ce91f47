import type { ActorContext } from '../../context.js';
import { hasRole } from '../../domain/actor.js';
import { conflict, forbidden } from '../../lib/errors.js';
import { periodOf } from '../../lib/periods.js';
import { appendEvent } from '../audit/index.js';
import type { ClosedPeriod } from './schemas.js';
import { readRules } from './settings.js';
import { allUnits, computePeopleSheets, computeUnitSheet, rootUnits } from './sheets.js';

const CHUNK = 200;

function requireManager(ctx: ActorContext): void {
  if (!hasRole(ctx.actor, 'manager')) throw forbidden('forbidden', { action: 'close_assessment_period' });
}

const periodEvent = (ctx: ActorContext, at: number, kind: string, period: string) => ({
  streamType: 'assessment',
  streamId: 0,
  actorId: ctx.actor.userId,
  at,
  kind,
  data: { period },
});

/**
 * 关账: every person's and every unit's sheet of a past month is stored as it is now, and shown from
 * then on instead of the live figures; one transaction with the period row and its history event.
 */
export async function closePeriod(ctx: ActorContext, period: string): Promise<ClosedPeriod> {
  requireManager(ctx);
  const now = ctx.clock.now();
  if (period >= periodOf(now, ctx.config.timeZone)) throw conflict('assessment_period_not_over', { period });
  return ctx.db.transaction().execute(async (tx) => {
    const closed = await tx
      .selectFrom('assessment_periods')
      .select('period')
      .where('period', '=', period)
      .forUpdate()
      .executeTakeFirst();
    if (closed) throw conflict('assessment_period_closed', { period });
    const rules = await readRules(tx);
    const range = { from: period, to: period };
    const rows: Array<{ period: string; subject_kind: string; subject_id: number; sheet: string }> = [];
    for (const root of await rootUnits(tx))
      for (const sheet of await computePeopleSheets(ctx, tx, root.path, range, rules))
        rows.push({
          period,
          subject_kind: 'user',
          subject_id: sheet.person.id,
          sheet: JSON.stringify(sheet),
        });
    for (const unit of await allUnits(tx)) {
      const sheet = await computeUnitSheet(ctx, tx, unit, range, rules);
      rows.push({ period, subject_kind: 'unit', subject_id: unit.id, sheet: JSON.stringify(sheet) });
    }
    await tx
      .insertInto('assessment_periods')
      .values({ period, closed_by: ctx.actor.userId, closed_at: now })
      .execute();
    for (let i = 0; i < rows.length; i += CHUNK)
      await tx
        .insertInto('assessment_snapshots')
        .values(rows.slice(i, i + CHUNK))
        .execute();
    await appendEvent(tx, periodEvent(ctx, now, 'assessment_period_closed', period));
    return { period, closedAt: new Date(now).toISOString(), closedBy: ctx.actor.displayName };
  });
}

/** 重新开账: the stored sheets are dropped and the live figures show again; recorded. */
export async function reopenPeriod(ctx: ActorContext, period: string): Promise<void> {
  requireManager(ctx);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (tx) => {
    const closed = await tx
      .selectFrom('assessment_periods')
      .select('period')
      .where('period', '=', period)
      .forUpdate()
      .executeTakeFirst();
    if (!closed) throw conflict('assessment_period_open', { period });
    await tx.deleteFrom('assessment_snapshots').where('period', '=', period).execute();
    await tx.deleteFrom('assessment_periods').where('period', '=', period).execute();
    await appendEvent(tx, periodEvent(ctx, now, 'assessment_period_reopened', period));
  });
}

export async function listClosedPeriods(ctx: ActorContext): Promise<ClosedPeriod[]> {
  const rows = await ctx.db
    .selectFrom('assessment_periods')
    .innerJoin('users', 'users.id', 'assessment_periods.closed_by')
    .select(['assessment_periods.period', 'assessment_periods.closed_at', 'users.display_name'])
    .orderBy('assessment_periods.period', 'desc')
    .execute();
  return rows.map((r) => ({
    period: r.period,
    closedAt: new Date(Number(r.closed_at)).toISOString(),
    closedBy: r.display_name,
  }));
}
