import { insertRows, statementChunks } from '../../db/batches.js';
import type { Tx } from '../../db/database.js';
import { currentContext } from '../../lib/request-context.js';
import type { TxCache } from '../../lib/tx-cache.js';
import { type ChainedEvent, type ChainHead, chainedEvent, headRow, type NewEvent } from './chain.js';

const headKey = (streamType: string, streamId: number) => `head:${streamType}:${streamId}`;

/**
 * appendEvent for many events at once, appended in the order given (several may share a stream):
 * the heads this transaction does not know yet are read and locked in one statement per stream type,
 * the chains are extended in memory, and the events and the new heads are written with multi-row
 * statements. Same rows, hashes and locks as appending them one by one.
 */
export async function appendEvents(tx: Tx, events: readonly NewEvent[], cache?: TxCache): Promise<void> {
  if (!events.length) return;
  const heads = await readHeads(tx, events, cache);
  const context = currentContext();
  // The last event of each stream is its new head.
  const written = new Map<string, ChainedEvent>();
  const rows = events.map((e) => {
    const key = headKey(e.streamType, e.streamId);
    const row = chainedEvent(e, heads.get(key), context);
    heads.set(key, row);
    written.set(key, row);
    return row;
  });
  await insertRows(tx, 'events', rows);
  await insertRows(
    tx,
    'event_heads',
    [...written.values()].map(headRow),
    'on conflict ("stream_type", "stream_id") do update set "seq" = excluded."seq", "hash" = excluded."hash"',
  );
  for (const [key, { seq, hash }] of written) cache?.set(key, { seq, hash });
}

/** The heads of the events' streams: from the cache, else read (and locked, on PostgreSQL) at once. */
async function readHeads(
  tx: Tx,
  events: readonly NewEvent[],
  cache?: TxCache,
): Promise<Map<string, ChainHead | undefined>> {
  const heads = new Map<string, ChainHead | undefined>();
  const unread = new Map<string, Set<number>>();
  for (const e of events) {
    const key = headKey(e.streamType, e.streamId);
    if (heads.has(key)) continue;
    if (cache?.has(key)) heads.set(key, await cache.get<ChainHead | undefined>(key, async () => undefined));
    else if (e.newStream) heads.set(key, undefined);
    else unread.set(e.streamType, (unread.get(e.streamType) ?? new Set()).add(e.streamId));
  }
  for (const [streamType, ids] of unread) {
    const byId = new Map<number, ChainHead>();
    for (const chunk of statementChunks(
      [...ids].sort((a, b) => a - b),
      1,
    )) {
      const found = await tx
        .selectFrom('event_heads')
        .select(['stream_id', 'seq', 'hash'])
        .where('stream_type', '=', streamType)
        .where('stream_id', 'in', chunk)
        .orderBy('stream_id')
        .forUpdate()
        .execute();
      for (const h of found) byId.set(h.stream_id, { seq: h.seq, hash: h.hash });
    }
    for (const id of ids) {
      const head = byId.get(id);
      heads.set(headKey(streamType, id), head);
      cache?.set(headKey(streamType, id), head);
    }
  }
  return heads;
}
