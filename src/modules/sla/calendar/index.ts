/**
 * Business calendar for complaint time limits (处理时限): a limit runs either on the clock
 * (24/7) or in working time. Everything here is pure: no I/O and no reading of the current time
 * (the calendar settings are read from the database by `../settings.ts`).
 *
 * - `calendar.ts`: the calendar's shape, defaults and validation
 * - `china-calendar.ts`: the PRC calendar with the administrator's overrides; `holidays-cn.ts` its data
 * - `working-time.ts`: adding and measuring working or clock time
 * - `working-days.ts`: which local days work, and their working intervals as instants
 * - `time-zone.ts`, `civil-date.ts`: instants, local time and dates
 */
export {
  type BusinessCalendar,
  DEFAULT_HOURS,
  DEFAULT_TIME_ZONE,
  type TimeMode,
  type WorkingHours,
} from './calendar.js';
export { type ChinaCalendarOptions, chinaCalendar } from './china-calendar.js';
export { addDays, dateRange } from './civil-date.js';
export { type DayFeatures, type DayKind, dayFeatures, dayKind } from './day-features.js';
export { defaultFestivals, type Festival, type FestivalWindow, festivalOn } from './festivals.js';
export {
  CN_HOLIDAY_PERIODS,
  CN_HOLIDAYS,
  type HolidayPeriod,
  type HolidayYear,
  hasHolidayData,
  KNOWN_YEARS,
} from './holidays-cn.js';
export { isWorkingDay, localDateOf } from './working-days.js';
export { addWorkingDays, workingDaysAgo } from './working-days-after.js';
export {
  addClockTime,
  addTime,
  addWorkingTime,
  isWorkingTime,
  nextWorkingTime,
  timeBetween,
  workingTimeBetween,
} from './working-time.js';
