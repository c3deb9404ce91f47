import type { Tx } from '../../db/database.js';
import { currentContext } from '../../lib/request-context.js';
import type { TxCache } from '../../lib/tx-cache.js';
import { type ChainHead, chainedEvent, type NewEvent } from './chain.js';

export type { NewEvent } from './chain.js';

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
  const readHead = (): Promise<ChainHead | undefined> =>
    tx
      .selectFrom('event_heads')
      .select(['seq', 'hash'])
      .where('stream_type', '=', e.streamType)
      .where('stream_id', '=', e.streamId)
      .forUpdate()
      .executeTakeFirst();
  // Locked by the first read in this transaction; later appends to the stream know it from the cache.
  const head = e.newStream ? undefined : cache ? await cache.get(headKey, readHead) : await readHead();
  const row = chainedEvent(e, head, currentContext());
  const inserted = await tx.insertInto('events').values(row).returning('id').executeTakeFirstOrThrow();
  if (head) {
    await tx
      .updateTable('event_heads')
      .set({ seq: row.seq, hash: row.hash })
      .where('stream_type', '=', e.streamType)
      .where('stream_id', '=', e.streamId)
      .execute();
  } else {
    await tx
      .insertInto('event_heads')
      .values({ stream_type: e.streamType, stream_id: e.streamId, seq: row.seq, hash: row.hash })
      .execute();
  }
  cache?.set(headKey, { seq: row.seq, hash: row.hash });
  return { id: inserted.id, seq: row.seq };
}
