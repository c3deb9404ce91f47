import { type Static, Type } from 'typebox';
import { PRIORITIES } from '../../domain/complaint-model.js';
import { LIMIT_STAGES } from './stages.js';

export const MODES = ['working', 'clock'] as const;
const Mode = Type.Enum(MODES);
/** A calendar day, YYYY-MM-DD; an impossible one (2026-13-45, 2026-02-29) is refused. */
const Day = Type.String({ format: 'date' });
const Minute = Type.Integer({ minimum: 0, maximum: 1440 });
/** [start, end) in minutes from local midnight; an array of two (OpenAPI 3.0 has no tuples). */
const Interval = Type.Unsafe<[number, number]>(Type.Array(Minute, { minItems: 2, maxItems: 2 }));
const Limit = Type.Object({ mode: Mode, minutes: Type.Integer({ minimum: 1 }) });

export const PolicyBody = Type.Object(
  {
    stage: Type.Enum(LIMIT_STAGES),
    categoryId: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], {
      description: 'null: every category',
    }),
    priority: Type.Union([Type.Enum(PRIORITIES), Type.Null()], { description: 'null: every priority' }),
    mode: Mode,
    minutes: Type.Integer({ minimum: 1, maximum: 525600 }),
  },
  { additionalProperties: false },
);
export type PolicyInput = Static<typeof PolicyBody>;

export const PolicySchema = Type.Object({ id: Type.Integer(), ...PolicyBody.properties });
export type PolicyView = Static<typeof PolicySchema>;

export const PoliciesSchema = Type.Object({
  defaults: Type.Record(Type.String(), Type.Object({ ...Limit.properties, urgent: Type.Optional(Limit) }), {
    description: 'the built-in limit of each stage (DOMAIN), used where no policy applies',
  }),
  items: Type.Array(PolicySchema),
});

export const CalendarSettingsSchema = Type.Object(
  {
    timeZone: Type.Optional(Type.String({ maxLength: 64 })),
    hours: Type.Optional(
      Type.Record(Type.String({ pattern: '^[0-6]$' }), Type.Array(Interval, { maxItems: 6 }), {
        description: 'weekday (0 = Sunday) → working intervals',
      }),
    ),
    extraHolidays: Type.Optional(Type.Array(Day, { maxItems: 400 })),
    extraWorkdays: Type.Optional(Type.Array(Day, { maxItems: 400 })),
    removeHolidays: Type.Optional(Type.Array(Day, { maxItems: 400 })),
  },
  { additionalProperties: false },
);
/** Admin-editable calendar: hours per weekday and overrides of the shipped PRC holiday data. */
export type CalendarSettings = Static<typeof CalendarSettingsSchema>;

export const SlaSettingsSchema = Type.Object(
  {
    remindShare: Type.Number({
      exclusiveMinimum: 0,
      exclusiveMaximum: 1,
      description: 'share of a limit after which the owner is reminded',
    }),
    raisePriorityOnBreach: Type.Integer({ minimum: 0, maximum: 3, description: 'steps; 0 = none' }),
    unreachableClose: Type.Object(
      { mode: Mode, minutes: Type.Integer({ minimum: 1 }) },
      {
        additionalProperties: false,
        description: 'close as unreachable after a failed call-back and silence',
      },
    ),
  },
  { additionalProperties: false },
);
export type SlaSettings = Static<typeof SlaSettingsSchema>;
