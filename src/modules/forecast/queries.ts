/**
 * The stored forecast of a scope (as the statistics: a unit's subtree, or the organisation for
 * those who see all) with the staffing hint: handlers needed per day = expected complaints × the
 * working minutes of one complaint ÷ the working minutes of one handler's day (the staffing setting).
 */
import type { ActorContext } from '../../context.js';
import { categoriesById } from '../categories/index.js';
import { statsScope } from '../stats/index.js';
import type { Forecast, ForecastDayView, ForecastInput } from './schemas.js';
import { staffingSettings } from './settings.js';

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
  const { minutesPerComplaint, hoursPerHandler } = await staffingSettings(ctx.db);
  return {
    madeAt: rows[0]?.made_at ?? null,
    total,
    categories: of('category').flatMap(({ key, days }) => {
      const c = categories.get(Number(key));
      return c ? [{ categoryId: c.id, nameZh: c.name_zh, nameEn: c.name_en, days }] : [];
    }),
    regions: of('region').map(({ key, days }) => ({ region: key, days })),
    staffing: {
      minutesPerComplaint,
      hoursPerHandler,
      days: total.map((d) => ({
        date: d.date,
        handlers: Math.round(((d.expected * minutesPerComplaint) / (60 * hoursPerHandler)) * 10) / 10,
      })),
    },
  };
}
