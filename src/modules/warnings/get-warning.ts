import type { ActorContext } from '../../context.js';
import { forbidden, notFound } from '../../lib/errors.js';
import { readStream } from '../audit/index.js';
import { canSee } from '../complaints/index.js';
import { addDays, loadCalendar } from '../sla/index.js';
import { fitBaseline } from './baseline.js';
import { HISTORY_DAYS } from './detect-spikes.js';
import { summaries, toSummary } from './queries.js';
import { mayManage, mayRead, WARNING_STREAM } from './rules.js';
import type { WarningView } from './schemas.js';
import { isSpikeScope, scopeSeries } from './scope-series.js';
import { loadWarningSettings } from './settings.js';
import { upperBand } from './spike-test.js';

/** Days drawn on a spike's chart, up to its day. */
const CHART_DAYS = 42;
const iso = (ms: number) => new Date(ms).toISOString();

/** 预警详情: the warning, its chart (spikes), the complaints behind it and its history. */
export async function getWarning(ctx: ActorContext, id: number): Promise<WarningView> {
  const row = await summaries(ctx.db).where('w.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('warning_not_found', { id });
  if (!mayRead(ctx.actor, row)) throw forbidden('forbidden', { action: 'read_warning' });
  const ids = JSON.parse(row.complaint_ids) as number[];
  const [complaints, history, series] = await Promise.all([
    ids.length
      ? ctx.db
          .selectFrom('complaints')
          .select([
            'id',
            'number',
            'title',
            'status',
            'received_at',
            'unit_path',
            'intake_unit_path',
            'assignee_id',
          ])
          .where('id', 'in', ids)
          .orderBy('received_at', 'desc')
          .execute()
      : [],
    readStream(ctx.db, WARNING_STREAM, id),
    spikeSeries(ctx, row.kind, row.scope_kind, row.scope_key, JSON.parse(row.figures)),
  ]);
  return {
    ...toSummary(row),
    series,
    linked: complaints
      .filter((c) => canSee(ctx.actor, c))
      .map((c) => ({ number: c.number, title: c.title, status: c.status, receivedAt: iso(c.received_at) })),
    history,
    may: { manage: mayManage(ctx.actor, row.unit_path) },
  };
}

/** The scope's daily counts up to the spike's day, each against the level expected from the days before it. */
async function spikeSeries(
  ctx: ActorContext,
  kind: string,
  scopeKind: string,
  key: string,
  figures: { day?: unknown },
) {
  if (kind !== 'spike' || typeof figures.day !== 'string' || !isSpikeScope(scopeKind as never)) return [];
  const scope = scopeKind as Parameters<typeof isSpikeScope>[0] &
    ('category' | 'unit' | 'region' | 'channel');
  const day = figures.day;
  const [settings, calendar] = await Promise.all([
    loadWarningSettings(ctx.db),
    loadCalendar(ctx.db, ctx.config.timeZone),
  ]);
  const [s] = await scopeSeries(
    ctx.db,
    [scope],
    addDays(day, -HISTORY_DAYS),
    day,
    calendar,
    settings.festivals,
    {
      scope,
      key,
    },
  );
  if (!s) return [];
  const out = [];
  for (let end = Math.max(1, s.days.length - CHART_DAYS); end < s.days.length; end++) {
    const d = s.days[end];
    if (!d) continue;
    const e = fitBaseline(s.days.slice(0, end)).expect(d.features);
    out.push({
      date: d.features.date,
      count: d.count,
      expected: Math.round(e.mean * 10) / 10,
      upper: upperBand(e),
    });
  }
  return out;
}
