import { type Static, Type } from 'typebox';
import { CONFIRMATIONS, DEMANDS } from '../../domain/complaint-model.js';
import { PHONE_PATTERN } from '../../lib/contact.js';
import { Amount, CustomerLocale, MAX_CONTENT } from '../complaints/schemas.js';

const text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const ComplaintNumber = Type.String({ minLength: 1, maxLength: 32, description: 'KSyyyymmdd-nnnnnn' });

export const NumberParams = Type.Object({ number: ComplaintNumber });

/** The public web form (网上投诉). */
export const PortalRegisterBody = Type.Object(
  {
    name: text(100),
    phone: Type.Optional(Type.String({ pattern: PHONE_PATTERN, maxLength: 32 })),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
    title: Type.Optional(text(200)),
    content: text(MAX_CONTENT),
    categoryId: Type.Integer({
      minimum: 1,
      description: 'a level 1 or 2 category from GET /portal/categories',
    }),
    waybillNo: Type.Optional(text(64)),
    orderNo: Type.Optional(text(64)),
    demands: Type.Optional(Type.Array(Type.Enum(DEMANDS), { uniqueItems: true })),
    demandAmount: Type.Optional(Amount),
    locale: Type.Optional(CustomerLocale),
    website: Type.Optional(
      Type.String({
        maxLength: 500,
        description:
          'Leave empty. Hidden from people on the form; a submission that fills it is not registered.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type PortalRegisterInput = Static<typeof PortalRegisterBody>;

export const PortalRegisteredResponse = Type.Object({
  number: Type.String(),
  trackingToken: Type.String({
    description: 'shown once: with the number it opens the complaint; ten characters grouped as XXXXX-XXXXX',
  }),
  trackUrl: Type.String(),
});
export const PortalReceivedResponse = Type.Object(
  { received: Type.Literal(true) },
  { description: 'received but not registered as a complaint; no number is issued' },
);

const PhoneLast4 = Type.String({
  pattern: '^\\d{4}$',
  description: "the last four digits of the complainant's phone",
});

export const TrackingCodeBody = Type.Object(
  { number: ComplaintNumber, phoneLast4: PhoneLast4 },
  { additionalProperties: false },
);
export type TrackingCodeInput = Static<typeof TrackingCodeBody>;
export const TrackingCodeSent = Type.Object(
  { sent: Type.Literal(true) },
  { description: 'the same answer whether or not a code was sent' },
);

export const SessionBody = Type.Union([
  Type.Object({ number: ComplaintNumber, token: text(200) }, { additionalProperties: false }),
  Type.Object(
    { number: ComplaintNumber, phoneLast4: PhoneLast4, code: Type.String({ pattern: '^\\d{6}$' }) },
    { additionalProperties: false },
  ),
]);
export type SessionInput = Static<typeof SessionBody>;

export const SessionResponse = Type.Object({
  accessToken: Type.String({ description: 'send it as the X-Kesu-Tracking header' }),
  expiresAt: Type.String({ format: 'date-time' }),
});

export const MessageBody = Type.Object({ body: text(5000) }, { additionalProperties: false });

export const ConfirmationBody = Type.Object(
  { outcome: Type.Enum(CONFIRMATIONS), comment: Type.Optional(text(2000)) },
  { additionalProperties: false },
);

const score = (max: number, min: number) => Type.Integer({ minimum: min, maximum: max });
export const SurveyBody = Type.Object(
  {
    speed: score(5, 1),
    effectiveness: score(5, 1),
    attitude: score(5, 1),
    transparency: score(5, 1),
    recommendation: score(10, 0),
    suggestions: Type.Optional(text(2000)),
  },
  {
    additionalProperties: false,
    description: 'speed, effectiveness, attitude, transparency 1–5; recommendation 0–10',
  },
);
export type SurveyInput = Static<typeof SurveyBody>;

export const WithdrawBody = Type.Object({ reason: text(2000) }, { additionalProperties: false });

export const EvidenceParams = Type.Object({ number: ComplaintNumber, id: Type.Integer({ minimum: 1 }) });

export const PortalSettingsBody = Type.Object(
  {
    submissionsPerMinute: Type.Integer({ minimum: 1, maximum: 100000 }),
    trackingPerMinute: Type.Integer({ minimum: 1, maximum: 100000 }),
    codesPerDay: Type.Integer({ minimum: 1, maximum: 1000 }),
    intakeUnitId: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], {
      description: 'the unit web-form complaints are filed at; null: the company',
    }),
  },
  { additionalProperties: false },
);
