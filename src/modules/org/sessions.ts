import type { AppContext } from '../../context.js';
import type { Actor } from '../../domain/actor.js';
import { unauthenticated } from '../../lib/errors.js';
import { newSecret, sha256Hex } from '../../lib/tokens.js';
import { actorRows, loadActor, toActor } from './actor.js';
import { burnPasswordCheck, verifyPassword } from './passwords.js';

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/** Check a username and password and open a session; the raw token goes to the cookie only. */
export async function login(
  app: AppContext,
  username: string,
  password: string,
): Promise<{ token: string; actor: Actor; expiresAt: number }> {
  const user = await app.db
    .selectFrom('users')
    .select(['id', 'password_hash', 'active'])
    .where('username', '=', username)
    .executeTakeFirst();
  if (!user) {
    await burnPasswordCheck(password);
    throw unauthenticated('invalid_credentials');
  }
  if (!(await verifyPassword(user.password_hash, password)) || !user.active) {
    throw unauthenticated('invalid_credentials');
  }
  const actor = await loadActor(app.db, user.id);
  if (!actor) throw unauthenticated('invalid_credentials');
  const token = newSecret('kss');
  const now = app.clock.now();
  const expiresAt = now + SESSION_TTL_MS;
  await app.db
    .insertInto('sessions')
    .values({ id: sha256Hex(token), user_id: user.id, created_at: now, expires_at: expiresAt })
    .execute();
  return { token, actor, expiresAt };
}

export async function logout(app: AppContext, token: string): Promise<void> {
  await app.db.deleteFrom('sessions').where('id', '=', sha256Hex(token)).execute();
}

/** The signed-in user of a session token, in one query; null when unknown, expired or deactivated. */
export async function actorForSession(app: AppContext, token: string): Promise<Actor | null> {
  const rows = await actorRows(app.db)
    .innerJoin('sessions', 'sessions.user_id', 'users.id')
    .where('sessions.id', '=', sha256Hex(token))
    .where('sessions.expires_at', '>', app.clock.now())
    .execute();
  return toActor(rows);
}
