import type { Readable } from 'node:stream';
import type { ActorContext } from '../../context.js';
import { seesAll, subtreeEnd } from '../../domain/actor.js';
import { asLocale } from '../../i18n/index.js';
import { decodeCursor, encodeCursor } from '../../lib/cursor.js';
import { conflict, notFound } from '../../lib/errors.js';
import { maySeeReport } from './access.js';
import { openFile, PDF, reportFilename, XLSX } from './files.js';
import type { ReportKind } from './periods.js';
import type { RecipientInput, ReportListInput, ReportViewItem } from './schemas.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** 报表 newest first, a page at a time (cursor: created_at, id); those below the top see their subtree's. */
export async function listReports(ctx: ActorContext, input: ReportListInput) {
  const limit = input.limit ?? 20;
  let q = ctx.db
    .selectFrom('reports as r')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .leftJoin('users as p', 'p.id', 'r.requested_by')
    .select([
      'r.id',
      'r.kind',
      'r.period_from',
      'r.period_to',
      'r.unit_id',
      'u.name as unit_name',
      'u.name_en as unit_name_en',
      'r.locale',
      'r.status',
      'p.display_name as requested_by',
      'r.created_at',
      'r.finished_at',
      'r.error',
      'r.summary',
      'r.pdf_size',
      'r.xlsx_size',
    ])
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(limit + 1);
  if (!seesAll(ctx.actor))
    q = q
      .where('r.unit_path', '>=', ctx.actor.unitPath)
      .where('r.unit_path', '<', subtreeEnd(ctx.actor.unitPath));
  if (input.cursor) {
    const [at, id] = decodeCursor(input.cursor, 'integer') as [number, number];
    q = q.where((eb) =>
      eb.or([eb('r.created_at', '<', at), eb.and([eb('r.created_at', '=', at), eb('r.id', '<', id)])]),
    );
  }
  const rows = await q.execute();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(
      (r): ReportViewItem => ({
        id: r.id,
        kind: r.kind as ReportKind,
        from: r.period_from,
        to: r.period_to,
        unit: { id: r.unit_id, name: r.unit_name, nameEn: r.unit_name_en },
        locale: asLocale(r.locale),
        status: r.status as ReportViewItem['status'],
        requestedBy: r.requested_by,
        createdAt: new Date(r.created_at).toISOString(),
        finishedAt: iso(r.finished_at),
        error: r.error,
        summary: r.summary ? (JSON.parse(r.summary) as string[]) : [],
        pdfSize: r.pdf_size === null ? null : Number(r.pdf_size),
        xlsxSize: r.xlsx_size === null ? null : Number(r.xlsx_size),
      }),
    ),
    nextCursor: rows.length > limit && last ? encodeCursor([last.created_at, last.id]) : null,
  };
}

/** A ready report's file; 404 when the report is outside what the caller sees (as if it did not exist). */
export async function openReportFile(
  ctx: ActorContext,
  id: number,
  format: 'pdf' | 'xlsx',
): Promise<{ stream: Readable; size: number; mediaType: string; filename: string }> {
  const r = await ctx.db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r || !maySeeReport(ctx, r.unit_path)) throw notFound('report_not_found');
  const sha256 = format === 'pdf' ? r.pdf_sha256 : r.xlsx_sha256;
  const size = format === 'pdf' ? r.pdf_size : r.xlsx_size;
  if (r.status !== 'ready' || !sha256 || size === null)
    throw conflict('report_not_ready', { status: r.status });
  return {
    stream: await openFile(ctx, sha256),
    size: Number(size),
    mediaType: format === 'pdf' ? PDF : XLSX,
    filename: reportFilename(
      {
        kind: r.kind as ReportKind,
        from: r.period_from,
        to: r.period_to,
        locale: asLocale(r.locale),
      },
      format,
    ),
  };
}

export async function listRecipients(ctx: ActorContext): Promise<{ items: RecipientInput[] }> {
  const rows = await ctx.db
    .selectFrom('report_recipients')
    .selectAll()
    .orderBy('unit_id')
    .orderBy('id')
    .execute();
  return {
    items: rows.map((r) => ({
      unitId: r.unit_id,
      ...(r.user_id !== null ? { userId: r.user_id } : {}),
      ...(r.email !== null ? { email: r.email } : {}),
      locale: asLocale(r.locale),
    })),
  };
}
