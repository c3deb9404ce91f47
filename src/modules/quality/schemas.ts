import { type Static, Type } from 'typebox';
import { Id } from '../../server/endpoint.js';

const label = Type.String({ minLength: 1, maxLength: 100 });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const ChecklistItemSchema = Type.Object(
  {
    key: Type.String({
      pattern: '^[a-z][a-z0-9_]{0,39}$',
      description: 'stable key; identity_checked, reply_complete and time_limits_kept get a suggested score',
    }),
    labelZh: label,
    labelEn: label,
    weight: Type.Integer({ minimum: 1, maximum: 100, description: 'relative weight in the score' }),
    guidance: Type.String({ maxLength: 300, description: '评分指引 what the checker looks at' }),
  },
  { additionalProperties: false },
);
export type ChecklistItem = Static<typeof ChecklistItemSchema>;

export const ChecklistBody = Type.Object(
  {
    nameZh: label,
    nameEn: label,
    active: Type.Boolean(),
    items: Type.Array(ChecklistItemSchema, { minItems: 1, maxItems: 30 }),
  },
  { additionalProperties: false },
);
export type ChecklistInput = Static<typeof ChecklistBody>;

export const QualityChecklistSchema = Type.Intersect([
  Type.Object({ id: Type.Integer(), updatedAt: Type.String({ format: 'date-time' }) }),
  ChecklistBody,
]);
export type QualityChecklistView = Static<typeof QualityChecklistSchema>;

export const Period = Type.String({
  pattern: '^\\d{4}-(0[1-9]|1[0-2])$',
  description: "'YYYY-MM' in the organisation's time zone",
});

export const RULES = ['major', 'reopened', 'unsatisfied', 'overdue', 'category'] as const;
export type DrawRule = (typeof RULES)[number];

export const DrawBody = Type.Object(
  {
    period: Period,
    handlerIds: Type.Optional(
      Type.Array(Id(), {
        minItems: 1,
        maxItems: 200,
        uniqueItems: true,
        description: 'the handlers to sample; omitted: everyone in the caller’s unit subtree',
      }),
    ),
    method: Type.Union([Type.Literal('random'), Type.Literal('rule')]),
    perHandler: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 100, description: 'random: n per handler' }),
    ),
    percent: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 100,
        description: 'random: this share of each handler’s complaints',
      }),
    ),
    seed: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 2147483647,
        description: 'random: the same seed draws the same sample',
      }),
    ),
    rules: Type.Optional(Type.Array(Type.Enum([...RULES]), { minItems: 1, uniqueItems: true })),
    categoryId: Type.Optional(Id({ description: "rule 'category': this category and its subtree" })),
    checklistId: Type.Optional(Id({ description: 'omitted: the first active checklist' })),
    preview: Type.Optional(Type.Boolean({ description: 'show what would be drawn, write nothing' })),
  },
  { additionalProperties: false },
);
export type DrawInput = Static<typeof DrawBody>;

const Person = Type.Object({ id: Type.Integer(), name: Type.String() });
const Complaint = Type.Object({ number: Type.String(), title: Type.String() });
const Status = Type.Union([Type.Literal('draft'), Type.Literal('final'), Type.Literal('overturned')]);

export const DrawResultSchema = Type.Object({
  drawId: Nullable(Type.Integer({ description: 'null for a preview' })),
  seed: Nullable(Type.Integer()),
  picked: Type.Array(
    Type.Object({ checkId: Nullable(Type.Integer()), complaint: Complaint, handler: Person }),
  ),
});
export type DrawResult = Static<typeof DrawResultSchema>;

export const CheckSummarySchema = Type.Object({
  id: Type.Integer(),
  complaint: Complaint,
  handler: Person,
  unit: Type.Object({ id: Type.Integer(), name: Type.String(), nameEn: Nullable(Type.String()) }),
  period: Type.String(),
  checker: Person,
  drawnBy: Type.Union([Type.Literal('random'), Type.Literal('rule')]),
  status: Status,
  score: Nullable(Type.Number()),
  revisedScore: Nullable(Type.Number()),
  createdAt: Type.String({ format: 'date-time' }),
  scoredAt: Nullable(Type.String({ format: 'date-time' })),
});
export type CheckSummary = Static<typeof CheckSummarySchema>;

export const CheckItemSchema = Type.Object({
  key: Type.String(),
  labelZh: Type.String(),
  labelEn: Type.String(),
  weight: Type.Number(),
  score: Nullable(Type.Number()),
  note: Type.String(),
  guidance: Type.String(),
  suggestion: Nullable(
    Type.Number({ description: 'the system’s suggested score (drafts only); the checker decides' }),
  ),
});
export type CheckItem = Static<typeof CheckItemSchema>;

export const CheckSchema = Type.Intersect([
  CheckSummarySchema,
  Type.Object({
    items: Type.Array(CheckItemSchema),
    findings: Nullable(Type.String()),
    mayScore: Type.Boolean(),
  }),
]);
export type CheckView = Static<typeof CheckSchema>;

export const CheckPageSchema = Type.Object({
  items: Type.Array(CheckSummarySchema),
  nextCursor: Nullable(Type.String({ description: 'pass as `cursor` for the next page' })),
});
export type CheckPage = Static<typeof CheckPageSchema>;

/** Keyset cursor: the id of the last check of the page before (lists run newest first). */
const Cursor = Type.String({ pattern: '^[1-9][0-9]{0,15}$' });

export const ListQuery = Type.Object(
  {
    period: Type.Optional(Period),
    handlerId: Type.Optional(Id()),
    status: Type.Optional(Status),
    cursor: Type.Optional(Cursor),
  },
  { additionalProperties: false },
);
export type ListInput = Static<typeof ListQuery>;

export const MineQuery = Type.Object({ cursor: Type.Optional(Cursor) }, { additionalProperties: false });

export const ScoreBody = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        {
          key: Type.String({ maxLength: 40 }),
          score: Nullable(
            Type.Number({ minimum: 0, maximum: 1, description: '1 pass, 0.5 partial, 0 fail' }),
          ),
          note: Type.String({ maxLength: 500 }),
        },
        { additionalProperties: false },
      ),
      { maxItems: 30 },
    ),
    findings: Type.String({ maxLength: 2000 }),
    finalise: Type.Boolean({ description: 'true: every item must be scored; the check becomes final' }),
  },
  { additionalProperties: false },
);
export type ScoreInput = Static<typeof ScoreBody>;
