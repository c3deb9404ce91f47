/**
 * Shopping festivals and the Spring Festival: the days when complaint volume is expected to differ
 * from an ordinary day of the same weekday. Dates are local `YYYY-MM-DD`; an administrator may
 * replace the list (each festival's windows per year), the defaults cover the years with holiday data.
 */
import { addDays } from './civil-date.js';
import { CN_HOLIDAY_PERIODS, KNOWN_YEARS } from './holidays-cn.js';

export interface FestivalWindow {
  from: string;
  to: string;
}

export interface Festival {
  key: string;
  nameZh: string;
  nameEn: string;
  windows: FestivalWindow[];
}

/**
 * 618 and 双十一/双十二 windows include the days after the sale when parcels are under way (the
 * complaint peak follows the orders by a few days); the Spring Festival window starts a week before
 * the official days off, when couriers stop taking parcels.
 */
function defaultWindows(year: number): Record<string, FestivalWindow> {
  const spring = CN_HOLIDAY_PERIODS[year]?.find((p) => p.nameEn === 'Spring Festival');
  const windows: Record<string, FestivalWindow> = {
    '618': { from: `${year}-06-01`, to: `${year}-06-22` },
    double11: { from: `${year}-11-01`, to: `${year}-11-18` },
    double12: { from: `${year}-12-10`, to: `${year}-12-16` },
  };
  if (spring) windows.spring = { from: addDays(spring.off[0], -7), to: spring.off[1] };
  return windows;
}

const NAMES: Record<string, [string, string]> = {
  '618': ['618', '618 shopping festival'],
  double11: ['双十一', 'Singles Day (11.11)'],
  double12: ['双十二', 'Double Twelve (12.12)'],
  spring: ['春节', 'Spring Festival'],
};

export function defaultFestivals(years: readonly number[] = KNOWN_YEARS): Festival[] {
  return Object.entries(NAMES).map(([key, [nameZh, nameEn]]) => ({
    key,
    nameZh,
    nameEn,
    windows: years.flatMap((y) => {
      const w = defaultWindows(y)[key];
      return w ? [w] : [];
    }),
  }));
}

/** The festival a local date falls in (the first listed wins when windows overlap), or null. */
export function festivalOn(date: string, festivals: readonly Festival[]): string | null {
  for (const f of festivals) if (f.windows.some((w) => w.from <= date && date <= w.to)) return f.key;
  return null;
}
