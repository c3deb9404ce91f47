import { describe, expect, it } from 'vitest';
import type { Bucket, Figures } from '../stats/index.js';
import { largestChanges, type ReportContent, shortSummary, writeSummary } from './summary.js';

const bucket = (key: string, complaints: number, previous: number, nameZh: string | null = null): Bucket => ({
  key,
  nameZh,
  nameEn: nameZh ? `${key}-en` : null,
  complaints,
  share: null,
  previous,
  lastYear: 0,
  change: previous ? (complaints - previous) / previous : null,
  yearChange: null,
  drill: null,
});

function figures(over: Partial<Figures['totals']> = {}): Figures {
  const range = { from: '2026-11-30', to: '2026-12-06' };
  return {
    recounting: false,
    period: range,
    previous: { from: '2026-11-23', to: '2026-11-29' },
    lastYear: { from: '2025-11-30', to: '2025-12-06' },
    unit: null,
    totals: {
      complaints: 120,
      previous: 100,
      lastYear: 0,
      change: 0.2,
      yearChange: null,
      closed: 90,
      valid: 60,
      invalid: 20,
      validRate: 0.75,
      firstContact: 30,
      firstContactRate: 0.25,
      reopened: 6,
      reopenRate: 0.05,
      repeat: 10,
      repeatRate: 0.083,
      ...over,
    },
    breakdowns: {
      category: [bucket('1', 50, 30, '破损'), bucket('2', 40, 45, '延误'), bucket('3', 30, 25, '丢失')],
      channel: [bucket('phone', 70, 69), bucket('wechat', 50, 31)],
      unit: [bucket('9', 120, 100, '浦东网点')],
      priority: [bucket('P3', 120, 100)],
      region: [],
      grade: [],
      validity: [],
      liability: [],
      repeat: [],
    },
    stages: [
      { stage: 'reply', met: 80, onTime: 60, onTimeRate: 0.75, medianMs: 3_600_000, p90Ms: 7_200_000 },
      { stage: 'dispatch', met: 20, onTime: 20, onTimeRate: 1, medianMs: 60_000, p90Ms: 120_000 },
    ],
    satisfaction: { surveys: 40, speed: 4.1, effectiveness: 4, attitude: 4.5, transparency: 3.9, nps: 32.5 },
    remedies: { remedies: 0, amount: 0, byKind: [], byLevel: [] },
    volumes: null,
    trend: [],
    heatmap: [],
  };
}

const content = (over: Partial<ReportContent> = {}): ReportContent => ({
  figures: figures(),
  overdue: { count: 2, more: false, numbers: ['KS-1', 'KS-2'] },
  openMajor: { count: 0, more: false, numbers: [] },
  repeatComplainants: [
    { name: '张**', complaints: 4 },
    { name: '李*', complaints: 2 },
  ],
  unitOnTime: [
    { name: '南山网点', nameEn: 'Nanshan', met: 40, onTimeRate: 0.5 },
    { name: '浦东网点', nameEn: 'Pudong', met: 60, onTimeRate: 1 },
  ],
  forecast: [],
  ...over,
});

describe('the summary written from the figures', () => {
  it('opens with the total against the previous period and the same period last year', () => {
    const [first] = writeSummary(content(), 'zh-CN');
    expect(first).toBe('本期共受理投诉 120 件，上期 100 件（环比 +20.0%），去年同期 0 件（同比 无可比）。');
    expect(writeSummary(content(), 'en')[0]).toBe(
      '120 complaints received this period; 100 in the previous period (+20.0%), 0 a year before (no comparison).',
    );
  });

  it('names the largest changes by complaints (ties by key), not by rate: WeChat +19 is fourth, the phone +1 never named', () => {
    const moves = largestChanges(figures());
    expect(moves.map((m) => [m.dimension, m.bucket.key, m.delta])).toEqual([
      ['category', '1', 20],
      ['unit', '9', 20],
      ['priority', 'P3', 20],
    ]);
    const zh = writeSummary(content(), 'zh-CN')[1];
    expect(zh).toBe(
      '变化最大：类别「破损」增加 20 件（+66.7%）；单位「浦东网点」增加 20 件（+20.0%）；优先级「P3」增加 20 件（+20.0%）。',
    );
    // The phone channel moved by one: never named.
    expect(zh).not.toContain('phone');
  });

  it('lists overdue complaints with their numbers, skips what is empty, and names repeat complainants masked', () => {
    const s = writeSummary(content(), 'zh-CN');
    expect(s).toContain('当前超时未结投诉 2 件：KS-1、KS-2。');
    expect(s.join('')).not.toContain('重大');
    expect(s).toContain('重复投诉最多的客户：张**（4 件）、李*（2 件）。');
    expect(s).toContain('按时率最低的单位：南山网点 50.0%。');
    expect(s).toContain('有效投诉率 75.0%，一次解决率 25.0%，重开率 5.0%，NPS 32.5（40 份调查）。');
    const many = writeSummary(content({ openMajor: { count: 1000, more: true, numbers: ['KS-9'] } }), 'en');
    expect(many).toContain('Open major complaints: 1000+ (KS-9).');
  });

  it('says what the forecast expects for the next days and the handlers needed at most', () => {
    const day = (date: string, expected: number, handlers: number | null) => ({
      date,
      expected,
      lo80: expected - 10,
      hi80: expected + 10,
      handlers,
    });
    const s = writeSummary(
      content({ forecast: [day('2026-12-08', 100.4, 6.2), day('2026-12-09', 80, 4.9)] }),
      'zh-CN',
    );
    expect(s).toContain('预测未来 2 天受理约 180 件（80% 区间 160–200），每日最多约需 7 名处理人员。');
    const en = writeSummary(content({ forecast: [day('2026-12-08', 50, null)] }), 'en');
    expect(en).toContain('Expected in the next 1 days: about 50 complaints (80 % interval 40–60).');
  });

  it('says nothing of changes, rates or units when there is nothing to say', () => {
    const quiet = content({
      figures: figures({ validRate: null, firstContactRate: null, reopenRate: null }),
      overdue: { count: 0, more: false, numbers: [] },
      repeatComplainants: [],
      unitOnTime: [],
    });
    quiet.figures.breakdowns = {
      ...quiet.figures.breakdowns,
      category: [],
      unit: [],
      priority: [],
      channel: [],
    };
    quiet.figures.satisfaction.nps = null;
    expect(writeSummary(quiet, 'zh-CN')).toHaveLength(1);
  });

  it('gives the robots three lines: the total, the rates, what is open', () => {
    expect(shortSummary(content(), 'zh-CN')).toEqual([
      '本期共受理投诉 120 件，上期 100 件（环比 +20.0%），去年同期 0 件（同比 无可比）。',
      '有效率 75.0%，按时率 80.0%，NPS 32.5',
      '超时未结 2 件，未结重大投诉 0 件',
    ]);
  });
});
