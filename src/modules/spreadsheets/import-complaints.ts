import type { ActorContext } from '../../context.js';
import { errorMessage, fieldMessage, type Locale } from '../../i18n/index.js';
import { badRequest, DomainError } from '../../lib/errors.js';
import { registerComplaint, requirePermission } from '../complaints/index.js';
import type { CellValue } from './cells.js';
import { type ColumnKey, columnName, type HeaderMap, mapHeader } from './columns.js';
import { detectFormat, readSheet } from './read-sheet.js';
import { type ImportLookups, problemsFromFields, type RowProblem, rowToInput } from './row-input.js';

export interface RowError {
  /** The field key (`phone`), null for a problem of the whole row. */
  field: ColumnKey | null;
  /** The column as the sheet heads it. */
  column: string | null;
  code: string;
  message: string;
}

export type RowResult =
  | { row: number; externalRef: string | null; status: 'imported'; number: string }
  | { row: number; externalRef: string | null; status: 'skipped'; number: string; message: string }
  | { row: number; externalRef: string | null; status: 'failed'; errors: RowError[] };

export interface ImportReport {
  totals: { rows: number; imported: number; skipped: number; failed: number };
  rows: RowResult[];
}

export interface ImportOptions {
  locale: Locale;
  /** Called after each row (the CLI's progress bar). */
  onRow?: (result: RowResult) => void;
}

async function loadLookups(ctx: ActorContext): Promise<ImportLookups> {
  const [categories, units] = await Promise.all([
    ctx.db.selectFrom('categories').select(['id', 'code']).where('active', '=', 1).execute(),
    ctx.db.selectFrom('units').select(['id', 'name', 'name_en']).where('active', '=', 1).execute(),
  ]);
  const unitsByName = new Map<string, number[]>();
  for (const u of units) {
    for (const name of new Set([u.name, u.name_en].filter((n): n is string => !!n))) {
      unitsByName.set(name, [...(unitsByName.get(name) ?? []), u.id]);
    }
  }
  return {
    categories: new Map(categories.map((c) => [c.code, c.id])),
    unitIds: new Set(units.map((u) => u.id)),
    unitsByName,
    timeZone: ctx.config.timeZone,
  };
}

/**
 * 批量导入: register every valid row of an .xlsx or .csv file as a complaint, each in its own
 * transaction (registerComplaint), and report every row. A bad row never stops the others; a row
 * whose external reference was imported before is skipped, so importing a file again adds nothing.
 * Refused as a whole only when the file is not a spreadsheet or lacks required columns.
 */
export async function importComplaints(
  ctx: ActorContext,
  path: string,
  options: ImportOptions,
): Promise<ImportReport> {
  requirePermission(ctx.actor, 'register');
  const format = await detectFormat(path);
  const lookups = await loadLookups(ctx);
  const report: ImportReport = { totals: { rows: 0, imported: 0, skipped: 0, failed: 0 }, rows: [] };
  /** Row of the first occurrence of each external reference in this file. */
  const seen = new Map<string, number>();
  let header: HeaderMap | null = null;
  for await (const { row, cells } of readSheet(path, format)) {
    if (!header) {
      header = readHeader(cells);
      continue;
    }
    const result = await importRow(
      ctx,
      { row, fields: fieldsOf(header, cells) },
      { header, lookups, seen, locale: options.locale },
    );
    report.rows.push(result);
    report.totals.rows++;
    report.totals[result.status]++;
    options.onRow?.(result);
  }
  if (!header) readHeader([]);
  return report;
}

function readHeader(cells: CellValue[]): HeaderMap {
  const header = mapHeader(cells.map((c) => (typeof c === 'string' ? c : undefined)));
  if (header.missing.length) {
    throw badRequest('spreadsheet_missing_columns', [], { columns: header.missing.map(columnName) });
  }
  return header;
}

/** The data rows of a file (for a progress bar): its non-empty rows after the header. */
export async function countDataRows(path: string): Promise<number> {
  let rows = -1;
  for await (const _ of readSheet(path, await detectFormat(path))) rows++;
  return Math.max(0, rows);
}

function fieldsOf(header: HeaderMap, cells: CellValue[]): Partial<Record<ColumnKey, CellValue>> {
  const out: Partial<Record<ColumnKey, CellValue>> = {};
  for (const [key, i] of header.index) out[key] = cells[i];
  return out;
}

/** What every row of one import shares: the header, the lookups, the external references seen, the language. */
interface ImportRun {
  header: HeaderMap;
  lookups: ImportLookups;
  /** Row of the first occurrence of each external reference in this file. */
  seen: Map<string, number>;
  locale: Locale;
}

async function importRow(
  ctx: ActorContext,
  { row, fields }: { row: number; fields: Partial<Record<ColumnKey, CellValue>> },
  { header, lookups, seen, locale }: ImportRun,
): Promise<RowResult> {
  const { input, problems } = rowToInput(fields, lookups);
  const externalRef = input.externalRef ?? null;
  const failed = (list: RowProblem[]): RowResult => ({
    row,
    externalRef,
    status: 'failed',
    errors: list.map((p) => ({
      field: p.field,
      column: p.field ? (header.header.get(p.field) ?? columnName(p.field)) : null,
      code: p.code,
      message: p.field ? fieldMessage(locale, p.code, p.params) : errorMessage(locale, p.code, p.params),
    })),
  });
  const skipped = (number: string): RowResult => ({
    row,
    externalRef,
    status: 'skipped',
    number,
    message: errorMessage(locale, 'already_imported', { number }),
  });

  if (externalRef !== null) {
    const first = seen.get(externalRef);
    if (first !== undefined)
      return failed([{ field: 'externalRef', code: 'duplicate_in_file', params: { row: first } }]);
    seen.set(externalRef, row);
    // Imported before (by an earlier run of this file): skipped even if the row would not pass today.
    const earlier = await importedAs(ctx, externalRef);
    if (earlier) return skipped(earlier);
  }
  if (problems.length) return failed(problems);
  try {
    const registered = await registerComplaint(ctx, input);
    return { row, externalRef, status: 'imported', number: registered.number };
  } catch (error) {
    // The same file imported at the same time elsewhere: the other import registered this row first.
    const earlier = externalRef === null ? null : await importedAs(ctx, externalRef);
    if (earlier) return skipped(earlier);
    if (!(error instanceof DomainError)) throw error;
    return failed(
      error.fields.length
        ? problemsFromFields(error.fields)
        : [{ field: null, code: error.code, params: error.params }],
    );
  }
}

async function importedAs(ctx: ActorContext, externalRef: string): Promise<string | null> {
  const row = await ctx.db
    .selectFrom('complaints')
    .select('number')
    .where('external_ref', '=', externalRef)
    .executeTakeFirst();
  return row?.number ?? null;
}
