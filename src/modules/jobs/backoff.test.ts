import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff.js';
import { describeError, PermanentJobError } from './claim.js';
import { cronKey, cronSlot } from './cron.js';
import { createJobRegistry } from './registry.js';

describe('backoff', () => {
  it('doubles from 2 s per attempt, drawn from the upper half of the ceiling', () => {
    const low = (n: number) => backoffDelay(n, { random: () => 0 });
    const high = (n: number) => backoffDelay(n, { random: () => 1 });
    expect([1, 2, 3, 4].map(high)).toEqual([2_000, 4_000, 8_000, 16_000]);
    expect([1, 2, 3, 4].map(low)).toEqual([1_000, 2_000, 4_000, 8_000]);
    for (let i = 0; i < 200; i++) {
      const d = backoffDelay(3);
      expect(d).toBeGreaterThanOrEqual(4_000);
      expect(d).toBeLessThanOrEqual(8_000);
    }
  });

  it('is capped at an hour, even after very many attempts', () => {
    expect(backoffDelay(12, { random: () => 1 })).toBe(3_600_000);
    expect(backoffDelay(5000, { random: () => 1 })).toBe(3_600_000);
    expect(backoffDelay(5000, { random: () => 0 })).toBe(1_800_000);
  });

  it('takes another base and cap (tests use milliseconds)', () => {
    expect(backoffDelay(1, { baseMs: 10, random: () => 1 })).toBe(10);
    expect(backoffDelay(4, { baseMs: 10, capMs: 50, random: () => 1 })).toBe(50);
  });
});

describe('job registry and cron slots', () => {
  it('keeps kinds and cron entries apart per registry, and refuses duplicates', () => {
    const a = createJobRegistry().registerJob('x', async () => {}, { maxAttempts: 2, timeoutMs: 100 });
    const b = createJobRegistry();
    expect(a.kinds()).toEqual(['x']);
    expect(b.kinds()).toEqual([]);
    expect(a.get('x')).toMatchObject({ kind: 'x', maxAttempts: 2, timeoutMs: 100 });
    expect(() => a.registerJob('x', async () => {})).toThrow(/twice/);
    expect(() => a.registerJob('y', async () => {}, { maxAttempts: 0 })).toThrow(/maxAttempts/);
    a.registerCron({ name: 'tick', everyMs: 60_000, kind: 'x' });
    expect(() => a.registerCron({ name: 'tick', everyMs: 60_000, kind: 'x' })).toThrow(/twice/);
    expect(() => a.registerCron({ name: 'fast', everyMs: 10, kind: 'x' })).toThrow(/everyMs/);
    expect(a.cronEntries()).toHaveLength(1);
  });

  it('puts an instant in the slot that starts at the last multiple of the period', () => {
    const e = { name: 'tick', everyMs: 60_000 };
    expect(cronSlot(e, 120_000)).toBe(120_000);
    expect(cronSlot(e, 179_999)).toBe(120_000);
    expect(cronKey(e, cronSlot(e, 180_000))).toBe('cron:tick:180000');
  });

  it('keeps an error’s stack, or its text', () => {
    expect(describeError(new PermanentJobError('gone'))).toMatch(/^PermanentJobError: gone\n/);
    expect(describeError('plain')).toBe('plain');
    expect(describeError({ code: 7 })).toBe('{"code":7}');
    expect(describeError('x'.repeat(10_000))).toHaveLength(8_001);
  });
});
