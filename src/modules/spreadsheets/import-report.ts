import type { Locale } from '../../i18n/index.js';
import type { ImportReport, RowError, RowResult } from './import-complaints.js';

const STATUS: Record<RowResult['status'], [zh: string, en: string]> = {
  imported: ['已导入', 'imported'],
  skipped: ['已跳过', 'skipped'],
  failed: ['失败', 'failed'],
};

const statusLabel = (status: RowResult['status'], locale: Locale) => STATUS[status][locale === 'en' ? 1 : 0];

const errorText = (e: RowError) => (e.column ? `${e.column}: ${e.message}` : e.message);

/** What the report says about a row besides its status: the number, or why it was skipped or failed. */
export function rowDetail(r: RowResult): string {
  if (r.status === 'failed') return r.errors.map(errorText).join('; ');
  return r.status === 'skipped' ? r.message : '';
}

/** The import report as a workbook: one line per row, failures first in the eye (status column). */
export async function importReportXlsx(report: ImportReport, locale: Locale): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(locale === 'en' ? 'import report' : '导入结果');
  sheet.columns = [
    { header: '行号 row', key: 'row', width: 10 },
    { header: '外部编号 external ref', key: 'externalRef', width: 22 },
    { header: '状态 status', key: 'status', width: 12 },
    { header: '投诉编号 number', key: 'number', width: 22 },
    { header: '说明 errors', key: 'detail', width: 80 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of report.rows) {
    sheet.addRow({
      row: r.row,
      externalRef: r.externalRef ?? '',
      status: statusLabel(r.status, locale),
      number: r.status === 'failed' ? '' : r.number,
      detail: rowDetail(r),
    });
  }
  const t = report.totals;
  sheet.addRow([]);
  sheet.addRow([
    locale === 'en' ? 'total' : '合计',
    t.rows,
    `${statusLabel('imported', locale)} ${t.imported}`,
    `${statusLabel('skipped', locale)} ${t.skipped}`,
    `${statusLabel('failed', locale)} ${t.failed}`,
  ]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const csvField = (value: string | number) => `"${String(value).replaceAll('"', '""')}"`;

/**
 * The failed rows as CSV, one line per problem (row, external ref, column, message), with a BOM so
 * that Excel opens the Chinese text as UTF-8.
 */
export function importErrorsCsv(report: ImportReport): string {
  const lines = [['row', 'external ref', 'column', 'error'].map(csvField).join(',')];
  for (const r of report.rows) {
    if (r.status !== 'failed') continue;
    for (const e of r.errors) {
      lines.push([r.row, r.externalRef ?? '', e.column ?? '', e.message].map(csvField).join(','));
    }
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
