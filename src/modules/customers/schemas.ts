import { type Static, Type } from 'typebox';
import { PHONE_PATTERN } from '../../lib/contact.js';
import { Id } from '../../server/endpoint.js';

import { LEVELS } from './levels.js';

export { LEVELS, type Level } from './levels.js';

const text = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max });
const Phone = Type.String({ pattern: PHONE_PATTERN, maxLength: 32 });
const Email = Type.String({ format: 'email', maxLength: 254 });
const Phones = Type.Array(Phone, { maxItems: 10 });
const Emails = Type.Array(Email, { maxItems: 10 });
const Tags = Type.Array(text(50), { maxItems: 20, uniqueItems: true });
const Addresses = Type.Array(text(500), {
  maxItems: 10,
  description: 'sealed at rest; shown masked unless revealed',
});
const Note = Type.Union([Type.String({ maxLength: 2000 }), Type.Null()]);

export const CustomerParams = Type.Object({ id: Id() });

export const CustomerListQuery = Type.Object(
  {
    q: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 100,
        description: 'a whole phone number or e-mail address (exact match), otherwise a name prefix',
      }),
    ),
    level: Type.Optional(Type.Enum(LEVELS)),
    repeat: Type.Optional(Type.Boolean({ description: 'only repeat complainants (or only the others)' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    cursor: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type CustomerListInput = Static<typeof CustomerListQuery>;

export const CustomerComplaintsQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    cursor: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type CustomerComplaintsInput = Static<typeof CustomerComplaintsQuery>;

export const CreateCustomerBody = Type.Object(
  {
    name: text(100),
    level: Type.Optional(Type.Enum(LEVELS)),
    tags: Type.Optional(Tags),
    phones: Type.Optional(Phones),
    emails: Type.Optional(Emails),
    addresses: Type.Optional(Addresses),
    note: Type.Optional(Note),
  },
  { additionalProperties: false },
);
export type CreateCustomerInput = Static<typeof CreateCustomerBody>;

export const UpdateCustomerBody = Type.Object(
  {
    name: Type.Optional(text(100)),
    level: Type.Optional(Type.Enum(LEVELS)),
    tags: Type.Optional(Tags),
    note: Type.Optional(Note),
    addresses: Type.Optional(Addresses),
    addPhones: Type.Optional(Phones),
    addEmails: Type.Optional(Emails),
    removeContactIds: Type.Optional(
      Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 20, uniqueItems: true }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateCustomerInput = Static<typeof UpdateCustomerBody>;
