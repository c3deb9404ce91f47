/**
 * 预警仿真: generated years of daily complaints (weekday pattern, PRC holidays and make-up days,
 * festivals, negative-binomial noise) for scopes of different size, with spikes injected at random
 * days, judged day by day as the detector job does (only the days up to the judged one). The first
 * year is history only; the next two are judged. Printed and kept in docs/evidence/issue-16/simulation.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DayCount } from '../../src/modules/warnings/baseline.js';
import { fixedThreshold, judgeLastDay, testLastTwo } from '../../src/modules/warnings/spike-test.js';
import { DISPERSION, type SyntheticDay, syntheticYear } from '../support/synthetic-year.js';

const BASES = [5, 20, 80, 300];
const SEEDS = [1, 2, 3];
const SPIKES_PER_YEAR = 6;
const JUDGED_YEARS = [2025, 2026];

type Rule = (series: readonly (DayCount & { features: SyntheticDay })[]) => boolean;
const detector: Rule = (s) => judgeLastDay(s, 'normal') !== null;
/**
 * The same tests at the same sensitivity against the level the generator drew around and its true
 * noise, which a baseline fitted on history can only estimate: the share it finds is what these tests
 * can find in this data.
 */
const oracle: Rule = (s) => {
  const [prev, last] = s.slice(-2);
  if (!prev || !last) return false;
  const truth = (d: typeof prev) => ({ mean: d.features.expected, size: DISPERSION });
  return testLastTwo([prev.count, last.count], [truth(prev), truth(last)], 'normal') !== null;
};

function years(base: number, seed: number, spikes: number): SyntheticDay[] {
  return [2024, ...JUDGED_YEARS].flatMap((year, i) =>
    syntheticYear({ seed: seed * 1000 + base * 10 + i, base, year, spikes: i === 0 ? 0 : spikes }),
  );
}

/** Day indexes the rule fires on, judged from the first day of 2025 on. */
function fired(days: readonly SyntheticDay[], rule: Rule): Set<number> {
  const start = days.findIndex((d) => d.date.startsWith(String(JUDGED_YEARS[0])));
  const out = new Set<number>();
  const series = days.map((d) => ({ features: d, count: d.count }));
  for (let i = start; i < days.length; i++) if (rule(series.slice(Math.max(0, i - 400), i + 1))) out.add(i);
  return out;
}

/** Spikes: runs of days with spike > 1; found when the rule fires on the first day or the next. */
function spikeRuns(days: readonly SyntheticDay[]): number[] {
  const starts: number[] = [];
  days.forEach((d, i) => {
    if (d.spike > 1 && !((days[i - 1]?.spike ?? 1) > 1)) starts.push(i);
  });
  return starts;
}

/** A warning is raised when the rule fires on a day after a day it did not (an open warning absorbs the rest). */
const warnings = (days: Set<number>) => [...days].filter((i) => !days.has(i - 1)).length;

interface Figures {
  spikes: number;
  found: number;
  falseWarnings: number;
  scopeMonths: number;
}

function measure(rule: Rule, base: number): Figures {
  const f: Figures = { spikes: 0, found: 0, falseWarnings: 0, scopeMonths: 0 };
  for (const seed of SEEDS) {
    const spiky = years(base, seed, SPIKES_PER_YEAR);
    const hits = fired(spiky, rule);
    for (const s of spikeRuns(spiky)) {
      f.spikes++;
      if (hits.has(s) || hits.has(s + 1)) f.found++;
    }
    f.falseWarnings += warnings(fired(years(base, seed + 100, 0), rule));
    f.scopeMonths += 12 * JUDGED_YEARS.length;
  }
  return f;
}

const summary = (f: Figures) => ({
  ...f,
  foundShare: Math.round((f.found / f.spikes) * 1000) / 1000,
  falsePerScopeMonth: Math.round((f.falseWarnings / f.scopeMonths) * 1000) / 1000,
  falsePerScopeQuarter: Math.round(((3 * f.falseWarnings) / f.scopeMonths) * 1000) / 1000,
});

function total(list: Figures[]): Figures {
  return list.reduce(
    (a, f) => ({
      spikes: a.spikes + f.spikes,
      found: a.found + f.found,
      falseWarnings: a.falseWarnings + f.falseWarnings,
      scopeMonths: a.scopeMonths + f.scopeMonths,
    }),
    { spikes: 0, found: 0, falseWarnings: 0, scopeMonths: 0 },
  );
}

describe('spike detector on generated years', () => {
  it('finds ≥ 90 % of the spikes within a day where they stand out (80 and 300 a day) and nearly what a detector knowing the true level finds, ≤ 1 false warning per scope per quarter over the scopes, a tenth of a fixed threshold’s', () => {
    const rules = { seasonal: detector, oracle, fixed: fixedThreshold } as const;
    const result: Record<string, unknown> = {
      setup: {
        bases: BASES,
        seeds: SEEDS,
        spikesPerYear: SPIKES_PER_YEAR,
        history: 2024,
        judged: JUDGED_YEARS,
        seasonal:
          'calendar baseline + negative-binomial tail, sensitivity normal (α = 0.01, half to each of the one-day and two-day tests)',
        oracle:
          'the same tests against the true expected level and noise of the generator (the limit of the data)',
        fixed: 'more than 1.5 × the mean of the last 28 days',
      },
    };
    const totals: Record<string, ReturnType<typeof summary>> = {};
    for (const [name, rule] of Object.entries(rules)) {
      const perScope = BASES.map((base) => ({ base, ...summary(measure(rule, base)) }));
      totals[name] = summary(total(perScope));
      result[name] = { perScope, total: totals[name] };
      for (const s of perScope)
        console.log(
          `${name.padEnd(8)} base ${String(s.base).padStart(3)}/day: found ${s.found}/${s.spikes} (${(s.foundShare * 100).toFixed(1)} %), false ${s.falseWarnings} = ${s.falsePerScopeMonth} per scope-month`,
        );
      console.log(
        `${name.padEnd(8)} all scopes: found ${(totals[name].foundShare * 100).toFixed(1)} %, false warnings per scope per month ${totals[name].falsePerScopeMonth} (per quarter ${totals[name].falsePerScopeQuarter})`,
      );
    }
    mkdirSync('docs/evidence/issue-16', { recursive: true });
    writeFileSync('docs/evidence/issue-16/simulation.json', `${JSON.stringify(result, null, 2)}\n`);

    const seasonal = totals.seasonal;
    const fixed = totals.fixed;
    const seasonalScopes = (
      result.seasonal as { perScope: Array<ReturnType<typeof summary> & { base: number }> }
    ).perScope;
    const fixedScopes = (result.fixed as { perScope: Array<ReturnType<typeof summary> & { base: number }> })
      .perScope;
    // At most one false warning per scope per quarter over the scopes (each size is printed: the busiest
    // scope is just above it, ADR 0038).
    expect(seasonal?.falsePerScopeQuarter).toBeLessThanOrEqual(1);
    // ≥ 90 % found within a day where a spike stands out of the noise (80 and 300 a day); at 5 and 20 a
    // day a one-day ×1.8 spike is within the negative-binomial noise (see ADR 0038), and is reported.
    for (const s of seasonalScopes.filter((x) => x.base >= 80))
      expect(s.foundShare, `base ${s.base}`).toBeGreaterThanOrEqual(0.9);
    // Within two spikes in a hundred of what the same tests find knowing the generator's true level:
    // what is missed is lost in the noise, not in the baseline.
    expect(seasonal?.foundShare ?? 0).toBeGreaterThanOrEqual((totals.oracle?.foundShare ?? 1) - 0.02);
    // Better than the fixed threshold: a tenth of its false warnings, and as many spikes found where both can.
    expect(seasonal?.falseWarnings ?? 0).toBeLessThan((fixed?.falseWarnings ?? 0) / 10);
    for (const [i, s] of seasonalScopes.entries())
      if (s.base >= 80) expect(s.foundShare).toBeGreaterThanOrEqual(fixedScopes[i]?.foundShare ?? 1);
  });
});
