import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/database.js';
import { appendEvents } from '../audit/index.js';
import { type ClockChanges, type ClockRow, refreshDueAt, replayClocks } from './clocks.js';
import { clockSubject } from './complaint-clocks.js';
import { loadSlaContext, type SlaContext } from './settings.js';
import type { Stage } from './stages.js';

/** Set once every open complaint's clocks follow the procedures' rules (ADR 0005, issue 13). */
export const CLOCKS_UPGRADED = 'sla_clocks_by_procedure';
const BATCH = 200;
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The upgrade to clocks counted as the procedures say (registration, dispatch and the whole
 * complaint from receipt; evidence only once asked for; the proposal after the judgement): every
 * complaint not closed gets its deadlines recomputed from its own history, and a `clocks_recomputed`
 * event says what moved, so the history stays the one account of every deadline. A batch per
 * transaction; a marker spares later starts the scan. Returns how many complaints changed.
 */
export async function upgradeOpenClocks(app: AppContext): Promise<number> {
  const done = await app.db
    .selectFrom('settings')
    .select('key')
    .where('key', '=', CLOCKS_UPGRADED)
    .executeTakeFirst();
  if (done) return 0;
  const sla = await loadSlaContext(app, app.db);
  let changed = 0;
  for (let after = 0; ; ) {
    const ids = (
      await app.db
        .selectFrom('complaints')
        .select('id')
        .where('status', '!=', 'closed')
        .where('id', '>', after)
        .orderBy('id')
        .limit(BATCH)
        .execute()
    ).map((r) => r.id);
    const last = ids.at(-1);
    if (last === undefined) break;
    changed += await app.db.transaction().execute((tx) => recomputeBatch(tx, app, sla, ids));
    after = last;
  }
  await app.db
    .insertInto('settings')
    .values({ key: CLOCKS_UPGRADED, value: 'true', updated_at: app.clock.now() })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  return changed;
}

async function recomputeBatch(tx: Tx, app: AppContext, sla: SlaContext, ids: number[]): Promise<number> {
  const now = app.clock.now();
  const complaints = await tx
    .selectFrom('complaints')
    .select(['id', 'category_id', 'priority', 'received_at', 'referral_due_at'])
    .where('id', 'in', ids)
    .forUpdate()
    .execute();
  const history = await tx
    .selectFrom('events')
    .select(['stream_id', 'kind', 'at'])
    .where('stream_type', '=', 'complaint')
    .where('stream_id', 'in', ids)
    .orderBy('stream_id')
    .orderBy('seq')
    .execute();
  const deadlines = await tx
    .selectFrom('complaint_deadlines')
    .selectAll()
    .where('complaint_id', 'in', ids)
    .execute();
  const events = [];
  for (const c of complaints) {
    const replayed = replayClocks(
      sla,
      await clockSubject(tx, c),
      history.filter((e) => e.stream_id === c.id),
      { receivedAt: c.received_at, externalDueAt: c.referral_due_at },
    );
    const before = new Map(deadlines.filter((d) => d.complaint_id === c.id).map((d) => [d.stage, d]));
    const rows = [...replayed.values()].map((r) => keepNotices(r, before.get(r.stage)));
    const clocks = difference(before, rows);
    if (!clocks) continue;
    await tx.deleteFrom('complaint_deadlines').where('complaint_id', '=', c.id).execute();
    if (rows.length)
      await tx
        .insertInto('complaint_deadlines')
        .values(rows.map((r) => ({ complaint_id: c.id, ...r })))
        .execute();
    events.push({
      streamType: 'complaint',
      streamId: c.id,
      actorId: null,
      at: now,
      kind: 'clocks_recomputed',
      data: { reason: 'upgrade', clocks },
    });
  }
  if (!events.length) return 0;
  await refreshDueAt(
    tx,
    events.map((e) => e.streamId),
  );
  await appendEvents(tx, events);
  return events.length;
}

/** A reminder or a breach already sent stays recorded only if it still falls due under the new times. */
function keepNotices(row: ClockRow, old: ClockRow | undefined): ClockRow {
  if (!old || old.started_at !== row.started_at) return row;
  return {
    ...row,
    reminded_at:
      old.reminded_at !== null && row.remind_at !== null && row.remind_at <= old.reminded_at
        ? old.reminded_at
        : null,
    breached_at: old.breached_at !== null && row.due_at <= old.breached_at ? old.breached_at : null,
  };
}

/** What the upgrade changed in a complaint's clocks, for its history; null when nothing did. */
function difference(before: Map<string, ClockRow>, after: ClockRow[]): ClockChanges | null {
  const started: NonNullable<ClockChanges['started']> = [];
  const recomputed: NonNullable<ClockChanges['recomputed']> = [];
  const met: Stage[] = [];
  for (const r of after) {
    const old = before.get(r.stage);
    const stage = r.stage as Stage;
    if (!old) {
      if (r.met_at === null) started.push({ stage, dueAt: iso(r.due_at) });
    } else if (old.due_at !== r.due_at) recomputed.push({ stage, from: iso(old.due_at), to: iso(r.due_at) });
    else if (old.met_at === null && r.met_at !== null) met.push(stage);
    else if (old.met_at !== null && r.met_at === null) started.push({ stage, dueAt: iso(r.due_at) });
  }
  const kept = new Set(after.map((r) => r.stage));
  const dropped = [...before.keys()].filter((s) => !kept.has(s)) as Stage[];
  const changes = {
    ...(started.length ? { started } : {}),
    ...(recomputed.length ? { recomputed } : {}),
    ...(met.length ? { met } : {}),
    ...(dropped.length ? { dropped } : {}),
  };
  return Object.keys(changes).length ? changes : null;
}
