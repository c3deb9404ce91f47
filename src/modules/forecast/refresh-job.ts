import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import { defineJob } from '../jobs/index.js';
import { computeForecasts, madeToday, storeForecasts } from './refresh-forecasts.js';

export const REFRESH_FORECASTS_JOB = 'forecast.refresh';
/** The job looks every hour and refreshes once a local day. */
export const REFRESH_FORECASTS_EVERY_MS = 3_600_000;

export const refreshForecastsJob = defineJob({
  kind: REFRESH_FORECASTS_JOB,
  payload: Type.Object({}),
  handler: async (ctx) => {
    if (await madeToday(ctx)) return;
    const made = await computeForecasts(ctx);
    await ctx.runInJobTransaction((tx) => storeForecasts(tx, made));
  },
  maxAttempts: 3,
  timeoutMs: 15 * 60_000,
});

/** `kesu forecast run`: refresh the stored forecasts now; returns the line to print. */
export async function runForecastCommand(app: AppContext): Promise<string> {
  const made = await computeForecasts(app);
  const run = await app.db.transaction().execute((tx) => storeForecasts(tx, made));
  return `forecasts from ${run.day}: ${run.series} series, 30 days each`;
}
