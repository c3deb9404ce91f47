import { describe, expect, it } from 'vitest';
import { formatLocal, localFormatter } from '../../src/lib/time.js';
import {
  cellInstant,
  cellList,
  cellText,
  cellValue,
  yuanToFen,
} from '../../src/modules/spreadsheets/cells.js';
import { mapHeader } from '../../src/modules/spreadsheets/columns.js';
import { wallClockToEpoch } from '../../src/modules/spreadsheets/local-time.js';
import { CHANNEL_LABELS, codeOf, PRIORITY_LABELS } from '../../src/modules/spreadsheets/vocabulary.js';

const SHANGHAI = 'Asia/Shanghai';

/** `2026-11-23 18:05` straight from Intl, to check the cached formatters against. */
function intlFormat(epochMs: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(epochMs);
  const p = Object.fromEntries(parts.map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

describe('spreadsheet cells', () => {
  it('reads what a cell shows, whatever exceljs hands over', () => {
    expect(cellValue('  王女士 ')).toBe('王女士');
    expect(cellValue('   ')).toBeUndefined();
    expect(cellValue({ richText: [{ text: '包裹' }, { text: '延误' }] })).toBe('包裹延误');
    expect(cellValue({ text: 'a@example.com', hyperlink: 'mailto:a@example.com' })).toBe('a@example.com');
    expect(cellValue({ formula: 'A1*2', result: 40 })).toBe(40);
    expect(cellText(13800138000)).toBe('13800138000');
    expect(cellList('解释、赔偿，解释; 道歉')).toEqual(['解释', '赔偿', '道歉']);
  });

  it('takes amounts in yuan with at most two decimals, as fen', () => {
    expect(yuanToFen(20)).toBe(2000);
    expect(yuanToFen(12.34)).toBe(1234);
    expect(yuanToFen('¥1,280.5')).toBe(128050);
    expect(yuanToFen('99元')).toBe(9900);
    expect(yuanToFen(12.345)).toBeUndefined();
    expect(yuanToFen('-5')).toBeUndefined();
    expect(yuanToFen('十元')).toBeUndefined();
  });

  it('reads times as the wall clock of the business time zone unless they say otherwise', () => {
    const at = Date.parse('2026-11-20T14:30:00+08:00');
    expect(cellInstant('2026-11-20 14:30', SHANGHAI)).toBe(at);
    expect(cellInstant('2026/11/20 14:30:00', SHANGHAI)).toBe(at);
    expect(cellInstant('2026年11月20日 14:30', SHANGHAI)).toBe(at);
    expect(cellInstant(new Date(Date.UTC(2026, 10, 20, 14, 30)), SHANGHAI)).toBe(at);
    // An Excel serial day number: 2026-11-20 is day 46346.
    expect(cellInstant(46346 + 14.5 / 24, SHANGHAI)).toBe(at);
    expect(cellInstant('2026-11-20T06:30:00Z', SHANGHAI)).toBe(at);
    expect(cellInstant('2026-11-20', SHANGHAI)).toBe(Date.parse('2026-11-20T00:00:00+08:00'));
    expect(cellInstant('2026-02-30 10:00', SHANGHAI)).toBeUndefined();
    expect(cellInstant('yesterday', SHANGHAI)).toBeUndefined();
  });

  it('converts wall clocks both ways, across a daylight-saving change too', () => {
    const ny = 'America/New_York';
    // Clocks went forward at 2026-03-08 02:00 local (07:00 UTC).
    expect(wallClockToEpoch({ year: 2026, month: 3, day: 8, hour: 1, minute: 30 }, ny)).toBe(
      Date.parse('2026-03-08T06:30:00Z'),
    );
    expect(wallClockToEpoch({ year: 2026, month: 3, day: 8, hour: 3, minute: 30 }, ny)).toBe(
      Date.parse('2026-03-08T07:30:00Z'),
    );
    const format = localFormatter(ny);
    expect(format(Date.parse('2026-03-08T06:59:00Z'))).toBe('2026-03-08 01:59');
    expect(format(Date.parse('2026-03-08T07:00:00Z'))).toBe('2026-03-08 03:00');
    expect(format(Date.parse('2026-07-01T12:00:00Z'))).toBe('2026-07-01 08:00');
    expect(localFormatter(SHANGHAI)(Date.parse('2026-11-20T06:30:00Z'))).toBe('2026-11-20 14:30');
  });

  it('formats every minute as Intl does, across days and offset changes, in any order', () => {
    for (const zone of [SHANGHAI, 'America/New_York', 'Asia/Kolkata']) {
      const format = localFormatter(zone);
      const start = Date.parse('2026-03-07T00:00:00Z');
      const instants = Array.from({ length: 3000 }, (_, i) => start + i * 7 * 60_000 + 13_000);
      // Then back and forth: the cached day must follow.
      instants.push(start - 86_400_000 * 400, start + 59_999, start - 1, start + 86_400_000 * 250);
      for (const at of instants) {
        const expected = `${zone} ${intlFormat(at, zone)}`;
        expect(`${zone} ${format(at)}`).toBe(expected);
        expect(`${zone} ${formatLocal(at, zone)}`).toBe(expected);
      }
    }
  });

  it('knows vocabularies by code, Chinese or English name', () => {
    expect(codeOf(CHANNEL_LABELS, '微信')).toBe('wechat');
    expect(codeOf(CHANNEL_LABELS, 'WeChat')).toBe('wechat');
    expect(codeOf(CHANNEL_LABELS, 'consumer_association')).toBe('consumer_association');
    expect(codeOf(PRIORITY_LABELS, 'P1 紧急')).toBe('P1');
    expect(codeOf(PRIORITY_LABELS, '高')).toBe('P2');
    expect(codeOf(PRIORITY_LABELS, 'p5')).toBeUndefined();
  });

  it('maps headers by either half, ignoring case, spaces and bracket width', () => {
    const header = mapHeader([
      'External Ref',
      '渠道',
      'NAME',
      '标题 title',
      'content',
      '分类编码',
      '诉求金额（元）',
      'notes',
    ]);
    expect(header.missing).toEqual([]);
    expect(header.index.get('demandAmount')).toBe(6);
    expect(header.header.get('externalRef')).toBe('External Ref');
    expect(mapHeader(['渠道']).missing).toEqual(['externalRef', 'name', 'title', 'content', 'category']);
  });
});
