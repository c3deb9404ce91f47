import { type Static, Type } from 'typebox';
import { Id } from '../../server/endpoint.js';

export const JOB_STATES = ['pending', 'running', 'done', 'dead'] as const;
export type JobState = (typeof JOB_STATES)[number];
/** `failed`: pending again after a failed attempt, waiting for its retry (it has a last error). */
export const JOB_LIST_STATES = [...JOB_STATES, 'failed'] as const;

const Time = Type.String({ format: 'date-time' });
const NullableTime = Type.Union([Time, Type.Null()]);

export const JobViewSchema = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  state: Type.Enum([...JOB_STATES]),
  // The job kind's own input, free-form per kind (src/jobs/registry.ts).
  payload: Type.Unknown(),
  runAt: Time,
  attempts: Type.Integer(),
  maxAttempts: Type.Integer(),
  lastError: Type.Union([Type.String(), Type.Null()]),
  lockedBy: Type.Union([Type.String(), Type.Null()]),
  lockedUntil: NullableTime,
  key: Type.Union([Type.String(), Type.Null()]),
  createdAt: Time,
  finishedAt: NullableTime,
});
export type JobView = Static<typeof JobViewSchema>;

export const JobListQuery = Type.Object(
  {
    state: Type.Optional(Type.Enum([...JOB_LIST_STATES])),
    kind: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    cursor: Type.Optional(Type.String({ maxLength: 100 })),
  },
  { additionalProperties: false },
);
export type JobListInput = Static<typeof JobListQuery>;

export const JobListResponse = Type.Object({
  items: Type.Array(JobViewSchema),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

export const JobIdParams = Type.Object({ id: Id() });
