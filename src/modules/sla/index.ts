export { openBreachCounts } from './breach-stats.js';
export {
  addDays,
  addTime,
  addWorkingDays,
  type BusinessCalendar,
  CN_HOLIDAYS,
  chinaCalendar,
  type DayFeatures,
  type DayKind,
  dateRange,
  dayFeatures,
  dayKind,
  defaultFestivals,
  type Festival,
  type FestivalWindow,
  festivalOn,
  timeBetween,
  workingDaysAgo,
} from './calendar/index.js';
export { type ClockChanges, type ClockRow, meetClock, stepClocks } from './clocks.js';
export { planFirstClocks, startDueClock, updateComplaintClocks } from './complaint-clocks.js';
export { deletePolicy } from './delete-policy.js';
export { approvedExtensions } from './extension-queries.js';
export { listPolicies } from './list-policies.js';
export { savePolicy } from './save-policy.js';
export {
  type CalendarSettings,
  DEFAULT_SLA_SETTINGS,
  loadCalendar,
  loadSlaContext,
  type SlaContext,
  type SlaSettings,
} from './settings.js';
export {
  DEFAULT_LIMITS,
  type FixedStage,
  isFixedStage,
  LIMIT_STAGES,
  type LimitStage,
  type Mode,
  STAGES,
  type Stage,
} from './stages.js';
export { sweepBreaches, sweepReminders } from './sweep.js';
export { sweepProgressNotices } from './sweep-progress.js';
export { CLOCKS_UPGRADED, upgradeOpenClocks } from './upgrade-open-clocks.js';
