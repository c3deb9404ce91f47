import { Type } from 'typebox';

/** One event of a stream's history (read-stream.ts), oldest first. */
export const HistoryEvent = Type.Object({
  seq: Type.Integer({ minimum: 1 }),
  at: Type.String({ format: 'date-time' }),
  kind: Type.String({ description: 'what happened, e.g. registered, accepted, merged' }),
  actor: Type.Union([
    Type.Object({ id: Type.Integer(), name: Type.Union([Type.String(), Type.Null()]) }),
    Type.Null(),
  ]),
  // Free-form: each kind of event records its own facts (changed columns, amounts, clocks …).
  data: Type.Record(Type.String(), Type.Unknown()),
  comment: Type.Union([Type.String(), Type.Null()]),
});

export const History = Type.Object({ items: Type.Array(HistoryEvent) });
