import { createHmac, hkdfSync, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { sha256Hex } from '../../lib/tokens.js';

/**
 * The portal's proofs of ownership. The tracking token is a random secret handed out once at
 * registration (only its sha256 is stored); an SMS code is six digits (stored as an HMAC, since six
 * digits are guessed offline from a plain hash in a moment); an access token is a short-lived,
 * HMAC-signed statement "the bearer proved ownership of complaint N until T".
 */

/** 144 random bits, base64url. */
export const newTrackingToken = () => randomBytes(18).toString('base64url');
export const trackingTokenHash = (token: string) => sha256Hex(token);

export const TRACKING_CODE_DIGITS = 6;
export const newTrackingCode = () =>
  String(randomInt(0, 10 ** TRACKING_CODE_DIGITS)).padStart(TRACKING_CODE_DIGITS, '0');

interface PortalKeys {
  access: Buffer;
  code: Buffer;
}
const keyCache = new WeakMap<Buffer, PortalKeys>();

function portalKeys(secret: Buffer): PortalKeys {
  let keys = keyCache.get(secret);
  if (!keys) {
    const derive = (info: string) => Buffer.from(hkdfSync('sha256', secret, 'kesu', info, 32));
    keys = { access: derive('portal-access-token'), code: derive('portal-tracking-code') };
    keyCache.set(secret, keys);
  }
  return keys;
}

/** Compare two secrets (or their hashes) in time that does not depend on where they differ. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Does `presented` hash to the stored tracking-token hash? False when there is none. */
export function tokenMatches(storedHash: string | null, presented: string): boolean {
  const hash = trackingTokenHash(presented);
  // Compared against a stand-in when there is nothing stored, so that both paths take the same time.
  return sameSecret(storedHash ?? '0'.repeat(hash.length), hash) && storedHash !== null;
}

export const trackingCodeHash = (secret: Buffer, complaintId: number, code: string) =>
  createHmac('sha256', portalKeys(secret).code).update(`${complaintId}:${code}`).digest('hex');

const sign = (secret: Buffer, payload: string) =>
  createHmac('sha256', portalKeys(secret).access).update(payload).digest('base64url');

/** `base64url({"n":number,"e":expiresAtMs}).signature` */
export function signAccessToken(secret: Buffer, number: string, expiresAt: number): string {
  const payload = Buffer.from(JSON.stringify({ n: number, e: expiresAt })).toString('base64url');
  return `${payload}.${sign(secret, payload)}`;
}

/** Is this an unexpired access token for this complaint number? */
export function verifyAccessToken(secret: Buffer, token: string, number: string, now: number): boolean {
  const [payload, signature, ...rest] = token.split('.');
  if (!payload || !signature || rest.length) return false;
  if (!sameSecret(sign(secret, payload), signature)) return false;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      n?: unknown;
      e?: unknown;
    };
    return claims.n === number && typeof claims.e === 'number' && claims.e > now;
  } catch {
    return false;
  }
}
