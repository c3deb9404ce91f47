import { type Static, Type } from 'typebox';
import { PERIOD_PATTERN } from '../../lib/periods.js';

const Period = Type.String({
  pattern: PERIOD_PATTERN,
  description: "a month 'YYYY-MM' in the organisation's time zone",
});
const OrNull = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Points = Type.Number({ minimum: 0, maximum: 1000 });
const RateRule = (description: string) =>
  Type.Object(
    {
      target: Type.Number({ minimum: 0, maximum: 1, description: 'the target rate, 0–1' }),
      points: Type.Number({ minimum: 0, maximum: 100, description: 'points per percentage point' }),
      max: Points,
    },
    { additionalProperties: false, description },
  );

export const PeriodQuery = Type.Object(
  {
    from: Period,
    to: Type.Optional(
      Type.String({
        pattern: PERIOD_PATTERN,
        description: 'the last month (a quarter or year as a range); default: from',
      }),
    ),
  },
  { additionalProperties: false },
);
export type PeriodInput = Static<typeof PeriodQuery>;

export const RulesSchema = Type.Object(
  {
    base: Type.Number({ minimum: 0, maximum: 1000 }),
    validPoints: Type.Object(
      { major: Points, service_conduct: Points, business_error: Points, minor_slip: Points },
      {
        additionalProperties: false,
        description: '每件有效投诉扣分 points deducted per valid complaint, by kind',
      },
    ),
    majorGradeExtra: Points,
    rates: Type.Object(
      {
        onTime: RateRule('按时率低于目标 on-time rate of the stages below the target: deducted'),
        reopened: RateRule('重新处理率高于目标 reopen rate above the target: deducted'),
        unsatisfied: RateRule('不满意率高于目标 unsatisfied rate above the target: deducted'),
        firstContact: RateRule('一次解决率高于目标 first-contact rate above the target: added'),
        highSatisfaction: RateRule(
          '高满意度占比高于目标 share of highly satisfied surveys above the target: added',
        ),
      },
      { additionalProperties: false },
    ),
    highSatisfactionFrom: Type.Integer({
      minimum: 0,
      maximum: 10,
      description: '高满意度 a survey recommending at this or above (0–10)',
    }),
    qualityWeight: Type.Number({ minimum: 0, maximum: 1 }),
  },
  { additionalProperties: false },
);

const ScoreSchema = Type.Object({
  total: Type.Number(),
  lines: Type.Array(
    Type.Object({
      code: Type.String(),
      count: OrNull(Type.Integer()),
      points: Type.Number(),
      rate: Type.Optional(Type.Number({ description: 'a rate line: the rate held against the target' })),
      target: Type.Optional(Type.Number()),
    }),
  ),
});

const ResponsibleSchema = Type.Object({
  received: Type.Integer(),
  judged: Type.Integer(),
  valid: Type.Integer(),
  validByKind: Type.Object({
    major: Type.Integer(),
    service_conduct: Type.Integer(),
    business_error: Type.Integer(),
    minor_slip: Type.Integer(),
  }),
  majorValid: Type.Integer(),
  remediesPaid: Type.Integer({ description: 'fen' }),
});

const HandlerSchema = Type.Object({
  handled: Type.Integer(),
  stages: Type.Array(
    Type.Object({ stage: Type.String(), total: Type.Integer(), met: Type.Integer(), rate: Type.Number() }),
  ),
  onTimeRate: OrNull(Type.Number()),
  overdueStages: Type.Integer(),
  handlingMedianMs: OrNull(Type.Number()),
  handlingP90Ms: OrNull(Type.Number()),
  firstContact: Type.Integer(),
  firstContactRate: OrNull(Type.Number()),
  reopened: Type.Integer(),
  reopenRate: OrNull(Type.Number()),
  unsatisfied: Type.Integer(),
  satisfaction: Type.Object({
    surveys: Type.Integer(),
    speed: OrNull(Type.Number()),
    effectiveness: OrNull(Type.Number()),
    attitude: OrNull(Type.Number()),
    transparency: OrNull(Type.Number()),
    recommendation: OrNull(Type.Number()),
    nps: OrNull(Type.Number()),
    high: Type.Integer(),
  }),
  quality: Type.Object({ checks: Type.Integer(), average: OrNull(Type.Number()) }),
});

const PeriodSchema = Type.Object({ from: Type.String(), to: Type.String() });
const FrozenSchema = OrNull(
  Type.Object(
    { closedAt: Type.String({ format: 'date-time' }), closedBy: Type.String() },
    { description: '已关账 the period was closed: the figures as they were then' },
  ),
);

export const PersonSheetSchema = Type.Object({
  period: PeriodSchema,
  frozen: FrozenSchema,
  person: Type.Object({
    id: Type.Integer(),
    name: Type.String(),
    unitId: Type.Integer(),
    unitName: Type.String(),
  }),
  responsible: ResponsibleSchema,
  handler: HandlerSchema,
  score: ScoreSchema,
});
export type PersonSheet = Static<typeof PersonSheetSchema>;

export const PersonRowSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  unitId: Type.Integer(),
  unitName: Type.String(),
  received: Type.Integer(),
  valid: Type.Integer(),
  handled: Type.Integer(),
  onTimeRate: OrNull(Type.Number()),
  firstContactRate: OrNull(Type.Number()),
  reopenRate: OrNull(Type.Number()),
  nps: OrNull(Type.Number()),
  qualityAverage: OrNull(Type.Number()),
  remediesPaid: Type.Integer(),
  score: Type.Number(),
});
export type PersonRow = Static<typeof PersonRowSchema>;

export const UnitSheetSchema = Type.Object({
  period: PeriodSchema,
  frozen: FrozenSchema,
  unit: Type.Object({ id: Type.Integer(), name: Type.String() }),
  volume: Type.Object({ parcels: OrNull(Type.Integer()), orders: OrNull(Type.Integer()) }),
  validPer10kParcels: OrNull(Type.Number()),
  validPer10kOrders: OrNull(Type.Number()),
  responsible: ResponsibleSchema,
  handler: HandlerSchema,
  people: Type.Array(PersonRowSchema),
});
export type UnitSheet = Static<typeof UnitSheetSchema>;

export const VolumeRowSchema = Type.Object(
  {
    unitId: Type.Integer({ minimum: 1 }),
    period: Period,
    parcels: OrNull(Type.Integer({ minimum: 0 })),
    orders: OrNull(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false },
);
export type VolumeRow = Static<typeof VolumeRowSchema>;
export const VolumesBody = Type.Object(
  { rows: Type.Array(VolumeRowSchema, { minItems: 1, maxItems: 5000 }) },
  { additionalProperties: false },
);
export const VolumeViewSchema = Type.Object({
  unitId: Type.Integer(),
  unitName: Type.String(),
  period: Type.String(),
  parcels: OrNull(Type.Integer()),
  orders: OrNull(Type.Integer()),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type VolumeView = Static<typeof VolumeViewSchema>;
export const VolumesQuery = Type.Object({ period: Type.Optional(Period) }, { additionalProperties: false });

export const ClosedPeriodSchema = Type.Object({
  period: Type.String(),
  closedAt: Type.String({ format: 'date-time' }),
  closedBy: Type.String(),
});
export type ClosedPeriod = Static<typeof ClosedPeriodSchema>;
