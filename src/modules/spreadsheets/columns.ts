/**
 * The columns of the import sheet. A header is `中文 english` (the template writes both); a sheet
 * may head a column with the whole header, either half, or the field key.
 */
export const IMPORT_COLUMNS = [
  { key: 'externalRef', zh: '外部编号', en: 'external ref', required: true },
  { key: 'channel', zh: '渠道', en: 'channel', required: true },
  { key: 'receivedAt', zh: '投诉时间', en: 'received at' },
  { key: 'name', zh: '投诉人', en: 'name', required: true },
  { key: 'phone', zh: '电话', en: 'phone' },
  { key: 'email', zh: '邮箱', en: 'email' },
  { key: 'language', zh: '客户语言', en: 'language' },
  { key: 'title', zh: '标题', en: 'title', required: true },
  { key: 'content', zh: '投诉内容', en: 'content', required: true },
  { key: 'demands', zh: '诉求', en: 'demands' },
  { key: 'demandAmount', zh: '诉求金额(元)', en: 'demand amount' },
  { key: 'waybill', zh: '运单号', en: 'waybill' },
  { key: 'order', zh: '订单号', en: 'order' },
  { key: 'store', zh: '门店', en: 'store' },
  { key: 'product', zh: '产品', en: 'product' },
  { key: 'batch', zh: '批次', en: 'batch' },
  { key: 'region', zh: '地区', en: 'region' },
  { key: 'category', zh: '分类编码', en: 'category code', required: true },
  { key: 'priority', zh: '优先级', en: 'priority' },
  { key: 'unit', zh: '责任单位', en: 'unit' },
  { key: 'referralNo', zh: '转办单号', en: 'referral no' },
  { key: 'referralAuthority', zh: '转办机关', en: 'referral authority' },
  { key: 'referralDue', zh: '转办期限', en: 'referral due' },
  { key: 'tags', zh: '标签', en: 'tags' },
] as const satisfies ReadonlyArray<{ key: string; zh: string; en: string; required?: boolean }>;

export type ColumnKey = (typeof IMPORT_COLUMNS)[number]['key'];

export const headerOf = (c: { zh: string; en: string }) => `${c.zh} ${c.en}`;

/** Case, spaces, dashes and full-width brackets do not matter in a header. */
const folded = (s: string) =>
  s
    .toLowerCase()
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/[\s_-]+/g, '');

const BY_NAME = new Map<string, ColumnKey>(
  IMPORT_COLUMNS.flatMap((c) => [headerOf(c), c.zh, c.en, c.key].map((name) => [folded(name), c.key])),
);

export interface HeaderMap {
  /** Column index (as the reader numbers cells) of each field found. */
  index: Map<ColumnKey, number>;
  /** The header as the sheet wrote it, for error reports. */
  header: Map<ColumnKey, string>;
  missing: ColumnKey[];
}

/** Which column holds which field; unknown columns are ignored, the first of two alike wins. */
export function mapHeader(cells: ReadonlyArray<string | undefined>): HeaderMap {
  const index = new Map<ColumnKey, number>();
  const header = new Map<ColumnKey, string>();
  cells.forEach((cell, i) => {
    const key = cell === undefined ? undefined : BY_NAME.get(folded(cell));
    if (key && !index.has(key)) {
      index.set(key, i);
      header.set(key, cell?.trim() ?? key);
    }
  });
  const missing = IMPORT_COLUMNS.filter((c) => 'required' in c && !index.has(c.key)).map((c) => c.key);
  return { index, header, missing };
}

/** How a field is named in a report when the sheet did not head it (a whole-row problem). */
export function columnName(key: ColumnKey): string {
  const c = IMPORT_COLUMNS.find((col) => col.key === key);
  return c ? headerOf(c) : key;
}
