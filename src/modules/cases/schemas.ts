import { type Static, Type } from 'typebox';

/** Text with at least one character that is not a space. */
const text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });

export const ScriptBody = Type.Object(
  { title: text(100), text: text(2000) },
  { additionalProperties: false },
);

export const CaseBody = Type.Object(
  {
    title: text(200),
    summary: Type.Optional(Type.String({ maxLength: 5000 })),
    lessons: text(10000),
    scripts: Type.Array(ScriptBody, { maxItems: 20, description: '话术 canned replies' }),
    tags: Type.Optional(Type.Array(text(50), { maxItems: 20, uniqueItems: true })),
  },
  { additionalProperties: false },
);
export type CaseInput = Static<typeof CaseBody>;
export type Script = Static<typeof ScriptBody>;

export const CasesQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200, description: 'Chinese words; every word must match' })),
    categoryId: Type.Optional(
      Type.Integer({ minimum: 1, description: 'this category and everything below' }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    cursor: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type CasesInput = Static<typeof CasesQuery>;
