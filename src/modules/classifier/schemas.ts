import { type Static, Type } from 'typebox';
import { Id } from '../../server/endpoint.js';

const Priority = Type.Enum(['P1', 'P2', 'P3', 'P4']);
const Grade = Type.Enum(['general', 'major']);
const Confidence = Type.Number({ minimum: 0, maximum: 1 });

export const SuggestBody = Type.Object(
  { title: Type.String({ maxLength: 200 }), content: Type.String({ maxLength: 20000 }) },
  { additionalProperties: false },
);
export type SuggestInput = Static<typeof SuggestBody>;

const PathStep = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
});
const CategoryGuess = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  path: Type.Array(PathStep),
  confidence: Confidence,
});
const RuleRef = Type.Object({ id: Type.Integer(), name: Type.String() });

const suggestionFields = {
  category: Type.Union([CategoryGuess, Type.Null()]),
  priority: Type.Union([Type.Object({ value: Priority, confidence: Confidence }), Type.Null()]),
  grade: Type.Union([Type.Object({ value: Grade, confidence: Confidence }), Type.Null()]),
  rule: Type.Union([RuleRef, Type.Null()]),
  model: Type.String(),
};

export const Suggestion = Type.Object({
  ...suggestionFields,
  alternatives: Type.Array(CategoryGuess, { description: 'up to 3 next-best categories' }),
  autoApplyAt: Confidence,
});
export type SuggestionView = Static<typeof Suggestion>;
export type CategoryGuessView = Static<typeof CategoryGuess>;

const Applied = Type.Object({ category: Type.Boolean(), priority: Type.Boolean(), grade: Type.Boolean() });
export type AppliedFields = Static<typeof Applied>;

/** In the registration response: the suggestion and what of it was applied. */
export const RegistrationClassification = Type.Object({
  ...Suggestion.properties,
  applied: Applied,
});
export type RegistrationClassificationView = Static<typeof RegistrationClassification>;

/** In the complaint detail: what was predicted at registration. */
export const StoredClassification = Type.Object({ ...suggestionFields, applied: Applied });
export type StoredClassificationView = Static<typeof StoredClassification>;

export const ClassificationSettingsBody = Type.Object(
  {
    enabled: Type.Boolean(),
    model: Type.String({ minLength: 1, maxLength: 100 }),
    autoApplyAt: Confidence,
  },
  { additionalProperties: false },
);
export type ClassificationSettings = Static<typeof ClassificationSettingsBody>;

const ruleFields = {
  name: Type.String({ minLength: 1, maxLength: 100 }),
  words: Type.Array(Type.String({ minLength: 1, maxLength: 50 }), { minItems: 1, maxItems: 100 }),
  categoryId: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
  priority: Type.Union([Priority, Type.Null()]),
  major: Type.Boolean(),
  position: Type.Integer({ minimum: 0, maximum: 100000 }),
  active: Type.Boolean(),
};
export const RuleBody = Type.Object(
  {
    name: ruleFields.name,
    words: ruleFields.words,
    categoryId: Type.Optional(ruleFields.categoryId),
    priority: Type.Optional(ruleFields.priority),
    major: Type.Optional(ruleFields.major),
    position: Type.Optional(ruleFields.position),
    active: Type.Optional(ruleFields.active),
  },
  { additionalProperties: false },
);
export type RuleInput = Static<typeof RuleBody>;
export const RulePatch = Type.Partial(RuleBody, { additionalProperties: false });
export type RulePatchInput = Static<typeof RulePatch>;
export const Rule = Type.Object({ id: Type.Integer(), ...ruleFields });
export type RuleView = Static<typeof Rule>;
export const RuleParams = Type.Object({ id: Id() });

export const TrainBody = Type.Object(
  { model: Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_.-]+$' }) },
  { additionalProperties: false },
);

export const PerformanceQuery = Type.Object(
  { model: Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_.-]+$' }) },
  { additionalProperties: false },
);

const PerformanceClass = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
  /** Complaints confirmed in this level-1 category, and how many the model put there. */
  rows: Type.Integer(),
  correct: Type.Integer(),
  recall: Type.Number(),
});

/** How a model does on the last month's confirmed categories, at level 1 of the tree. */
export const Performance = Type.Object({
  model: Type.String(),
  from: Type.Integer(),
  to: Type.Integer(),
  rows: Type.Integer(),
  /** True when more complaints were confirmed than are checked (the newest are). */
  capped: Type.Boolean(),
  accuracy: Type.Number(),
  classes: Type.Array(PerformanceClass),
  /** Rows: confirmed class (as `classes`); columns: predicted class, then one for "none of these". */
  confusion: Type.Array(Type.Array(Type.Integer())),
});
export type PerformanceView = Static<typeof Performance>;

/** A model an admin can choose: the shipped starters, and those trained here. */
const ModelSummary = Type.Object({
  name: Type.String(),
  kind: Type.Union([Type.Literal('starter'), Type.Literal('file'), Type.Literal('complaints')]),
  /** Null for a starter (trained from the shipped corpus when first used). */
  trainedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  sampleCount: Type.Union([Type.Integer(), Type.Null()]),
  /** The model the classification settings name. */
  active: Type.Boolean(),
});
export const ModelList = Type.Object({ items: Type.Array(ModelSummary) });
export type ModelListView = Static<typeof ModelList>;
