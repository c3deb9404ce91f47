import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/database.js';
import { COMPLAINT_STREAM } from '../complaints/index.js';
import { defineJob } from '../jobs/index.js';
import { createDelivery } from './deliveries.js';
import { kindFor, webhookKindsOf } from './event-kinds.js';
import { complaintSnapshots, eventPayload } from './payload.js';

export const DISPATCH_WEBHOOKS_JOB = 'webhooks.dispatch';
/** How often the dispatcher looks for new history events. */
export const DISPATCH_EVERY_MS = 2_000;
const WATERMARK = 'events';
const BATCH = 500;
/**
 * On PostgreSQL an event id is taken before its transaction commits, so a later id can be visible
 * before an earlier one: the watermark does not pass a missing id until the events after it are
 * this old (a transaction still open by then is taken to have rolled back, leaving the gap for good).
 */
const GAP_GRACE_MS = 60_000;

/**
 * Turn the history events after the watermark into deliveries for the active subscriptions that
 * asked for their kind, and move the watermark on; all in the caller's transaction. Events past a
 * gap are dispatched at once and met again until the gap closes: a second delivery of an event to
 * a subscription is not made. Returns the deliveries made.
 */
export async function dispatchEvents(tx: Tx, app: AppContext): Promise<number> {
  const now = app.clock.now();
  const mark = await tx
    .selectFrom('webhook_watermarks')
    .select('event_id')
    .where('name', '=', WATERMARK)
    .forUpdate()
    .executeTakeFirst();
  const subscriptions = (
    await tx
      .selectFrom('webhook_subscriptions')
      .select(['id', 'kinds', 'since_event_id'])
      .where('active', '=', 1)
      .execute()
  ).map((s) => ({ ...s, kinds: JSON.parse(s.kinds) as string[] }));
  // Nobody listens: nothing to read or write (a new subscription starts after its since_event_id).
  if (subscriptions.length === 0) return 0;
  const from = Math.max(mark?.event_id ?? 0, Math.min(...subscriptions.map((s) => s.since_event_id)));
  const events = await tx
    .selectFrom('events')
    .select(['id', 'stream_type', 'stream_id', 'kind', 'at', 'data'])
    .where('id', '>', from)
    .orderBy('id')
    .limit(BATCH)
    .execute();
  const matches = events
    .filter((e) => e.stream_type === COMPLAINT_STREAM)
    .flatMap((row) => {
      const e = { ...row, data: JSON.parse(row.data) as unknown };
      const kinds = webhookKindsOf(e.kind, e.data);
      return subscriptions.flatMap((s) => {
        const kind = e.id > s.since_event_id ? kindFor(s.kinds, kinds) : null;
        return kind ? [{ event: e, subscriptionId: s.id, kind }] : [];
      });
    });
  const complaints = await complaintSnapshots(
    tx,
    matches.map((m) => m.event.stream_id),
    app.config.publicUrl,
  );
  let count = 0;
  for (const m of matches) {
    const complaint = complaints.get(m.event.stream_id);
    if (!complaint) continue;
    const made = await createDelivery(tx, {
      subscriptionId: m.subscriptionId,
      eventId: m.event.id,
      kind: m.kind,
      payload: eventPayload(m.event, m.kind, complaint),
      now,
    });
    if (made) count++;
  }
  let next = from;
  for (const e of events) {
    if (e.id !== next + 1 && now - e.at < GAP_GRACE_MS) break;
    next = e.id;
  }
  await saveWatermark(tx, next, now);
  return count;
}

async function saveWatermark(tx: Tx, eventId: number, now: number): Promise<void> {
  await tx
    .insertInto('webhook_watermarks')
    .values({ name: WATERMARK, event_id: eventId, updated_at: now })
    .onConflict((oc) => oc.column('name').doUpdateSet({ event_id: eventId, updated_at: now }))
    .execute();
}

/** The recurring dispatcher: its effects and its completion commit together. */
export const dispatchWebhooksJob = defineJob({
  kind: DISPATCH_WEBHOOKS_JOB,
  payload: Type.Object({}),
  handler: async (ctx) => {
    await ctx.runInJobTransaction((tx) => dispatchEvents(tx, ctx));
  },
  // A missed run is made up by the next one.
  maxAttempts: 2,
});
