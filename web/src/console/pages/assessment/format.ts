/** Figures as the sheet shows them: rates in %, hours with one decimal, money in yuan. */
export const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
export const num = (v: number | null, digits = 2) => (v === null ? '—' : String(Number(v.toFixed(digits))));
export const hours = (ms: number | null) => (ms === null ? null : (ms / 3_600_000).toFixed(1));
export const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;
