/**
 * The detectors that react to what happens to complaints, following the append-only history with a
 * watermark (off the registration path): escalation words in a new complaint or a customer's
 * message, a very dissatisfied survey, a customer or waybill coming back, a person or station named
 * responsible again and again.
 */
import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/database.js';
import { COMPLAINT_STREAM } from '../complaints/index.js';
import { catchUpInShortTransactions, defineJob } from '../jobs/index.js';
import { escalationWords, wordList } from './escalation-words.js';
import { raiseWarning } from './raise.js';
import { repeatWarnings } from './repeats.js';
import { loadWarningSettings, type WarningSettings } from './settings.js';
import { readPosition, savePosition } from './watermarks.js';

export const FOLLOW_EVENTS_JOB = 'warnings.follow-events';
export const FOLLOW_EVENTS_EVERY_MS = 30_000;
const WATERMARK = 'events';
/** The most events one transaction follows: the tests' loops take this many, the job sizes its batches up to it. */
const MAX_BATCH = 1_000;
/** As for the statistics: a missing event id may still be committing on PostgreSQL. */
const GAP_GRACE_MS = 60_000;
const WATCHED = ['registered', 'customer_message', 'survey_submitted', 'judged'];
/**
 * An early warning is about now: events older than this, followed late (a history loaded at once, an
 * import, a long outage), move the watermark on but raise nothing — the demo's 90 days of history
 * otherwise raised 升级风险 for complaints archived in September.
 */
export const STALE_AFTER_MS = 7 * 24 * 3_600_000;

interface Watched {
  complaintId: number;
  kind: string;
  data: Record<string, unknown>;
}

/** Follow at most `batch` events after the watermark, moving it on; returns how many (0: caught up). */
export async function followEvents(tx: Tx, app: AppContext, batch = MAX_BATCH): Promise<number> {
  const now = app.clock.now();
  const from = await readPosition(tx, WATERMARK);
  const events = await tx
    .selectFrom('events')
    .select(['id', 'stream_type', 'stream_id', 'kind', 'at', 'data'])
    .where('id', '>', from)
    .orderBy('id')
    .limit(batch)
    .execute();
  let next = from;
  const watched: Watched[] = [];
  for (const e of events) {
    if (e.id !== next + 1 && now - e.at < GAP_GRACE_MS) break;
    next = e.id;
    if (e.stream_type === COMPLAINT_STREAM && WATCHED.includes(e.kind) && now - e.at <= STALE_AFTER_MS)
      watched.push({ complaintId: e.stream_id, kind: e.kind, data: JSON.parse(e.data) });
  }
  if (next === from) return 0;
  if (watched.length) await react(tx, app, watched, await loadWarningSettings(tx));
  await savePosition(tx, WATERMARK, next, now);
  return next - from;
}

async function react(tx: Tx, app: AppContext, watched: Watched[], settings: WarningSettings) {
  const list = wordList(settings.escalationWords);
  const ids = [...new Set(watched.map((w) => w.complaintId))];
  const complaints = new Map(
    (
      await tx
        .selectFrom('complaints')
        .select(['id', 'number', 'title', 'content', 'demands', 'unit_id'])
        .where('id', 'in', ids)
        .execute()
    ).map((c) => [c.id, c]),
  );
  for (const w of watched) {
    const c = complaints.get(w.complaintId);
    if (!c) continue;
    const scope = { kind: 'complaint' as const, key: String(c.id), label: c.number };
    if (w.kind === 'registered' || w.kind === 'customer_message') {
      const text =
        w.kind === 'registered' ? `${c.title}\n${c.content}\n${c.demands}` : await messageText(tx, w.data);
      const found = escalationWords(text, list);
      if (found.length)
        await raiseWarning(tx, app, {
          kind: 'escalation_risk',
          scope,
          unitId: c.unit_id,
          figures: { words: found, source: w.kind === 'registered' ? 'complaint' : 'message' },
          complaintIds: [c.id],
        });
    }
    if (w.kind === 'survey_submitted') {
      const scores = ['speed', 'effectiveness', 'attitude', 'transparency'].map((k) => Number(w.data[k]));
      const recommendation = Number(w.data.recommendation);
      if (recommendation <= settings.dissatisfiedAtMost || scores.every((s) => s === 1))
        await raiseWarning(tx, app, {
          kind: 'dissatisfied',
          scope,
          unitId: c.unit_id,
          figures: { recommendation, lowestScore: Math.min(...scores) },
          complaintIds: [c.id],
        });
    }
  }
  await repeatWarnings(
    tx,
    app,
    settings,
    watched.filter((w) => w.kind === 'registered').map((w) => w.complaintId),
    watched.filter((w) => w.kind === 'judged').map((w) => w.complaintId),
  );
}

async function messageText(tx: Tx, data: Record<string, unknown>): Promise<string> {
  if (typeof data.messageId !== 'number') return '';
  const m = await tx
    .selectFrom('complaint_messages')
    .select('body')
    .where('id', '=', data.messageId)
    .executeTakeFirst();
  return m?.body ?? '';
}

export const followEventsJob = defineJob({
  kind: FOLLOW_EVENTS_JOB,
  payload: Type.Object({}),
  // In short transactions, as the statistics' catch-up: on SQLite a long one stalls every request.
  handler: (ctx) =>
    catchUpInShortTransactions(ctx, (tx, batch) => followEvents(tx, ctx, batch), {
      minBatch: 50,
      maxBatch: MAX_BATCH,
      txBudgetMs: 25,
      runBudgetMs: FOLLOW_EVENTS_EVERY_MS / 2,
    }),
  maxAttempts: 2,
});
