import { type Static, type TSchema, Type } from 'typebox';

const nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const count = Type.Integer({ minimum: 0 });

export const ForecastQuery = Type.Object(
  {
    unitId: Type.Optional(
      Type.Integer({ minimum: 1, description: 'a unit subtree (default: everything the caller may see)' }),
    ),
  },
  { additionalProperties: false },
);
export type ForecastInput = Static<typeof ForecastQuery>;

export const ForecastDaySchema = Type.Object({
  date: Type.String({ format: 'date' }),
  expected: Type.Number({ description: 'expected complaints received that local day' }),
  lo80: count,
  hi80: count,
  lo95: count,
  hi95: count,
});
export type ForecastDayView = Static<typeof ForecastDaySchema>;

const Days = Type.Array(ForecastDaySchema, { description: 'today first, up to 30 days' });

export const ForecastSchema = Type.Object({
  madeAt: nullable(Type.Integer({ description: 'epoch ms of the daily refresh; null before the first' })),
  total: Days,
  categories: Type.Array(
    Type.Object({ categoryId: Type.Integer(), nameZh: Type.String(), nameEn: Type.String(), days: Days }),
    { description: 'level-1 categories with enough history, by expected volume' },
  ),
  regions: Type.Array(Type.Object({ region: Type.String({ description: "'' when none" }), days: Days }), {
    description: 'regions with enough history, by expected volume',
  }),
  staffing: Type.Object({
    minutesPerComplaint: Type.Number({
      description: 'working minutes one complaint takes (the staffing setting)',
    }),
    hoursPerHandler: Type.Number({
      description: 'working hours of one handler in a day (the staffing setting)',
    }),
    days: Type.Array(
      Type.Object({
        date: Type.String({ format: 'date' }),
        handlers: Type.Number({ description: 'expected × minutes per complaint ÷ 60 ÷ hours per handler' }),
      }),
    ),
  }),
});
export type Forecast = Static<typeof ForecastSchema>;

/** 人员配置: what one complaint and one handler's day take, for the staffing hint. */
export const StaffingSettingsSchema = Type.Object(
  {
    minutesPerComplaint: Type.Integer({
      minimum: 1,
      maximum: 1440,
      description: 'working minutes one complaint takes in all (calls, investigation, reply, records)',
    }),
    hoursPerHandler: Type.Number({
      minimum: 1,
      maximum: 24,
      multipleOf: 0.5,
      description: 'working hours of one handler in a day spent on complaints',
    }),
  },
  { additionalProperties: false },
);
export type StaffingSettings = Static<typeof StaffingSettingsSchema>;
