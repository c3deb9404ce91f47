import { sql } from 'kysely';
import type { ActorContext } from '../../context.js';

/** 站内信: the signed-in user's notices, newest first, with the unread count. */
export async function listInbox(
  ctx: ActorContext,
  options: { unreadOnly?: boolean; limit?: number; before?: number },
) {
  let q = ctx.db
    .selectFrom('inbox_items')
    .leftJoin('complaints', 'complaints.id', 'inbox_items.complaint_id')
    .select([
      'inbox_items.id',
      'inbox_items.event',
      'inbox_items.title',
      'inbox_items.body',
      'inbox_items.created_at',
      'inbox_items.read_at',
      'complaints.number',
    ])
    .where('inbox_items.user_id', '=', ctx.actor.userId);
  if (options.unreadOnly) q = q.where('inbox_items.read_at', 'is', null);
  if (options.before) q = q.where('inbox_items.id', '<', options.before);
  const items = await q
    .orderBy('inbox_items.id', 'desc')
    .limit(options.limit ?? 50)
    .execute();
  const unread = await ctx.db
    .selectFrom('inbox_items')
    .select(sql<number>`count(*)`.as('n'))
    .where('user_id', '=', ctx.actor.userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return {
    unreadCount: Number(unread.n),
    items: items.map((i) => ({
      id: i.id,
      event: i.event,
      title: i.title,
      body: i.body,
      complaintNumber: i.number,
      createdAt: new Date(i.created_at).toISOString(),
      readAt: i.read_at === null ? null : new Date(i.read_at).toISOString(),
    })),
  };
}

/** Mark one notice (or, without an id, all of them) read; only the owner's own. */
export async function markRead(ctx: ActorContext, id: number | null): Promise<number> {
  let q = ctx.db
    .updateTable('inbox_items')
    .set({ read_at: ctx.clock.now() })
    .where('user_id', '=', ctx.actor.userId)
    .where('read_at', 'is', null);
  if (id !== null) q = q.where('id', '=', id);
  return Number((await q.executeTakeFirst()).numUpdatedRows);
}
