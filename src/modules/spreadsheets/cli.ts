import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import cliProgress from 'cli-progress';
import { Compile } from 'typebox/compile';
import type { ActorContext, AppContext } from '../../context.js';
import { errorMessage, type Locale, pickLocale } from '../../i18n/index.js';
import { DomainError } from '../../lib/errors.js';
import { loadActor } from '../org/index.js';
import { cellInstant } from './cells.js';
import { type ExportInput, prepareComplaintExport } from './export-complaints.js';
import { countDataRows, importComplaints, type RowResult } from './import-complaints.js';
import { importErrorsCsv, rowDetail } from './import-report.js';
import { ExportQuery } from './schemas.js';

/** The user a command acts as (`--as`): the import registers, the export sees, as that user. */
async function actingAs(app: AppContext, username: string | undefined): Promise<ActorContext> {
  if (!username) throw new Error('say whom the command acts as: --as <username>');
  const user = await app.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirst();
  const actor = user ? await loadActor(app.db, user.id) : null;
  if (!actor) throw new Error(`no active user ${username}`);
  return { ...app, actor };
}

/** The language of messages: zh-CN unless the environment's locale is English. */
export const cliLocale = (): Locale =>
  pickLocale((process.env.LC_ALL || process.env.LANG || '').replace('_', '-'));

/** A DomainError as the CLI prints it: the message in the locale, then each field. */
function described(error: unknown, locale: Locale): Error {
  if (!(error instanceof DomainError)) return error instanceof Error ? error : new Error(String(error));
  const fields = error.fields.map((f) => `${f.path}: ${f.code}`);
  return new Error([errorMessage(locale, error.code, error.params), ...fields].join('\n  '));
}

/** Progress on stderr: a bar on a terminal, otherwise a plain line at every tenth of the rows. */
function progress(total: number): { tick(): void; stop(): void } {
  let done = 0;
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: 'import [{bar}] {percentage}% | {value}/{total} rows | {eta_formatted}',
        stream: process.stderr,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0);
    return { tick: () => bar.increment(), stop: () => bar.stop() };
  }
  let shown = 0;
  return {
    tick() {
      done++;
      const tenth = Math.floor((done * 10) / Math.max(total, 1));
      if (tenth > shown || done === total) {
        shown = tenth;
        process.stderr.write(`import: ${done}/${total} rows\n`);
      }
    },
    stop() {},
  };
}

const MAX_LISTED_FAILURES = 20;

/** `FILE.xlsx` → `FILE.errors.csv` beside it. */
const errorsFileOf = (file: string) => join(dirname(file), `${basename(file, extname(file))}.errors.csv`);

/**
 * `kesu import FILE --as USER`: the same import as the upload, with a progress bar, a summary, and
 * the failed rows written to FILE.errors.csv. Exit code 1 when any row failed.
 */
export async function runImportCommand(app: AppContext, file: string, opts: { as?: string }): Promise<void> {
  const locale = cliLocale();
  const ctx = await actingAs(app, opts.as);
  const path = resolve(file);
  try {
    const total = await countDataRows(path);
    const bar = progress(total);
    let report: Awaited<ReturnType<typeof importComplaints>>;
    try {
      report = await importComplaints(ctx, path, { locale, onRow: () => bar.tick() });
    } finally {
      bar.stop();
    }
    const t = report.totals;
    console.log(`${t.rows} rows: imported ${t.imported}, skipped ${t.skipped}, failed ${t.failed}`);
    const failures = report.rows.filter(
      (r): r is Extract<RowResult, { status: 'failed' }> => r.status === 'failed',
    );
    for (const r of failures.slice(0, MAX_LISTED_FAILURES)) console.log(`  row ${r.row}: ${rowDetail(r)}`);
    if (failures.length > MAX_LISTED_FAILURES)
      console.log(`  … and ${failures.length - MAX_LISTED_FAILURES} more`);
    if (failures.length) {
      const errorsFile = errorsFileOf(path);
      await writeFile(errorsFile, importErrorsCsv(report));
      console.log(`errors: ${errorsFile}`);
      process.exitCode = 1;
    }
  } catch (error) {
    throw described(error, locale);
  }
}

const exportQuery = Compile(ExportQuery);

/** `--from 2026-11-01` means local midnight; an unreadable value is passed on for the check to refuse. */
function instantOption(value: string | undefined, timeZone: string): string | undefined {
  if (value === undefined) return undefined;
  const at = cellInstant(value, timeZone);
  return at === undefined ? value : new Date(at).toISOString();
}

export interface ExportOptions {
  as?: string;
  out: string;
  status?: string;
  priority?: string;
  channel?: string;
  grade?: string;
  category?: number;
  unit?: number;
  from?: string;
  to?: string;
  q?: string;
  sort?: string;
}

/** `kesu export --out FILE.xlsx --as USER [filters]`: the same export as `GET /spreadsheets/complaints.xlsx`. */
export async function runExportCommand(app: AppContext, opts: ExportOptions): Promise<void> {
  const locale = cliLocale();
  const ctx = await actingAs(app, opts.as);
  const input = Object.fromEntries(
    Object.entries({
      status: opts.status,
      priority: opts.priority,
      channel: opts.channel,
      grade: opts.grade,
      categoryId: opts.category,
      unitId: opts.unit,
      receivedFrom: instantOption(opts.from, app.config.timeZone),
      receivedTo: instantOption(opts.to, app.config.timeZone),
      q: opts.q,
      sort: opts.sort,
    }).filter(([, v]) => v !== undefined),
  );
  if (!exportQuery.Check(input)) {
    const problems = exportQuery.Errors(input).map((e) => `${e.instancePath || '/'} ${e.message}`);
    throw new Error(`bad filter: ${problems.join('; ')}`);
  }
  const started = Date.now();
  try {
    const exported = await prepareComplaintExport(ctx, input as ExportInput, locale);
    const output = createWriteStream(resolve(opts.out));
    await once(output, 'open');
    const rows = await exported.writeTo(output);
    console.log(
      `exported ${rows} complaints to ${opts.out} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
  } catch (error) {
    throw described(error, locale);
  }
}
