/**
 * The daily refresh of the stored forecasts: for the organisation and every unit (its subtree), the
 * total and each level-1 category and region, the next 30 days from today, fitted on up to 53 weeks
 * of daily counts before today from the statistics rollup. Series too sparse to model are left out.
 * Reading and fitting happen before the transaction that replaces the stored set.
 */

import type { Insertable } from 'kysely';
import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/database.js';
import type { ForecastTable } from '../../db/schema.js';
import { localDate } from '../../lib/time.js';
import {
  addDays,
  type DayFeatures,
  dateRange,
  dayFeatures,
  defaultFestivals,
  loadCalendar,
} from '../sla/index.js';
import { type DayCount, forecastCounts, HISTORY_DAYS } from './model.js';
import { readSeries, type SeriesKind } from './series.js';

export const HORIZON_DAYS = 30;
/** A series with fewer complaints than this over its history is not forecast (fewer than one a week for a month: noise). */
const MIN_COMPLAINTS = 30;
const INSERT_BATCH = 500;

const dayNumber = (date: string) => Number(date.replaceAll('-', ''));

export interface ForecastRun {
  day: string;
  series: number;
}

/** Today's forecasts of every scope and series, read and fitted outside any transaction (it takes seconds). */
export async function computeForecasts(
  app: AppContext,
): Promise<{ day: string; rows: Insertable<ForecastTable>[] }> {
  const now = app.clock.now();
  const today = localDate(now, app.config.timeZone);
  const history = dateRange(addDays(today, -HISTORY_DAYS), addDays(today, -1));
  const ahead = dateRange(today, addDays(today, HORIZON_DAYS - 1));
  const calendar = await loadCalendar(app.db, app.config.timeZone);
  const years = [...new Set([...history, ...ahead].map((d) => Number(d.slice(0, 4))))];
  const festivals = defaultFestivals(years);
  const memo = new Map<string, DayFeatures>();
  const features = (date: string) => {
    const known = memo.get(date);
    if (known) return known;
    const f = dayFeatures(calendar, festivals, date);
    memo.set(date, f);
    return f;
  };
  const counts = await readSeries(
    app.db,
    dayNumber(history[0] as string),
    dayNumber(history.at(-1) as string),
  );
  const rows: Insertable<ForecastTable>[] = [];
  for (const [key, byDay] of counts) {
    let total = 0;
    for (const n of byDay.values()) total += n;
    if (total < MIN_COMPLAINTS) continue;
    const [unit, series, seriesKey] = key.split('|') as [string, SeriesKind, string];
    // The history starts at the series' first complaint: days before it are not zeros of the model.
    const first = history.findIndex((d) => byDay.has(dayNumber(d)));
    const days: DayCount[] = history
      .slice(first)
      .map((date) => ({ date, count: byDay.get(dayNumber(date)) ?? 0 }));
    for (const f of forecastCounts(days, ahead, features))
      rows.push({
        unit_id: Number(unit),
        series,
        key: seriesKey,
        day: dayNumber(f.date),
        expected: Math.round(f.expected * 100) / 100,
        lo80: f.lo80,
        hi80: f.hi80,
        lo95: f.lo95,
        hi95: f.hi95,
        made_at: now,
      });
  }
  return { day: today, rows };
}

/** Replace the stored forecasts in the caller's transaction: the only part that writes. */
export async function storeForecasts(
  tx: Tx,
  { day, rows }: { day: string; rows: Insertable<ForecastTable>[] },
): Promise<ForecastRun> {
  await tx.deleteFrom('forecasts').execute();
  for (let i = 0; i < rows.length; i += INSERT_BATCH)
    await tx
      .insertInto('forecasts')
      .values(rows.slice(i, i + INSERT_BATCH))
      .execute();
  return { day, series: rows.length / HORIZON_DAYS };
}

/** Have today's forecasts been made (the daily job runs once a local day)? */
export async function madeToday(app: AppContext): Promise<boolean> {
  const last = await app.db
    .selectFrom('forecasts')
    .select('made_at')
    .where('unit_id', '=', 0)
    .where('series', '=', 'total')
    .where('key', '=', '')
    .limit(1)
    .executeTakeFirst();
  const tz = app.config.timeZone;
  return !!last && localDate(last.made_at, tz) === localDate(app.clock.now(), tz);
}
