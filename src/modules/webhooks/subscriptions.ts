import type { Selectable } from 'kysely';
import type { ActorContext } from '../../context.js';
import type { Db, Tx } from '../../db/database.js';
import type { WebhookSubscriptionTable } from '../../db/schema.js';
import { notFound } from '../../lib/errors.js';
import { appendEvent } from '../audit/index.js';
import { requireAdmin } from '../org/index.js';
import { open, piiKeys, seal } from '../privacy/index.js';
import type { SubscriptionInput, SubscriptionView, WebhookEventKind } from './schemas.js';
import { newSigningSecret } from './signature.js';
import { checkTargetUrl } from './target-url.js';

export const SUBSCRIPTION_STREAM = 'webhook_subscription';
type SubscriptionRow = Selectable<WebhookSubscriptionTable>;

const iso = (ms: number) => new Date(ms).toISOString();

export const toSubscriptionView = (r: SubscriptionRow): SubscriptionView => ({
  id: r.id,
  url: r.url,
  kinds: JSON.parse(r.kinds) as WebhookEventKind[],
  description: r.description,
  active: r.active === 1,
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
});

/** The subscription row, or 404 `webhook_subscription_not_found`. */
export async function findSubscription(db: Db | Tx, id: number, lock = false): Promise<SubscriptionRow> {
  let q = db.selectFrom('webhook_subscriptions').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw notFound('webhook_subscription_not_found', { id });
  return row;
}

/** The signing secret in clear, for signing a delivery. */
export const signingSecret = (ctx: { config: { secret: Buffer } }, row: Pick<SubscriptionRow, 'secret'>) =>
  open(piiKeys(ctx.config.secret), row.secret);

export async function listSubscriptions(ctx: ActorContext): Promise<SubscriptionView[]> {
  requireAdmin(ctx.actor);
  const rows = await ctx.db.selectFrom('webhook_subscriptions').selectAll().orderBy('id').execute();
  return rows.map(toSubscriptionView);
}

/** What the history records of a subscription (never its secret). */
const recorded = (r: SubscriptionRow) => {
  const { url, kinds, description, active } = toSubscriptionView(r);
  return { url, kinds, description, active };
};

async function record(tx: Tx, ctx: ActorContext, id: number, kind: string, data: Record<string, unknown>) {
  await appendEvent(tx, {
    streamType: SUBSCRIPTION_STREAM,
    streamId: id,
    actorId: ctx.actor.userId,
    at: ctx.clock.now(),
    kind,
    data,
  });
}

/** A new subscription; it hears of history events from now on. Its secret is answered this once. */
export async function createSubscription(ctx: ActorContext, input: SubscriptionInput) {
  requireAdmin(ctx.actor);
  const url = checkTargetUrl(input.url);
  const secret = newSigningSecret();
  const now = ctx.clock.now();
  const row = await ctx.db.transaction().execute(async (tx) => {
    const newest = await tx
      .selectFrom('events')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirst();
    const created = await tx
      .insertInto('webhook_subscriptions')
      .values({
        url,
        description: input.description?.trim() ?? '',
        kinds: JSON.stringify(input.kinds),
        active: input.active === false ? 0 : 1,
        secret: seal(piiKeys(ctx.config.secret), secret),
        since_event_id: Number(newest?.id ?? 0),
        created_by: ctx.actor.userId,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await record(tx, ctx, created.id, 'webhook_subscription_created', recorded(created));
    return created;
  });
  return { ...toSubscriptionView(row), secret };
}

export async function updateSubscription(ctx: ActorContext, id: number, input: SubscriptionInput) {
  requireAdmin(ctx.actor);
  const url = checkTargetUrl(input.url);
  return ctx.db.transaction().execute(async (tx) => {
    const before = await findSubscription(tx, id, true);
    const after = await tx
      .updateTable('webhook_subscriptions')
      .set({
        url,
        description: input.description?.trim() ?? before.description,
        kinds: JSON.stringify(input.kinds),
        active: input.active === undefined ? before.active : input.active ? 1 : 0,
        updated_at: ctx.clock.now(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await record(tx, ctx, id, 'webhook_subscription_updated', {
      before: recorded(before),
      after: recorded(after),
    });
    return toSubscriptionView(after);
  });
}

/** A new signing secret, answered this once; the old one stops signing at once. */
export async function rotateSecret(ctx: ActorContext, id: number) {
  requireAdmin(ctx.actor);
  const secret = newSigningSecret();
  const row = await ctx.db.transaction().execute(async (tx) => {
    await findSubscription(tx, id, true);
    const updated = await tx
      .updateTable('webhook_subscriptions')
      .set({ secret: seal(piiKeys(ctx.config.secret), secret), updated_at: ctx.clock.now() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await record(tx, ctx, id, 'webhook_secret_rotated', {});
    return updated;
  });
  return { ...toSubscriptionView(row), secret };
}

/** Remove a subscription with its delivery log; the history keeps that it existed. */
export async function deleteSubscription(ctx: ActorContext, id: number): Promise<void> {
  requireAdmin(ctx.actor);
  await ctx.db.transaction().execute(async (tx) => {
    const row = await findSubscription(tx, id, true);
    const deliveries = tx.selectFrom('webhook_deliveries').select('id').where('subscription_id', '=', id);
    await tx.deleteFrom('webhook_attempts').where('delivery_id', 'in', deliveries).execute();
    await tx.deleteFrom('webhook_deliveries').where('subscription_id', '=', id).execute();
    await tx.deleteFrom('webhook_subscriptions').where('id', '=', id).execute();
    await record(tx, ctx, id, 'webhook_subscription_deleted', recorded(row));
  });
}
