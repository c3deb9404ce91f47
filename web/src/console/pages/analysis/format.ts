import type { Locale } from '../../../i18n';

const tag = (locale: Locale) => (locale === 'en' ? 'en-US' : 'zh-CN');

/** Numbers, shares, money and durations in the user's language. */
export function formats(locale: Locale) {
  const number = new Intl.NumberFormat(tag(locale), { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(tag(locale), { style: 'percent', maximumFractionDigits: 1 });
  const signed = new Intl.NumberFormat(tag(locale), {
    style: 'percent',
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  });
  const points = new Intl.NumberFormat(tag(locale), { maximumFractionDigits: 2, signDisplay: 'exceptZero' });
  const yuan = new Intl.NumberFormat(tag(locale), { style: 'currency', currency: 'CNY' });
  return {
    number: (n: number) => number.format(n),
    /** A share 0–1; '—' when there was nothing to divide by. */
    percent: (v: number | null | undefined) => (v === null || v === undefined ? '—' : percent.format(v)),
    /** A change (环比/同比) with its sign. */
    change: (v: number | null | undefined) => (v === null || v === undefined ? '—' : signed.format(v)),
    /** A difference of two shares in percentage points. */
    points: (v: number) =>
      `${points.format(Math.round(v * 1000) / 10)} ${locale === 'en' ? 'pp' : '个百分点'}`,
    /** A difference of two scores (satisfaction 1–5, NPS −100…100) with its sign. */
    delta: (v: number) => points.format(v),
    yuan: (fen: number) => yuan.format(fen / 100),
    hours: (ms: number | null | undefined) =>
      ms === null || ms === undefined ? '—' : number.format(ms / 3_600_000),
  };
}
export type Formats = ReturnType<typeof formats>;
