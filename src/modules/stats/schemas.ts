import { type Static, type TSchema, Type } from 'typebox';

const nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Day = Type.String({
  pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$',
  description: 'YYYY-MM-DD',
});
const Rate = nullable(Type.Number({ description: 'a share 0–1; null when there is nothing to divide by' }));

export const BREAKDOWNS = [
  'category',
  'channel',
  'unit',
  'region',
  'priority',
  'grade',
  'validity',
  'liability',
  'repeat',
] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];
export const TABLES = [...BREAKDOWNS, 'stages', 'remedies', 'trend'] as const;

export const StatsQuery = Type.Object(
  {
    from: Day,
    to: Type.Optional({ ...Day, description: 'YYYY-MM-DD, inclusive; default: from' }),
    unitId: Type.Optional(
      Type.Integer({ minimum: 1, description: 'a unit subtree (default: everything the caller may see)' }),
    ),
    categoryLevel: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 4, description: 'the category level to count by (default 1)' }),
    ),
  },
  { additionalProperties: false },
);
export type StatsInput = Static<typeof StatsQuery>;
export const ExportQuery = Type.Object(
  { ...StatsQuery.properties, table: Type.Enum(TABLES) },
  { additionalProperties: false },
);

const Range = Type.Object({ from: Day, to: Day });

/** The complaint-list filters (GET /complaints) that list exactly the complaints a bucket counts. */
export const DrillSchema = Type.Object({
  status: Type.String(),
  receivedFrom: Type.String({ format: 'date-time' }),
  receivedTo: Type.String({ format: 'date-time' }),
  unitId: Type.Optional(Type.Integer()),
  categoryId: Type.Optional(Type.Integer()),
  channel: Type.Optional(Type.String()),
  priority: Type.Optional(Type.String()),
  grade: Type.Optional(Type.String()),
  repeat: Type.Optional(Type.Boolean()),
  merged: Type.Optional(Type.Boolean()),
});
export type Drill = Static<typeof DrillSchema>;

export const BucketSchema = Type.Object({
  key: Type.String(),
  nameZh: nullable(Type.String()),
  nameEn: nullable(Type.String()),
  complaints: Type.Integer(),
  share: Rate,
  previous: Type.Integer({ description: '上期 the same length of days just before' }),
  lastYear: Type.Integer({ description: '去年同期 the same days a year before' }),
  change: nullable(Type.Number({ description: '环比 (now − previous) / previous' })),
  yearChange: nullable(Type.Number({ description: '同比 (now − last year) / last year' })),
  drill: Type.Union([DrillSchema, Type.Null()], {
    description: 'null when no list filter reproduces the bucket',
  }),
});
export type Bucket = Static<typeof BucketSchema>;

export const StageSchema = Type.Object({
  stage: Type.String(),
  met: Type.Integer({ description: 'clocks of the stage met, of complaints received in the period' }),
  onTime: Type.Integer(),
  onTimeRate: Rate,
  medianMs: nullable(Type.Integer({ description: 'from a histogram: within ±9.1 %' })),
  p90Ms: nullable(Type.Integer({ description: 'from a histogram: within ±9.1 %' })),
});

const Sum = Type.Object({
  key: Type.String(),
  remedies: Type.Integer(),
  amount: Type.Integer({ description: 'fen' }),
});

export const FiguresSchema = Type.Object({
  recounting: Type.Boolean({
    description:
      'the figures are being counted again from the complaints (kesu stats rebuild, or after an upgrade): until that ends a period may count part old, part new',
  }),
  period: Range,
  previous: Range,
  lastYear: Range,
  unit: nullable(Type.Object({ id: Type.Integer(), name: Type.String(), nameEn: nullable(Type.String()) })),
  totals: Type.Object({
    complaints: Type.Integer(),
    previous: Type.Integer(),
    lastYear: Type.Integer(),
    change: nullable(Type.Number()),
    yearChange: nullable(Type.Number()),
    closed: Type.Integer(),
    valid: Type.Integer(),
    invalid: Type.Integer(),
    validRate: Rate,
    firstContact: Type.Integer(),
    firstContactRate: Rate,
    reopened: Type.Integer(),
    reopenRate: Rate,
    repeat: Type.Integer(),
    repeatRate: Rate,
  }),
  breakdowns: Type.Object(
    Object.fromEntries(BREAKDOWNS.map((b) => [b, Type.Array(BucketSchema)])) as Record<
      Breakdown,
      ReturnType<typeof Type.Array<typeof BucketSchema>>
    >,
  ),
  stages: Type.Array(StageSchema),
  satisfaction: Type.Object({
    surveys: Type.Integer(),
    speed: nullable(Type.Number()),
    effectiveness: nullable(Type.Number()),
    attitude: nullable(Type.Number()),
    transparency: nullable(Type.Number()),
    nps: nullable(Type.Number({ description: '%promoters (9–10) − %detractors (0–6)' })),
  }),
  remedies: Type.Object({
    remedies: Type.Integer(),
    amount: Type.Integer({ description: 'fen' }),
    byKind: Type.Array(Sum, { description: 'a remedy of several kinds counts under each' }),
    byLevel: Type.Array(Sum, { description: "the approver's role; '' within the proposer's own limit" }),
  }),
  volumes: nullable(
    Type.Object({
      parcels: nullable(Type.Integer()),
      orders: nullable(Type.Integer()),
      per10kParcels: nullable(Type.Number()),
      per10kOrders: nullable(Type.Number()),
    }),
  ),
  trend: Type.Array(Type.Object({ day: Day, complaints: Type.Integer(), drill: DrillSchema })),
  heatmap: Type.Array(
    Type.Object({
      weekday: Type.Integer({ minimum: 1, maximum: 7, description: '1 Monday … 7 Sunday' }),
      hour: Type.Integer({ minimum: 0, maximum: 23 }),
      complaints: Type.Integer(),
    }),
  ),
});
export type Figures = Static<typeof FiguresSchema>;
