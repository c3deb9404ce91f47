/** What the portal answers: the category tree for the form and the complaint as its complainant sees it. */
import { type Static, Type } from 'typebox';
import { STATUSES } from '../../domain/complaint-model.js';

const Time = Type.String({ format: 'date-time' });
const TimeOrNull = Type.Union([Time, Type.Null()]);
const TextOrNull = Type.Union([Type.String(), Type.Null()]);

const CategoryNode = Type.Object({ id: Type.Integer(), nameZh: Type.String(), nameEn: Type.String() });

/** A first-level category with its second-level children (the form offers two levels). */
export const PortalCategory = Type.Object({
  ...CategoryNode.properties,
  children: Type.Array(
    Type.Object({
      ...CategoryNode.properties,
      children: Type.Array(Type.Never(), {
        maxItems: 0,
        description: 'always empty: the form offers two levels',
      }),
    }),
  ),
});
export type PortalCategory = Static<typeof PortalCategory>;
export const PortalCategories = Type.Object({ items: Type.Array(PortalCategory) });

export const CustomerEvidence = Type.Object({
  id: Type.Integer(),
  filename: Type.String(),
  mediaType: Type.String(),
  size: Type.Integer({ description: 'bytes' }),
  createdAt: TimeOrNull,
});
export const CustomerEvidenceAdded = Type.Object({ items: Type.Array(CustomerEvidence) });

export const CustomerReply = Type.Object({
  kind: Type.String({ description: 'interim or final' }),
  method: Type.String({ description: 'how it was sent: portal, email, letter, phone, sms, wechat' }),
  summary: TextOrNull,
  actions: TextOrNull,
  result: TextOrNull,
  basis: TextOrNull,
  followUp: TextOrNull,
  sentAt: TimeOrNull,
});

export const CustomerSurvey = Type.Object({
  speed: Type.Integer(),
  effectiveness: Type.Integer(),
  attitude: Type.Integer(),
  transparency: Type.Integer(),
  recommendation: Type.Integer(),
  suggestions: TextOrNull,
  submittedAt: TimeOrNull,
});

/** The complaint as its complainant sees it: nothing internal (no judgement, remedies, assignee, notes or history). */
export const CustomerView = Type.Object({
  number: Type.String(),
  status: Type.Enum(STATUSES, { description: 'a remedy waiting for approval reads as investigating' }),
  channel: Type.String(),
  receivedAt: TimeOrNull,
  expectedBy: Type.Union([Time, Type.Null()], { description: 'when the whole handling is due' }),
  extensions: Type.Array(
    Type.Object({
      days: Type.Integer({ description: 'working days added' }),
      reason: Type.String(),
      approvedAt: Type.Union([Time, Type.Null()]),
      expectedBy: Type.Union([Time, Type.Null()], { description: 'the expected completion time it gave' }),
    }),
    { description: '延期 the approved extensions of the time limits, oldest first' },
  ),
  title: Type.String(),
  content: Type.String(),
  category: Type.Array(CategoryNode, { description: 'the category path, top level first' }),
  demands: Type.Array(Type.String()),
  demandAmount: Type.Union([Type.Integer({ description: 'fen' }), Type.Null()]),
  references: Type.Object({ waybillNo: TextOrNull, orderNo: TextOrNull }),
  complainant: Type.Object({
    name: Type.String(),
    phone: Type.Union([Type.String({ description: 'masked' }), Type.Null()]),
    email: Type.Union([Type.String({ description: 'masked' }), Type.Null()]),
  }),
  replies: Type.Array(CustomerReply),
  messages: Type.Array(
    Type.Object({
      id: Type.Integer(),
      author: Type.String({ description: 'customer or staff' }),
      body: Type.String(),
      createdAt: TimeOrNull,
    }),
  ),
  evidence: Type.Array(CustomerEvidence, { description: 'what came from the customer' }),
  confirmation: Type.Union([
    Type.Object({ outcome: Type.String({ description: 'satisfied or unsatisfied' }), at: TimeOrNull }),
    Type.Null(),
  ]),
  survey: Type.Union([CustomerSurvey, Type.Null()]),
  mayConfirm: Type.Boolean(),
  mayWithdraw: Type.Boolean(),
  maySurvey: Type.Boolean(),
});
export type CustomerView = Static<typeof CustomerView>;
