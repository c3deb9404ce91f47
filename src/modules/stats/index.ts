/** Statistics (统计): facts and rollups that follow the history, their rebuild, and the figures read from them. */

export { statsCaughtUp } from './caught-up.js';
export { runRebuildCommand } from './cli.js';
export { type DailyCount, dailyCounts, SERIES_DIMENSIONS, type SeriesDimension } from './daily-series.js';
export { dayCount, isRealDay } from './days.js';
export { onTimeByUnit, statsFigures } from './figures.js';
export { FOLLOW_EVERY_MS, FOLLOW_HISTORY_JOB, followHistory } from './follow-history.js';
export { followHistoryJob } from './follow-history-job.js';
export { type RebuildResult, rebuildStats } from './rebuild.js';
export { RebuildRunning } from './rebuild-claim.js';
export type { Bucket, Drill, Figures, StatsInput } from './schemas.js';
export { type StatsScope, statsScope, type UnitRow } from './scope.js';
