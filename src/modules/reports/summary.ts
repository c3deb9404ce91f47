/**
 * The summary of a report, written from its figures by rules (pure: the same figures give the same
 * sentences). Each rule gives one sentence or none; the largest changes come first after the totals.
 */
import type { Locale } from '../../i18n/index.js';
import type { Bucket, Figures } from '../stats/index.js';

/** What a report is made of: the figures of the period and what they do not hold. */
export interface ReportContent {
  figures: Figures;
  /** Open complaints past their earliest deadline, as of the report (numbers: the most overdue first). */
  overdue: Listed;
  /** Open major (重大) complaints, as of the report. */
  openMajor: Listed;
  /** Customers with the most complaints received in the period (two or more), names masked. */
  repeatComplainants: Array<{ name: string; complaints: number }>;
  /** On-time rate of every stage together, per child unit (the scope's direct children), worst first. */
  unitOnTime: Array<{ name: string; nameEn: string | null; met: number; onTimeRate: number }>;
  /** The next 7 days' expected complaints (预测) with the 80 % interval and the handlers needed; none before the first forecast. */
  forecast: Array<{ date: string; expected: number; lo80: number; hi80: number; handlers: number | null }>;
}

export interface Listed {
  /** How many (at most `capped` + … when `more`). */
  count: number;
  more: boolean;
  numbers: string[];
}

type L = (zh: string, en: string) => string;
const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
const signed = (v: number) => `${v >= 0 ? '+' : ''}${(v * 100).toFixed(1)}%`;

/** How many of the largest changes, repeat complainants and worst units a summary names. */
export const SUMMARY_TOP = 3;
/** A change is worth a sentence when it moves at least this many complaints. */
export const MIN_CHANGE = 2;

const DIMENSIONS = ['category', 'channel', 'unit', 'priority'] as const;
type Dimension = (typeof DIMENSIONS)[number];
const DIMENSION_NAMES: Record<Dimension, [string, string]> = {
  category: ['类别', 'category'],
  channel: ['渠道', 'channel'],
  unit: ['单位', 'unit'],
  priority: ['优先级', 'priority'],
};

function totalsSentence(f: Figures, l: L): string {
  const t = f.totals;
  const mom = t.change === null ? l('无可比', 'no comparison') : signed(t.change);
  const yoy = t.yearChange === null ? l('无可比', 'no comparison') : signed(t.yearChange);
  return l(
    `本期共受理投诉 ${t.complaints} 件，上期 ${t.previous} 件（环比 ${mom}），去年同期 ${t.lastYear} 件（同比 ${yoy}）。`,
    `${t.complaints} complaints received this period; ${t.previous} in the previous period (${mom}), ${t.lastYear} a year before (${yoy}).`,
  );
}

/** The buckets (of the usual breakdowns) that moved most against the previous period, by complaints. */
export function largestChanges(f: Figures, top = SUMMARY_TOP) {
  const moves: Array<{ dimension: Dimension; bucket: Bucket; delta: number }> = [];
  for (const dimension of DIMENSIONS)
    for (const bucket of f.breakdowns[dimension]) {
      const delta = bucket.complaints - bucket.previous;
      if (Math.abs(delta) >= MIN_CHANGE) moves.push({ dimension, bucket, delta });
    }
  return moves
    .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || a.bucket.key.localeCompare(b.bucket.key))
    .slice(0, top);
}

function changesSentence(f: Figures, l: L, locale: Locale): string | null {
  const moves = largestChanges(f);
  if (!moves.length) return null;
  const parts = moves.map(({ dimension, bucket, delta }) => {
    const name = (locale === 'en' ? bucket.nameEn : bucket.nameZh) ?? bucket.key;
    const rate = bucket.change === null ? '' : ` (${signed(bucket.change)})`;
    const [zh, en] = DIMENSION_NAMES[dimension];
    return l(
      `${zh}「${name}」${delta > 0 ? '增加' : '减少'} ${Math.abs(delta)} 件${rate.replace(' (', '（').replace(')', '）')}`,
      `${en} "${name}" ${delta > 0 ? 'up' : 'down'} ${Math.abs(delta)}${rate}`,
    );
  });
  return l(`变化最大：${parts.join('；')}。`, `Largest changes: ${parts.join('; ')}.`);
}

function ratesSentence(f: Figures, l: L): string | null {
  const t = f.totals;
  const parts: string[] = [];
  if (t.validRate !== null) parts.push(l(`有效投诉率 ${pct(t.validRate)}`, `valid rate ${pct(t.validRate)}`));
  if (t.firstContactRate !== null)
    parts.push(
      l(`一次解决率 ${pct(t.firstContactRate)}`, `first-contact resolution ${pct(t.firstContactRate)}`),
    );
  if (t.reopenRate !== null) parts.push(l(`重开率 ${pct(t.reopenRate)}`, `reopen rate ${pct(t.reopenRate)}`));
  const s = f.satisfaction;
  if (s.nps !== null)
    parts.push(
      l(`NPS ${s.nps.toFixed(1)}（${s.surveys} 份调查）`, `NPS ${s.nps.toFixed(1)} (${s.surveys} surveys)`),
    );
  return parts.length ? `${l(parts.join('，'), parts.join(', '))}${l('。', '.')}` : null;
}

function listedSentence(listed: Listed, l: L, [zh, en]: [string, string]): string | null {
  if (!listed.count) return null;
  const count = `${listed.count}${listed.more ? '+' : ''}`;
  const numbers = listed.numbers.join(l('、', ', '));
  return l(`${zh} ${count} 件：${numbers}。`, `${en}: ${count} (${numbers}).`);
}

function repeatSentence(c: ReportContent, l: L): string | null {
  if (!c.repeatComplainants.length) return null;
  const parts = c.repeatComplainants
    .slice(0, SUMMARY_TOP)
    .map((r) => l(`${r.name}（${r.complaints} 件）`, `${r.name} (${r.complaints})`));
  return l(`重复投诉最多的客户：${parts.join('、')}。`, `Most repeated complainants: ${parts.join(', ')}.`);
}

function worstUnitsSentence(c: ReportContent, l: L, locale: Locale): string | null {
  const worst = c.unitOnTime.filter((u) => u.onTimeRate < 1).slice(0, SUMMARY_TOP);
  if (!worst.length) return null;
  const parts = worst.map((u) => `${(locale === 'en' ? u.nameEn : null) ?? u.name} ${pct(u.onTimeRate)}`);
  return l(
    `按时率最低的单位：${parts.join('、')}。`,
    `Units with the lowest on-time rate: ${parts.join(', ')}.`,
  );
}

function forecastSentence(c: ReportContent, l: L): string | null {
  if (!c.forecast.length) return null;
  const sum = (k: 'expected' | 'lo80' | 'hi80') => Math.round(c.forecast.reduce((n, d) => n + d[k], 0));
  const handlers = c.forecast.map((d) => d.handlers).filter((h): h is number => h !== null);
  const most = handlers.length ? Math.ceil(Math.max(...handlers)) : null;
  const days = c.forecast.length;
  return l(
    `预测未来 ${days} 天受理约 ${sum('expected')} 件（80% 区间 ${sum('lo80')}–${sum('hi80')}）${most === null ? '' : `，每日最多约需 ${most} 名处理人员`}。`,
    `Expected in the next ${days} days: about ${sum('expected')} complaints (80 % interval ${sum('lo80')}–${sum('hi80')})${most === null ? '' : `; up to ${most} handlers a day`}.`,
  );
}

/** The summary's sentences, in the report's locale. */
export function writeSummary(content: ReportContent, locale: Locale): string[] {
  const l: L = (zh, en) => (locale === 'en' ? en : zh);
  const f = content.figures;
  return [
    totalsSentence(f, l),
    changesSentence(f, l, locale),
    ratesSentence(f, l),
    listedSentence(content.overdue, l, ['当前超时未结投诉', 'Open complaints past their deadline']),
    listedSentence(content.openMajor, l, ['未结重大投诉', 'Open major complaints']),
    repeatSentence(content, l),
    worstUnitsSentence(content, l, locale),
    forecastSentence(content, l),
  ].filter((s): s is string => s !== null);
}

/** Three or four lines for the robots: the total with its change, the valid and on-time rates, what is overdue. */
export function shortSummary(content: ReportContent, locale: Locale): string[] {
  const l: L = (zh, en) => (locale === 'en' ? en : zh);
  const f = content.figures;
  const met = f.stages.reduce((n, s) => n + s.met, 0);
  const onTime = f.stages.reduce((n, s) => n + s.onTime, 0);
  const lines = [totalsSentence(f, l)];
  const rates = [
    f.totals.validRate === null
      ? null
      : l(`有效率 ${pct(f.totals.validRate)}`, `valid ${pct(f.totals.validRate)}`),
    met ? l(`按时率 ${pct(onTime / met)}`, `on time ${pct(onTime / met)}`) : null,
    f.satisfaction.nps === null ? null : `NPS ${f.satisfaction.nps.toFixed(1)}`,
  ].filter((s): s is string => s !== null);
  if (rates.length) lines.push(rates.join(l('，', ', ')));
  lines.push(
    l(
      `超时未结 ${content.overdue.count}${content.overdue.more ? '+' : ''} 件，未结重大投诉 ${content.openMajor.count}${content.openMajor.more ? '+' : ''} 件`,
      `${content.overdue.count}${content.overdue.more ? '+' : ''} open past deadline, ${content.openMajor.count}${content.openMajor.more ? '+' : ''} open major`,
    ),
  );
  return lines;
}
