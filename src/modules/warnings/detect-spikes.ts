/**
 * The spike detector (突增预警): every complete day not judged yet, each scope's count of that day
 * against the calendar baseline fitted on the days before it, read from the statistics rollups.
 */
import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/database.js';
import { localDate } from '../../lib/time.js';
import { defineJob } from '../jobs/index.js';
import { addDays, dateRange, loadCalendar } from '../sla/index.js';
import { dayStart } from './day-bounds.js';
import { raiseWarning, type WarningCandidate } from './raise.js';
import { MAX_COMPLAINTS } from './rules.js';
import { scopeNames } from './scope-names.js';
import { DIMENSION, dayNumber, SPIKE_SCOPES, type SpikeScope, scopeSeries } from './scope-series.js';
import { loadWarningSettings } from './settings.js';
import { judgeLastDay } from './spike-test.js';
import { readPosition, savePosition } from './watermarks.js';

export const SPIKES_JOB = 'warnings.spikes';
/** Hourly: a day is judged once it is complete, within an hour of midnight. */
export const SPIKES_EVERY_MS = 3_600_000;
const WATERMARK = 'spikes';
/** Days of history each judgement fits on (a year and a little, so each festival was seen once). */
export const HISTORY_DAYS = 400;
/** After a pause, the days made up at most. */
const CATCH_UP_DAYS = 7;

export async function detectSpikes(tx: Tx, app: AppContext): Promise<number> {
  const now = app.clock.now();
  const tz = app.config.timeZone;
  const yesterday = addDays(localDate(now, tz), -1);
  const done = await readDone(tx);
  const first = done ? addDays(done, 1) : yesterday;
  const earliest = addDays(yesterday, 1 - CATCH_UP_DAYS);
  const start = [earliest, first].sort()[1] ?? first;
  if (start > yesterday) return 0;
  const [settings, calendar] = await Promise.all([loadWarningSettings(tx), loadCalendar(tx, tz)]);
  const from = addDays(start, -HISTORY_DAYS);
  const all = await scopeSeries(tx, SPIKE_SCOPES, from, yesterday, calendar, settings.festivals);
  let raised = 0;
  for (const date of dateRange(start, yesterday)) {
    const end = dateRange(from, date).length;
    for (const s of all) {
      const series = s.days.slice(0, end);
      if ((series.at(-1)?.count ?? 0) === 0) continue;
      const sensitivity = settings.scopeSensitivity[`${s.scope}:${s.key}`] ?? settings.sensitivity;
      const spike = judgeLastDay(series, sensitivity);
      if (!spike) continue;
      const since = spike.windowDays === 2 ? addDays(date, -1) : date;
      await raiseWarning(tx, app, {
        kind: 'spike',
        scope: { kind: s.scope, key: s.key, label: await scopeLabel(tx, s.scope, s.key) },
        ...(s.scope === 'unit' ? { unitId: Number(s.key) } : {}),
        figures: { day: date, ...spike, sensitivity },
        complaintIds: await complaintsOf(
          tx,
          s.scope,
          s.key,
          dayStart(since, tz),
          dayStart(addDays(date, 1), tz),
        ),
      } satisfies WarningCandidate);
      raised++;
    }
  }
  await savePosition(tx, WATERMARK, dayNumber(yesterday), now);
  return raised;
}

async function readDone(tx: Tx): Promise<string | null> {
  const position = await readPosition(tx, WATERMARK);
  if (!position) return null;
  const s = String(position);
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
}

/** The complaints of the scope received in [start, end), newest first (bounded). */
async function complaintsOf(tx: Tx, scope: SpikeScope, key: string, start: number, end: number) {
  let q = tx
    .selectFrom('complaints')
    .select('complaints.id')
    .where('received_at', '>=', start)
    .where('received_at', '<', end);
  if (scope === 'category')
    q = q
      .innerJoin('categories', 'categories.id', 'complaints.category_id')
      .where('categories.path', 'like', `%/${Number(key)}/%`);
  else if (scope === 'unit') q = q.where('complaints.unit_id', '=', Number(key));
  else q = q.where(`complaints.${DIMENSION[scope] as 'region' | 'channel'}`, '=', key);
  const rows = await q.orderBy('received_at', 'desc').limit(MAX_COMPLAINTS).execute();
  return rows.map((r) => r.id);
}

export const spikesJob = defineJob({
  kind: SPIKES_JOB,
  payload: Type.Object({}),
  handler: async (ctx) => {
    await ctx.runInJobTransaction((tx) => detectSpikes(tx, ctx));
  },
  maxAttempts: 2,
});

/** The scope's name as the warning keeps it (Chinese; notices and the console name it in English). */
const scopeLabel = async (tx: Tx, kind: SpikeScope, key: string) =>
  (await scopeNames(tx, { kind, key, label: key })).zh;
