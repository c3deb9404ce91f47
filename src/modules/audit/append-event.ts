import { insertId, insertRow } from '../../db/batches.js';
import type { Tx } from '../../db/database.js';
import { prepared } from '../../db/prepared.js';
import type { WriteBatch } from '../../db/write-batch.js';
import { currentContext } from '../../lib/request-context.js';
import type { TxCache } from '../../lib/tx-cache.js';
import { type ChainHead, chainedEvent, headRow, type NewEvent } from './chain.js';

export type { NewEvent } from './chain.js';

type Stream = { type: string; id: number };

const headOf = prepared((db, { type, id }: Stream) =>
  db
    .selectFrom('event_heads')
    .select(['seq', 'hash'])
    .where('stream_type', '=', type)
    .where('stream_id', '=', id)
    .forUpdate(),
);

const moveHead = prepared((db, { type, id, seq, hash }: Stream & ChainHead) =>
  db
    .updateTable('event_heads')
    .set({ seq, hash })
    .where('stream_type', '=', type)
    .where('stream_id', '=', id),
);

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
  const stream = { type: e.streamType, id: e.streamId };
  const readHead = async (): Promise<ChainHead | undefined> => (await headOf(tx, stream))[0];
  // Locked by the first read in this transaction; later appends to the stream know it from the cache.
  const head = e.newStream ? undefined : cache ? await cache.get(headKey, readHead) : await readHead();
  const row = chainedEvent(e, head, currentContext());
  const id = await insertId(tx, 'events', row);
  if (head) await moveHead(tx, { ...stream, seq: row.seq, hash: row.hash });
  else await insertRow(tx, 'event_heads', headRow(row));
  cache?.set(headKey, { seq: row.seq, hash: row.hash });
  return { id, seq: row.seq };
}

/**
 * The first event of a stream created in this transaction (a new complaint), with `batch`: there is
 * no head to read or lock, and nothing reads the event back before the batch is flushed.
 */
export function startStream(batch: WriteBatch, e: Omit<NewEvent, 'newStream'>): void {
  const row = chainedEvent(e, undefined, currentContext());
  batch.insertRow('events', row);
  batch.insertRow('event_heads', headRow(row));
}
