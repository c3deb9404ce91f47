import dayjs, { type Dayjs } from 'dayjs';
import type { CallInput, EndpointAt } from '../../../api/call';

/** What GET /stats takes. */
export type StatsQuery = CallInput<EndpointAt<'GET', '/stats'>>['query'];

export const PRESETS = [
  'last7',
  'last30',
  'thisMonth',
  'lastMonth',
  'thisQuarter',
  'lastQuarter',
  'custom',
] as const;
export type Preset = (typeof PRESETS)[number];

export const VIEWS = [
  'overview',
  'trend',
  'pareto',
  'stages',
  'units',
  'heatmap',
  'dimensions',
  'satisfaction',
  'remedies',
  'repeat',
] as const;
export type View = (typeof VIEWS)[number];

/** The analysis page's state, all of it in the address (?period=…&from=…&to=…&unitId=…&level=…&view=…). */
export interface AnalysisFilters {
  preset: Preset;
  /** YYYY-MM-DD, inclusive. */
  from: string;
  to: string;
  unitId?: number;
  level: number;
  view: View;
}

const DAY = 'YYYY-MM-DD';
const quarterStart = (d: Dayjs) => d.month(Math.floor(d.month() / 3) * 3).startOf('month');

/** The days a preset names, counted from `today` (a relative preset stays relative in a shared link). */
export function presetRange(preset: Exclude<Preset, 'custom'>, today: Dayjs): { from: string; to: string } {
  const range = (from: Dayjs, to: Dayjs) => ({ from: from.format(DAY), to: to.format(DAY) });
  switch (preset) {
    case 'last7':
      return range(today.subtract(6, 'day'), today);
    case 'last30':
      return range(today.subtract(29, 'day'), today);
    case 'thisMonth':
      return range(today.startOf('month'), today);
    case 'lastMonth': {
      const m = today.subtract(1, 'month');
      return range(m.startOf('month'), m.endOf('month'));
    }
    case 'thisQuarter':
      return range(quarterStart(today), today);
    case 'lastQuarter': {
      const q = quarterStart(today).subtract(3, 'month');
      return range(q, q.add(2, 'month').endOf('month'));
    }
  }
}

const isDay = (s: string | null): s is string => !!s && /^\d{4}-\d{2}-\d{2}$/.test(s) && dayjs(s).isValid();
const oneOf = <T extends string>(values: readonly T[], v: string | null, fallback: T): T =>
  values.includes(v as T) ? (v as T) : fallback;

/** The filters a URL names; what it lacks or gets wrong falls back to the last 30 days of everything. */
export function readFilters(params: URLSearchParams, today: Dayjs = dayjs()): AnalysisFilters {
  const from = params.get('from');
  const to = params.get('to');
  const custom = isDay(from) && isDay(to) && from <= to;
  const preset = oneOf(PRESETS, params.get('period'), custom ? 'custom' : 'last30');
  const range =
    preset === 'custom' ? (custom ? { from, to } : presetRange('last30', today)) : presetRange(preset, today);
  const unitId = Number(params.get('unitId'));
  const level = Number(params.get('level'));
  return {
    preset: preset === 'custom' && !custom ? 'last30' : preset,
    ...range,
    unitId: Number.isInteger(unitId) && unitId > 0 ? unitId : undefined,
    level: [1, 2, 3, 4].includes(level) ? level : 1,
    view: oneOf(VIEWS, params.get('view'), 'overview'),
  };
}

/** The address of the filters: only what differs from the defaults. */
export function writeFilters(f: AnalysisFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.preset !== 'last30') p.set('period', f.preset);
  if (f.preset === 'custom') {
    p.set('from', f.from);
    p.set('to', f.to);
  }
  if (f.unitId) p.set('unitId', String(f.unitId));
  if (f.level !== 1) p.set('level', String(f.level));
  if (f.view !== 'overview') p.set('view', f.view);
  return p;
}

export const statsQuery = (f: AnalysisFilters): StatsQuery => ({
  from: f.from,
  to: f.to,
  unitId: f.unitId,
  categoryLevel: f.level,
});
