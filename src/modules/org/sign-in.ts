import type { AppContext } from '../../context.js';
import type { Actor } from '../../domain/actor.js';
import { unauthenticated } from '../../lib/errors.js';
import { admitAttempt, attemptFailed, attemptSucceeded } from './login-throttle.js';
import { burnPasswordCheck, verifyPassword } from './passwords.js';
import { issuePendingSignIn, readPendingSignIn } from './pending-sign-in.js';
import { openSession, type SignInClient } from './sessions.js';
import { totpStatus, useTotpCode } from './totp.js';

export type SignedIn =
  | { kind: 'session'; token: string; actor: Actor; expiresAt: number }
  | { kind: 'second_factor'; pendingToken: string; expiresAt: number };

/**
 * 登录: throttled per account and per address before the password is checked; an unknown user
 * costs the same argon2 check as a wrong password and answers the same. A user with a second
 * factor gets a pending-sign-in token instead of a session.
 */
export async function login(
  app: AppContext,
  input: { username: string; password: string } & SignInClient,
): Promise<SignedIn> {
  const who = { username: input.username, address: input.address };
  await admitAttempt(app, who);
  const user = await app.db
    .selectFrom('users')
    .select(['id', 'password_hash', 'active'])
    .where('username', '=', input.username)
    .executeTakeFirst();
  let valid = false;
  if (user) valid = (await verifyPassword(user.password_hash, input.password)) && user.active === 1;
  else await burnPasswordCheck(input.password);
  if (!user || !valid) {
    await attemptFailed(app, who);
    throw unauthenticated('invalid_credentials');
  }
  if ((await totpStatus(app.db, user.id)).enabled) {
    // The account's counter stays charged until the code is right too.
    await attemptSucceeded(app, who, { accountToo: false });
    return { kind: 'second_factor', ...issuePendingSignIn(app.config.secret, user.id, app.clock.now()) };
  }
  await attemptSucceeded(app, who);
  return { kind: 'session', ...(await openSession(app, user.id, input)) };
}

/** The second step: the 6-digit code of the user's authenticator; wrong or replayed codes count as failures. */
export async function completeSignIn(
  app: AppContext,
  input: { pendingToken: string; code: string } & SignInClient,
): Promise<Extract<SignedIn, { kind: 'session' }>> {
  const userId = readPendingSignIn(app.config.secret, input.pendingToken, app.clock.now());
  const user =
    userId === null
      ? undefined
      : await app.db
          .selectFrom('users')
          .select(['id', 'username'])
          .where('id', '=', userId)
          .where('active', '=', 1)
          .executeTakeFirst();
  if (!user) throw unauthenticated('sign_in_expired');
  const who = { username: user.username, address: input.address };
  await admitAttempt(app, who);
  const accepted = await app.db
    .transaction()
    .execute((tx) =>
      useTotpCode(tx, app.config.secret, { userId: user.id, code: input.code, now: app.clock.now() }),
    );
  if (!accepted) {
    await attemptFailed(app, who);
    throw unauthenticated('invalid_totp_code');
  }
  await attemptSucceeded(app, who);
  return { kind: 'session', ...(await openSession(app, user.id, input)) };
}
