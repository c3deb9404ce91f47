import { type Static, Type } from 'typebox';

/**
 * What an integration can subscribe to. Each is fed by history event kinds of the complaint stream
 * (see event-kinds.ts); `complaint.status_changed` by every event that changes the status.
 */
export const WEBHOOK_EVENT_KINDS = [
  'complaint.registered',
  'complaint.accepted',
  'complaint.assigned',
  'complaint.status_changed',
  'complaint.replied',
  'complaint.closed',
  'complaint.reopened',
  'complaint.escalated',
  'complaint.message_received',
  'complaint.survey_answered',
] as const;
export type WebhookEventKind = (typeof WEBHOOK_EVENT_KINDS)[number];

/** The kind of the event the console's "send test event" sends. */
export const TEST_EVENT_KIND = 'webhook.test';

export const DELIVERY_STATES = ['pending', 'delivered', 'failed'] as const;

export const SubscriptionBody = Type.Object(
  {
    url: Type.String({
      minLength: 1,
      maxLength: 2000,
      description: 'https:// (or http://) address to POST to',
    }),
    kinds: Type.Array(Type.Enum(WEBHOOK_EVENT_KINDS), { minItems: 1, uniqueItems: true }),
    description: Type.Optional(Type.String({ maxLength: 200 })),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type SubscriptionInput = Static<typeof SubscriptionBody>;

export const SubscriptionSchema = Type.Object({
  id: Type.Integer(),
  url: Type.String(),
  kinds: Type.Array(Type.Enum(WEBHOOK_EVENT_KINDS)),
  description: Type.String(),
  active: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type SubscriptionView = Static<typeof SubscriptionSchema>;

/** A subscription with its signing secret: answered once, at creation and at each rotation. */
export const SubscriptionWithSecretSchema = Type.Object({
  ...SubscriptionSchema.properties,
  secret: Type.String({ description: 'the signing secret; shown only this once' }),
});

export const AttemptSchema = Type.Object({
  at: Type.String({ format: 'date-time' }),
  statusCode: Type.Union([Type.Integer(), Type.Null()]),
  durationMs: Type.Integer(),
  error: Type.Union([Type.String(), Type.Null()]),
  responseSnippet: Type.Union([Type.String(), Type.Null()]),
  trigger: Type.Enum(['auto', 'replay']),
});

export const DeliverySchema = Type.Object({
  id: Type.Integer(),
  deliveryId: Type.String({ description: 'the X-Kesu-Delivery header, the same on every attempt' }),
  eventId: Type.Union([Type.Integer(), Type.Null()]),
  kind: Type.String(),
  state: Type.Enum(DELIVERY_STATES),
  createdAt: Type.String({ format: 'date-time' }),
  deliveredAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  payload: Type.String({ description: 'the JSON body as sent' }),
  attempts: Type.Array(AttemptSchema),
});
export type DeliveryView = Static<typeof DeliverySchema>;

export const DeliveryListQuery = Type.Object(
  {
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
);
export type DeliveryListInput = Static<typeof DeliveryListQuery>;

export const DeliveryListSchema = Type.Object({
  items: Type.Array(DeliverySchema),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
export type DeliveryList = Static<typeof DeliveryListSchema>;

/** The answer to queueing a delivery (a test event, a replay): it is sent by a job shortly. */
export const QueuedDeliverySchema = Type.Object({
  deliveryId: Type.String({ description: 'the X-Kesu-Delivery header the receiver will see' }),
});
