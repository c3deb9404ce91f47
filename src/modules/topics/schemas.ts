import { type Static, type TSchema, Type } from 'typebox';

const nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const count = Type.Integer({ minimum: 0 });

export const TopicsQuery = Type.Object(
  {
    unitId: Type.Optional(
      Type.Integer({ minimum: 1, description: 'a unit and its subtree; default: what the caller may see' }),
    ),
  },
  { additionalProperties: false },
);
export type TopicsInput = Static<typeof TopicsQuery>;

export const TopicSchema = Type.Object({
  id: Type.Integer(),
  words: Type.Array(Type.String(), { description: 'key words, heaviest first' }),
  size: Type.Integer({ minimum: 0, description: 'complaints in the last 7 days' }),
  previous: Type.Integer({ minimum: 0, description: 'complaints in the 7 days before' }),
  growth: nullable(Type.Number({ description: '(size − previous) / previous; null when new' })),
  inScope: Type.Integer({ minimum: 0, description: 'of the topic’s complaints, those in the asked scope' }),
  firstSeen: Type.String({ format: 'date' }),
  isNew: Type.Boolean({ description: 'first seen within the last 3 days' }),
  trend: Type.Array(Type.Object({ date: Type.String({ format: 'date' }), count }), {
    description: 'complaints per local day over both periods, oldest first',
  }),
  units: Type.Array(
    Type.Object({ id: Type.Integer(), name: Type.String(), nameEn: nullable(Type.String()), count }),
  ),
  examples: Type.Array(
    Type.Object({
      id: Type.Integer(),
      number: Type.String(),
      title: Type.String(),
      receivedAt: Type.Integer(),
    }),
    { description: 'the newest complaints of the topic in the scope (at most 5)' },
  ),
});
export type Topic = Static<typeof TopicSchema>;

export const TopicsSchema = Type.Object({
  day: nullable(
    Type.String({ format: 'date', description: 'the local day of the latest run; null before the first' }),
  ),
  ranAt: nullable(Type.Integer({ description: 'epoch ms' })),
  complaints: Type.Integer({ minimum: 0, description: 'complaints the latest run grouped' }),
  topics: Type.Array(TopicSchema, { description: 'largest first, those with complaints in the scope' }),
});
export type Topics = Static<typeof TopicsSchema>;
