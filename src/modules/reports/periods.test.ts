import { describe, expect, it } from 'vitest';
import { duePeriod } from './periods.js';

const TZ = 'Asia/Shanghai';
/** An instant given as Shanghai wall time. */
const at = (y: number, m: number, d: number, h: number, min = 0) => Date.UTC(y, m - 1, d, h - 8, min);

describe('the period a report is due for', () => {
  it('weekly: Monday 09:00 releases the week before; until then, the week before that', () => {
    expect(duePeriod('weekly', at(2026, 12, 7, 9), TZ)).toEqual({ from: '2026-11-30', to: '2026-12-06' });
    expect(duePeriod('weekly', at(2026, 12, 7, 8, 59), TZ)).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(duePeriod('weekly', at(2026, 12, 13, 23), TZ)).toEqual({ from: '2026-11-30', to: '2026-12-06' });
    // Across a year's end.
    expect(duePeriod('weekly', at(2027, 1, 4, 10), TZ)).toEqual({ from: '2026-12-28', to: '2027-01-03' });
  });

  it('monthly: the 1st at 09:00 releases the month before', () => {
    expect(duePeriod('monthly', at(2026, 12, 1, 9), TZ)).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(duePeriod('monthly', at(2026, 12, 1, 8), TZ)).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(duePeriod('monthly', at(2027, 1, 5, 0), TZ)).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(duePeriod('monthly', at(2028, 3, 2, 0), TZ)).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });

  it('quarterly: the 1st of January, April, July and October at 09:00 releases the quarter before', () => {
    expect(duePeriod('quarterly', at(2026, 12, 7, 9), TZ)).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(duePeriod('quarterly', at(2027, 1, 1, 9), TZ)).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(duePeriod('quarterly', at(2027, 1, 1, 8), TZ)).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(duePeriod('quarterly', at(2026, 4, 1, 12), TZ)).toEqual({ from: '2026-01-01', to: '2026-03-31' });
  });
});
