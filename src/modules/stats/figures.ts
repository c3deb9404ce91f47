/** The statistics of a period and scope, read from the rollups only (never from the complaints). */
import type { ActorContext } from '../../context.js';
import { STATUSES } from '../../domain/complaint-model.js';
import { badRequest } from '../../lib/errors.js';
import { categoriesById } from '../categories/index.js';
import { histogramPercentile } from './buckets.js';
import { statsRecounting } from './caught-up.js';
import {
  type DayRange,
  dayKey,
  dayOfKey,
  daysOf,
  isRealDay,
  lastYearRange,
  previousRange,
  rangeBounds,
  weekdayOf,
  wholeMonths,
} from './days.js';
import {
  type Compared,
  countsBy,
  dayCounts,
  hourCounts,
  remedySums,
  stageHistograms,
  stageSumsByUnit,
  type TotalSums,
  totals,
  volumeSums,
  type Window,
} from './queries.js';
import type { CountDim } from './rollups.js';
import type { Breakdown, Bucket, Drill, Figures, StatsInput } from './schemas.js';
import { type StatsScope, statsScope, subtreeIds } from './scope.js';

const MAX_DAYS = 366 * 3;
const share = (part: number, whole: number) => (whole ? part / whole : null);
const change = (now: number, before: number) => (before ? (now - before) / before : null);
const COUNTED_STATUSES = STATUSES.filter((s) => s !== 'merged').join(',');

function periodOf(input: StatsInput): DayRange {
  const r = { from: input.from, to: input.to ?? input.from };
  const errors = [
    ...(isRealDay(r.from) ? [] : [{ path: '/from', source: 'querystring' as const, code: 'bad_day' }]),
    ...(isRealDay(r.to) ? [] : [{ path: '/to', source: 'querystring' as const, code: 'bad_day' }]),
  ];
  if (!errors.length && r.to < r.from)
    errors.push({ path: '/to', source: 'querystring', code: 'before_from' });
  if (!errors.length && daysOf(r).length > MAX_DAYS)
    errors.push({ path: '/to', source: 'querystring', code: 'range_too_long' });
  if (errors.length) throw badRequest('validation_failed', errors);
  return r;
}

interface Dimension {
  /** A counted dimension, or the handling unit (read from the units' totals). */
  column: CountDim | 'unit';
  /** The bucket a rollup key belongs to (several keys fold into one: category levels, child units). */
  fold(key: string): string;
  name(key: string): [string | null, string | null];
  drill(key: string): Partial<Drill> | null;
}

async function dimensions(
  ctx: ActorContext,
  scope: StatsScope,
  level: number,
): Promise<Record<Breakdown, Dimension>> {
  const categories = await categoriesById(ctx.db);
  const ancestor = (id: number): number => {
    let c = categories.get(id);
    while (c && c.level > level && c.parent_id !== null) c = categories.get(c.parent_id);
    return c?.id ?? id;
  };
  const rootDepth = scope.unit ? scope.unit.path.split('/').filter(Boolean).length : 0;
  const childOf = (unitId: number): number => {
    const path = scope.units.get(unitId)?.path.split('/').filter(Boolean) ?? [];
    return Number(path[rootDepth] ?? unitId);
  };
  const plain = (column: CountDim, drill: (key: string) => Partial<Drill> | null): Dimension => ({
    column,
    fold: (k) => k,
    name: () => [null, null],
    drill,
  });
  return {
    category: {
      column: 'category_id',
      fold: (k) => String(ancestor(Number(k))),
      name: (k) => {
        const c = categories.get(Number(k));
        return [c?.name_zh ?? null, c?.name_en ?? null];
      },
      drill: (k) => ({ categoryId: Number(k) }),
    },
    unit: {
      column: 'unit',
      fold: (k) => String(childOf(Number(k))),
      name: (k) => {
        const u = scope.units.get(Number(k));
        return [u?.name ?? null, u?.name_en ?? null];
      },
      // A bucket of the scope's own unit counts only its own complaints: no list filter does that.
      drill: (k) => (Number(k) === scope.unit?.id ? null : { unitId: Number(k) }),
    },
    channel: plain('channel', (k) => ({ channel: k })),
    region: plain('region', () => null),
    priority: plain('priority', (k) => ({ priority: k })),
    grade: plain('grade', (k) => ({ grade: k })),
    validity: plain('validity', () => null),
    liability: plain('liable_party', () => null),
    repeat: plain('repeat_flag', (k) => ({ repeat: k === '1' })),
  };
}

const fold = <V>(rows: Map<string, V>, f: (k: string) => string, add: (a: V, b: V) => V) => {
  const out = new Map<string, V>();
  for (const [k, v] of rows) {
    const key = f(k);
    const had = out.get(key);
    out.set(key, had === undefined ? v : add(had, v));
  }
  return out;
};

/** The statistics of a period for the caller's scope, with 环比 and 同比. */
export async function statsFigures(ctx: ActorContext, input: StatsInput): Promise<Figures> {
  const period = periodOf(input);
  const previous = previousRange(period);
  const lastYear = lastYearRange(period);
  const scope = await statsScope(ctx, input.unitId);
  const win = (r: DayRange): Window => ({
    fromDay: dayKey(r.from),
    toDay: dayKey(r.to),
    unitIds: scope.unitIds,
  });
  const [now, before, yearAgo] = [win(period), win(previous), win(lastYear)];
  const db = ctx.db;
  const tz = ctx.config.timeZone;
  const bounds = rangeBounds(period, tz);
  const base: Drill = {
    status: COUNTED_STATUSES,
    // A duplicate archived after its merge is `closed`, and still not counted.
    merged: false,
    receivedFrom: new Date(bounds.start).toISOString(),
    receivedTo: new Date(bounds.end).toISOString(),
    ...(scope.unit ? { unitId: scope.unit.id } : {}),
  };

  const windows: [Window, Window, Window] = [now, before, yearAgo];
  const recounting = await statsRecounting(db);
  const total = await totals(db, windows);
  const t = (k: keyof TotalSums) => total.now[k];
  const complaints = t('complaints');
  const prevTotal = total.previous.complaints;
  const yearTotal = total.lastYear.complaints;
  // The unit breakdown reads the totals of each unit in scope (and of complaints without one).
  const unitIds = scope.unitIds ?? [0, ...scope.units.keys()];

  const dims = await dimensions(ctx, scope, input.categoryLevel ?? 1);
  const breakdowns = {} as Record<Breakdown, Bucket[]>;
  for (const [name, d] of Object.entries(dims) as Array<[Breakdown, Dimension]>) {
    const sum = (a: number, b: number) => a + b;
    const rows = await countsBy(db, windows, d.column === 'unit' ? { unit: unitIds } : d.column);
    const pick = (f: (c: Compared<number>) => number) =>
      fold(new Map([...rows].map(([k, v]) => [k, f(v)])), d.fold, sum);
    const counts = pick((c) => c.now);
    const prev = pick((c) => c.previous);
    const year = pick((c) => c.lastYear);
    breakdowns[name] = [...counts.keys()]
      .filter((key) => (counts.get(key) ?? 0) + (prev.get(key) ?? 0) + (year.get(key) ?? 0) > 0)
      .map((key) => {
        const n = counts.get(key) ?? 0;
        const p = prev.get(key) ?? 0;
        const y = year.get(key) ?? 0;
        const [nameZh, nameEn] = d.name(key);
        const drill = d.drill(key);
        return {
          key,
          nameZh,
          nameEn,
          complaints: n,
          share: share(n, complaints),
          previous: p,
          lastYear: y,
          change: change(n, p),
          yearChange: change(n, y),
          drill: drill ? { ...base, ...drill } : null,
        };
      })
      .sort((a, b) => b.complaints - a.complaints || (a.key < b.key ? -1 : 1));
  }

  const histograms = new Map<string, { counts: Map<number, number>; met: number; onTime: number }>();
  for (const h of await stageHistograms(db, now)) {
    const s = histograms.get(h.stage) ?? { counts: new Map(), met: 0, onTime: 0 };
    s.counts.set(h.bucket, (s.counts.get(h.bucket) ?? 0) + h.n);
    s.met += h.n;
    s.onTime += h.onTime;
    histograms.set(h.stage, s);
  }
  const stages = [...histograms]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([stage, s]) => ({
      stage,
      met: s.met,
      onTime: s.onTime,
      onTimeRate: share(s.onTime, s.met),
      medianMs: histogramPercentile(s.counts, 0.5),
      p90Ms: histogramPercentile(s.counts, 0.9),
    }));

  const byKind = new Map<string, { remedies: number; amount: number }>();
  const byLevel = new Map<string, { remedies: number; amount: number }>();
  let remedies = 0;
  let amount = 0;
  for (const r of await remedySums(db, now)) {
    remedies += r.n;
    amount += r.amount;
    for (const [map, key] of [
      ...r.kinds
        .split(',')
        .filter(Boolean)
        .map((k) => [byKind, k] as const),
      [byLevel, r.level] as const,
    ]) {
      const s = map.get(key) ?? { remedies: 0, amount: 0 };
      map.set(key, { remedies: s.remedies + r.n, amount: s.amount + r.amount });
    }
  }
  const sums = (m: Map<string, { remedies: number; amount: number }>) =>
    [...m].map(([key, v]) => ({ key, ...v })).sort((a, b) => b.amount - a.amount || (a.key < b.key ? -1 : 1));

  const heat = new Map<string, number>();
  for (const h of await hourCounts(db, now)) {
    const key = `${weekdayOf(dayOfKey(h.day))}:${h.hour}`;
    heat.set(key, (heat.get(key) ?? 0) + h.n);
  }
  const perDay = await dayCounts(db, now);
  const months = wholeMonths(period);
  const volume = months ? await volumeSums(db, scope.unitIds, months) : null;
  const surveys = t('surveys');
  const avg = (k: 'speed' | 'effectiveness' | 'attitude' | 'transparency') =>
    surveys ? t(k) / surveys : null;
  const valid = breakdowns.validity.find((b) => b.key === 'valid')?.complaints ?? 0;
  const invalid = breakdowns.validity.find((b) => b.key === 'invalid')?.complaints ?? 0;
  const repeat = breakdowns.repeat.find((b) => b.key === '1')?.complaints ?? 0;

  return {
    recounting,
    period,
    previous,
    lastYear,
    unit: scope.unit ? { id: scope.unit.id, name: scope.unit.name, nameEn: scope.unit.name_en } : null,
    totals: {
      complaints,
      previous: prevTotal,
      lastYear: yearTotal,
      change: change(complaints, prevTotal),
      yearChange: change(complaints, yearTotal),
      closed: t('closed'),
      valid,
      invalid,
      validRate: share(valid, valid + invalid),
      firstContact: t('first_contact'),
      firstContactRate: share(t('first_contact'), complaints),
      reopened: t('reopened'),
      reopenRate: share(t('reopened'), complaints),
      repeat,
      repeatRate: share(repeat, complaints),
    },
    breakdowns,
    stages,
    satisfaction: {
      surveys,
      speed: avg('speed'),
      effectiveness: avg('effectiveness'),
      attitude: avg('attitude'),
      transparency: avg('transparency'),
      nps: surveys ? ((t('promoters') - t('detractors')) / surveys) * 100 : null,
    },
    remedies: { remedies, amount, byKind: sums(byKind), byLevel: sums(byLevel) },
    volumes: volume
      ? {
          ...volume,
          per10kParcels: volume.parcels ? (complaints / volume.parcels) * 10_000 : null,
          per10kOrders: volume.orders ? (complaints / volume.orders) * 10_000 : null,
        }
      : null,
    trend: daysOf(period).map((day) => {
      const b = rangeBounds({ from: day, to: day }, tz);
      return {
        day,
        complaints: perDay.get(dayKey(day)) ?? 0,
        drill: {
          ...base,
          receivedFrom: new Date(b.start).toISOString(),
          receivedTo: new Date(b.end).toISOString(),
        },
      };
    }),
    heatmap: [...heat]
      .map(([k, complaints]) => {
        const [weekday, hour] = k.split(':').map(Number);
        return { weekday: weekday ?? 1, hour: hour ?? 0, complaints };
      })
      .sort((a, b) => a.weekday - b.weekday || a.hour - b.hour),
  };
}

/**
 * 各单位及时率: for each of `unitIds` in the caller's scope, the deadlines met over its subtree in the
 * period and how many of them on time. One grouped read of the stage rollup for all of them, where a
 * statsFigures per unit would read every figure of each.
 */
export async function onTimeByUnit(
  ctx: ActorContext,
  input: StatsInput,
  unitIds: readonly number[],
): Promise<Map<number, { met: number; onTime: number }>> {
  const period = periodOf(input);
  const scope = await statsScope(ctx, input.unitId);
  const targets = unitIds.flatMap((id) => {
    const unit = scope.units.get(id);
    return unit && (scope.unitIds === null || scope.unitIds.includes(id)) ? [unit] : [];
  });
  const members = new Map(targets.map((t) => [t.id, subtreeIds(scope.units.values(), t)]));
  const sums = await stageSumsByUnit(ctx.db, {
    fromDay: dayKey(period.from),
    toDay: dayKey(period.to),
    unitIds: [...new Set([...members.values()].flat())],
  });
  return new Map(
    targets.map((t) => {
      const total = { met: 0, onTime: 0 };
      for (const id of members.get(t.id) ?? []) {
        total.met += sums.get(id)?.met ?? 0;
        total.onTime += sums.get(id)?.onTime ?? 0;
      }
      return [t.id, total];
    }),
  );
}
