import { type Static, Type } from 'typebox';
import { MAJOR_REASONS } from '../../domain/complaint-model.js';

const name = Type.String({ minLength: 1, maxLength: 100 });
const stepText = Type.String({ minLength: 1, maxLength: 300 });
const MajorReason = Type.Enum([...MAJOR_REASONS], {
  description: '重大原因 the major reason that triggers it',
});

const DocumentSchema = Type.Object(
  { zh: Type.String({ minLength: 1, maxLength: 100 }), en: Type.String({ minLength: 1, maxLength: 100 }) },
  { additionalProperties: false },
);

export const PlaybookStepSchema = Type.Object(
  {
    textZh: stepText,
    textEn: stepText,
    required: Type.Boolean(),
    documents: Type.Array(DocumentSchema, { maxItems: 20, description: '需收集的材料 documents to collect' }),
  },
  { additionalProperties: false },
);
export type PlaybookStep = Static<typeof PlaybookStepSchema>;

export const PlaybookBody = Type.Object(
  {
    nameZh: name,
    nameEn: name,
    categoryId: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], {
      description: 'applies to this category and its subtree',
    }),
    majorReason: Type.Union([MajorReason, Type.Null()]),
    steps: Type.Array(PlaybookStepSchema, { minItems: 1, maxItems: 30 }),
    active: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type PlaybookInput = Static<typeof PlaybookBody>;

export const PlaybookSchema = Type.Intersect([
  Type.Object({ id: Type.Integer(), updatedAt: Type.String({ format: 'date-time' }) }),
  PlaybookBody,
]);
export type PlaybookView = Static<typeof PlaybookSchema>;

export const GuidanceBody = Type.Object(
  {
    textZh: Type.String({ minLength: 1, maxLength: 500 }),
    textEn: Type.String({ minLength: 1, maxLength: 500 }),
  },
  { additionalProperties: false },
);

export const GuidanceSchema = Type.Object({
  categoryId: Type.Integer(),
  textZh: Type.String(),
  textEn: Type.String(),
});
export type GuidanceView = Static<typeof GuidanceSchema>;

/** What the registration form shows for a category and the major reasons ticked. */
export const FirstResponseSchema = Type.Object({
  guidance: Type.Union([GuidanceSchema, Type.Null()], {
    description: 'the nearest guidance up the category tree',
  }),
  playbooks: Type.Array(Type.Object({ id: Type.Integer(), nameZh: Type.String(), nameEn: Type.String() }), {
    description: 'the playbooks that will attach',
  }),
});

export const FirstResponseQuery = Type.Object(
  {
    categoryId: Type.Optional(Type.Integer({ minimum: 1 })),
    majorReasons: Type.Optional(
      Type.String({
        maxLength: 300,
        pattern: '^[a-z_]+(,[a-z_]+)*$',
        description: 'comma-separated major reasons',
      }),
    ),
  },
  { additionalProperties: false },
);

export const ChecklistStepSchema = Type.Object({
  id: Type.Integer(),
  playbookId: Type.Integer(),
  playbookNameZh: Type.String(),
  playbookNameEn: Type.String(),
  position: Type.Integer(),
  textZh: Type.String(),
  textEn: Type.String(),
  required: Type.Boolean(),
  documents: Type.Array(DocumentSchema),
  attachedAt: Type.String({ format: 'date-time' }),
  doneAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  doneBy: Type.Union([Type.Object({ id: Type.Integer(), name: Type.String() }), Type.Null()]),
});
export type ChecklistStepView = Static<typeof ChecklistStepSchema>;

export const ChecklistSchema = Type.Object({
  items: Type.Array(ChecklistStepSchema),
  mayTick: Type.Boolean({ description: 'whether the caller may tick steps now' }),
});
export type ChecklistView = Static<typeof ChecklistSchema>;

export const TickBody = Type.Object(
  {
    done: Type.Boolean(),
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: 500, description: 'required to untick' })),
  },
  { additionalProperties: false },
);
export type TickInput = Static<typeof TickBody>;
