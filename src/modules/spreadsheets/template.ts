import type { AppContext } from '../../context.js';
import { formatLocal } from '../../lib/time.js';
import { type ColumnKey, headerOf, IMPORT_COLUMNS } from './columns.js';
import { CHANNEL_LABELS, LANGUAGE_LABELS, PRIORITY_LABELS } from './vocabulary.js';

/** Rows of the template that carry the drop-down lists. */
const VALIDATED_ROWS = 1000;
/** Columns people type long numbers into: text, so that Excel keeps 13800138000 and leading zeros. */
const TEXT_COLUMNS: ColumnKey[] = ['externalRef', 'phone', 'waybill', 'order', 'batch', 'referralNo'];
const PREFERRED_EXAMPLE_CATEGORY = 'delay.transit';

/**
 * 导入模板: the import sheet with bilingual headers, one example row that imports as it is, drop-down
 * lists for channel, language, priority and category code, and a second sheet listing the category codes.
 */
export async function complaintTemplate(app: AppContext): Promise<Buffer> {
  const categories = await app.db
    .selectFrom('categories')
    .select(['id', 'parent_id', 'level', 'code', 'name_zh', 'name_en', 'path'])
    .where('active', '=', 1)
    .orderBy('path')
    .execute();
  const byId = new Map(categories.map((c) => [c.id, c]));
  const parents = new Set(categories.map((c) => c.parent_id));
  const fullName = (c: (typeof categories)[number], key: 'name_zh' | 'name_en') =>
    c.path
      .split('/')
      .filter(Boolean)
      .map((id) => byId.get(Number(id))?.[key] ?? '')
      .join(' / ');
  const example =
    categories.find((c) => c.code === PREFERRED_EXAMPLE_CATEGORY) ??
    categories.find((c) => !parents.has(c.id));

  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'Kesu';
  const sheet = book.addWorksheet('投诉 complaints', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = IMPORT_COLUMNS.map((c) => ({
    header: headerOf(c),
    key: c.key,
    width: Math.max(14, headerOf(c).length + 4),
    ...(TEXT_COLUMNS.includes(c.key) ? { style: { numFmt: '@' } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };

  const yesterday = formatLocal(app.clock.now() - 86_400_000, app.config.timeZone);
  const exampleRow: Partial<Record<ColumnKey, string | number>> = {
    externalRef: 'EXAMPLE-0001',
    channel: CHANNEL_LABELS.phone[0],
    receivedAt: `${yesterday.slice(0, 10)} 09:30`,
    name: '王女士',
    phone: '13800138000',
    email: 'wang@example.com',
    language: LANGUAGE_LABELS['zh-CN'][0],
    title: '包裹三天未更新物流',
    content: '我的快递从上海发出后三天没有任何物流更新，请尽快处理。',
    demands: '解释，赔偿',
    demandAmount: 20,
    waybill: 'SF1234567890',
    order: 'DD20261120001',
    store: '浦东张江店',
    region: '上海',
    category: example?.code ?? '',
    priority: `P3 ${PRIORITY_LABELS.P3[0]}`,
    tags: '物流信息',
  };
  sheet.addRow(exampleRow);

  const list = (values: string[]) => ({
    type: 'list' as const,
    allowBlank: true,
    formulae: [`"${values.join(',')}"`],
    // A warning, not a stop: the code or the English name is accepted too.
    errorStyle: 'warning',
    showErrorMessage: true,
  });
  const column = (key: ColumnKey) => IMPORT_COLUMNS.findIndex((c) => c.key === key) + 1;
  const channels = list(Object.values(CHANNEL_LABELS).map(([zh]) => zh));
  const languages = list(Object.values(LANGUAGE_LABELS).map(([zh]) => zh));
  const priorities = list(Object.entries(PRIORITY_LABELS).map(([code, [zh]]) => `${code} ${zh}`));
  const categoryCodes = {
    type: 'list' as const,
    allowBlank: true,
    formulae: [`'分类 categories'!$A$2:$A$${categories.length + 1}`],
    showErrorMessage: true,
  };
  for (let r = 2; r <= VALIDATED_ROWS + 1; r++) {
    sheet.getCell(r, column('channel')).dataValidation = channels;
    sheet.getCell(r, column('priority')).dataValidation = priorities;
    sheet.getCell(r, column('language')).dataValidation = languages;
    if (categories.length) sheet.getCell(r, column('category')).dataValidation = categoryCodes;
  }

  const codes = book.addWorksheet('分类 categories', { views: [{ state: 'frozen', ySplit: 1 }] });
  codes.columns = [
    { header: '分类编码 category code', key: 'code', width: 30 },
    { header: '分类 category', key: 'zh', width: 40 },
    { header: 'category (English)', key: 'en', width: 50 },
    { header: '层级 level', key: 'level', width: 12 },
  ];
  codes.getRow(1).font = { bold: true };
  for (const c of categories) {
    codes.addRow({
      code: c.code,
      zh: fullName(c, 'name_zh'),
      en: fullName(c, 'name_en'),
      level: c.level,
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
