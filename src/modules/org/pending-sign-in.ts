import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/**
 * Between the password and the TOTP code a user holds a pending-sign-in token: signed (HMAC under a
 * key derived from the configured secret, so every server accepts it), naming the user and expiring
 * after a few minutes. It is not a session: nothing but the second step accepts it.
 */
export const PENDING_SIGN_IN_TTL_MS = 5 * 60_000;

const keys = new WeakMap<Buffer, Buffer>();
function keyOf(secret: Buffer): Buffer {
  let key = keys.get(secret);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', secret, 'kesu', 'pending-sign-in', 32));
    keys.set(secret, key);
  }
  return key;
}

const sign = (secret: Buffer, body: string) =>
  createHmac('sha256', keyOf(secret)).update(body).digest('base64url');

export function issuePendingSignIn(secret: Buffer, userId: number, now: number) {
  const expiresAt = now + PENDING_SIGN_IN_TTL_MS;
  const body = Buffer.from(JSON.stringify({ u: userId, e: expiresAt })).toString('base64url');
  return { pendingToken: `${body}.${sign(secret, body)}`, expiresAt };
}

/** The user a pending-sign-in token names; null when forged, malformed or expired. */
export function readPendingSignIn(secret: Buffer, token: string, now: number): number | null {
  const [body, mac, extra] = token.split('.');
  if (!body || !mac || extra !== undefined) return null;
  const expected = Buffer.from(sign(secret, body));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const { u, e } = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as {
      u: unknown;
      e: unknown;
    };
    return typeof u === 'number' && typeof e === 'number' && e > now ? u : null;
  } catch {
    return null;
  }
}
