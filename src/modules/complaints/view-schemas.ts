/**
 * The answers of the complaint page's reads: the complaint as it is (GET /complaints/:number, also
 * the answer of every action), its history, the evidence list. Pure: the console imports the types.
 */
import { type Static, Type } from 'typebox';
import { ACTIONS, CHANNELS, GRADES, PRIORITIES, STATUSES } from '../../domain/complaint-model.js';
import { LOCALES } from '../../i18n/index.js';
import { CaseViewSchema } from '../cases/schemas.js';
import { StoredClassification } from '../classifier/schemas.js';
import { CostShareView, Fulfilment } from './fulfilment-schemas.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const DateTime = Type.String({ format: 'date-time' });
const MaybeDateTime = Nullable(DateTime);
const MaybeText = Nullable(Type.String());

export const Person = Type.Object({ id: Type.Integer(), name: MaybeText });
export type PersonView = Static<typeof Person>;
const MaybePerson = Nullable(Person);
const UnitRef = Nullable(Type.Object({ id: Type.Integer(), name: Type.String(), nameEn: MaybeText }));
/** 外部责任方: a partner station, courier contractor or supplier. */
const PartyRef = Nullable(Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String() }));

/** What this user may do now: the lifecycle's actions and marking the complaint as a case. */
export const ALLOWED_ACTIONS = [...ACTIONS, 'curate_case'] as const;
export type AllowedAction = (typeof ALLOWED_ACTIONS)[number];

/** An action the user's role allows that would be refused now, and why (the console disables its button). */
export const BlockedActionSchema = Type.Object({
  action: Type.Enum(ALLOWED_ACTIONS),
  reason: Type.Enum(['beyond_authority', 'not_accepted'], {
    description:
      'beyond_authority: the pending remedy is above this user’s approval limit; not_accepted: not yet accepted',
  }),
});
export type BlockedAction = Static<typeof BlockedActionSchema>;

export const Deadline = Type.Object({
  stage: Type.String({ description: 'accept | first_contact | resolve … (sla/stages.ts)' }),
  mode: Type.String({ description: 'working or calendar time' }),
  limitMinutes: Type.Number(),
  startedAt: DateTime,
  dueAt: DateTime,
  state: Type.Enum(['met', 'paused', 'running']),
  timeLeftMs: Nullable(Type.Number({ description: 'negative when late; null when met or paused' })),
  metAt: MaybeDateTime,
  breached: Type.Boolean(),
  breachedAt: MaybeDateTime,
  pausedMs: Type.Number(),
});
export type DeadlineView = Static<typeof Deadline>;

export const EvidenceItem = Type.Object({
  id: Type.Integer(),
  filename: Type.String(),
  mediaType: Type.String(),
  size: Type.Integer({ description: 'bytes' }),
  sha256: Type.String(),
  source: Type.String({ description: 'staff | portal | mail' }),
  note: MaybeText,
  addedBy: MaybePerson,
  createdAt: DateTime,
});
export const EvidenceList = Type.Object({ items: Type.Array(EvidenceItem) });

export const Survey = Type.Object({
  source: Type.String({ description: 'portal | phone | return_visit (回访)' }),
  speed: Type.Integer(),
  effectiveness: Type.Integer(),
  attitude: Type.Integer(),
  transparency: Type.Integer(),
  recommendation: Type.Integer(),
  suggestions: MaybeText,
  submittedAt: DateTime,
});

export const Remedy = Type.Object({
  id: Type.Integer(),
  kinds: Type.Array(Type.String()),
  internalActions: Type.Array(Type.String()),
  amount: Type.Integer({ description: 'fen (分)' }),
  description: Type.String(),
  status: Type.String({ description: 'pending | approved | rejected | executed' }),
  requiredRole: Nullable(Type.String({ description: 'the role whose authority the amount needs' })),
  proposedBy: MaybePerson,
  proposedAt: DateTime,
  decidedBy: MaybePerson,
  decidedAt: MaybeDateTime,
  decisionComment: MaybeText,
  costShares: Type.Array(CostShareView, { description: '费用承担: who bears the cost' }),
  fulfilment: Nullable(Fulfilment),
});

const Reply = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  method: Type.String(),
  summary: Type.String(),
  actions: Type.String(),
  result: Type.String(),
  basis: Type.String(),
  followUp: Type.String(),
  sentBy: MaybePerson,
  sentAt: DateTime,
});

const Message = Type.Object({
  id: Type.Integer(),
  author: Type.String({ description: 'customer | staff' }),
  source: Type.String(),
  body: Type.String(),
  by: MaybePerson,
  createdAt: DateTime,
});

/** The customer behind the complaint, as the complaint page shows them (客户画像). */
export const CustomerPanel = Type.Object({
  id: Type.Integer(),
  level: Type.String({ description: 'regular | vip | key' }),
  tags: Type.Array(Type.String()),
  complaintCount: Type.Integer(),
  repeatComplainant: Type.Boolean(),
  otherComplaints: Type.Array(
    Type.Object({
      number: Type.String(),
      title: Type.String(),
      status: Type.Enum(STATUSES),
      receivedAt: DateTime,
    }),
    { description: 'their latest other complaints (up to 10) that this user may see' },
  ),
});

export type CustomerPanelView = Static<typeof CustomerPanel>;

const ComplaintRecord = Type.Object({
  number: Type.String(),
  status: Type.Enum(STATUSES),
  channel: Type.Enum(CHANNELS),
  receivedAt: DateTime,
  registeredAt: DateTime,
  registeredBy: MaybePerson,
  intakeUnit: UnitRef,
  complainant: Type.Object({
    name: Type.String(),
    phone: Nullable(Type.String({ description: 'masked unless revealed' })),
    email: Nullable(Type.String({ description: 'masked unless revealed' })),
    preferredContact: MaybeText,
    locale: Type.Enum(LOCALES, { description: 'the language the customer is written to in' }),
    identityVerified: Type.Boolean(),
    customerId: Nullable(Type.Integer()),
    mayReveal: Type.Boolean({
      description:
        'this user may ask for `reveal=true`: a role with the personal-data permission, or the handler who must call back',
    }),
  }),
  customer: Nullable(CustomerPanel),
  repeatComplaint: Type.Boolean(),
  externalRef: MaybeText,
  referral: Nullable(Type.Object({ number: MaybeText, authority: MaybeText, dueAt: MaybeDateTime })),
  title: Type.String(),
  content: Type.String(),
  demands: Type.Array(Type.String()),
  demandAmount: Nullable(Type.Integer({ description: 'fen (分)' })),
  demandText: MaybeText,
  references: Type.Object({
    orderNo: MaybeText,
    waybillNo: MaybeText,
    store: MaybeText,
    product: MaybeText,
    batchNo: MaybeText,
    region: MaybeText,
    staffComplained: MaybeText,
    staffComplainedUser: MaybePerson,
    staffComplainedParty: PartyRef,
  }),
  category: Type.Object({
    id: Type.Integer(),
    confirmed: Type.Boolean(),
    path: Type.Array(
      Type.Object({
        id: Type.Integer(),
        code: Type.String(),
        nameZh: Type.String(),
        nameEn: Type.String(),
        level: Type.Integer(),
      }),
    ),
  }),
  priority: Type.Enum(PRIORITIES),
  grade: Type.Enum(GRADES),
  majorReasons: Type.Array(Type.String()),
  tags: Type.Array(Type.String()),
  unit: UnitRef,
  assignee: MaybePerson,
  watchers: Type.Array(Person),
  escalationLevel: Type.Integer(),
  reopenCount: Type.Integer(),
  dueAt: MaybeDateTime,
  deadlines: Type.Array(Deadline),
  judgement: Nullable(
    Type.Object({
      liableParty: Type.String(),
      responsibleUnit: UnitRef,
      responsiblePerson: Type.Union([Type.String(), Type.Null()], {
        description: 'a name typed when no user or party fits, or recorded before people were linked',
      }),
      responsibleUser: MaybePerson,
      responsibleParty: PartyRef,
      degree: MaybeText,
      basis: MaybeText,
      judgedBy: MaybePerson,
      judgedAt: MaybeDateTime,
    }),
  ),
  validity: Nullable(Type.Object({ validity: Type.String(), kind: MaybeText, invalidReason: MaybeText })),
  remedies: Type.Array(Remedy),
  replies: Type.Array(Reply),
  evidence: Type.Array(EvidenceItem),
  messages: Type.Array(Message),
  /** The latest survey, of any source. */
  survey: Nullable(Survey),
  surveys: Type.Array(Survey, {
    description: 'every survey: the customer’s own (portal), by phone, on the return visit',
  }),
  customerConfirmation: MaybeText,
  confirmedAt: MaybeDateTime,
  links: Type.Array(
    Type.Object({
      kind: Type.String({
        description: 'a link kind; `<kind>:incoming` when the other complaint links here',
      }),
      number: Type.String(),
      createdAt: DateTime,
    }),
  ),
  closeReason: MaybeText,
  resolvedAt: MaybeDateTime,
  closedAt: MaybeDateTime,
  updatedAt: DateTime,
});

/**
 * What the caller may do with the complaint. A second object joined to the record, because one
 * TypeBox object of this many properties is deeper than TypeScript will instantiate in the console.
 */
const CallerView = Type.Object({
  visible: Type.Boolean({
    description:
      "false in the answer to the caller's own action (a transfer) that took the complaint out of their sight: their last view of it",
  }),
  allowedActions: Type.Array(Type.Enum(ALLOWED_ACTIONS), { description: 'what this user may do now' }),
  blockedActions: Type.Array(BlockedActionSchema),
  case: Nullable(CaseViewSchema),
  classification: Nullable(StoredClassification),
});

export const ComplaintDetail = Type.Intersect([ComplaintRecord, CallerView]);
export type ComplaintDetailView = Static<typeof ComplaintDetail>;

export const TimelineEvent = Type.Object({
  seq: Type.Integer(),
  at: DateTime,
  kind: Type.String({ description: 'the event kind (registered, accepted, remedy_proposed …)' }),
  actor: Nullable(
    Type.Object({
      id: Type.Integer(),
      name: MaybeText,
      system: Type.Optional(
        Type.Enum(['portal', 'mailbox'], { description: 'the account acting for a channel, not a person' }),
      ),
    }),
  ),
  // Free-form: each kind of event records its own facts (before/after of changed columns, ids …).
  data: Type.Record(Type.String(), Type.Unknown()),
  comment: MaybeText,
});
export const Timeline = Type.Object({ items: Type.Array(TimelineEvent) });
export type TimelineEventView = Static<typeof TimelineEvent>;

/** 待审批: the pending remedies this user may decide, or would if the amount were within their authority. */
export const PendingApprovals = Type.Object({
  items: Type.Array(
    Type.Object({
      number: Type.String(),
      title: Type.String(),
      priority: Type.Enum(PRIORITIES),
      grade: Type.Enum(GRADES),
      complainantName: Type.String(),
      remedy: Type.Object({
        id: Type.Integer(),
        kinds: Type.Array(Type.String()),
        amount: Type.Integer({ description: 'fen (分)' }),
        description: Type.String(),
        requiredRole: MaybeText,
        proposedBy: Person,
        proposedAt: DateTime,
      }),
      beyondAuthority: Type.Boolean({ description: 'the amount is above this user’s approval limit' }),
    }),
  ),
});
export type PendingApprovalsView = Static<typeof PendingApprovals>;
