import type { Tx } from '../../db/database.js';
import { appendEvent } from '../audit/index.js';

/** Append an event to a user's history (sign-in lockouts, second factor, sessions ended). */
export function appendUserEvent(
  tx: Tx,
  e: { userId: number; actorId: number | null; at: number; kind: string; data?: Record<string, unknown> },
) {
  return appendEvent(tx, {
    streamType: 'user',
    streamId: e.userId,
    actorId: e.actorId,
    at: e.at,
    kind: e.kind,
    data: e.data ?? {},
  });
}
