import { describe, expect, it } from 'vitest';
import { periodBounds } from '../../lib/periods.js';
import { pickSample, sampleSize } from './sampling.js';
import { weightedScore } from './scoring.js';

describe('quality sampling and scoring', () => {
  const ids = Array.from({ length: 40 }, (_, i) => 100 + i * 3);

  it('draws the same sample from the same seed, distinct and in id order, and another from another seed', () => {
    const once = pickSample(ids, 5, 42, 7);
    expect(pickSample(ids, 5, 42, 7)).toEqual(once);
    expect(new Set(once).size).toBe(5);
    expect([...once].sort((a, b) => a - b)).toEqual(once);
    expect(once.every((id) => ids.includes(id))).toBe(true);
    const others = [1, 2, 3, 4, 5].map((seed) => pickSample(ids, 5, seed, 7).join());
    expect(others.some((o) => o !== once.join())).toBe(true);
  });

  it('takes n or a share rounded up, never more than there is', () => {
    expect(sampleSize(40, { perHandler: 3 })).toBe(3);
    expect(sampleSize(2, { perHandler: 3 })).toBe(2);
    expect(sampleSize(41, { percent: 10 })).toBe(5);
    expect(pickSample(ids.slice(0, 2), 2, 9, 1)).toEqual(ids.slice(0, 2));
  });

  it('weighs the items into 0–100, and has no score while an item is open', () => {
    expect(
      weightedScore([
        { weight: 15, score: 1 },
        { weight: 25, score: 0.5 },
        { weight: 60, score: 0 },
      ]),
    ).toBe(27.5);
    expect(
      weightedScore([
        { weight: 3, score: 1 },
        { weight: 3, score: null },
      ]),
    ).toBeNull();
  });

  it('takes a period as the month in the organisation’s time zone', () => {
    const month = (period: string) => periodBounds({ from: period, to: period }, 'Asia/Shanghai');
    expect(month('2026-10')).toEqual({ start: Date.UTC(2026, 8, 30, 16), end: Date.UTC(2026, 9, 31, 16) });
    expect(month('2026-12').end).toBe(Date.UTC(2026, 11, 31, 16));
  });
});
