import type { Writable } from 'node:stream';
import type { Locale } from '../../i18n/index.js';
import { streamSheet } from '../spreadsheets/index.js';
import type { PersonSheet, UnitSheet } from './schemas.js';

const round = (v: number | null, digits = 2) => (v === null ? '' : Number(v.toFixed(digits)));
const percent = (v: number | null) => (v === null ? '' : Number((v * 100).toFixed(1)));
const hours = (ms: number | null) => (ms === null ? '' : Number((ms / 3_600_000).toFixed(1)));
const yuan = (fen: number) => fen / 100;

const label = (locale: Locale, zh: string, en: string) => (locale === 'en' ? en : zh);

/** The score lines' names, as the console shows them. */
const LINES: Record<string, [string, string]> = {
  base: ['基础分', 'base'],
  valid_major: ['有效投诉：重大投诉', 'valid: major'],
  valid_service_conduct: ['有效投诉：服务类', 'valid: service conduct'],
  valid_business_error: ['有效投诉：业务类', 'valid: business error'],
  valid_minor_slip: ['有效投诉：服务差错', 'valid: minor slip'],
  major_grade: ['重大等级加扣', 'major grade'],
  on_time: ['环节按时率', 'on-time rate of stages'],
  overdue_stage: ['环节超时', 'stages overdue'],
  reopened: ['重新处理', 'reopened'],
  unsatisfied: ['客户不满意', 'customer unsatisfied'],
  first_contact: ['一次解决', 'first-contact resolution'],
  high_satisfaction: ['高满意度', 'high satisfaction'],
  quality: ['质检折算', 'quality checks'],
};
const pct = (v: number | undefined) => `${((v ?? 0) * 100).toFixed(1)}%`;

/** One person's sheet: a two-column workbook, figure and value, then the lines of the score. */
export async function writePersonSheet(out: Writable, sheet: PersonSheet, locale: Locale): Promise<void> {
  const l = (zh: string, en: string) => label(locale, zh, en);
  const w = await streamSheet(out, l('考核表', 'assessment'));
  const { responsible: r, handler: h } = sheet;
  const rows: Array<[string, string | number]> = [
    [l('姓名', 'name'), sheet.person.name],
    [l('单位', 'unit'), sheet.person.unitName],
    [
      l('期间', 'period'),
      sheet.period.from === sheet.period.to ? sheet.period.from : `${sheet.period.from}~${sheet.period.to}`,
    ],
    [l('已关账', 'closed'), sheet.frozen ? sheet.frozen.closedAt : ''],
    [l('作为责任人：被投诉', 'as responsible: complaints received'), r.received],
    [l('作为责任人：判定', 'as responsible: judged'), r.judged],
    [l('作为责任人：有效投诉', 'as responsible: valid'), r.valid],
    [l('重大投诉', 'valid: major'), r.validByKind.major],
    [l('服务类', 'valid: service conduct'), r.validByKind.service_conduct],
    [l('业务类', 'valid: business error'), r.validByKind.business_error],
    [l('服务差错', 'valid: minor slip'), r.validByKind.minor_slip],
    [l('赔付金额（元）', 'remedies paid (yuan)'), yuan(r.remediesPaid)],
    [l('作为处理人：已解决', 'as handler: resolved'), h.handled],
    [l('时限达成率 %', 'on time %'), percent(h.onTimeRate)],
    [l('处理时长中位数（小时）', 'handling median (h)'), hours(h.handlingMedianMs)],
    [l('处理时长 P90（小时）', 'handling p90 (h)'), hours(h.handlingP90Ms)],
    [l('一次解决率 %', 'first-contact resolution %'), percent(h.firstContactRate)],
    [l('重新处理率 %', 'reopen rate %'), percent(h.reopenRate)],
    [l('满意度调查数', 'surveys'), h.satisfaction.surveys],
    ['NPS', round(h.satisfaction.nps, 1)],
    [l('质检平均分', 'quality check average'), round(h.quality.average)],
    [l('考核得分', 'score'), round(sheet.score.total)],
  ];
  for (const row of rows) await w.addRow(row);
  await w.addRow([l('得分明细', 'score line'), l('分值', 'points'), l('件数 / 比率', 'count / rate')]);
  for (const line of sheet.score.lines) {
    const [zh, en] = LINES[line.code] ?? [line.code, line.code];
    const basis = line.rate === undefined ? (line.count ?? '') : `${pct(line.rate)} / ${pct(line.target)}`;
    await w.addRow([l(zh, en), round(line.points), basis]);
  }
  await w.finish();
}

/** A unit's people: one row each with their figures. */
export async function writeUnitSheet(out: Writable, sheet: UnitSheet, locale: Locale): Promise<void> {
  const l = (zh: string, en: string) => label(locale, zh, en);
  const w = await streamSheet(out, l('单位考核', 'unit assessment'));
  await w.addRow([
    l('姓名', 'name'),
    l('单位', 'unit'),
    l('被投诉', 'received'),
    l('有效投诉', 'valid'),
    l('已解决', 'resolved'),
    l('时限达成率 %', 'on time %'),
    l('一次解决率 %', 'first contact %'),
    l('重新处理率 %', 'reopen %'),
    'NPS',
    l('质检平均分', 'quality'),
    l('赔付金额（元）', 'remedies (yuan)'),
    l('考核得分', 'score'),
  ]);
  for (const p of sheet.people)
    await w.addRow([
      p.name,
      p.unitName,
      p.received,
      p.valid,
      p.handled,
      percent(p.onTimeRate),
      percent(p.firstContactRate),
      percent(p.reopenRate),
      round(p.nps, 1),
      round(p.qualityAverage),
      yuan(p.remediesPaid),
      round(p.score),
    ]);
  await w.finish();
}
