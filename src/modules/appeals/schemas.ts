import { type Static, Type } from 'typebox';
import { INVALID_REASONS, VALID_KINDS, VALIDITIES } from '../../domain/complaint-model.js';
import { APPEAL_STATUSES, OUTCOMES, SUBJECT_KINDS } from './rules.js';

export const FileAppealBody = Type.Object(
  {
    reason: Type.String({ minLength: 1, maxLength: 2000 }),
    evidence: Type.Optional(
      Type.String({ maxLength: 4000, description: 'what supports the appeal: text, links, evidence ids' }),
    ),
  },
  { additionalProperties: false },
);
export type FileAppealInput = Static<typeof FileAppealBody>;

/** What a 'partly' outcome changes: of a judgement, its validity and who is responsible; of a check, its score. */
export const RevisionSchema = Type.Object(
  {
    validity: Type.Optional(Type.Enum(VALIDITIES)),
    validityKind: Type.Optional(Type.Enum(VALID_KINDS)),
    invalidReason: Type.Optional(Type.Enum(INVALID_REASONS)),
    responsibleUnitId: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
    responsibleUserId: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
    responsiblePartyId: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
    revisedScore: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
  },
  { additionalProperties: false },
);
export type Revision = Static<typeof RevisionSchema>;

export const DecideAppealBody = Type.Object(
  {
    outcome: Type.Enum(OUTCOMES, {
      description:
        'overturned: the appeal succeeds; partly: changed in part (give `revision`); upheld: the judgement stands',
    }),
    comment: Type.String({ minLength: 1, maxLength: 2000 }),
    revision: Type.Optional(RevisionSchema),
  },
  { additionalProperties: false },
);
export type DecideAppealInput = Static<typeof DecideAppealBody>;

const Person = Type.Union([Type.Object({ id: Type.Integer(), name: Type.String() }), Type.Null()]);
const Instant = Type.String({ format: 'date-time' });
const MaybeInstant = Type.Union([Instant, Type.Null()]);
const MaybeText = Type.Union([Type.String(), Type.Null()]);

const LevelSchema = Type.Object({
  outcome: Type.Union([Type.Enum(OUTCOMES), Type.Null()]),
  reviewer: Person,
  comment: MaybeText,
  dueAt: MaybeInstant,
  decidedAt: MaybeInstant,
});

export const AppealSchema = Type.Object({
  id: Type.Integer(),
  subjectKind: Type.Enum(SUBJECT_KINDS),
  number: Type.String({ description: 'the complaint judged or checked' }),
  title: Type.String(),
  qualityCheckId: Type.Union([Type.Integer(), Type.Null()]),
  appellant: Person,
  reason: Type.String(),
  evidence: MaybeText,
  status: Type.Enum(APPEAL_STATUSES),
  filedAt: Instant,
  subjectAt: Type.String({ format: 'date-time', description: 'when the judgement or score was given' }),
  dueAt: Type.Union([Instant, Type.Null()], { description: 'the current level must answer by then' }),
  overdue: Type.Boolean(),
  supervisor: LevelSchema,
  manager: LevelSchema,
  revision: Type.Union([RevisionSchema, Type.Null()]),
  outcome: Type.Union([Type.Enum(OUTCOMES), Type.Null()]),
  decidedAt: MaybeInstant,
  /** What the appeal is against, as it stands now. */
  subject: Type.Object({
    validity: MaybeText,
    validityKind: MaybeText,
    invalidReason: MaybeText,
    responsibleUnitId: Type.Union([Type.Integer(), Type.Null()]),
    responsibleUnit: MaybeText,
    responsiblePerson: MaybeText,
    basis: MaybeText,
    score: Type.Union([Type.Number(), Type.Null()]),
    revisedScore: Type.Union([Type.Number(), Type.Null()]),
    findings: MaybeText,
    checkStatus: MaybeText,
  }),
});
export type AppealView = Static<typeof AppealSchema>;

export const APPEAL_VIEWS = ['queue', 'mine', 'all'] as const;
export const AppealListQuery = Type.Object(
  {
    view: Type.Optional(
      Type.Enum(APPEAL_VIEWS, {
        description:
          'queue: waiting for a level the actor reviews (oldest due first); mine: filed by the actor; all: every appeal the actor may review, newest first',
      }),
    ),
    cursor: Type.Optional(Type.String({ maxLength: 64 })),
  },
  { additionalProperties: false },
);
export type AppealListInput = Static<typeof AppealListQuery>;
export const AppealListSchema = Type.Object({
  items: Type.Array(AppealSchema),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

/** Whether the actor may appeal a subject now, until when, and its appeals. */
export const SubjectAppealsSchema = Type.Object({
  mayAppeal: Type.Boolean(),
  windowEndsAt: MaybeInstant,
  items: Type.Array(AppealSchema),
});
export type SubjectAppeals = Static<typeof SubjectAppealsSchema>;

export const AppealSettingsSchema = Type.Object(
  {
    windowDays: Type.Integer({
      minimum: 1,
      maximum: 90,
      description: 'calendar days after a judgement or score within which it may be appealed',
    }),
  },
  { additionalProperties: false },
);
export type AppealSettings = Static<typeof AppealSettingsSchema>;
