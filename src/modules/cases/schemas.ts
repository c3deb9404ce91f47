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

export const CaseViewSchema = Type.Object({
  title: Type.String(),
  summary: Type.String(),
  lessons: Type.String(),
  scripts: Type.Array(ScriptBody),
  tags: Type.Array(Type.String()),
  markedBy: Type.Object({ id: Type.Integer(), name: Type.Union([Type.String(), Type.Null()]) }),
  markedAt: Type.String({ format: 'date-time' }),
});

export const CasesPage = Type.Object({
  items: Type.Array(
    Type.Object({
      number: Type.String(),
      title: Type.String(),
      summary: Type.String(),
      lessons: Type.String(),
      scripts: Type.Array(ScriptBody),
      tags: Type.Array(Type.String()),
      category: Type.Object({
        id: Type.Integer(),
        code: Type.String(),
        nameZh: Type.String(),
        nameEn: Type.String(),
      }),
      markedBy: Type.Object({ id: Type.Integer(), name: Type.Union([Type.String(), Type.Null()]) }),
      markedAt: Type.String({ format: 'date-time' }),
    }),
  ),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

export const OfferedScripts = Type.Object({
  items: Type.Array(
    Type.Object({
      caseNumber: Type.String(),
      caseTitle: Type.String(),
      title: Type.String(),
      text: Type.String(),
    }),
  ),
});
