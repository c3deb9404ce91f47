import { zoneOffset } from '../../lib/time.js';

/**
 * The instant a wall-clock time of the zone names (the earlier one when a DST change repeats it): a
 * spreadsheet holds times without a zone ("2026-11-20 14:30" means Shanghai time). The other way is
 * `localFormatter` (src/lib/time.ts).
 */
export function wallClockToEpoch(
  parts: { year: number; month: number; day: number; hour?: number; minute?: number; second?: number },
  timeZone: string,
): number {
  const wall = Date.UTC(
    parts.year,
    parts.month - 1,
    parts.day,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  const first = wall - zoneOffset(wall, timeZone);
  return wall - zoneOffset(first, timeZone);
}
