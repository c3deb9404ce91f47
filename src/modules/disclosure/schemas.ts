import { type Static, Type } from 'typebox';
import { PERIOD_PATTERN } from '../../lib/periods.js';
import { FIGURE_NAMES } from './rules.js';

const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });
const Rate = Type.Union([Type.Number(), Type.Null()]);
const When = Type.String({ format: 'date-time' });

export const MonthParams = Type.Object({ month: Type.String({ pattern: PERIOD_PATTERN }) });
export const JudgementParams = Type.Object({
  month: Type.String({ pattern: PERIOD_PATTERN }),
  number: Type.String({ minLength: 1, maxLength: 32 }),
});

export const PrepareBody = Type.Object(
  {
    figures: Type.Array(Type.Enum(FIGURE_NAMES), { uniqueItems: true, maxItems: FIGURE_NAMES.length }),
    complaintNumbers: Type.Array(Type.String({ minLength: 1, maxLength: 32 }), {
      maxItems: 50,
      uniqueItems: true,
    }),
  },
  { additionalProperties: false },
);
export type PrepareInput = Static<typeof PrepareBody>;

export const JudgementTexts = Type.Object(
  { category: Text(200), cause: Text(2000), result: Text(2000), measures: Text(2000) },
  { additionalProperties: false },
);
export type JudgementTextsInput = Static<typeof JudgementTexts>;

const CategoryCount = Type.Object({ zh: Type.String(), en: Type.String(), count: Type.Integer() });
const FigureSchemas = {
  received: Type.Integer(),
  byCategory1: Type.Array(CategoryCount),
  byCategory2: Type.Array(CategoryCount),
  resolutionRate: Type.Object({ resolved: Type.Integer(), rate: Rate }),
  onTimeRate: Type.Object({ ended: Type.Integer(), met: Type.Integer(), rate: Rate }),
  validShare: Type.Object({ judged: Type.Integer(), valid: Type.Integer(), rate: Rate }),
  satisfaction: Type.Object({
    surveys: Type.Integer(),
    speed: Rate,
    effectiveness: Rate,
    attitude: Rate,
    transparency: Rate,
    nps: Rate,
  }),
};
/** Every figure (the admin's preview) … */
export const AllFigures = Type.Object(FigureSchemas);
/** … and the public's: only those chosen. */
export const PublishedFigures = Type.Partial(Type.Object(FigureSchemas));

const judgementTexts = {
  category: Type.String(),
  cause: Type.String(),
  result: Type.String(),
  measures: Type.String(),
};
export const PublicJudgement = Type.Object(judgementTexts);

export const PublicDisclosure = Type.Object({
  month: Type.String(),
  publishedAt: When,
  figures: PublishedFigures,
  judgements: Type.Array(PublicJudgement),
});
export type PublicDisclosureView = Static<typeof PublicDisclosure>;
export const PublicList = Type.Object({
  items: Type.Array(Type.Object({ month: Type.String(), publishedAt: When })),
});

export const AdminDisclosure = Type.Object({
  month: Type.String(),
  status: Type.Union([Type.Literal('draft'), Type.Literal('published')]),
  chosen: Type.Array(Type.Enum(FIGURE_NAMES)),
  figures: AllFigures,
  preparedAt: When,
  publishedAt: Type.Union([When, Type.Null()]),
  judgements: Type.Array(Type.Object({ number: Type.String(), ...judgementTexts })),
});
export const AdminList = Type.Object({
  items: Type.Array(
    Type.Object({
      month: Type.String(),
      status: Type.Union([Type.Literal('draft'), Type.Literal('published')]),
      preparedAt: When,
      publishedAt: Type.Union([When, Type.Null()]),
    }),
  ),
});
