import { Secret, TOTP } from 'otpauth';
import type { ActorContext } from '../../context.js';
import type { Db, Tx } from '../../db/database.js';
import { type Actor, hasRole } from '../../domain/actor.js';
import { badRequest, conflict, forbidden, notFound } from '../../lib/errors.js';
import { open, piiKeys, seal } from '../privacy/index.js';
import { requireAdmin } from './policy.js';
import { appendUserEvent } from './user-events.js';

/** 两步验证 (TOTP, RFC 6238): offered to the roles that can do the most harm with a stolen password. */
export const TOTP_ROLES = ['admin', 'manager'] as const;
const PERIOD_S = 30;

export const totpOffered = (actor: Actor) => TOTP_ROLES.some((r) => hasRole(actor, r));

const totpOf = (secret: string, username: string) =>
  new TOTP({
    issuer: 'Kesu',
    label: username,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_S,
    secret: Secret.fromBase32(secret),
  });

export async function totpStatus(db: Db | Tx, userId: number): Promise<{ enabled: boolean }> {
  const row = await db
    .selectFrom('user_totp')
    .select('enabled_at')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return { enabled: row?.enabled_at != null };
}

/**
 * Check a code against the user's secret (enrolled, or pending when `pending`): the current time
 * step or one either side, and never a step that was already used (a replayed code is refused).
 */
async function acceptCode(
  tx: Tx,
  secretKey: Buffer,
  input: { userId: number; code: string; now: number; pending: boolean },
): Promise<boolean> {
  const row = await tx
    .selectFrom('user_totp')
    .innerJoin('users', 'users.id', 'user_totp.user_id')
    .select(['user_totp.secret', 'user_totp.enabled_at', 'user_totp.last_step', 'users.username'])
    .where('user_totp.user_id', '=', input.userId)
    .forUpdate()
    .executeTakeFirst();
  if (!row || (row.enabled_at === null) !== input.pending) return false;
  const totp = totpOf(open(piiKeys(secretKey), row.secret), row.username);
  const delta = totp.validate({ token: input.code, timestamp: input.now, window: 1 });
  if (delta === null) return false;
  const step = totp.counter({ timestamp: input.now }) + delta;
  if (step <= row.last_step) return false;
  await tx.updateTable('user_totp').set({ last_step: step }).where('user_id', '=', input.userId).execute();
  return true;
}

/** The second sign-in step: does this code (not used before) belong to the user's enrolled secret? */
export function useTotpCode(
  tx: Tx,
  secretKey: Buffer,
  input: { userId: number; code: string; now: number },
): Promise<boolean> {
  return acceptCode(tx, secretKey, { ...input, pending: false });
}

const wrongCode = () => badRequest('validation_failed', [{ path: '/code', code: 'invalid_totp_code' }]);

/** Start (or restart) an enrolment: a new secret, shown once as text and as an otpauth:// URI. */
export async function startTotpEnrolment(ctx: ActorContext): Promise<{ secret: string; uri: string }> {
  if (!totpOffered(ctx.actor)) throw forbidden('totp_not_offered');
  const secret = new Secret({ size: 20 }).base32;
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (tx) => {
    if ((await totpStatus(tx, ctx.actor.userId)).enabled) throw conflict('totp_already_enabled');
    const sealed = seal(piiKeys(ctx.config.secret), secret);
    await tx.deleteFrom('user_totp').where('user_id', '=', ctx.actor.userId).execute();
    await tx
      .insertInto('user_totp')
      .values({ user_id: ctx.actor.userId, secret: sealed, enabled_at: null, last_step: 0, created_at: now })
      .execute();
  });
  return { secret, uri: totpOf(secret, ctx.actor.username).toString() };
}

/** The enrolment counts only once the authenticator app has produced a correct code. */
export async function confirmTotpEnrolment(ctx: ActorContext, code: string): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (tx) => {
    const pending = await tx
      .selectFrom('user_totp')
      .select('enabled_at')
      .where('user_id', '=', ctx.actor.userId)
      .executeTakeFirst();
    if (!pending || pending.enabled_at !== null) throw conflict('totp_not_pending');
    const input = { userId: ctx.actor.userId, code, now, pending: true };
    if (!(await acceptCode(tx, ctx.config.secret, input))) throw wrongCode();
    await tx
      .updateTable('user_totp')
      .set({ enabled_at: now })
      .where('user_id', '=', ctx.actor.userId)
      .execute();
    await appendUserEvent(tx, {
      userId: ctx.actor.userId,
      actorId: ctx.actor.userId,
      at: now,
      kind: 'totp_enabled',
    });
  });
}

/** Turn the second factor off, proving possession with a current code. */
export async function disableTotp(ctx: ActorContext, code: string): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (tx) => {
    if (!(await totpStatus(tx, ctx.actor.userId)).enabled) throw conflict('totp_not_enabled');
    if (!(await useTotpCode(tx, ctx.config.secret, { userId: ctx.actor.userId, code, now })))
      throw wrongCode();
    await tx.deleteFrom('user_totp').where('user_id', '=', ctx.actor.userId).execute();
    await appendUserEvent(tx, {
      userId: ctx.actor.userId,
      actorId: ctx.actor.userId,
      at: now,
      kind: 'totp_disabled',
    });
  });
}

/** 重置两步验证: the admin removes the second factor of a user who lost the device. */
export async function resetTotp(ctx: ActorContext, userId: number): Promise<void> {
  requireAdmin(ctx.actor);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (tx) => {
    const removed = await tx
      .deleteFrom('user_totp')
      .where('user_id', '=', userId)
      .returning('user_id')
      .execute();
    if (removed.length === 0) throw notFound('totp_not_enabled');
    await appendUserEvent(tx, { userId, actorId: ctx.actor.userId, at: now, kind: 'totp_reset' });
  });
}
