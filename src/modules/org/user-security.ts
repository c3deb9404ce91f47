import type { ActorContext } from '../../context.js';
import { notFound } from '../../lib/errors.js';
import { accountLockout } from './login-throttle.js';
import { requireAdmin } from './policy.js';
import type { UserSecurityView } from './security-schemas.js';
import { endSessions, listSessions } from './sessions.js';
import { totpStatus } from './totp.js';
import { appendUserEvent } from './user-events.js';

/** The admin's view of a user's sign-in: lockout, second factor, open sessions. */
export async function userSecurity(ctx: ActorContext, userId: number): Promise<UserSecurityView> {
  requireAdmin(ctx.actor);
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (tx) => {
    const user = await tx.selectFrom('users').select('username').where('id', '=', userId).executeTakeFirst();
    if (!user) throw notFound('user_not_found');
    const lock = await accountLockout(tx, user.username, now);
    return {
      lockedUntil: lock.lockedUntil === null ? null : new Date(lock.lockedUntil).toISOString(),
      failures: lock.failures,
      totpEnabled: (await totpStatus(tx, userId)).enabled,
      sessions: await listSessions(tx, userId, now),
    };
  });
}

/** 强制退出: the admin ends one session of a user, or all of them; recorded in the user's history. */
export async function endUserSessions(ctx: ActorContext, userId: number, ref?: string): Promise<void> {
  requireAdmin(ctx.actor);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (tx) => {
    const user = await tx.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst();
    if (!user) throw notFound('user_not_found');
    const ended = await endSessions(tx, userId, ref ? { ref } : {});
    await appendUserEvent(tx, {
      userId,
      actorId: ctx.actor.userId,
      at: now,
      kind: 'sessions_ended',
      data: { sessions: ended, ...(ref ? { session: ref } : {}) },
    });
  });
}
