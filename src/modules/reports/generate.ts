/** The `reports.generate` job: read the content, make and store the files, then mark ready and mail. */
import { Type } from 'typebox';
import type { Tx } from '../../db/database.js';
import type { Locale } from '../../i18n/index.js';
import { localMidnight } from '../../lib/time.js';
import { defineJob, type JobContext } from '../jobs/index.js';
import { queueNotice } from '../notify/index.js';
import { statsCaughtUp } from '../stats/index.js';
import { readContent } from './content.js';
import { makeFiles, PDF, reportFilename, reportTitle, XLSX } from './files.js';
import type { ReportKind } from './periods.js';
import { shortSummary } from './summary.js';

export const GENERATE_REPORT_JOB = 'reports.generate';
const MAX_ATTEMPTS = 10;

type ReportRow = {
  id: number;
  kind: string;
  period_from: string;
  period_to: string;
  unit_id: number;
  unit_path: string;
  locale: string;
};

/** The instant the period ends (local midnight after its last day). */
function periodEnd(to: string, timeZone: string): number {
  const [y, m, d] = to.split('-').map(Number) as [number, number, number];
  return localMidnight(y, m, d + 1, timeZone);
}

/** Queue the mail of a periodic report to the unit's recipients (with both files) and, for the whole organisation, the robots. */
async function queueReportNotices(
  tx: Tx,
  ctx: JobContext,
  r: ReportRow,
  head: { title: string; period: string; scope: string; summary: string[]; brief: string[] },
  files: { pdf: string; xlsx: string },
  now: number,
) {
  const locale = r.locale as Locale;
  const recipients = await tx
    .selectFrom('report_recipients')
    .select(['user_id', 'email'])
    .where('unit_id', '=', r.unit_id)
    .where('locale', '=', locale)
    .orderBy('id')
    .execute();
  const vars = {
    title: head.title,
    period: head.period,
    scope: head.scope,
    summary: head.summary.join('\n'),
    url: `${ctx.config.publicUrl}/reports`,
  };
  const kind = r.kind as ReportKind;
  const attachments = [
    {
      filename: reportFilename({ kind, from: r.period_from, to: r.period_to, locale }, 'pdf'),
      mediaType: PDF,
      sha256: files.pdf,
    },
    {
      filename: reportFilename({ kind, from: r.period_from, to: r.period_to, locale }, 'xlsx'),
      mediaType: XLSX,
      sha256: files.xlsx,
    },
  ];
  if (recipients.length)
    await queueNotice(
      tx,
      {
        event: 'report_ready',
        complaintId: null,
        vars,
        locale,
        attachments,
        targets: recipients.map((p) =>
          p.user_id !== null ? { userId: p.user_id } : { email: p.email ?? '' },
        ),
      },
      now,
    );
  const root = await tx.selectFrom('units').select('id').where('parent_id', 'is', null).executeTakeFirst();
  if (root?.id === r.unit_id && locale === 'zh-CN')
    await queueNotice(
      tx,
      {
        event: 'report_summary',
        complaintId: null,
        vars: { ...vars, summary: head.brief.join('\n') },
        locale,
        targets: [{ robots: true }],
      },
      now,
    );
}

export const generateReportJob = defineJob({
  kind: GENERATE_REPORT_JOB,
  payload: Type.Object({ reportId: Type.Integer() }),
  maxAttempts: MAX_ATTEMPTS,
  timeoutMs: 15 * 60_000,
  handler: async (ctx, { reportId }, job) => {
    const r = await ctx.db.selectFrom('reports').selectAll().where('id', '=', reportId).executeTakeFirst();
    if (r?.status !== 'queued') return;
    try {
      const now = ctx.clock.now();
      // The figures follow the history by a job; wait (retry) until they have passed the period's end.
      if (!(await statsCaughtUp(ctx.db, Math.min(periodEnd(r.period_to, ctx.config.timeZone), now))))
        throw new Error('the statistics have not yet followed the history to the end of the period');
      const unit = await ctx.db
        .selectFrom('units')
        .select(['name', 'name_en'])
        .where('id', '=', r.unit_id)
        .executeTakeFirstOrThrow();
      const locale = r.locale as Locale;
      const unitName = (locale === 'en' ? unit.name_en : null) ?? unit.name;
      const kind = r.kind as ReportKind;
      const scope = { unitId: r.unit_id, unitPath: r.unit_path, from: r.period_from, to: r.period_to };
      const content = await readContent(ctx, scope, now);
      const head = { kind, from: r.period_from, to: r.period_to, unitName, locale };
      const made = await makeFiles(ctx, head, content, now);
      await ctx.runInJobTransaction(async (tx) => {
        const updated = await tx
          .updateTable('reports')
          .set({
            status: 'ready',
            finished_at: ctx.clock.now(),
            error: null,
            summary: JSON.stringify(made.summary),
            pdf_sha256: made.pdf.sha256,
            pdf_size: made.pdf.size,
            xlsx_sha256: made.xlsx.sha256,
            xlsx_size: made.xlsx.size,
          })
          .where('id', '=', r.id)
          .where('status', '=', 'queued')
          .executeTakeFirst();
        if (!Number(updated.numUpdatedRows) || kind === 'on_demand') return;
        await queueReportNotices(
          tx,
          ctx,
          r,
          {
            title: `${unitName} ${reportTitle(head)}`,
            period: `${r.period_from} ~ ${r.period_to}`,
            scope: unitName,
            summary: made.summary,
            brief: shortSummary(content, locale),
          },
          { pdf: made.pdf.sha256, xlsx: made.xlsx.sha256 },
          ctx.clock.now(),
        );
      });
    } catch (error) {
      if (job.attempts >= MAX_ATTEMPTS)
        await ctx.db
          .updateTable('reports')
          .set({ status: 'failed', finished_at: ctx.clock.now(), error: String(error).slice(0, 500) })
          .where('id', '=', r.id)
          .where('status', '=', 'queued')
          .execute();
      throw error;
    }
  },
});
