/** A report's two files: made from its content, kept in the content store (by sha256) where evidence lives. */
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import type { AppContext } from '../../context.js';
import type { Locale } from '../../i18n/index.js';
import { formatLocal } from '../../lib/time.js';
import { evidenceStore } from '../evidence/index.js';
import type { ReportKind } from './periods.js';
import { type ReportContent, writeSummary } from './summary.js';
import { reportTables } from './tables.js';

export const PDF = 'application/pdf';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const KIND_TITLES: Record<ReportKind, [string, string]> = {
  weekly: ['客诉周报', 'Weekly complaints report'],
  monthly: ['客诉月报', 'Monthly complaints report'],
  quarterly: ['客诉季报', 'Quarterly complaints report'],
  on_demand: ['客诉报表', 'Complaints report'],
};

export interface ReportHead {
  kind: ReportKind;
  from: string;
  to: string;
  unitName: string;
  locale: Locale;
}

const l = (locale: Locale, zh: string, en: string) => (locale === 'en' ? en : zh);

/** 客诉周报 2026-11-23 至 2026-11-29 — the title the files, the mail and the list show. */
export function reportTitle(h: Pick<ReportHead, 'kind' | 'from' | 'to' | 'locale'>): string {
  const [zh, en] = KIND_TITLES[h.kind];
  return l(h.locale, `${zh} ${h.from} 至 ${h.to}`, `${en} ${h.from} to ${h.to}`);
}

/** The file name of a download or attachment, in the report's language: 客诉周报_2026-11-23_至_2026-11-29.pdf. */
export const reportFilename = (
  h: Pick<ReportHead, 'kind' | 'from' | 'to' | 'locale'>,
  format: 'pdf' | 'xlsx',
) => `${reportTitle(h).replaceAll(' ', '_')}.${format}`;

export interface MadeFiles {
  summary: string[];
  pdf: { sha256: string; size: number };
  xlsx: { sha256: string; size: number };
}

async function keep(app: AppContext, bytes: Buffer) {
  const store = evidenceStore(app.config);
  const staged = await store.stagingPath();
  await writeFile(staged, bytes);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await store.put(sha256, staged);
  return { sha256, size: bytes.length };
}

/** Write the summary, the workbook and the PDF, and store both files. */
export async function makeFiles(
  app: AppContext,
  head: ReportHead,
  content: ReportContent,
  now: number,
): Promise<MadeFiles> {
  const { locale } = head;
  const summary = writeSummary(content, locale);
  const tables = reportTables(content, locale);
  const top = {
    title: `${head.unitName} ${reportTitle(head)}`,
    lines: [
      l(locale, `统计范围：${head.unitName}（按处理单位）`, `Scope: ${head.unitName} (by handling unit)`),
      l(
        locale,
        `对比：上期 ${content.figures.previous.from} 至 ${content.figures.previous.to}；去年同期 ${content.figures.lastYear.from} 至 ${content.figures.lastYear.to}`,
        `Compared with ${content.figures.previous.from} to ${content.figures.previous.to} and ${content.figures.lastYear.from} to ${content.figures.lastYear.to}`,
      ),
      l(
        locale,
        `生成时间：${formatLocal(now, app.config.timeZone)}`,
        `Made at ${formatLocal(now, app.config.timeZone)}`,
      ),
    ],
  };
  // PDFKit, ECharts and ExcelJS are loaded when a report is first written: every `kesu` command
  // and the server's start would otherwise carry them (about 100 MiB).
  const [{ reportWorkbook }, { reportPdf }] = await Promise.all([
    import('./workbook.js'),
    import('./pdf.js'),
  ]);
  const xlsx = await reportWorkbook(top, summary, tables, locale);
  const pdf = await reportPdf(top, summary, tables, content.figures.trend, locale);
  return { summary, pdf: await keep(app, pdf), xlsx: await keep(app, xlsx) };
}

/** A stored file's bytes as a stream. */
export const openFile = (app: AppContext, sha256: string): Promise<Readable> =>
  evidenceStore(app.config).get(sha256);
