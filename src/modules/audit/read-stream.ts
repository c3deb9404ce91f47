import type { Db } from '../../db/database.js';

/** One stream's history, oldest first, with the actors' names: what a timeline shows. */
export async function readStream(db: Db, streamType: string, streamId: number) {
  const events = await db
    .selectFrom('events')
    .leftJoin('users', 'users.id', 'events.actor_id')
    .select([
      'events.seq',
      'events.at',
      'events.kind',
      'events.data',
      'events.comment',
      'events.actor_id',
      'users.display_name',
    ])
    .where('events.stream_type', '=', streamType)
    .where('events.stream_id', '=', streamId)
    .orderBy('events.seq')
    .execute();
  return events.map((e) => ({
    seq: e.seq,
    at: new Date(e.at).toISOString(),
    kind: e.kind,
    actor: e.actor_id === null ? null : { id: e.actor_id, name: e.display_name },
    data: JSON.parse(e.data) as Record<string, unknown>,
    comment: e.comment,
  }));
}
