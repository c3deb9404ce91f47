/**
 * What a day is, for expected complaint volume: its weekday, whether it is worked (an ordinary
 * workday, a weekend, a public holiday or a make-up working day, 调休), whether it is one of the
 * first working days after a long holiday (the backlog arrives), and the festival it falls in.
 * Detectors (early warning) and the forecast share these features so that both expect the same day.
 */

import type { BusinessCalendar } from './calendar.js';
import { addDays, parseLocalDate, weekdayOf } from './civil-date.js';
import { type Festival, festivalOn } from './festivals.js';

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup';

export interface DayFeatures {
  date: string;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  kind: DayKind;
  /** 1–3 on the first three working days after a holiday of three days or more, else 0. */
  afterHoliday: number;
  festival: string | null;
}

export function dayKind(cal: Pick<BusinessCalendar, 'holidays' | 'workdays'>, date: string): DayKind {
  if (cal.workdays.has(date)) return 'makeup';
  if (cal.holidays.has(date)) return 'holiday';
  const wd = weekdayOf(parseLocalDate(date));
  return wd === 0 || wd === 6 ? 'weekend' : 'workday';
}

const worked = (k: DayKind) => k === 'workday' || k === 'makeup';

/** How many working days `date` is after a run of ≥ 3 days off that contained a holiday (1-based), or 0. */
function workdaysAfterLongHoliday(
  cal: Pick<BusinessCalendar, 'holidays' | 'workdays'>,
  date: string,
): number {
  if (!worked(dayKind(cal, date))) return 0;
  let d = date;
  for (let n = 1; n <= 3; n++) {
    let off = 0;
    let holiday = false;
    let prev = addDays(d, -1);
    for (let kind = dayKind(cal, prev); !worked(kind); kind = dayKind(cal, prev)) {
      off++;
      holiday ||= kind === 'holiday';
      prev = addDays(prev, -1);
    }
    if (off >= 3 && holiday) return n;
    if (off > 0) return 0;
    d = prev;
  }
  return 0;
}

export function dayFeatures(
  cal: Pick<BusinessCalendar, 'holidays' | 'workdays'>,
  festivals: readonly Festival[],
  date: string,
): DayFeatures {
  return {
    date,
    weekday: weekdayOf(parseLocalDate(date)),
    kind: dayKind(cal, date),
    afterHoliday: workdaysAfterLongHoliday(cal, date),
    festival: festivalOn(date, festivals),
  };
}
