import { type Static, Type } from 'typebox';
import {
  CHANNELS,
  CONFIRMATIONS,
  CONTACT_CHANNELS,
  DEMANDS,
  GRADES,
  INTERNAL_ACTIONS,
  INVALID_REASONS,
  LIABILITY_DEGREES,
  LIABLE_PARTIES,
  LINK_KINDS,
  MAJOR_REASONS,
  PRIORITIES,
  REMEDY_KINDS,
  REPLY_METHODS,
  STATUSES,
  VALID_KINDS,
  VALIDITIES,
} from '../../domain/complaint-model.js';
import { LOCALES } from '../../i18n/index.js';
import { PHONE_PATTERN } from '../../lib/contact.js';
import { RegistrationClassification as RegistrationClassificationSchema } from '../classifier/schemas.js';

/** Limits every text field shares; the content limit is DOMAIN's "customer's words verbatim". */
export const MAX_CONTENT = 20000;
const MAX_AMOUNT_FEN = 100_000_000_00;

const text = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max });
const optionalText = (max: number) =>
  Type.Optional(Type.Union([Type.String({ maxLength: max }), Type.Null()]));
const list = <T extends string[]>(values: readonly [...T]) => Type.Enum(values);

export const Amount = Type.Integer({ minimum: 0, maximum: MAX_AMOUNT_FEN, description: 'fen (分)' });

export const CustomerLocale = Type.Enum(LOCALES, {
  description:
    'the language the customer is written to in (acknowledgment, progress, result, survey); left out: zh-CN',
});

export const Complainant = Type.Object(
  {
    name: text(100),
    phone: Type.Optional(Type.String({ pattern: PHONE_PATTERN, maxLength: 32 })),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
    preferredContact: Type.Optional(list(CONTACT_CHANNELS)),
    locale: Type.Optional(CustomerLocale),
    identityVerified: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const ReplyBody = Type.Object(
  {
    method: list(REPLY_METHODS),
    summary: text(MAX_CONTENT),
    actions: text(MAX_CONTENT),
    result: text(MAX_CONTENT),
    basis: text(MAX_CONTENT),
    followUp: text(MAX_CONTENT),
  },
  { additionalProperties: false, description: 'The five sections of a reply (回复).' },
);
export type ReplyInput = Static<typeof ReplyBody>;

export const RemedyBody = Type.Object(
  {
    kinds: Type.Array(list(REMEDY_KINDS), { minItems: 1, uniqueItems: true }),
    amount: Amount,
    description: text(MAX_CONTENT),
    internalActions: Type.Optional(Type.Array(list(INTERNAL_ACTIONS), { uniqueItems: true })),
  },
  { additionalProperties: false },
);
export type RemedyInput = Static<typeof RemedyBody>;

/** A referral by a regulator or consumer association (监管转办, 12315, 消协). */
export const Referral = Type.Object(
  {
    number: text(64),
    authority: text(200),
    dueAt: Type.Optional(Type.String({ format: 'date-time', description: "the regulator's own deadline" })),
  },
  { additionalProperties: false },
);

const references = {
  orderNo: Type.Optional(text(64)),
  waybillNo: Type.Optional(text(64)),
  store: Type.Optional(text(200)),
  product: Type.Optional(text(200)),
  batchNo: Type.Optional(text(64)),
  region: Type.Optional(text(200)),
  staffComplained: Type.Optional(text(200)),
  staffComplainedUserId: Type.Optional(
    Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], {
      description: 'the staff member complained about',
    }),
  ),
  staffComplainedPartyId: Type.Optional(
    Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], {
      description: 'the external party complained about (partner station, contractor, supplier)',
    }),
  ),
};

export const RegisterBody = Type.Object(
  {
    channel: list(CHANNELS),
    receivedAt: Type.Optional(Type.String({ format: 'date-time' })),
    complainant: Complainant,
    title: text(200),
    content: text(MAX_CONTENT),
    demands: Type.Optional(Type.Array(list(DEMANDS), { uniqueItems: true })),
    demandAmount: Type.Optional(Amount),
    demandText: Type.Optional(text(2000)),
    ...references,
    categoryId: Type.Optional(
      Type.Integer({
        minimum: 1,
        description: 'left out: the confident prediction of POST /classification/suggest',
      }),
    ),
    priority: Type.Optional(list(PRIORITIES)),
    majorReasons: Type.Optional(Type.Array(list(MAJOR_REASONS), { uniqueItems: true })),
    tags: Type.Optional(Type.Array(text(50), { maxItems: 20, uniqueItems: true })),
    unitId: Type.Optional(Type.Integer({ minimum: 1 })),
    assigneeId: Type.Optional(Type.Integer({ minimum: 1 })),
    externalRef: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 128,
        description:
          "the sender's own reference (spreadsheet row, call-centre call id); a second registration with it is refused",
      }),
    ),
    referral: Type.Optional(Referral),
    firstContact: Type.Optional(
      Type.Object(
        { reply: ReplyBody, remedy: Type.Optional(RemedyBody) },
        {
          additionalProperties: false,
          description: 'Resolve on first contact (当场解决): register, reply and resolve in one step.',
        },
      ),
    ),
  },
  { additionalProperties: false },
);
export type RegisterInput = Static<typeof RegisterBody>;

export const RegisteredResponse = Type.Object(
  {
    number: Type.String({ description: 'KSyyyymmdd-nnnnnn' }),
    status: list(STATUSES),
    priority: list(PRIORITIES),
    grade: list(GRADES),
    receivedAt: Type.String({ format: 'date-time' }),
    registeredAt: Type.String({ format: 'date-time' }),
    replayed: Type.Boolean({ description: 'true when an Idempotency-Key repeated an earlier registration' }),
    repeat: Type.Optional(
      Type.Boolean({ description: 'the same customer or waybill complained within the repeat window' }),
    ),
    possibleDuplicates: Type.Optional(
      Type.Array(
        Type.Object({
          number: Type.String(),
          status: list(STATUSES),
          receivedAt: Type.String({ format: 'date-time' }),
          reasons: Type.Array(Type.Enum(['same_customer', 'same_waybill'])),
        }),
        {
          description: 'open complaints by the same customer or about the same waybill: candidates to merge',
        },
      ),
    ),
    classification: Type.Optional(RegistrationClassificationSchema),
  },
  { description: 'The whole record is at the Location header.' },
);

export const UpdateBody = Type.Object(
  {
    title: Type.Optional(text(200)),
    categoryId: Type.Optional(Type.Integer({ minimum: 1 })),
    categoryConfirmed: Type.Optional(Type.Boolean()),
    priority: Type.Optional(list(PRIORITIES)),
    majorReasons: Type.Optional(Type.Array(list(MAJOR_REASONS), { uniqueItems: true })),
    tags: Type.Optional(Type.Array(text(50), { maxItems: 20, uniqueItems: true })),
    ...references,
    customerLocale: Type.Optional(CustomerLocale),
    comment: Type.Optional(text(2000)),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateInput = Static<typeof UpdateBody>;

const reason = text(2000);
export const ReasonBody = Type.Object({ reason }, { additionalProperties: false });
export const OptionalCommentBody = Type.Object(
  { comment: Type.Optional(text(2000)) },
  { additionalProperties: false },
);

export const AssignBody = Type.Object(
  {
    unitId: Type.Optional(Type.Integer({ minimum: 1 })),
    assigneeId: Type.Optional(Type.Integer({ minimum: 1 })),
    comment: Type.Optional(text(2000)),
  },
  { additionalProperties: false },
);
export const TransferBody = Type.Object(
  {
    unitId: Type.Optional(
      Type.Integer({ minimum: 1, description: 'default: the unit the dispatch rules pick' }),
    ),
    assigneeId: Type.Optional(Type.Integer({ minimum: 1 })),
    reason,
  },
  { additionalProperties: false },
);
export const EscalateBody = Type.Object(
  { reason, raisePriority: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
export const LinkBody = Type.Object(
  { kind: list(LINK_KINDS), number: Type.String({ maxLength: 32 }), comment: Type.Optional(text(2000)) },
  {
    additionalProperties: false,
    description: 'duplicate of, repeat of, escalated from a regulator referral, or related',
  },
);
export const MergeBody = Type.Object(
  { into: Type.String({ maxLength: 32 }), reason },
  { additionalProperties: false },
);
export const InvalidateBody = Type.Object(
  { reason: list(INVALID_REASONS), explanation: text(2000), reply: ReplyBody },
  { additionalProperties: false },
);

export const JudgementBody = Type.Object(
  {
    liableParty: list(LIABLE_PARTIES),
    responsibleUnitId: Type.Optional(Type.Integer({ minimum: 1 })),
    responsiblePerson: optionalText(200),
    responsibleUserId: Type.Optional(
      Type.Integer({
        minimum: 1,
        description: 'the responsible person, a user of the responsible unit or below',
      }),
    ),
    responsiblePartyId: Type.Optional(
      Type.Integer({ minimum: 1, description: 'the responsible external party, when no user fits' }),
    ),
    degree: Type.Optional(list(LIABILITY_DEGREES)),
    basis: text(MAX_CONTENT),
    validity: Type.Optional(list(VALIDITIES)),
    validityKind: Type.Optional(list(VALID_KINDS)),
    invalidReason: Type.Optional(list(INVALID_REASONS)),
  },
  { additionalProperties: false },
);
export type JudgementInput = Static<typeof JudgementBody>;

export const AssessBody = Type.Object(
  {
    validity: list(VALIDITIES),
    validityKind: Type.Optional(list(VALID_KINDS)),
    invalidReason: Type.Optional(list(INVALID_REASONS)),
    comment: Type.Optional(text(2000)),
  },
  { additionalProperties: false },
);
export type AssessInput = Static<typeof AssessBody>;

export const ContactBody = Type.Object(
  { outcome: Type.Enum(['reached', 'unreachable']), note: Type.Optional(text(2000)) },
  { additionalProperties: false, description: 'a call-back to the customer and whether it reached them' },
);

export const DecisionBody = Type.Object(
  { comment: Type.Optional(text(2000)) },
  { additionalProperties: false },
);
export const RejectBody = ReasonBody;
export const ConfirmBody = Type.Object(
  { outcome: list(CONFIRMATIONS), comment: Type.Optional(text(2000)) },
  { additionalProperties: false },
);

export { type ListInput, ListQuery, SORTS } from './list-schemas.js';
