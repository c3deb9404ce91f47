import { wallClockToEpoch } from './local-time.js';

/** A cell as the import reads it: text (always, from CSV), a number, or a date from a date-formatted xlsx cell. */
export type CellValue = string | number | Date | undefined;

/**
 * exceljs hands rich text, hyperlinks and formulas as objects; the import wants what the cell shows.
 * Empty and whitespace-only cells are undefined.
 */
export function cellValue(raw: unknown): CellValue {
  if (raw === null || raw === undefined) return undefined;
  if (typeof raw === 'string') return raw.trim() || undefined;
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  if (typeof raw === 'boolean') return String(raw);
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? undefined : raw;
  if (typeof raw === 'object') {
    const o = raw as { richText?: Array<{ text?: string }>; text?: unknown; result?: unknown };
    if (Array.isArray(o.richText)) return cellValue(o.richText.map((r) => r.text ?? '').join(''));
    if ('result' in o) return cellValue(o.result);
    if ('text' in o) return cellValue(o.text);
  }
  return undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The text of a cell; numbers as written (13800138000, not 1.38e10), dates as `yyyy-mm-dd hh:mm`. */
export function cellText(value: CellValue): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    return Number.isInteger(value) ? value.toLocaleString('en-US', { useGrouping: false }) : String(value);
  }
  return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())} ${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}`;
}

/** Several values in one cell: 道歉，赔偿 / apology, compensation / one per line. */
export function cellList(value: CellValue): string[] {
  const text = cellText(value);
  if (!text) return [];
  return [
    ...new Set(
      text
        .split(/[,，、;；\n]/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

const YUAN = /^(\d{1,12})(?:\.(\d{1,2}))?$/;

/** Yuan (12.5, "¥12.50", "12.5元") to integer fen; undefined when it is not such an amount. */
export function yuanToFen(value: CellValue): number | undefined {
  if (typeof value === 'number') {
    const fen = Math.round(value * 100);
    // At most two decimals: 12.345 is a typing error, not 12.35.
    return value >= 0 && Math.abs(fen - value * 100) < 1e-6 ? fen : undefined;
  }
  const text = cellText(value)?.replace(/[¥￥,，元\s]/g, '');
  const m = text === undefined ? null : YUAN.exec(text);
  if (!m) return undefined;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

const WALL_CLOCK =
  /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]+(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?)?$/;
const ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
/** Excel's day 0 is 1899-12-30; its serial numbers count days from there. */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;

/**
 * The instant a cell names. A spreadsheet's times have no zone: they are wall-clock times of the
 * business time zone (an xlsx date cell arrives as that wall clock in UTC). Text with an explicit
 * zone (ISO 8601) is taken as it says.
 */
export function cellInstant(value: CellValue, timeZone: string): number | undefined {
  if (value === undefined) return undefined;
  let wall: Date;
  if (value instanceof Date) wall = value;
  else if (typeof value === 'number') {
    // A date cell read without its number format: an Excel serial day number.
    if (value < 1 || value > 2_958_465) return undefined;
    wall = new Date(EXCEL_EPOCH + Math.round(value * DAY));
  } else {
    if (ZONED.test(value)) {
      const at = Date.parse(value);
      return Number.isNaN(at) ? undefined : at;
    }
    const m = WALL_CLOCK.exec(value);
    if (!m) return undefined;
    const [year, month, day, hour, minute, second] = m.slice(1).map((s) => (s === undefined ? 0 : Number(s)));
    wall = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1, hour ?? 0, minute ?? 0, second ?? 0));
    // 2026-02-30 rolls over in Date.UTC; a typing error, not 2 March.
    if (wall.getUTCMonth() !== (month ?? 1) - 1 || (hour ?? 0) > 23 || (minute ?? 0) > 59) return undefined;
  }
  return wallClockToEpoch(
    {
      year: wall.getUTCFullYear(),
      month: wall.getUTCMonth() + 1,
      day: wall.getUTCDate(),
      hour: wall.getUTCHours(),
      minute: wall.getUTCMinutes(),
      second: wall.getUTCSeconds(),
    },
    timeZone,
  );
}
