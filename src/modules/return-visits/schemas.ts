import { type Static, type TSchema, Type } from 'typebox';
import { GRADES } from '../../domain/complaint-model.js';
import { SurveyBody } from '../portal/schemas.js';

const Day = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  description: 'YYYY-MM-DD in the organisation’s time zone',
});
const Days = Type.Integer({ minimum: 1, maximum: 365 });
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const DelayRuleSchema = Type.Object(
  {
    categoryId: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], {
      description: 'this category and its subtree; null: every category',
    }),
    grade: Type.Union([Type.Enum([...GRADES]), Type.Null()], { description: 'null: either grade' }),
    days: Days,
    never: Type.Boolean({ description: 'no return visit for these complaints' }),
  },
  { additionalProperties: false },
);
export type DelayRule = Static<typeof DelayRuleSchema>;

export const ReturnVisitSettingsBody = Type.Object(
  {
    majorDays: Type.Integer({ minimum: 1, maximum: 365, description: '重大客诉 days after closing' }),
    generalDays: Type.Integer({ minimum: 1, maximum: 365, description: '一般客诉 days after closing' }),
    sharePercent: Type.Integer({
      minimum: 0,
      maximum: 100,
      description: 'share of general complaints the customer was satisfied with that get a visit',
    }),
    maxAttempts: Type.Integer({
      minimum: 1,
      maximum: 10,
      description: 'calls before a visit closes as unreached',
    }),
    retryAfterDays: Type.Integer({
      minimum: 1,
      maximum: 30,
      description: 'the next attempt, unless the caller names a day',
    }),
    rules: Type.Array(DelayRuleSchema, {
      maxItems: 200,
      description: 'per category subtree and grade; the deepest category wins, a grade beats either',
    }),
  },
  { additionalProperties: false },
);
export type ReturnVisitSettings = Static<typeof ReturnVisitSettingsBody>;

export const VISIT_STATUSES = ['scheduled', 'done', 'unreached', 'cancelled'] as const;

export const ReturnVisitSchema = Type.Object({
  id: Type.Integer(),
  complaintNumber: Type.String(),
  title: Type.String(),
  grade: Type.Enum([...GRADES]),
  complainantName: Type.String(),
  closedAt: Nullable(Type.String({ format: 'date-time' })),
  unitId: Type.Integer(),
  unitName: Type.String(),
  dueOn: Day,
  status: Type.Enum([...VISIT_STATUSES]),
  delayDays: Type.Integer(),
  attempts: Type.Integer(),
  lastCalledAt: Nullable(Type.String({ format: 'date-time' })),
  lastCalledBy: Nullable(Type.String()),
  note: Nullable(Type.String()),
  newComplaintNumber: Nullable(Type.String()),
});
export type ReturnVisitView = Static<typeof ReturnVisitSchema>;

export const QueueQuery = Type.Object(
  {
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
);
export type QueueInput = Static<typeof QueueQuery>;

export const QueuePage = Type.Object({
  today: Day,
  items: Type.Array(ReturnVisitSchema),
  nextCursor: Nullable(Type.String()),
});

export const NewProblemBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200 }),
    content: Type.String({ minLength: 1, maxLength: 20000 }),
    categoryId: Type.Optional(Type.Integer({ minimum: 1, description: 'left out: the original’s category' })),
  },
  {
    additionalProperties: false,
    description: 'a new problem the customer reported: opens a linked complaint',
  },
);

export const CallBody = Type.Object(
  {
    reached: Type.Boolean(),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
    nextAttemptOn: Type.Optional(Day),
    survey: Type.Optional(SurveyBody),
    newProblem: Type.Optional(NewProblemBody),
  },
  { additionalProperties: false },
);
export type CallInput = Static<typeof CallBody>;

export const CallResult = Type.Object({
  visit: ReturnVisitSchema,
  newComplaintNumber: Nullable(Type.String()),
});
