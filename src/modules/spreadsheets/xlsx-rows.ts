import type { Readable } from 'node:stream';
import type { Row } from 'exceljs';

/** The parts of ExcelJS's streaming reader used here: private in its types, the same since 4.0. */
interface ReaderParts {
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncIterable<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(entry: Readable, sheetNo: string): Iterable<{ value: AsyncIterable<Row> }>;
}

const WORKSHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/;

/**
 * The rows of an xlsx's first worksheet, streamed row by row.
 *
 * ExcelJS's own streaming reader walks the zip in one pass, and unzipper's parser says it has
 * ended once its input is written, before the entries it still holds are read (exceljs#3064): now
 * and then the last entries are lost — `xl/workbook.xml` in a file ExcelJS wrote (the reader then
 * throws), `xl/sharedStrings.xml` in some others (the texts would go missing). So the entries are
 * found through the zip's central directory and handed to ExcelJS's parsers in the order they need:
 * relations, workbook, shared strings and styles, then the worksheet.
 */
export async function* xlsxRows(path: string): AsyncGenerator<Row> {
  // Loaded on first use (an import is rare; ExcelJS is tens of MiB).
  const [{ default: ExcelJS }, { default: unzipper }] = await Promise.all([
    import('exceljs'),
    import('unzipper'),
  ]);
  const zip = await unzipper.Open.file(path);
  const entry = (name: string) => zip.files.find((f) => f.path === name)?.stream();
  // Sheet files are numbered in tab order when Excel, WPS or LibreOffice save a workbook.
  const first = zip.files
    .map((f) => WORKSHEET.exec(f.path)?.[1])
    .filter((n): n is string => n !== undefined)
    .sort((a, b) => Number(a) - Number(b))[0];
  const rels = entry('xl/_rels/workbook.xml.rels');
  const workbook = entry('xl/workbook.xml');
  if (!rels || !workbook || first === undefined) {
    rels?.destroy();
    workbook?.destroy();
    throw new Error('no workbook or worksheet in the zip');
  }

  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'ignore',
  }) as unknown as ReaderParts;
  await reader._parseRels(rels);
  await reader._parseWorkbook(workbook);
  const sharedStrings = entry('xl/sharedStrings.xml');
  if (sharedStrings) for await (const _ of reader._parseSharedStrings(sharedStrings));
  const styles = entry('xl/styles.xml');
  if (styles) await reader._parseStyles(styles);
  const sheet = entry(`xl/worksheets/sheet${first}.xml`) as Readable;
  try {
    for (const { value: rows } of reader._parseWorksheet(sheet, first)) yield* rows;
  } finally {
    sheet.destroy();
  }
}
