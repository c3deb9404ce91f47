/** What a report holds, read when the job makes it: the figures (stats rollups) and a few bounded lists. */
import type { AppContext } from '../../context.js';
import type { Actor } from '../../domain/actor.js';
import { OPEN_STATUSES } from '../../domain/complaint-model.js';
import { localDate, localMidnight } from '../../lib/time.js';
import { forecastFor } from '../forecast/index.js';
import { maskName } from '../privacy/index.js';
import { onTimeByUnit, statsFigures } from '../stats/index.js';
import type { Listed, ReportContent } from './summary.js';

/** How many numbers a list names, and how far a count goes before it says "more". */
const LISTED = 10;
const COUNTED = 1000;
/** How many child units get their on-time rate. */
const MAX_UNITS = 30;
const REPEAT_TOP = 5;

export interface Scope {
  unitId: number;
  unitPath: string;
  from: string;
  to: string;
}

/** The reports job reads the figures as someone who sees the whole organisation; scope was checked when asked. */
function reader(scope: Scope): Actor {
  return {
    userId: 0,
    username: 'system:reports',
    displayName: '报表 (reports)',
    roles: ['auditor'],
    unitId: scope.unitId,
    unitPath: scope.unitPath,
  };
}

const bounds = (from: string, to: string, timeZone: string) => {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return { start: localMidnight(fy, fm, fd, timeZone), end: localMidnight(ty, tm, td + 1, timeZone) };
};

function listed(rows: Array<{ number: string }>): Listed {
  return {
    count: Math.min(rows.length, COUNTED),
    more: rows.length > COUNTED,
    numbers: rows.slice(0, LISTED).map((r) => r.number),
  };
}

/** Open complaints of the scope past their earliest deadline, most overdue first (index on due_at). */
async function overdue(app: AppContext, scope: Scope, now: number): Promise<Listed> {
  const rows = await app.db
    .selectFrom('complaints')
    .select('number')
    .where('due_at', '<=', now)
    .where('status', 'in', OPEN_STATUSES)
    .where('unit_path', 'like', `${scope.unitPath}%`)
    .orderBy('due_at')
    .orderBy('id')
    .limit(COUNTED + 1)
    .execute();
  return listed(rows);
}

/** Open major complaints of the scope, oldest first (the open ones by the status index). */
async function openMajor(app: AppContext, scope: Scope): Promise<Listed> {
  const rows = await app.db
    .selectFrom('complaints')
    .select('number')
    .where('status', 'in', OPEN_STATUSES)
    .where('grade', '=', 'major')
    .where('unit_path', 'like', `${scope.unitPath}%`)
    .orderBy('received_at')
    .orderBy('id')
    .limit(COUNTED + 1)
    .execute();
  return listed(rows);
}

/** The customers with most complaints received in the period (two or more), names masked. */
async function repeatComplainants(app: AppContext, scope: Scope) {
  const { start, end } = bounds(scope.from, scope.to, app.config.timeZone);
  const rows = await app.db
    .selectFrom('complaints as c')
    .innerJoin('customers as u', 'u.id', 'c.customer_id')
    .select(['u.id', 'u.name', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('c.received_at', '>=', start)
    .where('c.received_at', '<', end)
    // A merged duplicate, archived or not, is its target's complaint.
    .where('c.merged_into_id', 'is', null)
    .where('c.unit_path', 'like', `${scope.unitPath}%`)
    .groupBy(['u.id', 'u.name'])
    .having((eb) => eb.fn.countAll(), '>=', 2)
    .orderBy((eb) => eb.fn.countAll(), 'desc')
    .orderBy('u.id')
    .limit(REPEAT_TOP)
    .execute();
  return rows.map((r) => ({ name: maskName(r.name), complaints: Number(r.n) }));
}

/** The next 7 days of the scope's stored forecast (refreshed daily by the forecast job), from the day after `now`. */
async function nextWeek(ctx: Parameters<typeof forecastFor>[0], scope: Scope, now: number) {
  const forecast = await forecastFor(ctx, { unitId: scope.unitId });
  const today = localDate(now, ctx.config.timeZone);
  const handlers = new Map(forecast.staffing.days.map((d) => [d.date, d.handlers]));
  return forecast.total
    .filter((d) => d.date > today)
    .slice(0, 7)
    .map((d) => ({
      date: d.date,
      expected: d.expected,
      lo80: d.lo80,
      hi80: d.hi80,
      handlers: handlers.get(d.date) ?? null,
    }));
}

/** Read everything a report of the scope and period shows, as of `now`. */
export async function readContent(app: AppContext, scope: Scope, now: number): Promise<ReportContent> {
  const ctx = { ...app, actor: reader(scope) };
  const period = { from: scope.from, to: scope.to };
  const figures = await statsFigures(ctx, { ...period, unitId: scope.unitId });
  const children = figures.breakdowns.unit
    .filter((b) => b.key !== String(scope.unitId) && b.complaints > 0)
    .slice(0, MAX_UNITS);
  const onTime = await onTimeByUnit(
    ctx,
    { ...period, unitId: scope.unitId },
    children.map((b) => Number(b.key)),
  );
  const unitOnTime: ReportContent['unitOnTime'] = children.flatMap((b) => {
    const s = onTime.get(Number(b.key));
    return s?.met
      ? [{ name: b.nameZh ?? b.key, nameEn: b.nameEn, met: s.met, onTimeRate: s.onTime / s.met }]
      : [];
  });
  unitOnTime.sort((a, b) => a.onTimeRate - b.onTimeRate || b.met - a.met);
  return {
    figures,
    overdue: await overdue(app, scope, now),
    openMajor: await openMajor(app, scope),
    repeatComplainants: await repeatComplainants(app, scope),
    unitOnTime,
    forecast: await nextWeek(ctx, scope, now),
  };
}
