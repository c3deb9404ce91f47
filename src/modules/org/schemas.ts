import { type Static, Type } from 'typebox';
import { PHONE_PATTERN } from '../../lib/contact.js';
import { ROLES } from './roles.js';
import { UNIT_KINDS } from './units.js';

const name = Type.String({ minLength: 1, maxLength: 100 });
const Role = Type.Enum(ROLES);
const Kind = Type.Enum(UNIT_KINDS);
const Password = Type.String({ minLength: 8, maxLength: 200 });
const Email = Type.Union([Type.String({ format: 'email', maxLength: 254 }), Type.Null()]);
const Phone = Type.Union([Type.String({ pattern: PHONE_PATTERN, maxLength: 32 }), Type.Null()]);

export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 100 }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);

export const NewUnitBody = Type.Object(
  {
    parentId: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
    name,
    nameEn: Type.Optional(Type.Union([name, Type.Null()])),
    kind: Kind,
  },
  { additionalProperties: false },
);
export const UnitChangesBody = Type.Object(
  {
    name: Type.Optional(name),
    nameEn: Type.Optional(Type.Union([name, Type.Null()])),
    kind: Type.Optional(Kind),
    active: Type.Optional(Type.Boolean()),
    parentId: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const NewUserBody = Type.Object(
  {
    username: Type.String({ minLength: 2, maxLength: 64, pattern: '^[A-Za-z0-9._-]+$' }),
    displayName: name,
    password: Password,
    unitId: Type.Integer({ minimum: 1 }),
    roles: Type.Array(Role, { minItems: 1, uniqueItems: true }),
    email: Type.Optional(Email),
    phone: Type.Optional(Phone),
  },
  { additionalProperties: false },
);
export type NewUserInput = Static<typeof NewUserBody>;

export const UserChangesBody = Type.Object(
  {
    displayName: Type.Optional(name),
    unitId: Type.Optional(Type.Integer({ minimum: 1 })),
    roles: Type.Optional(Type.Array(Role, { uniqueItems: true })),
    email: Type.Optional(Email),
    phone: Type.Optional(Phone),
    active: Type.Optional(Type.Boolean()),
    password: Type.Optional(Password),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const NewApiTokenBody = Type.Object(
  { name, userId: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
