import { statementChunks } from '../../db/batches.js';
import type { Tx } from '../../db/database.js';
import type { EventHeadTable } from '../../db/schema.js';
import { currentContext, type WorkContext } from '../../lib/request-context.js';
import type { TxCache } from '../../lib/tx-cache.js';
import type { NewEvent } from './append-event.js';
import { type ChainedFields, eventHash, GENESIS } from './chain.js';

type Head = { seq: number; hash: string } | undefined;

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
  const rows = events.map((e) => {
    const key = headKey(e.streamType, e.streamId);
    const head = heads.get(key);
    const row = chainedRow(e, (head?.seq ?? 0) + 1, context);
    const prev = head?.hash ?? GENESIS;
    const hash = eventHash(prev, row);
    heads.set(key, { seq: row.seq, hash });
    return { ...row, prev_hash: prev, hash };
  });
  for (const chunk of statementChunks(rows, 10)) await tx.insertInto('events').values(chunk).execute();

  // The last event of each stream is its new head.
  const written = new Map<string, EventHeadTable>();
  for (const { stream_type, stream_id, seq, hash } of rows)
    written.set(headKey(stream_type, stream_id), { stream_type, stream_id, seq, hash });
  const newHeads = [...written.values()];
  for (const chunk of statementChunks(newHeads, 4))
    await tx
      .insertInto('event_heads')
      .values(chunk)
      .onConflict((oc) =>
        oc
          .columns(['stream_type', 'stream_id'])
          .doUpdateSet((eb) => ({ seq: eb.ref('excluded.seq'), hash: eb.ref('excluded.hash') })),
      )
      .execute();
  for (const h of newHeads) cache?.set(headKey(h.stream_type, h.stream_id), { seq: h.seq, hash: h.hash });
}

/** The hashed fields of an event: its data gains the id of the request or job that wrote it. */
export function chainedRow(e: NewEvent, seq: number, context: WorkContext): ChainedFields {
  return {
    stream_type: e.streamType,
    stream_id: e.streamId,
    seq,
    at: e.at,
    actor_id: e.actorId,
    kind: e.kind,
    data: JSON.stringify({ ...e.data, ...context }),
    comment: e.comment ?? null,
  };
}

/** The heads of the events' streams: from the cache, else read (and locked, on PostgreSQL) at once. */
async function readHeads(tx: Tx, events: readonly NewEvent[], cache?: TxCache): Promise<Map<string, Head>> {
  const heads = new Map<string, Head>();
  const unread = new Map<string, Set<number>>();
  for (const e of events) {
    const key = headKey(e.streamType, e.streamId);
    if (heads.has(key)) continue;
    if (cache?.has(key)) heads.set(key, await cache.get<Head>(key, async () => undefined));
    else if (e.newStream) heads.set(key, undefined);
    else unread.set(e.streamType, (unread.get(e.streamType) ?? new Set()).add(e.streamId));
  }
  for (const [streamType, ids] of unread) {
    const byId = new Map<number, Head>();
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
