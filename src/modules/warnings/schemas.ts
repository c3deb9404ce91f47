import { type Static, Type } from 'typebox';
import { Id } from '../../server/endpoint.js';
import { SCOPE_KINDS, WARNING_KINDS, WARNING_STATUSES } from './rules.js';
import { SENSITIVITIES } from './sensitivity.js';

const When = Type.String({ format: 'date-time' });
const Note = Type.String({ maxLength: 2000 });
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Person = Type.Object({ id: Type.Integer(), name: Type.String() });

export const WarningIdParams = Type.Object({ id: Id() });

export const WarningListQuery = Type.Object(
  {
    kind: Type.Optional(Type.Enum(WARNING_KINDS)),
    status: Type.Optional(Type.Enum(WARNING_STATUSES)),
    unitId: Type.Optional(Type.Integer({ minimum: 1 })),
    cursor: Type.Optional(Type.String({ maxLength: 500 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
);
export type WarningListInput = Static<typeof WarningListQuery>;

export const WarningSummarySchema = Type.Object({
  id: Type.Integer(),
  kind: Type.Enum(WARNING_KINDS),
  scope: Type.Object({ kind: Type.Enum(SCOPE_KINDS), key: Type.String(), label: Type.String() }),
  status: Type.Enum(WARNING_STATUSES),
  unit: Type.Object({ id: Type.Integer(), name: Type.String() }),
  owner: Type.Union([Person, Type.Null()]),
  figures: Type.Record(Type.String(), Type.Unknown()),
  complaints: Type.Integer({ description: 'how many complaints are kept with the warning' }),
  triggers: Type.Integer({ description: 'how often it was triggered (a new trigger updates it)' }),
  actionId: Type.Union([Type.Integer(), Type.Null()]),
  raisedAt: When,
  updatedAt: When,
});
export type WarningSummary = Static<typeof WarningSummarySchema>;

export const WarningListResponse = Type.Object({
  items: Type.Array(WarningSummarySchema),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

export const SeriesPoint = Type.Object({
  date: Type.String(),
  count: Type.Integer(),
  expected: Type.Number(),
  upper: Type.Number(),
});

export const WarningSchema = Type.Object({
  ...WarningSummarySchema.properties,
  /** Spikes: the scope's daily counts against the expected level and its band. */
  series: Type.Array(SeriesPoint),
  linked: Type.Array(
    Type.Object({ number: Type.String(), title: Type.String(), status: Type.String(), receivedAt: When }),
  ),
  history: Type.Array(
    Type.Object({
      seq: Type.Integer(),
      at: When,
      kind: Type.String(),
      actor: Type.Union([
        Type.Object({ id: Type.Integer(), name: Type.Union([Type.String(), Type.Null()]) }),
        Type.Null(),
      ]),
      data: Type.Record(Type.String(), Type.Unknown()),
      comment: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
  may: Type.Object({ manage: Type.Boolean() }),
});
export type WarningView = Static<typeof WarningSchema>;

export const NoteBody = Type.Object({ note: Type.Optional(Note) }, { additionalProperties: false });
export const AssignBody = Type.Object(
  { ownerId: Type.Integer({ minimum: 1 }), note: Type.Optional(Note) },
  { additionalProperties: false },
);
export const OpenActionBody = Type.Object(
  { ownerId: Type.Optional(Type.Integer({ minimum: 1 })), dueAt: Type.Optional(When) },
  { additionalProperties: false },
);
export type OpenActionInput = Static<typeof OpenActionBody>;

const Rule = Type.Object(
  { count: Type.Integer({ minimum: 1, maximum: 1000 }), days: Type.Integer({ minimum: 1, maximum: 365 }) },
  { additionalProperties: false },
);
export const WarningSettingsSchema = Type.Object(
  {
    sensitivity: Type.Enum(SENSITIVITIES),
    scopeSensitivity: Type.Record(Type.String({ maxLength: 200 }), Type.Enum(SENSITIVITIES)),
    repeatCustomer: Rule,
    repeatWaybill: Rule,
    repeatPerson: Rule,
    repeatStation: Rule,
    escalationWords: Type.Array(Type.String({ minLength: 1, maxLength: 50 }), { maxItems: 500 }),
    dissatisfiedAtMost: Type.Integer({ minimum: 0, maximum: 10 }),
    nearBreach: Type.Object(
      {
        share: Type.Number({ minimum: 0.01, maximum: 1 }),
        minOpen: Type.Integer({ minimum: 1 }),
        withinHours: Type.Integer({ minimum: 1, maximum: 720 }),
      },
      { additionalProperties: false },
    ),
    festivals: Type.Array(
      Type.Object(
        {
          key: Type.String({ minLength: 1, maxLength: 40 }),
          nameZh: Type.String({ minLength: 1, maxLength: 40 }),
          nameEn: Type.String({ minLength: 1, maxLength: 80 }),
          windows: Type.Array(Type.Object({ from: Day, to: Day }, { additionalProperties: false }), {
            maxItems: 50,
          }),
        },
        { additionalProperties: false },
      ),
      { maxItems: 30 },
    ),
  },
  { additionalProperties: false },
);
