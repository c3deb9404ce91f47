/** Forecasts (预测): expected daily complaints from calendar features, stored daily, with a staffing hint. */

export { type BacktestResult, backtest } from './backtest.js';
export { type DayCount, type ForecastDay, forecastCounts } from './model.js';
export { forecastFor } from './queries.js';
export { computeForecasts, storeForecasts } from './refresh-forecasts.js';
export {
  REFRESH_FORECASTS_EVERY_MS,
  REFRESH_FORECASTS_JOB,
  refreshForecastsJob,
  runForecastCommand,
} from './refresh-job.js';
export type { Forecast, ForecastDayView, ForecastInput } from './schemas.js';
export { DEFAULT_STAFFING_SETTINGS, STAFFING_SETTING, staffingSettings } from './settings.js';
