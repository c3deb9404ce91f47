/**
 * 方案执行与费用承担: who carries out an approved remedy by when, the proof that it was carried out,
 * and who bears its cost. Pure: the console imports the types.
 */
import { type Static, Type } from 'typebox';
import { COST_BEARERS } from './fulfilment.js';
import { Amount, DecisionBody, RemedyBody } from './schemas.js';

export const CostShare = Type.Object(
  {
    bearer: Type.Enum(COST_BEARERS),
    name: Type.Optional(
      Type.String({ minLength: 1, maxLength: 200, description: 'the partner, supplier or person' }),
    ),
    unitId: Type.Optional(Type.Integer({ minimum: 1, description: 'the responsible unit (station)' })),
    userId: Type.Optional(Type.Integer({ minimum: 1, description: 'the employee' })),
    amount: Amount,
  },
  { additionalProperties: false },
);
export type CostShareInput = Static<typeof CostShare>;
const CostShares = Type.Array(CostShare, {
  maxItems: 10,
  description: 'who bears the cost; the shares add up to the remedy’s amount',
});

export const FulfilmentPlan = Type.Object(
  {
    ownerId: Type.Optional(Type.Integer({ minimum: 1, description: 'left out: the complaint’s assignee' })),
    dueAt: Type.Optional(
      Type.String({ format: 'date-time', description: 'left out: the configured working days from now' }),
    ),
  },
  {
    additionalProperties: false,
    description:
      'who carries out the approved remedy (方案执行) and by when; only for remedies with something to do',
  },
);
export type FulfilmentPlanInput = Static<typeof FulfilmentPlan>;

const decided = { costShares: Type.Optional(CostShares), fulfilment: Type.Optional(FulfilmentPlan) };

/** A proposal: the remedy, who bears its cost, and its fulfilment should it be approved at once. */
export const ProposeBody = Type.Object(
  { ...RemedyBody.properties, ...decided },
  { additionalProperties: false },
);
export type ProposeInput = Static<typeof ProposeBody>;

/** An approval may set (or correct) the cost shares and the fulfilment. */
export const ApproveBody = Type.Object(
  { ...DecisionBody.properties, ...decided },
  { additionalProperties: false },
);
export type ApproveInput = Static<typeof ApproveBody>;

const reference = (description: string) =>
  Type.Optional(Type.String({ minLength: 1, maxLength: 100, description }));
export const Proof = Type.Object(
  {
    refundReference: reference('退款流水号: a refund'),
    waybillNo: reference('补寄运单号: a reship'),
    voucherCode: reference('券码: a coupon'),
    paymentReference: reference('赔付凭证号: a compensation'),
    note: Type.Optional(
      Type.String({ minLength: 1, maxLength: 2000, description: 'a replacement, repair or gift' }),
    ),
    evidenceId: Type.Optional(
      Type.Integer({ minimum: 1, description: 'a file of the complaint’s evidence' }),
    ),
  },
  { additionalProperties: false },
);
export type ProofInput = Static<typeof Proof>;

export const FULFILMENT_OUTCOMES = ['done', 'failed', 'cancelled'] as const;
export const FulfilBody = Type.Object(
  {
    outcome: Type.Enum(FULFILMENT_OUTCOMES),
    proof: Type.Optional(Proof),
    reason: Type.Optional(
      Type.String({ minLength: 1, maxLength: 2000, description: 'why it failed or was cancelled' }),
    ),
  },
  { additionalProperties: false },
);
export type FulfilInput = Static<typeof FulfilBody>;

/** What happens to a reply while an approved remedy is not carried out yet. */
export const FulfilmentSettingsSchema = Type.Object(
  {
    beforeReply: Type.Enum(['block', 'name'], {
      description:
        'block: refuse the reply (409 remedy_not_fulfilled); name: the reply says what will be done by when',
    }),
    workingDays: Type.Integer({
      minimum: 1,
      maximum: 30,
      description: 'the default time to carry a remedy out',
    }),
  },
  { additionalProperties: false },
);
export type FulfilmentSettings = Static<typeof FulfilmentSettingsSchema>;

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Person = Type.Object({ id: Type.Integer(), name: Nullable(Type.String()) });

/** A remedy's fulfilment as the complaint page and the approvals page show it. */
export const Fulfilment = Type.Object({
  status: Type.Enum(['pending', 'done', 'failed', 'cancelled']),
  owner: Nullable(Person),
  dueAt: Nullable(Type.String({ format: 'date-time' })),
  overdue: Type.Boolean({ description: 'pending past its due time' }),
  recordedAt: Nullable(Type.String({ format: 'date-time' })),
  recordedBy: Nullable(Person),
  proof: Nullable(Proof),
  note: Nullable(Type.String()),
});
export type FulfilmentView = Static<typeof Fulfilment>;

export const CostShareView = Type.Object({
  bearer: Type.Enum(COST_BEARERS),
  name: Nullable(Type.String()),
  unitId: Nullable(Type.Integer()),
  userId: Nullable(Type.Integer()),
  amount: Type.Integer({ description: 'fen (分)' }),
});

/** 方案执行: the remedies awaiting fulfilment (due first) and the latest carried out, on complaints this user may see. */
export const Fulfilments = Type.Object({
  items: Type.Array(
    Type.Object({
      number: Type.String(),
      title: Type.String(),
      grade: Type.String(),
      remedyId: Type.Integer(),
      kinds: Type.Array(Type.String()),
      amount: Type.Integer({ description: 'fen (分)' }),
      fulfilment: Fulfilment,
    }),
  ),
});
export type FulfilmentsView = Static<typeof Fulfilments>;
export const FulfilmentsQuery = Type.Object(
  {
    state: Type.Optional(
      Type.Enum(['open', 'done'], { description: 'open (default): awaiting fulfilment; done: carried out' }),
    ),
  },
  { additionalProperties: false },
);
