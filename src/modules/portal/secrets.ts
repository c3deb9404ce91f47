import { createHmac, hkdfSync, randomInt, timingSafeEqual } from 'node:crypto';
import { sha256Hex } from '../../lib/tokens.js';

/**
 * The portal's proofs of ownership. The tracking token is a random secret handed out once at
 * registration, short enough to write down (only a keyed hash is stored); an SMS code is six digits (stored as an HMAC, since six
 * digits are guessed offline from a plain hash in a moment); an access token is a short-lived,
 * HMAC-signed statement "the bearer proved ownership of complaint N until T".
 */

/** Letters and digits nobody confuses when writing them down or reading them out: no 0/O, 1/I/L. */
export const TRACKING_TOKEN_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const TRACKING_TOKEN_LENGTH = 10;

/**
 * Ten characters of 31 (about 49.5 random bits), grouped as `K7QXM-93THP`. Guessing is held back
 * by the per-address limits, and the keyed hash means a copy of the database alone cannot be
 * searched for tokens offline.
 */
export function newTrackingToken(): string {
  const chars = Array.from(
    { length: TRACKING_TOKEN_LENGTH },
    () => TRACKING_TOKEN_ALPHABET[randomInt(TRACKING_TOKEN_ALPHABET.length)],
  ).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/** As people type it: with or without the dash or spaces, in either case. */
export const normaliseTrackingToken = (token: string) => token.replace(/[\s-]/g, '').toUpperCase();

/** What is stored for a tracking token: an HMAC of its normal form under a key derived from the secret. */
export const trackingTokenHash = (secret: Buffer, token: string) =>
  createHmac('sha256', portalKeys(secret).token).update(normaliseTrackingToken(token)).digest('hex');

export const TRACKING_CODE_DIGITS = 6;
export const newTrackingCode = () =>
  String(randomInt(0, 10 ** TRACKING_CODE_DIGITS)).padStart(TRACKING_CODE_DIGITS, '0');

interface PortalKeys {
  access: Buffer;
  code: Buffer;
  token: Buffer;
}
const keyCache = new WeakMap<Buffer, PortalKeys>();

function portalKeys(secret: Buffer): PortalKeys {
  let keys = keyCache.get(secret);
  if (!keys) {
    const derive = (info: string) => Buffer.from(hkdfSync('sha256', secret, 'kesu', info, 32));
    keys = {
      access: derive('portal-access-token'),
      code: derive('portal-tracking-code'),
      token: derive('portal-tracking-token'),
    };
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

/**
 * Does `presented` hash to the stored tracking-token hash? False when there is none. Tokens handed
 * out before the short ones (24 base64url characters, stored as their plain sha256) still match.
 */
export function tokenMatches(secret: Buffer, storedHash: string | null, presented: string): boolean {
  const keyed = trackingTokenHash(secret, presented);
  const legacy = sha256Hex(presented);
  // Compared against a stand-in when there is nothing stored, so that every path takes the same time.
  const stored = storedHash ?? '0'.repeat(keyed.length);
  const matches = sameSecret(stored, keyed);
  const matchesLegacy = sameSecret(stored, legacy);
  return (matches || matchesLegacy) && storedHash !== null;
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
