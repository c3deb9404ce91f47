/**
 * The stored forecast of a scope (as the statistics: a unit's subtree, or the organisation for
 * those who see all) with the staffing hint: handlers needed per day = expected complaints × the
 * median handling hours (receipt to customer answered, the statistics' stage `whole` over the last
 * 28 days) ÷ the working hours of one handler in a day.
 */
import type { ActorContext } from '../../context.js';
import { localDate } from '../../lib/time.js';
import { categoriesById } from '../categories/index.js';
import { addDays } from '../sla/index.js';
import { statsFigures, statsScope } from '../stats/index.js';
import type { Forecast, ForecastDayView, ForecastInput } from './schemas.js';

export const HOURS_PER_HANDLER = 8;
const HANDLING_DAYS = 28;
const HOUR_MS = 3_600_000;

const dateOfDay = (day: number) => {
  const s = String(day);
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
};

const expectedSum = (days: ForecastDayView[]) => days.reduce((s, d) => s + d.expected, 0);

export async function forecastFor(ctx: ActorContext, input: ForecastInput): Promise<Forecast> {
  const scope = await statsScope(ctx, input.unitId);
  const rows = await ctx.db
    .selectFrom('forecasts')
    .selectAll()
    .where('unit_id', '=', scope.unit?.id ?? 0)
    .orderBy('series')
    .orderBy('key')
    .orderBy('day')
    .execute();
  const bySeries = new Map<string, ForecastDayView[]>();
  for (const r of rows) {
    const k = `${r.series}|${r.key}`;
    const list = bySeries.get(k) ?? [];
    list.push({
      date: dateOfDay(r.day),
      expected: r.expected,
      lo80: r.lo80,
      hi80: r.hi80,
      lo95: r.lo95,
      hi95: r.hi95,
    });
    bySeries.set(k, list);
  }
  const of = (series: string) =>
    [...bySeries]
      .filter(([k]) => k.startsWith(`${series}|`))
      .map(([k, days]) => ({ key: k.slice(series.length + 1), days }))
      .sort((a, b) => expectedSum(b.days) - expectedSum(a.days));
  const categories = await categoriesById(ctx.db);
  const total = bySeries.get('total|') ?? [];
  const medianHandlingHours = await handlingHours(ctx, scope.unit?.id);
  return {
    madeAt: rows[0]?.made_at ?? null,
    total,
    categories: of('category').flatMap(({ key, days }) => {
      const c = categories.get(Number(key));
      return c ? [{ categoryId: c.id, nameZh: c.name_zh, nameEn: c.name_en, days }] : [];
    }),
    regions: of('region').map(({ key, days }) => ({ region: key, days })),
    staffing: {
      medianHandlingHours,
      hoursPerHandler: HOURS_PER_HANDLER,
      days: total.map((d) => ({
        date: d.date,
        handlers:
          medianHandlingHours === null
            ? 0
            : Math.round(((d.expected * medianHandlingHours) / HOURS_PER_HANDLER) * 10) / 10,
      })),
    },
  };
}

/** Median hours from receipt to the customer answered, of the complaints received in the last 28 days. */
async function handlingHours(ctx: ActorContext, unitId: number | undefined): Promise<number | null> {
  const today = localDate(ctx.clock.now(), ctx.config.timeZone);
  const figures = await statsFigures(ctx, {
    from: addDays(today, -HANDLING_DAYS),
    to: addDays(today, -1),
    unitId,
  });
  const whole = figures.stages.find((s) => s.stage === 'whole')?.medianMs;
  return whole == null ? null : Math.round((whole / HOUR_MS) * 10) / 10;
}
