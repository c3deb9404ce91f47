import { type Static, Type } from 'typebox';
import { LOCALES } from '../../i18n/index.js';
import { PHONE_PATTERN } from '../../lib/contact.js';
import { Id } from '../../server/endpoint.js';
import { ROLES, UNIT_KINDS } from './model.js';

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

/** The language of a user's notices (the one they last used the console in, unless an admin set it). */
const NoticeLocale = Type.Enum(LOCALES, {
  description: "通知语言 the language of the user's notices",
});

export const LocaleBody = Type.Object({ locale: NoticeLocale }, { additionalProperties: false });

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
    locale: Type.Optional(NoticeLocale),
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
    locale: Type.Optional(NoticeLocale),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const NewApiTokenBody = Type.Object(
  { name, userId: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);

export const IdParams = Type.Object({ id: Id() });

const Time = Type.String({ format: 'date-time' });

export const UnitSchema = Type.Object({
  id: Type.Integer(),
  parentId: Type.Union([Type.Integer(), Type.Null()]),
  name: Type.String(),
  nameEn: Type.Union([Type.String(), Type.Null()]),
  kind: Kind,
  path: Type.String({ description: 'materialised path, e.g. /1/4/9/' }),
  active: Type.Boolean(),
});
export type UnitView = Static<typeof UnitSchema>;

export const UserSchema = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  unitId: Type.Integer(),
  roles: Type.Array(Role),
  email: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  active: Type.Boolean(),
  locale: NoticeLocale,
});
export type UserView = Static<typeof UserSchema>;

export const StaffQuery = Type.Object(
  {
    unitId: Type.Optional(Type.Integer({ minimum: 1, description: 'the unit and its subtree' })),
    role: Type.Optional(Role),
  },
  { additionalProperties: false },
);
export const StaffMemberSchema = Type.Object({
  id: Type.Integer(),
  displayName: Type.String(),
  unitId: Type.Integer(),
  unitName: Type.String(),
  roles: Type.Array(Role),
});
export type StaffMember = Static<typeof StaffMemberSchema>;

export const ApiTokenSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  userId: Type.Integer(),
  createdAt: Time,
  revokedAt: Type.Union([Time, Type.Null()]),
});
export type ApiTokenView = Static<typeof ApiTokenSchema>;
export const NewApiTokenSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  userId: Type.Integer(),
  createdAt: Time,
  token: Type.String({ description: 'shown once: only its hash is stored' }),
});
