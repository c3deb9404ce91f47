import { type Static, Type } from 'typebox';

export const PARTY_KINDS = ['partner_station', 'courier_contractor', 'supplier', 'other'] as const;

export const PartyBody = Type.Object(
  {
    kind: Type.Enum(PARTY_KINDS),
    code: Type.String({ minLength: 1, maxLength: 64, pattern: '^\\S+$' }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    unitId: Type.Optional(
      Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], {
        description: 'the unit that manages the party',
      }),
    ),
  },
  { additionalProperties: false },
);
export type PartyInput = Static<typeof PartyBody>;

export const PartyPatch = Type.Object(
  {
    kind: Type.Optional(Type.Enum(PARTY_KINDS)),
    code: Type.Optional(Type.String({ minLength: 1, maxLength: 64, pattern: '^\\S+$' })),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    unitId: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
    active: Type.Optional(Type.Boolean({ description: 'false: deactivated, no longer offered in pickers' })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type PartyPatchInput = Static<typeof PartyPatch>;

export const PartySchema = Type.Object({
  id: Type.Integer(),
  kind: Type.Enum(PARTY_KINDS),
  code: Type.String(),
  name: Type.String(),
  unit: Type.Union([Type.Object({ id: Type.Integer(), name: Type.String() }), Type.Null()]),
  active: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
});
export type PartyView = Static<typeof PartySchema>;

export const PartyListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100, description: 'part of the name or code' })),
    includeInactive: Type.Optional(Type.Boolean()),
    cursor: Type.Optional(Type.String({ maxLength: 64 })),
  },
  { additionalProperties: false },
);
export type PartyListInput = Static<typeof PartyListQuery>;
export const PartyListSchema = Type.Object({
  items: Type.Array(PartySchema),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

export const PeopleLookupQuery = Type.Object(
  {
    unitId: Type.Optional(Type.Integer({ minimum: 1, description: 'users of this unit and below' })),
    q: Type.Optional(Type.String({ maxLength: 100, description: 'part of a name, username or party code' })),
  },
  { additionalProperties: false },
);
export type PeopleLookupInput = Static<typeof PeopleLookupQuery>;
export const PeopleLookupSchema = Type.Object({
  users: Type.Array(
    Type.Object({ id: Type.Integer(), name: Type.String(), username: Type.String(), unit: Type.String() }),
  ),
  parties: Type.Array(
    Type.Object({
      id: Type.Integer(),
      code: Type.String(),
      name: Type.String(),
      kind: Type.Enum(PARTY_KINDS),
    }),
  ),
});
