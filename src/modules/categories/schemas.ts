import { type Static, Type } from 'typebox';

const name = Type.String({ minLength: 1, maxLength: 100 });

export const CategorySchema = Type.Object({
  id: Type.Integer(),
  parentId: Type.Union([Type.Integer(), Type.Null()]),
  level: Type.Integer({ minimum: 1, maximum: 4 }),
  code: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
  path: Type.String({ description: 'materialised path of ids' }),
  sort: Type.Integer(),
  active: Type.Boolean(),
});
export type CategoryView = Static<typeof CategorySchema>;

export const NewCategoryBody = Type.Object(
  {
    parentId: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
    code: Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-z0-9_.-]+$' }),
    nameZh: name,
    nameEn: name,
    sort: Type.Optional(Type.Integer()),
  },
  { additionalProperties: false },
);
export type NewCategory = Static<typeof NewCategoryBody>;

export const CategoryChangesBody = Type.Object(
  {
    nameZh: Type.Optional(name),
    nameEn: Type.Optional(name),
    sort: Type.Optional(Type.Integer()),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
