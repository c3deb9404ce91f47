import type { Db } from '../../db/database.js';
import { eventHash, GENESIS } from './chain.js';

export type ChainReport =
  | { intact: true; events: number; streams: number }
  | {
      intact: false;
      events: number;
      /** The first event (in stream order) whose chain breaks, or null when only a stream head disagrees. */
      eventId: number | null;
      streamType: string;
      streamId: number;
      seq: number;
      reason: 'hash_mismatch' | 'link_mismatch' | 'seq_gap' | 'head_mismatch';
    };

const BATCH = 5000;

export interface VerifyOptions {
  /** Only this stream (one complaint's history); every stream when absent. */
  stream?: { type: string; id: number };
  /** Called after each batch with the events checked so far; may record progress. */
  onProgress?: (events: number) => Promise<void> | void;
}

/** Re-derive every stream's chain (or one) in bounded memory and report the first break. */
export async function verifyChain(db: Db, options: VerifyOptions = {}): Promise<ChainReport> {
  const { stream, onProgress } = options;
  const heads = new Map<string, { seq: number; hash: string }>();
  let headQuery = db.selectFrom('event_heads').selectAll();
  if (stream) headQuery = headQuery.where('stream_type', '=', stream.type).where('stream_id', '=', stream.id);
  for (const h of await headQuery.execute()) {
    heads.set(`${h.stream_type}:${h.stream_id}`, { seq: h.seq, hash: h.hash });
  }
  let events = 0;
  let cursor: { type: string; id: number; seq: number } | null = null;
  let current: { key: string; type: string; id: number; seq: number; hash: string } | null = null;
  const seen = new Set<string>();

  const closeStream = (): ChainReport | null => {
    if (!current) return null;
    const head = heads.get(current.key);
    if (!head || head.seq !== current.seq || head.hash !== current.hash) {
      return {
        intact: false,
        events,
        eventId: null,
        streamType: current.type,
        streamId: current.id,
        seq: current.seq,
        reason: 'head_mismatch',
      };
    }
    return null;
  };

  for (;;) {
    let q = db
      .selectFrom('events')
      .selectAll()
      .orderBy('stream_type')
      .orderBy('stream_id')
      .orderBy('seq')
      .limit(BATCH);
    if (stream) q = q.where('stream_type', '=', stream.type).where('stream_id', '=', stream.id);
    if (cursor) {
      const c: { type: string; id: number; seq: number } = cursor;
      q = q.where((eb) =>
        eb.or([
          eb('stream_type', '>', c.type),
          eb.and([eb('stream_type', '=', c.type), eb('stream_id', '>', c.id)]),
          eb.and([eb('stream_type', '=', c.type), eb('stream_id', '=', c.id), eb('seq', '>', c.seq)]),
        ]),
      );
    }
    const rows = await q.execute();
    for (const e of rows) {
      const key = `${e.stream_type}:${e.stream_id}`;
      if (!current || current.key !== key) {
        const broken = closeStream();
        if (broken) return broken;
        current = { key, type: e.stream_type, id: e.stream_id, seq: 0, hash: GENESIS };
        seen.add(key);
      }
      const fail = (reason: 'hash_mismatch' | 'link_mismatch' | 'seq_gap'): ChainReport => ({
        intact: false,
        events,
        eventId: e.id,
        streamType: e.stream_type,
        streamId: e.stream_id,
        seq: e.seq,
        reason,
      });
      if (e.seq !== current.seq + 1) return fail('seq_gap');
      if (e.prev_hash !== current.hash) return fail('link_mismatch');
      if (eventHash(e.prev_hash, e) !== e.hash) return fail('hash_mismatch');
      current.seq = e.seq;
      current.hash = e.hash;
      events++;
    }
    const last = rows.at(-1);
    if (!last) break;
    await onProgress?.(events);
    cursor = { type: last.stream_type, id: last.stream_id, seq: last.seq };
  }
  const broken = closeStream();
  if (broken) return broken;
  for (const [key, head] of heads) {
    if (!seen.has(key)) {
      const [type = '', id = '0'] = key.split(':');
      return {
        intact: false,
        events,
        eventId: null,
        streamType: type,
        streamId: Number(id),
        seq: head.seq,
        reason: 'head_mismatch',
      };
    }
  }
  return { intact: true, events, streams: heads.size };
}
