import type { ActorContext, AppContext } from '../../context.js';
import type { Db, Tx } from '../../db/database.js';
import { notFound, tooManyRequests } from '../../lib/errors.js';
import { requireAdmin } from './policy.js';
import {
  ACCOUNT_POLICY,
  ADDRESS_POLICY,
  accountKey,
  addressKey,
  countAttempt,
  type ThrottlePolicy,
  type ThrottleState,
} from './throttle-rules.js';
import { appendUserEvent } from './user-events.js';

/** Who is trying to sign in: the username as typed and the client's address. */
export interface SignInAttempt {
  username: string;
  address: string;
}

const keysOf = (who: SignInAttempt): Array<[string, ThrottlePolicy]> => [
  [accountKey(who.username), ACCOUNT_POLICY],
  [addressKey(who.address), ADDRESS_POLICY],
];

async function lockThrottleRow(tx: Tx, key: string, now: number): Promise<ThrottleState> {
  await tx
    .insertInto('login_throttles')
    .values({ key, failures: 0, window_start: now, last_attempt_at: now, locked_until: null })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await tx
    .selectFrom('login_throttles')
    .selectAll()
    .where('key', '=', key)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return {
    failures: row.failures,
    windowStart: row.window_start,
    lastAttemptAt: row.last_attempt_at,
    lockedUntil: row.locked_until,
  };
}

/** The users an account key names (usernames compare case-insensitively for throttling). */
async function usersOfKey(tx: Tx, key: string) {
  const name = key.slice('account:'.length);
  return tx
    .selectFrom('users')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['username']), '=', name))
    .execute();
}

async function recordLock(tx: Tx, key: string, until: number, now: number): Promise<void> {
  for (const user of await usersOfKey(tx, key))
    await appendUserEvent(tx, {
      userId: user.id,
      actorId: null,
      at: now,
      kind: 'sign_in_locked',
      data: { until: new Date(until).toISOString() },
    });
}

/**
 * Count a sign-in attempt against the account and the address before any password is checked;
 * 429 `too_many_attempts` (with how long to wait) while either backs off or is locked. A locked
 * account and an unknown username that is being throttled answer exactly alike.
 */
export async function admitAttempt(app: AppContext, who: SignInAttempt): Promise<void> {
  const now = app.clock.now();
  const waitMs = await app.db.transaction().execute(async (tx) => {
    let wait = 0;
    for (const [key, policy] of keysOf(who)) {
      const verdict = countAttempt(policy, await lockThrottleRow(tx, key, now), now);
      const { failures, windowStart, lastAttemptAt, lockedUntil } = verdict.next;
      await tx
        .updateTable('login_throttles')
        .set({
          failures,
          window_start: windowStart,
          last_attempt_at: lastAttemptAt,
          locked_until: lockedUntil,
        })
        .where('key', '=', key)
        .execute();
      if (verdict.locked && lockedUntil && policy === ACCOUNT_POLICY)
        await recordLock(tx, key, lockedUntil, now);
      wait = Math.max(wait, verdict.retryAfterMs);
    }
    return wait;
  });
  if (waitMs > 0) throw tooManyRequests('too_many_attempts', { retryAfter: Math.ceil(waitMs / 1000) });
}

/** The attempt failed: it stays counted, and locks the account or address once they failed often enough. */
export async function attemptFailed(app: AppContext, who: SignInAttempt): Promise<void> {
  const now = app.clock.now();
  await app.db.transaction().execute(async (tx) => {
    for (const [key, policy] of keysOf(who)) {
      const until = now + policy.lockMs;
      const locked = await tx
        .updateTable('login_throttles')
        .set({ locked_until: until })
        .where('key', '=', key)
        .where('failures', '>=', policy.lockAfter)
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
        .returning('key')
        .executeTakeFirst();
      if (locked && policy === ACCOUNT_POLICY) await recordLock(tx, key, until, now);
    }
  });
}

/**
 * The attempt succeeded: the address is not charged for it, and the account starts afresh — unless
 * this was only the password of a two-step sign-in (`accountToo: false`), whose code is still to come.
 */
export async function attemptSucceeded(
  app: AppContext,
  who: SignInAttempt,
  { accountToo = true } = {},
): Promise<void> {
  const [[account], [address]] = keysOf(who) as [[string, ThrottlePolicy], [string, ThrottlePolicy]];
  await app.db.transaction().execute(async (tx) => {
    if (accountToo) await tx.deleteFrom('login_throttles').where('key', '=', account).execute();
    await tx
      .updateTable('login_throttles')
      .set((eb) => ({ failures: eb('failures', '-', 1) }))
      .where('key', '=', address)
      .where('failures', '>', 0)
      .execute();
  });
}

/** How an account stands with the throttle, for the admin. */
export async function accountLockout(
  tx: Tx,
  username: string,
  now: number,
): Promise<{ lockedUntil: number | null; failures: number }> {
  const row = await tx
    .selectFrom('login_throttles')
    .select(['failures', 'window_start', 'locked_until'])
    .where('key', '=', accountKey(username))
    .executeTakeFirst();
  if (!row) return { lockedUntil: null, failures: 0 };
  const locked = row.locked_until !== null && row.locked_until > now;
  const current = locked || now - row.window_start < ACCOUNT_POLICY.windowMs;
  return { lockedUntil: locked ? row.locked_until : null, failures: current ? row.failures : 0 };
}

/** 解除锁定: the admin lifts an account's lockout and backoff; recorded in the user's history. */
export async function liftLockout(ctx: ActorContext, userId: number): Promise<void> {
  requireAdmin(ctx.actor);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (tx) => {
    const user = await tx.selectFrom('users').select('username').where('id', '=', userId).executeTakeFirst();
    if (!user) throw notFound('user_not_found');
    const before = await accountLockout(tx, user.username, now);
    await tx.deleteFrom('login_throttles').where('key', '=', accountKey(user.username)).execute();
    await appendUserEvent(tx, {
      userId,
      actorId: ctx.actor.userId,
      at: now,
      kind: 'sign_in_unlocked',
      data: {
        wasLockedUntil: before.lockedUntil === null ? null : new Date(before.lockedUntil).toISOString(),
        failures: before.failures,
      },
    });
  });
}

/** Forget counters whose window and lock are over (a spray of usernames leaves one row each). */
export async function pruneSignInThrottles(db: Db, now: number): Promise<number> {
  const windowMs = Math.max(ACCOUNT_POLICY.windowMs, ADDRESS_POLICY.windowMs);
  const { numDeletedRows } = await db
    .deleteFrom('login_throttles')
    .where('last_attempt_at', '<', now - windowMs)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .executeTakeFirst();
  return Number(numDeletedRows);
}
