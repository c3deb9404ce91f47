import ExcelJS from 'exceljs';
import type { Locale } from '../../i18n/index.js';
import type { Table } from './tables.js';

/**
 * The report as a workbook: a summary sheet (title, period, scope, the summary's sentences), then one
 * sheet per table. A few small sheets: exceljs's workbook, not the streaming writer of the big exports.
 */
export async function reportWorkbook(
  head: { title: string; lines: string[] },
  summary: string[],
  tables: Table[],
  locale: Locale,
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const first = book.addWorksheet(locale === 'en' ? 'Summary' : '摘要');
  first.getColumn(1).width = 120;
  first.addRow([head.title]).font = { bold: true, size: 14 };
  for (const line of head.lines) first.addRow([line]);
  first.addRow([]);
  for (const s of summary) first.addRow([s]).alignment = { wrapText: true };
  for (const table of tables) {
    const sheet = book.addWorksheet(table.title);
    sheet.addRow(table.header).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row);
    sheet.columns.forEach((c, i) => {
      c.width = i === 0 ? 28 : 14;
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
