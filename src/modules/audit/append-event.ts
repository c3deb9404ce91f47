import type { Tx } from '../../db/database.js';
import { currentContext } from '../../lib/request-context.js';
import type { TxCache } from '../../lib/tx-cache.js';
import { eventHash, GENESIS } from './chain.js';

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

/**
 * Append one event to its stream's hash chain. Call inside the transaction of the change it
 * records; on PostgreSQL the head row is locked so that two writers cannot fork the chain.
 * The data gains the id of the HTTP request (`requestId`) or job (`jobId`) that wrote it.
 */
export async function appendEvent(
  tx: Tx,
  e: NewEvent,
  cache?: TxCache,
): Promise<{ id: number; seq: number }> {
  const headKey = `head:${e.streamType}:${e.streamId}`;
  const readHead = () =>
    tx
      .selectFrom('event_heads')
      .select(['seq', 'hash'])
      .where('stream_type', '=', e.streamType)
      .where('stream_id', '=', e.streamId)
      .forUpdate()
      .executeTakeFirst();
  // Locked by the first read in this transaction; later appends to the stream know it from the cache.
  const head = e.newStream ? undefined : cache ? await cache.get(headKey, readHead) : await readHead();
  const row = {
    stream_type: e.streamType,
    stream_id: e.streamId,
    seq: (head?.seq ?? 0) + 1,
    at: e.at,
    actor_id: e.actorId,
    kind: e.kind,
    data: JSON.stringify({ ...e.data, ...currentContext() }),
    comment: e.comment ?? null,
  };
  const prev = head?.hash ?? GENESIS;
  const hash = eventHash(prev, row);
  const inserted = await tx
    .insertInto('events')
    .values({ ...row, prev_hash: prev, hash })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (head) {
    await tx
      .updateTable('event_heads')
      .set({ seq: row.seq, hash })
      .where('stream_type', '=', e.streamType)
      .where('stream_id', '=', e.streamId)
      .execute();
  } else {
    await tx
      .insertInto('event_heads')
      .values({ stream_type: e.streamType, stream_id: e.streamId, seq: row.seq, hash })
      .execute();
  }
  cache?.set(headKey, { seq: row.seq, hash });
  return { id: inserted.id, seq: row.seq };
}
