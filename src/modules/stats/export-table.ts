import type { Writable } from 'node:stream';
import type { Locale } from '../../i18n/index.js';
import { streamSheet } from '../spreadsheets/index.js';
import { BREAKDOWNS, type Breakdown, type Figures, type TABLES } from './schemas.js';

type Table = (typeof TABLES)[number];
const percent = (v: number | null) => (v === null ? '' : Number((v * 100).toFixed(1)));
const hours = (ms: number | null) => (ms === null ? '' : Number((ms / 3_600_000).toFixed(2)));
const isBreakdown = (t: Table): t is Breakdown => (BREAKDOWNS as readonly string[]).includes(t);

/** One table of the figures as a workbook: a header row, then a row per bucket. */
export async function writeStatsTable(
  out: Writable,
  figures: Figures,
  table: Table,
  locale: Locale,
): Promise<void> {
  const l = (zh: string, en: string) => (locale === 'en' ? en : zh);
  const w = await streamSheet(out, `${figures.period.from}~${figures.period.to}`);
  if (isBreakdown(table)) {
    await w.addRow([
      l('项目', 'item'),
      l('名称', 'name'),
      l('投诉量', 'complaints'),
      l('占比 %', 'share %'),
      l('上期', 'previous period'),
      l('环比 %', 'change %'),
      l('去年同期', 'last year'),
      l('同比 %', 'year-on-year %'),
    ]);
    for (const b of figures.breakdowns[table])
      await w.addRow([
        b.key,
        (locale === 'en' ? b.nameEn : b.nameZh) ?? b.key,
        b.complaints,
        percent(b.share),
        b.previous,
        percent(b.change),
        b.lastYear,
        percent(b.yearChange),
      ]);
  } else if (table === 'stages') {
    await w.addRow([
      l('环节', 'stage'),
      l('完成数', 'met'),
      l('按时', 'on time'),
      l('按时率 %', 'on-time rate %'),
      l('中位数（小时）', 'median (h)'),
      l('P90（小时）', 'p90 (h)'),
    ]);
    for (const s of figures.stages)
      await w.addRow([s.stage, s.met, s.onTime, percent(s.onTimeRate), hours(s.medianMs), hours(s.p90Ms)]);
  } else if (table === 'remedies') {
    await w.addRow([
      l('类别', 'by'),
      l('项目', 'item'),
      l('补救数', 'remedies'),
      l('金额（元）', 'amount (yuan)'),
    ]);
    for (const r of figures.remedies.byKind)
      await w.addRow([l('方式', 'kind'), r.key, r.remedies, r.amount / 100]);
    for (const r of figures.remedies.byLevel)
      await w.addRow([l('审批级别', 'approver'), r.key, r.remedies, r.amount / 100]);
  } else {
    await w.addRow([l('日期', 'day'), l('投诉量', 'complaints')]);
    for (const d of figures.trend) await w.addRow([d.day, d.complaints]);
  }
  await w.finish();
}
