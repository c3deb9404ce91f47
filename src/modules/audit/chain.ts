import { hash } from 'node:crypto';
import type { WorkContext } from '../../lib/request-context.js';

export const GENESIS = '0'.repeat(64);

export interface NewEvent {
  streamType: string;
  streamId: number;
  actorId: number | null;
  at: number;
  kind: string;
  data: Record<string, unknown>;
  comment?: string | null;
  /** The stream is being created in this transaction (a new complaint): there is no head to read. */
  newStream?: boolean;
}

export interface ChainedFields {
  stream_type: string;
  stream_id: number;
  seq: number;
  at: number;
  actor_id: number | null;
  kind: string;
  data: string;
  comment: string | null;
}

/** The last event of a stream, which the next one continues. */
export interface ChainHead {
  seq: number;
  hash: string;
}

/** An event's row as written: its hashed fields, the hash before it and its own. */
export type ChainedEvent = ChainedFields & { prev_hash: string; hash: string };

/** The hash of one event: its own fields and the hash of the event before it in the same stream. */
export function eventHash(prevHash: string, e: ChainedFields): string {
  const canonical = JSON.stringify([
    prevHash,
    e.stream_type,
    e.stream_id,
    e.seq,
    e.at,
    e.actor_id,
    e.kind,
    e.data,
    e.comment,
  ]);
  return hash('sha256', canonical, 'hex');
}

/**
 * The row of event `e` appended after `head` (none: the stream's first). Its data gains the id of
 * the HTTP request (`requestId`) or job (`jobId`) that wrote it, from `context`.
 */
export function chainedEvent(e: NewEvent, head: ChainHead | undefined, context: WorkContext): ChainedEvent {
  const row: ChainedFields = {
    stream_type: e.streamType,
    stream_id: e.streamId,
    seq: (head?.seq ?? 0) + 1,
    at: e.at,
    actor_id: e.actorId,
    kind: e.kind,
    data: JSON.stringify(Object.keys(context).length ? { ...e.data, ...context } : e.data),
    comment: e.comment ?? null,
  };
  const prev = head?.hash ?? GENESIS;
  return { ...row, prev_hash: prev, hash: eventHash(prev, row) };
}

/** The head row of a stream whose last event is `row`. */
export const headRow = ({ stream_type, stream_id, seq, hash }: ChainedEvent) => ({
  stream_type,
  stream_id,
  seq,
  hash,
});
