import { randomUUID } from 'node:crypto';
import type { ActorContext } from '../../context.js';
import type { Tx } from '../../db/database.js';
import { decodeCursor, encodeCursor } from '../../lib/cursor.js';
import { notFound } from '../../lib/errors.js';
import { appendEvent } from '../audit/index.js';
import { enqueue } from '../jobs/index.js';
import { requireAdmin } from '../org/index.js';
import { deliverWebhookJob } from './deliver.js';
import type { EventPayload } from './payload.js';
import {
  DELIVERY_STATES,
  type DeliveryList,
  type DeliveryListInput,
  type DeliveryView,
  TEST_EVENT_KIND,
} from './schemas.js';
import { findSubscription, SUBSCRIPTION_STREAM } from './subscriptions.js';

/**
 * A delivery of `payload` to a subscription, sent by a job queued in the same transaction. With an
 * event id, a second delivery of the same event to the same subscription is not made (null).
 */
export async function createDelivery(
  tx: Tx,
  input: { subscriptionId: number; eventId: number | null; kind: string; payload: EventPayload; now: number },
): Promise<{ id: number; deliveryId: string } | null> {
  const { now } = input;
  const deliveryId = randomUUID();
  const row = await tx
    .insertInto('webhook_deliveries')
    .values({
      public_id: deliveryId,
      subscription_id: input.subscriptionId,
      event_id: input.eventId,
      kind: input.kind,
      payload: JSON.stringify(input.payload),
      state: 'pending',
      attempts: 0,
      created_at: now,
    })
    .onConflict((oc) => oc.columns(['subscription_id', 'event_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) return null;
  await enqueue(tx, deliverWebhookJob, { deliveryId: row.id }, { now });
  return { id: row.id, deliveryId };
}

const iso = (ms: number) => new Date(ms).toISOString();
const DEFAULT_PAGE = 20;

/** A subscription's deliveries, newest first, each with its attempts (oldest first). */
export async function listDeliveries(
  ctx: ActorContext,
  subscriptionId: number,
  input: DeliveryListInput,
): Promise<DeliveryList> {
  requireAdmin(ctx.actor);
  await findSubscription(ctx.db, subscriptionId);
  const limit = input.limit ?? DEFAULT_PAGE;
  let q = ctx.db.selectFrom('webhook_deliveries').selectAll().where('subscription_id', '=', subscriptionId);
  if (input.cursor) q = q.where('id', '<', decodeCursor(input.cursor, 'integer')[1]);
  const rows = await q
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const ids = page.map((r) => r.id);
  const attempts = ids.length
    ? await ctx.db
        .selectFrom('webhook_attempts')
        .selectAll()
        .where('delivery_id', 'in', ids)
        .orderBy('id')
        .execute()
    : [];
  const last = page.at(-1);
  return {
    items: page.map(
      (r): DeliveryView => ({
        id: r.id,
        deliveryId: r.public_id,
        eventId: r.event_id,
        kind: r.kind,
        state: DELIVERY_STATES.find((s) => s === r.state) ?? 'pending',
        createdAt: iso(r.created_at),
        deliveredAt: r.delivered_at === null ? null : iso(r.delivered_at),
        payload: r.payload,
        attempts: attempts
          .filter((a) => a.delivery_id === r.id)
          .map((a) => ({
            at: iso(a.at),
            statusCode: a.status_code,
            durationMs: a.duration_ms,
            error: a.error,
            responseSnippet: a.response_snippet,
            trigger: a.trigger === 'replay' ? ('replay' as const) : ('auto' as const),
          })),
      }),
    ),
    nextCursor: rows.length > limit && last ? encodeCursor([null, last.id]) : null,
  };
}

/** Send a delivery again: the same body and delivery id, a new attempt (and retries) now. */
export async function replayDelivery(ctx: ActorContext, subscriptionId: number, deliveryId: number) {
  requireAdmin(ctx.actor);
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (tx) => {
    const delivery = await tx
      .updateTable('webhook_deliveries')
      .set({ state: 'pending' })
      .where('id', '=', deliveryId)
      .where('subscription_id', '=', subscriptionId)
      .returning(['id', 'public_id'])
      .executeTakeFirst();
    if (!delivery) throw notFound('webhook_delivery_not_found', { id: deliveryId });
    await enqueue(tx, deliverWebhookJob, { deliveryId, trigger: 'replay' }, { now });
    await appendEvent(tx, {
      streamType: SUBSCRIPTION_STREAM,
      streamId: subscriptionId,
      actorId: ctx.actor.userId,
      at: now,
      kind: 'webhook_delivery_replayed',
      data: { deliveryId: delivery.public_id },
    });
    return { deliveryId: delivery.public_id };
  });
}

/** Queue a `webhook.test` delivery to the subscription (whether or not it is active). */
export async function sendTestEvent(ctx: ActorContext, subscriptionId: number) {
  requireAdmin(ctx.actor);
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (tx) => {
    await findSubscription(tx, subscriptionId);
    const made = await createDelivery(tx, {
      subscriptionId,
      eventId: null,
      kind: TEST_EVENT_KIND,
      payload: {
        eventId: null,
        kind: TEST_EVENT_KIND,
        historyKind: null,
        occurredAt: iso(now),
        complaint: null,
        statusChange: null,
      },
      now,
    });
    // A test event has no history event, so nothing can have taken its place.
    return { deliveryId: made?.deliveryId ?? '' };
  });
}
