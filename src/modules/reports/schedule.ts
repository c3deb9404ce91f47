/**
 * The `reports.schedule` cron tick: for each periodic kind, the period due now (Monday 09:00 for the
 * week before, the 1st at 09:00 for the month or quarter before) gets a report per scope and locale —
 * the whole organisation in Chinese, and every unit with recipients in each of their locales. The
 * row's unique `schedule_key` makes each one once, however many workers tick or restart.
 */
import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import { defineJob, enqueue } from '../jobs/index.js';
import { generateReportJob } from './generate.js';
import { duePeriod, PERIODIC_KINDS, type ReportKind } from './periods.js';

export const SCHEDULE_REPORTS_JOB = 'reports.schedule';
/** How often the schedule looks: a report starts at most this long after it is due. */
export const SCHEDULE_EVERY_MS = 5 * 60_000;

export interface NewReport {
  kind: ReportKind;
  from: string;
  to: string;
  unitId: number;
  unitPath: string;
  locale: string;
  requestedBy: number | null;
  scheduleKey: string | null;
}

/** Insert a queued report and its job in one transaction; null when its schedule key is taken. */
export async function queueReport(db: Db, r: NewReport, now: number): Promise<number | null> {
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto('reports')
      .values({
        kind: r.kind,
        period_from: r.from,
        period_to: r.to,
        unit_id: r.unitId,
        unit_path: r.unitPath,
        locale: r.locale,
        status: 'queued',
        schedule_key: r.scheduleKey,
        requested_by: r.requestedBy,
        created_at: now,
        finished_at: null,
        error: null,
        summary: null,
        pdf_sha256: null,
        pdf_size: null,
        xlsx_sha256: null,
        xlsx_size: null,
      })
      .onConflict((oc) => oc.column('schedule_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) return null;
    await enqueue(tx, generateReportJob, { reportId: row.id }, { now });
    return row.id;
  });
}

/** The scopes and locales of periodic reports: the whole organisation (zh-CN) and each recipient's unit and locale. */
async function periodicScopes(db: Db) {
  const root = await db
    .selectFrom('units')
    .select(['id', 'path'])
    .where('parent_id', 'is', null)
    .orderBy('id')
    .executeTakeFirst();
  if (!root) return [];
  const wanted = await db
    .selectFrom('report_recipients as r')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .select(['u.id', 'u.path', 'r.locale'])
    .distinct()
    .execute();
  const scopes = new Map([[`${root.id}:zh-CN`, { unitId: root.id, unitPath: root.path, locale: 'zh-CN' }]]);
  for (const w of wanted)
    scopes.set(`${w.id}:${w.locale}`, { unitId: w.id, unitPath: w.path, locale: w.locale });
  return [...scopes.values()];
}

/** Queue every periodic report due at `now` that is not made yet; returns how many were queued. */
export async function scheduleDueReports(app: AppContext, now: number): Promise<number> {
  let queued = 0;
  const scopes = await periodicScopes(app.db);
  for (const kind of PERIODIC_KINDS) {
    const { from, to } = duePeriod(kind, now, app.config.timeZone);
    for (const s of scopes) {
      const scheduleKey = `${kind}:${from}:${s.unitId}:${s.locale}`;
      const id = await queueReport(app.db, { kind, from, to, ...s, requestedBy: null, scheduleKey }, now);
      if (id !== null) queued++;
    }
  }
  return queued;
}

export const scheduleReportsJob = defineJob({
  kind: SCHEDULE_REPORTS_JOB,
  payload: Type.Object({}),
  handler: async (ctx) => {
    await scheduleDueReports(ctx, ctx.clock.now());
  },
  // A missed tick is made up by the next one.
  maxAttempts: 2,
});
