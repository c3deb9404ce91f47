import { type Static, Type } from 'typebox';
import { Id } from '../../server/endpoint.js';
import { ACTION_KINDS, ACTION_STATUSES, OUTCOMES } from './rules.js';

const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });
const When = Type.String({ format: 'date-time' });
const Person = Type.Object({ id: Type.Integer(), name: Type.String() });
const Named = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  nameEn: Type.Union([Type.String(), Type.Null()]),
});

export const CreateActionBody = Type.Object(
  {
    kind: Type.Enum(ACTION_KINDS),
    title: Text(200),
    description: Text(4000),
    rootCause: Text(4000),
    plan: Text(4000),
    unitId: Type.Integer({ minimum: 1 }),
    categoryId: Type.Optional(Type.Integer({ minimum: 1 })),
    region: Type.Optional(Text(100)),
    ownerId: Type.Integer({ minimum: 1 }),
    dueAt: When,
    effectDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
    complaintNumbers: Type.Array(Type.String({ minLength: 1, maxLength: 32 }), {
      minItems: 1,
      maxItems: 200,
      uniqueItems: true,
    }),
  },
  { additionalProperties: false },
);
export type CreateActionInput = Static<typeof CreateActionBody>;

export const NoteBody = Type.Object({ note: Text(4000) }, { additionalProperties: false });
export const VerifyBody = Type.Object(
  { accept: Type.Boolean(), comment: Text(2000) },
  { additionalProperties: false },
);
export type VerifyInput = Static<typeof VerifyBody>;
export const DueBody = Type.Object({ dueAt: When, reason: Text(2000) }, { additionalProperties: false });
export type DueInput = Static<typeof DueBody>;
export const CloseBody = Type.Object(
  { outcome: Type.Enum(OUTCOMES), comment: Text(2000) },
  { additionalProperties: false },
);
export type CloseInput = Static<typeof CloseBody>;

export const ActionListQuery = Type.Object(
  {
    status: Type.Optional(Type.Enum(ACTION_STATUSES)),
    unitId: Type.Optional(Type.Integer({ minimum: 1 })),
    ownerId: Type.Optional(Type.Integer({ minimum: 1 })),
    mine: Type.Optional(Type.Boolean()),
    cursor: Type.Optional(Type.String({ maxLength: 500 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
);
export type ActionListInput = Static<typeof ActionListQuery>;

export const ActionSummarySchema = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  title: Type.String(),
  status: Type.String(),
  unit: Named,
  owner: Person,
  dueAt: When,
  overdue: Type.Boolean(),
  complaints: Type.Integer({ description: 'how many complaints the action is linked to' }),
  createdAt: When,
});
export type ActionSummary = Static<typeof ActionSummarySchema>;

export const ActionListResponse = Type.Object({
  items: Type.Array(ActionSummarySchema),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

const Count = Type.Object({ from: When, to: When, count: Type.Integer() });
export const EffectivenessSchema = Type.Object({
  before: Count,
  after: Count,
  changePct: Type.Union([Type.Integer(), Type.Null()]),
  /** The after window has ended: the check may be recorded. */
  complete: Type.Boolean(),
});
export type Effectiveness = Static<typeof EffectivenessSchema>;

export const ActionSchema = Type.Object({
  ...ActionSummarySchema.properties,
  sourceKind: Type.String(),
  warningId: Type.Union([Type.Integer(), Type.Null()]),
  description: Type.String(),
  rootCause: Type.String(),
  plan: Type.String(),
  category: Type.Union([Named, Type.Null()]),
  region: Type.Union([Type.String(), Type.Null()]),
  ownerUnit: Named,
  progressNote: Type.Union([Type.String(), Type.Null()]),
  completionNote: Type.Union([Type.String(), Type.Null()]),
  doneAt: Type.Union([When, Type.Null()]),
  verifiedBy: Type.Union([Person, Type.Null()]),
  verifiedAt: Type.Union([When, Type.Null()]),
  verifyComment: Type.Union([Type.String(), Type.Null()]),
  effectDays: Type.Integer(),
  effectiveness: Type.Union([EffectivenessSchema, Type.Null()]),
  outcome: Type.Union([Type.String(), Type.Null()]),
  closedAt: Type.Union([When, Type.Null()]),
  createdBy: Person,
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
  /** What the caller may do now. */
  may: Type.Object({ progress: Type.Boolean(), manage: Type.Boolean() }),
});
export type ActionView = Static<typeof ActionSchema>;

export const ComplaintActionsResponse = Type.Object({ items: Type.Array(ActionSummarySchema) });
export const ActionIdParams = Type.Object({ id: Id() });
