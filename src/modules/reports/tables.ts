/** The report's tables, built once from its content and written both into the workbook and the PDF. */
import type { Locale } from '../../i18n/index.js';
import { REMEDY_NAMES, STAGE_NAMES } from '../notify/index.js';
import {
  CHANNEL_LABELS,
  GRADE_LABELS,
  type Labels,
  LIABLE_PARTY_LABELS,
  PRIORITY_LABELS,
  VALIDITY_LABELS,
} from '../spreadsheets/index.js';
import type { Bucket } from '../stats/index.js';
import type { ReportContent } from './summary.js';

export type Cell = string | number;
export interface Table {
  /** Also the sheet's name: short, no `[]:*?/\`. */
  title: string;
  header: string[];
  rows: Cell[][];
}

const percent = (v: number | null) => (v === null ? '' : Number((v * 100).toFixed(1)));
const hours = (ms: number | null) => (ms === null ? '' : Number((ms / 3_600_000).toFixed(1)));
const score = (v: number | null) => (v === null ? '' : Number(v.toFixed(2)));

/** A bucket's name in the locale: the stats' own names (categories, units), else the vocabulary's label. */
export function bucketName(b: Bucket, locale: Locale, labels?: Labels<string>): string {
  const own = locale === 'en' ? (b.nameEn ?? b.nameZh) : b.nameZh;
  if (own) return own;
  const label = labels?.[b.key];
  if (label) return locale === 'en' ? label[1] : label[0];
  if (b.key === '') return locale === 'en' ? '(none)' : '（未填）';
  return b.key;
}

export function reportTables(c: ReportContent, locale: Locale): Table[] {
  const l = (zh: string, en: string) => (locale === 'en' ? en : zh);
  const f = c.figures;
  const bucketHeader = (name: string) => [
    name,
    l('投诉量', 'complaints'),
    l('占比 %', 'share %'),
    l('上期', 'previous'),
    l('环比 %', 'change %'),
    l('去年同期', 'last year'),
    l('同比 %', 'year-on-year %'),
  ];
  const buckets = (title: string, name: string, list: Bucket[], labels?: Labels<string>): Table => ({
    title,
    header: bucketHeader(name),
    rows: list.map((b) => [
      bucketName(b, locale, labels),
      b.complaints,
      percent(b.share),
      b.previous,
      percent(b.change),
      b.lastYear,
      percent(b.yearChange),
    ]),
  });
  const t = f.totals;
  const s = f.satisfaction;
  return [
    {
      title: l('总量', 'Totals'),
      header: [
        l('指标', 'figure'),
        l('本期', 'this period'),
        l('上期', 'previous'),
        l('去年同期', 'last year'),
      ],
      rows: [
        [l('投诉量', 'complaints'), t.complaints, t.previous, t.lastYear],
        [l('环比 % / 同比 %', 'change % / year-on-year %'), '', percent(t.change), percent(t.yearChange)],
        [l('已结案', 'closed'), t.closed, '', ''],
        [l('有效 / 无效', 'valid / invalid'), `${t.valid} / ${t.invalid}`, '', ''],
        [l('有效率 %', 'valid rate %'), percent(t.validRate), '', ''],
        [l('一次解决率 %', 'first-contact resolution %'), percent(t.firstContactRate), '', ''],
        [l('重开率 %', 'reopen rate %'), percent(t.reopenRate), '', ''],
        [l('重复投诉率 %', 'repeat rate %'), percent(t.repeatRate), '', ''],
      ],
    },
    buckets(l('一级类别', 'Category'), l('类别', 'category'), f.breakdowns.category),
    buckets(l('渠道', 'Channel'), l('渠道', 'channel'), f.breakdowns.channel, CHANNEL_LABELS),
    buckets(l('单位', 'Unit'), l('单位', 'unit'), f.breakdowns.unit),
    buckets(l('优先级', 'Priority'), l('优先级', 'priority'), f.breakdowns.priority, PRIORITY_LABELS),
    buckets(l('等级', 'Grade'), l('等级', 'grade'), f.breakdowns.grade, GRADE_LABELS),
    buckets(l('有效性', 'Validity'), l('有效性', 'validity'), f.breakdowns.validity, VALIDITY_LABELS),
    buckets(
      l('责任方', 'Liability'),
      l('责任方', 'liable party'),
      f.breakdowns.liability,
      LIABLE_PARTY_LABELS,
    ),
    {
      title: l('环节时效', 'Stages'),
      header: [
        l('环节', 'stage'),
        l('完成数', 'met'),
        l('按时', 'on time'),
        l('按时率 %', 'on-time rate %'),
        l('中位数（小时）', 'median (h)'),
        l('P90（小时）', 'p90 (h)'),
      ],
      rows: f.stages.map((st) => [
        STAGE_NAMES[locale][st.stage] ?? st.stage,
        st.met,
        st.onTime,
        percent(st.onTimeRate),
        hours(st.medianMs),
        hours(st.p90Ms),
      ]),
    },
    {
      title: l('满意度', 'Satisfaction'),
      header: [l('维度', 'dimension'), l('得分', 'score')],
      rows: [
        [l('调查份数', 'surveys'), s.surveys],
        [l('处理速度', 'speed'), score(s.speed)],
        [l('处理效果', 'effectiveness'), score(s.effectiveness)],
        [l('服务态度', 'attitude'), score(s.attitude)],
        [l('过程透明', 'transparency'), score(s.transparency)],
        ['NPS', score(s.nps)],
      ],
    },
    {
      title: l('补救', 'Remedies'),
      header: [l('方式', 'kind'), l('补救数', 'remedies'), l('金额（元）', 'amount (yuan)')],
      rows: [
        [l('合计', 'total'), f.remedies.remedies, f.remedies.amount / 100],
        ...f.remedies.byKind.map((r) => [REMEDY_NAMES[locale][r.key] ?? r.key, r.remedies, r.amount / 100]),
      ],
    },
    {
      title: l('单位按时率', 'Unit on-time'),
      header: [l('单位', 'unit'), l('完成数', 'met'), l('按时率 %', 'on-time rate %')],
      rows: c.unitOnTime.map((u) => [
        (locale === 'en' ? u.nameEn : null) ?? u.name,
        u.met,
        percent(u.onTimeRate),
      ]),
    },
    {
      title: l('每日趋势', 'Trend'),
      header: [l('日期', 'day'), l('投诉量', 'complaints')],
      rows: f.trend.map((d) => [d.day, d.complaints]),
    },
    ...(c.forecast.length
      ? [
          {
            title: l('预测', 'Forecast'),
            header: [
              l('日期', 'day'),
              l('预计投诉量', 'expected'),
              l('80% 区间下限', '80 % low'),
              l('80% 区间上限', '80 % high'),
              l('所需处理人员', 'handlers needed'),
            ],
            rows: c.forecast.map((d) => [
              d.date,
              Number(d.expected.toFixed(1)),
              Number(d.lo80.toFixed(1)),
              Number(d.hi80.toFixed(1)),
              d.handlers === null ? '' : Number(d.handlers.toFixed(1)),
            ]),
          },
        ]
      : []),
  ];
}
