import { describe, expect, it } from 'vitest';
import { upperTail } from './tail.js';

describe('count tails', () => {
  it('matches the Poisson and negative-binomial tails', () => {
    // P(X ≥ 10 | Poisson 4) = 0.00813; P(X ≥ 0) = 1.
    expect(upperTail(10, 4, Number.POSITIVE_INFINITY)).toBeCloseTo(0.008132, 5);
    expect(upperTail(0, 4, 5)).toBe(1);
    // Extra-Poisson variation makes the same count less surprising.
    expect(upperTail(10, 4, 5)).toBeGreaterThan(upperTail(10, 4, Number.POSITIVE_INFINITY));
    // Small tails keep their digits.
    expect(upperTail(60, 10, Number.POSITIVE_INFINITY)).toBeGreaterThan(0);
    expect(upperTail(60, 10, Number.POSITIVE_INFINITY)).toBeLessThan(1e-20);
  });
});
