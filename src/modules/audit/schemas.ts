import { type Static, Type } from 'typebox';

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

export const VERIFICATION_STATES = ['queued', 'running', 'done', 'failed'] as const;
export type VerificationState = (typeof VERIFICATION_STATES)[number];

/** Where a chain breaks: the first event that does not fit (null when only the stream head disagrees). */
export const ChainBreak = Type.Object({
  eventId: Type.Union([Type.Integer(), Type.Null()]),
  streamType: Type.String({ description: 'complaint, job, audit_verification …' }),
  streamId: Type.Integer(),
  seq: Type.Integer(),
  reason: Type.Enum(['hash_mismatch', 'link_mismatch', 'seq_gap', 'head_mismatch']),
  complaintNumber: Type.Union([Type.String(), Type.Null()], {
    description: 'the complaint whose history breaks, when the stream is a complaint',
  }),
});

/** 核验结果: intact, or the first broken event. */
export const VerificationResult = Type.Object({
  intact: Type.Boolean(),
  events: Type.Integer({ description: 'events checked' }),
  streams: Type.Union([Type.Integer(), Type.Null()], { description: 'streams checked, when intact' }),
  broken: Type.Union([ChainBreak, Type.Null()]),
});
export type VerificationResult = Static<typeof VerificationResult>;

/** 历史核验: one verification of the hash-chained history, all of it or one complaint's. */
export const VerificationView = Type.Object({
  id: Type.Integer(),
  scope: Type.Enum(['all', 'complaint']),
  complaintNumber: Type.Union([Type.String(), Type.Null()]),
  state: Type.Enum([...VERIFICATION_STATES]),
  requestedBy: Type.Object({ id: Type.Integer(), name: Type.String() }),
  requestedAt: Type.String({ format: 'date-time' }),
  finishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  progress: Type.Object({
    checked: Type.Integer({ description: 'events checked so far' }),
    total: Type.Union([Type.Integer(), Type.Null()], { description: 'events when the verification started' }),
  }),
  result: Type.Union([VerificationResult, Type.Null()]),
  error: Type.Union([Type.String(), Type.Null()], {
    description: 'why a failed verification could not finish',
  }),
});
export type VerificationView = Static<typeof VerificationView>;

export const VerificationList = Type.Object({ items: Type.Array(VerificationView) });
export const VerificationIdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
