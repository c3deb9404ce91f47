import type { ActorContext, AppContext } from '../../context.js';
import type { Db, Tx } from '../../db/database.js';
import type { Actor } from '../../domain/actor.js';
import type { Locale } from '../../i18n/index.js';
import { notFound, unauthenticated } from '../../lib/errors.js';
import { newSecret, sha256Hex } from '../../lib/tokens.js';
import { actorRows, loadActor, toActor } from './actor.js';
import type { SessionView } from './security-schemas.js';
import { rememberLocale } from './user-locale.js';

export type { SessionView };

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
/** "Last seen" is written at most this often per session, not on every request. */
const SEEN_EVERY_MS = 60_000;
/** A session is named outside by the start of its id (itself a hash of the cookie's token). */
const REF_LENGTH = 20;

/** Where a sign-in comes from, shown in the session list. */
export interface SignInClient {
  address: string;
  userAgent: string | null;
  /** The language the console asked in (absent for a client that says none): the user's notices follow it. */
  locale?: Locale;
}

/** Open a session for a user whose credentials were checked; the raw token goes to the cookie only. */
export async function openSession(
  app: AppContext,
  userId: number,
  client: SignInClient,
): Promise<{ token: string; actor: Actor; expiresAt: number }> {
  const actor = await loadActor(app.db, userId);
  if (!actor) throw unauthenticated('invalid_credentials');
  const token = newSecret('kss');
  const now = app.clock.now();
  const expiresAt = now + SESSION_TTL_MS;
  await app.db
    .insertInto('sessions')
    .values({
      id: sha256Hex(token),
      user_id: userId,
      created_at: now,
      expires_at: expiresAt,
      last_seen_at: now,
      address: client.address,
      user_agent: client.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  if (client.locale) await rememberLocale(app.db, userId, client.locale);
  return { token, actor, expiresAt };
}

export async function logout(app: AppContext, token: string): Promise<void> {
  await app.db.deleteFrom('sessions').where('id', '=', sha256Hex(token)).execute();
}

/** The signed-in user of a session token, in one query; null when unknown, revoked, expired or deactivated. */
export async function actorForSession(app: AppContext, token: string): Promise<Actor | null> {
  const id = sha256Hex(token);
  const now = app.clock.now();
  const rows = await actorRows(app.db)
    .innerJoin('sessions', 'sessions.user_id', 'users.id')
    .select('sessions.last_seen_at')
    .where('sessions.id', '=', id)
    .where('sessions.expires_at', '>', now)
    .execute();
  const seen = rows[0]?.last_seen_at;
  if (rows.length && (seen == null || now - seen >= SEEN_EVERY_MS))
    await app.db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
  return toActor(rows);
}

/** A user's open sessions, newest first; `currentToken` marks the one the request came with. */
export async function listSessions(
  db: Db | Tx,
  userId: number,
  now: number,
  currentToken?: string,
): Promise<SessionView[]> {
  const current = currentToken ? sha256Hex(currentToken) : null;
  const rows = await db
    .selectFrom('sessions')
    .selectAll()
    .where('user_id', '=', userId)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .execute();
  const iso = (ms: number) => new Date(ms).toISOString();
  return rows.map((s) => ({
    id: s.id.slice(0, REF_LENGTH),
    createdAt: iso(s.created_at),
    lastSeenAt: iso(s.last_seen_at ?? s.created_at),
    address: s.address,
    userAgent: s.user_agent,
    current: s.id === current,
  }));
}

/**
 * End sessions of a user: the one named by `ref`, or all of them but `keepToken`'s. Their cookies
 * answer 401 from the next request on. Returns how many ended; 404 when `ref` names none.
 */
export async function endSessions(
  tx: Tx,
  userId: number,
  which: { ref: string } | { keepToken?: string },
): Promise<number> {
  let q = tx.deleteFrom('sessions').where('user_id', '=', userId);
  if ('ref' in which) q = q.where('id', 'like', `${which.ref}%`);
  else if (which.keepToken) q = q.where('id', '!=', sha256Hex(which.keepToken));
  const ended = Number((await q.executeTakeFirst()).numDeletedRows);
  if ('ref' in which && ended === 0) throw notFound('session_not_found');
  return ended;
}

/** 我的会话: the signed-in user's own sessions. */
export const mySessions = (ctx: ActorContext, currentToken?: string) =>
  listSessions(ctx.db, ctx.actor.userId, ctx.clock.now(), currentToken);

/** End one of my sessions, or all but the current one. */
export async function endMySessions(ctx: ActorContext, which: { ref: string } | { keepToken?: string }) {
  await ctx.db.transaction().execute((tx) => endSessions(tx, ctx.actor.userId, which));
}
