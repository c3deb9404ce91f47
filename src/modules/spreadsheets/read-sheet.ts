import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { parse } from 'csv-parse';
import { badRequest, unsupportedMediaType } from '../../lib/errors.js';
import { type CellValue, cellValue } from './cells.js';
import { xlsxRows } from './xlsx-rows.js';

export type SheetFormat = 'xlsx' | 'csv';

/** One non-empty row; `row` is the number the spreadsheet shows (the header is usually 1). */
export interface SheetRow {
  row: number;
  cells: CellValue[];
}

const ZIP_MAGIC = Buffer.from('PK\x03\x04', 'latin1');

/**
 * What the file is, by its content (never its name): an xlsx is a zip; anything else must be
 * UTF-8 text without NUL bytes, read as CSV. An old binary .xls, a UTF-16 or GBK export is refused.
 */
export async function detectFormat(path: string): Promise<SheetFormat> {
  const file = await open(path);
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await file.read(head, 0, 4, 0);
    if (bytesRead === 4 && head.equals(ZIP_MAGIC)) return 'xlsx';
  } finally {
    await file.close();
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of createReadStream(path)) {
      if ((chunk as Buffer).includes(0)) throw new Error('NUL byte');
      decoder.decode(chunk as Buffer, { stream: true });
    }
    decoder.decode();
  } catch {
    throw unsupportedMediaType('unsupported_spreadsheet');
  }
  return 'csv';
}

const isEmpty = (cells: CellValue[]) => cells.every((c) => c === undefined);

/** The non-empty rows of the first worksheet (xlsx) or of the file (CSV), streamed. */
export async function* readSheet(path: string, format: SheetFormat): AsyncGenerator<SheetRow> {
  const rows = format === 'xlsx' ? xlsxSheetRows(path) : csvRows(path);
  for await (const r of rows) if (!isEmpty(r.cells)) yield r;
}

async function* xlsxSheetRows(path: string): AsyncGenerator<SheetRow> {
  try {
    for await (const row of xlsxRows(path)) {
      // exceljs numbers cells from 1; a sparse array for the empty ones.
      const values = Array.isArray(row.values) ? row.values : [];
      const cells: CellValue[] = [];
      for (let i = 1; i < values.length; i++) cells.push(cellValue(values[i]));
      yield { row: row.number, cells };
    }
  } catch (error) {
    throw badRequest('spreadsheet_unreadable', [], {
      reason: error instanceof Error ? error.message : String(error),
    });
  }
}

async function* csvRows(path: string): AsyncGenerator<SheetRow> {
  const parser = createReadStream(path).pipe(
    parse({ bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }),
  );
  let row = 0;
  try {
    for await (const record of parser) {
      row++;
      yield { row, cells: (record as string[]).map((c) => cellValue(c)) };
    }
  } catch (error) {
    throw badRequest('spreadsheet_unreadable', [], {
      reason: error instanceof Error ? error.message : String(error),
    });
  } finally {
    parser.destroy();
  }
}
