import { createHash } from 'node:crypto';

export const GENESIS = '0'.repeat(64);

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
  return createHash('sha256').update(canonical).digest('hex');
}
