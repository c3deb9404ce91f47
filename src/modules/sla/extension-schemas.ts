import { type Static, Type } from 'typebox';

export const EXTENSION_STATUSES = ['pending', 'approved', 'refused'] as const;

export const ExtensionRequestBody = Type.Object(
  {
    days: Type.Integer({ minimum: 1, maximum: 60, description: 'working days added to every running limit' }),
    reason: Type.String({ minLength: 1, maxLength: 500, description: 'shown to the customer once approved' }),
  },
  { additionalProperties: false },
);
export type ExtensionRequest = Static<typeof ExtensionRequestBody>;

export const ExtensionDecisionBody = Type.Object(
  { comment: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);
export const ExtensionRefusalBody = Type.Object(
  { comment: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
);

const Person = Type.Union([Type.Object({ id: Type.Integer(), name: Type.String() }), Type.Null()]);
const Instant = Type.String({ format: 'date-time' });

export const ExtensionSchema = Type.Object({
  id: Type.Integer(),
  number: Type.String({ description: 'the complaint' }),
  title: Type.String(),
  days: Type.Integer(),
  reason: Type.String(),
  status: Type.Enum(EXTENSION_STATUSES),
  requestedBy: Person,
  requestedAt: Instant,
  decidedBy: Person,
  decidedAt: Type.Union([Instant, Type.Null()]),
  comment: Type.Union([Type.String(), Type.Null()]),
  expectedAt: Type.Union([Instant, Type.Null()], {
    description: 'approved: the expected completion time it gave the customer',
  }),
});
export type ExtensionView = Static<typeof ExtensionSchema>;

export const ExtensionsSchema = Type.Object({
  items: Type.Array(ExtensionSchema),
  approvedDays: Type.Integer({ description: 'working days approved so far' }),
  maxDays: Type.Integer({ description: 'the most working days a complaint may be extended by' }),
});
export type ExtensionsView = Static<typeof ExtensionsSchema>;

export const PendingExtensionsSchema = Type.Object({ items: Type.Array(ExtensionSchema) });

export const ExtensionSettingsSchema = Type.Object(
  {
    maxDays: Type.Integer({
      minimum: 0,
      maximum: 60,
      description: 'total working days of approved extensions per complaint; 0: none',
    }),
  },
  { additionalProperties: false },
);
export type ExtensionSettings = Static<typeof ExtensionSettingsSchema>;

const Interval = Type.Integer({
  minimum: 0,
  maximum: 60,
  description: 'working days; 0: no progress notices',
});
export const ProgressSettingsSchema = Type.Object(
  { P1: Interval, P2: Interval, P3: Interval, P4: Interval },
  {
    additionalProperties: false,
    description: '进度通知 every N working days since the last notice, per priority',
  },
);
export type ProgressSettings = Static<typeof ProgressSettingsSchema>;
