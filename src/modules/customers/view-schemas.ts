/** What the customer endpoints answer (view.ts builds them). */
import { type Static, Type } from 'typebox';
import { CHANNELS, PRIORITIES, STATUSES } from '../../domain/complaint-model.js';
import { LOCALES } from '../../i18n/index.js';
import { LEVELS } from './schemas.js';

const date = Type.String({ format: 'date-time' });
const nullableDate = Type.Union([date, Type.Null()]);
const nextCursor = Type.Union([Type.String(), Type.Null()], { description: 'null on the last page' });

/** One line of the customer list; contacts are masked. */
export const CustomerSummary = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  level: Type.Enum(LEVELS),
  tags: Type.Array(Type.String()),
  phones: Type.Array(Type.String(), { description: 'masked' }),
  emails: Type.Array(Type.String(), { description: 'masked' }),
  complaintCount: Type.Integer({ minimum: 0 }),
  lastComplaintAt: nullableDate,
  repeatComplainant: Type.Boolean(),
});
export const CustomerPage = Type.Object({ items: Type.Array(CustomerSummary), nextCursor });

/** One of the customer's complaints. */
export const CustomerComplaint = Type.Object({
  number: Type.String(),
  status: Type.Enum(STATUSES),
  priority: Type.Enum(PRIORITIES),
  channel: Type.Enum(CHANNELS),
  title: Type.String(),
  receivedAt: date,
  repeat: Type.Boolean(),
  locale: Type.Enum(LOCALES, { description: 'the language the customer was written to in about it' }),
});
export type CustomerComplaintView = Static<typeof CustomerComplaint>;
export const CustomerComplaintPage = Type.Object({ items: Type.Array(CustomerComplaint), nextCursor });

const Contact = Type.Object({
  id: Type.Integer({ description: 'removeContactIds takes it' }),
  value: Type.String({ description: 'masked unless revealed' }),
});

/** The customer page: profile, contacts as the caller may see them, counts and the latest complaints. */
export const CustomerProfile = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  level: Type.Enum(LEVELS),
  tags: Type.Array(Type.String()),
  note: Type.Union([Type.String(), Type.Null()]),
  phones: Type.Array(Contact),
  emails: Type.Array(Contact),
  addresses: Type.Array(Type.String(), { description: 'masked unless revealed' }),
  revealed: Type.Boolean(),
  mayReveal: Type.Boolean({ description: 'whether this caller may ask for reveal=true' }),
  repeatComplainant: Type.Boolean(),
  complaintCount: Type.Integer({ minimum: 0 }),
  lastComplaintAt: nullableDate,
  counts: Type.Object({
    total: Type.Integer({ minimum: 0 }),
    open: Type.Integer({ minimum: 0 }),
    repeat: Type.Integer({ minimum: 0 }),
  }),
  complaints: CustomerComplaintPage,
  createdAt: date,
  updatedAt: date,
});
