import { Type } from 'typebox';
import type { Tx } from '../../db/database.js';
import { defineJob, PermanentJobError } from '../jobs/index.js';
import { type PostResult, postWebhook } from './post-webhook.js';
import { signatureHeader } from './signature.js';
import { signingSecret } from './subscriptions.js';

export const DELIVER_WEBHOOK_JOB = 'webhooks.deliver';
/** Attempts of one send (first try and retries with the job system's exponential backoff). */
export const DELIVERY_ATTEMPTS = 8;

const ATTEMPT_TRIGGERS = ['auto', 'replay'] as const;
export type AttemptTrigger = (typeof ATTEMPT_TRIGGERS)[number];

const isSuccess = (r: PostResult) => r.statusCode !== null && r.statusCode >= 200 && r.statusCode < 300;

async function recordAttempt(
  tx: Tx,
  deliveryId: number,
  result: PostResult,
  options: { trigger: AttemptTrigger; state: 'pending' | 'delivered' | 'failed'; now: number },
) {
  const { trigger, state, now } = options;
  await tx
    .insertInto('webhook_attempts')
    .values({
      delivery_id: deliveryId,
      at: now,
      status_code: result.statusCode,
      duration_ms: result.durationMs,
      error: result.error,
      response_snippet: result.responseSnippet,
      trigger,
    })
    .execute();
  await tx
    .updateTable('webhook_deliveries')
    .set((eb) => ({
      state,
      attempts: eb('attempts', '+', 1),
      last_attempt_at: now,
      ...(state === 'delivered' ? { delivered_at: now } : {}),
    }))
    .where('id', '=', deliveryId)
    .execute();
}

/**
 * Send one delivery: its stored body, signed now, with its stable id. A 2xx delivers it; anything
 * else is recorded and fails the attempt, so the job system retries with backoff until the last
 * attempt, which leaves the delivery `failed`. A delivery whose subscription was deleted is dropped.
 */
export const deliverWebhookJob = defineJob({
  kind: DELIVER_WEBHOOK_JOB,
  payload: Type.Object({
    deliveryId: Type.Integer({ minimum: 1 }),
    trigger: Type.Optional(Type.Enum([...ATTEMPT_TRIGGERS])),
  }),
  maxAttempts: DELIVERY_ATTEMPTS,
  timeoutMs: 30_000,
  handler: async (ctx, payload, job) => {
    const delivery = await ctx.db
      .selectFrom('webhook_deliveries as d')
      .innerJoin('webhook_subscriptions as s', 's.id', 'd.subscription_id')
      .select(['d.id', 'd.public_id', 'd.kind', 'd.payload', 's.url', 's.secret'])
      .where('d.id', '=', payload.deliveryId)
      .executeTakeFirst();
    if (!delivery) return;
    const body = delivery.payload;
    const result = await postWebhook(delivery.url, body, {
      'x-kesu-event': delivery.kind,
      'x-kesu-delivery': delivery.public_id,
      'x-kesu-signature': signatureHeader(
        signingSecret(ctx, delivery),
        body,
        Math.floor(ctx.clock.now() / 1000),
      ),
    });
    const trigger = payload.trigger ?? 'auto';
    const now = ctx.clock.now();
    if (isSuccess(result)) {
      await ctx.runInJobTransaction((tx) =>
        recordAttempt(tx, delivery.id, result, { trigger, state: 'delivered', now }),
      );
      return;
    }
    const last = result.refused || job.attempts >= DELIVERY_ATTEMPTS;
    await ctx.db
      .transaction()
      .execute((tx) =>
        recordAttempt(tx, delivery.id, result, { trigger, state: last ? 'failed' : 'pending', now }),
      );
    const reason = result.statusCode === null ? result.error : `receiver answered ${result.statusCode}`;
    if (result.refused) throw new PermanentJobError(reason ?? 'refused');
    throw new Error(`webhook delivery ${delivery.public_id}: ${reason}`);
  },
});
